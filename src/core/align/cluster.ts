/** A weighted edge between two items. */
export interface Edge {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
}

/** From this size on, a cluster's larger neighbours are found through the set of large clusters. */
const LARGE = 16;

/**
 * Average-linkage agglomerative clustering on a sparse graph, cut at a threshold. The linkage of two clusters
 * is the mean weight of the edges observed between them, discounted when fewer edges were observed than the
 * smaller cluster has members (on a sampled graph, two large clusters joined by one strong edge are not yet one
 * point). On a complete graph this is textbook average linkage. Clusters merge best-first while the linkage
 * reaches the threshold. Each cluster keeps its best neighbour and the heap holds one entry per cluster, so a
 * merge costs the size of the merged cluster's neighbourhood, not a push per neighbour. Returns clusters of item
 * indices, each sorted, in order of their smallest item.
 */
export function averageLinkage(n: number, allEdges: readonly Edge[], threshold: number): number[][] {
  const edges = edgesThatCanMatter(n, allEdges, threshold);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // One record per linked pair of clusters (its weights' sum and count), shared by both clusters' maps:
  // neighbour → record index. A merge updates a record once, not once per direction.
  const links: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  let sums = new Float64Array(Math.max(16, edges.length));
  let counts = new Int32Array(sums.length);
  let records = 0;
  const alive = new Uint8Array(n).fill(1);
  for (const e of edges) {
    if (e.a === e.b) continue;
    const known = links[e.a]!.get(e.b);
    if (known !== undefined) {
      sums[known] = sums[known]! + e.weight;
      counts[known] = counts[known]! + 1;
      continue;
    }
    if (records === sums.length) {
      const grownSums = new Float64Array(records * 2);
      grownSums.set(sums);
      sums = grownSums;
      const grownCounts = new Int32Array(records * 2);
      grownCounts.set(counts);
      counts = grownCounts;
    }
    sums[records] = e.weight;
    counts[records] = 1;
    links[e.a]!.set(e.b, records);
    links[e.b]!.set(e.a, records);
    records++;
  }
  const linkage = (x: number, y: number, r: number): number => {
    const smaller = Math.min(members[x]!.length, members[y]!.length);
    return (sums[r]! / counts[r]!) * Math.min(1, counts[r]! / smaller);
  };
  const bestOf = new Int32Array(n).fill(-1);
  const bestValue = new Float64Array(n);
  const version = new Int32Array(n);
  const heap = new MaxHeap();
  /** Rescans a cluster's neighbours for its best one, and queues it if it clears the threshold. */
  const refresh = (x: number) => {
    let best = -1;
    let value = -1;
    // (Map.forEach: iterating entries would allocate a pair per neighbour, and this runs after every merge.)
    links[x]!.forEach((r, y) => {
      const v = linkage(x, y, r);
      if (v > value || (v === value && y < best)) {
        value = v;
        best = y;
      }
    });
    bestOf[x] = best;
    bestValue[x] = value;
    version[x] = version[x]! + 1;
    if (best >= 0 && value >= threshold) heap.push(value, x, best, version[x]!);
  };
  for (let x = 0; x < n; x++) refresh(x);
  /** Alive clusters of LARGE members or more. */
  const large = new Set<number>();
  for (;;) {
    if (!heap.size) break;
    const [x, y, vx] = [heap.topX(), heap.topY(), heap.topVersion()];
    heap.pop();
    if (!alive[x] || !alive[y] || version[x] !== vx || bestOf[x] !== y) continue;
    // Merge the smaller cluster into the larger one.
    const [keep, drop] = members[x]!.length >= members[y]!.length ? [x, y] : [y, x];
    const keptSize = members[keep]!.length;
    for (const m of members[drop]!) members[keep]!.push(m);
    members[drop] = [];
    alive[drop] = 0;
    const keepLinks = links[keep]!;
    keepLinks.delete(drop);
    const changed: number[] = [];
    links[drop]!.forEach((r, z) => {
      if (z === keep) return;
      const back = links[z]!;
      back.delete(drop);
      const shared = keepLinks.get(z);
      if (shared !== undefined) {
        sums[shared] = sums[shared]! + sums[r]!;
        counts[shared] = counts[shared]! + counts[r]!;
      } else {
        keepLinks.set(z, r);
        back.set(keep, r);
      }
      changed.push(z);
    });
    links[drop] = new Map();
    refresh(keep);
    // A neighbour whose best was one of the two, or who now links better to the merged cluster, looks again. Only
    // two kinds of neighbour can need it: the dropped cluster's (their link to the merged one changed), and those
    // larger than the kept cluster was (the linkage discount reads the smaller size, which just grew). For every
    // other neighbour nothing it can see changed, and its queued best is still valid.
    const touched: number[] = [];
    const check = (z: number, r: number) => {
      if (bestOf[z] === keep || bestOf[z] === drop) touched.push(z);
      else if (linkage(z, keep, r) > bestValue[z]!) touched.push(z);
    };
    for (const z of changed) check(z, keepLinks.get(z)!);
    if (keptSize < LARGE) {
      keepLinks.forEach((r, z) => members[z]!.length > keptSize && check(z, r));
    } else {
      // Few clusters are larger than a large one: look them up instead of scanning its many neighbours.
      for (const z of large) if (z !== keep && members[z]!.length > keptSize) {
        const r = keepLinks.get(z);
        if (r !== undefined) check(z, r);
      }
    }
    if (members[keep]!.length >= LARGE) large.add(keep);
    large.delete(drop);
    for (const z of touched) refresh(z);
  }
  const clusters: number[][] = [];
  for (let x = 0; x < n; x++) if (alive[x]) clusters.push(members[x]!.sort((a, b) => a - b));
  return clusters.sort((a, b) => a[0]! - b[0]!);
}

