import { trimSpan, type NameMention, type ParagraphFeatures, type WordToken } from '../features';
import type { WordMatcher } from '../score/wordMatcher';
import type { ArticleVoice } from './profile';
import { alignedParagraphs, NOT_CONTENT_KINDS, type DocumentReport, type Pair, type Paragraph, type ParagraphRef, type Point, type TextOffsets } from '../types';

/** String orders as localeCompare gives them, from one collator each (localeCompare builds one per call). */
export const TEXT_ORDER = new Intl.Collator();
/** Ids with numbers in them in numeric order: p2 before p10. */
export const ID_ORDER = new Intl.Collator(undefined, { numeric: true });

/** Everything the detectors read: the aligned articles, plain data plus a word matcher. */
export interface DetectInput {
  readonly documents: readonly DocumentReport[];
  /** Features of every paragraph: features[document index][paragraph index]. */
  readonly features: readonly (readonly ParagraphFeatures[])[];
  readonly points: readonly Point[];
  readonly pairs: readonly Pair[];
  /** The point the articles' leads agree on (the main news), when there is one. */
  readonly mainPoint: string | null;
  /** A paragraph's best similarity to any paragraph of another article, in [0, 1] (0 when it takes no part). */
  readonly bestMatch: (ref: ParagraphRef) => number;
  readonly words: WordMatcher;
  /** Each article's tone and frames, when they were read as it was prepared (else the profile detector reads them). */
  readonly voices?: readonly ArticleVoice[];
}

/** Each paragraph's names a reader would call names (DetectContext.names), by its features. */
const RELIABLE_NAMES = new WeakMap<ParagraphFeatures, readonly NameMention[]>();

/** Lookups over a DetectInput that every detector needs. */
export class DetectContext {
  private readonly docIndex: ReadonlyMap<string, number>;
  private readonly pointsByParagraph = new Map<string, string[]>();
  private readonly midSentence = new Map<string, ReadonlySet<string>>();
  private readonly prose = new Map<string, ReadonlySet<string>>();
  private byScore: readonly Pair[] | null = null;
  private alignedTo: Map<string, ParagraphRef[]> | null = null;
  readonly pointById: ReadonlyMap<string, Point>;

  constructor(readonly input: DetectInput) {
    this.docIndex = new Map(input.documents.map((d, i) => [d.id, i]));
    this.pointById = new Map(input.points.map((p) => [p.id, p]));
    for (const p of input.points) for (const m of p.members) (this.pointsByParagraph.get(key(m)) ?? this.pointsByParagraph.set(key(m), []).get(key(m))!).push(p.id);
  }

  /** The accepted pairs, best-scored first (ties in report order); sorted once for every detector that reads them so. */
  pairsByScore(): readonly Pair[] {
    this.byScore ??= byScoreDescending(this.input.pairs);
    return this.byScore;
  }

  /** The paragraphs of other articles a paragraph has an accepted pair with, in report order. */
  alignedWith(ref: ParagraphRef): readonly ParagraphRef[] {
    this.alignedTo ??= alignedParagraphs(this.input.pairs);
    return this.alignedTo.get(key(ref)) ?? [];
  }

  get documents(): readonly DocumentReport[] {
    return this.input.documents;
  }

  doc(id: string): DocumentReport {
    return this.input.documents[this.docIndex.get(id)!]!;
  }

  paragraph(ref: ParagraphRef): Paragraph {
    return this.doc(ref.doc).paragraphs[ref.paragraph]!;
  }

  features(ref: ParagraphRef): ParagraphFeatures {
    return this.input.features[this.docIndex.get(ref.doc)!]![ref.paragraph]!;
  }

  /** Ids of the points a paragraph belongs to. */
  pointsOf(ref: ParagraphRef): readonly string[] {
    return this.pointsByParagraph.get(key(ref)) ?? [];
  }

  /** The content paragraphs of an article (reporting, not furniture, bylines or captions; headings excluded). */
  contentParagraphs(docId: string): readonly Paragraph[] {
    return this.doc(docId).paragraphs.filter((p) => !NOT_CONTENT_KINDS.has(p.kind) && p.kind !== 'heading');
  }

  /**
   * The names of a paragraph a reader would call names. Left out: one-word names the article capitalises only at
   * the start of a sentence ("Families", "Fire chief…"), shouted all-caps words ("ORRIN"), the outlet in a
   * dateline ("(National Wire)"), and nationality adjectives before a noun ("Pakistani officials").
   */
  names(ref: ParagraphRef): readonly NameMention[] {
    // Kept with the paragraph's features (what they depend on, with its article's other paragraphs, which last as
    // long): no key to build, and an analysis after an edit re-reads only the edited article's.
    const f = this.features(ref);
    let names = RELIABLE_NAMES.get(f);
    if (!names) {
      const midSentence = this.midSentenceKeys(ref.doc);
      const text = this.paragraph(ref).text;
      const outlet = DATELINE.exec(text);
      const outletSpan = outlet ? { start: outlet.index + outlet[0].indexOf('('), end: outlet.index + outlet[0].lastIndexOf(')') + 1 } : null;
      // Title Case lines capitalise every word: a name there counts only if the article's prose gives it too.
      const title = ['headline', 'heading', 'standfirst'].includes(this.paragraph(ref).kind);
      const prose = title ? this.proseNames(ref.doc) : null;
      names = f.names.filter((n) => {
        if (prose && !prose.has(n.keys.join(' '))) return false;
        if (/\p{L}{5,}/u.test(n.text) && n.text === n.text.toUpperCase()) return false;
        if (n.keys.length === 1 && !midSentence.has(n.keys[0]!)) return false;
        if (outletSpan && n.start >= outletSpan.start && n.end <= outletSpan.end) return false;
        return !isDemonym(f, n);
      });
      RELIABLE_NAMES.set(f, names);
    }
    return names;
  }

