import type { NameMention, ParagraphFeatures, QuoteFeature } from '../features';
import { ATTRIBUTION_VERBS } from '../lexicon/words';

/**
 * The words that identify a name across its variants: "Prime Minister Shehbaz Sharif", "Sharif", "Sharif's"
 * all carry "sharif" (titles and possessives are already gone from the keys); "United States" and "US" share
 * the acronym.
 */
export function identityOf(name: NameMention): string[] {
  const out = [name.keys[name.keys.length - 1]!];
  if (name.acronym) out.push(name.acronym);
  if (name.keys.length === 1 && /^\p{Lu}{2,6}$/u.test(name.keys[0]!)) out.push(name.keys[0]!);
  return out;
}

/** Every identifying key an article's names carry (surnames, single names, acronyms). */
export class NameIndex {
  private readonly keys = new Set<string>();

  add(names: readonly NameMention[]): this {
    for (const n of names) {
      for (const k of n.keys) this.keys.add(k);
      if (n.acronym) this.keys.add(n.acronym);
    }
    return this;
  }

  /** Whether a name is mentioned in any of its variants. */
  has(name: NameMention): boolean {
    return identityOf(name).some((k) => this.keys.has(k));
  }
}

/** A claim credited to a named source: "…, Hooker said", "according to the ministry", "Trump told reporters". */
export interface Attribution {
  /** The source as written. */
  readonly source: NameMention;
  /** Lemma of the reporting verb ("say", "according", "claim"). */
  readonly verb: string;
  readonly sentence: number;
}

/** How far (in words) a reporting verb may sit from its named source. */
const ATTRIBUTION_REACH = 4;

/**
 * Attributions of one paragraph: a reporting verb with a name within a few words of it in the same sentence,
 * and every quotation whose speaker is stated.
 */
export function attributionsOf(f: ParagraphFeatures): Attribution[] {
  const out: Attribution[] = [];
  const tokens = f.tokens;
  tokens.forEach((t, k) => {
    const verb = t.lemma;
    if (!(verb in ATTRIBUTION_VERBS) || (t.pos !== 'VERB' && verb !== 'according')) return;
    const lo = tokens[Math.max(0, k - ATTRIBUTION_REACH)]!.start;
    const hi = tokens[Math.min(tokens.length - 1, k + ATTRIBUTION_REACH)]!.end;
    const near = f.names.filter((n) => n.end > lo && n.start < hi && sentenceOf(f, n.start) === t.sentence);
    // The closest name is the source ("Hooker said", "said Hooker").
    near.sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start));
    if (near[0]) out.push({ source: near[0], verb, sentence: t.sentence });
  });
  return out;
}

/** The quotations of a paragraph that are long enough to be a fact of their own (four words or more). */
export function substantialQuotes(f: ParagraphFeatures): QuoteFeature[] {
  return f.quotes.filter((q) => quoteWords(q.text).length >= 4);
}

/** Lower-case words of a quotation, for comparing two renderings of it. */
export function quoteWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 1);
}

/** Share of the shorter quotation's words that the other has: the same words quoted, however cut. */
export function quoteOverlap(a: string, b: string): number {
  const x = new Set(quoteWords(a));
  const y = new Set(quoteWords(b));
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (!small.size) return 0;
  let hit = 0;
  for (const w of small) if (large.has(w)) hit++;
  return hit / small.size;
}

function sentenceOf(f: ParagraphFeatures, offset: number): number {
  const k = f.sentences.findIndex((s) => offset < s.end);
  return k < 0 ? Math.max(0, f.sentences.length - 1) : k;
}
