import type { DocumentReport, Emphasis, Point } from '../types';

/**
 * How much room each article gives each point: share of its content words, where the point first appears,
 * and whether a headline or standfirst carries it. Points that several articles carry get a row for every
 * article (share 0, firstParagraph null where it is absent), so views can compare; a point only one article
 * has gets that article's row.
 */
export function measureEmphasis(points: readonly Point[], documents: readonly DocumentReport[]): Emphasis[] {
  // A paragraph that carries two points spends about half its words on each.
  const pointsOf = new Map<string, number>();
  for (const p of points) for (const m of p.members) pointsOf.set(`${m.doc}#${m.paragraph}`, (pointsOf.get(`${m.doc}#${m.paragraph}`) ?? 0) + 1);
  const out: Emphasis[] = [];
  for (const point of points) {
    const shared = point.docs.length > 1;
    for (const doc of documents) {
      const members = point.members.filter((m) => m.doc === doc.id);
      if (!members.length && !shared) continue;
      const paragraphs = members.map((m) => doc.paragraphs[m.paragraph]!);
      const words = paragraphs.reduce((sum, p) => sum + p.words / (pointsOf.get(`${doc.id}#${p.index}`) ?? 1), 0);
      out.push({
        point: point.id,
        doc: doc.id,
        share: doc.words ? Math.round((words / doc.words) * 10000) / 10000 : 0,
        firstParagraph: paragraphs.length ? Math.min(...paragraphs.map((p) => p.index)) : null,
        inHeadline: paragraphs.some((p) => p.kind === 'headline' || p.kind === 'standfirst'),
      });
    }
  }
  return out;
}
