import type { ArticleFormat } from '../load/format';
import { NOT_CONTENT_KINDS, type Paragraph } from '../types';
import { wordCount } from './cues';
import { classify } from './kinds';
import { splitLines } from './lines';
import { segmentMarkdown } from './markdown';
import { blankLineBlocks, segmentPlainText } from './plainText';

export { splitLines, type Line } from './lines';

/** Cuts an article into paragraphs with line numbers, offsets and kinds. */
export function segment(text: string, format: ArticleFormat): Paragraph[] {
  const lines = splitLines(text);
  const raw = format === 'markdown' ? segmentMarkdown(text, lines) : segmentPlainText(lines);
  const blankLinesMatter = blankLineBlocks(lines).length > 1;
  const kinds = classify(raw, blankLinesMatter);
  return raw.map((p, index) => {
    const kind = kinds[index]!;
    return {
      index,
      startLine: p.startLine,
      endLine: p.endLine,
      start: p.start,
      end: p.end,
      kind,
      text: p.text,
      words: NOT_CONTENT_KINDS.has(kind) ? 0 : wordCount(p.text),
    };
  });
}
