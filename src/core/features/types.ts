import type { NumberMention } from '../types';

/** A character range inside a paragraph's text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A proper name as written, and the words that identify it (titles and function words dropped, lower case). */
export interface NameMention extends TextSpan {
  readonly text: string;
  readonly keys: readonly string[];
  /** Initials of a multi-word name ("united states" → "us"), else null. */
  readonly acronym: string | null;
}

export interface NumberFeature extends NumberMention, TextSpan {
  /** A key equal for the same quantity written differently ("eight people" / "8 people"). */
  readonly key: string;
  /** Where the noun it counts ends ("three valley towns"), `end` when it counts none: the number as a reader quotes it. */
  readonly countedEnd: number;
}

export interface QuoteFeature extends TextSpan {
  readonly text: string;
  /** The speaker's name as written, null when none is stated. */
  readonly speaker: string | null;
  /** The speaker is a pronoun (he, she, they) to be resolved against earlier paragraphs. */
  readonly speakerIsPronoun: boolean;
}

/** One word or number of a paragraph, as the detectors read it (wording, conflicts, tone, headline clauses). */
export interface WordToken extends TextSpan {
  /** Lower-case lemma (an acronym stays upper case). */
  readonly lemma: string;
  /** Universal part of speech (NOUN, PROPN, VERB, ADJ, ADV, NUM, …). */
  readonly pos: string;
  /** Index of its sentence in the paragraph. */
  readonly sentence: number;
  /** A content word: noun, name, verb, adjective or adverb that is not a stop word. */
  readonly content: boolean;
  /** Inside the scope of a negation ("did not *call for restraint*"). */
  readonly negated: boolean;
}

/** What the language pipeline reads from one paragraph. Plain data, computed once per paragraph text. */
export interface ParagraphFeatures {
  /** Word tokens. */
  readonly words: number;
  readonly sentences: readonly TextSpan[];
  /** Lemmas of content words, lower case, in text order. */
  readonly lemmas: readonly string[];
  /** For each lemma, the index of the sentence it is in. */
  readonly lemmaSentences: readonly number[];
  readonly names: readonly NameMention[];
  readonly numbers: readonly NumberFeature[];
  readonly quotes: readonly QuoteFeature[];
  /** Every word and number in text order. */
  readonly tokens: readonly WordToken[];
  /** wink-nlp's sentiment of each sentence, in [-1, 1]. */
  readonly sentiments: readonly number[];
}

export const EMPTY_FEATURES: ParagraphFeatures = {
  words: 0,
  sentences: [],
  lemmas: [],
  lemmaSentences: [],
  names: [],
  numbers: [],
  quotes: [],
  tokens: [],
  sentiments: [],
};
