import { DEFAULT_CANDIDATES, type CandidateOptions } from './score/candidates';
import type { SoftMatching } from './score/softMatch';
import type { ParagraphKind } from './types';

/** Everything that tunes an analysis. Defaults were chosen on ../shared dev data (scripts/eval/tune.ts). */
export interface AnalysisOptions {
  /** A pair of paragraphs is aligned on its own when its confidence reaches this, in [0, 1]. */
  readonly pairThreshold: number;
  /**
   * A pair aligned on its own must be among each paragraph's `pairRank` best-scored pairs with the other's article
   * (ties count once).
   */
  readonly pairRank: number;
  /** Two paragraphs of one point are aligned when their confidence reaches this (the point vouches for them). */
  readonly pointPairThreshold: number;
  /**
   * Two paragraphs that report one facet of the human toll (deaths, injuries, harm to civilians) are aligned when
   * their confidence reaches this (above 1: never on that ground alone).
   */
  readonly facetPairThreshold: number;
  /** Clusters merge into one point while their average confidence reaches this. */
  readonly pointThreshold: number;
  /** A paragraph restates the main news when its main-news measure reaches this. */
  readonly mainThreshold: number;
  /**
   * How the main news is measured: `affinity` — a paragraph's mean best similarity to the other articles' leads;
   * `signature` — its coverage of the terms the leads of two or more articles share.
   */
  readonly mainNews: 'affinity' | 'signature';
  /** What the thresholds apply to: the pair's text similarity, or its modelled confidence. */
  readonly decideOn: 'similarity' | 'confidence';
  /** A paragraph also joins another point when one of its sentences matches that point this well. */
  readonly sentenceThreshold: number;
  /** Weights of the text similarity's parts; normalised to sum to 1. */
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
  /** How words meet in soft matching (SoftMatching); 'auto' decides by the comparison set's vocabulary. */
  readonly softMatching: 'auto' | SoftMatching;
  /** Which pairs get scored (all of them for small sets; an inverted index above). */
  readonly candidates: CandidateOptions;
  /** Paragraph kinds left out of alignment, on top of furniture, bylines and captions. */
  readonly ignoreKinds: readonly ParagraphKind[];
}

export const DEFAULT_OPTIONS: AnalysisOptions = {
  pairThreshold: 0.18,
  pairRank: 4,
  pointPairThreshold: 0.09,
  facetPairThreshold: 0,
  pointThreshold: 0.32,
  mainThreshold: 0.23,
  mainNews: 'affinity',
  decideOn: 'similarity',
  sentenceThreshold: 0.55,
  weights: { lexical: 0.33, soft: 0.9, names: 0.03, numbers: 0.01, lead: 0.09 },
  softFloor: 0.5,
  softMatching: 'auto',
  candidates: DEFAULT_CANDIDATES,
  ignoreKinds: ['heading'],
};

/** Defaults overlaid with what the caller set; nested objects are merged key by key. */
export function resolveOptions(options: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...options,
    weights: { ...DEFAULT_OPTIONS.weights, ...(options.weights ?? {}) },
    candidates: { ...DEFAULT_OPTIONS.candidates, ...(options.candidates ?? {}) },
  };
}
