import type { ParagraphKind } from './types';

/** Everything that tunes an analysis. Defaults were chosen on ../shared dev data (see scripts/eval). */
export interface AnalysisOptions {
  /** A cross-article pair of paragraphs is aligned when its similarity reaches this, in [0, 1]. */
  readonly pairThreshold: number;
  /** Paragraphs join one point when their average similarity reaches this, in [0, 1]. */
  readonly pointThreshold: number;
  /**
   * A paragraph restates the main news when its mean best similarity to the other articles' leads reaches
   * this, in [0, 1]; such paragraphs form the first point. Above 1 turns the main-news point off.
   */
  readonly coreThreshold: number;
  /**
   * Two paragraphs of different articles in the same point are aligned when their own similarity reaches
   * this (lower than pairThreshold: the point vouches for them), in [0, 1].
   */
  readonly pointPairThreshold: number;
  /** Weights of the similarity components; they are normalised to sum to 1. */
  readonly weights: {
    /** Cosine of lemma TF-IDF vectors. */
    readonly lexical: number;
    /** Soft word matching through word vectors. */
    readonly soft: number;
    /** Shared rare names. */
    readonly names: number;
    /** Shared numbers with their units. */
    readonly numbers: number;
    /** Both paragraphs open their articles. */
    readonly lead: number;
  };
  /** Word-vector cosine at or below which two different words count as unrelated. */
  readonly softFloor: number;
  /** Paragraph kinds left out of alignment, on top of furniture, bylines and captions. */
  readonly ignoreKinds: readonly ParagraphKind[];
}

export const DEFAULT_OPTIONS: AnalysisOptions = {
  pairThreshold: 0.2,
  pointThreshold: 0.28,
  pointPairThreshold: 0.11,
  coreThreshold: 0.23,
  weights: { lexical: 0.33, soft: 0.9, names: 0.03, numbers: 0.01, lead: 0.09 },
  softFloor: 0.5,
  ignoreKinds: ['heading'],
};

/** Defaults overlaid with what the caller set; weights are merged key by key. */
export function resolveOptions(options: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...options,
    weights: { ...DEFAULT_OPTIONS.weights, ...(options.weights ?? {}) },
  };
}
