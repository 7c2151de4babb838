import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WordVectors } from '../core';

/** Where the shipped word vectors live, below the package root (…/media/word-vectors.bin). */
export function wordVectorsPath(packageRoot: string): string {
  return join(packageRoot, 'media', 'word-vectors.bin');
}

/** Where the table of each word's closest words lives (…/media/word-neighbours.bin). */
export function wordNeighboursPath(packageRoot: string): string {
  return join(packageRoot, 'media', 'word-neighbours.bin');
}

/**
 * Reads the word-vector asset that ships with the product, with its neighbour table. Both are optional aids: when
 * the vectors are missing or damaged the analysis runs on exact lemma matches alone; when the table is, a large
 * vocabulary compares words within their semantic classes only. `problem` says which and why.
 */
export function loadWordVectors(packageRoot: string): { vectors: WordVectors | null; problem: string | null } {
  const path = wordVectorsPath(packageRoot);
  let vectors: WordVectors;
  try {
    vectors = WordVectors.parse(readFileSync(path));
  } catch (e) {
    return { vectors: null, problem: `word vectors not loaded from ${path}: ${(e as Error).message}; matching exact words only` };
  }
  const table = wordNeighboursPath(packageRoot);
  try {
    vectors.attachNeighbours(readFileSync(table));
  } catch (e) {
    return { vectors, problem: `word neighbours not loaded from ${table}: ${(e as Error).message}; large comparison sets compare words within their classes only` };
  }
  return { vectors, problem: null };
}
