import type { Analysis, AnalysisOptions, ArticleInput, InputProblem } from '../core';

/** Messages from the host (the extension) to the analysis worker. */
export type ToWorker = { readonly type: 'analyze'; readonly id: number; readonly inputs: readonly ArticleInput[]; readonly options: Partial<AnalysisOptions> };

/** Messages from the analysis worker to the host. */
export type FromWorker =
  | { readonly type: 'ready'; readonly vectorsProblem: string | null }
  | { readonly type: 'result'; readonly id: number; readonly analysis: Analysis; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly problem: InputProblem | null };

/** What the worker is started with. */
export interface WorkerData {
  /** The package root holding media/ (word vectors). */
  readonly packageRoot: string;
}
