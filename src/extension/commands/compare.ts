import * as vscode from 'vscode';
import { renderMarkdown, type Analysis } from '../../core';
import { articlePath, folderArticles, openArticleUris, ownDocuments, workspaceArticles } from '../articles';
import { readSettings } from '../config';
import type { ComparisonPanels } from '../panel/comparisonPanel';

/** What a Compare command ended in; returned to callers (tests, other commands). */
export interface CompareOutcome {
  /** The analysis shown in the panel, when the comparison ran. */
  readonly analysis?: Analysis;
  /** The message shown to the user, when the input was refused. */
  readonly error?: string;
  /** The user cancelled (the file picker or the analysis). */
  readonly cancelled?: boolean;
}

/**
 * Coverage Diff: Compare Articles… — given files (explorer, callers) are compared at once; else a quick pick of
 * the workspace's article files, several at a time, with the open articles (and `preselect`) already picked.
 */
export async function compareArticles(panels: ComparisonPanels, files?: readonly vscode.Uri[], preselect: readonly vscode.Uri[] = []): Promise<CompareOutcome> {
  return compare(panels, files ?? (await pickArticles([...openArticleUris(), ...preselect])));
}

/** Coverage Diff: Compare Folder — the article files directly inside a folder. */
export async function compareFolder(panels: ComparisonPanels, folder?: vscode.Uri): Promise<CompareOutcome> {
  const target = folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Compare' }))?.[0];
  if (!target) return { cancelled: true };
  return compare(panels, await folderArticles(target));
}

async function compare(panels: ComparisonPanels, files: readonly vscode.Uri[] | undefined): Promise<CompareOutcome> {
  if (!files) return { cancelled: true };
  const state = await panels.open(unique(files));
  if (state.kind === 'ready') return { analysis: state.analysis };
  if (state.kind === 'error') {
    const error = `Coverage Diff: ${state.message}`;
    void vscode.window.showErrorMessage(error);
    return { error };
  }
  return { cancelled: true };
}

/** The workspace's article files in a multi-select quick pick; undefined when dismissed. */
async function pickArticles(picked: readonly vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  const settings = readSettings();
  const found = await workspaceArticles(settings.include, settings.exclude);
  const keys = new Set(picked.map((u) => u.toString()));
  // Open articles outside the globs (or the workspace) are offered too.
  const all = [...picked.filter((u) => !found.some((f) => f.toString() === u.toString())), ...found];
  if (!all.length) {
    void vscode.window.showInformationMessage('Coverage Diff: no .txt or .md files in the workspace to compare. Open some articles, or a folder that holds them.');
    return undefined;
  }
  const items = all.map((uri) => {
    const path = articlePath(uri);
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    return { label: path.split('/').pop()!, description: folder || undefined, picked: keys.has(uri.toString()), uri };
  });
  const chosen = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Coverage Diff: choose the articles to compare (two or more)',
    placeHolder: 'Type to filter; Space to pick; Enter to compare',
    matchOnDescription: true,
  });
  return chosen?.map((c) => c.uri);
}

/** Coverage Diff: Open Report as Markdown — the active comparison's report in a new, unsaved editor. */
export async function openMarkdownReport(panels: ComparisonPanels): Promise<vscode.TextDocument | undefined> {
  const state = panels.active?.state;
  if (state?.kind !== 'ready') {
    void vscode.window.showInformationMessage('Coverage Diff: compare some articles first (Coverage Diff: Compare Articles…).');
    return undefined;
  }
  const report = await vscode.workspace.openTextDocument({ content: renderMarkdown(state.analysis), language: 'markdown' });
  ownDocuments.add(report);
  await vscode.window.showTextDocument(report, { preview: false });
  return report;
}

function unique(files: readonly vscode.Uri[]): vscode.Uri[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.toString()) && !!seen.add(f.toString()));
}
