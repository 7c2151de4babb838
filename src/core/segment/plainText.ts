import { BULLET } from './cues';
import { isBlank, type Line } from './lines';
import { hardWrapWidth, rawFromLines, splitBlock, type RawParagraph } from './raw';

/** Paragraphs of a plain-text article: blank-line blocks, cut further where lines are paragraphs of their own. */
export function segmentPlainText(lines: readonly Line[]): RawParagraph[] {
  const blocks = blankLineBlocks(lines);
  const wrap = hardWrapWidth(blocks);
  const out: RawParagraph[] = [];
  for (const block of blocks) {
    for (const run of splitBlock(block, wrap)) {
      out.push(rawFromLines(run, BULLET.test(run[0]!.text) ? 'bullet' : 'text'));
    }
  }
  return out;
}

export function blankLineBlocks(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}
