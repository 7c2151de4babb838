import { positionsOf, type WordVectors } from './wordVectors';

/**
 * A unit's distinct terms as ids of the matcher's vocabulary, with their weights, sorted by semantic class and
 * then by the term's text — an order that depends on the text alone, so a cached alignment stays valid.
 */
export interface TermBag {
  readonly terms: Int32Array;
  /** Semantic class of each term (-1: no word vector). */
  readonly classes: Int32Array;
  readonly weights: Float64Array;
  readonly total: number;
}

/** Terms as the matcher's ids, with their semantic classes (-1: no word vector), unsorted. */
export interface TermList {
  readonly ids: Int32Array;
  readonly classes: Int32Array;
}

/**
 * How a comparison set's words meet: every word with every word whose vectors are close enough ('all words': the
 * set's neighbour lists cost the square of its vocabulary, so moderate vocabularies only); every word with the close
 * words the shipped neighbour table lists for it ('listed neighbours': the same but for the rare word with more
 * than the table's cap, at a lookup per word — large vocabularies); or only within the word's semantic class
 * ('within classes': about a tenth of the close pairs; without the table).
 */
export type SoftMatching = 'all words' | 'listed neighbours' | 'within classes';

/** Best similarity each term of one bag found in the other (IDF-free, so it survives a change of weights). */
export interface Alignment {
  readonly from: Float32Array;
  readonly to: Float32Array;
}

/** Up to this many distinct terms in a comparison set, their similarities sit in a dense table (≤ 25 MB). */
const DENSE_TABLE_LIMIT = 2_500;

/**
 * Soft matching of two bags of terms in the manner of BERTScore: each term of one side is greedily matched
 * to its most similar term on the other — 1 for the same term, else the word vectors' cosine rescaled above a
 * floor (unrelated words still score 0.2–0.4) — and the matches are IDF-weighted; recall and precision combine
 * as F1. In a large comparison set a word is compared only with the other side's words of its semantic class
 * (k-means over the vectors, built with the asset): bags are sorted by class, so one merge pass pairs the
 * classes and the cost stays linear in the bag sizes. A small set compares every pair of words.
 */
export class SoftMatcher {
  private readonly index = new Map<string, number>();
  private readonly rows: number[] = [];
  private readonly classes: number[] = [];
  /** Each id's term. */
  private readonly texts: string[] = [];
  /** Term-by-term similarities of a small vocabulary, filled on demand (NaN: not computed yet). */
  private table: Float32Array | null = null;
  /** The table's width: the terms it has room for (at least those registered when it was last used). */
  private tableSize = 0;

  constructor(
    private readonly vectors: WordVectors | null,
    /** Cosine at or below which two different words count as unrelated. */
    private readonly floor: number,
    /** How words meet (see SoftMatching; profiles.ts chooses by the comparison set's size). */
    readonly matching: SoftMatching = 'within classes',
  ) {
    this.exhaustive = matching !== 'within classes';
    this.listedOnly = matching === 'listed neighbours';
  }

  /** Does a word meet every word of the other side that is close to it (not only its class's)? */
  readonly exhaustive: boolean;
  /** …only those the neighbour table lists? (Fields, not getters: read in the inner loops.) */
  private readonly listedOnly: boolean;

