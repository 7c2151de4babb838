import { balanceQuotes, type ParagraphFeatures } from '../features';
import { baseName } from '../load/format';
import type { Emphasis, Finding, ParagraphRef, Point, TextRange } from '../types';
import { key, rounded, type DetectContext } from './context';
import type { OtherEvent } from './events';
import { identityOf, NameIndex, quoteOverlap, substantialQuotes } from './facts';
import { SAME_QUOTE } from './omissions';

/** A point one article carries in fewer words than this is too slight to report as unique. */
const MIN_UNIQUE_WORDS = 12;

/** Articles that report another episode: the first thing a reader should know. */
export function otherEventFindings(ctx: DetectContext, events: readonly OtherEvent[]): Finding[] {
  return events.map((e) => {
    const name = baseName(ctx.doc(e.doc).path);
    const shown = e.coordinates.slice(0, 5).map((c) => `“${c}”`).join(', ');
    return {
      kind: 'different-event',
      docs: [e.doc],
      points: [],
      evidence: e.evidence,
      text:
        `${name} reports another episode of the story: it opens on ${shown}, which no other article mentions, and only ` +
        `${Math.round(e.sharedShare * 100)}% of its words report points the others carry (the others: ${Math.round(e.othersSharedShare * 100)}%). ` +
        `What only it reports is not counted as missing from the rest.`,
      weight: 10,
      spans: [],
    };
  });
}

/** Sentences shorter than this (in content words) are too slight to say something of their own. */
const MIN_SENTENCE_LEMMAS = 5;
/** Up to this many articles, "only one reports" is judged sentence by sentence; above, by the point's best match. */
const SENTENCE_LEVEL_LIMIT = 12;
/** Unique findings kept per article (the best first; the coverage grid shows every point). */
const UNIQUE_PER_ARTICLE = 5;
/** Candidates of one thread lie within this many paragraphs of each other. */
const THREAD_REACH = 3;
/** A sentence of an aligned paragraph must be this much more novel than a point of its own. */
const ALIGNED_PENALTY = 0.1;
/** A candidate must reach this score (novelty, plus a tenth per fact no other article has). */
const MIN_UNIQUE_SCORE = 0.4;

/**
 * What only one article reports (when three or more are compared, so "only one" means something; an article
 * about another episode is left out). A candidate is a point only that article carries, or — since one
 * paragraph may carry two points — a sentence of a shared paragraph that says something else. It is scored by
 * its novelty (the share of its rarer words that no other article has, even in other words) and by the facts
 * (names, numbers, quotations) no other article has; each article's best few are reported.
 */
