/**
 * What the panel shows, read off one Analysis: lookups and the few derived measures the views share (a grid
 * cell's status, an article's coverage of the shared story). Plain functions over plain data, no DOM: the views
 * render it, the unit tests check it.
 */
import { baseName } from '../core/load/format';
import type { Analysis, DocumentReport, Emphasis, Finding, Omission, Pair, Paragraph, ParagraphRef, Point, TextOffsets } from '../core/types';
import type { GridView, PanelSettings } from './protocol';

/** How an article stands to a point in the coverage grid. */
export type CellStatus =
  /** It carries the point. */
  | 'covered'
  /** It carries it in passing: a small share of its words. */
  | 'weak'
  /** It leaves out a point others carry. */
  | 'omitted'
  /**
   * It does not carry the point, but a paragraph of it is aligned with one of the point's (an accepted pair too
   * loose to group it into the point): not left out.
   */
  | 'aligned'
  /** Not counted: the article reports another episode, or only such articles carry the point. */
  | 'outside';

export interface Cell {
  readonly status: CellStatus;
  readonly share: number;
  readonly inHeadline: boolean;
  readonly inLead: boolean;
  /** Its first paragraph of the point when it carries it; when aligned, its first paragraph aligned with the point's. */
  readonly first: ParagraphRef | null;
}

export class PanelModel {
  readonly docs: readonly DocumentReport[];
  readonly points: readonly Point[];
  readonly otherEvents: ReadonlySet<string>;
  private readonly docById: ReadonlyMap<string, DocumentReport>;
  private readonly pointById: ReadonlyMap<string, Point>;
  private readonly emphasisOf = new Map<string, Emphasis>();
  private readonly carriersOf = new Map<string, ReadonlySet<string>>();
  private readonly medianShare = new Map<string, number>();
  /** "d2#5" → the points that paragraph carries, in point order. */
  private readonly pointsByParagraph = new Map<string, Point[]>();
  /** "d2#5" → the accepted pairs it is in (built on first use: only notes ask). */
  private pairsByParagraph: Map<string, Pair[]> | null = null;
  /**
   * Per point and article, its first paragraph of the point; per article, its omissions; per point, its articles'
   * shares summed. Indexed once: the views ask per cell and per article, and a comparison of 500 articles has
   * 58 000 cells and 50 000 omissions.
   */
  private readonly firstMember = new Map<string, ParagraphRef>();
  private readonly omissionsOf = new Map<string, Omission[]>();
  /** Per point, the articles the report says leave it out. */
  private readonly omittersOf = new Map<string, Set<string>>();
  /** Per point (on first use), each non-carrying article's first paragraph aligned with one of the point's. */
  private readonly alignedOf = new Map<string, ReadonlyMap<string, ParagraphRef>>();
  private readonly totalShareOf = new Map<string, number>();
  private sharedPoints: readonly Point[] | null = null;

  constructor(
    readonly analysis: Analysis,
    readonly settings: PanelSettings,
  ) {
    this.docs = analysis.documents;
    this.points = analysis.points;
    this.otherEvents = new Set(analysis.otherEvents);
    this.docById = new Map(analysis.documents.map((d) => [d.id, d]));
    this.pointById = new Map(analysis.points.map((p) => [p.id, p]));
    const shares = new Map<string, number[]>();
    for (const e of analysis.emphasis) {
      this.emphasisOf.set(`${e.point}\u0000${e.doc}`, e);
      this.totalShareOf.set(e.point, (this.totalShareOf.get(e.point) ?? 0) + e.share);
      if (e.share > 0) (shares.get(e.doc) ?? shares.set(e.doc, []).get(e.doc)!).push(e.share);
    }
    for (const [doc, list] of shares) this.medianShare.set(doc, list.sort((a, b) => a - b)[list.length >> 1]!);
    for (const o of analysis.omissions) {
      (this.omissionsOf.get(o.doc) ?? this.omissionsOf.set(o.doc, []).get(o.doc)!).push(o);
      (this.omittersOf.get(o.point) ?? this.omittersOf.set(o.point, new Set()).get(o.point)!).add(o.doc);
    }
    for (const p of analysis.points) {
      this.carriersOf.set(p.id, new Set(p.docs.filter((d) => !this.otherEvents.has(d))));
      for (const m of p.members) {
        const key = `${m.doc}#${m.paragraph}`;
        (this.pointsByParagraph.get(key) ?? this.pointsByParagraph.set(key, []).get(key)!).push(p);
        // Members are ordered by article, then paragraph: the first one met is the article's first.
        const cellKey = `${p.id}\u0000${m.doc}`;
        if (!this.firstMember.has(cellKey)) this.firstMember.set(cellKey, m);
      }
    }
  }

