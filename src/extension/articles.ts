import * as vscode from 'vscode';
import { decodeArticle, InputError, isArticlePath, isFolderArticle, type ArticleInput } from '../core';

/** Documents the extension opened itself (reports): never taken for articles. */
export const ownDocuments = new WeakSet<vscode.TextDocument>();

/** How a compared file is named in the analysis and in messages: its workspace-relative path. */
export function articlePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
}

/**
 * Reads each article: unsaved edits from its open editor, else the file's bytes. Refuses (InputError, naming the
 * file) fewer than two articles, a missing or unreadable file, a binary, empty or too large one. Reads only.
 */
export async function readArticles(uris: readonly vscode.Uri[], maxBytes: number): Promise<ArticleInput[]> {
  if (uris.length < 2) {
    const named = uris[0] ? `: ${articlePath(uris[0])}` : '';
    throw new InputError('too-few-articles', `open at least two article files (.txt or .md) to compare; found ${uris.length}${named}`);
  }
  const articles: ArticleInput[] = [];
  for (const uri of uris) {
    const path = articlePath(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !ownDocuments.has(d));
    if (open?.isDirty) {
      const text = open.getText();
      // The same checks as a file on disk: the unsaved text is what is compared.
      articles.push({ path, text: decodeArticle(new TextEncoder().encode(text), path, maxBytes) });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      const why = e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? 'no such file (was it deleted?)' : `cannot be read (${(e as Error).message})`;
      throw new InputError('unreadable', `${path}: ${why}`, path);
    }
    articles.push({ path, text: decodeArticle(bytes, path, maxBytes) });
  }
  return articles;
}

/** The article files open in editor tabs, in tab order, each once. */
export function openArticleUris(): vscode.Uri[] {
  const seen = new Set<string>();
  const uris: vscode.Uri[] = [];
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!(tab.input instanceof vscode.TabInputText)) continue;
    const uri = tab.input.uri;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (seen.has(uri.toString()) || !isArticlePath(uri.path) || (doc && ownDocuments.has(doc))) continue;
    seen.add(uri.toString());
    uris.push(uri);
  }
  return uris;
}

/** The article files directly inside a folder, by name (README and the like left out). */
export async function folderArticles(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && isFolderArticle(name))
    .map(([name]) => name)
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((name) => vscode.Uri.joinPath(folder, name));
}

/** Workspace files Compare Articles… offers (the settings' include and exclude globs), sorted by path. */
export async function workspaceArticles(include: string, exclude: string, limit = 2000): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(include, exclude, limit);
  return found.filter((u) => isFolderArticle(u.path)).sort((a, b) => articlePath(a).localeCompare(articlePath(b), 'en'));
}
