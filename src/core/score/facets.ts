import { FRAMES } from '../lexicon/frames';

/**
 * Facets of a story's human toll: who died, who was hurt, the harm to civilians (displacement, hunger, aid), and the
 * gunfire that caused it.
 * Every outlet that reports one of them reports the same point of the story, however differently it words it
 * ("at least eight people were killed" / "the dead include two children"; "displacement" / "families forced
 * from their homes"), and often in paragraphs that share few other words. Alignment treats two paragraphs that
 * report one facet as a pair (options.facetPairThreshold). The harm-to-civilians facet is the emphasis profile's
 * human-toll frame without its words for injuries; the other lists are this project's own.
 */
export interface TollFacet {
  readonly id: 'deaths' | 'injuries' | 'civilian-harm' | 'shooting';
  readonly cues: ReadonlySet<string>;
}

const INJURY_CUES = new Set(['wound', 'wounded', 'injure', 'injured', 'injury', 'hospital', 'hospitalize', 'casualty']);

const HUMAN_TOLL = FRAMES.find((f) => f.id === 'human-toll')!.cues;

export const TOLL_FACETS: readonly TollFacet[] = [
  { id: 'deaths', cues: new Set(['kill', 'killing', 'die', 'dead', 'death', 'fatal', 'fatally', 'murder', 'homicide', 'slay', 'lifeless']) },
  { id: 'injuries', cues: INJURY_CUES },
  { id: 'civilian-harm', cues: new Set([...HUMAN_TOLL].filter((w) => !INJURY_CUES.has(w) && w !== 'victim')) },
  // The act, not the verb: "shot" is also a photograph, a try at goal or a vaccine; "the shooting" and gunfire are not.
  { id: 'shooting', cues: new Set(['shooting', 'gunfire', 'gunshot']) },
];

/** Each cue's facets as bits: one lookup per lemma (every paragraph of a large set is read). */
const FACET_BITS: ReadonlyMap<string, number> = (() => {
  const out = new Map<string, number>();
  TOLL_FACETS.forEach((f, k) => f.cues.forEach((cue) => out.set(cue, (out.get(cue) ?? 0) | (1 << k))));
  return out;
})();

/** The facets a paragraph's lemmas report, as bits (bit k: TOLL_FACETS[k]). */
export function tollFacets(lemmas: readonly string[]): number {
  let bits = 0;
  for (const lemma of lemmas) bits |= FACET_BITS.get(lemma) ?? 0;
  return bits;
}

/** The ids of the facets in `bits`. */
export function facetIds(bits: number): string[] {
  return TOLL_FACETS.filter((_, k) => bits & (1 << k)).map((f) => f.id);
}
