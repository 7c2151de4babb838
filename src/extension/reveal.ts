import * as vscode from 'vscode';
import type { Paragraph } from '../core';

/** The highlight on a revealed paragraph, in the theme's range-highlight colour. */
const highlight = vscode.window.createTextEditorDecorationType({
  isWholeLine: true,
  backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
  overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
  overviewRulerLane: vscode.OverviewRulerLane.Center,
});

let highlighted: vscode.TextEditor | undefined;

/**
 * Opens an article at one of its paragraphs (its lines as analysed), selects the paragraph and highlights it
 * until the next reveal. `beside`: the column of the panel, so the editor opens next to it, not over it.
 */
export async function revealParagraph(uri: vscode.Uri, paragraph: Pick<Paragraph, 'startLine' | 'endLine'>, beside?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const last = Math.max(0, document.lineCount - 1);
  const start = Math.min(last, Math.max(0, paragraph.startLine - 1));
  const end = Math.min(last, Math.max(start, paragraph.endLine - 1));
  const range = new vscode.Range(start, 0, end, document.lineAt(end).range.end.character);
  const column = beside === undefined ? vscode.ViewColumn.Active : beside === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(range.start, range.start), preserveFocus: false, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  highlighted?.setDecorations(highlight, []);
  editor.setDecorations(highlight, [range]);
  highlighted = editor;
  return editor;
}

export function disposeHighlight(): void {
  highlight.dispose();
}
