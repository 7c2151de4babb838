import { Worker, type ResourceLimits } from 'node:worker_threads';
import { InputError, type Analysis, type AnalysisOptions, type ArticleInput } from '../core';
import { unpackAnalysis } from '../shared/packedAnalysis';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol';

/** The analysis was cancelled before it finished. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

interface Job {
  readonly message: ToWorker;
  readonly resolve: (a: Analysis) => void;
  readonly reject: (e: Error) => void;
}

/**
 * The analysis thread's young generation, where new objects live until a scavenge copies the survivors out: 192
 * MB, four times Node's default (3 × 16 MB semi-spaces). An analysis keeps most of what it makes (pairs, their
 * evidence, points), so each scavenge copies much, and a small young generation scavenges often (building the
 * profiles of 500 articles × 30 paragraphs: 14 scavenges, 3 with it). Through this worker, 500 × 30 took a median
 * 320 ms less per analysis with it (8 alternating rounds of two workers, faster in all 8: 5.57 → 5.26 s); 100 × 30
 * a few per cent less, within noise. `npm run bench` times both.
 */
export const ANALYSIS_THREAD_LIMITS = { maxYoungGenerationSizeMb: 192 } as const;

/**
 * Runs analyses in a worker thread (dist/worker.js), one at a time in order. Cancelling the running analysis
 * stops the worker (an analysis cannot be interrupted from inside) and the next request starts a fresh one;
 * a worker that dies is replaced the same way. The worker's cache lives as long as the worker.
 */
export class AnalysisClient {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(
    private readonly workerFile: string,
    private readonly data: WorkerData,
    /** Told once per worker start when the word vectors could not be loaded. */
    private readonly onVectorsProblem: (problem: string) => void = () => {},
    /** The worker thread's limits (the benchmark compares them with Node's defaults, `{}`). */
    private readonly limits: ResourceLimits = ANALYSIS_THREAD_LIMITS,
  ) {}

  analyze(inputs: readonly ArticleInput[], options: Partial<AnalysisOptions> = {}): { id: number; result: Promise<Analysis> } {
    const id = this.nextId++;
    const message: ToWorker = { type: 'analyze', id, inputs, options };
    const result = new Promise<Analysis>((resolve, reject) => this.jobs.set(id, { message, resolve, reject }));
    this.ensureWorker().postMessage(message);
    return { id, result };
  }

  /** Cancels an analysis: its promise rejects with AnalysisCancelled and the worker is restarted. */
  cancel(id: number): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    job.reject(new AnalysisCancelled());
    this.restart();
  }

  dispose(): void {
    for (const [id] of this.jobs) this.cancel(id);
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { workerData: this.data, resourceLimits: this.limits });
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        if (m.vectorsProblem) this.onVectorsProblem(m.vectorsProblem);
        return;
      }
      const job = this.jobs.get(m.id);
      if (!job) return; // cancelled meanwhile
      this.jobs.delete(m.id);
      if (m.type === 'result') {
        // A result that cannot be read (a worker script from another build) fails its job rather than leaving it open.
        try {
          job.resolve(unpackAnalysis(m.analysis));
        } catch (e) {
          job.reject(e instanceof Error ? e : new Error(String(e)));
        }
      } else job.reject(m.problem ? new InputError(m.problem, m.message) : new Error(m.message));
    });
    // Only the current worker's death fails the jobs; a worker stopped on purpose (cancel) is gone quietly.
    worker.on('error', (e) => {
      if (this.worker === worker) this.failAll(e);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (code !== 0) this.failAll(new Error(`the analysis worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private restart(): void {
    const old = this.worker;
    this.worker = null;
    void old?.terminate();
    // Jobs queued behind the cancelled one go to a fresh worker.
    if (this.jobs.size) {
      const worker = this.ensureWorker();
      for (const job of this.jobs.values()) worker.postMessage(job.message);
    }
  }

  private failAll(error: Error): void {
    for (const [id, job] of this.jobs) {
      this.jobs.delete(id);
      job.reject(error);
    }
  }
}
