import { quoted, type ParagraphFeatures } from '../features';
import { baseName } from '../load/format';
import type { ArticleProfile, Emphasis, Finding, Paragraph, ParagraphRef } from '../types';
import { contentLemmas, key, rounded, uniqueRefs, type DetectContext } from './context';

/** Above this many articles, emphasis rows are written only for the articles that carry a point. */
const FULL_GRID_LIMIT = 20;
/** A headline clause belongs to a point when the article's paragraphs of that point carry this much of it. */
const CLAUSE_COVERAGE = 0.6;
/** …and clearly more than they carry of the points the headline already states. */
const CLAUSE_MARGIN = 0.15;

/**
 * How much room each article gives each point: share of its content words, where the point first appears
 * (paragraph, relative position, lead), whether a headline or standfirst carries it, and how much of it is
 * quotation. A paragraph that carries two points spends about half its words on each. Points that several
 * articles carry get a row for every article (share 0, firstParagraph null where it is absent) so views can
 * compare, up to FULL_GRID_LIMIT articles; a point only one article has gets that article's row.
 */
export function measureEmphasis(ctx: DetectContext): Emphasis[] {
  const pointsOf = new Map<string, number>();
  for (const p of ctx.input.points) for (const m of p.members) pointsOf.set(key(m), (pointsOf.get(key(m)) ?? 0) + 1);
  const headlineCarries = headlineClauses(ctx);
  const fullGrid = ctx.documents.length <= FULL_GRID_LIMIT;
  // Per article, once: content paragraphs' ranks and the lead.
  const layout = new Map(
    ctx.documents.map((d) => {
      const content = ctx.contentParagraphs(d.id);
      return [d.id, { rank: new Map(content.map((p, k) => [p.index, k])), last: Math.max(1, content.length - 1), lead: new Set(content.filter(isReporting).slice(0, 2).map((p) => p.index)) }];
    }),
  );
  const out: Emphasis[] = [];
  for (const point of ctx.input.points) {
    const shared = point.docs.length > 1;
    const byDoc = new Map<string, ParagraphRef[]>();
    for (const m of point.members) (byDoc.get(m.doc) ?? byDoc.set(m.doc, []).get(m.doc)!).push(m);
    for (const doc of shared && fullGrid ? ctx.documents : point.docs.map((id) => ctx.doc(id))) {
      const members = byDoc.get(doc.id) ?? [];
      const { rank, last, lead } = layout.get(doc.id)!;
      const paragraphs = members.map((m) => doc.paragraphs[m.paragraph]!);
      let words = 0;
      let quoted = 0;
      for (const p of paragraphs) {
        const split = pointsOf.get(key({ doc: doc.id, paragraph: p.index })) ?? 1;
        words += p.words / split;
        quoted += quotedWords(ctx.features({ doc: doc.id, paragraph: p.index })) / split;
      }
      const first = paragraphs.length ? Math.min(...paragraphs.map((p) => p.index)) : null;
      out.push({
        point: point.id,
        doc: doc.id,
        share: doc.words ? rounded(words / doc.words) : 0,
        firstParagraph: first,
        inHeadline: paragraphs.some(isTitle) || headlineCarries.has(`${point.id}\u0000${doc.id}`),
        inLead: paragraphs.some((p) => lead.has(p.index)),
        position: first === null ? null : rounded((rank.get(first) ?? 0) / last),
        quoteShare: words ? rounded(Math.min(1, quoted / words)) : 0,
      });
    }
  }
  return out;
}

function isTitle(p: Paragraph): boolean {
  return p.kind === 'headline' || p.kind === 'standfirst';
}

function isReporting(p: Paragraph): boolean {
  return p.kind === 'body' || p.kind === 'quote' || p.kind === 'list';
}

function quotedWords(f: ParagraphFeatures): number {
  if (!f.quotes.length) return 0;
  return f.tokens.filter((t) => f.quotes.some((q) => t.start >= q.start && t.end <= q.end)).length;
}


/**
 * Headlines often pack two points into one line ("X backs Y amid Z, W praises V"). Each clause of a headline or
 * standfirst that the article's own paragraphs of another point carry makes that point a headline point too.
 * Returns "point\0doc" keys.
 */
