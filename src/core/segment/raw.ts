import { BULLET, endsAsSentence, stripBullet } from './cues';
import { contentSpan, tidy, type Line } from './lines';

/** What the source format says about a paragraph before any guessing. */
export type LayoutHint =
  | 'text' // prose lines
  | 'bullet' // a list item (bullet or number)
  | 'heading' // a Markdown heading (`level` says which)
  | 'quote' // inside a Markdown block quote
  | 'code' // a code block
  | 'html' // raw HTML (page chrome pasted into Markdown)
  | 'image' // a Markdown paragraph that is only an image
  | 'table'; // a Markdown table

/** A paragraph as cut from the source, before its kind is decided. */
export interface RawParagraph {
  readonly startLine: number;
  readonly endLine: number;
  readonly start: number;
  readonly end: number;
  /** What the reader reads: whitespace tidied, list markers and Markdown markup removed. */
  readonly text: string;
  readonly hint: LayoutHint;
  /** Markdown heading level (1–6), else 0. */
  readonly level: number;
  /** The whole paragraph is set in italics or bold (a Markdown dek or caption). */
  readonly emphasized: boolean;
}

export function rawFromLines(lines: readonly Line[], hint: LayoutHint, extra: { text?: string; level?: number; emphasized?: boolean } = {}): RawParagraph {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const span = contentSpan(first, last);
  const body = extra.text ?? tidy(lines.map((l) => l.text).join(' '));
  return {
    startLine: first.number,
    endLine: last.number,
    start: span.start,
    end: span.end,
    text: hint === 'bullet' ? stripBullet(body) : body,
    hint,
    level: extra.level ?? 0,
    emphasized: extra.emphasized ?? false,
  };
}

/**
 * Line width of a hard-wrapped text (lines broken at a fixed width inside paragraphs), or null when each
 * line is a paragraph of its own. Wrapped lines are of similar length, near the width, and mostly end
 * mid-sentence; unwrapped paragraph lines vary in length and end with sentence punctuation.
 */
export function hardWrapWidth(blocks: readonly (readonly Line[])[]): number | null {
  const inner: string[] = [];
  for (const block of blocks) {
    block.forEach((line, i) => {
      if (i < block.length - 1 && !BULLET.test(line.text)) inner.push(line.text.trim());
    });
  }
  if (inner.length < 3) return null;
  const width = Math.max(...inner.map((t) => t.length));
  if (width === 0 || width > 100) return null;
  const nearWidth = inner.filter((t) => t.length >= 0.6 * width).length / inner.length;
  const midSentence = inner.filter((t) => !endsAsSentence(t)).length / inner.length;
  return nearWidth >= 0.6 && midSentence >= 0.5 ? width : null;
}

/**
 * Cuts a run of consecutive non-blank lines into paragraphs. Without hard wrapping each line is its own
 * paragraph (files with no blank lines between paragraphs), unless the next line plainly continues the
 * sentence; with hard wrapping, a line ends its paragraph when the next line's first word would have fitted
 * on it (the wrapper would have put it there). A list marker always starts a new item, and an indented line
 * after an item continues it.
 */
export function splitBlock(block: readonly Line[], wrapWidth: number | null): Line[][] {
  const runs: Line[][] = [];
  let current: Line[] = [];
  block.forEach((line, i) => {
    const prev = block[i - 1];
    if (prev && breaksBetween(prev, line, current, wrapWidth)) {
      runs.push(current);
      current = [];
    }
    current.push(line);
  });
  if (current.length) runs.push(current);
  return runs;
}

function breaksBetween(prev: Line, next: Line, run: readonly Line[], wrapWidth: number | null): boolean {
  if (BULLET.test(next.text)) return true;
  if (BULLET.test(run[0]!.text)) return !/^\s/.test(next.text);
  const p = prev.text.trim();
  if (wrapWidth !== null) {
    const firstWord = next.text.trim().split(/\s+/)[0] ?? '';
    return p.length + 1 + firstWord.length <= wrapWidth;
  }
  const continues = /^\s*\p{Ll}/u.test(next.text) && !/[.!?…:;]["'”’)]*$/u.test(p);
  return !continues;
}
