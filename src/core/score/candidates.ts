import type { ProfileSet } from './profiles';

export interface CandidateOptions {
  /** Up to this many units every cross-article pair is scored; above it, an inverted index proposes pairs. */
  readonly allPairsLimit: number;
  /** Candidates kept per unit (its best by index score). */
  readonly perUnit: number;
  /** Of those, at most this many from one other article. */
  readonly perArticle: number;
  /** Index terms looked up per unit (its rarest). */
  readonly termsPerUnit: number;
  /** Postings read per term: a term in more units is sampled, so common words cannot make the cost quadratic. */
  readonly postingCap: number;
  /**
   * About how many pairs a set above `allPairsLimit` may score. A set whose units at `perUnit` would score fewer
   * keeps proportionally more candidates per unit and per article (and looks them up by proportionally more terms),
   * up to `maxPerUnit`: a set just over the limit is not cut to the few candidates a set of hundreds of articles can
   * afford.
   */
  readonly pairBudget: number;
  readonly maxPerUnit: number;
  /**
   * A set above `allPairsLimit` whose units times the other articles' leads come to at most this many pairs also
   * scores every unit against every lead (headline, standfirst, first paragraph) of the other articles.
   */
  readonly leadPairBudget: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = {
  allPairsLimit: 400,
  perUnit: 12,
  perArticle: 2,
  termsPerUnit: 10,
  postingCap: 48,
  pairBudget: 36_000,
  maxPerUnit: 64,
  leadPairBudget: 40_000,
};

/** Candidate pairs in two columns: pair k joins units left[k] < right[k]. */
export interface CandidatePairs {
  readonly length: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/** A growing list of pairs in typed columns (a large set proposes hundreds of thousands: no array per pair). */
class PairColumns {
  length = 0;
  private left = new Int32Array(1024);
  private right = new Int32Array(1024);

  push(a: number, b: number): void {
    if (this.length === this.left.length) {
      const [left, right] = [new Int32Array(this.length * 2), new Int32Array(this.length * 2)];
      left.set(this.left);
      right.set(this.right);
      [this.left, this.right] = [left, right];
    }
    this.left[this.length] = a;
    this.right[this.length++] = b;
  }

  forEach(visit: (a: number, b: number) => void): void {
    for (let k = 0; k < this.length; k++) visit(this.left[k]!, this.right[k]!);
  }

