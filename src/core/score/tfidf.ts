/** A sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** Maps terms to dense integer ids and counts in how many units each occurs. */
export class Vocabulary {
  private readonly idOf = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly df: number[] = [];
  /** Per id, the last unit that counted it (each distinct term counts once per unit). */
  private readonly lastUnit: number[] = [];
  private units = 0;

  /** Registers one unit's terms (each distinct term counts once); returns each term's id, in the terms' order. */
  addUnit(terms: Iterable<string>): Int32Array {
    const unit = ++this.units;
    const ids: number[] = [];
    for (const term of terms) {
      let id = this.idOf.get(term);
      if (id === undefined) {
        id = this.df.length;
        this.idOf.set(term, id);
        this.texts.push(term);
        this.df.push(0);
        this.lastUnit.push(0);
      }
      if (this.lastUnit[id] !== unit) {
        this.lastUnit[id] = unit;
        this.df[id]!++;
      }
      ids.push(id);
    }
    return Int32Array.from(ids);
  }

  /** Every term, by id. */
  get list(): readonly string[] {
    return this.texts;
  }

  id(term: string): number | undefined {
    return this.idOf.get(term);
  }

  /** Smoothed inverse document frequency: rare terms weigh more; a term in every unit still weighs a little. */
  idf(term: string): number {
    const id = this.idOf.get(term);
    return this.idfOf(id === undefined ? 0 : this.df[id]!);
  }

  idfOfId(id: number): number {
    return this.idfOf(this.df[id] ?? 0);
  }

  private idfOf(df: number): number {
    return Math.log((1 + this.units) / (1 + df)) + 1;
  }

  get size(): number {
    return this.units;
  }

  /** How many distinct terms it has seen. */
  get terms(): number {
    return this.df.length;
  }
}

/** (1 + log tf) · idf, L2-normalised. */
export function tfidfVector(terms: readonly string[], vocab: Vocabulary): SparseVector {
  const all = new Int32Array(terms.length);
  let n = 0;
  for (const term of terms) {
    const id = vocab.id(term);
    if (id !== undefined) all[n++] = id;
  }
  return tfidfOfIds(all.subarray(0, n), vocab);
}

/** `tfidfVector` of terms given by their ids in the vocabulary (sorts `ids` in place). */
export function tfidfOfIds(ids: Int32Array, vocab: Vocabulary): SparseVector {
  // The terms' ids in ascending order; equal ids side by side are one term's count.
  const n = ids.length;
  const sorted = ids.sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const out = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  let norm = 0;
  for (let k = 0, d = 0; k < n; d++) {
    const id = sorted[k]!;
    let count = 0;
    while (k < n && sorted[k] === id) {
      count++;
      k++;
    }
    out[d] = id;
    const w = (1 + Math.log(count)) * vocab.idfOfId(id);
    weights[d] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
  return { ids: out, weights };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      dot += a.weights[i++]! * b.weights[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}
