import type { ParagraphFeatures, PreparedArticle, WordToken } from '../core';

/**
 * A prepared article as it crosses between threads. The structured clone copies every string and object field by
 * field, and the receiving thread pays for half of it while it should be reading its own articles; so the bulk of
 * an article — its tokens, lemmas, sentences and sentiments — goes in columns of typed arrays, and the strings
 * among them once each, as one string with their lengths. Everything else goes as it is.
 */
export interface PackedArticle {
  readonly article: Omit<PreparedArticle, 'features'> & { readonly features: readonly Omit<ParagraphFeatures, ColumnFields>[] };
  /** The distinct strings of the columns, end to end, and each one's length. */
  readonly strings: { readonly text: string; readonly lengths: Int32Array };
  /** Per paragraph: how many tokens, content lemmas, sentences and sentiments it has. */
  readonly counts: { readonly tokens: Int32Array; readonly lemmas: Int32Array; readonly sentences: Int32Array; readonly sentiments: Int32Array };
  readonly tokens: {
    /** Indices into the strings. */
    readonly lemma: Int32Array;
    readonly pos: Int32Array;
    readonly start: Int32Array;
    readonly end: Int32Array;
    readonly sentence: Int32Array;
    /** Bit 0: content; bit 1: negated. */
    readonly flags: Uint8Array;
  };
  /** Content lemmas (indices into the strings) and their sentences. */
  readonly lemmas: { readonly lemma: Int32Array; readonly sentence: Int32Array };
  /** Sentence spans as start, end; and the sentences' sentiments. */
  readonly sentences: { readonly spans: Int32Array; readonly sentiments: Float64Array };
}

type ColumnFields = 'tokens' | 'lemmas' | 'lemmaSentences' | 'sentences' | 'sentiments';

export function packArticle(a: PreparedArticle): PackedArticle {
  const ids = new Map<string, number>();
  const idOf = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const sum = (count: (f: ParagraphFeatures) => number) => a.features.reduce((s, f) => s + count(f), 0);
  const paragraphs = a.features.length;
  const counts = { tokens: new Int32Array(paragraphs), lemmas: new Int32Array(paragraphs), sentences: new Int32Array(paragraphs), sentiments: new Int32Array(paragraphs) };
  const totalTokens = sum((f) => f.tokens.length);
  const totalLemmas = sum((f) => f.lemmas.length);
  const totalSentences = sum((f) => f.sentences.length);
  const tokens = {
    lemma: new Int32Array(totalTokens),
    pos: new Int32Array(totalTokens),
    start: new Int32Array(totalTokens),
    end: new Int32Array(totalTokens),
    sentence: new Int32Array(totalTokens),
    flags: new Uint8Array(totalTokens),
  };
  const lemmas = { lemma: new Int32Array(totalLemmas), sentence: new Int32Array(totalLemmas) };
  const sentences = { spans: new Int32Array(totalSentences * 2), sentiments: new Float64Array(sum((f) => f.sentiments.length)) };
  let k = 0;
  let l = 0;
  let s = 0;
  let e = 0;
  const features = a.features.map((f, p) => {
    counts.tokens[p] = f.tokens.length;
    for (const t of f.tokens) {
      tokens.lemma[k] = idOf(t.lemma);
      tokens.pos[k] = idOf(t.pos);
      tokens.start[k] = t.start;
      tokens.end[k] = t.end;
      tokens.sentence[k] = t.sentence;
      tokens.flags[k] = (t.content ? 1 : 0) | (t.negated ? 2 : 0);
      k++;
    }
    counts.lemmas[p] = f.lemmas.length;
    f.lemmas.forEach((lemma, i) => {
      lemmas.lemma[l] = idOf(lemma);
      lemmas.sentence[l++] = f.lemmaSentences[i]!;
    });
    counts.sentences[p] = f.sentences.length;
    for (const span of f.sentences) {
      sentences.spans[2 * s] = span.start;
      sentences.spans[2 * s++ + 1] = span.end;
    }
    counts.sentiments[p] = f.sentiments.length;
    for (const x of f.sentiments) sentences.sentiments[e++] = x;
    const { tokens: _t, lemmas: _l, lemmaSentences: _ls, sentences: _s, sentiments: _st, ...rest } = f;
    return rest;
  });
  const list = [...ids.keys()];
  const strings = { text: list.join(''), lengths: Int32Array.from(list, (x) => x.length) };
  return { article: { ...a, features }, strings, counts, tokens, lemmas, sentences };
}

export function unpackArticle(p: PackedArticle): PreparedArticle {
  const list: string[] = new Array(p.strings.lengths.length);
  for (let i = 0, at = 0; i < list.length; i++) list[i] = p.strings.text.slice(at, (at += p.strings.lengths[i]!));
  const { tokens: t, lemmas: l, sentences: s, counts } = p;
  let k = 0;
  let m = 0;
  let n = 0;
  let o = 0;
  const features = p.article.features.map((f, i): ParagraphFeatures => {
    const tokens: WordToken[] = new Array(counts.tokens[i]!);
    for (let j = 0; j < tokens.length; j++, k++) {
      tokens[j] = { start: t.start[k]!, end: t.end[k]!, lemma: list[t.lemma[k]!]!, pos: list[t.pos[k]!]!, sentence: t.sentence[k]!, content: (t.flags[k]! & 1) === 1, negated: (t.flags[k]! & 2) === 2 };
    }
    const lemmas: string[] = new Array(counts.lemmas[i]!);
    const lemmaSentences: number[] = new Array(lemmas.length);
    for (let j = 0; j < lemmas.length; j++, m++) {
      lemmas[j] = list[l.lemma[m]!]!;
      lemmaSentences[j] = l.sentence[m]!;
    }
    const sentences: { start: number; end: number }[] = new Array(counts.sentences[i]!);
    for (let j = 0; j < sentences.length; j++, n++) sentences[j] = { start: s.spans[2 * n]!, end: s.spans[2 * n + 1]! };
    const sentiments: number[] = new Array(counts.sentiments[i]!);
    for (let j = 0; j < sentiments.length; j++) sentiments[j] = s.sentiments[o++]!;
    return { ...f, tokens, lemmas, lemmaSentences, sentences, sentiments };
  });
  return { ...p.article, features };
}

/** The typed arrays' buffers, to transfer rather than copy. */
export function transferables(packed: readonly PackedArticle[]): ArrayBuffer[] {
  return packed.flatMap((p) =>
    [
      p.strings.lengths,
      p.counts.tokens,
      p.counts.lemmas,
      p.counts.sentences,
      p.counts.sentiments,
      ...Object.values(p.tokens),
      p.lemmas.lemma,
      p.lemmas.sentence,
      p.sentences.spans,
      p.sentences.sentiments,
    ].map((a) => a.buffer as ArrayBuffer),
  );
}
