import type { PairEvidence } from '../types';
import type { KeySet, ProfileSet } from './profiles';
import { facetIds } from './facets';
import { SoftMatcher, type Alignment } from './softMatch';
import { cosine, type Vocabulary } from './tfidf';

const NO_FACETS: readonly string[] = Object.freeze([]);

/**
 * Word alignments of paragraph pairs, and of their sentences, reused while both texts stay the same (see
 * AnalysisCache). They are IDF-free, so they hold whatever else the comparison set brings.
 */
export interface AlignmentStore {
  /** The alignment of the paragraphs with these text keys (UnitProfile.textKey, in storeOrder). */
  get(first: string, second: string): Alignment | undefined;
  set(first: string, second: string, alignment: Alignment): void;
  /** Every sentence of one paragraph aligned with every sentence of the other (ProfileSet.alignSentences). */
  getSentences(first: string, second: string): readonly Alignment[] | undefined;
  setSentences(first: string, second: string, alignments: readonly Alignment[]): void;
}

/** What one pair of paragraphs has in common, each part in [0, 1] (the report's evidence, as measured). */
export type RawEvidence = PairEvidence;

/**
 * Gathers the evidence of one candidate pair. Sentence evidence costs a soft match per pair of sentences, so
 * it is computed only when asked (see sentenceEvidence) and is 0 here.
 */
export function pairEvidence(set: ProfileSet, i: number, j: number, store?: AlignmentStore): RawEvidence {
  const a = set.units[i]!;
  const b = set.units[j]!;
  const soft = softScore(set, i, j, store);
  const sentence = 0;
  const names = rareOverlap(a.names, b.names, set.nameVocabulary);
  const numbers = rareOverlap(a.numbers, b.numbers, set.numberVocabulary);
  const quotes = rareOverlap(a.quoted, b.quoted, set.quoteVocabulary);
  return {
    lexical: cosine(a.lexical, b.lexical),
    soft,
    sentence,
    names: names.value,
    numbers: numbers.value,
    quotes: quotes.value,
    sharedNames: names.shared,
    sharedNumbers: numbers.shared,
    sharedFacets: a.facets & b.facets ? facetIds(a.facets & b.facets) : NO_FACETS,
  };
}

/** The best soft match between a sentence of each paragraph (a point carried by part of a paragraph). */
export function sentenceEvidence(set: ProfileSet, i: number, j: number, store?: AlignmentStore): number {
  const a = set.units[i]!;
  const b = set.units[j]!;
  if (!a.sentenceTerms.length && !b.sentenceTerms.length) return 0;
  const [x, y] = storeOrder(set, i, j);
  let alignments: readonly Alignment[] | undefined;
  if (store) {
    const [first, second] = [set.units[x]!.textKey, set.units[y]!.textKey];
    alignments = store.getSentences(first, second);
    if (!alignments) store.setSentences(first, second, (alignments = set.alignSentences(x, y)));
  } else {
    alignments = set.alignSentences(x, y);
  }
  const left = set.sentenceSides(x);
  const right = set.sentenceSides(y);
  let best = 0;
  left.forEach((l, k) => {
    right.forEach((r, m) => {
      if (l.total && r.total) best = Math.max(best, SoftMatcher.score(l, r, alignments[k * right.length + m]!));
    });
  });
  return best;
}

function softScore(set: ProfileSet, i: number, j: number, store?: AlignmentStore): number {
  const a = set.units[i]!;
  const b = set.units[j]!;
  if (!a.bag.total || !b.bag.total) return 0;
  if (!store) return set.softSimilarity(i, j);
  const [x, y] = storeOrder(set, i, j);
  const [first, second] = [set.units[x]!.textKey, set.units[y]!.textKey];
  let alignment = store.get(first, second);
  if (!alignment) store.set(first, second, (alignment = set.align(x, y)));
  return SoftMatcher.score(set.units[x]!.bag, set.units[y]!.bag, alignment);
}

/** A pair in the order its alignments are stored: by the texts' keys, so either order finds them. */
function storeOrder(set: ProfileSet, i: number, j: number): [number, number] {
  return set.units[i]!.textKey <= set.units[j]!.textKey ? [i, j] : [j, i];
}

/**
 * How much rare material two sets share: 1 − exp(−Σ log(N/df) over shared keys / 3). A key in every
 * paragraph adds nothing; one shared rare name (df 2 of 100) gives ~0.7; two give ~0.9. Shared keys are listed in
 * b's order.
 */
function rareOverlap(a: KeySet, b: KeySet, vocab: Vocabulary): { value: number; shared: string[] } {
  if (!a.ids.length || !b.ids.length) return NOTHING_SHARED;
  let evidence = 0;
  let shared: string[] | null = null;
  for (let k = 0; k < b.ids.length; k++) {
    const id = b.ids[k]!;
    if (!a.ids.includes(id)) continue;
    evidence += vocab.idfOfId(id) - 1;
    (shared ??= []).push(b.keys[k]!);
  }
  // Most pairs share nothing rare: they all get the one empty result (a large set scores hundreds of thousands).
  return shared ? { value: 1 - Math.exp(-evidence / 3), shared } : NOTHING_SHARED;
}

const NOTHING_SHARED: { value: number; shared: string[] } = Object.freeze({ value: 0, shared: Object.freeze([]) as unknown as string[] });
