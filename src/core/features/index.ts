import { NOT_CONTENT_KINDS, type Paragraph } from '../types';
import { acronymOf, findNames } from './names';
import { findNumbers } from './numbers';
import { findQuotes } from './quotes';
import { isAcronym, isContentToken, tokenize } from './tokens';
import { titleCaseRatio } from '../segment/cues';
import { EMPTY_FEATURES, type NameMention, type ParagraphFeatures, type QuoteFeature } from './types';

export type { ParagraphFeatures, NameMention, NumberFeature, QuoteFeature, TextSpan } from './types';
export { EMPTY_FEATURES } from './types';
export { parseNumber } from './numbers';
export { nlp } from './nlp';

/**
 * Features of one paragraph's text (sentences, content lemmas, names, numbers, quotes).
 * In a Title Case line the tagger reads every word as a name and leaves it unlemmatised ("Backs",
 * "Praises"), so its lemmas come from a lower-cased copy (acronyms kept).
 */
export function paragraphFeatures(text: string, titleCase = false): ParagraphFeatures {
  const { tokens, sentences: sentenceTokens, entities } = tokenize(text);
  const sentences = sentenceTokens.map(([a, b]) => ({ start: tokens[a]?.start ?? 0, end: tokens[b]?.end ?? text.length }));
  const names = findNames(text, tokens);
  const lemmaTokens = (titleCase ? tokenize(text.replace(/[^\s]+/g, (w) => (isAcronym(w) ? w : w.toLowerCase()))).tokens : tokens).filter(isContentToken);
  const sentenceOf = (offset: number) => Math.max(0, sentences.findIndex((s) => offset < s.end));
  return {
    words: tokens.filter((t) => t.type === 'word' || t.type === 'number').length,
    sentences,
    lemmas: lemmaTokens.map((t) => t.lemma),
    lemmaSentences: lemmaTokens.map((t) => sentenceOf(t.start)),
    names,
    numbers: findNumbers(text, tokens, entities),
    quotes: findQuotes(text, tokens, sentences, names),
  };
}

/**
 * Features of every paragraph of one article. Not-content paragraphs get none. Two article-level repairs:
 * in Title Case lines (headlines, headings) every word looks like a name, so there a name counts only if the
 * article's prose names it too; and a pronoun speaker ("she continued") becomes the last named speaker.
 */
export function articleFeatures(paragraphs: readonly Paragraph[]): ParagraphFeatures[] {
  const raw = paragraphs.map((p) =>
    NOT_CONTENT_KINDS.has(p.kind) ? EMPTY_FEATURES : paragraphFeatures(p.text, isTitleLine(p) && titleCaseRatio(p.text) >= 0.75),
  );
  const proseNameKeys = new Set<string>();
  raw.forEach((f, i) => {
    if (!isTitleLine(paragraphs[i]!)) for (const n of f.names) for (const k of n.keys) proseNameKeys.add(k);
  });
  let lastSpeaker: string | null = null;
  let lastPerson: string | null = null;
  return raw.map((f, i) => {
    const p = paragraphs[i]!;
    const names = isTitleLine(p) ? f.names.flatMap((n) => knownNameParts(p.text, n, proseNameKeys)) : f.names;
    let paragraphSpeaker: string | null = null;
    const quotes = f.quotes.map((q): QuoteFeature => {
      let speaker = q.speaker;
      if (q.speakerIsPronoun) speaker = lastSpeaker ?? lastPerson ?? q.speaker;
      // A second quotation with no attribution of its own continues the previous speaker's words.
      else if (!speaker) speaker = paragraphSpeaker;
      if (speaker) paragraphSpeaker = lastSpeaker = speaker;
      return speaker === q.speaker ? q : { ...q, speaker };
    });
    const person = lastPersonName(names);
    if (person) lastPerson = person;
    return names === f.names && quotes.every((q, k) => q === f.quotes[k]) ? f : { ...f, names, quotes };
  });
}

/** The parts of a Title Case "name" that the article's prose also names ("US Backs Pakistan" → "US", "Pakistan"). */
function knownNameParts(text: string, name: NameMention, known: ReadonlySet<string>): NameMention[] {
  const parts: NameMention[] = [];
  let run: { start: number; end: number; keys: string[] } | null = null;
  for (const m of text.slice(name.start, name.end).matchAll(/[^\s]+/g)) {
    const bare = m[0].replace(/[’']s$/, '').replace(/[^\p{L}\p{N}-]/gu, '');
    const key = /^\p{Lu}{2,6}$/u.test(bare) ? bare : bare.toLowerCase();
    const start = name.start + m.index!;
    const end = start + m[0].length;
    if (known.has(key)) {
      if (run) {
        run.end = end;
        run.keys.push(key);
      } else run = { start, end, keys: [key] };
    } else if (run) {
      parts.push({ text: text.slice(run.start, run.end), ...run, acronym: acronymOf(run.keys) });
      run = null;
    }
  }
  if (run) parts.push({ text: text.slice(run.start, run.end), ...run, acronym: acronymOf(run.keys) });
  return parts;
}

function isTitleLine(p: Paragraph): boolean {
  return p.kind === 'headline' || p.kind === 'heading';
}

/** The last name of two or more identifying words: the likeliest antecedent of a later "he" or "she". */
function lastPersonName(names: readonly NameMention[]): string | null {
  for (let i = names.length - 1; i >= 0; i--) if (names[i]!.keys.length >= 2) return names[i]!.text;
  return null;
}
