import type { AnalysisOptions } from '../options';
import { candidatePairs } from '../score/candidates';
import { pairEvidence, sentenceEvidence, type AlignmentStore, type RawEvidence } from '../score/evidence';
import { compile, confidence, fillFeatures, FEATURES, type ConfidenceModel } from '../score/model';
import type { ProfileSet } from '../score/profiles';
import type { Pair, ParagraphRef } from '../types';
import { averageLinkage, type Edge } from './cluster';
import { mainNewsCoverage } from './mainNews';

/** One scored candidate pair of units (filled in stages inside align; read-only outside). */
export interface ScoredPair {
  readonly i: number;
  readonly j: number;
  /** Weighted similarity of the texts, in [0, 1]. */
  similarity: number;
  /** Probability that the pair reports the same point. */
  confidence: number;
  evidence: RawEvidence;
  /** The model's features, in FEATURES order (empty unless align was asked to keep them). */
  features: Float64Array;
}

/** What alignment produces, before points are named. */
export interface Alignment {
  readonly scored: readonly ScoredPair[];
  readonly pairs: readonly Pair[];
  /** Points as unit indices; a unit may be in two (its own, and one it carries in a sentence). */
  readonly points: readonly (readonly number[])[];
  /** Each unit's own point (the second, sentence-level membership not counted). */
  readonly primary: Int32Array;
  /** Main-news coverage per unit. */
  readonly main: Float64Array;
  /** Index in `points` of the main news (what the articles' leads agree on), or -1. */
  readonly mainPoint: number;
  /** Each unit's best similarity to a paragraph of another article (0 when no pair of it was scored). */
  readonly bestMatch: Float64Array;
}

/**
 * Scores candidate pairs, then finds points across all articles at once:
 *  1. the main news — the paragraphs that restate what the articles' leads agree on (see mainNewsCoverage);
 *  2. average-linkage clusters of the other paragraphs on pair confidence (N-way, not pairwise chains);
 *  3. a paragraph whose sentence carries another point strongly also joins that point (one extra at most).
 * Pairs are the candidates confident enough on their own, or confident enough for two paragraphs of one point (a
 * point found, a shared facet of the toll, or a list with its lead-in).
 */
