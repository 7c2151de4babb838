import type { ProfileSet } from '../score/profiles';

/**
 * How much each paragraph restates the main news. Every outlet states its core news in its headline and lead;
 * the terms (or close synonyms) that the leads of at least two articles share are the consensus of that news,
 * weighted by how many articles' leads carry them and by rarity. A paragraph's coverage is the weighted share of
 * that consensus it carries. Terms only one outlet puts in its lead ("ignoring humanitarian concerns", "Trump
 * praises leaders") stay out, so an article's angle does not pass for the shared news.
 */
export function mainNewsCoverage(set: ProfileSet): Float64Array {
  const { units, matcher } = set;
  const out = new Float64Array(units.length);
  const leadsByDoc = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (!u.top) return;
    let list = leadsByDoc.get(u.doc);
    if (!list) leadsByDoc.set(u.doc, (list = []));
    list.push(i);
  });
  if (leadsByDoc.size < 2) return out;
  // Candidate terms with their IDF (a bag's weights are the IDF of its terms).
  const candidates = new Map<number, number>();
  for (const list of leadsByDoc.values()) {
    for (const i of list) {
      const bag = units[i]!.bag;
      bag.terms.forEach((id, k) => candidates.set(id, bag.weights[k]!));
    }
  }
  const signature: { term: number; weight: number }[] = [];
  for (const [term, idf] of candidates) {
    let articles = 0;
    for (const list of leadsByDoc.values()) {
      let best = 0;
      for (const i of list) best = Math.max(best, matcher.presence(term, units[i]!.bag));
      articles += best;
    }
    if (articles >= 2) signature.push({ term, weight: (articles / leadsByDoc.size) * (idf - 0.7) });
  }
  const total = signature.reduce((s, t) => s + t.weight, 0);
  if (!total) return out;
  units.forEach((u, i) => {
    let covered = 0;
    for (const t of signature) covered += t.weight * matcher.presence(t.term, u.bag);
    out[i] = covered / total;
  });
  return out;
}
