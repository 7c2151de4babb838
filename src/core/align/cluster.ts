/**
 * Average-linkage agglomerative clustering cut at a similarity threshold, by the nearest-neighbour-chain
 * algorithm (O(n²) time on a dense similarity matrix; average linkage is reducible, so the chain finds
 * the same dendrogram as the textbook O(n³) loop). Returns clusters as lists of item indices, each sorted.
 */
export function averageLinkage(n: number, similarity: (i: number, j: number) => number, threshold: number): number[][] {
  if (n === 0) return [];
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = similarity(i, j);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  let remaining = n;
  const chain: number[] = [];
  while (remaining > 1) {
    if (!chain.length) chain.push(active.indexOf(1));
    const a = chain[chain.length - 1]!;
    const previous = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    let best = previous;
    let bestSim = previous >= 0 ? sim[a * n + previous]! : -Infinity;
    for (let c = 0; c < n; c++) {
      if (!active[c] || c === a) continue;
      const s = sim[a * n + c]!;
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    if (best === previous) {
      chain.length -= 2;
      // Merge `previous` into `a`; the linkage to every other cluster is the size-weighted mean.
      const sa = size[a]!;
      const sb = size[previous]!;
      for (let c = 0; c < n; c++) {
        if (!active[c] || c === a || c === previous) continue;
        const s = (sa * sim[a * n + c]! + sb * sim[previous * n + c]!) / (sa + sb);
        sim[a * n + c] = s;
        sim[c * n + a] = s;
      }
      size[a] = sa + sb;
      active[previous] = 0;
      remaining--;
      if (bestSim >= threshold) parent[find(previous)] = find(a);
    } else {
      chain.push(best);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(i);
  }
  return [...groups.values()];
}