export function align(
  set: ProfileSet,
  docIds: readonly string[],
  options: AnalysisOptions,
  model: ConfidenceModel,
  store?: AlignmentStore,
  /** Keep each pair's feature vector (for training the model); otherwise it is dropped once used. */
  keepFeatures = false,
): Alignment {
  const { units } = set;
  const n = units.length;
  const w = options.weights;
  const totalWeight = w.lexical + w.soft + w.names + w.numbers + w.lead || 1;
  const similarityOf = (a: number, b: number, evidence: RawEvidence) =>
    (w.lexical * evidence.lexical + w.soft * evidence.soft + w.names * evidence.names + w.numbers * evidence.numbers + (units[a]!.top && units[b]!.top ? w.lead : 0)) /
    totalWeight;
  const candidates = candidatePairs(set, options.candidates);
  const scored: ScoredPair[] = new Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) {
    const [i, j] = [candidates.left[k]!, candidates.right[k]!];
    const evidence = pairEvidence(set, i, j, store);
    scored[k] = { i, j, evidence, similarity: similarityOf(i, j, evidence), confidence: 0, features: NO_FEATURES };
  }
  const main = options.mainNews === 'signature' ? mainNewsCoverage(set) : leadAffinity(set, scored);

  // Each unit's best similarity per other article, for the "mutual best match" feature.
  const rows = pairsByUnit(scored, units);
  const bestTo = new Float64Array(scored.length * 2); // [k*2]: best of unit i in doc(j); [k*2+1]: best of j in doc(i)
  const bestMatch = new Float64Array(n);
  // Per other article, the unit's best similarity: a scratch row over articles, cleared after each unit.
  const bestByDoc = new Float64Array(docIds.length);
  for (let u = 0; u < n; u++) {
    const [from, to] = [rows.start[u]!, rows.start[u + 1]!];
    for (let r = from; r < to; r++) {
      const s = scored[rows.slot[r]! >> 1]!.similarity;
      if (s > bestByDoc[rows.otherDoc[r]!]!) bestByDoc[rows.otherDoc[r]!] = s;
    }
    for (let r = from; r < to; r++) bestTo[rows.slot[r]!] = bestByDoc[rows.otherDoc[r]!]!;
    for (let r = from; r < to; r++) {
      const best = bestByDoc[rows.otherDoc[r]!]!;
      if (best > bestMatch[u]!) bestMatch[u] = best;
      bestByDoc[rows.otherDoc[r]!] = 0;
    }
  }
  const compiled = compile(model);
  const scratch = new Float64Array(FEATURES.length);
  scored.forEach((p, k) => {
    const a = units[p.i]!;
    const b = units[p.j]!;
    const mutual = (p.similarity >= bestTo[k * 2]! ? 0.5 : 0) + (p.similarity >= bestTo[k * 2 + 1]! ? 0.5 : 0);
    fillFeatures(scratch, p.similarity, p.evidence, {
      lead: a.top && b.top,
      main: Math.min(main[p.i]!, main[p.j]!),
      mutual,
      length: Math.log(1 + Math.min(a.words, b.words)) / 5,
    });
    p.confidence = confidence(compiled, scratch);
    if (keepFeatures) p.features = scratch.slice();
  });

  const decide = (p: ScoredPair) => (options.decideOn === 'similarity' ? p.similarity : p.confidence);
  const { points, primary, mainPoint } = findPoints(set, scored, main, options, decide, store);
  const pointsOf: number[][] = Array.from({ length: n }, () => []);
  points.forEach((pt, k) => pt.forEach((i) => pointsOf[i]!.push(k)));
  // One reference object per unit, shared by all its pairs.
  const refs: ParagraphRef[] = units.map((u) => ({ doc: docIds[u.doc]!, paragraph: u.paragraph }));
  const ref = (i: number): ParagraphRef => refs[i]!;
  const rank = ranksPerArticle(scored, rows, decide);
  const accepted = new Uint8Array(scored.length);
  scored.forEach((p, k) => {
    const together = pointsOf[p.i]!.some((x) => pointsOf[p.j]!.includes(x));
    // Two reports of one facet of the human toll are one point however they word it (see score/facets.ts).
    const facet = p.evidence.sharedFacets.length > 0 && decide(p) >= options.facetPairThreshold;
    // On its own a pair must also be among the closest of each paragraph in the other's article: an outlet tells
    // one point in a paragraph or a few, so a paragraph's fifth-best match there is rarely the same point.
    const alone = decide(p) >= options.pairThreshold && Math.max(rank[k * 2]!, rank[k * 2 + 1]!) < options.pairRank;
    if (facet || alone || (together && decide(p) >= options.pointPairThreshold)) accepted[k] = 1;
  });
  acceptListGroups(set, scored, accepted, (p) => decide(p) >= options.pointPairThreshold);
  const pairs: Pair[] = [];
  scored.forEach((p, k) => {
    if (!accepted[k]) return;
    const e = p.evidence;
    pairs.push({
      a: ref(p.i),
      b: ref(p.j),
      score: round(p.similarity),
      confidence: round(p.confidence),
      evidence: {
        lexical: round(e.lexical),
        soft: round(e.soft),
        sentence: round(e.sentence),
        names: round(e.names),
        numbers: round(e.numbers),
        quotes: round(e.quotes),
        sharedNames: e.sharedNames,
        sharedNumbers: e.sharedNumbers,
        sharedFacets: e.sharedFacets,
      },
    });
  });
  return { scored, pairs, points, primary, main, mainPoint, bestMatch };
}

/**
 * A list and the line that introduces it make one point together ("Other governments responded differently:" / "•
 * China urged a ceasefire" / "• Iran offered to mediate"): a paragraph aligned with one of them is also aligned with
 * the others it is close enough to for two paragraphs of one point.
 */
