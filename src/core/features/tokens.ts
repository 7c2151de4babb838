import type { ItsFunction, PartOfSpeech } from 'wink-nlp';
import { mayHoldNumbers, nlp, nlpWithoutEntities } from './nlp';
import type { TextSpan } from './types';

/** One wink-nlp token with its character range in the paragraph. */
export interface Token extends TextSpan {
  readonly value: string;
  /** Lower-case lemma; an acronym stays upper case without dots ("U.S." → "US"), so it never meets a word. */
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  /** wink's token type: word, number, punctuation, currency, symbol, … */
  readonly type: string;
  readonly stop: boolean;
  /** Inside the scope of a negation wink-nlp found ("did not *call for restraint*"). */
  readonly negated: boolean;
}

export interface EntitySpan {
  /** wink entity type: CARDINAL, MONEY, PERCENT, DATE, TIME, DURATION, ORDINAL, … */
  readonly type: string;
  readonly value: string;
  /** First and last token index, inclusive. */
  readonly first: number;
  readonly last: number;
}

export interface TokenizedText {
  readonly tokens: readonly Token[];
  /** Sentences as inclusive token index ranges. */
  readonly sentences: readonly (readonly [number, number])[];
  readonly entities: readonly EntitySpan[];
  /** wink-nlp's sentiment of each sentence, in [-1, 1]. */
  readonly sentiments: readonly number[];
}

/** Runs wink-nlp once over a paragraph and returns plain arrays (one `out` call per attribute: fast). */
export function tokenize(text: string): TokenizedText {
  const pipeline = mayHoldNumbers(text) ? nlp() : nlpWithoutEntities();
  const { its } = pipeline;
  const doc = pipeline.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out();
  const pos = tokens.out(its.pos) as PartOfSpeech[];
  // wink-nlp's typings declare `its.lemma` with the wrong parameter list; the call is right.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const types = tokens.out(its.type) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const negations = tokens.out(its.negationFlag) as unknown as boolean[];
  const out: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    const value = values[i]!;
    out.push({
      value,
      lemma: isAcronym(value) ? value.replace(/\./g, '') : normaliseLemma(lemmas[i] ?? value),
      pos: pos[i]!,
      type: types[i]!,
      stop: stops[i]!,
      negated: negations[i] === true,
      start: offset,
      end: offset + value.length,
    });
    offset += value.length;
  }
  const sentences = doc.sentences().out(its.span) as unknown as [number, number][];
  const entityDetails = doc.entities().out(its.detail) as unknown as { value: string; type: string }[];
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entities = entityDetails.map((e, i) => ({ type: e.type, value: e.value, first: entitySpans[i]![0], last: entitySpans[i]![1] }));
  const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
  return { tokens: out, sentences, entities, sentiments };
}

function normaliseLemma(lemma: string): string {
  return lemma.toLowerCase();
}

/** An upper-case acronym (US, UN, EU, TTP): content even when its lower-case form is a stop word. */
export function isAcronym(value: string): boolean {
  // Most tokens fail on their first two characters; test those before the expression.
  const a = value.charCodeAt(0);
  const b = value.charCodeAt(1);
  if (!(a >= 65 && a <= 90) && a < 128) return false;
  if (!((b >= 65 && b <= 90) || b === 46) && b < 128) return false;
  return /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,})$/u.test(value);
}

const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV']);

/** Words that carry content: nouns, names, verbs, adjectives and adverbs that are not stop words. */
export function isContentToken(t: Token): boolean {
  if (t.type !== 'word') return false;
  if (isAcronym(t.value)) return true;
  return !t.stop && CONTENT_POS.has(t.pos) && t.lemma.length > 1 && /\p{L}/u.test(t.lemma);
}
