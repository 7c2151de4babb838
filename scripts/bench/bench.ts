/**
 * `npm run bench` — how fast the analysis is (medians of several runs; the tests never check timings):
 *  - the seeds in process: cold (first run in a fresh process: language model and word vectors loading), the first
 *    two runs in the benchmark's own process, warm (steady state: later runs in the same process, after WARM_UP),
 *    and re-analysis with the cache (nothing changed / one article edited);
 *  - generated comparison sets of N articles × 30 paragraphs (40–80 words): 20, 100, 500 articles, as the CLI
 *    analyses them (in this thread; articles read on the machine's other cores too: PreparePool), with the time of
 *    each stage, the same on one thread, the tokenisation alone of the same text (the floor) and the ratio to it;
 *  - the growth exponent from 100 to 500 articles, and peak memory;
 *  - the same sets through the extension's analysis worker, with its thread limits and with Node's defaults, and
 *    the result's way on to the comparison panel (serialised on the host, read in the webview).
 *
 *   npm run bench                 all of it (≈3 min)
 *   npm run bench -- --quick      fewer runs, no 500-article set
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, AnalysisCache, decodeArticle, type Analysis, type ArticleInput } from '../../src/core';
import { nlp } from '../../src/core/features';
import { seedsFiles } from '../eval/seeds';
import { REPO_ROOT, sharedAvailable, sharedDir, wordVectors } from '../eval/shared';
import { generateArticles } from './generate';
import { AnalysisClient } from '../../src/node/analysisClient';
import { analyzeInParallel, PreparePool } from '../../src/node/preparePool';
import { packAnalysis, unpackAnalysis, type PackedAnalysis } from '../../src/shared/packedAnalysis';
import { receiveInWebview, sendToWebview } from './webviewMessage';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, cold: { type: 'boolean' } } });

/**
 * Analyses of the seeds before the warm ones are timed. Medians of ten consecutive runs in one process fall until
 * about the twentieth (about 94, 62, then 44–50 ms from the third ten on, on this 2-core machine): after ten, the
 * timed runs were still partly unoptimised code.
 */
