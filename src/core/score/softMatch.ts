import type { WordVectors } from './wordVectors';

/** A unit's distinct terms as indices into the matcher's vocabulary, with their weights. */
export interface TermBag {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  readonly total: number;
}

/** Above this many distinct terms the dense term-by-term table would be too large; a map holds what was asked. */
const DENSE_TABLE_LIMIT = 2500;

/**
 * Soft matching of two bags of terms in the manner of BERTScore: each term of one side is greedily matched
 * to its most similar term on the other (1 for the same term, else the word vectors' cosine rescaled above a
 * floor, since unrelated words still score 0.2–0.4), weighted by IDF; recall and precision combine as F1.
 * Term-pair similarities are computed once per comparison set, on demand.
 */
export class SoftMatcher {
  private readonly index = new Map<string, number>();
  private readonly rows: number[] = [];
  private dense: Float32Array | null = null;
  private readonly sparse = new Map<number, number>();

  constructor(
    private readonly vectors: WordVectors | null,
    /** Cosine at or below which two different words count as unrelated. */
    private readonly floor: number,
  ) {}

  /** Registers terms (before any similarity is asked) and returns the bag of one unit. */
  bag(terms: readonly string[], weight: (term: string) => number): TermBag {
    const distinct = [...new Set(terms)];
    const ids = new Int32Array(distinct.length);
    const weights = new Float64Array(distinct.length);
    let total = 0;
    distinct.forEach((term, k) => {
      let id = this.index.get(term);
      if (id === undefined) {
        id = this.rows.length;
        this.index.set(term, id);
        this.rows.push(this.rowOf(term));
      }
      ids[k] = id;
      weights[k] = weight(term);
      total += weights[k]!;
    });
    return { terms: ids, weights, total };
  }

  /** Vector row for a term; a hyphenated compound without one borrows its head ("de-escalation" → "escalation"). */
  private rowOf(term: string): number {
    if (!this.vectors) return -1;
    const row = this.vectors.id(term);
    if (row >= 0 || !term.includes('-')) return row;
    const parts = term.split('-');
    return this.vectors.id(parts[parts.length - 1]!);
  }

  similarity(a: TermBag, b: TermBag): number {
    if (!a.total || !b.total) return 0;
    const recall = this.coverage(a, b);
    const precision = this.coverage(b, a);
    return recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  }

  /** Weighted share of `from` that `to` covers. */
  coverage(from: TermBag, to: TermBag): number {
    if (!from.total) return 0;
    let covered = 0;
    for (let i = 0; i < from.terms.length; i++) {
      const t = from.terms[i]!;
      let best = 0;
      for (let j = 0; j < to.terms.length; j++) {
        const u = to.terms[j]!;
        const s = t === u ? 1 : this.termSimilarity(t, u);
        if (s > best) {
          best = s;
          if (best >= 1) break;
        }
      }
      covered += from.weights[i]! * best;
    }
    return covered / from.total;
  }

  private termSimilarity(t: number, u: number): number {
    const rt = this.rows[t]!;
    const ru = this.rows[u]!;
    if (rt < 0 || ru < 0 || !this.vectors) return 0;
    if (rt === ru) return 1;
    const n = this.rows.length;
    if (n <= DENSE_TABLE_LIMIT) {
      this.dense ??= new Float32Array(n * n).fill(-1);
      if (this.dense.length !== n * n) this.dense = new Float32Array(n * n).fill(-1);
      const k = t * n + u;
      let s = this.dense[k]!;
      if (s < 0) {
        s = this.rescale(this.vectors.similarity(rt, ru));
        this.dense[k] = s;
        this.dense[u * n + t] = s;
      }
      return s;
    }
    const key = t < u ? t * n + u : u * n + t;
    let s = this.sparse.get(key);
    if (s === undefined) {
      s = this.rescale(this.vectors.similarity(rt, ru));
      this.sparse.set(key, s);
    }
    return s;
  }

  private rescale(cos: number): number {
    return cos <= this.floor ? 0 : (cos - this.floor) / (1 - this.floor);
  }
}
