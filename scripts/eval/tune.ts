/**
 * `npm run tune` — chooses the pair-confidence model and the alignment thresholds on development data only:
 * the seeds and the dev corpora (gvc-dev, ecbplus-dev); hidden held-out sets are never seen.
 *
 *  1. Features of every scored candidate pair (src/core/score/model.ts FEATURES), labelled by each set's gold:
 *     seeds — the two lines share a point (sure or possible); gvc — a gold pair; ecb+ — a gold pair, evaluated
 *     units only.
 *  2. Logistic regression, each data set weighted as a whole (so the single seed cluster is not drowned by 195
 *     corpus clusters; --seeds-weight, default 2, against 1 for each corpus), L2-regularised, on standardised
 *     features → src/core/score/model.json.
 *  3. A coordinate search over the thresholds, scored by the weighted mean alignment F1 of the three sets through
 *     the full pipeline and the official protocols (scripts/eval) → printed; the chosen values go into
 *     src/core/options.ts by hand.
 *
 *   npm run tune                 # train + grid, writes model.json; output recorded in scripts/eval/tune.out.txt
 *   npm run tune -- --grid-only  # keep model.json, search thresholds only
 *   npm run tune -- --ceiling    # how far the pair features can go (scripts/eval/ceiling.ts); changes nothing
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { align } from '../../src/core/align';
import { AnalysisCache, DEFAULT_OPTIONS, FEATURES, resolveOptions, type AnalysisOptions, type ConfidenceModel, type ParagraphRef, type PreparedArticle } from '../../src/core';
import { unitSources } from '../../src/core/analyze';
import { buildProfiles } from '../../src/core/score/profiles';
import { ceiling, type CeilingCluster, type Dataset } from './ceiling';
import { scoreCorpus } from './corpus';
import { scoreSeeds, seedsFiles, type SeedsGold } from './seeds';
import { analyzeFiles, fmt, preparedArticles, readJson, REPO_ROOT, sharedAvailable, sharedDir, wordVectors } from './shared';

interface Example {
  readonly x: number[];
  readonly y: number;
  readonly ds: Dataset;
}

const MODEL_FILE = join(REPO_ROOT, 'src', 'core', 'score', 'model.json');
/**
 * How much the seeds count against each corpus, in training and in the objective. The seeds are the one set
 * made of whole articles on one story, as users compare them; each corpus counts once.
 */
let SEEDS_WEIGHT = 2;
/** The features the model may use (--features); the others keep weight 0. */
let USED: ReadonlySet<string> = new Set(FEATURES);
const setWeight = (ds: Dataset) => (ds === 'seeds' ? SEEDS_WEIGHT : 1);

function main(): void {
  const { values } = parseArgs({
    options: {
      'grid-only': { type: 'boolean' },
      'seeds-weight': { type: 'string', default: '2' },
      features: { type: 'string', default: FEATURES.join(',') },
      decide: { type: 'string', default: 'similarity' },
      ceiling: { type: 'boolean' },
    },
  });
  SEEDS_WEIGHT = Number(values['seeds-weight']);
  USED = new Set(values.features!.split(','));
  if (!sharedAvailable()) {
    console.error(`tune: ${sharedDir()} is absent; nothing to tune on.`);
    process.exit(1);
  }
  if (values.ceiling) {
    const sets = collectClusters();
    const seeds = scoreSeeds(join(sharedDir(), 'seeds', 'gold.json'), sets.seeds[0]!.files, sets.seeds[0]!.report).alignment;
    const corpus = (dir: string) => scoreCorpus(join(sharedDir(), 'corpora', dir), {}, analyzeFiles);
    const [gvc, ecb] = [corpus('gvc-dev'), corpus('ecbplus-dev')];
    ceiling(sets, {
      seeds: { f1: seeds.f1, p: seeds.p },
      gvc: { f1: gvc.alignment.f1, p: gvc.alignment.p, omissions: gvc.omissions.f1 },
      ecb: { f1: ecb.alignment.f1, p: ecb.alignment.p, omissions: ecb.omissions.f1 },
    });
    return;
  }
  let model = readJson<ConfidenceModel>(MODEL_FILE);
  if (!values['grid-only']) {
    const examples = collectExamples();
    for (const ds of ['seeds', 'gvc', 'ecb'] as const) {
      const e = examples.filter((x) => x.ds === ds);
      console.log(`examples ${ds}: ${e.length} (${e.filter((x) => x.y).length} positive)`);
    }
    model = train(examples);
    writeFileSync(MODEL_FILE, JSON.stringify(model, null, 2) + '\n');
    console.log(`model written to ${MODEL_FILE}:`);
    for (const f of FEATURES) console.log(`  ${f.padEnd(10)} weight ${model.features[f].weight.toFixed(3)}`);
    console.log(`  bias ${model.bias.toFixed(3)}`);
  }
  grid(model, values.decide === 'confidence' ? 'confidence' : 'similarity');
}

