import { EMPTY_FEATURES, type NameMention, type NumberFeature, type ParagraphFeatures } from '../features';
import type { Emphasis, MissingFact, Omission, ParagraphRef, Point, TextOffsets } from '../types';
import { ID_ORDER, rounded, TEXT_ORDER, type DetectContext } from './context';
import { attributionsOf, identityOf, NameIndex, quoteOverlap, substantialQuotes } from './facts';

/** Two renderings of a quotation are the same quote when the shorter's words are this much in the longer. */
export const SAME_QUOTE = 0.6;
/** Up to this many carriers, a fact one of them gives counts; above, it must be given by MANY_CARRIERS_SHARE of the others. */
const FEW_CARRIERS = 10;
const MANY_CARRIERS_SHARE = 0.2;
/** Number types that are facts of the story (dates and ordinals are how it is told, not what it reports). */
const FACT_NUMBERS: ReadonlySet<NumberFeature['type']> = new Set(['count', 'money', 'percent', 'duration']);

/**
 * Every article that does not carry a point others carry omits it — unless a paragraph of it is aligned with one of
 * the point's (an accepted pair): points group only what is close enough to be one point, and a paragraph aligned
 * with one of the point's is not missing from the article, whatever group it landed in (so the omissions agree with
 * the pairs, as EVAL.md reads a report's claims: seeds 0.47 → 0.70 F1 for the omissions listed). The source is the
 * point's most prominent carrier (largest share of words, then earliest). Omissions are ranked by how many articles
 * carry the point and how prominently (headline, lead, share). Articles about another episode are left out, as
 * carriers and as omitters: what only they report is not missing from the rest.
 */
export function findOmissions(ctx: DetectContext, emphasis: readonly Emphasis[], otherEvents: ReadonlySet<string>): Omission[] {
  const rows = new Map<string, Emphasis>();
  for (const e of emphasis) rows.set(`${e.point}\u0000${e.doc}`, e);
  const eligible = ctx.documents.filter((d) => !otherEvents.has(d.id));
  const out: Omission[] = [];
  for (const point of ctx.input.points) {
    const carriers = point.docs.filter((d) => !otherEvents.has(d));
    if (!carriers.length) continue;
    const source = mostProminent(point, carriers, rows);
    let prominence = 0;
    for (const d of carriers) {
      const e = rows.get(`${point.id}\u0000${d}`);
      if (e) prominence = Math.max(prominence, Math.min(1, e.share * 4) + (e.inHeadline ? 0.5 : 0) + (e.inLead ? 0.3 : 0));
    }
    const weight = rounded(carriers.length / Math.max(1, eligible.length - 1) + prominence / 2, 3);
    const excerpt = excerptOf(ctx, point, source);
    const aligned = alignedArticles(ctx, point);
    for (const doc of eligible) {
      if (!point.docs.includes(doc.id) && !aligned.has(doc.id)) out.push({ doc: doc.id, point: point.id, source, excerpt, carriers: carriers.length, weight });
    }
  }
  return out.sort((a, b) => b.weight - a.weight || TEXT_ORDER.compare(a.doc, b.doc) || ID_ORDER.compare(a.point, b.point));
}

/** The articles with a paragraph aligned with one of the point's (an accepted pair), carriers aside. */
function alignedArticles(ctx: DetectContext, point: Point): Set<string> {
  const carriers = new Set(point.docs);
  const out = new Set<string>();
  for (const m of point.members) for (const other of ctx.alignedWith(m)) if (!carriers.has(other.doc)) out.add(other.doc);
  return out;
}

function mostProminent(point: Point, carriers: readonly string[], rows: ReadonlyMap<string, Emphasis>): ParagraphRef {
  let best: Emphasis | undefined;
  for (const doc of carriers) {
    const e = rows.get(`${point.id}\u0000${doc}`);
    if (!e || e.firstParagraph === null) continue;
    if (!best || e.share > best.share || (e.share === best.share && e.firstParagraph < best.firstParagraph!)) best = e;
  }
  if (best) return { doc: best.doc, paragraph: best.firstParagraph! };
  return point.members.find((m) => carriers.includes(m.doc)) ?? point.members[0]!;
}

