import { baseName } from '../load/format';
import type { DocumentReport, Emphasis, Finding, Point } from '../types';

/** A point one article carries in fewer words than this is too slight to report as unique. */
const MIN_UNIQUE_WORDS = 12;

/**
 * First findings: points only one article carries (when the comparison has three or more articles, so
 * "only one" means something). Sorted most important first: weight grows with the point's words and with
 * how early and how prominently the article places it.
 */
export function findFindings(points: readonly Point[], documents: readonly DocumentReport[], emphasis: readonly Emphasis[]): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(documents.map((d) => [d.id, d]));
  if (documents.length >= 3) {
    for (const point of points) {
      if (point.docs.length !== 1) continue;
      const doc = byId.get(point.docs[0]!)!;
      const words = point.members.reduce((sum, m) => sum + doc.paragraphs[m.paragraph]!.words, 0);
      if (words < MIN_UNIQUE_WORDS) continue;
      const e = emphasis.find((x) => x.point === point.id && x.doc === doc.id);
      const position = e?.firstParagraph ?? doc.paragraphs.length;
      const weight = (e?.share ?? 0) * 10 + (e?.inHeadline ? 2 : 0) + 1 / (1 + position / 5);
      out.push({
        kind: 'unique',
        docs: [doc.id],
        points: [point.id],
        evidence: point.members,
        text: `Only ${baseName(doc.path)} reports: ${sentence(point.label + (e?.inHeadline ? ' (in its headline)' : ''))}`,
        weight: Math.round(weight * 1000) / 1000,
      });
    }
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/** A label as the end of a sentence: closed with a full stop unless it already ends in punctuation. */
function sentence(label: string): string {
  return /[.!?…]$/.test(label) ? label : `${label}.`;
}