  doc(id: string): DocumentReport | undefined {
    return this.docById.get(id);
  }

  point(id: string): Point | undefined {
    return this.pointById.get(id);
  }

  paragraph(ref: ParagraphRef): Paragraph | undefined {
    return this.docById.get(ref.doc)?.paragraphs[ref.paragraph];
  }

  /** The points a paragraph carries. */
  pointsOf(ref: ParagraphRef): readonly Point[] {
    return this.pointsByParagraph.get(`${ref.doc}#${ref.paragraph}`) ?? [];
  }

  /** The accepted pairs a paragraph is in, in report order. */
  pairsOf(ref: ParagraphRef): readonly Pair[] {
    if (!this.pairsByParagraph) {
      const index = new Map<string, Pair[]>();
      for (const pair of this.analysis.pairs) {
        for (const end of [pair.a, pair.b]) {
          const key = `${end.doc}#${end.paragraph}`;
          (index.get(key) ?? index.set(key, []).get(key)!).push(pair);
        }
      }
      this.pairsByParagraph = index;
    }
    return this.pairsByParagraph.get(`${ref.doc}#${ref.paragraph}`) ?? [];
  }

  /** The first point a paragraph shares with another article, if any: what it is "about" in a placeholder. */
  sharedPointOf(ref: ParagraphRef): Point | undefined {
    return this.pointsOf(ref).find((p) => p.docs.length > 1);
  }

  /** "d2 ¶5" — how the panel names a paragraph; the file and line go in its tooltip. */
  refLabel(ref: ParagraphRef): string {
    return `${ref.doc} ¶${ref.paragraph + 1}`;
  }

  /** "003_1656.txt, line 18". */
  refPlace(ref: ParagraphRef): string {
    const d = this.doc(ref.doc);
    const p = this.paragraph(ref);
    return d && p ? `${fileName(d.path)}, line ${p.startLine}` : this.refLabel(ref);
  }

  /** Articles that carry a point, other episodes aside. */
  carriers(point: Point): ReadonlySet<string> {
    return this.carriersOf.get(point.id) ?? new Set();
  }

  /**
   * Articles that leave out a point others carry, in article order: the report's omissions (other episodes aside,
   * and articles with a paragraph aligned with the point's).
   */
  omitters(point: Point): string[] {
    const omitters = this.omittersOf.get(point.id);
    return omitters ? this.docs.filter((d) => omitters.has(d.id)).map((d) => d.id) : [];
  }

  /** An article's first paragraph aligned with one of a point's, when it does not carry the point itself. */
  alignedWith(point: Point, doc: string): ParagraphRef | undefined {
    let aligned = this.alignedOf.get(point.id);
    if (!aligned) {
      const found = new Map<string, ParagraphRef>();
      const carriers = new Set(point.docs);
      for (const m of point.members) {
        for (const pair of this.pairsOf(m)) {
          const other = pair.a.doc === m.doc && pair.a.paragraph === m.paragraph ? pair.b : pair.a;
          if (carriers.has(other.doc)) continue;
          const known = found.get(other.doc);
          if (!known || other.paragraph < known.paragraph) found.set(other.doc, other);
        }
      }
      this.alignedOf.set(point.id, (aligned = found));
    }
    return aligned.get(doc);
  }

  emphasis(point: string, doc: string): Emphasis | undefined {
    return this.emphasisOf.get(`${point}\u0000${doc}`);
  }

  cell(point: Point, doc: string): Cell {
    const first = this.firstMember.get(`${point.id}\u0000${doc}`) ?? null;
    const e = this.emphasis(point.id, doc);
    const share = e?.share ?? 0;
    const base = { share, inHeadline: e?.inHeadline ?? false, inLead: e?.inLead ?? false, first };
    if (this.otherEvents.has(doc) && !first) return { ...base, status: 'outside' };
    if (first) return { ...base, status: share < this.weakBelow(doc) ? 'weak' : 'covered' };
    if (!this.carriers(point).size) return { ...base, status: 'outside' };
    if (this.omittersOf.get(point.id)?.has(doc)) return { ...base, status: 'omitted' };
    const aligned = this.alignedWith(point, doc);
    return aligned ? { ...base, first: aligned, status: 'aligned' } : { ...base, status: 'outside' };
  }