  /** The names an article's reporting paragraphs give, by their keys ("halden dam"): what its Title Case lines may name. */
  private proseNames(docId: string): ReadonlySet<string> {
    const known = this.prose.get(docId);
    if (known) return known;
    const out = new Set<string>();
    for (const p of this.doc(docId).paragraphs) {
      if (p.kind === 'headline' || p.kind === 'heading' || p.kind === 'standfirst') continue;
      for (const n of this.features({ doc: docId, paragraph: p.index }).names) out.add(n.keys.join(' '));
    }
    this.prose.set(docId, out);
    return out;
  }

  private midSentenceKeys(docId: string): ReadonlySet<string> {
    const known = this.midSentence.get(docId);
    if (known) return known;
    const keys = new Set<string>();
    for (const p of this.doc(docId).paragraphs) {
      if (p.kind === 'headline' || p.kind === 'heading') continue;
      const f = this.features({ doc: docId, paragraph: p.index });
      // A one-word name counts where it stands alone mid-sentence ("…said Solberg"), not as part of a longer name.
      for (const n of f.names) if (n.keys.length === 1 && !f.sentences.some((s) => s.start === n.start) && n.start > 0) keys.add(n.keys[0]!);
    }
    this.midSentence.set(docId, keys);
    return keys;
  }

  /** The sentence of a paragraph that holds an offset of its text (the whole text when it has no sentences). */
  sentenceAt(ref: ParagraphRef, offset: number): TextOffsets {
    const sentences = this.features(ref).sentences;
    const s = sentences.find((x) => offset < x.end) ?? sentences[sentences.length - 1];
    return s ? trimSpan(this.paragraph(ref).text, s) : { start: 0, end: this.paragraph(ref).text.length };
  }

  /** The text a token covers. */
  tokenText(ref: ParagraphRef, t: WordToken): string {
    return this.paragraph(ref).text.slice(t.start, t.end);
  }
}

export function key(ref: ParagraphRef): string {
  return `${ref.doc}#${ref.paragraph}`;
}

/** A dateline: "ORRIN, May 14 (National Wire) -". */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’-]+,[^(\n]{0,40}\([^)]{2,40}\)\s*[-–—]/u;

/**
 * "Pakistani officials", "South Asian security", "South Asian geopolitical dynamics": a nationality or region
 * adjective in front of a noun (past other adjectives) is how a sentence is told, not a person or place it names.
 */
export function isDemonym(f: ParagraphFeatures, n: NameMention): boolean {
  const last = n.text.split(/\s+/).pop()!;
  if (n.keys.length > 2 || !/(?:an|ian|ean|ese|ish|i)$/.test(last)) return false;
  let k = f.tokens.findIndex((t) => t.start >= n.end);
  if (k < 0 || f.tokens[k]!.start - n.end > 1) return false;
  while (f.tokens[k]?.pos === 'ADJ' && f.tokens[k + 1] && f.tokens[k + 1]!.start - f.tokens[k]!.end <= 1) k++;
  return f.tokens[k]?.pos === 'NOUN';
}

/** Each paragraph once, in first-seen order. */
export function uniqueRefs(refs: readonly ParagraphRef[]): ParagraphRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(key(r)) && !!seen.add(key(r)));
}

/** A measure rounded for the report: `digits` decimals. */
export function rounded(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Content lemmas of some tokens. */
export function contentLemmas(tokens: readonly WordToken[]): string[] {
  return tokens.filter((t) => t.content).map((t) => t.lemma);
}

/**
 * Pairs by score, best first, ties in their given order: the same as a stable sort, in linear time for the
 * report's scores (four decimals in [0, 1]: one bucket each; a bucket holding unequal scores is sorted itself).
 */
export function byScoreDescending(pairs: readonly Pair[]): Pair[] {
  const BUCKETS = 10_001;
  const bucketOf = (p: Pair) => Math.min(BUCKETS - 1, Math.max(0, Math.round(p.score * 10_000) || 0));
  const counts = new Int32Array(BUCKETS + 1);
  for (const p of pairs) counts[BUCKETS - bucketOf(p)]!++;
  for (let b = 1; b <= BUCKETS; b++) counts[b]! += counts[b - 1]!;
  // counts[b] is now where bucket b (in descending score order) ends; fill from the starts.
  const starts = new Int32Array(BUCKETS + 1);
  starts.set(counts.subarray(0, BUCKETS), 1);
  const out: Pair[] = new Array(pairs.length);
  const fill = starts.slice();
  for (const p of pairs) out[fill[BUCKETS - bucketOf(p)]!++] = p;
  for (let b = 0; b <= BUCKETS; b++) {
    const from = starts[b]!;
    const to = fill[b]!;
    if (to - from < 2) continue;
    let equal = true;
    for (let k = from + 1; k < to && equal; k++) equal = out[k]!.score === out[from]!.score;
    if (!equal) out.splice(from, to - from, ...out.slice(from, to).sort((x, y) => y.score - x.score));
  }
  return out;
}