  /** The bag of one unit's terms, registering them. */
  bag(terms: readonly string[], weight: (term: string) => number): TermBag {
    const distinct: number[] = [];
    const seen = new Set<string>();
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      distinct.push(this.idOf(term));
    }
    return this.bagOfIds(distinct, (id) => weight(this.texts[id]!));
  }

  /**
   * Registers terms in their order: a matcher that has none yet gives them ids 0, 1, 2, … (a vocabulary's own
   * ids, so that bags can be made from those: bagOfIds).
   */
  registerAll(terms: readonly string[]): void {
    const first = this.rows.length;
    terms.forEach((t, k) => {
      if (this.idOf(t) !== first + k) throw new Error(`registerAll: "${t}" was registered before`);
    });
    // Every term registered so far in bag order (class, then text), once, so that each bag sorts plain numbers.
    const idAt = Int32Array.from(this.texts.keys()).sort((a, b) => this.inBagOrder(a, b));
    const rank = new Int32Array(idAt.length);
    idAt.forEach((id, r) => (rank[id] = r));
    this.order = { rank, idAt };
  }

  /** Ranks of the terms registered up to the last registerAll, in bag order, and the term at each rank. */
  private order: { readonly rank: Int32Array; readonly idAt: Int32Array } | null = null;

  private inBagOrder(a: number, b: number): number {
    const [cls, text] = [this.classes, this.texts];
    return cls[a]! - cls[b]! || (text[a]! < text[b]! ? -1 : text[a]! > text[b]! ? 1 : 0);
  }

  /**
   * The bag of distinct terms given by their (registered) ids, in bag order (class, then text), weighted by id;
   * may sort `distinct` in place.
   */
  bagOfIds(distinct: number[], weight: (id: number) => number): TermBag {
    const cls = this.classes;
    const order = this.order;
    const n = distinct.length;
    let ids = new Int32Array(n);
    let ranked = order !== null;
    for (let k = 0; k < n && ranked; k++) {
      const id = distinct[k]!;
      if (id < order!.rank.length) ids[k] = order!.rank[id]!;
      else ranked = false;
    }
    if (ranked) {
      ids.sort();
      for (let k = 0; k < n; k++) ids[k] = order!.idAt[ids[k]!]!;
    } else {
      ids = Int32Array.from(distinct.sort((a, b) => this.inBagOrder(a, b)));
    }
    const classes = new Int32Array(n);
    const weights = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      classes[k] = cls[ids[k]!]!;
      weights[k] = weight(ids[k]!);
      total += weights[k]!;
    }
    return { terms: ids, classes, weights, total };
  }

  private idOf(term: string): number {
    let id = this.index.get(term);
    if (id === undefined) {
      id = this.rows.length;
      this.index.set(term, id);
      this.texts.push(term);
      const row = this.rowOf(term);
      this.rows.push(row);
      this.classes.push(row >= 0 && this.vectors ? this.vectors.classOf(row) : -1);
    }
    return id;
  }

  /** Vector row for a term; a hyphenated compound without one borrows its head ("de-escalation" → "escalation"). */
  private rowOf(term: string): number {
    if (!this.vectors) return -1;
    const row = this.vectors.id(term);
    if (row >= 0 || !term.includes('-')) return row;
    const parts = term.split('-');
    return this.vectors.id(parts[parts.length - 1]!);
  }

  /** The greedy word-to-word alignment of two bags, in both directions. */
  align(a: TermBag, b: TermBag): Alignment {
    const from = new Float32Array(a.terms.length);
    const to = new Float32Array(b.terms.length);
    this.match(a, b, from, to);
    return { from, to };
  }

  /** IDF-weighted F1 of an alignment under the bags' (current) weights. */
  static score(a: TermBag, b: TermBag, alignment: Alignment): number {
    const recall = weighted(a, alignment.from);
    const precision = weighted(b, alignment.to);
    return recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  }

  similarity(a: TermBag, b: TermBag): number {
    if (!a.total || !b.total) return 0;
    // Scratch rows reused across calls: a large set scores hundreds of thousands of pairs.
    if (this.scratchFrom.length < a.terms.length) this.scratchFrom = new Float32Array(a.terms.length * 2);
    if (this.scratchTo.length < b.terms.length) this.scratchTo = new Float32Array(b.terms.length * 2);
    const from = this.scratchFrom.subarray(0, a.terms.length).fill(0);
    const to = this.scratchTo.subarray(0, b.terms.length).fill(0);
    this.match(a, b, from, to);
    return SoftMatcher.score(a, b, { from, to });
  }

  private scratchFrom = new Float32Array(64);
  private scratchTo = new Float32Array(64);

  /**
   * Weighted share of `from` that `to` covers. `withinClasses` compares a word only with the other side's words of
   * its semantic class even in a small set: for a large `to` (a whole article's vocabulary) that is what keeps it fast.
   */
  coverage(from: TermBag, to: TermBag, withinClasses = false): number {
    if (!from.total) return 0;
    const best = new Float32Array(from.terms.length);
    this.match(from, to, best, null, withinClasses);
    return weighted(from, best);
  }

  /** Neighbour lists of every registered term (CSR), for exhaustive matching by expansion; built on first use. */
  private neighbours: { readonly count: number; readonly start: Int32Array; readonly ids: Int32Array; readonly sims: Float32Array } | null = null;

  /**
   * A bag's expansion over the vocabulary: for every term, its best similarity to a term of the bag (1 for the
   * bag's own terms). With it, the greedy alignment of a bag with any other is a lookup per term, the same as
   * comparing every word with every word. Null when the matcher is not exhaustive, or the bag has a term registered
   * after the neighbour lists were built (the caller then aligns the two bags directly).
   */
  expansion(bag: TermBag): Float32Array | null {
    if (!this.exhaustive) return null;
    const nb = (this.neighbours ??= this.buildNeighbours());
    const out = new Float32Array(nb.count);
    for (let x = 0; x < bag.terms.length; x++) {
      const t = bag.terms[x]!;
      if (t >= nb.count) return null;
      out[t] = 1;
      for (let k = nb.start[t]!; k < nb.start[t + 1]!; k++) {
        const u = nb.ids[k]!;
        if (nb.sims[k]! > out[u]!) out[u] = nb.sims[k]!;
      }
    }
    return out;
  }

  /** The alignment of two bags from their expansions (equal to `align(a, b)`). */
  static alignExpanded(a: TermBag, expandedA: Float32Array, b: TermBag, expandedB: Float32Array): Alignment {
    const from = new Float32Array(a.terms.length);
    const to = new Float32Array(b.terms.length);
    for (let x = 0; x < from.length; x++) from[x] = expandedB[a.terms[x]!] ?? 0;
    for (let y = 0; y < to.length; y++) to[y] = expandedA[b.terms[y]!] ?? 0;
    return { from, to };
  }

  /** `score(a, b, alignExpanded(a, expandedA, b, expandedB))`, read straight from the expansions. */
  static scoreExpanded(a: TermBag, expandedA: Float32Array, b: TermBag, expandedB: Float32Array): number {
    const recall = weightedLookup(a, expandedB);
    const precision = weightedLookup(b, expandedA);
    return recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  }

  /** Every pair of registered terms with a similarity above 0, both ways (pairs of words with vectors, any classes). */
  private buildNeighbours(): { count: number; start: Int32Array; ids: Int32Array; sims: Float32Array } {
    const count = this.rows.length;
    const pairs: number[] = [];
    const values: number[] = [];
    const degree = new Int32Array(count + 1);
    // Each pair of terms with vectors once, straight from the vectors (the lazy table would only store what is
    // read once here). Two terms on one row (a compound and its head) are the same word to the vectors.
    const withRows: number[] = [];
    for (let t = 0; t < count; t++) if (this.rows[t]! >= 0) withRows.push(t);
    const rows = Int32Array.from(withRows, (t) => this.rows[t]!);
    const add = (t: number, u: number, sim: number) => {
      pairs.push(t, u);
      values.push(sim);
      degree[t]!++;
      degree[u]!++;
    };
    const vectors = this.vectors!;
    const pairsAbove = this.listedOnly ? vectors.listedPairsAbove.bind(vectors) : vectors.pairsAbove.bind(vectors);
    pairsAbove(rows, this.floor, (i, j, cos) => {
      if (rows[i] === rows[j]) return add(withRows[i]!, withRows[j]!, 1);
      // Within a class, vectorSimilarity reads the class's table, which keeps cosines in single precision.
      const c = vectors.classOf(rows[i]!) === vectors.classOf(rows[j]!) ? Math.fround(cos) : cos;
      if (c > this.floor) add(withRows[i]!, withRows[j]!, (c - this.floor) / (1 - this.floor));
    });
    // Terms on one row are 1 to each other even where the row's cosine with itself is not above the floor (a
    // zero vector), as vectorSimilarity has it.
    for (const [row, list] of positionsOf(rows)) {
      if (list.length < 2 || this.vectors!.similarity(row, row) > this.floor) continue;
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) add(withRows[list[x]!]!, withRows[list[y]!]!, 1);
    }
    const start = new Int32Array(count + 1);
    for (let t = 0; t < count; t++) start[t + 1] = start[t]! + degree[t]!;
    const fill = start.slice(0, count);
    const ids = new Int32Array(start[count]!);
    const sims = new Float32Array(start[count]!);
    for (let k = 0; k < values.length; k++) {
      const t = pairs[2 * k]!;
      const u = pairs[2 * k + 1]!;
      ids[fill[t]!] = u;
      sims[fill[t]!++] = values[k]!;
      ids[fill[u]!] = t;
      sims[fill[u]!++] = values[k]!;
    }
    return { count, start, ids, sims };
  }

  /** Terms as ids and classes, in their given order (for `coverageOfTerms`). */
  termList(terms: readonly string[]): TermList {
    const ids = new Int32Array(terms.length);
    const classes = new Int32Array(terms.length);
    terms.forEach((t, k) => {
      ids[k] = this.idOf(t);
      classes[k] = this.classes[ids[k]!]!;
    });
    return { ids, classes };
  }

  /**
   * `coverage(from, bag of to)` without building the bag: each of `from`'s terms looks for its best match in the
   * list directly (within its class in a large set, as the merge pass does). For a short `from` against many lists.
   */
  coverageOfTerms(from: TermBag, to: TermList): number {
    if (!from.total || !to.ids.length) return 0;
    let covered = 0;
    for (let x = 0; x < from.terms.length; x++) {
      const t = from.terms[x]!;
      const ct = from.classes[x]!;
      let best = 0;
      for (let y = 0; y < to.ids.length && best < 1; y++) {
        const u = to.ids[y]!;
        if (u === t) best = 1;
        else if (ct >= 0 && to.classes[y]! >= 0 && (this.exhaustive || to.classes[y] === ct)) {
          const sim = this.termSimilarity(t, u);
          if (sim > best) best = sim;
        }
      }
      covered += from.weights[x]! * Math.fround(best); // as the merge pass keeps it (Float32Array)
    }
    return covered / from.total;
  }

  /** Rescaled similarity of two words (1 when equal, 0 when unrelated or either has no vector), any classes. */
  wordSimilarity(a: string, b: string): number {
    if (a === b) return 1;
    const t = this.idOf(a);
    const u = this.idOf(b);
    if (this.rows[t]! < 0 || this.rows[u]! < 0) return 0;
    return this.termSimilarity(t, u);
  }

  /** How well a bag carries one term (1 when it has it, else the best rescaled cosine of its words). */
  presence(term: number, bag: TermBag): number {
    const cls = this.classes[term]!;
    let best = 0;
    for (let m = 0; m < bag.terms.length; m++) {
      const u = bag.terms[m]!;
      if (u === term) return 1;
      if (cls >= 0 && bag.classes[m]! >= 0 && (this.exhaustive || bag.classes[m] === cls)) best = Math.max(best, this.termSimilarity(term, u));
    }
    return best;
  }

  /** Fills each term's best match on the other side: `ab` for the terms of `a`, `ba` (when given) for those of `b`. */
  private match(a: TermBag, b: TermBag, ab: Float32Array, ba: Float32Array | null, withinClasses = false): void {
    if (this.exhaustive && !withinClasses) {
      for (let x = 0; x < a.terms.length; x++) {
        for (let y = 0; y < b.terms.length; y++) {
          const s = this.pairSimilarity(a, x, b, y);
          if (s > ab[x]!) ab[x] = s;
          if (ba && s > ba[y]!) ba[y] = s;
        }
      }
      return;
    }
    // Both bags are sorted by class: walk the classes together and compare words within a shared class.
    let x = 0;
    let y = 0;
    while (x < a.terms.length && y < b.terms.length) {
      const cx = a.classes[x]!;
      const cy = b.classes[y]!;
      if (cx < cy) {
        while (x < a.terms.length && a.classes[x] === cx) x++;
        continue;
      }
      if (cy < cx) {
        while (y < b.terms.length && b.classes[y] === cy) y++;
        continue;
      }
      let xEnd = x;
      while (xEnd < a.terms.length && a.classes[xEnd] === cx) xEnd++;
      let yEnd = y;
      while (yEnd < b.terms.length && b.classes[yEnd] === cy) yEnd++;
      for (let i = x; i < xEnd; i++) {
        for (let j = y; j < yEnd; j++) {
          const s = this.pairSimilarity(a, i, b, j);
          if (s > ab[i]!) ab[i] = s;
          if (ba && s > ba[j]!) ba[j] = s;
        }
      }
      x = xEnd;
      y = yEnd;
    }
  }

  private pairSimilarity(a: TermBag, i: number, b: TermBag, j: number): number {
    const t = a.terms[i]!;
    const u = b.terms[j]!;
    if (t === u) return 1;
    if (a.classes[i]! < 0 || b.classes[j]! < 0) return 0;
    return this.termSimilarity(t, u);
  }

  private termSimilarity(t: number, u: number): number {
    const n = this.rows.length;
    if (n <= DENSE_TABLE_LIMIT) {
      if (this.tableSize < n) this.growTable(n);
      const table = this.table!;
      const stride = this.tableSize;
      let s = table[t * stride + u]!;
      if (Number.isNaN(s)) {
        s = this.vectorSimilarity(t, u);
        table[t * stride + u] = s;
        table[u * stride + t] = s;
      }
      return s;
    }
    return this.vectorSimilarity(t, u);
  }

  /**
   * Makes room in the table for `n` terms, with some to spare, keeping what it holds: the detectors register words
   * of their own (a headline's clauses) between lookups, and starting the table afresh for each would recompute it.
   */
  private growTable(n: number): void {
    const size = Math.min(DENSE_TABLE_LIMIT, Math.max(n, Math.ceil(n * 1.25) + 64));
    const table = new Float32Array(size * size).fill(Number.NaN);
    const [old, oldSize] = [this.table, this.tableSize];
    if (old) for (let r = 0; r < oldSize; r++) table.set(old.subarray(r * oldSize, (r + 1) * oldSize), r * size);
    this.table = table;
    this.tableSize = size;
  }

  /** Rescaled cosine of two terms' vectors (a 100-dimension dot product is cheaper than any cache lookup). */
  private vectorSimilarity(t: number, u: number): number {
    const rt = this.rows[t]!;
    const ru = this.rows[u]!;
    if (rt === ru) return 1;
    const vectors = this.vectors!;
    if (this.listedOnly && !vectors.listed(rt, ru)) return 0;
    const cos = vectors.classOf(rt) === vectors.classOf(ru) ? vectors.sameClassSimilarity(rt, ru) : vectors.similarity(rt, ru);
    return cos <= this.floor ? 0 : (cos - this.floor) / (1 - this.floor);
  }
}

/** `weighted(bag, best)` where each term's best is its entry in an expansion of the other side. */
function weightedLookup(bag: TermBag, expanded: Float32Array): number {
  if (!bag.total) return 0;
  let covered = 0;
  for (let k = 0; k < bag.terms.length; k++) covered += bag.weights[k]! * (expanded[bag.terms[k]!] ?? 0);
  return covered / bag.total;
}

function weighted(bag: TermBag, best: Float32Array): number {
  if (!bag.total) return 0;
  let covered = 0;
  for (let k = 0; k < best.length; k++) covered += bag.weights[k]! * best[k]!;
  return covered / bag.total;
}