export function uniqueFindings(ctx: DetectContext, emphasis: readonly Emphasis[], otherEvents: ReadonlySet<string>): UniqueFindings {
  const docs = ctx.documents;
  if (docs.length < 3) return { findings: [], labels: new Map() };
  const rows = new Map(emphasis.map((e) => [`${e.point}\u0000${e.doc}`, e]));
  const words = ctx.input.words;
  const sentenceLevel = docs.length <= SENTENCE_LEVEL_LIMIT;
  // Each sentence is read against each other article's vocabulary: novel is what the best-informed other lacks.
  const vocabularies = sentenceLevel ? new Map(docs.map((d) => [d.id, words.termSet(d.paragraphs.flatMap((p) => ctx.features({ doc: d.id, paragraph: p.index }).lemmas))])) : null;
  const facts = new FactIndex(ctx);
  /** 1 − the most any other article carries of these lemmas (in any words). */
  const novelty = (docId: string, lemmas: readonly string[]) => {
    let most = 0;
    for (const [id, vocabulary] of vocabularies!) if (id !== docId) most = Math.max(most, words.coverage(lemmas, vocabulary));
    return 1 - most;
  };
  /** Does any other article carry this lemma, in these words or close ones? */
  const elsewhere = (docId: string, lemma: string) => {
    for (const [id, vocabulary] of vocabularies!) if (id !== docId && words.coverage([lemma], vocabulary) >= CARRIED_WORD) return true;
    return false;
  };

  interface Candidate {
    readonly doc: string;
    readonly points: string[];
    readonly evidence: ParagraphRef[];
    readonly spans: TextRange[];
    /** Its label, made only for the candidates reported. */
    readonly label: () => string;
    readonly score: number;
    readonly inHeadline: boolean;
    /** Facts only this article has (names by identity), which tie candidates about one story thread together. */
    readonly facts: readonly string[];
  }
  const candidates: Candidate[] = [];
  const seenParagraphs = new Set<string>();
  // A paragraph more likely than not aligned with another article's (a pair the model is confident in) is not
  // wholly its own, whatever its point says: only a sentence of it can be.
  const aligned = new Set<string>();
  for (const p of ctx.input.pairs) {
    if (p.confidence < 0.5) continue;
    aligned.add(key(p.a));
    aligned.add(key(p.b));
  }
  for (const point of ctx.input.points) {
    if (point.docs.length !== 1 || otherEvents.has(point.docs[0]!)) continue;
    if (point.members.some((m) => aligned.has(key(m)))) continue;
    const doc = ctx.doc(point.docs[0]!);
    const wordCount = point.members.reduce((sum, m) => sum + doc.paragraphs[m.paragraph]!.words, 0);
    if (wordCount < MIN_UNIQUE_WORDS) continue;
    for (const m of point.members) seenParagraphs.add(key(m));
    const best = sentenceLevel ? bestSentence(ctx, point.members, novelty) : null;
    const nov = best ? best.novelty : 1 - Math.max(...point.members.map((m) => ctx.input.bestMatch(m)));
    const e = rows.get(`${point.id}\u0000${doc.id}`);
    const own = facts.novel(doc.id, point.members);
    candidates.push({
      doc: doc.id,
      points: [point.id],
      evidence: [...point.members],
      spans: best ? [best.span] : [],
      // What is new in its most novel sentence (a paragraph may open on what the others say too).
      label: () => (best ? novelStretch(ctx.features(best.span), best.span, (lemma) => elsewhere(doc.id, lemma)) : point.label),
      score: nov + 0.1 * Math.min(3, own.length) + (e?.inHeadline ? 0.1 : 0),
      inHeadline: !!e?.inHeadline,
      facts: own,
    });
  }
  // Sentences of shared paragraphs that say something no other article does.
  if (sentenceLevel) {
    for (const d of docs) {
      if (otherEvents.has(d.id)) continue;
      for (const p of ctx.contentParagraphs(d.id)) {
        const ref = { doc: d.id, paragraph: p.index };
        if (seenParagraphs.has(key(ref)) || !aligned.has(key(ref)) || p.kind === 'headline' || p.kind === 'standfirst') continue;
        const best = bestSentence(ctx, [ref], novelty);
        if (!best) continue;
        const own = facts.novel(d.id, [ref], best.span);
        candidates.push({
          doc: d.id,
          // The paragraph's points that only this article carries are what the sentence is about.
          points: ctx.pointsOf(ref).filter((id) => ctx.pointById.get(id)!.docs.length === 1),
          evidence: [ref],
          spans: [best.span],
          // Most of the sentence may be shared ("Many spent the night in the sports hall, where volunteers handed
          // out blankets"): the label is the stretch of it the others do not have.
          label: () => novelStretch(ctx.features(ref), best.span, (lemma) => elsewhere(d.id, lemma)),
          // Within an aligned paragraph the bar is higher: most of it is shared.
          score: best.novelty + 0.1 * Math.min(3, own.length) - ALIGNED_PENALTY,
          inHeadline: false,
          facts: own,
        });
      }
    }
  }
  const out: Finding[] = [];
  const labels = new Map<string, string>();
  for (const d of docs) {
    const mine = threads(candidates.filter((c) => c.doc === d.id && c.score >= MIN_UNIQUE_SCORE))
      .sort((a, b) => b.score - a.score)
      .slice(0, UNIQUE_PER_ARTICLE);
    for (const c of mine) {
      const label = c.label();
      for (const id of c.points) {
        const point = ctx.pointById.get(id)!;
        // (In a large set a point's finding is its label: no sentence was read against the others.)
        if (!labels.has(id)) labels.set(id, !sentenceLevel || saysSomethingNew(ctx, point, (lemma) => elsewhere(d.id, lemma)) ? point.label : label);
      }
      out.push({
        kind: 'unique',
        docs: [d.id],
        points: c.points,
        evidence: c.evidence,
        text: `Only ${baseName(d.path)} reports: ${sentence(label + (c.inHeadline ? ' (in its headline)' : ''))}`,
        weight: rounded(1 + c.score, 3),
        spans: c.spans,
      });
    }
  }
  return { findings: out, labels };
}