/** A fact a paragraph states: what it is, how to tell it is the same elsewhere, and how to show it. */
interface Candidate {
  readonly kind: MissingFact['kind'];
  readonly identity: string;
  readonly text: string;
  readonly speaker: string | null;
  readonly name?: NameMention;
  readonly number?: NumberFeature;
  /** Where it starts in its paragraph's text. */
  readonly at: number;
}

/** Each paragraph's facts, kept with its features: they depend on it and its article's names alone. */
const factCache = new WeakMap<ParagraphFeatures, Candidate[]>();

/**
 * A number as a reader would quote it: with the noun it counts, as written ("three valley towns", "forty
 * volunteers"); a percentage or a sum already says its unit ("8 percent", "$5 million").
 */
function asQuoted(num: NumberFeature, text: string): string {
  return num.countedEnd > num.end ? text.slice(num.start, num.countedEnd) : num.text;
}

/** The facts of one paragraph (read once while its article is unchanged). */
function factsOf(ctx: DetectContext, m: ParagraphRef): Candidate[] {
  const known = factCache.get(ctx.features(m));
  if (known) return known;
  const f = ctx.features(m);
  const out: Candidate[] = [];
  const reliable = ctx.names(m);
  for (const n of reliable) out.push({ kind: 'name', identity: identityOf(n)[0]!, text: n.text, speaker: null, name: n, at: n.start });
  for (const num of f.numbers) {
    // "one of the tanks" and bare numbers with nothing counted are how a sentence runs, not facts.
    if (!FACT_NUMBERS.has(num.type) || !num.unit || num.value === null || num.value <= 1) continue;
    out.push({ kind: 'number', identity: num.key, text: asQuoted(num, ctx.paragraph(m).text), speaker: null, number: num, at: num.start });
  }
  for (const q of substantialQuotes(f)) out.push({ kind: 'quote', identity: q.text.slice(0, 40).toLowerCase(), text: q.text, speaker: q.speaker, at: q.start });
  const trusted = new Set(reliable);
  for (const a of attributionsOf(f)) {
    if (trusted.has(a.source)) out.push({ kind: 'attribution', identity: identityOf(a.source)[0]!, text: a.source.text, speaker: a.source.text, name: a.source, at: a.source.start });
  }
  if (f !== EMPTY_FEATURES) factCache.set(f, out);
  return out;
}

/** The sentence of a member paragraph that states a fact: where its text occurs, else where it makes the point. */
function sentenceStating(ctx: DetectContext, ref: ParagraphRef, fact: string, point: Point): TextOffsets {
  const at = ctx.paragraph(ref).text.indexOf(fact);
  return at >= 0 ? ctx.sentenceAt(ref, at) : excerptOf(ctx, point, ref);
}

/** Where a member paragraph makes the point (Point.excerpts); a paragraph that is no member, whole. */
function excerptOf(ctx: DetectContext, point: Point, ref: ParagraphRef): TextOffsets {
  const k = point.members.findIndex((m) => m.doc === ref.doc && m.paragraph === ref.paragraph);
  return point.excerpts[k] ?? { start: 0, end: ctx.paragraph(ref).text.length };
}

/**
 * Inside the points an article does carry, the facts it drops: names (in any variant), numbers, quotations and
 * the sources others credit. A fact counts as dropped only if the article has it nowhere (a name or quote it
 * gives elsewhere is not missing; a different number for the same thing is a conflict, not an omission).
 */
