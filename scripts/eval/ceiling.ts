/**
 * `npm run tune -- --ceiling`: how far the pair features can take the alignment. Every candidate pair of each
 * dev set is accepted or not by one score against one threshold — each feature alone, and boosted trees over
 * all of them — and the accepted pairs are scored by the official protocols (scripts/eval, as measure.py) at the
 * threshold that suits that set best. No rank limit, points or list rules: the pair's own evidence only.
 *
 * The boosted trees are scored two ways: trained on the other two sets (what a held-out set of a new kind
 * sees), and trained on the same set's other half (2-fold by cluster; for the seeds' single cluster, leaving
 * out each article in turn), which is as favourable as it gets. If neither beats the best single feature, the
 * features hold no more than the thresholds already use, and only new evidence can raise the scores.
 */
import { join } from 'node:path';
import { FEATURES, type Analysis, type ParagraphRef } from '../../src/core';
import { scoreCorpus } from './corpus';
import { scoreSeeds } from './seeds';
import { fmt, sharedDir } from './shared';

export type Dataset = 'seeds' | 'gvc' | 'ecb';

/** One set's clusters: each cluster's files, its report (for its paragraphs) and its scored candidate pairs. */
export interface CeilingCluster {
  readonly files: readonly string[];
  readonly report: Analysis;
  readonly candidates: readonly {
    a: ParagraphRef;
    b: ParagraphRef;
    x: readonly number[];
    /** 1 the same point, 0 not, −1 unknown (outside a corpus's evaluated units). */
    y: number;
    /** The two articles, by index. */
    articles: readonly [number, number];
  }[];
}

type Score = (x: readonly number[], cluster: number, pair: number) => number;

export function ceiling(sets: Record<Dataset, readonly CeilingCluster[]>, pipeline: Record<Dataset, { f1: number; p: number; omissions?: number }>): void {
  const measure = (ds: Dataset, accept: (cluster: number, pair: number) => boolean) => {
    const clusters = sets[ds];
    const reportOf = (c: number): Analysis => {
      const { report, candidates } = clusters[c]!;
      const pairs = candidates.flatMap((p, k) => (accept(c, k) ? [{ a: p.a, b: p.b, score: 0 }] : []));
      return { ...report, pairs: pairs as unknown as Analysis['pairs'] };
    };
    if (ds === 'seeds') {
      const s = scoreSeeds(join(sharedDir(), 'seeds', 'gold.json'), clusters[0]!.files, reportOf(0));
      return { f1: s.alignment.f1, p: s.alignment.p, r: s.alignment.r, omissions: s.omissions.f1 };
    }
    const byFirstFile = new Map(clusters.map((c, k) => [c.files[0]!, k]));
    const root = join(sharedDir(), 'corpora', ds === 'gvc' ? 'gvc-dev' : 'ecbplus-dev');
    const s = scoreCorpus(root, {}, (files) => reportOf(byFirstFile.get(files[0]!)!));
    return { f1: s.alignment.f1, p: s.alignment.p, r: s.alignment.r, omissions: s.omissions.f1 };
  };
  /** The best F1 over thresholds at the score's 4% quantiles (and, apart, the best omission F1). */
  const best = (ds: Dataset, score: Score) => {
    const values = sets[ds].map((c, ci) => c.candidates.map((p, k) => score(p.x, ci, k)));
    const sorted = values.flat().sort((a, b) => a - b);
    const cuts = [...new Set(Array.from({ length: 24 }, (_, q) => sorted[Math.floor(((q + 1) / 25) * sorted.length)]!))];
    let top = { f1: 0, p: 0, r: 0, omissions: 0, t: 0 };
    let topOmissions = 0;
    for (const t of cuts) {
      const m = measure(ds, (c, k) => values[c]![k]! >= t);
      if (m.f1 > top.f1) top = { ...m, t };
      topOmissions = Math.max(topOmissions, m.omissions);
    }
    return { ...top, topOmissions };
  };
  const line = (name: string, r: { f1: number; p: number; r: number; t: number; topOmissions: number }, ds: Dataset) =>
    console.log(
      `  ${name.padEnd(34)} F1 ${fmt(r.f1)} (P ${fmt(r.p)} R ${fmt(r.r)} at ${r.t.toFixed(3)})` + (ds === 'seeds' ? '' : ` | best omission F1 ${fmt(r.topOmissions)}`),
    );
  for (const ds of ['seeds', 'gvc', 'ecb'] as const) {
    const p = pipeline[ds];
    console.log(`\n${ds}: the pipeline as it stands F1 ${fmt(p.f1)} (P ${fmt(p.p)})${p.omissions === undefined ? '' : `, omission F1 ${fmt(p.omissions)}`}`);
    FEATURES.forEach((f, k) => line(`${f} alone`, best(ds, (x) => x[k]!), ds));
    // Trees trained on the other sets, each set weighing the same.
    const others = (['seeds', 'gvc', 'ecb'] as const).filter((o) => o !== ds);
    const cross = boost(
      others.flatMap((o) => {
        const examples = examplesOf(sets[o], 1);
        return examples.map((e) => ({ ...e, w: 1 / examples.length }));
      }),
    );
    line(`boosted trees, other sets`, best(ds, (x) => cross(x)), ds);
    // Trees trained on the same set's other half: by cluster, or for the seeds' one cluster by article (a pair is
    // held out with either of its articles, and predicted by a model that saw neither).
    const folds = ds === 'seeds' ? 5 : 2;
    const heldOut = (ci: number, articles: readonly [number, number], f: number) => (ds === 'seeds' ? articles.includes(f) : ci % folds === f);
    const held: number[][] = sets[ds].map((c) => new Array<number>(c.candidates.length).fill(0));
    for (let f = 0; f < folds; f++) {
      const train = sets[ds].map((c, ci) => ({ ...c, candidates: c.candidates.filter((p) => !heldOut(ci, p.articles, f)) }));
      const model = boost(examplesOf(train, 1));
      sets[ds].forEach((c, ci) => c.candidates.forEach((p, k) => heldOut(ci, p.articles, f) && (held[ci]![k] = model(p.x))));
    }
    line(`boosted trees, same set (${folds}-fold)`, best(ds, (_, c, k) => held[c]![k]!), ds);
  }
}