/**
 * The unique findings, and each point they report with the words that say it: its label, or — when the label says
 * little that is new (how the paragraph opens, on what the others report too) — the finding's words.
 */
export interface UniqueFindings {
  readonly findings: Finding[];
  readonly labels: ReadonlyMap<string, string>;
}

/** A label with this many content words no other article has says something new. */
const NEW_LABEL_WORDS = 2;

/** Does the point's label (a stretch of one of its members) hold content words no other article carries? */
function saysSomethingNew(ctx: DetectContext, point: Point, carried: (lemma: string) => boolean): boolean {
  const core = point.label.replace(/^…|…$/g, '');
  for (const m of point.members) {
    const at = ctx.paragraph(m).text.indexOf(core);
    if (at < 0) continue;
    let fresh = 0;
    for (const t of ctx.features(m).tokens) if (t.content && t.start >= at && t.end <= at + core.length && !carried(t.lemma)) fresh++;
    return fresh >= NEW_LABEL_WORDS;
  }
  return true;
}

/**
 * Nearby candidates that share a name only this article has are one thread of its own story ("Trump
 * praised…", "Trump named…"): merged, led by the best-scored, so a thread takes one place among the findings.
 */
function threads<T extends { evidence: ParagraphRef[]; spans: TextRange[]; points: string[]; facts: readonly string[]; score: number }>(list: T[]): T[] {
  const sorted = [...list].sort((a, b) => b.score - a.score);
  const out: T[] = [];
  for (const c of sorted) {
    const names = c.facts.filter((f) => f.startsWith('name:'));
    const near = (t: T) => t.evidence.some((x) => c.evidence.some((y) => Math.abs(x.paragraph - y.paragraph) <= THREAD_REACH));
    const thread = out.find((t) => near(t) && names.some((n) => t.facts.includes(n)));
    if (!thread) {
      out.push({ ...c, evidence: [...c.evidence], spans: [...c.spans], points: [...c.points] });
      continue;
    }
    for (const e of c.evidence) if (!thread.evidence.some((x) => x.doc === e.doc && x.paragraph === e.paragraph)) thread.evidence.push(e);
    thread.spans.push(...c.spans);
    for (const p of c.points) if (!thread.points.includes(p)) thread.points.push(p);
    (thread as { facts: readonly string[] }).facts = [...new Set([...thread.facts, ...c.facts])];
  }
  for (const t of out) t.evidence.sort((a, b) => a.paragraph - b.paragraph);
  return out;
}

/** The most novel sentence of some paragraphs (of one article), long enough to judge. */
function bestSentence(
  ctx: DetectContext,
  refs: readonly ParagraphRef[],
  novelty: (doc: string, lemmas: readonly string[]) => number,
): { novelty: number; span: TextRange } | null {
  let best: { novelty: number; span: TextRange } | null = null;
  for (const ref of refs) {
    const f = ctx.features(ref);
    const text = ctx.paragraph(ref).text;
    // Names count as facts (below), not as novelty: a new name in a shared sentence does not make it new.
    const bySentence: string[][] = f.sentences.map(() => []);
    for (const t of f.tokens) if (t.content && t.pos !== 'PROPN') bySentence[t.sentence]?.push(t.lemma);
    f.sentences.forEach((s, k) => {
      const lemmas = bySentence[k]!;
      if (lemmas.length < MIN_SENTENCE_LEMMAS) return;
      const n = novelty(ref.doc, lemmas);
      if (!best || n > best.novelty) best = { novelty: n, span: { ...ref, start: s.start, end: s.end, text: text.slice(s.start, s.end) } };
    });
  }
  return best;
}