/** Every candidate pair of every dev cluster, with its features and gold label (the unlabelled left out). */
function collectExamples(): Example[] {
  const sets = collectClusters();
  return (['seeds', 'gvc', 'ecb'] as const).flatMap((ds) => sets[ds].flatMap((c) => c.candidates.flatMap((p) => (p.y < 0 ? [] : [{ x: [...p.x], y: p.y, ds }]))));
}

/**
 * Each dev cluster's files, report and scored candidate pairs with their features and labels: seeds — the two
 * paragraphs have lines in one point (sure or possible); gvc — a gold pair; ecb+ — a gold pair, and −1 (no label)
 * outside the evaluated units.
 */
function collectClusters(): Record<Dataset, CeilingCluster[]> {
  const out: Record<Dataset, CeilingCluster[]> = { seeds: [], gvc: [], ecb: [] };
  const options = DEFAULT_OPTIONS;
  const cache = new AnalysisCache();
  {
    const goldPath = join(sharedDir(), 'seeds', 'gold.json');
    const gold = readJson<SeedsGold>(goldPath);
    const keyOf = new Map(Object.entries(gold.docs).map(([k, v]) => [v, k]));
    const member = new Map<string, Set<string>>();
    for (const p of gold.points) for (const r of [...p.sure, ...p.possible]) (member.get(r) ?? member.set(r, new Set()).get(r)!).add(p.id);
    const files = seedsFiles(goldPath);
    const articles = preparedArticles(files);
    const lines = (art: PreparedArticle, p: number) => {
      const para = art.document.paragraphs[p]!;
      const key = keyOf.get(basename(art.document.path))!;
      const refs: string[] = [];
      for (let l = para.startLine; l <= para.endLine; l++) refs.push(`${key}:L${l}`);
      return refs;
    };
    const candidates = pairFeatures(articles, options, cache).map(({ a, b, x }) => {
      const la = lines(articles[a.doc]!, a.paragraph);
      const lb = lines(articles[b.doc]!, b.paragraph);
      const right = la.some((p) => lb.some((q) => [...(member.get(p) ?? [])].some((id) => member.get(q)?.has(id))));
      return { a: ref(a), b: ref(b), x, y: right ? 1 : 0, articles: [a.doc, b.doc] as const };
    });
    out.seeds.push({ files, report: analyzeFiles(files, options), candidates });
  }
  for (const [ds, dir] of [
    ['gvc', 'gvc-dev'],
    ['ecb', 'ecbplus-dev'],
  ] as const) {
    const root = join(sharedDir(), 'corpora', dir);
    for (const c of readdirSync(root).sort()) {
      if (!existsSync(join(root, c, 'gold.json'))) continue;
      const gold = readJson<{ docs: string[]; pairs: [string, number, string, number][]; evaluated_units?: Record<string, number[]> }>(join(root, c, 'gold.json'));
      const files = gold.docs.map((d) => join(root, c, `${d}.txt`));
      const articles = preparedArticles(files);
      const unitOf = files.map((f) => blankLineUnits(f));
      const goldSet = new Set(gold.pairs.map(([a, ia, b, ib]) => unitPairKey(gold.docs.indexOf(a), ia, gold.docs.indexOf(b), ib)));
      const ev = gold.evaluated_units && Object.keys(gold.evaluated_units).length ? gold.evaluated_units : null;
      const candidates = pairFeatures(articles, options, cache).flatMap(({ a, b, x }) => {
        const ua = unitOf[a.doc]!.get(articles[a.doc]!.document.paragraphs[a.paragraph]!.startLine);
        const ub = unitOf[b.doc]!.get(articles[b.doc]!.document.paragraphs[b.paragraph]!.startLine);
        if (ua === undefined || ub === undefined) return [];
        const evaluated = !ev || ((ev[gold.docs[a.doc]!] ?? []).includes(ua) && (ev[gold.docs[b.doc]!] ?? []).includes(ub));
        const y = !evaluated ? -1 : goldSet.has(unitPairKey(a.doc, ua, b.doc, ub)) ? 1 : 0;
        return [{ a: ref(a), b: ref(b), x, y, articles: [a.doc, b.doc] as const }];
      });
      out[ds].push({ files, report: analyzeFiles(files, options), candidates });
    }
  }
  return out;
}

/** A unit as the report names its paragraph. */
function ref(u: { doc: number; paragraph: number }): ParagraphRef {
  return { doc: `d${u.doc}`, paragraph: u.paragraph };
}

