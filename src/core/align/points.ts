import type { ParagraphFeatures } from '../features';
import type { Scorer } from '../score/similarity';
import type { ParagraphRef, Point } from '../types';

/** Longest point label, in words. */
const LABEL_WORDS = 12;

/**
 * Turns clusters of unit indices into points: members ordered by document then paragraph, points ordered by
 * their first member (so ids read in the order a reader meets them), each labelled with a key phrase.
 */
export function buildPoints(
  clusters: readonly (readonly number[])[],
  scorer: Scorer,
  docIds: readonly string[],
  paragraphText: (doc: number, paragraph: number) => string,
  features: (doc: number, paragraph: number) => ParagraphFeatures,
): Point[] {
  const units = scorer.units;
  const ordered = clusters
    .map((c) => [...c].sort((a, b) => units[a]!.doc - units[b]!.doc || units[a]!.paragraph - units[b]!.paragraph))
    .sort((a, b) => units[a[0]!]!.doc - units[b[0]!]!.doc || units[a[0]!]!.paragraph - units[b[0]!]!.paragraph);
  return ordered.map((members, k) => {
    const refs: ParagraphRef[] = members.map((i) => ({ doc: docIds[units[i]!.doc]!, paragraph: units[i]!.paragraph }));
    const docs = [...new Set(members.map((i) => units[i]!.doc))].sort((a, b) => a - b).map((d) => docIds[d]!);
    const centre = medoid(members, scorer);
    const u = units[centre]!;
    return { id: `p${k + 1}`, label: keyPhrase(paragraphText(u.doc, u.paragraph), features(u.doc, u.paragraph)), members: refs, docs };
  });
}

/** The member most similar, on average, to the others. */
function medoid(members: readonly number[], scorer: Scorer): number {
  if (members.length <= 2) return members[0]!;
  let best = members[0]!;
  let bestSum = -1;
  for (const i of members) {
    let sum = 0;
    for (const j of members) if (i !== j) sum += scorer.score(i, j).score;
    if (sum > bestSum) {
      bestSum = sum;
      best = i;
    }
  }
  return best;
}

/** The opening of the paragraph's first sentence, cut at a clause boundary when it runs long. */
function keyPhrase(text: string, features: ParagraphFeatures): string {
  const first = features.sentences[0];
  const sentence = (first ? text.slice(first.start, first.end) : text).trim().replace(/^["“‘']+/, '');
  const words = sentence.split(/\s+/);
  if (words.length <= LABEL_WORDS) return sentence.replace(/[.;:,]+$/, '');
  const head = words.slice(0, LABEL_WORDS).join(' ');
  const clause = head.search(/[,;:—–](?=\s)[^,;:—–]*$/);
  const cut = clause > 20 ? head.slice(0, clause) : head;
  return cut.replace(/[.;:,]+$/, '') + '…';
}