  done(): CandidatePairs {
    return { length: this.length, left: this.left.slice(0, this.length), right: this.right.slice(0, this.length) };
  }
}

/**
 * Cross-article unit pairs worth scoring, each with its lower unit first. A small comparison set scores them all; a
 * large one asks an inverted index over each unit's rarest terms (lemmas and names) and keeps its best
 * candidates per unit and per article, so the work grows about linearly with the number of articles (and, within a
 * budget, pairs each unit with the other articles' leads: addLeadPairs).
 */
export function candidatePairs(set: ProfileSet, options: CandidateOptions = DEFAULT_CANDIDATES): CandidatePairs {
  const { units } = set;
  const n = units.length;
  const out = new PairColumns();
  if (n <= options.allPairsLimit) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (units[i]!.doc !== units[j]!.doc) out.push(i, j);
    return out.done();
  }
  // Postings: term → units that carry it (names count as terms too). Keys become numbers once, here.
  const keyIds = new Map<string, number>();
  const postings: number[][] = [];
  const keysOf = units.map((u) => {
    const ids: number[] = [];
    for (const k of new Set([...u.terms, ...u.names.keys.map((name) => `name:${name}`)])) {
      let id = keyIds.get(k);
      if (id === undefined) {
        keyIds.set(k, (id = postings.length));
        postings.push([]);
      }
      ids.push(id);
    }
    return ids;
  });
  keysOf.forEach((ids, i) => {
    for (const id of ids) postings[id]!.push(i);
  });
  const idf = Float64Array.from(postings, (list) => Math.log((1 + n) / (1 + list.length)));
  const scale = Math.max(1, Math.min(options.maxPerUnit / options.perUnit, options.pairBudget / (n * options.perUnit)));
  const perUnit = Math.round(options.perUnit * scale);
  const perArticle = Math.round(options.perArticle * scale);
  const termsPerUnit = Math.round(options.termsPerUnit * scale);
  const score = new Float64Array(n);
  const docOf = Int32Array.from(units, (u) => u.doc);
  // Each unit's kept candidates, to tell a pair already proposed from the other side (lists of ≤ perUnit).
  const kept = new Int32Array(n * perUnit).fill(-1);
  const perDoc = new Int32Array(docOf.reduce((m, d) => Math.max(m, d), 0) + 1);
  const radix = 2 ** Math.ceil(Math.log2(n + 1));
  // Scratch rows reused for every unit: the units its keys reach, and their packed sort keys.
  const touched = new Int32Array(n);
  const packedRow = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Its rarest keys that another unit shares (equal rarity: the unit's own order, as a stable sort keeps it).
    const keys = rarestShared(keysOf[i]!, postings, termsPerUnit);
    let reached = 0;
    const own = docOf[i]!;
    for (const id of keys) {
      const list = postings[id]!;
      const w = idf[id]!;
      const take = Math.min(list.length, options.postingCap);
      // A deterministic window, different for each unit, over long posting lists.
      let at = list.length > take ? (i * 2654435761) % list.length : 0;
      for (let t = 0; t < take; t++) {
        const j = list[at]!;
        if (++at === list.length) at = 0;
        if (docOf[j] === own) continue;
        if (score[j] === 0) touched[reached++] = j;
        score[j] = score[j]! + w;
      }
    }
    // Best first (ties: lower index), by a native sort of packed keys: −score (to a millionth) and the index.
    const packed = packedRow.subarray(0, reached);
    for (let k = 0; k < reached; k++) packed[k] = -Math.round(score[touched[k]!]! * 1e6) * radix + touched[k]!;
    // Only the head is usually read: select it and sort it alone; sort the rest only if the head runs out.
    const head = Math.min(packed.length, HEAD_PER_KEPT * perUnit);
    if (head < packed.length) selectSmallest(packed, head);
    packed.subarray(0, head).sort();
    let count = 0;
    for (let k = 0; k < packed.length; k++) {
      if (k === head) packed.subarray(head).sort();
      const packedKey = packed[k]!;
      const j = ((packedKey % radix) + radix) % radix;
      if (count >= perUnit) break;
      const d = docOf[j]!;
      if (perDoc[d]! >= perArticle) continue;
      perDoc[d]!++;
      kept[i * perUnit + count++] = j;
      // A unit before this one that kept this one has proposed the pair already.
      if (j < i && kept.subarray(j * perUnit, (j + 1) * perUnit).includes(i)) continue;
      if (i < j) out.push(i, j);
      else out.push(j, i);
    }
    for (let k = 0; k < count; k++) perDoc[docOf[kept[i * perUnit + k]!]!] = 0;
    for (let k = 0; k < reached; k++) score[touched[k]!] = 0;
  }
  addLeadPairs(set, out, options.leadPairBudget);
  return out.done();
}

/**
 * How much a paragraph restates the main news is its mean best similarity to the other articles' leads (headline,
 * standfirst, first paragraph: align's lead affinity), and the index proposes a lead only where it shares rare words
 * with the paragraph. A set whose units × leads fit the budget (about twenty articles of thirty paragraphs) scores
 * every unit against every other article's leads too, so its main news is measured as in a small set. (A sample of
 * the articles per unit was tried for larger sets: with the one or two articles a budget allows there, the measure
 * was too noisy and found the seeds' main news worse than no lead pairs at all.)
 */
function addLeadPairs(set: ProfileSet, out: PairColumns, budget: number): void {
  const { units } = set;
  const n = units.length;
  const leads: number[] = [];
  units.forEach((u, i) => u.top && leads.push(i));
  if (!leads.length || n * leads.length > budget) return;
  const have = new Set<number>();
  out.forEach((a, b) => have.add(a * n + b));
  for (const l of leads) {
    for (let i = 0; i < n; i++) {
      if (units[i]!.doc === units[l]!.doc) continue;
      const [a, b] = [Math.min(i, l), Math.max(i, l)];
      if (have.has(a * n + b)) continue;
      have.add(a * n + b);
      out.push(a, b);
    }
  }
}

/**
 * A unit's `limit` rarest keys among those another unit shares too (posting lists longer than one), rarest first
 * (the shortest postings: the highest idf); keys equally rare keep the unit's own order.
 */
function rarestShared(keys: readonly number[], postings: readonly number[][], limit: number): number[] {
  // Native sort of packed keys: the posting count, then the key's position in the unit.
  const order = new Float64Array(keys.length);
  let m = 0;
  keys.forEach((id, position) => {
    if (postings[id]!.length > 1) order[m++] = postings[id]!.length * keys.length + position;
  });
  const sorted = order.subarray(0, m).sort();
  const out: number[] = [];
  for (let k = 0; k < Math.min(limit, m); k++) out.push(keys[sorted[k]! % keys.length]!);
  return out;
}

/** How many of a unit's best-scored candidates are put in order at first, per candidate it keeps. */
const HEAD_PER_KEPT = 4;

/** Reorders `a` so that its k smallest values come first (in no order): quickselect, median-of-three pivots. */
function selectSmallest(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const pivot = median3(a[lo]!, a[mid]!, a[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi]: keep the side that holds position k − 1.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}

function median3(x: number, y: number, z: number): number {
  return x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
}
