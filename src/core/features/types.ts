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
}

export interface QuoteFeature extends TextSpan {
  readonly text: string;
  /** The speaker's name as written, null when none is stated. */
  readonly speaker: string | null;
  /** The speaker is a pronoun (he, she, they) to be resolved against earlier paragraphs. */
  readonly speakerIsPronoun: boolean;
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
}

export const EMPTY_FEATURES: ParagraphFeatures = {
  words: 0,
  sentences: [],
  lemmas: [],
  lemmaSentences: [],
  names: [],
  numbers: [],
  quotes: [],
};
