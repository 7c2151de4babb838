import type { ProfileSet } from './profiles';
import type { TermBag, TermList } from './softMatch';

/** A text's terms made ready for repeated coverage questions (an article's whole vocabulary, say). */
export interface TermSet {
  readonly terms: ReadonlySet<string>;
  /** The matcher's own form of it. */
  readonly bag: TermBag | null;
}

/** What the detectors ask of the scorer: how alike two words are, and how much of one text another carries. */
export interface WordMatcher {
  /** Similarity of two lemmas in [0, 1]: 1 when equal, the word vectors' rescaled cosine otherwise. */
  similarity(a: string, b: string): number;
  /**
   * IDF-weighted share of `from`'s terms found (softly) among `to`'s, in [0, 1]. Against a prepared TermSet (a
   * large vocabulary), words are compared within their semantic class only.
   */
  coverage(from: readonly string[], to: readonly string[] | TermSet): number;
  /** Prepares terms to be the `to` of many coverage questions. */
  termSet(terms: Iterable<string>): TermSet;
  /** How rare a term is in the comparison set (IDF; larger is rarer). */
  weight(term: string): number;
}

/** The comparison set's soft matcher and IDF, seen as a WordMatcher. */
export function wordMatcherOf(set: ProfileSet): WordMatcher {
  const weight = (term: string) => set.vocabulary.idf(term);
  const termSet = (terms: Iterable<string>): TermSet => {
    const distinct = new Set(terms);
    return { terms: distinct, bag: set.matcher.bag([...distinct], () => 1) };
  };
  // Detectors ask about the same word lists many times (a headline clause against each point's words): the bags of
  // a list are made once per list object.
  const targets = new WeakMap<readonly string[], TermList>();
  const sources = new WeakMap<readonly string[], TermBag>();
  return {
    similarity: (a, b) => set.matcher.wordSimilarity(a, b),
    coverage: (from, to) => {
      if (!from.length) return 0;
      let bag = sources.get(from);
      if (!bag) sources.set(from, (bag = set.matcher.bag(from, weight)));
      if (!Array.isArray(to)) {
        const target = to as TermSet;
        return target.terms.size ? set.matcher.coverage(bag, target.bag!, true) : 0;
      }
      const list = to as readonly string[];
      let target = targets.get(list);
      if (!target) targets.set(list, (target = set.matcher.termList(list)));
      return set.matcher.coverageOfTerms(bag, target);
    },
    termSet,
    weight,
  };
}

/** Exact matching only (no word vectors, uniform weights): for tests and for sets without vectors. */
export const EXACT_WORDS: WordMatcher = {
  similarity: (a, b) => (a === b ? 1 : 0),
  coverage: (from, to) => {
    const target = Array.isArray(to) ? new Set(to) : (to as TermSet).terms;
    const distinct = new Set(from);
    let hit = 0;
    for (const t of distinct) if (target.has(t)) hit++;
    return distinct.size ? hit / distinct.size : 0;
  },
  termSet: (terms) => ({ terms: new Set(terms), bag: null }),
  weight: () => 1,
};
