import type { AnalysisOptions, ArticleInput, InputProblem } from '../core';
import type { PackedAnalysis } from '../shared/packedAnalysis';
import type { PackedArticle } from './packing';

/** Messages from the host (the extension) to the analysis worker. */
export type ToWorker = { readonly type: 'analyze'; readonly id: number; readonly inputs: readonly ArticleInput[]; readonly options: Partial<AnalysisOptions> };

/** Messages from the analysis worker to the host. */
export type FromWorker =
  | { readonly type: 'ready'; readonly vectorsProblem: string | null }
  | { readonly type: 'result'; readonly id: number; readonly analysis: PackedAnalysis; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly problem: InputProblem | null };

/** What the worker is started with. */
export interface WorkerData {
  /** The package root holding media/ (word vectors). */
  readonly packageRoot: string;
  /** Keep what each analysis read for the next (the default); false: every analysis from scratch (a benchmark). */
  readonly cache?: boolean;
}

/**
 * To a preparation helper: every article of the set, and the shared counter (an Int32Array over a
 * SharedArrayBuffer) from which each thread takes the index of the next article to read.
 */
export type ToPrepareWorker = {
  readonly type: 'prepare';
  readonly id: number;
  readonly jobs: readonly { readonly input: ArticleInput; readonly id: string }[];
  readonly next: Int32Array;
};

/** From a preparation helper. */
export type FromPrepareWorker =
  /** One article read (sent as soon as it is, so the calling thread unpacks it between its own). */
  | { readonly type: 'article'; readonly id: number; readonly index: number; readonly article: PackedArticle }
  /** No article is left to take. */
  | { readonly type: 'prepared'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly problem: InputProblem | null };