const WARM_UP = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function ms(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`;
}

function seedsInputs(): ArticleInput[] {
  return seedsFiles(join(sharedDir(), 'seeds', 'gold.json')).map((path) => ({ path, text: decodeArticle(readFileSync(path), path) }));
}

/** Child mode: one cold analysis of the seeds in this fresh process; prints its milliseconds. */
function coldChild(): void {
  const inputs = seedsInputs();
  const t0 = performance.now();
  const vectors = wordVectors(); // loading the vectors is part of a cold start
  analyze(inputs, {}, { vectors });
  console.log(JSON.stringify({ ms: performance.now() - t0 }));
}

/** Tokenisation alone: wink-nlp over every paragraph of the same texts. */
function tokenisationFloor(inputs: readonly ArticleInput[]): number {
  const paragraphs = inputs.flatMap((a) => a.text.split(/\n\s*\n/).filter((p) => p.trim()));
  return time(() => {
    for (const p of paragraphs) nlp().readDoc(p).tokens().out();
  });
}

async function main(): Promise<void> {
  if (values.cold) return coldChild();
  const runs = values.quick ? 3 : 5;
  const vectors = wordVectors();
  console.log(`coverage-diff benchmark — Node ${process.version}, ${values.quick ? 'quick' : 'full'} (medians of ${runs} runs unless said)\n`);

  if (sharedAvailable()) {
    const cold: number[] = [];
    for (let r = 0; r < 3; r++) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'bench', 'bench.ts'), '--cold'], { encoding: 'utf8' });
      cold.push(JSON.parse(out.trim().split('\n').pop()!).ms);
    }
    const inputs = seedsInputs();
    // Warm means steady state: the compiler has optimised the hot code, as in an extension host that has analysed a
    // few times (a couple of runs leave some of it unoptimised). The first runs' times are printed too.
    const first = [0, 1].map(() => time(() => analyze(inputs, {}, { vectors })));
    for (let r = 0; r < WARM_UP; r++) analyze(inputs, {}, { vectors });
    const warm: number[] = [];
    for (let r = 0; r < runs * 4; r++) warm.push(time(() => analyze(inputs, {}, { vectors })));
    const cache = new AnalysisCache();
    analyze(inputs, {}, { vectors, cache });
    const cached: number[] = [];
    for (let r = 0; r < runs * 4; r++) cached.push(time(() => analyze(inputs, {}, { vectors, cache })));
    const edited: number[] = [];
    for (let r = 0; r < runs * 2; r++) {
      const changed = inputs.map((a, i) => (i === 1 ? { ...a, text: `${a.text}\nAn added closing line, edit number ${r}.\n` } : a));
      edited.push(time(() => analyze(changed, {}, { vectors, cache })));
    }
    const floor = median([0, 1, 2].map(() => tokenisationFloor(inputs)));
    console.log('seeds (5 articles, in process)');
    console.log(`  cold (fresh process, models loading; 3 runs)    ${ms(median(cold))}`);
    console.log(`  first two runs in this process                 ${first.map(ms).join(', ')}   (the first loads the language model)`);
    console.log(`  warm (after ${WARM_UP} more runs)                      ${ms(median(warm))}   (tokenisation alone ${ms(floor)}, ratio ${(median(warm) / floor).toFixed(1)}×)`);
    console.log(`  warm, cached, nothing changed                  ${ms(median(cached))}`);
    console.log(`  warm, cached, one article edited               ${ms(median(edited))}\n`);
  } else {
    console.log(`seeds: skipped — ${sharedDir()} is absent\n`);
  }

  const sizes = values.quick ? [20, 100] : [20, 100, 500];
  const pool = new PreparePool(join(REPO_ROOT, 'dist', 'prepare-worker.js'));
  console.log(`articles are read on ${pool.size + 1} threads (this one and ${pool.size} helper${pool.size === 1 ? '' : 's'}), as the CLI and the extension read them`);
  const results = new Map<number, number>();
  const sets = new Map<number, ArticleInput[]>();
  console.log('generated sets (N articles × 30 paragraphs of 40–80 words)');
  const dictionary = vectors?.words() ?? [];
  for (const n of sizes) {
    const inputs = generateArticles(dictionary, { articles: n, paragraphs: 30, seed: 1234 + n });
    sets.set(n, inputs);
    const times: number[] = [];
    const single: number[] = [];
    let stages: Record<string, number> = {};
    let candidates = 0;
    const k = n >= 500 ? Math.min(runs, 3) : runs;
    // One untimed run first: it starts the helper threads (a set this large is read in parallel) and warms the code.
    await analyzeInParallel(inputs, {}, { vectors }, pool);
    for (let r = 0; r < k; r++) {
      const current: Record<string, number> = {};
      const t0 = performance.now();
      candidates = (await analyzeInParallel(inputs, {}, { vectors, onStage: (s, v) => (current[s] = v) }, pool)).meta.candidates;
      const t = performance.now() - t0;
      times.push(t);
      if (t === median(times) || r === 0) stages = current;
      single.push(time(() => analyze(inputs, {}, { vectors })));
    }
    const floor = median([0, 1, 2].slice(0, n >= 500 ? 1 : 3).map(() => tokenisationFloor(inputs)));
    const t = median(times);
    results.set(n, t);
    const words = inputs.reduce((s, a) => s + a.text.split(/\s+/).length, 0);
    console.log(
      `  ${String(n).padStart(3)}×30  ${ms(t).padStart(9)}  (${k} runs; ${words} words, ${candidates} pairs scored; ` +
        `tokenisation alone ${ms(floor)}, ratio ${(t / floor).toFixed(1)}×; on one thread ${ms(median(single))})`,
    );
    console.log(`          stages: ${Object.entries(stages).map(([s, v]) => `${s} ${v} ms`).join(', ')}`);
  }
  if (results.has(100) && results.has(500)) {
    const exponent = Math.log(results.get(500)! / results.get(100)!) / Math.log(5);
    console.log(`\n  growth from 100 to 500 articles: ×${(results.get(500)! / results.get(100)!).toFixed(2)} = N^${exponent.toFixed(2)}`);
  }
  console.log(`\npeak memory (max resident set of this process; helpers are threads in it): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  pool.close();
  await throughTheWorker(sets, runs);
}

