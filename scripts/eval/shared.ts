/** Where the measurement data lives, and reading articles the way the CLI does. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AnalysisCache,
  analyzePrepared,
  decodeArticle,
  prepareArticle,
  type Analysis,
  type AnalysisOptions,
  type AnalysisResources,
  type PreparedArticle,
  type WordVectors,
} from '../../src/core';
import { loadWordVectors } from '../../src/node/assets';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared beside the checkout, or $COVERAGE_DIFF_SHARED. */
export function sharedDir(): string {
  return resolve(process.env.COVERAGE_DIFF_SHARED ?? join(REPO_ROOT, '..', 'shared'));
}

export function sharedAvailable(): boolean {
  return existsSync(join(sharedDir(), 'seeds', 'gold.json'));
}

let vectors: WordVectors | null | undefined;

/** The shipped word vectors, loaded once; `COVERAGE_DIFF_NO_VECTORS=1` measures without them. */
export function wordVectors(): WordVectors | null {
  if (vectors === undefined) {
    if (process.env.COVERAGE_DIFF_NO_VECTORS) vectors = null;
    else {
      const loaded = loadWordVectors(REPO_ROOT);
      if (loaded.problem) console.error(`eval: ${loaded.problem}`);
      vectors = loaded.vectors;
    }
  }
  return vectors;
}

const prepared = new Map<string, PreparedArticle>();
/** Word alignments of paragraph pairs are independent of thresholds: a tuning loop reuses them. */
const cache = new AnalysisCache({ articles: 5_000, alignments: 2_000_000 });

/** Each file read and prepared once per process (by path and position). */
export function preparedArticles(files: readonly string[]): PreparedArticle[] {
  return files.map((path, i) => {
    const key = `${i}\u0000${path}`;
    let a = prepared.get(key);
    if (!a) prepared.set(key, (a = prepareArticle({ path, text: decodeArticle(readFileSync(path), path) }, `d${i}`)));
    return a;
  });
}

/**
 * Analyses files in process, exactly as `coverage-diff analyze --format json` would (same results: what is
 * cached between runs does not depend on the other articles or on thresholds).
 */
export function analyzeFiles(files: readonly string[], options: Partial<AnalysisOptions> = {}, resources: AnalysisResources = {}): Analysis {
  return analyzePrepared(preparedArticles(files), options, { vectors: wordVectors(), cache, ...resources });
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * Lines as Python's universal-newline reader sees them (what the reference scorers index); read once per process,
 * as the protocols ask for the same articles many times.
 */
export function fileLines(path: string): string[] {
  let lines = readLines.get(path);
  if (!lines) readLines.set(path, (lines = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').split('\n')));
  return lines;
}
const readLines = new Map<string, string[]>();

export interface Prf {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function fmt(x: number): string {
  return x.toFixed(3);
}
