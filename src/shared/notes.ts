/**
 * What the comparison says about one paragraph of one article: the points it carries, who else carries them and
 * who leaves them out, this article's emphasis against the others', wording differences and conflicts touching
 * it. Hover notes, CodeLens and the editor's marks read it. Plain data over a PanelModel, no vscode.
 */
import type { Finding, Paragraph, ParagraphRef, Point, Substitution } from '../core/types';
import { isContent } from './pairLayout';
import type { PanelModel } from './model';

export interface CarrierNote {
  readonly doc: string;
  /** Its paragraphs of the point, in article order. */
  readonly refs: readonly ParagraphRef[];
  readonly share: number;
  readonly inHeadline: boolean;
  readonly inLead: boolean;
  /** It reports another episode of the story. */
  readonly otherEvent: boolean;
}

export interface PointNote {
  readonly point: Point;
  /** This article's emphasis on the point. */
  readonly own: CarrierNote;
  /** The other articles that carry it. */
  readonly others: readonly CarrierNote[];
  /** Articles (other episodes aside) that leave it out. */
  readonly omitters: readonly string[];
  readonly isMain: boolean;
}

/**
 * A paragraph of another article aligned with this one (an accepted pair) though that article carries none of its
 * points: too loose a match to group into a point, or a report of the same facet of the toll in other words.
 */
export interface MatchNote {
  readonly ref: ParagraphRef;
  readonly score: number;
  /** Facets of the human toll both report ("deaths", "injuries", "civilian-harm"); empty for a plain pair. */
  readonly facets: readonly string[];
}

export interface ParagraphNote {
  readonly ref: ParagraphRef;
  readonly paragraph: Paragraph;
  readonly points: readonly PointNote[];
  /** Articles carrying one of its points, this one included. */
  readonly coveredBy: number;
  /** Articles in the comparison. */
  readonly articles: number;
  /** Content nobody else carries (no other article shares any of its points). */
  readonly onlyHere: boolean;
  readonly conflicts: readonly Finding[];
  /**
   * Paragraphs of articles that carry none of its points but are aligned with it (at most one per article: one that
   * reports the same facet of the human toll first, else the best-scored; best first): the alignment pairs them though
   * no point groups them, so those articles do not leave its points out.
   */
  readonly matches: readonly MatchNote[];
  /** Substitutions with this paragraph on one side, as seen from it (`a` is this paragraph's word). */
  readonly wording: readonly Substitution[];
  /** Findings citing this paragraph, other than conflicts (unique, emphasis, wording, another episode). */
  readonly findings: readonly Finding[];
}

const same = (a: ParagraphRef, b: ParagraphRef) => a.doc === b.doc && a.paragraph === b.paragraph;

/** The note of one paragraph, or null for what is not reporting (furniture, byline, caption) or out of range. */
export function paragraphNote(model: PanelModel, ref: ParagraphRef): ParagraphNote | null {
  const paragraph = model.paragraph(ref);
  if (!paragraph || !isContent(paragraph)) return null;
  const carrierNote = (point: Point, doc: string): CarrierNote => {
    const e = model.emphasis(point.id, doc);
    return {
      doc,
      refs: point.members.filter((m) => m.doc === doc),
      share: e?.share ?? 0,
      inHeadline: e?.inHeadline ?? false,
      inLead: e?.inLead ?? false,
      otherEvent: model.otherEvents.has(doc),
    };
  };
  const points = model
    .pointsOf(ref)
    .map((point) => ({
      point,
      own: carrierNote(point, ref.doc),
      others: point.docs.filter((d) => d !== ref.doc).map((d) => carrierNote(point, d)),
      omitters: model.omitters(point).filter((d) => d !== ref.doc),
      isMain: model.analysis.mainPoint === point.id,
    }));
  const carriers = new Set<string>([ref.doc]);
  for (const p of points) for (const o of p.others) carriers.add(o.doc);
  const best = new Map<string, MatchNote>();
  // A report of the same toll beats a better-scored pair about something else.
  const better = (m: MatchNote, than: MatchNote | undefined) => {
    if (!than) return true;
    const [toll, thanToll] = [m.facets.length > 0, than.facets.length > 0];
    return toll !== thanToll ? toll : m.score > than.score;
  };
  for (const pair of model.pairsOf(ref)) {
    const other = same(pair.a, ref) ? pair.b : pair.a;
    if (carriers.has(other.doc)) continue;
    const match = { ref: other, score: pair.score, facets: pair.evidence.sharedFacets ?? [] };
    if (better(match, best.get(other.doc))) best.set(other.doc, match);
  }
  const matches = [...best.values()].sort((x, y) => y.score - x.score);
  const cites = (f: Finding) => f.evidence.some((e) => same(e, ref));
  const wording = model.analysis.substitutions
    .filter((s) => same(s.a, ref) || same(s.b, ref))
    .map((s) => (same(s.a, ref) ? s : { ...s, a: s.b, b: s.a, lemmaA: s.lemmaB, lemmaB: s.lemmaA }));
  return {
    ref,
    paragraph,
    points,
    coveredBy: carriers.size,
    articles: model.docs.length,
    onlyHere: carriers.size === 1 && paragraph.kind !== 'heading',
    conflicts: model.analysis.findings.filter((f) => f.kind === 'conflict' && cites(f)),
    matches,
    wording,
    findings: model.analysis.findings.filter((f) => f.kind !== 'conflict' && cites(f)),
  };
}

/** Every paragraph aligned with this one outside its points reports the same facet of the human toll. */
export function sameToll(note: ParagraphNote): boolean {
  return note.matches.length > 0 && note.matches.every((m) => m.facets.length > 0);
}

/**
 * The CodeLens above a paragraph, in a few words: "covered by 3 of 5 · left out by 2", "only in this article", or,
 * for a paragraph whose point no other article carries but that others' paragraphs are aligned with, "its own point
 * · aligned in 2 others" (it is not only here). Null for a heading with no point of its own.
 */
export function lensTitle(note: ParagraphNote): string | null {
  if (!note.points.length && note.paragraph.kind === 'heading') return null;
  const conflicts = note.conflicts.length ? ` · $(warning) ${note.conflicts.length} conflict${note.conflicts.length > 1 ? 's' : ''}` : '';
  const n = note.matches.length;
  const toll = n ? ` · ${sameToll(note) ? 'the same toll' : 'aligned'} in ${n} other${n > 1 ? 's' : ''}` : '';
  if (note.onlyHere) return `${n && !sameToll(note) ? 'its own point' : 'only in this article'}${toll}${conflicts}`;
  const left = new Set(note.points.flatMap((p) => p.omitters)).size;
  return `covered by ${note.coveredBy} of ${note.articles}${left ? ` · left out by ${left}` : ''}${conflicts}`;
}

/** The paragraph of an article that holds a 0-based line, if any. */
export function paragraphAtLine(model: PanelModel, doc: string, line: number): Paragraph | undefined {
  return model.doc(doc)?.paragraphs.find((p) => line + 1 >= p.startLine && line + 1 <= p.endLine);
}

/** How a note names a facet of the human toll: "both report the deaths". */
export function facetLabel(facet: string): string {
  return FACET_LABELS[facet] ?? facet;
}

const FACET_LABELS: Readonly<Record<string, string>> = { deaths: 'the deaths', injuries: 'the injuries', 'civilian-harm': 'the harm to civilians', shooting: 'the shooting' };
