import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WordVectors } from '../core';

/** Where the shipped word vectors live, below the package root (…/media/word-vectors.bin). */
export function wordVectorsPath(packageRoot: string): string {
  return join(packageRoot, 'media', 'word-vectors.bin');
}

/**
 * Reads the word-vector asset that ships with the product. It is an optional aid: when it is missing or
 * damaged the analysis runs on exact lemma matches alone, and `problem` says why.
 */
export function loadWordVectors(packageRoot: string): { vectors: WordVectors | null; problem: string | null } {
  const path = wordVectorsPath(packageRoot);
  try {
    return { vectors: WordVectors.parse(readFileSync(path)), problem: null };
  } catch (e) {
    return { vectors: null, problem: `word vectors not loaded from ${path}: ${(e as Error).message}` };
  }
}
