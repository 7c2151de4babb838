import type { ParagraphKind } from '../types';
import {
  endsAsSentence,
  endsWithClausePunctuation,
  isByline,
  isCaption,
  isCopyright,
  isGluedWordList,
  isNavigationTrail,
  isUiPhrase,
  startsWithQuoteMark,
  titleCaseRatio,
  wordCount,
} from './cues';
import type { RawParagraph } from './raw';

/** Longest paragraph that can still be a headline, an alternative headline or a section heading. */
const MAX_HEADLINE_WORDS = 25;
const MAX_HEADING_WORDS = 12;
const MAX_STANDFIRST_WORDS = 60;
/** A paragraph at least this long that ends as a sentence is reporting prose. */
const MIN_PROSE_WORDS = 12;
/** Title Case share from which a short line reads as a (alternative) headline rather than a dek. */
const TITLE_CASE = 0.75;

/**
 * Decides each paragraph's kind from its own cues and its place in the page:
 *  1. intrinsic cues: raw HTML, photo credits, copyright, UI prompts, glued tag lists, breadcrumbs, bylines;
 *  2. the trailing zone: after the last prose paragraph, everything from the first page-chrome cue on is furniture;
 *  3. the masthead: the site's name saved above the article is furniture, not its headline;
 *  4. the top: headline, any alternative headlines (Title Case lines), then at most one standfirst;
 *  5. the rest: Markdown structure, list items, short unpunctuated lines followed by text (headings), quotes, body.
 * `blankLinesMatter` says whether the file separates paragraphs by blank lines, so that a line glued to the
 * headline (no blank between) reads as its dek.
 */
export function classify(paras: readonly RawParagraph[], blankLinesMatter: boolean): ParagraphKind[] {
  const kinds: (ParagraphKind | null)[] = paras.map(intrinsicKind);
  const words = paras.map((p) => wordCount(p.text));

  markTrailingFurniture(paras, kinds, words);
  markMasthead(paras, kinds, words);
  markTop(paras, kinds, words, blankLinesMatter);

  return kinds.map((kind, i) => kind ?? bodyKind(paras, kinds, words, i));
}

function intrinsicKind(p: RawParagraph): ParagraphKind | null {
  if (p.hint === 'html') return 'furniture';
  if (p.hint === 'image' || isCaption(p.text)) return 'caption';
  if (isCopyright(p.text) || isGluedWordList(p.text) || isNavigationTrail(p.text) || isUiPhrase(p.text)) return 'furniture';
  if (p.hint !== 'heading' && isByline(p.text)) return 'byline';
  return null;
}

function isProse(p: RawParagraph, words: number): boolean {
  return p.hint !== 'heading' && words >= MIN_PROSE_WORDS && endsAsSentence(p.text);
}

/**
 * A saved page goes on after the article: tags, author box, comment prompts, footer links. Past the last prose
 * paragraph, the first paragraph with a page-chrome cue opens that zone and everything after it is chrome.
 */
function markTrailingFurniture(paras: readonly RawParagraph[], kinds: (ParagraphKind | null)[], words: readonly number[]): void {
  let lastProse = -1;
  paras.forEach((p, i) => {
    if (kinds[i] === null && isProse(p, words[i]!)) lastProse = i;
  });
  if (lastProse < 0) return; // no prose at all: nothing marks where the article ends
  const zone = kinds.findIndex((k, i) => i > lastProse && k === 'furniture');
  if (zone < 0) return;
  for (let i = zone; i < kinds.length; i++) {
    if (kinds[i] !== 'byline' && kinds[i] !== 'caption') kinds[i] = 'furniture';
  }
}

/** A site's name is a few words: "The Observer", "Orrin Valley Daily News". */
const MAX_MASTHEAD_WORDS = 5;

/**
 * A saved page often opens on the site's name before its menu and the article's own headline. The first line is that
 * masthead, not a headline, when it is a few words without a sentence's end and either the page's copyright notice
 * names it ("© 2024 The Observer") or a menu follows it directly ("Home | Politics | Opinion") and the next line of
 * text after the chrome reads as a headline.
 */
