import * as vscode from 'vscode';
import { analyze, decodeArticle, InputError, isArticlePath, renderMarkdown, type ArticleInput } from '../../core';
import type { ResourceStore } from '../resources';

/** Reports we opened ourselves: never taken for articles on a later run. */
const reports = new WeakSet<vscode.TextDocument>();

/**
 * Compares the articles open in editor tabs and shows the Markdown report in a new untitled document.
 * Reads only; never writes to an article. (The comparison panel replaces this view in a later version.)
 */
export async function compareOpenArticles(resources: ResourceStore): Promise<vscode.TextDocument | undefined> {
  try {
    const articles = await openArticles();
    const analysis = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Coverage Diff: comparing ${articles.length} articles…` },
      async () => analyze(articles, {}, resources.get()),
    );
    const doc = await vscode.workspace.openTextDocument({ content: renderMarkdown(analysis), language: 'markdown' });
    reports.add(doc);
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  } catch (e) {
    if (e instanceof InputError) {
      void vscode.window.showErrorMessage(`Coverage Diff: ${e.message}`);
      return undefined;
    }
    throw e;
  }
}

/** The .txt/.md articles open in editor tabs, with unsaved edits, in tab order. */
async function openArticles(): Promise<ArticleInput[]> {
  const uris: vscode.Uri[] = [];
  const seen = new Set<string>();
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!(tab.input instanceof vscode.TabInputText)) continue;
    const uri = tab.input.uri;
    if (seen.has(uri.toString()) || !isArticlePath(uri.path)) continue;
    seen.add(uri.toString());
    uris.push(uri);
  }
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
