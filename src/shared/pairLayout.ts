/**
 * Two articles laid out so their aligned paragraphs face each other: the left article in its own order, each of the
 * right article's paragraphs beside the left paragraph it shares a point with (its best-scored one), and what only
 * one side has beside a placeholder. The diff editor's virtual documents and the panel's pair view both draw this.
 * Plain data, no DOM, no vscode.
 */
import type { Analysis, DocumentReport, Paragraph, ParagraphKind, ParagraphRef } from '../core/types';

export type PairRowKind =
  /** Both sides carry a point they share. */
  | 'aligned'
  /** A further paragraph of the right article facing the same left paragraph (the right outlet split it). */
  | 'continued'
  /** The right article carries this paragraph's point in a paragraph that faces an earlier row (it merges two). */
  | 'merged'
  /** Only the left article has this paragraph's point(s). */
  | 'left-only'
  /** Only the right article has it. */
  | 'right-only';

export interface PairRow {
  readonly kind: PairRowKind;
  /** The left paragraph (for `continued`: the one the row continues). Null for `right-only`. */
  readonly left: ParagraphRef | null;
  /** Null for `left-only`; for `merged`, the right paragraph (shown in another row) that also carries this point. */
  readonly right: ParagraphRef | null;
  /** Points both paragraphs carry (empty unless aligned or continued). */
  readonly points: readonly string[];
}

export interface PairLayout {
  readonly left: DocumentReport;
  readonly right: DocumentReport;
  readonly rows: readonly PairRow[];
}

/** Kinds that are not reporting (never aligned): left out of the layout. */
const NOT_CONTENT: ReadonlySet<ParagraphKind> = new Set(['furniture', 'byline', 'caption']);

function isTitle(p: Paragraph): boolean {
  return p.kind === 'headline' || p.kind === 'standfirst';
}

export function isContent(p: Paragraph): boolean {
  return !NOT_CONTENT.has(p.kind);
}

/** Lays out `left` and `right` (document ids of the analysis) row by row. */
export function layoutPair(analysis: Analysis, left: string, right: string): PairLayout {
  const L = analysis.documents.find((d) => d.id === left);
  const R = analysis.documents.find((d) => d.id === right);
  if (!L || !R) throw new Error(`no article ${!L ? left : right} in this comparison`);
  if (left === right) throw new Error('compare an article with another one');

  const pointsOf = new Map<string, string[]>();
  for (const p of analysis.points) {
    for (const m of p.members) {
      const key = `${m.doc}#${m.paragraph}`;
      (pointsOf.get(key) ?? pointsOf.set(key, []).get(key)!).push(p.id);
    }
  }
  const score = new Map<string, number>();
  for (const pair of analysis.pairs) {
    const [a, b] = pair.a.doc === left ? [pair.a, pair.b] : [pair.b, pair.a];
    if (a.doc === left && b.doc === right) score.set(`${a.paragraph}#${b.paragraph}`, pair.score);
  }
  const shared = (l: number, r: number): string[] => {
    const lp = pointsOf.get(`${left}#${l}`) ?? [];
    const rp = new Set(pointsOf.get(`${right}#${r}`) ?? []);
    return lp.filter((p) => rp.has(p));
  };

  const lefts = L.paragraphs.filter(isContent);
  const rights = R.paragraphs.filter(isContent);
  // Each right paragraph faces the left paragraph it shares a point with, the best-scored pair first, then the
  // earliest (a lead faces a lead).
  const facing = new Map<number, number[]>();
  const unplaced: number[] = [];
  // Where a paragraph stands in its article, 0 (top) to 1 (end).
  const place = (list: readonly Paragraph[]) => new Map(list.map((p, i) => [p.index, list.length > 1 ? i / (list.length - 1) : 0]));
  const leftPlace = place(lefts);
  const rightPlace = place(rights);
  for (const r of rights) {
    let best: { l: number; s: number } | null = null;
    for (const l of lefts) {
      if (!shared(l.index, r.index).length) continue;
      // The pair's own similarity first; then titles face titles, and among paragraphs of one broad point the one
      // at a like place in its article (else a whole article would pile up beside one paragraph).
      const s =
        (score.get(`${l.index}#${r.index}`) ?? 0) + (isTitle(l) === isTitle(r) ? 0.1 : 0) - 0.15 * Math.abs(leftPlace.get(l.index)! - rightPlace.get(r.index)!);
      if (!best || s > best.s) best = { l: l.index, s };
    }
    if (best) (facing.get(best.l) ?? facing.set(best.l, []).get(best.l)!).push(r.index);
    else unplaced.push(r.index);
  }

  const rows: PairRow[] = [];
  for (const l of lefts) {
    const rs = facing.get(l.index);
    if (!rs) {
      const partner = rights.find((r) => shared(l.index, r.index).length);
      rows.push(
        partner
          ? { kind: 'merged', left: { doc: left, paragraph: l.index }, right: { doc: right, paragraph: partner.index }, points: shared(l.index, partner.index) }
          : { kind: 'left-only', left: { doc: left, paragraph: l.index }, right: null, points: [] },
      );
      continue;
    }
    rs.forEach((r, i) =>
      rows.push({ kind: i ? 'continued' : 'aligned', left: { doc: left, paragraph: l.index }, right: { doc: right, paragraph: r }, points: shared(l.index, r) }),
    );
  }
  // What only the right article has goes after the row of its nearest earlier placed paragraph, so it keeps its
  // place in the right article's own telling.
  for (const r of unplaced) {
    let at = 0;
    rows.forEach((row, i) => {
      if (row.right && row.kind !== 'merged' && row.right.paragraph < r) at = i + 1;
    });
    rows.splice(at, 0, { kind: 'right-only', left: null, right: { doc: right, paragraph: r }, points: [] });
  }
  return { left: L, right: R, rows };
}
