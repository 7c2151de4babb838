/**
 * `npm run eval` — scores the analysis, in process, with the protocols of ../shared/EVAL.md:
 * seeds (sure/possible alignment, omissions, findings checks, paragraph kinds) and the dev corpora
 * (gvc-dev, ecbplus-dev: micro P/R/F1, ECB+ on evaluated units, GVC silver omissions).
 *
 *   npm run eval                       print the scores
 *   npm run eval -- --check            also fail (exit 1) below the floors in scripts/eval/floors.json
 *   npm run eval -- --only seeds       one data set: seeds | gvc | ecbplus | large (all three through the
 *                                      candidate index, as a set above candidates.allPairsLimit is read)
 *   npm run eval -- --set pairThreshold=0.15 --set weights.names=0.3   try other options
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalysisOptions } from '../../src/core';
import { scoreCorpus } from './corpus';
import { scoreSeeds, seedsFiles } from './seeds';
import { analyzeFiles, fmt, readJson, REPO_ROOT, sharedAvailable, sharedDir } from './shared';

type Metrics = Record<string, number>;

const FLOORS_FILE = join(REPO_ROOT, 'scripts', 'eval', 'floors.json');

function main(): void {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
  });
  if (!sharedAvailable()) {
    console.error(`eval: no measurement data: ${sharedDir()} (with seeds/gold.json) is absent.`);
    console.error('eval: place the shared data beside the checkout as ../shared, or set COVERAGE_DIFF_SHARED.');
    if (values.check) console.error('eval: the quality floors cannot be checked without it.');
    process.exit(values.check ? 1 : 0);
  }
  const options = parseOverrides(values.set ?? []);
  const only = new Set(values.only ?? ['seeds', 'gvc', 'ecbplus', 'large']);
  const metrics: Metrics = {};
  const log = values.json ? () => {} : (line: string) => console.log(line);

  if (only.has('seeds')) {
    const gold = join(sharedDir(), 'seeds', 'gold.json');
    const files = seedsFiles(gold);
    const t0 = performance.now();
    const rep = analyzeFiles(files, options);
    const ms = performance.now() - t0;
    const s = scoreSeeds(gold, files, rep);
    const a = s.alignment;
    log(`seeds alignment: P=${fmt(a.p)} R=${fmt(a.r)} F1=${fmt(a.f1)}  (predicted line pairs ${a.predicted}, furniture pairs ${a.furniturePairs}, sure pairs ${a.surePairs})`);
    log(`seeds omissions: P=${fmt(s.omissions.p)} R=${fmt(s.omissions.r)} F1=${fmt(s.omissions.f1)}`);
    const ro = s.reportOmissions;
    log(`seeds omissions as the report lists them (panel, Markdown): P=${fmt(ro.p)} R=${fmt(ro.r)} F1=${fmt(ro.f1)}`);
    for (const c of s.findings) log(`  [${c.ok ? 'x' : ' '}] ${c.name}`);
    const ok = s.findings.filter((c) => c.ok).length;
    log(`seeds findings: ${ok}/${s.findings.length}   analysis ${ms.toFixed(0)} ms (first run in this process: includes loading the language model)`);
    const k = s.kinds;
    log(
      `seeds kinds: not-content lines missed ${k.notContentMissed.length} ${JSON.stringify(k.notContentMissed.slice(0, 4))}; ` +
        `headings missed ${k.headingsMissed.length} ${JSON.stringify(k.headingsMissed.slice(0, 4))}; not-content paragraphs in pairs ${k.notContentInPairs}`,
    );
    Object.assign(metrics, {
      'seeds.alignment.p': a.p,
      'seeds.alignment.r': a.r,
      'seeds.alignment.f1': a.f1,
      'seeds.omissions.f1': s.omissions.f1,
      'seeds.reportOmissions.f1': ro.f1,
      'seeds.findings.passed': ok,
      'seeds.kinds.errors': k.notContentMissed.length + k.headingsMissed.length + k.notContentInPairs,
    });
  }
  for (const [name, dir] of [
    ['gvc', 'gvc-dev'],
    ['ecbplus', 'ecbplus-dev'],
  ] as const) {
    if (!only.has(name)) continue;
    const s = scoreCorpus(join(sharedDir(), 'corpora', dir), options);
    const a = s.alignment;
    const o = s.omissions;
    const proto = name === 'ecbplus' ? 'evaluated units' : 'all units';
    log(`${dir} alignment (${proto}): P=${fmt(a.p)} R=${fmt(a.r)} F1=${fmt(a.f1)}  (tp=${a.tp} fp=${a.fp} fn=${a.fn}; ${s.clusters} clusters, ${s.seconds.toFixed(1)} s)`);
    log(`${dir} omissions (silver): P=${fmt(o.p)} R=${fmt(o.r)} F1=${fmt(o.f1)}  (tp=${o.tp} fp=${o.fp} fn=${o.fn})`);
    const ro = s.reportOmissions;
    log(`${dir} omissions as the report lists them (silver): P=${fmt(ro.p)} R=${fmt(ro.r)} F1=${fmt(ro.f1)}  (tp=${ro.tp} fp=${ro.fp} fn=${ro.fn})`);
    Object.assign(metrics, {
      [`${name}.alignment.p`]: a.p,
      [`${name}.alignment.r`]: a.r,
      [`${name}.alignment.f1`]: a.f1,
      [`${name}.omissions.f1`]: o.f1,
      [`${name}.reportOmissions.f1`]: ro.f1,
    });
  }
  if (only.has('large')) {
    // The same data read the way a large comparison set is (above candidates.allPairsLimit paragraphs): pairs
    // proposed by the inverted index instead of all of them. What a set of many articles loses to that shows here.
    const large: Partial<AnalysisOptions> = { ...options, candidates: { ...options.candidates, allPairsLimit: 0 } as AnalysisOptions['candidates'] };
    const gold = join(sharedDir(), 'seeds', 'gold.json');
    const files = seedsFiles(gold);
    const s = scoreSeeds(gold, files, analyzeFiles(files, large));
    const found = s.findings.filter((c) => c.ok).length;
    log(`large-set path (candidate index for every set): seeds alignment P=${fmt(s.alignment.p)} R=${fmt(s.alignment.r)} F1=${fmt(s.alignment.f1)}; omissions F1=${fmt(s.omissions.f1)}; findings ${found}/${s.findings.length}`);
    Object.assign(metrics, { 'large.seeds.alignment.f1': s.alignment.f1, 'large.seeds.omissions.f1': s.omissions.f1 });
    for (const [name, dir] of [
      ['gvc', 'gvc-dev'],
      ['ecbplus', 'ecbplus-dev'],
    ] as const) {
      const a = scoreCorpus(join(sharedDir(), 'corpora', dir), large).alignment;
      log(`large-set path: ${dir} alignment P=${fmt(a.p)} R=${fmt(a.r)} F1=${fmt(a.f1)}`);
      metrics[`large.${name}.alignment.f1`] = a.f1;
    }
    // A vocabulary too large to compare every word with every word meets words through the neighbour table.
    const table: Partial<AnalysisOptions> = { ...large, softMatching: 'listed neighbours' };
    const t = scoreSeeds(gold, files, analyzeFiles(files, table));
    log(`large-vocabulary path (candidate index, words through the neighbour table): seeds alignment F1=${fmt(t.alignment.f1)}; omissions F1=${fmt(t.omissions.f1)}; findings ${t.findings.filter((c) => c.ok).length}/${t.findings.length}`);
    Object.assign(metrics, { 'largeVocabulary.seeds.alignment.f1': t.alignment.f1, 'largeVocabulary.seeds.omissions.f1': t.omissions.f1 });
  }
  if (values.json) console.log(JSON.stringify(metrics));
  if (values.check) process.exit(checkFloors(metrics) ? 0 : 1);
}

/** Every metric named in floors.json must reach its floor ("max" floors, like error counts, must not exceed it). */
function checkFloors(metrics: Metrics): boolean {
  const floors = readJson<{ min: Metrics; max: Metrics }>(FLOORS_FILE);
  console.log(`floors from ${FLOORS_FILE}:`);
  let ok = true;
  for (const [key, floor] of Object.entries(floors.min)) {
    const value = metrics[key];
    if (value === undefined) continue; // not measured in this run (--only)
    const pass = value + 1e-9 >= floor;
    ok &&= pass;
    console.log(`floor ${pass ? 'ok  ' : 'FAIL'} ${key} = ${fmt(value)} (floor ${fmt(floor)})`);
  }
  for (const [key, ceiling] of Object.entries(floors.max)) {
    const value = metrics[key];
    if (value === undefined) continue;
    const pass = value <= ceiling;
    ok &&= pass;
    console.log(`floor ${pass ? 'ok  ' : 'FAIL'} ${key} = ${value} (at most ${ceiling})`);
  }
  console.log(ok ? 'eval: all floors met' : 'eval: below a floor (see FAIL lines)');
  return ok;
}

/** "--set a.b=0.3" → { a: { b: 0.3 } }, numbers parsed, lists split on commas. */
function parseOverrides(sets: readonly string[]): Partial<AnalysisOptions> {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const [path, raw] = s.split('=') as [string, string | undefined];
    if (raw === undefined) throw new Error(`--set ${s}: expected key=value`);
    const value: unknown = raw.includes(',') || path === 'ignoreKinds' ? raw.split(',').filter(Boolean) : Number.isNaN(Number(raw)) ? raw : Number(raw);
    const keys = path.split('.');
    let node = out;
    keys.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
    node[keys[keys.length - 1]!] = value;
  }
  return out as Partial<AnalysisOptions>;
}

main();