function unitPairKey(da: number, ia: number, db: number, ib: number): string {
  return da < db || (da === db && ia < ib) ? `${da}:${ia}|${db}:${ib}` : `${db}:${ib}|${da}:${ia}`;
}

/** Line number → blank-line unit index, as the corpus scorer counts units. */
function blankLineUnits(file: string): Map<number, number> {
  const map = new Map<number, number>();
  let unit = -1;
  let previousBlank = true;
  readFileSync(file, 'utf8')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim()) {
        if (previousBlank) unit++;
        map.set(i + 1, unit);
        previousBlank = false;
      } else previousBlank = true;
    });
  return map;
}

/** The scored candidate pairs of one comparison set, with their feature vectors (the pipeline's own code). */
function pairFeatures(articles: readonly PreparedArticle[], options: AnalysisOptions, cache: AnalysisCache) {
  const opts = resolveOptions(options);
  const sources = unitSources(articles, opts);
  const set = buildProfiles(sources, wordVectors(), opts.softFloor, opts.softMatching);
  const docIds = articles.map((a) => a.document.id);
  const { scored } = align(set, docIds, opts, readJson<ConfidenceModel>(MODEL_FILE), cache.alignments(opts.softFloor, set.matcher.matching), true);
  return scored.map((p) => ({
    a: { doc: set.units[p.i]!.doc, paragraph: set.units[p.i]!.paragraph },
    b: { doc: set.units[p.j]!.doc, paragraph: set.units[p.j]!.paragraph },
    x: [...p.features],
  }));
}

/** Dataset-balanced, L2-regularised logistic regression by full-batch gradient descent. */
function train(examples: readonly Example[], l2 = 1e-3, iterations = 4000, rate = 0.5): ConfidenceModel {
  const d = FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const e of examples) e.x.forEach((v, k) => (mean[k]! += v / examples.length));
  for (const e of examples) e.x.forEach((v, k) => (sd[k]! += (v - mean[k]!) ** 2 / examples.length));
  for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]!) || 1;
  const z = examples.map((e) => e.x.map((v, k) => (v - mean[k]!) / sd[k]!));
  const perSet = new Map<Dataset, number>();
  for (const e of examples) perSet.set(e.ds, (perSet.get(e.ds) ?? 0) + 1);
  const total = [...perSet.keys()].reduce((sum, ds) => sum + setWeight(ds), 0);
  const weight = examples.map((e) => setWeight(e.ds) / perSet.get(e.ds)! / total);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < z.length; i++) {
      let s = b;
      for (let k = 0; k < d; k++) s += w[k]! * z[i]![k]!;
      const err = (1 / (1 + Math.exp(-s)) - examples[i]!.y) * weight[i]!;
      for (let k = 0; k < d; k++) gw[k]! += err * z[i]![k]!;
      gb += err;
    }
    for (let k = 0; k < d; k++) w[k] = USED.has(FEATURES[k]!) ? w[k]! - rate * (gw[k]! + l2 * w[k]!) : 0;
    b -= rate * gb;
  }
  const features = Object.fromEntries(FEATURES.map((f, k) => [f, { weight: round(w[k]!), mean: round(mean[k]!), sd: round(sd[k]!) }]));
  return {
    source: `npm run tune: logistic regression on ${examples.length} candidate pairs of seeds, gvc-dev and ecbplus-dev (sets weighted seeds ${SEEDS_WEIGHT} : gvc 1 : ecb+ 1)`,
    bias: round(b),
    features: features as ConfidenceModel['features'],
  };
}

interface Thresholds {
  pairThreshold: number;
  pairRank: number;
  pointPairThreshold: number;
  facetPairThreshold: number;
  pointThreshold: number;
  mainThreshold: number;
  sentenceThreshold: number;
}

