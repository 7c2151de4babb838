import * as vscode from 'vscode';
import { quoted } from '../../core';
import { fileName } from '../../shared/model';
import { facetLabel, paragraphAtLine, paragraphNote, sameToll, type CarrierNote, type ParagraphNote } from '../../shared/notes';
import { readSettings } from '../config';
import type { ArticleComparisons, ArticleInComparison } from './lookup';

/** The only commands a note's links may run (the markdown is trusted for these and nothing else). */
export const NOTE_COMMANDS = ['coverageDiff.openParagraph', 'coverageDiff.openSideBySide', 'coverageDiff.showPoint', 'coverageDiff.refresh'] as const;

/** Hover notes on the paragraphs of compared articles: what the other articles do with the same point. */
export class CoverageHoverProvider implements vscode.HoverProvider {
  constructor(private readonly comparisons: ArticleComparisons) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!readSettings().notes.hover) return undefined;
    const found = await this.comparisons.findOrCompare(document.uri);
    if (!found || token.isCancellationRequested) return undefined;
    const stale = found.comparison.isStale(document);
    const paragraph = paragraphAtLine(found.model, found.doc, position.line);
    if (!paragraph) return undefined;
    // After an edit the analysed lines may no longer be the ones under the pointer: say so rather than guess.
    if (stale) return new vscode.Hover(staleNote(), document.lineAt(position.line).range);
    const note = paragraphNote(found.model, { doc: found.doc, paragraph: paragraph.index });
    if (!note) return undefined;
    const last = Math.min(document.lineCount - 1, paragraph.endLine - 1);
    const range = new vscode.Range(paragraph.startLine - 1, 0, last, document.lineAt(last).range.end.character);
    return new vscode.Hover(renderNote(found, note), range);
  }
}

function staleNote(): vscode.MarkdownString {
  const md = trusted();
  md.appendMarkdown(`**Coverage Diff** — this article changed since it was compared; the note would describe the old text. `);
  md.appendMarkdown(`${link('Compare again', 'coverageDiff.refresh', [])} (saving it does too).`);
  return md;
}