function headlineClauses(ctx: DetectContext): Set<string> {
  const out = new Set<string>();
  // Each article's members per point, in point order, in one pass (not one pass over every point per article).
  const membersOf = new Map<string, Map<string, ParagraphRef[]>>();
  for (const point of ctx.input.points) {
    for (const m of point.members) {
      let byPoint = membersOf.get(m.doc);
      if (!byPoint) membersOf.set(m.doc, (byPoint = new Map()));
      let list = byPoint.get(point.id);
      if (!list) byPoint.set(point.id, (list = []));
      list.push(m);
    }
  }
  for (const doc of ctx.documents) {
    const titles = doc.paragraphs.filter(isTitle);
    if (!titles.length) continue;
    // Lemmas of each point this article carries, from its paragraphs below the headline.
    const lemmasOf = new Map<string, string[]>();
    for (const [id, members] of membersOf.get(doc.id) ?? []) {
      const lemmas: string[] = [];
      for (const m of members) if (!isTitle(doc.paragraphs[m.paragraph]!)) for (const l of ctx.features(m).lemmas) lemmas.push(l);
      if (lemmas.length) lemmasOf.set(id, lemmas);
    }
    for (const title of titles) {
      const ref: ParagraphRef = { doc: doc.id, paragraph: title.index };
      const own = new Set(ctx.pointsOf(ref));
      for (const clause of clauses(title.text, ctx.features(ref))) {
        if (clause.length < 2) continue;
        let ownBest = 0;
        for (const id of own) ownBest = Math.max(ownBest, lemmasOf.has(id) ? ctx.input.words.coverage(clause, lemmasOf.get(id)!) : 0);
        let best: { id: string; coverage: number } | null = null;
        for (const [id, lemmas] of lemmasOf) {
          if (own.has(id)) continue;
          const coverage = ctx.input.words.coverage(clause, lemmas);
          if (!best || coverage > best.coverage) best = { id, coverage };
        }
        if (best && best.coverage >= CLAUSE_COVERAGE && best.coverage >= ownBest + CLAUSE_MARGIN) out.add(`${best.id}\u0000${doc.id}`);
      }
    }
  }
  return out;
}

/** Words that join two clauses of a headline. */
const CLAUSE_BREAK = /[,;:|—–]|\s-\s|\b(?:amid|after|while|despite|following|but|as)\b/giu;

/** The content lemmas of each clause of a headline. */
export function clauses(text: string, f: ParagraphFeatures): string[][] {
  const cuts = [0, ...[...text.matchAll(CLAUSE_BREAK)].map((m) => m.index!), text.length];
  const out: string[][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const tokens = f.tokens.filter((t) => t.start >= cuts[k]! && t.start < cuts[k + 1]!);
    const lemmas = contentLemmas(tokens);
    if (lemmas.length) out.push(lemmas);
  }
  return out;
}

/** A point an article leads with must have this many words there to be worth a finding. */
const MIN_POINT_WORDS = 12;
/** An article dwells on a point or a frame when it spends at least this share of its words on it… */
const DWELL_SHARE = 0.12;
/** …this many times the most any other article spends… */
const DWELL_RATIO = 2.5;
/** …and at least this much more, in share of words. */
const DWELL_MARGIN = 0.08;
/** A point first met this far down an article (relative position) is buried there. */
const BURIED = 0.5;

/**
 * Emphasis findings: an article that leads with a point (headline or lead) that every other article skips or
 * buries; an article that dwells on a point far more than any other; and an article that spends far more of its
 * words on one frame (civilian harm, diplomacy, law…) than the others. Articles about another episode take no
 * part. The main news is what everyone leads with: never a finding. A point no other article carries counts only
 * when it is among the article's unique findings (its words are new to the others, not a missed alignment).
 */
