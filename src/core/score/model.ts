import trained from './model.json';
import type { RawEvidence } from './evidence';

/** The pair features the confidence model reads, in order. */
export const FEATURES = ['similarity', 'lexical', 'soft', 'sentence', 'names', 'numbers', 'quotes', 'lead', 'main', 'mutual', 'length'] as const;
export type FeatureName = (typeof FEATURES)[number];

/** A logistic model of "these two paragraphs report the same point", over standardised features. */
export interface ConfidenceModel {
  readonly bias: number;
  /** Per feature: weight, and the mean and spread it is standardised with. */
  readonly features: Readonly<Record<FeatureName, { readonly weight: number; readonly mean: number; readonly sd: number }>>;
  /** Where the weights came from (the tuning run). */
  readonly source: string;
}

/** The model chosen by `npm run tune` on development data only (scripts/eval/tune.out.txt). */
export const TRAINED_MODEL: ConfidenceModel = trained as ConfidenceModel;

/** Context of a pair beyond its own text. */
export interface PairContext {
  /** Both paragraphs open their articles. */
  readonly lead: boolean;
  /** The lower of the two paragraphs' main-news coverage. */
  readonly main: number;
  /** 1 when each is the other's best match in its article, 0.5 when one is, else 0. */
  readonly mutual: number;
  /** log(1 + the shorter paragraph's words) / 5. */
  readonly length: number;
}

/** Writes a pair's features, in FEATURES order, into `out` (a scratch array reused across pairs). */
export function fillFeatures(out: Float64Array, similarity: number, e: RawEvidence, c: PairContext): Float64Array {
  out[0] = similarity;
  out[1] = e.lexical;
  out[2] = e.soft;
  out[3] = e.sentence;
  out[4] = e.names;
  out[5] = e.numbers;
  out[6] = e.quotes;
  out[7] = c.lead ? 1 : 0;
  out[8] = c.main;
  out[9] = c.mutual;
  out[10] = c.length;
  return out;
}

/** The model as arrays in FEATURES order: z = bias + Σ scale·x (standardisation folded in). */
export interface CompiledModel {
  readonly bias: number;
  readonly scale: Float64Array;
}

export function compile(model: ConfidenceModel): CompiledModel {
  let bias = model.bias;
  const scale = new Float64Array(FEATURES.length);
  FEATURES.forEach((name, k) => {
    const f = model.features[name];
    scale[k] = f.weight / (f.sd || 1);
    bias -= scale[k]! * f.mean;
  });
  return { bias, scale };
}

/** Probability in (0, 1) that the pair is a true alignment. */
export function confidence(model: CompiledModel, x: Float64Array): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.scale[k]! * x[k]!;
  return 1 / (1 + Math.exp(-z));
}
