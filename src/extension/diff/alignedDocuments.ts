import * as vscode from 'vscode';
import { quoted, type Analysis, type ParagraphRef } from '../../core';
import { fileName, type PanelModel } from '../../shared/model';
import { layoutPair, type PairLayout } from '../../shared/pairLayout';
import { revealParagraph } from '../reveal';
import type { ArticleComparisons } from '../notes/lookup';

export const SCHEME = 'coverage-diff';
/** The language of the aligned documents: the extension's defaults wrap their long lines. */
export const ALIGNED_LANGUAGE = 'coverage-diff-aligned';

type Side = 'left' | 'right';

/** Where a line of an aligned document comes from. */
interface LineSource {
  readonly uri: vscode.Uri;
  readonly startLine: number;
  readonly endLine: number;
}

/** One side of the side-by-side diff as text, and where each of its lines comes from. */
export interface AlignedText {
  readonly text: string;
  /** By 0-based line of `text`: the original paragraph, or null for headers, blank lines and placeholders. */
  readonly sources: readonly (LineSource | null)[];
}

/**
 * The side-by-side diff: two virtual documents (scheme `coverage-diff`) with one paragraph per row, the left article
 * in its own order and the right one rearranged to face it (see layoutPair), opened in VS Code's diff editor so it
 * marks the word changes inside aligned paragraphs. Links and a command lead from a row back to the original file.
 */
export class AlignedDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly rendered = new Map<string, AlignedText>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly comparisons: ArticleComparisons) {
    this.subscriptions.push(
      this.changed,
      // A new analysis redraws the open diffs in place.
      comparisons.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === SCHEME) this.changed.fire(d.uri);
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const aligned = this.render(uri);
    this.rendered.set(uri.toString(), aligned);
    return aligned.text;
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const sources = this.rendered.get(document.uri.toString())?.sources ?? [];
    const links: vscode.DocumentLink[] = [];
    sources.forEach((s, line) => {
      if (!s || line >= document.lineCount) return;
      const end = Math.min(document.lineAt(line).range.end.character, 60);
      const link = new vscode.DocumentLink(new vscode.Range(line, 0, line, end), s.uri.with({ fragment: `L${s.startLine}` }));
      link.tooltip = `Open ${fileName(s.uri.path)} at line ${s.startLine}`;
      links.push(link);
    });
    return links;
  }

  /** The original paragraph behind a line of an aligned document. */
  sourceOf(uri: vscode.Uri, line: number): LineSource | null {
    return this.rendered.get(uri.toString())?.sources[line] ?? null;
  }

  /** Opens the diff editor on two compared articles. */
  async open(left: vscode.Uri, right: vscode.Uri): Promise<void> {
    const [l, r] = [alignedUri(left, right, 'left'), alignedUri(left, right, 'right')];
    // Opened first so they carry the language whose defaults wrap lines.
    for (const u of [l, r]) await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(u), ALIGNED_LANGUAGE);
    await vscode.commands.executeCommand('vscode.diff', l, r, `${fileName(left.path)} ↔ ${fileName(right.path)} (aligned by point)`, { preview: false });
  }

  /** Opens the original file at the paragraph under the cursor of an aligned document. */
  async openOriginal(editor: vscode.TextEditor | undefined): Promise<boolean> {
    if (!editor || editor.document.uri.scheme !== SCHEME) return false;
    const source = this.sourceOf(editor.document.uri, editor.selection.active.line);
    if (!source) {
      void vscode.window.showInformationMessage('Coverage Diff: this row is a placeholder; the article has no paragraph here.');
      return false;
    }
    await revealParagraph(source.uri, source);
    return true;
  }

  private render(uri: vscode.Uri): AlignedText {
    const q = new URLSearchParams(uri.query);
    const left = vscode.Uri.parse(q.get('left') ?? '');
    const right = vscode.Uri.parse(q.get('right') ?? '');
    const side = (q.get('side') === 'right' ? 'right' : 'left') as Side;
    const found = this.comparisons.find(left);
    const rightDoc = found?.comparison.docOf(right);
    if (!found || !rightDoc) {
      return { text: `${fileName(left.path)} and ${fileName(right.path)} are no longer compared. Compare them again, then reopen the side-by-side diff.\n`, sources: [] };
    }
    return renderSide(found.model, layoutPair(found.analysis, found.doc, rightDoc), side, (doc) => found.comparison.uriOf(doc)!);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function alignedUri(left: vscode.Uri, right: vscode.Uri, side: Side): vscode.Uri {
  const query = new URLSearchParams({ left: left.toString(), right: right.toString(), side }).toString();
  return vscode.Uri.from({ scheme: SCHEME, path: `/${side}/${fileName(side === 'left' ? left.path : right.path)}`, query });
}

/**
 * One side as text: a header both sides share, then one line per row with a blank line between rows, so rows
 * stand on the same lines on both sides. A paragraph is one line (its line breaks become spaces; the editor wraps).
 */
export function renderSide(model: PanelModel, layout: PairLayout, side: Side, uriOf: (doc: string) => vscode.Uri): AlignedText {
  const leftName = fileName(layout.left.path);
  const rightName = fileName(layout.right.path);
  const lines: string[] = [`Coverage Diff: ${leftName} in its own order ↔ ${rightName} rearranged to face it. ⟪…⟫ marks what one side lacks.`, ''];
  const sources: (LineSource | null)[] = [null, null];
  const paragraph = (ref: ParagraphRef) => model.paragraph(ref)!;
  const what = (ref: ParagraphRef) => model.sharedPointOf(ref)?.label ?? opening(paragraph(ref).text);
  for (const row of layout.rows) {
    const ref = side === 'left' ? row.left : row.right;
    let text: string;
    let source: LineSource | null = null;
    if (row.kind === 'continued' && side === 'left') text = `⟪${leftName} ¶${row.left!.paragraph + 1} continues: ${rightName} splits it⟫`;
    else if (row.kind === 'merged' && side === 'right') {
      const p = paragraph(row.right!);
      text = `⟪${rightName} ¶${row.right!.paragraph + 1}, shown with another row, reports this too: ${leftName} splits it⟫`;
      source = { uri: uriOf(row.right!.doc), startLine: p.startLine, endLine: p.endLine };
    }
    else if (!ref) text = `⟪not in ${side === 'left' ? leftName : rightName}: ${what((side === 'left' ? row.right : row.left)!)}⟫`;
    else {
      const p = paragraph(ref);
      text = p.text.replace(/\s+/g, ' ').trim();
      source = { uri: uriOf(ref.doc), startLine: p.startLine, endLine: p.endLine };
    }
    lines.push(text, '');
    sources.push(source, null);
  }
  return { text: lines.join('\n'), sources };
}

function opening(text: string): string {
  const words = text.trim().split(/\s+/);
  return quoted(words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' '));
}

/** The articles of a comparison, for the pick of the other side. */
export function otherArticles(analysis: Analysis, doc: string, uriOf: (doc: string) => vscode.Uri | undefined): (vscode.QuickPickItem & { uri: vscode.Uri })[] {
  const mine = new Set(analysis.points.filter((p) => p.docs.includes(doc)).map((p) => p.id));
  return analysis.documents
    .filter((d) => d.id !== doc)
    .map((d) => {
      const shared = analysis.points.filter((p) => mine.has(p.id) && p.docs.includes(d.id)).length;
      return { label: fileName(d.path), description: d.title, detail: `${shared} point${shared === 1 ? '' : 's'} in common`, uri: uriOf(d.id)! };
    })
    .filter((i) => i.uri);
}