export function findMissingFacts(ctx: DetectContext, otherEvents: ReadonlySet<string>): MissingFact[] {
  // What each article has anywhere: names (any variant), numbers (by key, value, unit) and quotations.
  const holdings = new Map(
    ctx.documents.map((d) => {
      const names = new NameIndex();
      const quotes: string[] = [];
      const numberKeys = new Set<string>();
      const numberValues = new Set<number>();
      const numberUnits = new Set<string>();
      for (const p of d.paragraphs) {
        const f = ctx.features({ doc: d.id, paragraph: p.index });
        names.add(f.names);
        quotes.push(...f.quotes.map((x) => x.text));
        for (const n of f.numbers) {
          numberKeys.add(n.key);
          if (n.value !== null) numberValues.add(n.value);
          numberUnits.add(`${n.type}:${n.unit}`);
        }
      }
      return [d.id, { names, quotes, numberKeys, numberValues, numberUnits }];
    }),
  );

  const out = new Map<string, MissingFact>();
  /** One entry per article, point and fact, with how many articles state it (not who: that is an O(N) set each). */
  const note = (fact: Omit<MissingFact, 'carriers' | 'excerpt'> & { excerpt: () => TextOffsets }, identity: string, carriers: number) => {
    const k = `${fact.doc}\u0000${fact.point}\u0000${fact.kind}\u0000${identity}`;
    if (!out.has(k)) out.set(k, { ...fact, excerpt: fact.excerpt(), carriers });
  };

  for (const point of ctx.input.points) {
    const carriers = point.docs.filter((d) => !otherEvents.has(d));
    if (carriers.length < 2) continue;
    // The point's distinct facts, each with the articles that state it and where it is first stated.
    const facts = new Map<string, { fact: Candidate; source: ParagraphRef; docs: Set<string> }>();
    for (const m of point.members) {
      if (otherEvents.has(m.doc)) continue;
      for (const fact of factsOf(ctx, m)) {
        const id = `${fact.kind}\u0000${fact.identity}`;
        const known = facts.get(id);
        if (known) known.docs.add(m.doc);
        else facts.set(id, { fact, source: m, docs: new Set([m.doc]) });
      }
    }
    // Among many carriers, a fact only one or two of them give is not something "the others" carry.
    const enough = carriers.length > FEW_CARRIERS ? Math.ceil(MANY_CARRIERS_SHARE * (carriers.length - 1)) : 1;
    // An article missing a fact is not among those stating it, so only facts stated by `enough` articles can count.
    const common = [...facts.values()].filter((f) => f.docs.size >= enough);
    if (!common.length) continue;
    for (const doc of carriers) {
      const has = holdings.get(doc)!;
      for (const { fact, source, docs } of common) {
        if (docs.has(doc)) continue;
        if (fact.kind === 'name' || fact.kind === 'attribution') {
          if (has.names.has(fact.name!)) continue;
        } else if (fact.kind === 'number') {
          const num = fact.number!;
          // The same quantity anywhere (in any words), or a number of the same unit (a conflict, not an omission).
          if (has.numberKeys.has(num.key) || has.numberValues.has(num.value!) || has.numberUnits.has(`${num.type}:${num.unit}`)) continue;
        } else if (has.quotes.some((x) => quoteOverlap(x, fact.text) >= SAME_QUOTE)) continue;
        const src = docs.has(source.doc) && source.doc !== doc ? source : point.members.find((m) => m.doc !== doc && docs.has(m.doc))!;
        const excerpt = () => (src === source ? ctx.sentenceAt(src, fact.at) : sentenceStating(ctx, src, fact.text, point));
        note({ doc, point: point.id, kind: fact.kind, text: fact.text, speaker: fact.speaker, source: src, excerpt }, fact.identity, docs.size);
      }
    }
  }
  // A source named in an attribution is one fact: keep it as the attribution, not also as a bare name; and a fact
  // missing from two points of an article is reported once, under the point where most articles give it. A quotation
  // is the same fact in any punctuation ("…it is an alarm," Brandt said / "…it is an alarm.").
  const ranked = [...out.values()].sort((a, b) => b.carriers - a.carriers || TEXT_ORDER.compare(a.doc, b.doc) || ID_ORDER.compare(a.point, b.point));
  const seen = new Set<string>();
  const quotesOf = new Map<string, string[]>();
  const facts = ranked.filter((f) => {
    const k = `${f.doc}\u0000${f.kind}\u0000${f.text.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    if (f.kind !== 'quote') return true;
    const quotes = quotesOf.get(f.doc) ?? quotesOf.set(f.doc, []).get(f.doc)!;
    if (quotes.some((q) => quoteOverlap(q, f.text) >= SAME_QUOTE)) return false;
    quotes.push(f.text);
    return true;
  });
  const attributed = new Set(facts.filter((f) => f.kind === 'attribution').map((f) => `${f.doc}\u0000${f.point}\u0000${f.text}`));
  return facts.filter((f) => f.kind !== 'name' || !attributed.has(`${f.doc}\u0000${f.point}\u0000${f.text}`));
}