/** Thresholds by a coarse grid, each setting run through the full pipeline and the official protocols. */
function grid(model: ConfidenceModel, decideOn: 'similarity' | 'confidence'): void {
  const resources = { model };
  const run = (t: Thresholds) => {
    const options = { ...t, decideOn };
    const gold = join(sharedDir(), 'seeds', 'gold.json');
    const files = seedsFiles(gold);
    const seeds = scoreSeeds(gold, files, analyzeFiles(files, options, resources));
    const gvc = scoreCorpus(join(sharedDir(), 'corpora', 'gvc-dev'), options, (f, o) => analyzeFiles(f, o, resources));
    const ecb = scoreCorpus(join(sharedDir(), 'corpora', 'ecbplus-dev'), options, (f, o) => analyzeFiles(f, o, resources));
    const s = seeds.alignment;
    return {
      t,
      seeds: s.f1,
      seedsP: s.p,
      gvc: gvc.alignment.f1,
      ecb: ecb.alignment.f1,
      omissions: { seeds: seeds.omissions.f1, gvc: gvc.omissions.f1, ecb: ecb.omissions.f1 },
      mean: (SEEDS_WEIGHT * s.f1 + gvc.alignment.f1 + ecb.alignment.f1) / (SEEDS_WEIGHT + 2),
    };
  };
  const results = [];
  const d = DEFAULT_OPTIONS;
  let current: Thresholds = {
    pairThreshold: d.pairThreshold,
    pairRank: d.pairRank,
    pointPairThreshold: d.pointPairThreshold,
    facetPairThreshold: d.facetPairThreshold,
    pointThreshold: d.pointThreshold,
    mainThreshold: d.mainThreshold,
    sentenceThreshold: d.sentenceThreshold,
  };
  // Coordinate search: one threshold at a time over its grid, keeping the best, two sweeps. Thresholds on
  // similarity and on confidence live on different scales; the main-news and sentence ones do not depend on it.
  const grids: Record<keyof Thresholds, number[]> =
    decideOn === 'confidence'
      ? {
          pairThreshold: [0.3, 0.4, 0.5, 0.6, 0.7],
          pairRank: [3, 4, 5, 6, 1000],
          pointPairThreshold: [0.15, 0.2, 0.25, 0.3, 0.4, 0.5],
          facetPairThreshold: [0, 0.2, 0.3, 0.4, 9],
          pointThreshold: [0.2, 0.3, 0.4, 0.5, 0.6],
          mainThreshold: [0.17, 0.2, 0.23, 0.26, 0.3, 9],
          sentenceThreshold: [0.35, 0.4, 0.45, 0.55, 9],
        }
      : {
          pairThreshold: [0.14, 0.16, 0.17, 0.18, 0.19, 0.2, 0.23],
          pairRank: [3, 4, 5, 6, 1000],
          pointPairThreshold: [0.06, 0.08, 0.11, 0.14],
          facetPairThreshold: [0, 0.05, 0.1, 0.15, 9],
          pointThreshold: [0.2, 0.24, 0.28, 0.32, 0.36],
          mainThreshold: [0.17, 0.2, 0.23, 0.26, 0.3, 9],
          sentenceThreshold: [0.35, 0.4, 0.45, 0.55, 9],
        };
  // A setting may not fall below any quality floor (scripts/eval/floors.json): floors are never lowered.
  const floors = readJson<{ min: Record<string, number> }>(join(REPO_ROOT, 'scripts', 'eval', 'floors.json')).min;
  const allowed = (r: ReturnType<typeof run>) =>
    r.seeds >= (floors['seeds.alignment.f1'] ?? 0) &&
    r.gvc >= (floors['gvc.alignment.f1'] ?? 0) &&
    r.ecb >= (floors['ecbplus.alignment.f1'] ?? 0) &&
    r.omissions.seeds >= (floors['seeds.omissions.f1'] ?? 0) &&
    r.omissions.gvc >= (floors['gvc.omissions.f1'] ?? 0) &&
    r.omissions.ecb >= (floors['ecbplus.omissions.f1'] ?? 0);
  const start = run(current);
  results.push(start);
  report(start, allowed(start) ? 'start' : 'start (below a floor)');
  // A start below a floor is no candidate: the search keeps the best setting that meets every floor.
  let best: ReturnType<typeof run> | null = allowed(start) ? start : null;
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const key of Object.keys(grids) as (keyof Thresholds)[]) {
      for (const value of grids[key]) {
        if (value === current[key]) continue;
        const r = run({ ...current, [key]: value });
        results.push(r);
        if (allowed(r) && (!best || r.mean > best.mean)) {
          best = r;
          current = { ...r.t };
          report(best, 'better');
        }
      }
    }
  }
  console.log(`\nchosen (decideOn ${decideOn}, ${results.length} settings tried):`);
  if (best) report(best, 'best');
  else console.log('no setting tried meets every floor');
}

function report(
  r: { t: Thresholds; seeds: number; seedsP: number; gvc: number; ecb: number; mean: number; omissions: { seeds: number; gvc: number; ecb: number } },
  label: string,
): void {
  const t = r.t;
  const o = r.omissions;
  console.log(
    `${label.padEnd(6)} mean ${fmt(r.mean)} | seeds F1 ${fmt(r.seeds)} (P ${fmt(r.seedsP)}) gvc ${fmt(r.gvc)} ecb+ ${fmt(r.ecb)} | ` +
      `omissions ${fmt(o.seeds)}/${fmt(o.gvc)}/${fmt(o.ecb)} | ` +
      `pair ${t.pairThreshold} rank ${t.pairRank} pointPair ${t.pointPairThreshold} facetPair ${t.facetPairThreshold} point ${t.pointThreshold} main ${t.mainThreshold} sentence ${t.sentenceThreshold}`,
  );
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

main();
