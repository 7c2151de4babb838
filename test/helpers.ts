import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, decodeArticle, prepareArticle, type Analysis, type ArticleInput, type PreparedArticle, type WordVectors } from '../src/core';
import { loadWordVectors } from '../src/node/assets';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const PORT_STRIKE = ['harbor-times.txt', 'coastal-wire.txt', 'market-daily.md', 'portside-web.txt'].map((f) => join(FIXTURES, 'port-strike', f));

export function input(path: string): ArticleInput {
  return { path, text: decodeArticle(readFileSync(path), path) };
}

export function prepare(path: string): PreparedArticle {
  return prepareArticle(input(path), 'd0');
}

/** A paragraph's kind and text by index, for compact assertions. */
export function kinds(path: string): string[] {
  return prepare(path).document.paragraphs.map((p) => `${p.kind}: ${p.text}`);
}

let vectors: WordVectors | null | undefined;
export function shippedVectors(): WordVectors {
  if (vectors === undefined) vectors = loadWordVectors(REPO).vectors;
  if (!vectors) throw new Error('media/word-vectors.bin is missing or damaged');
  return vectors;
}

export function analyzeFiles(paths: readonly string[]): Analysis {
  return analyze(paths.map(input), {}, { vectors: shippedVectors() });
}

export function analyzeTexts(texts: Record<string, string>): Analysis {
  return analyze(
    Object.entries(texts).map(([path, text]) => ({ path, text })),
    {},
    { vectors: shippedVectors() },
  );
}

/** Two outlets on a fictional dam failure: one lists the councils' help under a lead-in line, the other tells it in prose. */
export const DAM_SPILLWAY = ['wire-desk.txt', 'valley-herald.txt'].map((f) => join(FIXTURES, 'dam-spillway', f));

/** Two outlets on a fictional mine collapse: the deaths and the displaced families told in different words. */
export const MINE_COLLAPSE = ['ridge-post.txt', 'valley-radio.txt'].map((f) => join(FIXTURES, 'mine-collapse', f));

/**
 * Five outlets on a fictional chemical leak: one about an earlier spill, a disputed count of workers taken to hospital,
 * a quote credited to two people, a claim one outlet makes and another says was not made.
 */
export const LEAK = ['earlier-spill.txt', 'national-wire.txt', 'the-observer.txt', 'valley-courier.txt', 'business-daily.md'].map((f) => join(FIXTURES, 'findings', f));

export const FERRY = ['courier.txt', 'island-news.txt', 'wire.txt'].map((f) => join(FIXTURES, 'alignment', f));
