import type { ParagraphFeatures, PreparedArticle, WordToken } from '../core';

/**
 * A prepared article as it crosses between threads: each paragraph's tokens (most of its bytes) in columns —
 * typed arrays and one string list — instead of one object per token, which the structured clone copies field by
 * field. Everything else goes as it is.
 */
export interface PackedArticle {
  readonly article: Omit<PreparedArticle, 'features'> & { readonly features: readonly Omit<ParagraphFeatures, 'tokens'>[] };
  readonly tokens: {
    /** Tokens per paragraph. */
    readonly counts: Int32Array;
    readonly lemmas: string[];
    readonly pos: string[];
    readonly start: Int32Array;
    readonly end: Int32Array;
    readonly sentence: Int32Array;
    /** Bit 0: content; bit 1: negated. */
    readonly flags: Uint8Array;
  };
}

export function packArticle(a: PreparedArticle): PackedArticle {
  const total = a.features.reduce((s, f) => s + f.tokens.length, 0);
  const counts = new Int32Array(a.features.length);
  const lemmas: string[] = new Array(total);
  const pos: string[] = new Array(total);
  const start = new Int32Array(total);
  const end = new Int32Array(total);
  const sentence = new Int32Array(total);
  const flags = new Uint8Array(total);
  let k = 0;
  const features = a.features.map((f, p) => {
    counts[p] = f.tokens.length;
    for (const t of f.tokens) {
      lemmas[k] = t.lemma;
      pos[k] = t.pos;
      start[k] = t.start;
      end[k] = t.end;
      sentence[k] = t.sentence;
      flags[k] = (t.content ? 1 : 0) | (t.negated ? 2 : 0);
      k++;
    }
    const { tokens: _tokens, ...rest } = f;
    return rest;
  });
  return { article: { ...a, features }, tokens: { counts, lemmas, pos, start, end, sentence, flags } };
}

export function unpackArticle(p: PackedArticle): PreparedArticle {
  const t = p.tokens;
  let k = 0;
  const features = p.article.features.map((f, i): ParagraphFeatures => {
    const tokens: WordToken[] = new Array(t.counts[i]!);
    for (let j = 0; j < tokens.length; j++, k++) {
      tokens[j] = { start: t.start[k]!, end: t.end[k]!, lemma: t.lemmas[k]!, pos: t.pos[k]!, sentence: t.sentence[k]!, content: (t.flags[k]! & 1) === 1, negated: (t.flags[k]! & 2) === 2 };
    }
    return { ...f, tokens };
  });
  return { ...p.article, features };
}

/** The typed arrays' buffers, to transfer rather than copy. */
export function transferables(packed: readonly PackedArticle[]): ArrayBuffer[] {
  return packed.flatMap((p) => [p.tokens.counts, p.tokens.start, p.tokens.end, p.tokens.sentence, p.tokens.flags].map((a) => a.buffer as ArrayBuffer));
}