  /** The sentence where a member paragraph makes a point (Point.excerpts), as offsets; undefined for a non-member. */
  excerptSpan(point: Point, ref: ParagraphRef): TextOffsets | undefined {
    return point.excerpts[point.members.findIndex((m) => m.doc === ref.doc && m.paragraph === ref.paragraph)];
  }

  /** That sentence's text (the paragraph, for a non-member), with "…" before when it does not open the paragraph. */
  excerpt(point: Point, ref: ParagraphRef): string {
    const text = this.paragraph(ref)?.text ?? '';
    const span = this.excerptSpan(point, ref);
    return span ? excerptText(text, span) : text;
  }

  /** The points an article leaves out, in report order. */
  omissions(doc: string): readonly Omission[] {
    return this.omissionsOf.get(doc) ?? [];
  }

  /** The shares of their words all articles spend on a point, summed: how much the coverage weighs it. */
  totalShare(point: string): number {
    return this.totalShareOf.get(point) ?? 0;
  }

  /**
   * Below this share an article covers a point only in passing: the setting's share, or half the article's median
   * share per point when that is smaller (a long article spends less on each point than a short one).
   */
  weakBelow(doc: string): number {
    return Math.min(this.settings.weakShare, (this.medianShare.get(doc) ?? 0) / 2);
  }

  /** The points the grid lists, in the chosen order. */
  gridRows(view: GridView, filter: string): Point[] {
    const wanted = filter.trim().toLowerCase();
    let rows = this.points.filter((p) => (view.rows === 'all' ? true : p.docs.length > 1));
    if (wanted) rows = rows.filter((p) => p.label.toLowerCase().includes(wanted) || p.members.some((m) => this.paragraph(m)?.text.toLowerCase().includes(wanted)));
    if (view.sort === 'carried') rows = [...rows].sort((a, b) => this.carriers(b).size - this.carriers(a).size || order(a, b));
    if (view.sort === 'omitted') rows = [...rows].sort((a, b) => this.omitters(b).length - this.omitters(a).length || order(a, b));
    return rows;
  }

  /** An article's coverage of the shared story: shared points (other episodes aside) it carries, of all of them. */
  coverage(doc: string): { covered: number; total: number } {
    const shared = (this.sharedPoints ??= this.points.filter((p) => this.carriers(p).size > 1));
    return { covered: shared.filter((p) => this.firstMember.has(`${p.id}\u0000${doc}`)).length, total: shared.length };
  }

  findings(kinds: readonly string[], filter: string): Finding[] {
    const wanted = filter.trim().toLowerCase();
    return this.analysis.findings.filter(
      (f) => (!kinds.length || kinds.includes(f.kind)) && (!wanted || f.text.toLowerCase().includes(wanted) || f.evidence.some((e) => this.paragraph(e)?.text.toLowerCase().includes(wanted))),
    );
  }

  /** Flags shown beside an article in the overview. */
  flags(doc: string): string[] {
    const out: string[] = [];
    if (this.otherEvents.has(doc)) out.push('another episode');
    const conflicts = this.analysis.findings.filter((f) => f.kind === 'conflict' && f.docs.includes(doc)).length;
    if (conflicts) out.push(`${conflicts} conflict${conflicts === 1 ? '' : 's'}`);
    const unique = this.analysis.findings.filter((f) => f.kind === 'unique' && f.docs[0] === doc).length;
    if (unique) out.push(`${unique} only here`);
    return out;
  }
}

/** A sentence of a paragraph, with "…" before when it does not open the paragraph. */
export function excerptText(text: string, span: TextOffsets): string {
  return `${span.start > 0 ? '…' : ''}${text.slice(span.start, span.end)}`;
}

function order(a: Point, b: Point): number {
  return Number(a.id.slice(1)) - Number(b.id.slice(1));
}

/** The last path segment (the core's own reading of a path, so the panel and the reports name files alike). */
export const fileName = baseName;

/** A file's name without its extension ("daily-herald" for …/daily-herald.txt): how a column names its outlet. */
export function shortName(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The finding kinds, in the order the panel offers them, with the names it shows. */
export const FINDING_KINDS: readonly { readonly kind: Finding['kind']; readonly label: string }[] = [
  { kind: 'different-event', label: 'Another episode' },
  { kind: 'conflict', label: 'Conflict' },
  { kind: 'emphasis', label: 'Emphasis' },
  { kind: 'unique', label: 'Only here' },
  { kind: 'wording', label: 'Wording' },
];