function acceptListGroups(set: ProfileSet, scored: readonly ScoredPair[], accepted: Uint8Array, closeEnough: (p: ScoredPair) => boolean): void {
  const { units } = set;
  const members = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (u.listGroup < 0) return;
    const key = u.doc * 0x100000 + u.listGroup;
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  if (!members.size) return;
  const groupOf = (i: number) => (units[i]!.listGroup < 0 ? null : members.get(units[i]!.doc * 0x100000 + units[i]!.listGroup)!);
  const index = new Map<number, number>();
  scored.forEach((p, k) => {
    if (units[p.i]!.listGroup >= 0 || units[p.j]!.listGroup >= 0) index.set(p.i * units.length + p.j, k);
  });
  const pairOf = (a: number, b: number) => index.get(Math.min(a, b) * units.length + Math.max(a, b));
  const extra: number[] = [];
  scored.forEach((p, k) => {
    if (!accepted[k]) return;
    for (const [outside, inside] of [
      [p.i, p.j],
      [p.j, p.i],
    ] as const) {
      const group = groupOf(inside);
      if (!group || groupOf(outside) === group) continue;
      for (const m of group) {
        const q = m === inside ? undefined : pairOf(outside, m);
        if (q !== undefined && !accepted[q] && closeEnough(scored[q]!)) extra.push(q);
      }
    }
  });
  for (const q of extra) accepted[q] = 1;
}

/**
 * Every unit's scored pairs, as compressed rows (unit u's are positions start[u] to start[u + 1] − 1, in pair
 * order): each as its slot (pair k seen from its unit i is k*2, from j k*2+1) and the other unit's article. Flat
 * arrays, because a large set's pairs are read unit by unit several times and objects scattered over the heap
 * make each read a cache miss.
 */
interface PairsByUnit {
  readonly start: Int32Array;
  readonly slot: Int32Array;
  readonly otherDoc: Int32Array;
}

function pairsByUnit(scored: readonly ScoredPair[], units: ProfileSet['units']): PairsByUnit {
  const n = units.length;
  const start = new Int32Array(n + 1);
  for (const p of scored) {
    start[p.i + 1]!++;
    start[p.j + 1]!++;
  }
  for (let u = 0; u < n; u++) start[u + 1] = start[u + 1]! + start[u]!;
  const next = start.slice(0, n);
  const slot = new Int32Array(scored.length * 2);
  const otherDoc = new Int32Array(scored.length * 2);
  scored.forEach((p, k) => {
    const [ri, rj] = [next[p.i]!++, next[p.j]!++];
    slot[ri] = k * 2;
    otherDoc[ri] = units[p.j]!.doc;
    slot[rj] = k * 2 + 1;
    otherDoc[rj] = units[p.i]!.doc;
  });
  return { start, slot, otherDoc };
}

/** A unit with at most this many pairs ranks them by direct counts (every large set's units, most small ones'). */
const DIRECT_RANKS = 48;

/**
 * Each pair's rank among its paragraphs' pairs in the other article, by the deciding score: [k*2] for pair k
 * seen from its unit i (among i's pairs with paragraphs of j's article), [k*2+1] from j. Ties share a rank (the
 * number of pairs scored strictly higher).
 */
function ranksPerArticle(scored: readonly ScoredPair[], rows: PairsByUnit, decide: (p: ScoredPair) => number): Int32Array {
  const rank = new Int32Array(scored.length * 2);
  const value = Float64Array.from(scored, decide);
  const { start, slot, otherDoc } = rows;
  const byDoc = new Map<number, number[]>();
  for (let u = 0; u + 1 < start.length; u++) {
    const [from, to] = [start[u]!, start[u + 1]!];
    if (to - from <= DIRECT_RANKS) {
      for (let r = from; r < to; r++) {
        const [doc, v] = [otherDoc[r]!, value[slot[r]! >> 1]!];
        let higher = 0;
        for (let q = from; q < to; q++) if (otherDoc[q] === doc && value[slot[q]! >> 1]! > v) higher++;
        rank[slot[r]!] = higher;
      }
      continue;
    }
    byDoc.clear();
    for (let r = from; r < to; r++) {
      let group = byDoc.get(otherDoc[r]!);
      if (!group) byDoc.set(otherDoc[r]!, (group = []));
      group.push(r);
    }
    for (const group of byDoc.values()) {
      const sorted = Float64Array.from(group, (r) => value[slot[r]! >> 1]!).sort();
      for (const r of group) rank[slot[r]!] = sorted.length - upperBound(sorted, value[slot[r]! >> 1]!);
    }
  }
  return rank;
}

