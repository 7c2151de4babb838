import type { Analysis, Pair, ParagraphRef } from '../core/types';

/**
 * An analysis as it crosses a thread or the webview boundary. Its aligned pairs are most of it (47 of 65 MB of JSON
 * for 500 articles × 30 paragraphs): as objects, the worker's structured clone rebuilds them one by one on the
 * extension host's thread (1.2 s for 500 × 30) and the webview message is stringified there and parsed in the
 * panel (0.4 s and 0.6 s). So they go in columns of typed arrays — moved without a copy between threads, and sent
 * to the webview as binary buffers, outside the message's JSON — and their shared names, numbers and facets as
 * indices into one list of distinct strings. Everything else goes as it is.
 */
export interface PackedAnalysis {
  readonly analysis: Omit<Analysis, 'pairs'>;
  readonly pairs: PairColumns;
}

export interface PairColumns {
  /** The documents' ids, in the order the columns index them. */
  readonly docs: readonly string[];
  /** Per pair: a's and b's document (index into docs) and paragraph. */
  readonly refs: Int32Array;
  /** Per pair: score, confidence, then the evidence's lexical, soft, sentence, names, numbers, quotes. */
  readonly values: Float64Array;
  /** Per pair: how many shared names, numbers and facets it has, in that order. */
  readonly shared: Int32Array;
  /** The shared names, numbers and facets of every pair, end to end, as indices into `strings`. */
  readonly sharedItems: Int32Array;
  /** The distinct shared names, numbers and facets. */
  readonly strings: readonly string[];
}

const PAIR_VALUES = 8;

/**
 * The packing each analysis was unpacked from, so sending it on (to the panel) does not pack it again. Only
 * unpacked analyses: a packing made here may have its buffers transferred away.
 */
const packedOf = new WeakMap<Analysis, PackedAnalysis>();

export function packAnalysis(a: Analysis): PackedAnalysis {
  const known = packedOf.get(a);
  if (known) return known;
  const { pairs, ...rest } = a;
  const docs = a.documents.map((d) => d.id);
  const docIndex = new Map(docs.map((id, k) => [id, k]));
  const refs = new Int32Array(pairs.length * 4);
  const values = new Float64Array(pairs.length * PAIR_VALUES);
  const shared = new Int32Array(pairs.length * 3);
  const strings = new Map<string, number>();
  const items: number[] = [];
  const add = (list: readonly string[]) => {
    for (const s of list) {
      let id = strings.get(s);
      if (id === undefined) strings.set(s, (id = strings.size));
      items.push(id);
    }
  };
  pairs.forEach((p, k) => {
    refs[k * 4] = docIndex.get(p.a.doc)!;
    refs[k * 4 + 1] = p.a.paragraph;
    refs[k * 4 + 2] = docIndex.get(p.b.doc)!;
    refs[k * 4 + 3] = p.b.paragraph;
    const e = p.evidence;
    values.set([p.score, p.confidence, e.lexical, e.soft, e.sentence, e.names, e.numbers, e.quotes], k * PAIR_VALUES);
    shared[k * 3] = e.sharedNames.length;
    shared[k * 3 + 1] = e.sharedNumbers.length;
    shared[k * 3 + 2] = e.sharedFacets.length;
    add(e.sharedNames);
    add(e.sharedNumbers);
    add(e.sharedFacets);
  });
  return { analysis: rest, pairs: { docs, refs, values, shared, sharedItems: Int32Array.from(items), strings: [...strings.keys()] } };
}

export function unpackAnalysis(packed: PackedAnalysis): Analysis {
  const { docs, refs, values, shared, sharedItems, strings } = packed.pairs;
  const pairs: Pair[] = new Array(refs.length / 4);
  // One reference object per paragraph, shared by its pairs (as the analysis made them).
  const refOf = new Map<number, ParagraphRef>();
  const ref = (doc: number, paragraph: number) => {
    const key = doc * 0x100000 + paragraph;
    let r = refOf.get(key);
    if (!r) refOf.set(key, (r = { doc: docs[doc]!, paragraph }));
    return r;
  };
  let at = 0;
  const take = (n: number) => {
    const list: string[] = new Array(n);
    for (let i = 0; i < n; i++) list[i] = strings[sharedItems[at++]!]!;
    return list;
  };
  for (let k = 0; k < pairs.length; k++) {
    const v = k * PAIR_VALUES;
    pairs[k] = {
      a: ref(refs[k * 4]!, refs[k * 4 + 1]!),
      b: ref(refs[k * 4 + 2]!, refs[k * 4 + 3]!),
      score: values[v]!,
      confidence: values[v + 1]!,
      evidence: {
        lexical: values[v + 2]!,
        soft: values[v + 3]!,
        sentence: values[v + 4]!,
        names: values[v + 5]!,
        numbers: values[v + 6]!,
        quotes: values[v + 7]!,
        sharedNames: take(shared[k * 3]!),
        sharedNumbers: take(shared[k * 3 + 1]!),
        sharedFacets: take(shared[k * 3 + 2]!),
      },
    };
  }
  const { schemaVersion, documents, ...rest } = packed.analysis;
  // The contract's field order: the version, documents, pairs, then the rest.
  const analysis = { schemaVersion, documents, pairs, ...rest };
  packedOf.set(analysis, packed);
  return analysis;
}

/** The packed analysis's typed arrays' buffers, to transfer between threads rather than copy. */
export function analysisTransferables(packed: PackedAnalysis): ArrayBuffer[] {
  const { refs, values, shared, sharedItems } = packed.pairs;
  return [refs, values, shared, sharedItems].map((x) => x.buffer as ArrayBuffer);
}
