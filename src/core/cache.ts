import type { PreparedArticle } from './analyze';
import type { AlignmentStore } from './score/evidence';
import type { Alignment, SoftMatching } from './score/softMatch';

/**
 * What a long-lived host (the extension's analysis worker) keeps between analyses: each article's
 * segmentation and features, by its text, and the word alignments of paragraph pairs, by their texts. Editing
 * one article then re-reads only that article and re-aligns only its pairs; everything else is recombined from
 * the cache. Results are the same as a fresh analysis: what is cached does not depend on the other articles.
 */
export class AnalysisCache {
  private readonly articles = new Map<string, PreparedArticle>();
  private readonly stores = new Map<string, BoundedStore>();

  constructor(
    private readonly limits: { readonly articles: number; readonly alignments: number } = { articles: 2_000, alignments: 400_000 },
  ) {}

  /** The prepared article for this path and text, or `prepare()`'s, remembered. The id is set per analysis. */
  article(path: string, text: string, id: string, prepare: () => PreparedArticle): PreparedArticle {
    const key = `${path}\u0000${text}`;
    let a = this.articles.get(key);
    if (a) {
      this.articles.delete(key); // refresh its place in the eviction order
    } else {
      a = prepare();
    }
    this.articles.set(key, a);
    evict(this.articles, this.limits.articles);
    return a.document.id === id ? a : { ...a, document: { ...a.document, id } };
  }

  /** Whether the article with this path and text is held (nothing is read or refreshed). */
  has(path: string, text: string): boolean {
    return this.articles.has(`${path}\u0000${text}`);
  }

  /**
   * Word alignments computed under one soft-matching floor and one way of matching (SoftMatching). Alignments depend
   * on both, and a set that grows past a vocabulary limit must not reuse another way's.
   */
  alignments(floor: number, matching: SoftMatching): AlignmentStore {
    const key = `${floor.toFixed(4)} ${matching}`;
    let store = this.stores.get(key);
    if (!store) this.stores.set(key, (store = new BoundedStore(this.limits.alignments)));
    return store;
  }

  get size(): { articles: number; alignments: number } {
    let alignments = 0;
    for (const s of this.stores.values()) alignments += s.size;
    return { articles: this.articles.size, alignments };
  }
}

/**
 * Alignments by the pair of their paragraphs' text keys. Each key gets a number once, and a pair is looked up by
 * the two numbers together: a large set looks up hundreds of thousands of pairs, and a string joined from two keys
 * would be built and hashed afresh for each.
 */
class BoundedStore implements AlignmentStore {
  private readonly ids = new Map<string, number>();
  private readonly map = new Map<number, Alignment>();
  private readonly sentences = new Map<number, readonly Alignment[]>();

  constructor(private readonly limit: number) {}

  get(first: string, second: string): Alignment | undefined {
    const k = this.known(first, second);
    return k === undefined ? undefined : this.map.get(k);
  }

  set(first: string, second: string, alignment: Alignment): void {
    this.map.set(this.numbered(first, second), alignment);
    evict(this.map, this.limit);
  }

  getSentences(first: string, second: string): readonly Alignment[] | undefined {
    const k = this.known(first, second);
    return k === undefined ? undefined : this.sentences.get(k);
  }

  setSentences(first: string, second: string, alignments: readonly Alignment[]): void {
    this.sentences.set(this.numbered(first, second), alignments);
    evict(this.sentences, this.limit);
  }

  get size(): number {
    return this.map.size;
  }

  private known(first: string, second: string): number | undefined {
    const a = this.ids.get(first);
    const b = a === undefined ? undefined : this.ids.get(second);
    return b === undefined ? undefined : a! * PAIR_BASE + b;
  }

  private numbered(first: string, second: string): number {
    // Numbers are never reused: once the texts ever seen reach the limit, the store starts afresh.
    if (this.ids.size >= PAIR_BASE - 2 || this.ids.size >= 4 * this.limit) {
      this.ids.clear();
      this.map.clear();
      this.sentences.clear();
    }
    return this.idOf(first) * PAIR_BASE + this.idOf(second);
  }

  private idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }
}

/** Text numbers stay below this, so that two of them make one exact number key (below 2^52). */
const PAIR_BASE = 2 ** 26;

/** Drops the oldest entries (Map keeps insertion order) once a map outgrows its limit. */
function evict<K, V>(map: Map<K, V>, limit: number): void {
  if (map.size <= limit) return;
  const drop = map.size - Math.floor(limit * 0.8);
  let k = 0;
  for (const key of map.keys()) {
    if (k++ >= drop) break;
    map.delete(key);
  }
}
