/** The file name extensions the loader reads as Markdown; everything else is plain text. */
const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'];

/** The extensions an article file may have (used by folder expansion in the CLI and the extension). */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.text', ...MARKDOWN_EXTENSIONS];

export type ArticleFormat = 'text' | 'markdown';

export function formatOf(path: string): ArticleFormat {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext)) ? 'markdown' : 'text';
}

export function isArticlePath(path: string): boolean {
  const lower = path.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The last path segment, for either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