/** The number of values in an ascending array that are at most `x`. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findPoints(
  set: ProfileSet,
  scored: readonly ScoredPair[],
  main: Float64Array,
  options: AnalysisOptions,
  decide: (p: ScoredPair) => number,
  store?: AlignmentStore,
): { points: number[][]; primary: Int32Array; mainPoint: number } {
  const { units } = set;
  const n = units.length;
  const points: number[][] = [];
  const mainNews = [...main.keys()].filter((i) => main[i]! >= options.mainThreshold);
  const inMain = new Uint8Array(n);
  let mainPoint = -1;
  if (new Set(mainNews.map((i) => units[i]!.doc)).size >= 2) {
    mainPoint = points.length;
    points.push(mainNews);
    for (const i of mainNews) inMain[i] = 1;
  }
  const rest = [...Array(n).keys()].filter((i) => !inMain[i]);
  const local = new Int32Array(n).fill(-1);
  rest.forEach((i, k) => (local[i] = k));
  const edges: Edge[] = [];
  for (const p of scored) if (!inMain[p.i] && !inMain[p.j]) edges.push({ a: local[p.i]!, b: local[p.j]!, weight: decide(p) });
  for (const c of averageLinkage(rest.length, edges, options.pointThreshold)) points.push(c.map((k) => rest[k]!));

  // Second memberships: a sentence of a paragraph strongly carries another point. Sentence evidence is worth
  // its cost only for confident pairs across two points.
  const pointOf = new Int32Array(n);
  points.forEach((pt, k) => pt.forEach((i) => (pointOf[i] = k)));
  const extra = new Map<number, { point: number; strength: number }>();
  const slot = FEATURES.indexOf('sentence');
  for (const p of scored) {
    if (options.sentenceThreshold > 1 || pointOf[p.i] === pointOf[p.j] || decide(p) < options.pairThreshold) continue;
    const sentence = sentenceEvidence(set, p.i, p.j, store);
    if (p.features.length) p.features[slot] = sentence;
    p.evidence = { ...p.evidence, sentence };
    if (sentence < options.sentenceThreshold) continue;
    for (const [u, v] of [
      [p.i, p.j],
      [p.j, p.i],
    ] as const) {
      const target = pointOf[v]!;
      if (target === pointOf[u]) continue;
      const current = extra.get(u);
      if (!current || p.evidence.sentence > current.strength) extra.set(u, { point: target, strength: p.evidence.sentence });
    }
  }
  for (const [u, { point }] of extra) points[point]!.push(u);
  return { points: points.map((pt) => [...new Set(pt)].sort((a, b) => a - b)), primary: pointOf, mainPoint };
}

/**
 * How strongly each unit restates the main news: the mean, over the other articles, of its best similarity to
 * one of their lead units (headline, standfirst, first body paragraph), among its scored pairs.
 */
function leadAffinity(set: ProfileSet, pairs: readonly { i: number; j: number; similarity: number }[]): Float64Array {
  const { units } = set;
  const docsWithLeads = new Set(units.filter((u) => u.top).map((u) => u.doc));
  // Per unit: article → best similarity to one of its leads.
  const best: (Map<number, number> | undefined)[] = new Array(units.length);
  const note = (unit: number, lead: number, s: number) => {
    if (!units[lead]!.top) return;
    const map = (best[unit] ??= new Map());
    const d = units[lead]!.doc;
    if (s > (map.get(d) ?? 0)) map.set(d, s);
  };
  for (const p of pairs) {
    note(p.i, p.j, p.similarity);
    note(p.j, p.i, p.similarity);
  }
  const out = new Float64Array(units.length);
  units.forEach((u, i) => {
    const others = docsWithLeads.size - (docsWithLeads.has(u.doc) ? 1 : 0);
    if (!others) return;
    let sum = 0;
    for (const [d, s] of best[i] ?? []) if (d !== u.doc) sum += s;
    out[i] = sum / others;
  });
  return out;
}

const NO_FEATURES = new Float64Array(0);

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