function markMasthead(paras: readonly RawParagraph[], kinds: (ParagraphKind | null)[], words: readonly number[]): void {
  const first = kinds.findIndex((k) => k === null);
  if (first < 0) return;
  const p = paras[first]!;
  if (p.hint !== 'text' || words[first]! > MAX_MASTHEAD_WORDS || endsWithClausePunctuation(p.text)) return;
  const name = comparable(p.text);
  if (!/\p{L}{2}/u.test(name)) return;
  const named = paras.some((q, i) => i !== first && kinds[i] === 'furniture' && isCopyright(q.text) && ` ${comparable(q.text)} `.includes(` ${name} `));
  const menu = paras[first + 1];
  const headline = kinds.findIndex((k, i) => i > first + 1 && k === null);
  const menuFollows =
    menu !== undefined && isNavigationTrail(menu.text) && headline > 0 && words[headline]! <= MAX_HEADLINE_WORDS && !isProse(paras[headline]!, words[headline]!);
  if (named || menuFollows) kinds[first] = 'furniture';
}

/** Lower case, letters and digits only, single-spaced: for comparing a name with the text that repeats it. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Headline, alternative headlines and standfirst at the top of the article. */
function markTop(paras: readonly RawParagraph[], kinds: (ParagraphKind | null)[], words: readonly number[], blankLinesMatter: boolean): void {
  const first = kinds.findIndex((k) => k === null);
  if (first < 0) return;
  const p = paras[first]!;
  const titleLike = p.hint === 'heading' || (p.hint === 'text' && words[first]! <= MAX_HEADLINE_WORDS && (!endsAsSentence(p.text) || words[first]! <= 16));
  if (!titleLike) return;
  kinds[first] = 'headline';
  let previous = first;
  for (let i = first + 1; i < paras.length; i++) {
    if (kinds[i] !== null) continue; // bylines, credits and chrome may sit among the top lines
    const q = paras[i]!;
    const n = words[i]!;
    const isTitle =
      (q.hint === 'heading' && q.level <= (paras[first]!.level || 1)) ||
      (q.hint === 'text' && n >= 3 && n <= MAX_HEADLINE_WORDS && !endsAsSentence(q.text) && titleCaseRatio(q.text) >= TITLE_CASE);
    if (isTitle) {
      kinds[i] = 'headline';
      previous = i;
      continue;
    }
    const glued = blankLinesMatter && q.startLine === paras[previous]!.endLine + 1;
    const dek = q.hint === 'text' && n <= MAX_STANDFIRST_WORDS && (glued || q.emphasized || (n >= 5 && !endsWithClausePunctuation(q.text)));
    if (dek) kinds[i] = 'standfirst';
    return;
  }
}

function bodyKind(paras: readonly RawParagraph[], kinds: readonly (ParagraphKind | null)[], words: readonly number[], i: number): ParagraphKind {
  const p = paras[i]!;
  switch (p.hint) {
    case 'heading':
      return 'heading';
    case 'bullet':
      return 'list';
    case 'quote':
      return 'quote';
    case 'code':
    case 'table':
      return 'body';
  }
  const textFollows = kinds.some((k, j) => j > i && (k === null || k === 'body' || k === 'quote' || k === 'list'));
  if (words[i]! <= MAX_HEADING_WORDS && /\p{L}/u.test(p.text) && !endsWithClausePunctuation(p.text) && !startsWithQuoteMark(p.text) && textFollows) {
    return 'heading';
  }
  if (startsWithQuoteMark(p.text) && quotedShare(p.text) >= 0.5) return 'quote';
  return 'body';
}

/** Share of a paragraph's characters that sit inside quotation marks. */
function quotedShare(text: string): number {
  let inside = 0;
  for (const m of text.matchAll(/["“„«]([^"”»]*)["”»]/gu)) inside += m[0].length;
  return text.length ? inside / text.length : 0;
}
