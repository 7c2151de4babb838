import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { decodeArticle, InputError, isFolderArticle, type ArticleInput } from '../core';

/** Reads the articles named on the command line (folders expand to their article files), in the order given. */
export async function readArticles(paths: readonly string[]): Promise<ArticleInput[]> {
  const files: string[] = [];
  for (const p of paths) files.push(...(await expand(p)));
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length < 2) {
    const named = unique[0] ? `: ${unique[0]}` : '';
    throw new InputError('too-few-articles', `need at least two articles to compare, got ${unique.length}${named}`, unique[0]);
  }
  const articles: ArticleInput[] = [];
  for (const path of unique) {
    const bytes = await readOrExplain(path);
    articles.push({ path, text: decodeArticle(bytes, path) });
  }
  return articles;
}

async function expand(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw explain(e, path);
  }
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isFile() && isFolderArticle(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en'));
  if (!entries.length) throw new InputError('too-few-articles', `${path}: holds no .txt or .md articles`, path);
  return entries.map((name) => join(path, name));
}

async function readOrExplain(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw explain(e, path);
  }
}

function explain(e: unknown, path: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? (e as Error).message})`;
  return new InputError('unreadable', `${path}: ${why}`, path);
}
