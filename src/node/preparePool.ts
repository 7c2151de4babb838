import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzePrepared, prepareArticle, requireArticles, type Analysis, type AnalysisCache, type AnalysisOptions, type AnalysisResources, type ArticleInput, type PreparedArticle } from '../core';
import { InputError } from '../core';
import { unpackArticle } from './packing';
import type { FromPrepareWorker, ToPrepareWorker } from './workerProtocol';

/**
 * Below this much text to read (characters), the copy to and from a helper thread costs about what it saves
 * (`npm run bench`: 12 and 20 articles of 30 paragraphs gained nothing; 40 gained a tenth).
 */
const MIN_PARALLEL_CHARS = 400_000;

/**
 * Helper threads that segment articles and read their features (the per-article stages, a third of a large
 * analysis) while the calling thread reads its own share. Started on first use, kept for later analyses.
 */
export class PreparePool {
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, { article: (index: number, a: PreparedArticle) => void; resolve: () => void; reject: (e: Error) => void }>();

  constructor(
    /** The helper script: dist/prepare-worker.js (or its TypeScript source under tsx, with execArgv). */
    private readonly workerFile: string,
    size = Math.max(0, Math.min(4, availableParallelism() - 1)),
    private readonly execArgv?: string[],
    /** Less text than this is read on the calling thread alone. */
    private readonly minChars = MIN_PARALLEL_CHARS,
  ) {
    // Without the helper script (a partial install), everything is read on the calling thread.
    this.size = existsSync(workerFile) ? size : 0;
  }

  /** How many helper threads it uses (0: none). */
  readonly size: number;

  /** Reads every article, a share in each helper and the rest here: results in input order, and how many threads read. */
  async prepare(jobs: readonly { input: ArticleInput; id: string }[]): Promise<{ articles: PreparedArticle[]; readers: number }> {
    const total = jobs.reduce((s, j) => s + j.input.text.length, 0);
    if (this.size === 0 || jobs.length < 2 || total < this.minChars) return { articles: jobs.map((j) => prepareArticle(j.input, j.id)), readers: 1 };
    // Every thread takes the next unread article from one shared counter, so a helper that starts late (loading
    // its model) or runs slower simply reads fewer: all threads finish together, whatever the articles' sizes.
    const next = new Int32Array(new SharedArrayBuffer(4));
    const out: (PreparedArticle | undefined)[] = new Array(jobs.length);
    let readers = this.size + 1;
    const remote = Array.from({ length: this.size }, (_, w) =>
      this.run(w, jobs, next, (k, article) => (out[k] = article)).catch((e: unknown) => {
        // A helper that cannot start or dies leaves what it took to this thread: slower, never wrong.
        if (e instanceof InputError) throw e;
        readers--;
      }),
    );
    for (let k = Atomics.add(next, 0, 1); k < jobs.length; k = Atomics.add(next, 0, 1)) {
      out[k] = prepareArticle(jobs[k]!.input, jobs[k]!.id);
      // Let the helpers' articles in between this thread's own, so unpacking them is not all left to the end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(remote);
    return { articles: out.map((a, k) => a ?? prepareArticle(jobs[k]!.input, jobs[k]!.id)), readers };
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
    for (const p of this.pending.values()) p.reject(new Error('the preparation threads were closed'));
    this.pending.clear();
  }

  /** Has helper `w` read articles from the shared counter `next`, handing each to `article` as it arrives. */
  private run(w: number, jobs: readonly { input: ArticleInput; id: string }[], next: Int32Array, article: (index: number, a: PreparedArticle) => void): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { article, resolve, reject });
      this.worker(w).postMessage({ type: 'prepare', id, jobs, next } satisfies ToPrepareWorker);
    });
  }

  private worker(w: number): Worker {
    let worker = this.workers[w];
    if (worker) return worker;
    worker = new Worker(this.workerFile, this.execArgv ? { execArgv: this.execArgv } : {});
    worker.unref();
    worker.on('message', (m: FromPrepareWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'article') return p.article(m.index, unpackArticle(m.article));
      this.pending.delete(m.id);
      if (m.type === 'prepared') p.resolve();
      else p.reject(m.problem ? new InputError(m.problem, m.message) : new Error(m.message));
    });
    worker.on('error', (e) => {
      // A helper that dies fails what it was doing; the next analysis starts a fresh one.
      if (this.workers[w] === worker) this.workers[w] = undefined as unknown as Worker;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(e);
      }
    });
    this.workers[w] = worker;
    return worker;
  }
}

/**
 * `analyze` with the per-article stages spread over the pool's threads: articles the cache already holds are
 * reused, the others are read in parallel, then the comparison stages run here. Same result as `analyze`.
 */
export async function analyzeInParallel(
  inputs: readonly ArticleInput[],
  options: Partial<AnalysisOptions>,
  resources: AnalysisResources,
  pool: PreparePool,
): Promise<Analysis> {
  requireArticles(inputs);
  const t0 = Date.now();
  const cache = resources.cache;
  const ids = inputs.map((_, i) => `d${i}`);
  const missing = inputs.map((input, index) => ({ input, id: ids[index]!, index })).filter((j) => !cache?.has(j.input.path, j.input.text));
  const fresh = new Map<number, PreparedArticle>();
  const { articles: read, readers } = await pool.prepare(missing);
  read.forEach((a, k) => fresh.set(missing[k]!.index, a));
  const prepared = inputs.map((input, i) => {
    const made = fresh.get(i);
    if (!cache) return made ?? prepareArticle(input, ids[i]!);
    return cache.article(input.path, input.text, ids[i]!, () => made ?? prepareArticle(input, ids[i]!));
  });
  resources.onStage?.('prepare', Date.now() - t0);
  const analysis = analyzePrepared(prepared, options, resources);
  return readers > 1 ? { ...analysis, meta: { ...analysis.meta, readers } } : analysis;
}
