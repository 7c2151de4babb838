import type { ParagraphFeatures } from '../features';
import type { Paragraph } from '../types';
import { tollFacets } from './facets';
import { SoftMatcher, type Alignment, type SoftMatching, type TermBag } from './softMatch';
import { tfidfOfIds, Vocabulary, type SparseVector } from './tfidf';
import type { WordVectors } from './wordVectors';

/** Pairs a set aligns word by word before its expansions take over. */
const DIRECT_PAIRS = 256;

/** One paragraph that takes part in alignment, as the scorer sees it. */
export interface UnitProfile {
  /** Index of its document in the comparison set. */
  readonly doc: number;
  readonly paragraph: number;
  /** Headline, standfirst or first body paragraph: where every outlet states the main news. */
  readonly top: boolean;
  readonly words: number;
  /** Content lemmas plus the initials of multi-word names ("United States" also gives "US"). */
  readonly terms: readonly string[];
  /** Lemma TF-IDF vector (IDF over every paragraph of the comparison set). */
  readonly lexical: SparseVector;
  /** The whole paragraph for soft matching. */
  readonly bag: TermBag;
  /** Terms of each sentence with at least three distinct ones (when the paragraph has two or more sentences). */
  readonly sentenceTerms: readonly (readonly string[])[];
  readonly names: KeySet;
  readonly numbers: KeySet;
  /** Content words inside quotation marks. */
  readonly quoted: KeySet;
  /** Facets of the human toll it reports, as bits (see tollFacets). */
  readonly facets: number;
  /** A list with its lead-in: the lead-in's paragraph index, the same for every item (-1: not in a list). */
  readonly listGroup: number;
  /** A key for the paragraph's text, so cached word alignments can be reused when nothing changed. */
  readonly textKey: string;
}

/**
 * A unit's distinct keys of one kind (names, numbers, quoted words) in the order it first gives them, with their ids
 * in the set's vocabulary of that kind: pairs compare the ids, numbers in a short typed array rather than strings
 * hashed (a large set compares hundreds of thousands of pairs).
 */
export interface KeySet {
  readonly keys: readonly string[];
  readonly ids: Int32Array;
}

/** What a paragraph brings to profiling. */
export interface UnitSource {
  readonly doc: number;
  readonly paragraph: Paragraph;
  readonly features: ParagraphFeatures;
  readonly top: boolean;
  /** Lemmas of the paragraphs it is read with (a list item's lead-in, a lead-in's items); compared as its own. */
  readonly context?: readonly string[];
  /** For a list and its lead-in: the lead-in's paragraph index, shared by the items (they make one point). */
  readonly listGroup?: number;
}

/** The comparison set's vocabularies, shared by every pair score. */
export interface ProfileSet {
  readonly units: readonly UnitProfile[];
  readonly vocabulary: Vocabulary;
  readonly nameVocabulary: Vocabulary;
  readonly numberVocabulary: Vocabulary;
  readonly quoteVocabulary: Vocabulary;
  readonly matcher: SoftMatcher;
  /** A unit's sentence bags, built on first use (only pairs that may carry a second point need them). */
  sentenceBags(unit: number): readonly TermBag[];
  /**
   * The bags sentence evidence compares for a unit: its sentence bags, or the whole paragraph's bag when it has
   * fewer than two sentences worth comparing.
   */
  sentenceSides(unit: number): readonly TermBag[];
  /**
   * Word alignments of every sentence of one unit with every sentence of another (`sentenceSides`, a's row by
   * row). Through expansions, like `align`, once the set's neighbour lists exist.
   */
  alignSentences(a: number, b: number): Alignment[];
  /** A unit's bag expanded over the vocabulary (exhaustive matching only; see SoftMatcher.expansion), built on first use. */
  expansion(unit: number): Float32Array | null;
  /**
   * The word alignment of two units' bags. Every word against every word (small sets) goes through the bags'
   * expansions, a lookup per word, once enough pairs were aligned to repay the set's neighbour lists (a cache that
   * holds most pairs never builds them); both ways give the same alignment.
   */
  align(a: number, b: number): Alignment;
  /** `SoftMatcher.score` of `align(a, b)`, the same number, without keeping the alignment (nothing allocated per pair). */
  softSimilarity(a: number, b: number): number;
}

