import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { tidy, type Line } from './lines';
import { hardWrapWidth, rawFromLines, splitBlock, type LayoutHint, type RawParagraph } from './raw';

// Block structure only; raw HTML is recognised so pasted page chrome can be set aside.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * Paragraphs of a Markdown article from markdown-it's block tokens and their line maps. Paragraph text is
 * what a reader sees (inline markup removed); a paragraph whose lines are each a paragraph (no blank lines
 * between them) is cut like plain text.
 */
export function segmentMarkdown(source: string, lines: readonly Line[]): RawParagraph[] {
  const tokens = markdown.parse(source, {});
  const blocks: { lines: Line[]; hint: LayoutHint; level: number; inline: Token | null }[] = [];
  const context: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.nesting === 1 && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'blockquote_open')) {
      context.push(t.type);
    } else if (t.nesting === -1 && (t.type === 'bullet_list_close' || t.type === 'ordered_list_close' || t.type === 'blockquote_close')) {
      context.pop();
    }
    if (!t.map) continue;
    const span = lines.slice(t.map[0], t.map[1]).filter((l) => l.text.trim() !== '');
    if (!span.length) continue;
    switch (t.type) {
      case 'heading_open':
        blocks.push({ lines: span, hint: 'heading', level: Number(t.tag.slice(1)) || 1, inline: tokens[i + 1] ?? null });
        break;
      case 'paragraph_open': {
        const inline = tokens[i + 1] ?? null;
        const inList = context.some((c) => c !== 'blockquote_open');
        const hint: LayoutHint = isImageOnly(inline) ? 'image' : inList ? 'bullet' : context.includes('blockquote_open') ? 'quote' : 'text';
        blocks.push({ lines: span, hint, level: 0, inline });
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ lines: span, hint: 'code', level: 0, inline: null });
        break;
      case 'html_block':
        blocks.push({ lines: span, hint: 'html', level: 0, inline: null });
        break;
      case 'table_open':
        blocks.push({ lines: span, hint: 'table', level: 0, inline: null });
        break;
    }
  }
  const wrap = hardWrapWidth(blocks.filter((b) => b.hint === 'text').map((b) => b.lines));
  const out: RawParagraph[] = [];
  for (const b of blocks) {
    if (b.hint !== 'text' || b.lines.length === 1) {
      out.push(rawFromLines(b.lines, b.hint, { text: plainOf(b), level: b.level, emphasized: isEmphasized(b.inline) }));
      continue;
    }
    const runs = splitBlock(b.lines, wrap);
    for (const run of runs) {
      const inline = runs.length === 1 ? b.inline : (markdown.parseInline(run.map((l) => l.text).join('\n'), {})[0] ?? null);
      out.push(rawFromLines(run, 'text', { text: runs.length === 1 ? plainOf(b) : inlinePlain(inline), emphasized: isEmphasized(inline) }));
    }
  }
  return out;
}

function plainOf(b: { lines: Line[]; hint: LayoutHint; inline: Token | null }): string {
  if (b.hint === 'table') return tidy(b.lines.map((l) => l.text.replace(/\|/g, ' ').replace(/^[\s:-]+$/, '')).join(' '));
  if (b.hint === 'code' || b.hint === 'html' || !b.inline) return tidy(b.lines.map((l) => l.text).join(' '));
  return inlinePlain(b.inline);
}

/** The text of an inline token with emphasis, links and code marks removed; images give their alt text. */
function inlinePlain(inline: Token | null): string {
  if (!inline) return '';
  const parts: string[] = [];
  for (const c of inline.children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') parts.push(c.content);
    else if (c.type === 'softbreak' || c.type === 'hardbreak') parts.push(' ');
    else if (c.type === 'image') parts.push(c.content);
  }
  return tidy(parts.join(''));
}

/** The whole inline content sits inside one emphasis or strong span. */
function isEmphasized(inline: Token | null): boolean {
  const children = (inline?.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
  const first = children[0]?.type;
  const last = children[children.length - 1]?.type;
  return (first === 'em_open' && last === 'em_close') || (first === 'strong_open' && last === 'strong_close');
}

function isImageOnly(inline: Token | null): boolean {
  const children = (inline?.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
  return children.length > 0 && children.every((c) => c.type === 'image');
}
