import { balanceQuotes, trimSpan, type ParagraphFeatures } from '../features';
import type { ProfileSet } from '../score/profiles';
import type { ParagraphRef, Point, TextOffsets } from '../types';
import type { ScoredPair } from '.';

/** Longest point label, in words. */
const LABEL_WORDS = 10;

/**
 * Turns groups of unit indices into points: members ordered by document then paragraph, points ordered by
 * their first member (ids p1, p2… read in the order a reader meets them), each labelled with a key phrase.
 */
export function buildPoints(
  groups: readonly (readonly number[])[],
  /** Each unit's own group: the label comes from a paragraph of the point's own, not one that also carries it. */
  primary: Int32Array,
  set: ProfileSet,
  scored: readonly ScoredPair[],
  docIds: readonly string[],
  text: (doc: number, paragraph: number) => string,
  features: (doc: number, paragraph: number) => ParagraphFeatures,
  /** Index in `groups` of the main news, or -1. */
  mainGroup = -1,
): { points: Point[]; mainPoint: string | null } {
  const units = set.units;
  const byUnit = (a: number, b: number) => units[a]!.doc - units[b]!.doc || units[a]!.paragraph - units[b]!.paragraph;
  const ordered = groups
    .map((g, k) => ({ members: [...g].sort(byUnit), own: g.filter((i) => primary[i] === k), main: k === mainGroup }))
    .filter((g) => g.members.length)
    .sort((a, b) => byUnit(a.members[0]!, b.members[0]!));
  const confidence = new Map<number, number>();
  for (const p of scored) confidence.set(p.i * units.length + p.j, p.confidence);
  const conf = (a: number, b: number) => confidence.get(Math.min(a, b) * units.length + Math.max(a, b)) ?? 0;
  let mainPoint: string | null = null;
  const points = ordered.map(({ members, own, main }, k) => {
    if (main) mainPoint = `p${k + 1}`;
    const refs: ParagraphRef[] = members.map((i) => ({ doc: docIds[units[i]!.doc]!, paragraph: units[i]!.paragraph }));
    const docs = [...new Set(members.map((i) => units[i]!.doc))].sort((a, b) => a - b).map((d) => docIds[d]!);
    const centre = medoid(own.length ? own : members, members, set, conf);
    const shared = sharedTerms(members, set);
    const carriers = sharedWordCarriers(shared);
    const u = units[centre]!;
    const label = keyPhrase(text(u.doc, u.paragraph).slice(...spanOf(bestSentence(text(u.doc, u.paragraph), features(u.doc, u.paragraph), u.doc, carriers))), carriers);
    const excerpts = members.map((i) => sentenceWithMost(text(units[i]!.doc, units[i]!.paragraph), features(units[i]!.doc, units[i]!.paragraph), shared));
    return { id: `p${k + 1}`, label, members: refs, excerpts, docs };
  });
  return { points, mainPoint };
}

/** Every k-th item, so that at most `max` remain (a point of hundreds of paragraphs needs no exact medoid). */
function sample(list: readonly number[], max: number): readonly number[] {
  if (list.length <= max) return list;
  const step = list.length / max;
  return Array.from({ length: max }, (_, k) => list[Math.floor(k * step)]!);
}