/**
 * The same sets through the extension's analysis worker (the result's transfer to the host included), with its
 * thread limits and with Node's defaults, alternating which goes first; no cache, so every run starts from scratch.
 */
async function throughTheWorker(sets: ReadonlyMap<number, readonly ArticleInput[]>, runs: number): Promise<void> {
  const file = join(REPO_ROOT, 'dist', 'worker.js');
  const workers = {
    limits: new AnalysisClient(file, { packageRoot: REPO_ROOT, cache: false }),
    defaults: new AnalysisClient(file, { packageRoot: REPO_ROOT, cache: false }, undefined, {}),
  };
  console.log(`\nthe same sets through the extension's analysis worker (its thread limits; and Node's defaults)`);
  for (const [n, inputs] of sets) {
    const timed = async (client: AnalysisClient) => {
      const t0 = performance.now();
      await client.analyze(inputs).result;
      return performance.now() - t0;
    };
    await timed(workers.limits);
    await timed(workers.defaults);
    const through = { limits: [] as number[], defaults: [] as number[], differences: [] as number[] };
    // As many rounds at every size: the difference is a few per cent, within the noise of fewer.
    for (let r = 0; r < runs; r++) {
      const order = r % 2 ? (['defaults', 'limits'] as const) : (['limits', 'defaults'] as const);
      const t = { limits: 0, defaults: 0 };
      for (const which of order) t[which] = await timed(workers[which]);
      through.limits.push(t.limits);
      through.defaults.push(t.defaults);
      through.differences.push(t.limits - t.defaults);
    }
    console.log(
      `  ${String(n).padStart(3)}×30  ${ms(median(through.limits)).padStart(9)}  (Node's defaults ${ms(median(through.defaults))}; ` +
        `median difference ${ms(median(through.differences))})`,
    );
    panelMessage(await workers.limits.analyze(inputs).result, runs);
  }
  workers.limits.dispose();
  workers.defaults.dispose();
}

/**
 * The analysis on its way to the comparison panel, as VS Code carries a webview message: serialised on the
 * extension host's thread, read on the panel's. Packed as it is sent (the pairs in typed arrays, which travel as
 * binary buffers), against the whole analysis as JSON.
 */
function panelMessage(analysis: Analysis, runs: number): void {
  const packed = { host: [] as number[], panel: [] as number[] };
  const whole = { host: [] as number[], panel: [] as number[] };
  let sizes = '';
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    const wire = sendToWebview(packAnalysis(analysis));
    packed.host.push(performance.now() - t0);
    t0 = performance.now();
    unpackAnalysis(receiveInWebview<PackedAnalysis>(wire));
    packed.panel.push(performance.now() - t0);
    t0 = performance.now();
    const json = JSON.stringify(analysis);
    whole.host.push(performance.now() - t0);
    t0 = performance.now();
    JSON.parse(json);
    whole.panel.push(performance.now() - t0);
    const bytes = wire.buffers.reduce((sum, b) => sum + b.byteLength, 0);
    sizes = `${mb(wire.json.length)} JSON + ${mb(bytes)} binary; whole as JSON ${mb(json.length)}`;
  }
  console.log(
    `           to the panel: host ${ms(median(packed.host))}, panel ${ms(median(packed.panel))} ` +
      `(whole as JSON: ${ms(median(whole.host))}, ${ms(median(whole.panel))}; ${sizes})`,
  );
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

void main();