/**
 * Largest vocabulary (distinct terms of a comparison set) whose words are all compared with each other: its neighbour
 * lists cost a few hundred milliseconds to build the first time at this size (then a process keeps them).
 */
const EXHAUSTIVE_TERMS = 4000;
/** …and at most this many floats in the units' expansions over it (one per unit and term: 128 MB). */
const EXPANSION_FLOATS = 32_000_000;

/**
 * How a comparison set's words meet (SoftMatching). It depends on the vocabulary, not on how many paragraphs there
 * are: comparing words only within their semantic class finds about a tenth of the word pairs above the floor
 * (measured on the shipped vectors), so similarities would run lower — and thresholds chosen on small sets would miss
 * paraphrases — in any set past a size. A vocabulary too large to compare every word with every word looks each
 * word's close words up in the shipped neighbour table, when there is one and it reaches down to the floor.
 */
export function softMatchingFor(units: number, terms: number, vectors: WordVectors | null, floor: number): SoftMatching {
  if (units * terms > EXPANSION_FLOATS) return 'within classes';
  if (terms <= EXHAUSTIVE_TERMS) return 'all words';
  const tableFloor = vectors?.neighbourFloor ?? null;
  return tableFloor !== null && floor >= tableFloor ? 'listed neighbours' : 'within classes';
}

/**
 * Builds every unit's vectors and bags; IDF is over the units of this comparison set. `matching` 'auto' lets the
 * set's size decide (softMatchingFor).
 */
