import type { AnalysisOptions } from '../options';
import type { PairScore, Scorer } from '../score/similarity';
import type { Pair, ParagraphRef } from '../types';
import { averageLinkage } from './cluster';

/** What alignment produces, before points are named: accepted pairs and clusters of unit indices. */
export interface Alignment {
  readonly pairs: readonly Pair[];
  /** Each cluster lists unit indices (into `scorer.units`); every unit is in exactly one cluster. */
  readonly clusters: readonly (readonly number[])[];
}

/**
 * Points: first the main news — the paragraphs that restate what the articles' leads say (every outlet
 * repeats its core news in headline, lead and conclusion, however differently worded) — then average-linkage
 * clusters over the other paragraphs, all articles at once (N-way, not chained pairwise), so a point gathers
 * every article's paragraphs on it, several from one article where it splits the point.
 * Pairs: cross-article paragraph pairs whose similarity reaches the pair threshold, and pairs inside one
 * point whose similarity reaches the (lower) point-pair threshold.
 */
export function align(scorer: Scorer, docIds: readonly string[], options: AnalysisOptions): Alignment {
  const units = scorer.units;
  const n = units.length;
  const scores: (PairScore | null)[] = new Array(n * n).fill(null);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) scores[i * n + j] = scorer.score(i, j);
  }
  const scoreOf = (i: number, j: number) => scores[i < j ? i * n + j : j * n + i]!;

  const affinity = leadAffinity(units, (i, j) => scoreOf(i, j).score);
  const core = [...affinity.keys()].filter((i) => affinity[i]! >= options.coreThreshold);
  const coreDocs = new Set(core.map((i) => units[i]!.doc));
  const mainNews = coreDocs.size >= 2 ? core : [];
  const inCore = new Uint8Array(n);
  for (const i of mainNews) inCore[i] = 1;
  const rest = [...Array(n).keys()].filter((i) => !inCore[i]);
  const clusters = averageLinkage(rest.length, (a, b) => scoreOf(rest[a]!, rest[b]!).score, options.pointThreshold).map((c) => c.map((k) => rest[k]!));
  if (mainNews.length) clusters.unshift(mainNews);
  const cluster = new Int32Array(n);
  clusters.forEach((c, k) => c.forEach((i) => (cluster[i] = k)));

  const pairs: Pair[] = [];
  const ref = (i: number): ParagraphRef => ({ doc: docIds[units[i]!.doc]!, paragraph: units[i]!.paragraph });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (units[i]!.doc === units[j]!.doc) continue;
      const s = scoreOf(i, j);
      const threshold = cluster[i] === cluster[j] ? options.pointPairThreshold : options.pairThreshold;
      if (s.score < threshold) continue;
      const { score, ...evidence } = s;
      pairs.push({ a: ref(i), b: ref(j), score: round(score), evidence: roundEvidence(evidence) });
    }
  }
  return { pairs, clusters };
}

/**
 * How strongly each unit restates the main news: the mean, over the other articles, of its best similarity
 * to one of their lead units (headline, standfirst, first body paragraph).
 */
function leadAffinity(units: Scorer['units'], similarity: (i: number, j: number) => number): Float64Array {
  const leads = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (!u.top) return;
    let list = leads.get(u.doc);
    if (!list) leads.set(u.doc, (list = []));
    list.push(i);
  });
  const out = new Float64Array(units.length);
  units.forEach((u, i) => {
    let sum = 0;
    let count = 0;
    for (const [doc, list] of leads) {
      if (doc === u.doc) continue;
      let best = 0;
      for (const j of list) best = Math.max(best, similarity(i, j));
      sum += best;
      count++;
    }
    out[i] = count ? sum / count : 0;
  });
  return out;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function roundEvidence<T extends { lexical: number; soft: number; names: number; numbers: number }>(e: T): T {
  return { ...e, lexical: round(e.lexical), soft: round(e.soft), names: round(e.names), numbers: round(e.numbers) };
}
