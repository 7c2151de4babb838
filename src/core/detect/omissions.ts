import type { DocumentReport, Emphasis, Omission, ParagraphRef, Point } from '../types';

/**
 * Every article that does not carry a point omits it; the source is the point's most prominent carrier:
 * the article giving it the largest share of words (earlier first paragraph on a tie), at its first paragraph.
 */
export function findOmissions(points: readonly Point[], documents: readonly DocumentReport[], emphasis: readonly Emphasis[]): Omission[] {
  const rows = new Map<string, Emphasis>();
  for (const e of emphasis) rows.set(`${e.point}\u0000${e.doc}`, e);
  const out: Omission[] = [];
  for (const point of points) {
    const source = mostProminent(point, rows);
    for (const doc of documents) {
      if (!point.docs.includes(doc.id)) out.push({ doc: doc.id, point: point.id, source });
    }
  }
  return out;
}

function mostProminent(point: Point, rows: ReadonlyMap<string, Emphasis>): ParagraphRef {
  let best: Emphasis | undefined;
  for (const doc of point.docs) {
    const e = rows.get(`${point.id}\u0000${doc}`);
    if (!e || e.firstParagraph === null) continue;
    if (!best || e.share > best.share || (e.share === best.share && e.firstParagraph < best.firstParagraph!)) best = e;
  }
  if (best) return { doc: best.doc, paragraph: best.firstParagraph! };
  return point.members[0]!;
}