/** The candidate most confidently aligned, on average, with the members of other articles. */
function medoid(candidates: readonly number[], members: readonly number[], set: ProfileSet, conf: (a: number, b: number) => number): number {
  let best = candidates[0]!;
  let bestScore = -1;
  const others = sample(members, 60);
  for (const i of sample(candidates, 40)) {
    let sum = 0;
    let count = 0;
    for (const j of others) {
      if (set.units[j]!.doc === set.units[i]!.doc) continue;
      sum += conf(i, j);
      count++;
    }
    // A headline is short and often sensational; prefer reporting prose for the label when it is as central.
    const score = (count ? sum / count : 0) - (set.units[i]!.top && set.units[i]!.words < 15 ? 0.05 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** Terms that members from two or more articles carry — what the point is about — each with the articles that carry it. */
function sharedTerms(members: readonly number[], set: ProfileSet): Map<string, ReadonlySet<number>> {
  const docsOf = new Map<string, Set<number>>();
  for (const i of members) for (const t of set.units[i]!.terms) (docsOf.get(t) ?? docsOf.set(t, new Set()).get(t)!).add(set.units[i]!.doc);
  for (const [t, d] of docsOf) if (d.size < 2) docsOf.delete(t);
  return docsOf;
}

/** For a word of a member's text: the articles that carry the shared term it is, or starts as ("sealed": "seal"). */
type SharedWordCarriers = (word: string) => ReadonlySet<number> | undefined;

/** Looks words up among the shared terms: the term itself, or a shared term of four letters or more it starts as. */
function sharedWordCarriers(shared: ReadonlyMap<string, ReadonlySet<number>>): SharedWordCarriers {
  const lower = new Map<string, ReadonlySet<number>>();
  const prefixes = new Map<string, ReadonlySet<number>>();
  const wider = (a: ReadonlySet<number> | undefined, b: ReadonlySet<number>) => (a && a.size >= b.size ? a : b);
  for (const [t, docs] of shared) {
    const l = t.toLowerCase();
    lower.set(l, wider(lower.get(l), docs));
    if (t.length >= 4) prefixes.set(l.slice(0, 4), wider(prefixes.get(l.slice(0, 4)), docs));
  }
  const known = new Map<string, ReadonlySet<number> | undefined>();
  return (word: string) => {
    if (known.has(word)) return known.get(word);
    const w = word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '');
    const docs = w.length >= 3 ? (lower.get(w) ?? prefixes.get(w.slice(0, 4))) : undefined;
    known.set(word, docs);
    return docs;
  };
}

/** How many shared words a run of words holds, each counted by how many articles carry it. */
function sharedWeight(words: readonly string[], carriers: SharedWordCarriers): number {
  let sum = 0;
  for (const w of words) sum += carriers(w)?.size ?? 0;
  return sum;
}

/** Other articles that say at least this many of a sentence's shared words say what it says. */
const SUPPORTING_WORDS = 2;

/**
 * The sentence of a paragraph that says what most of the point's articles say: the one the most other articles
 * support (share two or more of its shared words), then the one with the most shared words, each counted by how many
 * articles carry it; the first on a tie; the whole text when it has no sentences. A point whose members all report an
 * evacuation, two of them adding a fire chief's words, is labelled by the evacuation. Offsets into the text, white
 * space trimmed.
 */
function bestSentence(text: string, features: ParagraphFeatures, doc: number, carriers: SharedWordCarriers): TextOffsets {
  let best: TextOffsets = { start: 0, end: text.length };
  let bestScore = -1;
  for (const s of features.sentences) {
    const words = text.slice(s.start, s.end).split(/\s+/);
    const said = new Map<number, number>();
    for (const w of words) for (const d of carriers(w) ?? []) if (d !== doc) said.set(d, (said.get(d) ?? 0) + 1);
    let support = 0;
    for (const n of said.values()) if (n >= SUPPORTING_WORDS) support++;
    const score = support * 10_000 + sharedWeight(words, carriers);
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return trimSpan(text, best);
}

/**
 * A member's sentence with the most of the point's shared terms among its content lemmas, weighted as in bestSentence
 * (the first on a tie): where it makes the point. By lemma, not by word as for the label: every member of every point
 * is read (15 000 paragraphs for 500 articles × 30).
 */
function sentenceWithMost(text: string, features: ParagraphFeatures, shared: ReadonlyMap<string, ReadonlySet<number>>): TextOffsets {
  const sentences = features.sentences;
  if (sentences.length <= 1) return trimSpan(text, sentences[0] ?? { start: 0, end: text.length });
  const hits = new Int32Array(sentences.length);
  features.lemmas.forEach((lemma, k) => {
    hits[features.lemmaSentences[k]!]! += shared.get(lemma)?.size ?? 0;
  });
  let best = 0;
  for (let k = 1; k < hits.length; k++) if (hits[k]! > hits[best]!) best = k;
  return trimSpan(text, sentences[best]!);
}

function spanOf(s: TextOffsets): [number, number] {
  return [s.start, s.end];
}

/** A short key phrase from the central paragraph's best sentence: the window of at most LABEL_WORDS words that holds the most shared terms. */
function keyPhrase(sentence: string, carriers: SharedWordCarriers): string {
  const words = sentence.replace(/^[‘'(]+/, '').split(/\s+/).filter(Boolean);
  if (words.length <= LABEL_WORDS) return balanceQuotes(tidyEnd(words.join(' ')));
  let start = 0;
  let most = -1;
  for (let i = 0; i + LABEL_WORDS <= words.length; i++) {
    let hits = 0;
    for (const w of words.slice(i, i + LABEL_WORDS)) if (carriers(w)) hits++;
    if (hits > most) {
      most = hits;
      start = i;
    }
  }
  const window = words.slice(start, start + LABEL_WORDS).join(' ');
  return balanceQuotes(`${start > 0 ? '…' : ''}${tidyEnd(window)}${start + LABEL_WORDS < words.length ? '…' : ''}`);
}

function tidyEnd(s: string): string {
  return s.replace(/[\s,;:—–-]+$/u, '').replace(/[.]+$/, '');
}