interface Example {
  readonly x: readonly number[];
  readonly y: number;
  readonly w: number;
}

/** The labelled candidates (y −1: outside a corpus's evaluated units) as training examples of one weight. */
function examplesOf(clusters: readonly CeilingCluster[], weight: number): Example[] {
  return clusters.flatMap((c) => c.candidates.flatMap((p) => (p.y < 0 ? [] : [{ x: p.x, y: p.y, w: weight }])));
}

type Tree = { leaf: number } | { feature: number; cut: number; low: Tree; high: Tree };

/**
 * Gradient-boosted regression trees on the logistic loss (depth 2, splits at 32 quantiles per feature, shrinkage
 * 0.1, 100 rounds): a small, standard learner that can combine the features non-linearly.
 */
export function boost(examples: readonly Example[], rounds = 100, rate = 0.1, depth = 2, minLeaf = 20): (x: readonly number[]) => number {
  const d = examples[0]?.x.length ?? 0;
  const cuts = Array.from({ length: d }, (_, k) => {
    const v = examples.map((e) => e.x[k]!).sort((a, b) => a - b);
    return [...new Set(Array.from({ length: 31 }, (_, q) => v[Math.floor(((q + 1) / 32) * v.length)]!))];
  });
  // Each example's bin per feature, once: a split is then read off per-bin sums.
  const bins = cuts.map((c, k) => Uint8Array.from(examples, (e) => bin(c, e.x[k]!)));
  const positive = examples.reduce((s, e) => s + e.w * e.y, 0);
  const negative = examples.reduce((s, e) => s + e.w * (1 - e.y), 0);
  const base = Math.log(Math.max(positive, 1e-9) / Math.max(negative, 1e-9));
  const f = new Float64Array(examples.length).fill(base);
  const trees: Tree[] = [];
  const predict = (t: Tree, x: readonly number[]): number => ('leaf' in t ? t.leaf : predict(x[t.feature]! <= t.cut ? t.low : t.high, x));
  const scale = examples.length / examples.reduce((s, e) => s + e.w, 0);
  for (let round = 0; round < rounds; round++) {
    const g = new Float64Array(examples.length);
    const h = new Float64Array(examples.length);
    examples.forEach((e, i) => {
      const p = 1 / (1 + Math.exp(-f[i]!));
      g[i] = (p - e.y) * e.w * scale;
      h[i] = p * (1 - p) * e.w * scale;
    });
    const grow = (rows: readonly number[], level: number): Tree => {
      let G = 0;
      let H = 0;
      for (const i of rows) (G += g[i]!), (H += h[i]!);
      const leaf = { leaf: Math.max(-MAX_STEP, Math.min(MAX_STEP, -G / (H + LAMBDA))) };
      if (level === depth || rows.length < 2 * minLeaf) return leaf;
      let top: { gain: number; feature: number; cut: number } | null = null;
      for (let k = 0; k < d; k++) {
        const count = cuts[k]!.length + 1;
        const gs = new Float64Array(count);
        const hs = new Float64Array(count);
        const ns = new Int32Array(count);
        for (const i of rows) {
          const b = bins[k]![i]!;
          gs[b] = gs[b]! + g[i]!;
          hs[b] = hs[b]! + h[i]!;
          ns[b]!++;
        }
        let gl = 0;
        let hl = 0;
        let nl = 0;
        for (let b = 0; b + 1 < count; b++) {
          gl += gs[b]!;
          hl += hs[b]!;
          nl += ns[b]!;
          if (nl < minLeaf || rows.length - nl < minLeaf || hl < MIN_HESSIAN || H - hl < MIN_HESSIAN) continue;
          const gain = (gl * gl) / (hl + LAMBDA) + ((G - gl) * (G - gl)) / (H - hl + LAMBDA) - (G * G) / (H + LAMBDA);
          if (!top || gain > top.gain) top = { gain, feature: k, cut: cuts[k]![b]! };
        }
      }
      if (!top) return leaf;
      const { feature, cut } = top;
      return {
        feature,
        cut,
        low: grow(rows.filter((i) => examples[i]!.x[feature]! <= cut), level + 1),
        high: grow(rows.filter((i) => examples[i]!.x[feature]! > cut), level + 1),
      };
    };
    const tree = grow([...examples.keys()], 0);
    trees.push(tree);
    examples.forEach((e, i) => (f[i] = f[i]! + rate * predict(tree, e.x)));
  }
  return (x) => trees.reduce((s, t) => s + rate * predict(t, x), base);
}

/**
 * XGBoost's guards, in example weights (each example weighs 1 on average): an L2 penalty on leaf values, a least
 * curvature per child, and a largest step per leaf (as for its logistic loss on unbalanced classes), without which
 * a leaf of examples already predicted with certainty takes an unbounded value.
 */
const LAMBDA = 1;
const MIN_HESSIAN = 1;
const MAX_STEP = 1;

/** The bin of a value: how many cuts lie below it (a value equal to a cut goes with the lower side). */
function bin(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