/** The note as markdown: article text only ever enters escaped; links run the extension's own commands only. */
export function renderNote(found: ArticleInComparison, note: ParagraphNote): vscode.MarkdownString {
  const { model } = found;
  const uriOf = (doc: string) => found.comparison.uriOf(doc)?.toString() ?? '';
  const name = (doc: string) => `${doc} ${fileName(model.doc(doc)?.path ?? doc)}`;
  const md = trusted();
  const heading = `**Coverage Diff** · ¶${note.ref.paragraph + 1} · covered by ${note.coveredBy} of ${note.articles} articles`;
  md.appendMarkdown(`${heading}${found.inPanel ? '' : ' · _compared with its folder_'}\n\n`);

  if (!note.points.length || note.onlyHere) {
    md.appendMarkdown(
      !note.matches.length ? `**Only this article reports this.**`
      : sameToll(note) ? `**No other article makes this point**, though others report the same toll (below).`
      : `**No other article makes this point closely enough to group with it**; paragraphs aligned with it are below.`,
    );
    if (note.points.length) md.appendMarkdown(` Point ${esc(note.points[0]!.point.id)}: ${esc(note.points[0]!.point.label)}`);
    md.appendMarkdown('\n\n');
  }
  for (const p of note.points.slice(0, 3)) {
    if (!p.others.length) continue;
    md.appendMarkdown(`**${esc(p.point.id)} · ${esc(p.point.label)}**${p.isMain ? ' _(main news)_' : ''} — ${link('show in panel', 'coverageDiff.showPoint', [uriOf(note.ref.doc), p.point.id, note.ref.paragraph])}\n\n`);
    const carriers = p.others.slice(0, 6).map((o) => {
      const first = o.refs[0]!;
      // Its sentence that makes the point, not the paragraph's opening.
      const said = model.excerpt(p.point, first);
      return `- ${link(`${name(o.doc)} ¶${first.paragraph + 1}`, 'coverageDiff.openParagraph', [uriOf(o.doc), first.paragraph])}: ${esc(quoted(words(said, 14)))} — ${emphasisLabel(o)}${o.otherEvent ? ' _(another episode)_' : ''}`;
    });
    md.appendMarkdown(`Also reported by:\n${carriers.join('\n')}${p.others.length > 6 ? `\n- and ${p.others.length - 6} more` : ''}\n\n`);
    if (p.omitters.length) md.appendMarkdown(`Left out by: ${p.omitters.map((d) => esc(name(d))).join(', ')}\n\n`);
    const others = p.others.filter((o) => !o.otherEvent).map((o) => o.share);
    if (others.length) {
      const lo = Math.min(...others);
      const hi = Math.max(...others);
      md.appendMarkdown(`Emphasis: this article ${emphasisLabel(p.own)}; the others ${pct(lo)}${hi > lo ? `–${pct(hi)}` : ''} of their words.\n\n`);
    }
  }
  if (note.matches.length) {
    const items = note.matches.slice(0, 6).map((m) => {
      const why = `${m.facets.length ? ` — both report ${m.facets.map(facetLabel).join(' and ')}` : ''}${model.otherEvents.has(m.ref.doc) ? ' _(another episode)_' : ''}`;
      return `- ${link(`${name(m.ref.doc)} ¶${m.ref.paragraph + 1}`, 'coverageDiff.openParagraph', [uriOf(m.ref.doc), m.ref.paragraph])}: ${esc(quoted(words(model.paragraph(m.ref)?.text ?? '', 10)))}${why}`;
    });
    const more = note.matches.length > 6 ? `\n- and ${note.matches.length - 6} more` : '';
    md.appendMarkdown(`${sameToll(note) ? 'The same toll in other articles' : 'Aligned with it in other articles (not grouped into its point)'}:\n${items.join('\n')}${more}\n\n`);
  }
  for (const f of note.conflicts.slice(0, 3)) {
    md.appendMarkdown(`$(warning) **Conflict:** ${esc(f.text)} ${evidenceLinks(found, f.evidence.filter((e) => e.doc !== note.ref.doc))}\n\n`);
  }
  if (note.wording.length) {
    const items = note.wording.slice(0, 5).map((s) => `“${esc(s.a.text)}” here, “${esc(s.b.text)}” in ${link(`${s.b.doc} ¶${s.b.paragraph + 1}`, 'coverageDiff.openParagraph', [uriOf(s.b.doc), s.b.paragraph])}`);
    md.appendMarkdown(`**Wording:** ${items.join('; ')}\n\n`);
  }
  for (const f of note.findings.filter((f) => f.kind === 'emphasis' || f.kind === 'different-event').slice(0, 2)) {
    md.appendMarkdown(`_${esc(f.text)}_\n\n`);
  }
  const partners = [...new Set(note.points.flatMap((p) => p.others.map((o) => o.doc)))];
  const diffWith = (partners.length ? partners : model.docs.map((d) => d.id).filter((d) => d !== note.ref.doc)).slice(0, 4);
  md.appendMarkdown(`Side by side with: ${diffWith.map((d) => link(name(d), 'coverageDiff.openSideBySide', [uriOf(note.ref.doc), uriOf(d)])).join(' · ')}`);
  return md;
}

function evidenceLinks(found: ArticleInComparison, refs: readonly { doc: string; paragraph: number }[]): string {
  return refs
    .slice(0, 3)
    .map((r) => link(`${r.doc} ¶${r.paragraph + 1}`, 'coverageDiff.openParagraph', [found.comparison.uriOf(r.doc)?.toString() ?? '', r.paragraph]))
    .join(' ');
}

function emphasisLabel(c: CarrierNote): string {
  const where = [c.inHeadline ? 'headline' : '', c.inLead ? 'lead' : ''].filter(Boolean).join(', ');
  return `${pct(c.share)} of its words${where ? ` (${where})` : ''}`;
}

function trusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [...NOTE_COMMANDS] };
  md.supportHtml = false;
  return md;
}

/** A command link; its label is escaped, its arguments travel as JSON in the URI. */
function link(label: string, command: (typeof NOTE_COMMANDS)[number], args: readonly unknown[]): string {
  return `[${esc(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/**
 * Article text as literal markdown: every ASCII punctuation mark backslash-escaped (CommonMark allows it for all of
 * them), so no `*`, `[`, `<script>` or `$(icon)` in an article can format, link, inject HTML or draw an icon.
 */
export function esc(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

function words(text: string, n: number): string {
  const all = text.trim().split(/\s+/);
  return all.length > n ? `${all.slice(0, n).join(' ')}…` : all.join(' ');
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
