import * as vscode from 'vscode';
import type { Paragraph } from '../../core';
import { lensTitle, paragraphNote, sameToll, type ParagraphNote } from '../../shared/notes';
import { affectsNotes, readSettings } from '../config';
import type { ArticleComparisons, ArticleInComparison } from './lookup';

/** What the marks show on one editor (for the in-host tests). */
export interface MarksInfo {
  readonly uri: string;
  /** 0-based first lines of the paragraphs marked as only here. */
  readonly onlyHere: readonly number[];
  readonly conflicts: readonly number[];
}

/**
 * The article editors' marks: a gutter sign and an overview-ruler stripe (theme colours) on paragraphs only this
 * article has and on paragraphs in conflict with another article, and a "covered by k of n" CodeLens per paragraph.
 * Each is switchable in the settings; an article edited since its analysis shows none until it is analysed again.
 */
export class ArticleMarks implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly onlyHere: vscode.TextEditorDecorationType;
  private readonly conflict: vscode.TextEditorDecorationType;
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly shown = new Map<string, MarksInfo>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  constructor(
    private readonly comparisons: ArticleComparisons,
    media: vscode.Uri,
  ) {
    const type = (name: string, color: string) =>
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(media, `gutter-${name}.svg`),
        gutterIconSize: 'contain',
        overviewRulerColor: new vscode.ThemeColor(color),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      });
    this.onlyHere = type('only-here', 'coverageDiff.onlyHereForeground');
    this.conflict = type('conflict', 'coverageDiff.conflictForeground');
    this.subscriptions.push(
      this.onlyHere,
      this.conflict,
      this.lensesChanged,
      comparisons.onDidChange(() => this.refreshAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsNotes(e)) this.refreshAll();
      }),
      // Typing in an article may make its marks stale: look again once the typing pauses (not on every keystroke).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !this.comparisons.find(e.document.uri)) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refreshAll(), 300);
      }),
    );
    this.refreshAll();
  }

  /** What each visible article editor shows now. */
  info(): MarksInfo[] {
    return [...this.shown.values()];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readSettings().notes.codeLens) return [];
    const found = this.current(document);
    if (!found) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const { paragraph, note } of notesOf(found)) {
      const title = lensTitle(note);
      if (!title) continue;
      const range = new vscode.Range(paragraph.startLine - 1, 0, paragraph.startLine - 1, 0);
      const point = note.points[0]?.point.id;
      lenses.push(
        new vscode.CodeLens(range, {
          title,
          tooltip: point ? 'Show this point in the comparison panel' : 'Show the comparison panel',
          command: point ? 'coverageDiff.showPoint' : 'coverageDiff.showPanel',
          arguments: point ? [document.uri.toString(), point, paragraph.index] : [],
        }),
      );
    }
    return lenses;
  }

  private refreshAll(): void {
    this.lensesChanged.fire();
    this.shown.clear();
    for (const editor of vscode.window.visibleTextEditors) this.decorate(editor);
  }

  private decorate(editor: vscode.TextEditor): void {
    const found = readSettings().notes.decorations ? this.current(editor.document) : undefined;
    const only: vscode.Range[] = [];
    const conflicts: vscode.Range[] = [];
    if (found) {
      for (const { paragraph, note } of notesOf(found)) {
        const range = new vscode.Range(paragraph.startLine - 1, 0, Math.min(editor.document.lineCount - 1, paragraph.endLine - 1), 0);
        if (note.onlyHere && (!note.matches.length || sameToll(note)) && found.model.docs.length > 1) only.push(range);
        if (note.conflicts.length) conflicts.push(range);
      }
      this.shown.set(editor.document.uri.toString(), { uri: editor.document.uri.toString(), onlyHere: only.map((r) => r.start.line), conflicts: conflicts.map((r) => r.start.line) });
    }
    editor.setDecorations(this.onlyHere, only);
    editor.setDecorations(this.conflict, conflicts);
  }

  /** The article's comparison, unless the editor's text has moved on from what was analysed. */
  private current(document: vscode.TextDocument): ArticleInComparison | undefined {
    const found = this.comparisons.find(document.uri);
    return found && !found.comparison.isStale(document) ? found : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

function* notesOf(found: ArticleInComparison): Generator<{ paragraph: Paragraph; note: ParagraphNote }> {
  for (const paragraph of found.model.doc(found.doc)?.paragraphs ?? []) {
    const note = paragraphNote(found.model, { doc: found.doc, paragraph: paragraph.index });
    if (note) yield { paragraph, note };
  }
}