/**
 * The edges that can change the clustering: those inside one connected component of the graph of edges at or above
 * the threshold. Two clusters merge only when their linkage (a discounted mean of the edges between them) reaches
 * the threshold, which needs one of those edges to reach it; so every cluster stays inside one such component, and
 * an edge between two components (or to an item no strong edge reaches) never counts in a linkage that decides a
 * merge. Dropping them gives the same clusters, and on a large sparse set most edges are of that kind.
 */
function edgesThatCanMatter(n: number, edges: readonly Edge[], threshold: number): readonly Edge[] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!; // path halving
      x = parent[x]!;
    }
    return x;
  };
  for (const e of edges) {
    if (e.weight < threshold - ROUNDING || e.a === e.b) continue;
    const [ra, rb] = [root(e.a), root(e.b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return edges.filter((e) => root(e.a) === root(e.b));
}

/** Slack for a mean of weights just under the threshold that rounds up to it. */
const ROUNDING = 1e-9;

/**
 * Binary max-heap of queued merges (a cluster x, its best neighbour y, the linkage, and x's version when queued),
 * in typed columns: a large set queues hundreds of thousands, and an object each would be garbage to collect.
 * Order: the higher linkage first; ties, the smaller x, then the smaller y (for determinism).
 */
class MaxHeap {
  size = 0;
  private value = new Float64Array(256);
  private x = new Int32Array(256);
  private y = new Int32Array(256);
  private version = new Int32Array(256);

  topX(): number {
    return this.x[0]!;
  }

  topY(): number {
    return this.y[0]!;
  }

  topVersion(): number {
    return this.version[0]!;
  }

  push(value: number, x: number, y: number, version: number): void {
    if (this.size === this.value.length) this.grow();
    // Sift the hole up from the end, then fill it.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(value, x, y, p)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, value, x, y, version);
  }

  /** Removes the top entry. */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const [value, x, y, version] = [this.value[last]!, this.x[last]!, this.y[last]!, this.version[last]!];
    // Sift the hole down from the top while a child comes before the last entry, then put that entry in it.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const m = r < last && this.before(this.value[r]!, this.x[r]!, this.y[r]!, l) ? r : l;
      if (!this.ahead(m, value, x, y)) break;
      this.move(m, i);
      i = m;
    }
    this.set(i, value, x, y, version);
  }

  /** Whether entry (value, x, y) comes before the entry at k. */
  private before(value: number, x: number, y: number, k: number): boolean {
    const v = this.value[k]!;
    return value > v || (value === v && (x < this.x[k]! || (x === this.x[k]! && y < this.y[k]!)));
  }

  /** Whether the entry at k comes before entry (value, x, y). */
  private ahead(k: number, value: number, x: number, y: number): boolean {
    const v = this.value[k]!;
    return v > value || (v === value && (this.x[k]! < x || (this.x[k] === x && this.y[k]! < y)));
  }

  private move(from: number, to: number): void {
    this.set(to, this.value[from]!, this.x[from]!, this.y[from]!, this.version[from]!);
  }

  private set(k: number, value: number, x: number, y: number, version: number): void {
    this.value[k] = value;
    this.x[k] = x;
    this.y[k] = y;
    this.version[k] = version;
  }

  private grow(): void {
    const size = this.value.length * 2;
    const value = new Float64Array(size);
    value.set(this.value);
    this.value = value;
    for (const column of ['x', 'y', 'version'] as const) {
      const grown = new Int32Array(size);
      grown.set(this[column]);
      this[column] = grown;
    }
  }
}
