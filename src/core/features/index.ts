import { NOT_CONTENT_KINDS, type Paragraph } from '../types';
import { acronymOf, findNames } from './names';
import { findNumbers } from './numbers';
import { findQuotes } from './quotes';
import { isAcronym, isContentToken, tokenize } from './tokens';
import { titleCaseRatio } from '../segment/cues';
import { EMPTY_FEATURES, type NameMention, type ParagraphFeatures, type QuoteFeature } from './types';

export type { ParagraphFeatures, NameMention, NumberFeature, QuoteFeature, TextSpan, WordToken } from './types';
export { EMPTY_FEATURES } from './types';
export { parseNumber } from './numbers';
export { nlp } from './nlp';
export { balanceQuotes, quoted } from './quoting';

/**
 * Features of one paragraph's text (sentences, content lemmas, names, numbers, quotes).
 * In a Title Case line the tagger reads every word as a name and leaves it unlemmatised ("Backs",
 * "Praises"), so its lemmas come from a lower-cased copy (acronyms kept).
 */
export function paragraphFeatures(text: string, titleCase = false): ParagraphFeatures {
  const { tokens, sentences: sentenceTokens, entities, sentiments } = tokenize(unshout(text));
  const sentences = sentenceTokens.map(([a, b]) => ({ start: tokens[a]?.start ?? 0, end: tokens[b]?.end ?? text.length }));
  // A dateline ("WASHINGTON, UNITED STATES –", "ORRIN, May 14 (Wire) -") says where the report was filed, not what
  // it reports: its words are neither lemmas nor names.
  const datelineEnd = datelineLength(text);
  const reported = (t: { start: number }) => t.start >= datelineEnd;
  const names = findNames(text, tokens).filter(reported);
  const lowered = titleCase ? unshout(text).replace(/[^\s]+/g, (w) => (isAcronym(w) ? w : w.toLowerCase())) : text;
  // Lower-casing keeps offsets for almost every script; where it would not, the original reading stands.
  const lemmaSource = titleCase && lowered.length === text.length ? tokenize(lowered).tokens : tokens;
  const lemmaTokens = lemmaSource.filter((t) => isContentToken(t) && reported(t));
  const sentenceOf = (offset: number) => Math.max(0, sentences.findIndex((s) => offset < s.end));
  return {
    words: tokens.filter((t) => t.type === 'word' || t.type === 'number').length,
    sentences,
    lemmas: lemmaTokens.map((t) => t.lemma),
    lemmaSentences: lemmaTokens.map((t) => sentenceOf(t.start)),
    names,
    numbers: findNumbers(text, tokens, entities),
    quotes: findQuotes(text, tokens, sentences, names),
    tokens: lemmaSource
      .filter((t) => t.type === 'word' || t.type === 'number')
      .map((t) => ({
        start: t.start,
        end: t.end,
        lemma: t.lemma,
        pos: t.pos,
        sentence: sentenceOf(t.start),
        content: isContentToken(t) && reported(t),
        negated: t.negated,
      })),
    sentiments,
  };
}

/** A span of a text without the white space at its ends. */
export function trimSpan(text: string, span: { readonly start: number; readonly end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * A dateline opening a paragraph: a place in capitals (a region or country after a comma), perhaps a date and the
 * outlet in brackets, then a dash — "WASHINGTON, UNITED STATES –", "KESSLER FALLS, March 14 (Northern Wire) —".
 */
const DATELINE = /^\s*\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*)?(?:,?\s+\p{Lu}\p{Ll}+\.?\s+\d{1,2})?(?:\s*\([^)\n]{2,40}\))?\s*[-–—]{1,2}\s/u;

/** Length of a paragraph's dateline, 0 when it has none. */
export function datelineLength(text: string): number {
  return DATELINE.exec(text)?.[0].length ?? 0;
}

/** All-caps words in a row, the run holding a long one: a shouted dateline or headline, not acronyms. */
const CAPS_RUN = /\p{Lu}[\p{Lu}'’.-]*(?:[\s,;:–—-]+\p{Lu}[\p{Lu}'’.-]*)+/gu;

/**
 * "WASHINGTON, UNITED STATES –" read as "Washington, United States –": in a run of two or more all-caps words,
 * one of them five letters or longer, every word of four letters or more is title-cased (acronyms like "US"
 * and "UN" stay). The length is kept, so offsets still point into the original text.
 */
export function unshout(text: string): string {
  return text.replace(CAPS_RUN, (run) => {
    const words = run.split(/[\s,;:–—-]+/);
    if (!words.some((w) => w.replace(/[^\p{L}]/gu, '').length >= 5)) return run;
    return run.replace(/\p{Lu}[\p{Lu}'’.]{3,}/gu, (w) => w[0] + w.slice(1).toLowerCase());
  });
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
      // "Mayor Ilse Brandt said … “…,” she said": a person named earlier in the same paragraph comes first.
      if (q.speakerIsPronoun) speaker = lastPersonName(names.filter((n) => n.end <= q.start)) ?? lastSpeaker ?? lastPerson ?? q.speaker;
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