export function emphasisFindings(
  ctx: DetectContext,
  emphasis: readonly Emphasis[],
  profiles: readonly ArticleProfile[],
  otherEvents: ReadonlySet<string>,
  /**
   * Points found to be truly one article's own (see uniqueFindings), with the words that say what only it reports:
   * only these may be "reported by no other", and are quoted by those words.
   */
  unique: ReadonlyMap<string, string>,
): Finding[] {
  const docs = ctx.documents.filter((d) => !otherEvents.has(d.id));
  if (docs.length < 2) return [];
  const rows = new Map(emphasis.map((e) => [`${e.point}\u0000${e.doc}`, e]));
  const row = (point: string, doc: string) => rows.get(`${point}\u0000${doc}`);
  const name = (id: string) => baseName(ctx.doc(id).path);
  const out: Finding[] = [];
  const eligible = new Set(docs.map((d) => d.id));
  for (const point of ctx.input.points) {
    if (point.id === ctx.input.mainPoint) continue;
    // Per point, once: its carriers' rows, how many do not bury it, and the two largest shares.
    const carriers = point.docs.filter((d) => eligible.has(d)).map((d) => row(point.id, d)).filter((e): e is Emphasis => !!e && e.firstParagraph !== null);
    const prominentCount = carriers.filter((e) => e.inHeadline || e.inLead || (e.position ?? 1) < BURIED).length;
    const shares = carriers.map((e) => e.share).sort((a, b) => b - a);
    const absent = docs.length - carriers.length;
    const membersOf = new Map<string, ParagraphRef[]>();
    for (const m of point.members) (membersOf.get(m.doc) ?? membersOf.set(m.doc, []).get(m.doc)!).push(m);
    for (const e of carriers) {
      const x = e.doc;
      const members = membersOf.get(x) ?? [];
      const words = members.reduce((sum, m) => sum + ctx.paragraph(m).words, 0);
      const others = docs.length - 1;
      const label = point.label;
      // It leads with the point (headline or lead), and every other article skips it or first mentions it low down.
      if ((e.inHeadline || e.inLead) && words >= MIN_POINT_WORDS && prominentCount === 1 && others > 0) {
        const buried = carriers.filter((o) => o.doc !== x);
        // "No other article reports it" needs the point to be truly its own, not a paragraph alignment missed.
        if (buried.length || unique.has(point.id)) {
          const where = e.inHeadline ? 'its headline' : 'its lead';
          const buriedNames = buried.map((o) => name(o.doc)).join(', ');
          const mention = buried.length === 1 ? 'mentions' : 'mention';
          const rest =
            !buried.length ? (others === 1 ? 'the other article leaves it out' : 'no other article reports it')
            : absent === 0 ? `${buriedNames} ${mention} it only further down`
            : `${buriedNames} ${mention} it only further down, the others not at all`;
          out.push({
            kind: 'emphasis',
            docs: [x],
            points: [point.id],
            evidence: uniqueRefs([...headlineRefs(ctx, x, e.inHeadline), ...members]),
            text: `${name(x)} puts ${quoted(buried.length ? label : (unique.get(point.id) ?? label))} in ${where}; ${rest}.`,
            weight: rounded(1.5 + (e.inHeadline ? 1 : 0.4) + Math.min(1, e.share * 5)),
            spans: [],
          });
          continue;
        }
      }
      // It dwells on the point: far more of its words than any other article gives it.
      const most = shares[0] === e.share ? (shares[1] ?? 0) : shares[0]!;
      if (carriers.length > 1 && e.share >= DWELL_SHARE && e.share >= DWELL_RATIO * most && e.share - most >= DWELL_MARGIN) {
        const least = absent > 0 ? 0 : Math.min(...carriers.filter((o) => o.doc !== x).map((o) => o.share));
        out.push({
          kind: 'emphasis',
          docs: [x],
          points: [point.id],
          evidence: members,
          text: `${name(x)} spends ${pct(e.share)} of its words on ${quoted(label)}; the others ${range([least, most])}.`,
          weight: rounded(1 + Math.min(1.5, e.share * 5)),
          spans: [],
        });
      }
    }
  }
  // Frames: the angle an article takes, over all its points.
  const frameShare = new Map(profiles.map((p) => [p.doc, new Map(p.frames.map((f) => [f.frame, f]))]));
  const shareOf = (doc: string, frame: string) => frameShare.get(doc)?.get(frame)?.share ?? 0;
  // Per frame, its two largest shares over all articles: "the most any other article spends" without a scan per article.
  const topTwo = new Map<string, { first: number; firstDoc: string | null; second: number }>();
  for (const p of profiles) {
    for (const f of p.frames) {
      if (topTwo.has(f.frame)) continue;
      let first = -Infinity;
      let firstDoc: string | null = null;
      let second = -Infinity;
      for (const d of docs) {
        const share = shareOf(d.id, f.frame);
        if (share > first) {
          second = first;
          first = share;
          firstDoc = d.id;
        } else if (share > second) second = share;
      }
      topTwo.set(f.frame, { first, firstDoc, second });
    }
  }
  for (const x of docs) {
    for (const f of frameShare.get(x.id)?.values() ?? []) {
      const top = topTwo.get(f.frame)!;
      const most = top.firstDoc === x.id ? top.second : top.first;
      if (f.share < DWELL_SHARE || f.share < DWELL_RATIO * most || f.share - most < DWELL_MARGIN || !f.paragraphs.length) continue;
      const otherShares = docs.filter((d) => d.id !== x.id).map((d) => shareOf(d.id, f.frame));
      const evidence = f.paragraphs.map((paragraph) => ({ doc: x.id, paragraph }));
      out.push({
        kind: 'emphasis',
        docs: [x.id],
        points: [...new Set(evidence.flatMap((r) => ctx.pointsOf(r)))],
        evidence,
        text: `${name(x.id)} spends ${pct(f.share)} of its words on ${f.label}; the others ${range(otherShares)}.`,
        weight: rounded(1.5 + Math.min(1.5, f.share * 5)),
        spans: [],
      });
    }
  }
  return out;
}

/** The article's headline and standfirst paragraphs, when the finding is about its headline. */
function headlineRefs(ctx: DetectContext, doc: string, inHeadline: boolean): ParagraphRef[] {
  if (!inHeadline) return [];
  return ctx.doc(doc).paragraphs.filter(isTitle).map((p) => ({ doc, paragraph: p.index }));
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "0–10%", or "3%" when all are alike. */
function range(xs: readonly number[]): string {
  const lo = Math.round(Math.min(...xs) * 100);
  const hi = Math.round(Math.max(...xs) * 100);
  return lo === hi ? `${lo}%` : `${lo}–${hi}%`;
}

