import * as vscode from 'vscode';
import { decodeArticle, InputError, isArticlePath, renderMarkdown, type ArticleInput } from '../../core';
import type { AnalysisService } from '../analysisService';

/** What a comparison ended in; returned to callers of the command (tests, other commands). */
export interface CompareOutcome {
  /** The report document, when the comparison ran. */
  readonly report?: vscode.TextDocument;
  /** The message shown to the user, when the input was refused. */
  readonly error?: string;
  /** The user cancelled the analysis. */
  readonly cancelled?: boolean;
}

/** Reports we opened ourselves: never taken for articles on a later run. */
const reports = new WeakSet<vscode.TextDocument>();

/**
 * Compares articles — the given files, or else the article files open in editor tabs — and shows the Markdown
 * report in a new untitled document. Reads only; never writes to an article. Bad input is reported in an error
 * message and in the returned outcome. (The comparison panel replaces this view in a later version.)
 */
export async function compareArticles(service: AnalysisService, files?: readonly vscode.Uri[]): Promise<CompareOutcome> {
  try {
    const articles = await readArticles(files ?? openArticleUris());
    const analysis = await service.analyze(articles);
    if (!analysis) return { cancelled: true };
    const report = await vscode.workspace.openTextDocument({ content: renderMarkdown(analysis), language: 'markdown' });
    reports.add(report);
    await vscode.window.showTextDocument(report, { preview: false });
    return { report };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const error = `Coverage Diff: ${e.message}`;
    void vscode.window.showErrorMessage(error);
    return { error };
  }
}

/** The .txt/.md files open in editor tabs, in tab order, each once. */
function openArticleUris(): vscode.Uri[] {
  const seen = new Set<string>();
  const uris: vscode.Uri[] = [];
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!(tab.input instanceof vscode.TabInputText)) continue;
    const uri = tab.input.uri;
    if (seen.has(uri.toString()) || !isArticlePath(uri.path)) continue;
    seen.add(uri.toString());
    uris.push(uri);
  }
  return uris;
}

/** Reads each article: unsaved edits from its open editor, else the file's bytes (binary and empty files refused). */
async function readArticles(uris: readonly vscode.Uri[]): Promise<ArticleInput[]> {
  if (uris.length < 2) {
    const named = uris[0] ? `: ${vscode.workspace.asRelativePath(uris[0])}` : '';
    throw new InputError('too-few-articles', `open at least two article files (.txt or .md) to compare; found ${uris.length}${named}`);
  }
  const articles: ArticleInput[] = [];
  for (const uri of uris) {
    const path = vscode.workspace.asRelativePath(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !reports.has(d));
    if (open?.isDirty) {
      articles.push({ path, text: open.getText() });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      throw new InputError('unreadable', `${path}: cannot be read (${(e as Error).message})`, path);
    }
    articles.push({ path, text: decodeArticle(bytes, path) });
  }
  return articles;
}
