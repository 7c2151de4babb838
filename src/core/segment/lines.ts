/** One line of the decoded text, without its line ending. */
export interface Line {
  /** 1-based line number. */
  readonly number: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character before the line ending. */
  readonly end: number;
  readonly text: string;
}

/** Splits on LF, CRLF or lone CR, keeping offsets into the original text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    lines.push({ number: lines.length + 1, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ number: lines.length + 1, start, end: text.length, text: text.slice(start) });
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Offsets of the non-space content of a run of lines: from the first non-space character to just past the last. */
export function contentSpan(first: Line, last: Line): { start: number; end: number } {
  const lead = first.text.length - first.text.trimStart().length;
  const trail = last.text.trimEnd().length;
  return { start: first.start + lead, end: last.start + trail };
}

/** Collapses line breaks and runs of white space to single spaces. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
