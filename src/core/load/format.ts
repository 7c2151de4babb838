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

/** Files in a folder that document the folder rather than report the story. */
const NOT_ARTICLES = /^(?:readme|changelog|license|licence|contributing)(?:\.[a-z]+)?$/i;

/**
 * Whether a file found in a folder is one of its articles: an article extension, not hidden, not the folder's
 * README, CHANGELOG, LICENSE or CONTRIBUTING.
 */
export function isFolderArticle(name: string): boolean {
  const base = baseName(name);
  return isArticlePath(base) && !base.startsWith('.') && !NOT_ARTICLES.test(base);
}

/** The last path segment, for either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