export function buildProfiles(sources: readonly UnitSource[], vectors: WordVectors | null, softFloor: number, matching: SoftMatching | 'auto'): ProfileSet {
  const termsOf = sources.map((s) => [...s.features.lemmas, ...acronyms(s.features), ...(s.context ?? [])]);
  const namesOf = sources.map((s) => [...s.features.names.flatMap((n) => n.keys), ...acronyms(s.features)]);
  const numbersOf = sources.map((s) => s.features.numbers.map((n) => n.key));
  const quotedOf = sources.map((s) => quotedWords(s.features));
  const vocabulary = new Vocabulary();
  const nameVocabulary = new Vocabulary();
  const numberVocabulary = new Vocabulary();
  const quoteVocabulary = new Vocabulary();
  // Each unit's terms as vocabulary ids, looked up once: the TF-IDF vector and the soft-matching bag read them.
  const termIds = sources.map((_, i) => {
    nameVocabulary.addUnit(namesOf[i]!);
    numberVocabulary.addUnit(numbersOf[i]!);
    quoteVocabulary.addUnit(quotedOf[i]!);
    return vocabulary.addUnit(termsOf[i]!);
  });
  const mode = matching === 'auto' ? softMatchingFor(sources.length, vocabulary.terms, vectors, softFloor) : matching;
  const matcher = new SoftMatcher(vectors, softFloor, mode);
  // The matcher's ids for these terms are the vocabulary's.
  matcher.registerAll(vocabulary.list);
  const weight = (term: string) => vocabulary.idf(term);
  const weightOfId = (id: number) => vocabulary.idfOfId(id);
  const marks = new Int32Array(vocabulary.terms).fill(-1);
  /** A unit's distinct term ids, in the order they first come. */
  const distinctIds = (ids: Int32Array, unit: number): number[] => {
    const out: number[] = [];
    for (const id of ids) {
      if (marks[id] === unit) continue;
      marks[id] = unit;
      out.push(id);
    }
    return out;
  };
  const units = sources.map((s, i): UnitProfile => {
    const f = s.features;
    const sentenceTerms: string[][] = f.sentences.map(() => []);
    f.lemmas.forEach((lemma, k) => sentenceTerms[f.lemmaSentences[k] ?? 0]?.push(lemma));
    return {
      doc: s.doc,
      paragraph: s.paragraph.index,
      top: s.top,
      words: s.paragraph.words,
      terms: termsOf[i]!,
      bag: matcher.bagOfIds(distinctIds(termIds[i]!, i), weightOfId),
      // (Last: it sorts the unit's ids in place.)
      lexical: tfidfOfIds(termIds[i]!, vocabulary),
      sentenceTerms: sentenceTerms.length > 1 ? sentenceTerms.filter((t) => new Set(t).size >= 3) : [],
      names: keySet(namesOf[i]!, nameVocabulary),
      numbers: keySet(numbersOf[i]!, numberVocabulary),
      quoted: keySet(quotedOf[i]!, quoteVocabulary),
      facets: tollFacets(f.lemmas),
      listGroup: s.listGroup ?? -1,
      textKey: textKey(s.paragraph.text),
    };
  });
  const sentenceBags = new Map<number, TermBag[]>();
  const expansions = new Map<number, Float32Array | null>();
  const sentenceExpansions = new Map<number, (Float32Array | null)[]>();
  let aligned = 0;
  const expansionOf = (unit: number): Float32Array | null => {
    let e = expansions.get(unit);
    if (e === undefined) expansions.set(unit, (e = matcher.expansion(units[unit]!.bag)));
    return e;
  };
  /** Both units' expansions once enough pairs were aligned to repay the neighbour lists (counting this one), else null. */
  const pairExpansions = (a: number, b: number): [Float32Array, Float32Array] | null => {
    const ea = ++aligned > DIRECT_PAIRS ? expansionOf(a) : null;
    const eb = ea && expansionOf(b);
    return ea && eb ? [ea, eb] : null;
  };
  return {
    units,
    vocabulary,
    nameVocabulary,
    numberVocabulary,
    quoteVocabulary,
    matcher,
    expansion: expansionOf,
    align(a: number, b: number): Alignment {
      const e = pairExpansions(a, b);
      return e ? SoftMatcher.alignExpanded(units[a]!.bag, e[0], units[b]!.bag, e[1]) : matcher.align(units[a]!.bag, units[b]!.bag);
    },
    softSimilarity(a: number, b: number): number {
      const e = pairExpansions(a, b);
      return e ? SoftMatcher.scoreExpanded(units[a]!.bag, e[0], units[b]!.bag, e[1]) : matcher.similarity(units[a]!.bag, units[b]!.bag);
    },
    sentenceBags(unit: number): readonly TermBag[] {
      let bags = sentenceBags.get(unit);
      if (!bags) sentenceBags.set(unit, (bags = units[unit]!.sentenceTerms.map((t) => matcher.bag(t, weight))));
      return bags;
    },
    sentenceSides(unit: number): readonly TermBag[] {
      return units[unit]!.sentenceTerms.length ? this.sentenceBags(unit) : [units[unit]!.bag];
    },
    alignSentences(a: number, b: number): Alignment[] {
      const left = this.sentenceSides(a);
      const right = this.sentenceSides(b);
      const expanded = (unit: number, sides: readonly TermBag[]) => {
        let e = sentenceExpansions.get(unit);
        if (!e) sentenceExpansions.set(unit, (e = units[unit]!.sentenceTerms.length ? sides.map((bag) => matcher.expansion(bag)) : [expansionOf(unit)]));
        return e;
      };
      aligned += left.length * right.length;
      const el = aligned > DIRECT_PAIRS ? expanded(a, left) : null;
      const er = el && expanded(b, right);
      const out: Alignment[] = [];
      left.forEach((x, k) => {
        right.forEach((y, m) => {
          const ex = el?.[k];
          const ey = er?.[m];
          out.push(ex && ey ? SoftMatcher.alignExpanded(x, ex, y, ey) : matcher.align(x, y));
        });
      });
      return out;
    },
  };
}

function keySet(keys: readonly string[], vocabulary: Vocabulary): KeySet {
  const distinct = [...new Set(keys)];
  return { keys: distinct, ids: Int32Array.from(distinct, (k) => vocabulary.id(k)!) };
}

function acronyms(f: ParagraphFeatures): string[] {
  return f.names.flatMap((n) => (n.acronym ? [n.acronym] : []));
}

/** Lower-case content words of the paragraph's quotations (four letters or more, to skip function words). */
function quotedWords(f: ParagraphFeatures): string[] {
  return f.quotes.flatMap((q) => q.text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4));
}

/** A cache key for a paragraph's text: its length and two 32-bit FNV-1a hashes with different seeds. */
export function textKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619) >>> 0;
    b = Math.imul(b ^ c, 2246822519) >>> 0;
  }
  return `${text.length.toString(36)}.${a.toString(36)}.${b.toString(36)}`;
}