/** The names, numbers and quotations of each article, to tell which facts only one article has. */
class FactIndex {
  private readonly names = new Map<string, NameIndex>();
  private readonly numbers = new Map<string, Set<string>>();
  private readonly quotes = new Map<string, string[]>();

  constructor(private readonly ctx: DetectContext) {
    for (const d of ctx.documents) {
      const names = new NameIndex();
      const numbers = new Set<string>();
      const quotes: string[] = [];
      for (const p of d.paragraphs) {
        const f = ctx.features({ doc: d.id, paragraph: p.index });
        names.add(f.names);
        for (const n of f.numbers) numbers.add(n.key);
        quotes.push(...f.quotes.map((q) => q.text));
      }
      this.names.set(d.id, names);
      this.numbers.set(d.id, numbers);
      this.quotes.set(d.id, quotes);
    }
  }

  /** Facts of these paragraphs (within `span`, when given) that no other article has, by identity. */
  novel(docId: string, refs: readonly ParagraphRef[], span?: TextRange): string[] {
    const others = this.ctx.documents.filter((d) => d.id !== docId).map((d) => d.id);
    const inside = (x: { start: number; end: number }) => !span || (x.start >= span.start && x.end <= span.end);
    const out = new Set<string>();
    for (const ref of refs) {
      const f = this.ctx.features(ref);
      for (const n of this.ctx.names(ref)) if (inside(n) && !others.some((o) => this.names.get(o)!.has(n))) out.add(`name:${identityOf(n)[0]}`);
      for (const n of f.numbers) {
        if (inside(n) && n.unit && (n.value ?? 0) > 1 && n.type !== 'date' && n.type !== 'ordinal' && !others.some((o) => this.numbers.get(o)!.has(n.key))) out.add(`number:${n.key}`);
      }
      for (const q of substantialQuotes(f)) if (inside(q) && !others.some((o) => this.quotes.get(o)!.some((x) => quoteOverlap(x, q.text) >= SAME_QUOTE))) out.add(`quote:${q.text.slice(0, 40)}`);
    }
    return [...out];
  }
}

/** Words in a unique finding's label. */
const LABEL_WORDS = 12;
/** A word another article has at least this similar (1 = the same lemma) is not new. */
const CARRIED_WORD = 0.75;

/**
 * The label of a sentence that says something new inside a shared paragraph: the window of at most LABEL_WORDS of
 * its words with the most content words no other article has (the earliest within one word of the most, so that a
 * sentence new throughout keeps its subject), marked with … where cut.
 */
function novelStretch(f: ParagraphFeatures, span: TextRange, carried: (lemma: string) => boolean): string {
  const pieces = [...span.text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: span.start + m.index, end: span.start + m.index + m[0].length }));
  if (pieces.length <= LABEL_WORDS) return balanceQuotes(span.text.trim().replace(/[.]+$/, ''));
  const isNew = pieces.map(() => 0);
  let k = 0;
  for (const t of f.tokens) {
    if (t.start < span.start || t.end > span.end || !t.content) continue;
    while (k < pieces.length - 1 && pieces[k]!.end <= t.start) k++;
    if (!carried(t.lemma)) isNew[k] = 1;
  }
  const counts: number[] = [];
  for (let i = 0; i + LABEL_WORDS <= pieces.length; i++) {
    let n = 0;
    for (let j = i; j < i + LABEL_WORDS; j++) n += isNew[j]!;
    counts.push(n);
  }
  // The sentence's own opening (its subject) unless a later stretch holds clearly more that is new.
  const most = Math.max(...counts);
  const best = counts.findIndex((n) => n >= most - 1);
  const stretch = pieces.slice(best, best + LABEL_WORDS).map((p) => p.word).join(' ').replace(/[\s,;:—–-]+$/u, '');
  const cutEnd = best + LABEL_WORDS < pieces.length;
  return balanceQuotes(`${best > 0 ? '…' : ''}${cutEnd ? stretch : stretch.replace(/[.]+$/, '')}${cutEnd ? '…' : ''}`);
}

/** A label as the end of a sentence: closed with a full stop unless it already ends in punctuation or a quotation. */
function sentence(label: string): string {
  return /[.!?…]["”’)]*$|["”]$/u.test(label) ? label : `${label}.`;
}
