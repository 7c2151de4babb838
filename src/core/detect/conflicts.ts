import { tollFacets } from '../score/facets';
import { EMPTY_FEATURES, quoted, type NameMention, type NumberFeature, type ParagraphFeatures, type WordToken } from '../features';
import type { WordMatcher } from '../score/wordMatcher';
import { baseName } from '../load/format';
import type { Finding, ParagraphRef, TextRange } from '../types';
import { contentLemmas, key, rounded, uniqueRefs, type DetectContext } from './context';
import { attributionsOf, identityOf, quoteOverlap, quoteWords, substantialQuotes } from './facts';
import { ATTRIBUTION_VERBS, DENIAL_PHRASES, DENIAL_VERBS, NOT_A_DENIAL } from '../lexicon/words';
import { SAME_QUOTE } from './omissions';

/** The most paragraph pairs compared for conflicts. */
const MAX_COMPARED = 10_000;
/** Up to this many articles, every two paragraphs of one point are compared, not only accepted pairs. */
const POINT_PAIRS_LIMIT = 20;
/** Two numbers count the same thing when the words around each carry this much of the other's. */
const NUMBER_CONTEXT = 0.6;
const NUMBER_CONTEXT_SAME_VERB = 0.25;
/** How many words on each side of a number say what it counts. */
const NUMBER_WINDOW = 6;
/** The end of a dateline opening a paragraph: "KESSLER FALLS, March 14 (Northern Wire) —". */
const DATELINE_END = /^\s*\p{Lu}[\p{Lu}\s.'’-]+,[^(\n]{0,40}\([^)]{2,40}\)\s*[-–—]/u;
/** A denied claim is the same claim as an asserted one when the assertion carries this much of it… */
const CLAIM_COVERAGE = 0.4;
/** …with at least this many of its words matched… */
const CLAIM_WORDS = 2;
/** …its head word (first verb or noun) among them, at least this alike. */
const SAME_HEAD = 0.75;
/** Words this similar count as the same word in a claim. */
const SAME_WORD = 0.6;
/** How many content words before a negation make its subject. */
const SUBJECT_WORDS = 4;
/** A shared subject word must be at least this rare in the set (IDF): "Pakistan" in a story on Pakistan says nothing. */
const SUBJECT_WEIGHT = 2;
/** A quotation must be this long (in words) before crediting it to two people is a conflict, not a shared phrase. */
const QUOTE_CONFLICT_WORDS = 8;
/** Numbers read with an approximation ("about 40") agree with any value this close. */
const APPROXIMATE = 0.2;

/**
 * Aligned statements that disagree: different numbers for the same thing, the same quotation credited to
 * different people, and a claim one article makes that another denies or says was not made ("called for
 * restraint" / "stopped short of urging de-escalation"). Paragraphs are compared when they are aligned or in one
 * point; articles about another episode are left out (their numbers and claims are about something else).
 */
export function findConflicts(ctx: DetectContext, otherEvents: ReadonlySet<string>): Finding[] {
  const claims: Finding[] = [];
  const numbers: Disagreement[] = [];
  const seen = new Set<string>();
  const fresh = (dedupe: string) => {
    if (seen.has(dedupe)) return false;
    seen.add(dedupe);
    return true;
  };
  const memo = new ScopeMemo(ctx);
  for (const [a, b, accepted] of comparablePairs(ctx, otherEvents)) {
    // Numbers only across paragraphs aligned on their own: a point's loose members say too many different things.
    if (accepted) for (const d of numberConflicts(ctx, a, b)) if (fresh(numberKey(d))) numbers.push(d);
    for (const f of claimConflicts(ctx, a, b, memo)) if (fresh(`c\u0000${key(f.evidence[0]!)}\u0000${key(f.evidence[1]!)}`)) claims.push(f);
  }
  const { echoes, alsoGives } = numberEchoes(ctx, numbers, otherEvents);
  numbers.push(...echoes.filter((d) => fresh(numberKey(d))));
  const quotes = quoteConflicts(ctx, otherEvents).filter((d) => fresh(`q\u0000${d.finding.spans.map((s) => key(s)).join()}`));
  return [...oneAgainstMany(ctx, numbers, alsoGives), ...claims, ...oneAgainstMany(ctx, quotes)];
}

/** Two articles' numbers compared once, whichever article came first. */
function numberKey(d: Disagreement): string {
  return `n\u0000${d.sides
    .map((s) => `${s.span.doc}\u0000${s.span.text.toLowerCase()}`)
    .sort()
    .join('\u0000')}`;
}

/** One side of a disagreement: the words in question, and what other sides must share to agree with it. */
interface Side {
  readonly span: TextRange;
  /** Sides with the same value agree: a number's key, a speaker's name. */
  readonly value: string;
  /** What the finding quotes of it: the number's clause, the speaker's name. */
  readonly said: string;
  /** The quotation credited, for a quote. */
  readonly quote?: string;
  /** The number itself and its paragraph, for a number. */
  readonly number?: { readonly ref: ParagraphRef; readonly n: NumberFeature };
}

/** A conflict between two articles, with its two sides (for gathering one article against several). */
interface Disagreement {
  readonly finding: Finding;
  readonly sides: readonly [Side, Side];
  /**
   * The text of one article's finding against several that agree with each other; `also`: the lone article gives
   * the others' value too, elsewhere (numbers only).
   */
  readonly against: (lone: Side, many: readonly Side[], also?: Side) => string;
}

/** One side's place: its paragraph and where its words start (two sides with the same words are one). */
function sideKey(s: Side): string {
  return `${key(s.span)}\u0000${s.span.start}`;
}

/**
 * One article against several: when the same words of one article disagree with two or more others that agree with
 * each other (nine workers against 14 in three articles), that is one finding naming them all, not one per pair.
 * `alsoGives` lists, by side, the other values its article gives for the same thing elsewhere: an article that gives
 * the others' value too is said to give both, and two articles that each give both do not disagree.
 */
function oneAgainstMany(ctx: DetectContext, list: readonly Disagreement[], alsoGives: ReadonlyMap<string, readonly Side[]> = new Map()): Finding[] {
  const also = (side: Side, value: string) => alsoGives.get(sideKey(side))?.find((a) => a.value === value);
  const bySide = new Map<string, { side: Side; opposite: [Disagreement, Side][] }>();
  for (const d of list) {
    for (const [k, side] of d.sides.entries()) {
      const id = sideKey(side);
      const entry = bySide.get(id) ?? bySide.set(id, { side, opposite: [] }).get(id)!;
      entry.opposite.push([d, d.sides[1 - k]!]);
    }
  }
  const order = new Map(ctx.documents.map((d, i) => [d.id, i]));
  const used = new Set<Disagreement>();
  const out: Finding[] = [];
  const gathered = (side: Side, group: readonly [Disagreement, Side][]): Finding => {
    const many = group.map(([, o]) => o).sort((a, b) => order.get(a.span.doc)! - order.get(b.span.doc)!);
    const first = group[0]![0];
    const alsoSide = also(side, many[0]!.value);
    const spans = [side.span, ...(alsoSide ? [alsoSide.span] : []), ...many.map((o) => o.span)];
    return {
      ...first.finding,
      docs: [side.span.doc, ...many.map((o) => o.span.doc)],
      points: [...new Set(group.flatMap(([d]) => d.finding.points))],
      evidence: uniqueRefs(spans.map((s) => ({ doc: s.doc, paragraph: s.paragraph }))),
      text: first.against(side, many, alsoSide),
      spans,
    };
  };
  for (const { side, opposite } of [...bySide.values()].sort((a, b) => b.opposite.length - a.opposite.length)) {
    // The others that agree with each other: the largest group of one value, one side per article (an article that
    // also gives this side's value does not disagree with it).
    const groups = new Map<string, [Disagreement, Side][]>();
    for (const [d, other] of opposite) {
      if (used.has(d) || also(other, side.value)) continue;
      const group = groups.get(other.value) ?? groups.set(other.value, []).get(other.value)!;
      if (!group.some(([, o]) => o.span.doc === other.span.doc)) group.push([d, other]);
    }
    const group = [...groups.values()].sort((a, b) => b.length - a.length)[0];
    if (!group || group.length < 2) continue;
    for (const [d] of group) used.add(d);
    out.push(gathered(side, group));
  }
  for (const d of list) {
    if (used.has(d)) continue;
    const [x, y] = d.sides;
    const [xAlso, yAlso] = [also(x, y.value), also(y, x.value)];
    if (xAlso && yAlso) continue;
    out.push(xAlso ? gathered(x, [[d, y]]) : yAlso ? gathered(y, [[d, x]]) : d.finding);
  }
  return out;
}

/**
 * Where else the set gives a side's number for the same thing. A disagreement is found between two aligned
 * paragraphs, but other articles often give the same figure in paragraphs aligned elsewhere ("about 1,200 residents"
 * in three outlets against one's "about 3,000 people"): each such paragraph, if its number has the same value and
 * counts the same thing as the side's (`sameReferent`), becomes a disagreement with the other side, so the article
 * alone with its figure is found against all of them. The same search in the side's own article finds an article
 * that gives both figures (the mayor's and the authority's).
 */
function numberEchoes(
  ctx: DetectContext,
  list: readonly Disagreement[],
  otherEvents: ReadonlySet<string>,
): { echoes: Disagreement[]; alsoGives: Map<string, Side[]> } {
  const echoes: Disagreement[] = [];
  const alsoGives = new Map<string, Side[]>();
  if (!list.length) return { echoes, alsoGives };
  // Every comparable number of the set's content paragraphs, by value.
  const byValue = new Map<string, { ref: ParagraphRef; n: NumberFeature }[]>();
  for (const doc of ctx.documents) {
    if (otherEvents.has(doc.id)) continue;
    for (const p of ctx.contentParagraphs(doc.id)) {
      const ref = { doc: doc.id, paragraph: p.index };
      for (const n of ctx.features(ref).numbers) if (isComparable(n)) (byValue.get(valueKey(n)) ?? byValue.set(valueKey(n), []).get(valueKey(n))!).push({ ref, n });
    }
  }
  const seen = new Set<string>();
  for (const d of list) {
    for (const [k, side] of d.sides.entries()) {
      const other = d.sides[1 - k]!;
      if (!side.number || !other.number) continue;
      for (const c of byValue.get(other.value) ?? []) {
        if (c.ref.doc === other.span.doc || (c.ref.doc === other.number.ref.doc && c.ref.paragraph === other.number.ref.paragraph)) continue;
        const id = `${sideKey(side)}\u0000${key(c.ref)}\u0000${c.n.start}`;
        if (seen.has(id)) continue;
        // It counts what the other side counts, or (in another article) what this side counts.
        const echoing = sameReferent(ctx, other.number.ref, other.number.n, c.ref, c.n);
        if (!echoing && (c.ref.doc === side.span.doc || !sameReferent(ctx, side.number.ref, side.number.n, c.ref, c.n))) continue;
        seen.add(id);
        if (c.ref.doc === side.span.doc) {
          // Both of its figures count what the other side counts, so the same thing, unless they count different harms
          // ("six killed" / "two injured"). (An article may credit its two figures to two sources, in sentences that
          // share no word but the count: the mayor's "3,000 people were forced from their homes" and the authority's
          // "number of evacuated residents at 1,200".)
          if (differentHarms(ctx, side.number.ref, side.number.n, c.ref, c.n)) continue;
          const list = alsoGives.get(sideKey(side)) ?? alsoGives.set(sideKey(side), []).get(sideKey(side))!;
          if (!list.some((a) => a.value === other.value)) list.push(numberSide(ctx, c.ref, c.n));
        } else {
          echoes.push(numberDisagreement(ctx, side.number.ref, side.number.n, c.ref, c.n));
        }
      }
    }
  }
  return { echoes, alsoGives };
}

/** "a.txt", "a.txt and b.txt", "a.txt, b.txt and c.txt". */
function namesOf(ctx: DetectContext, sides: readonly Side[]): string {
  const names = sides.map((s) => baseName(ctx.doc(s.span.doc).path));
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Cross-article paragraph pairs worth comparing: accepted pairs, and — in a comparison of a few articles — the
 * paragraphs of one point. Bounded (MAX_COMPARED, best-scored pairs first) so that large sets stay fast.
 */
function comparablePairs(ctx: DetectContext, otherEvents: ReadonlySet<string>): [ParagraphRef, ParagraphRef, boolean][] {
  // Each pair once, with whether it is an accepted pair (every accepted pair comes in before any point pair).
  const out = new Map<string, [ParagraphRef, ParagraphRef, boolean]>();
  const note = (a: ParagraphRef, b: ParagraphRef, accepted: boolean) => {
    if (a.doc === b.doc || otherEvents.has(a.doc) || otherEvents.has(b.doc)) return;
    const [x, y] = a.doc < b.doc || (a.doc === b.doc && a.paragraph < b.paragraph) ? [a, b] : [b, a];
    const k = `${key(x)}|${key(y)}`;
    if (!out.has(k)) out.set(k, [x, y, accepted]);
  };
  for (const p of ctx.pairsByScore()) {
    if (out.size >= MAX_COMPARED) break;
    note(p.a, p.b, true);
  }
  if (ctx.documents.length <= POINT_PAIRS_LIMIT) {
    for (const point of ctx.input.points) {
      for (let i = 0; i < point.members.length && out.size < MAX_COMPARED; i++) for (let j = i + 1; j < point.members.length; j++) note(point.members[i]!, point.members[j]!, false);
    }
  }
  return [...out.values()];
}

// ——— numbers ———

interface Bound {
  readonly low: number;
  readonly high: number;
}

/** What a number's wording allows: "at least 8" is 8 or more, "about 40" is 32–48, "up to 10" is 10 or fewer. */
function boundOf(n: NumberFeature, text: string): Bound | null {
  if (n.value === null) return null;
  const before = text.slice(Math.max(0, n.start - 24), n.start).toLowerCase();
  const v = n.value;
  if (/\b(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than)\s*$/.test(before)) return { low: v, high: Infinity };
  if (/\b(?:up to|fewer than|less than|under|at most|no more than|as many as)\s*$/.test(before)) return { low: 0, high: v };
  if (/\b(?:about|around|some|roughly|approximately|an estimated|nearly|almost|close to|estimated)\s*$/.test(before) || /\b(?:dozens|hundreds|thousands|millions)\b/i.test(n.text)) {
    return { low: v * (1 - APPROXIMATE), high: v * (1 + APPROXIMATE) };
  }
  return { low: v, high: v };
}

/** What a number's own paragraph says of it, read once: one paragraph meets many others in a large set. */
const boundMemo = new WeakMap<NumberFeature, Bound | null>();
const crowdedMemo = new WeakMap<NumberFeature, boolean>();
function memoised<V>(memo: WeakMap<NumberFeature, V>, n: NumberFeature, read: () => V): V {
  if (memo.has(n)) return memo.get(n)!;
  const v = read();
  memo.set(n, v);
  return v;
}

/** Numbers of the same unit, in sentences about the same thing, whose values cannot both be right. */
function numberConflicts(ctx: DetectContext, a: ParagraphRef, b: ParagraphRef): Disagreement[] {
  const fa = ctx.features(a);
  const fb = ctx.features(b);
  const out: Disagreement[] = [];
  for (const x of fa.numbers) {
    if (!isComparable(x)) continue;
    for (const y of fb.numbers) {
      if (!isComparable(y) || x.type !== y.type || !sameUnit(x.unit, y.unit) || x.key === y.key) continue;
      const bx = memoised(boundMemo, x, () => boundOf(x, ctx.paragraph(a).text));
      const by = memoised(boundMemo, y, () => boundOf(y, ctx.paragraph(b).text));
      if (!bx || !by || (bx.low <= by.high && by.low <= bx.high)) continue;
      // A list read against a list ("52% in Egypt, 82% in India"): the other value is there too, just elsewhere.
      if (fb.numbers.some((z) => z.key === x.key) || fa.numbers.some((z) => z.key === y.key)) continue;
      // Two numbers of one unit in a sentence ("a 16-year-old boy and a 17-year-old"): which is which is not clear.
      if (memoised(crowdedMemo, x, () => sameUnitInSentence(fa, x)) || memoised(crowdedMemo, y, () => sameUnitInSentence(fb, y))) continue;
      if (!sameReferent(ctx, a, x, b, y)) continue;
      out.push(numberDisagreement(ctx, a, x, b, y));
    }
  }
  return out;
}

/** A number as one side of a disagreement: its words, its value, and the clause the finding quotes. */
function numberSide(ctx: DetectContext, ref: ParagraphRef, n: NumberFeature): Side {
  return { span: range(ctx, ref, n.start, n.end), value: valueKey(n), said: phrase(ctx, ref, n), number: { ref, n } };
}

/** A number's value and what it counts, with every word for people as one ("1,200 residents" gives "1,200 people"). */
function valueKey(n: NumberFeature): string {
  return `${n.type}:${n.value}:${PEOPLE.has(n.unit) ? 'people' : n.unit}`;
}

/** Two articles' different numbers for one thing (`x` in paragraph `a`, `y` in `b`). */
function numberDisagreement(ctx: DetectContext, a: ParagraphRef, x: NumberFeature, b: ParagraphRef, y: NumberFeature): Disagreement {
  const what = x.unit === '%' ? 'the same share' : x.type === 'money' ? 'the same sum' : PEOPLE.has(x.unit) ? 'the number of people' : `the number of ${plural(x.unit)}`;
  const sides: [Side, Side] = [numberSide(ctx, a, x), numberSide(ctx, b, y)];
  const [da, db] = [ctx.doc(a.doc), ctx.doc(b.doc)];
  return {
    finding: {
      kind: 'conflict',
      docs: [a.doc, b.doc],
      points: sharedPoints(ctx, a, b),
      evidence: [a, b],
      text: `${baseName(da.path)} and ${baseName(db.path)} give different numbers for ${what}: ${quoted(sides[0].said)} against ${quoted(sides[1].said)}.`,
      weight: 3,
      spans: sides.map((s) => s.span),
    },
    sides,
    against: (lone, many, also) =>
      also
        ? `${namesOf(ctx, [lone])} gives two numbers for ${what}, ${quoted(lone.said)} and ${quoted(also.said)}; ${namesOf(ctx, many)} ${many.length > 1 ? 'give' : 'gives'} only the second: ${quoted(many[0]!.said)}.`
        : `${namesOf(ctx, [lone])} disagrees with ${namesOf(ctx, many)} on ${what}: ${quoted(lone.said)} against ${quoted(many[0]!.said)}.`,
  };
}

/** Whether two numbers count different facets of a toll (the dead and the injured). */
function differentHarms(ctx: DetectContext, a: ParagraphRef, x: NumberFeature, b: ParagraphRef, y: NumberFeature): boolean {
  const wa = aroundOnce(ctx.features(a), x, ctx.paragraph(a).text, ctx.names(a));
  const wb = aroundOnce(ctx.features(b), y, ctx.paragraph(b).text, ctx.names(b));
  return wa.facets !== 0 && wb.facets !== 0 && (wa.facets & wb.facets) === 0;
}

/**
 * Two numbers count the same thing when the words around them agree: the content words within a few words of
 * each (same sentence) carry each other, the thing counted is the same ("two counts *of murder*" is not "one
 * count *of kidnapping*"), and where both name someone nearby, they name the same one ("Carter had 12 points" /
 * "Carter scored 14 points"; not "Artino scored 14 points").
 */
function sameReferent(ctx: DetectContext, a: ParagraphRef, x: NumberFeature, b: ParagraphRef, y: NumberFeature): boolean {
  const [fa, fb] = [ctx.features(a), ctx.features(b)];
  const [ta, tb] = [ctx.paragraph(a).text, ctx.paragraph(b).text];
  const [na, nb] = [ctx.names(a), ctx.names(b)];
  const wa = aroundOnce(fa, x, ta, na);
  const wb = aroundOnce(fb, y, tb, nb);
  const words = ctx.input.words;
  if (!wa.lemmas.length || !wb.lemmas.length) return false;
  // (Every test below must pass; the cheap ones come first.)
  // Whoever a number is about must be the same on both sides ("Lawson's 15 points" is not "Wayne's 8 catches"): a
  // name next to one number must be in the other's sentence, and two sentences that name someone share a name.
  if (wa.names.length && !wa.names.some((n) => wb.sentenceNames.includes(n))) return false;
  if (wb.names.length && !wb.names.some((n) => wa.sentenceNames.includes(n))) return false;
  if (wa.sentenceNames.length && wb.sentenceNames.length && !wa.sentenceNames.some((n) => wb.sentenceNames.includes(n))) return false;
  if (wa.of && wb.of && words.similarity(wa.of, wb.of) < SAME_WORD) return false;
  // The same action counted ("forced from their homes" / "forced the evacuation of") lets the rest of the words differ
  // more; the same facet of the human toll next to both counts of one unit is enough on its own ("three miners were
  // killed" / "five miners died": both count the dead miners).
  const sameToll = (wa.facets & wb.facets) !== 0;
  // Different facets of the toll are different counts: "six people killed" / "two villagers injured", "shooting three
  // people" / "killed five".
  if (differentHarms(ctx, a, x, b, y)) return false;
  const verbs = wa.verb && wb.verb ? words.similarity(wa.verb, wb.verb) : null;
  // The action counted: "needed 9 points" is not "scored 20 points".
  if (!sameToll && verbs !== null && verbs < SAME_WORD) return false;
  // An age is the age of someone: "a 35-year-old man" is not "her 12-year-old daughter".
  if (wa.age || wb.age) {
    if (!wa.head || !wb.head || words.similarity(wa.head, wb.head) < SAME_HEAD) return false;
  }
  // The two sentences are each other's best match in the two paragraphs: a recap full of figures pairs line with line.
  if (!mutualBestSentences(fa, wa.sentence, fb, wb.sentence)) return false;
  // The words around the two numbers (the costliest test, so the last).
  if (sameToll) return true;
  const needed = verbs !== null && verbs >= SAME_HEAD ? NUMBER_CONTEXT_SAME_VERB : NUMBER_CONTEXT;
  return words.coverage(wa.lemmas, wb.lemmas) >= needed && words.coverage(wb.lemmas, wa.lemmas) >= needed;
}

type Around = ReturnType<typeof around>;
/**
 * A number's surroundings depend on its paragraph and its article's names alone, and one paragraph meets many others
 * in a large set: they are kept with the number (an article's features last as long as its text).
 */
const aroundMemo = new WeakMap<NumberFeature, Around>();
function aroundOnce(f: ParagraphFeatures, n: NumberFeature, text: string, reliable: readonly NameMention[]): Around {
  let w = aroundMemo.get(n);
  if (!w) aroundMemo.set(n, (w = around(f, n, text, reliable)));
  return w;
}

/**
 * The content lemmas within NUMBER_WINDOW words of a number (its sentence only) and the toll facets they report, what
 * it counts "of", and names near it.
 */
function around(
  f: ParagraphFeatures,
  n: NumberFeature,
  text: string,
  /** The paragraph's names a reader would call names (no dateline outlet). */
  reliable: readonly NameMention[],
): { lemmas: string[]; facets: number; of: string | null; names: string[]; sentenceNames: string[]; verb: string | null; head: string | null; age: boolean; sentence: number } {
  const k = f.tokens.findIndex((t) => t.start >= n.end);
  const at = k < 0 ? f.tokens.length : k;
  const sentence = f.tokens[Math.max(0, at - 1)]?.sentence ?? 0;
  // The words around it in its sentence, after any dateline ("KESSLER FALLS, March 14 (Wire) —"), without the unit itself.
  const dateline = DATELINE_END.exec(text);
  const from = dateline && dateline.index + dateline[0].length <= n.start ? dateline.index + dateline[0].length : 0;
  const nearby = f.tokens
    .slice(Math.max(0, at - NUMBER_WINDOW - 1), at + NUMBER_WINDOW)
    .filter((t) => t.sentence === sentence && t.start >= from && (t.end <= n.start || t.start >= n.end));
  const words = nearby.filter((t) => t.content && t.pos !== 'NUM' && t.lemma !== n.unit);
  const lemmas = words.map((t) => t.lemma);
  // The toll it counts, read in its own clause: "killed at least six people, injured almost 50" counts the dead.
  const clause = words.filter((t) => !CLAUSE_BREAK.test(text.slice(Math.min(t.end, n.end), Math.max(t.start, n.start))));
  // "counts of murder": the noun after "of" right behind the unit.
  let of: string | null = null;
  for (let i = at; i < Math.min(f.tokens.length, at + 3); i++) {
    if (f.tokens[i]!.lemma === 'of' && f.tokens[i + 1]?.content) {
      of = f.tokens[i + 1]!.lemma;
      break;
    }
  }
  const lo = nearby[0]?.start ?? n.start;
  const hi = nearby[nearby.length - 1]?.end ?? n.end;
  const names = reliable.filter((m) => m.start >= lo && m.end <= hi).map((m) => identityOf(m)[0]!);
  const span = f.sentences[sentence];
  const sentenceNames = reliable.filter((m) => !span || (m.start >= span.start && m.end <= span.end)).map((m) => identityOf(m)[0]!);
  // The verb nearest the number, on either side ("3,000 people were forced", "forced the evacuation of 1,200").
  const verbs = nearby.filter((t) => t.pos === 'VERB' && !LIGHT_VERBS.has(t.lemma) && !(t.lemma in ATTRIBUTION_VERBS) && t.lemma !== 'accord');
  const distance = (t: WordToken) => (t.end <= n.start ? n.start - t.end : t.start - n.end);
  const verb = verbs.length ? verbs.reduce((x, y) => (distance(y) < distance(x) ? y : x)).lemma : null;
  const age = /^[^\s]*?\s*-?\s*years?[-\s]old/i.test(text.slice(n.start, n.end + 12));
  const head = age ? (f.tokens.slice(at, at + 4).find((t) => t.content && (t.pos === 'NOUN' || t.pos === 'PROPN') && !/^(?:year|old)$/.test(t.lemma))?.lemma ?? null) : null;
  return { lemmas, facets: tollFacets(clause.map((t) => t.lemma)), of, names, sentenceNames, verb, head, age, sentence };
}

/** Whether sentence `sa` of one paragraph and `sb` of the other share more content words with each other than with any other sentence. */
function mutualBestSentences(fa: ParagraphFeatures, sa: number, fb: ParagraphFeatures, sb: number): boolean {
  const [la, lb] = [sentenceLemmas(fa), sentenceLemmas(fb)];
  const overlap = (x: Set<string> | undefined, y: Set<string> | undefined) => {
    if (!x || !y) return 0;
    let n = 0;
    for (const w of x) if (y.has(w)) n++;
    return n / Math.max(1, Math.min(x.size, y.size));
  };
  const here = overlap(la[sa], lb[sb]);
  if (!here) return false;
  return la.every((x, k) => k === sa || overlap(x, lb[sb]) <= here) && lb.every((y, k) => k === sb || overlap(la[sa], y) <= here);
}

/** Each sentence's content lemmas, read once per paragraph. */
const sentenceLemmaMemo = new WeakMap<ParagraphFeatures, Set<string>[]>();
function sentenceLemmas(f: ParagraphFeatures): Set<string>[] {
  let out = sentenceLemmaMemo.get(f);
  if (!out) {
    out = [];
    for (const t of f.tokens) if (t.content) (out[t.sentence] ??= new Set()).add(t.lemma);
    sentenceLemmaMemo.set(f, out);
  }
  return out;
}

function sameUnitInSentence(f: ParagraphFeatures, n: NumberFeature): boolean {
  const sentence = f.sentences.findIndex((s) => n.start < s.end);
  const s = f.sentences[sentence];
  return f.numbers.some((m) => m !== n && m.unit === n.unit && m.type === n.type && (!s || (m.start >= s.start && m.end <= s.end)));
}

/** Words that count people as people: "3,000 people" and "1,200 residents" count the same kind of thing. */
const PEOPLE = new Set(['people', 'person', 'resident', 'inhabitant', 'villager', 'citizen', 'individual', 'civilian', 'evacuee']);

function sameUnit(a: string, b: string): boolean {
  return a === b || (PEOPLE.has(a) && PEOPLE.has(b));
}

function isComparable(n: NumberFeature): boolean {
  return (n.type === 'count' || n.type === 'money' || n.type === 'percent') && n.unit !== '' && n.value !== null;
}

/** Punctuation that ends a clause, between two words. */
const CLAUSE_BREAK = /[,;:()—–]|\s-\s/;

/** The number with the words around it ("at least eight people were killed"), for the finding's text. */
function phrase(ctx: DetectContext, ref: ParagraphRef, n: NumberFeature): string {
  const f = ctx.features(ref);
  const tokens = f.tokens;
  const k = tokens.findIndex((t) => t.start >= n.start);
  const text = ctx.paragraph(ref).text;
  // A few words either side, in the number's sentence and clause, ending on a content word ("the evacuation of
  // about 1,200 residents", not "… 1,200 residents, according to the").
  const sentence = tokens[k]?.sentence;
  const gap = (i: number) => text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  // A figure whose count is named before it ("the number of evacuated residents at 1,200") is quoted up to itself.
  const namedBefore = n.unit !== '' && n.type === 'count' && n.countedEnd === n.end;
  let first = k;
  while (first > Math.max(0, k - (namedBefore ? 7 : 3)) && tokens[first - 1]!.sentence === sentence && !CLAUSE_BREAK.test(gap(first))) first--;
  while (first < k && (tokens[first]!.pos === 'CCONJ' || tokens[first]!.pos === 'SCONJ')) first++;
  let last = k;
  while (!namedBefore && last + 1 < Math.min(tokens.length, k + 6) && tokens[last + 1]!.sentence === sentence && !CLAUSE_BREAK.test(gap(last + 1))) last++;
  while (last > k && !tokens[last]!.content) last--;
  const from = tokens[first];
  const to = tokens[last];
  const dateline = DATELINE_END.exec(text);
  const floor = dateline && dateline.index + dateline[0].length <= n.start ? dateline.index + dateline[0].length : 0;
  return from && to ? text.slice(Math.max(floor, Math.min(from.start, n.start)), Math.max(to.end, n.end)).trim() : n.text;
}

// ——— claims ———

interface Scope {
  /** The tokens the negation or denial covers. */
  readonly tokens: readonly WordToken[];
  /** The cue, as written ("stopped short of", "did not", "denied"). */
  readonly cueStart: number;
}

/**
 * A claim asserted in one paragraph and negated or denied in the other: a sentence of one carries a negation
 * ("did not") or a denial ("denied", "stopped short of", "declined to") over words that a sentence of the other
 * asserts without negation. Three things must hold, so that two outlets telling different sides are not taken
 * for a disagreement: the claim's head word (a verb or noun) is asserted in the other sentence, the assertion
 * carries enough of the claim, and the two sentences share their subject (a word outside the claim that is not
 * common in the set: "the US *statement* called for restraint" / "Hooker's *statement* stopped short of…").
 * Sentences crediting different named sources (one party's claim, another's denial) are not a conflict.
 */
function claimConflicts(ctx: DetectContext, a: ParagraphRef, b: ParagraphRef, memo: ScopeMemo): Finding[] {
  const out: Finding[] = [];
  const words = ctx.input.words;
  for (const [neg, pos] of [
    [a, b],
    [b, a],
  ] as const) {
    const negScopes = memo.of(neg);
    if (!negScopes.claims.length) continue;
    const sourcesN = negScopes.sources;
    const { sources: sourcesP, asserted: assertedBySentence } = memo.of(pos);
    for (const { scope, claim, claimLemmas, head, sentence, subject } of negScopes.claims) {
      let best: { matched: WordToken[]; coverage: number } | null = null;
      for (let sp = 0; sp < assertedBySentence.length; sp++) {
        if (differentSources(sourcesN.get(sentence), sourcesP.get(sp))) continue;
        const { tokens: asserted, lemmas: assertedLemmas } = assertedBySentence[sp]!;
        if (!asserted.length) continue;
        if (bestMatch(words, head.lemma, asserted).sim < SAME_HEAD) continue;
        // Names say who, not what: the claim must be matched in its other words.
        const matched = [...new Set(claim.map((c) => bestMatch(words, c.lemma, asserted)).filter((m) => m.sim >= SAME_WORD).map((m) => m.token!))].filter(
          (t) => !LIGHT_VERBS.has(t.lemma) && t.pos !== 'PROPN',
        );
        const coverage = words.coverage(claimLemmas, assertedLemmas);
        if (matched.length < CLAIM_WORDS || coverage < CLAIM_COVERAGE) continue;
        // The same subject: a rare-enough word before the negation that the other sentence also has (not in the claim).
        // …which the asserting sentence also has, before its claim.
        const claimed = new Set(matched);
        const claimStart = Math.min(...matched.map((t) => t.start));
        const shareSubject = subject.some(
          (t) => words.weight(t.lemma) >= SUBJECT_WEIGHT && asserted.some((u) => !claimed.has(u) && u.start < claimStart && words.similarity(t.lemma, u.lemma) >= SAME_HEAD),
        );
        if (!shareSubject) continue;
        if (!best || coverage > best.coverage) best = { matched, coverage };
      }
      if (!best) continue;
      const negText = ctx.paragraph(neg).text;
      const posText = ctx.paragraph(pos).text;
      const negFrom = scope.cueStart;
      const negTo = scope.tokens[scope.tokens.length - 1]!.end;
      const posFrom = Math.min(...best.matched.map((t) => t.start));
      const posTo = Math.max(...best.matched.map((t) => t.end));
      const [dn, dp] = [ctx.doc(neg.doc), ctx.doc(pos.doc)];
      out.push({
        kind: 'conflict',
        docs: [pos.doc, neg.doc],
        points: sharedPoints(ctx, pos, neg),
        evidence: [pos, neg],
        text: `${baseName(dp.path)} says ${quoted(posText.slice(posFrom, posTo))}; ${baseName(dn.path)} says the opposite: ${quoted(negText.slice(negFrom, negTo))}.`,
        weight: rounded(2.5 + best.coverage, 3),
        spans: [range(ctx, pos, posFrom, posTo), range(ctx, neg, negFrom, negTo)],
      });
    }
  }
  return out;
}

/** A negated or denied stretch that can carry a claim, with what every comparison reads of it. */
interface Claim {
  readonly scope: Scope;
  /** The scope's content words, and their lemmas. */
  readonly claim: readonly WordToken[];
  readonly claimLemmas: readonly string[];
  /** Its head word: the first verb or noun that is not a light verb (content word or not). */
  readonly head: WordToken;
  readonly sentence: number;
  /** The last few content words before the cue ("Hooker's statement notably stopped short of"). */
  readonly subject: readonly WordToken[];
}

interface ParagraphClaims {
  readonly claims: Claim[];
  /** Per sentence, its content words outside any negated stretch (what the paragraph asserts), and their lemmas. */
  readonly asserted: { tokens: WordToken[]; lemmas: string[] }[];
  readonly sources: Map<number, Set<string>>;
}

/**
 * Each paragraph's claims, assertions and credited sources, read once (a paragraph meets many others). Claims
 * are read for every paragraph; assertions and sources only for paragraphs that meet a claim, when first asked.
 * They depend on the paragraph's words alone, so they are kept with its features: an analysis after an edit
 * re-reads only the edited article's (the paragraphs without features all have none).
 */
class ScopeMemo {
  private static readonly byFeatures = new WeakMap<ParagraphFeatures, ParagraphClaims>();

  constructor(private readonly ctx: DetectContext) {}

  of(ref: ParagraphRef): ParagraphClaims {
    const f = this.ctx.features(ref);
    let entry = ScopeMemo.byFeatures.get(f);
    if (!entry) {
      entry = readClaims(f, this.ctx.paragraph(ref).text);
      if (f !== EMPTY_FEATURES) ScopeMemo.byFeatures.set(f, entry);
    }
    return entry;
  }
}

function readClaims(f: ParagraphFeatures, text: string): ParagraphClaims {
  const scopes = scopesOf(f, text);
  const claims: Claim[] = [];
  for (const scope of scopes) {
    const claim = scope.tokens.filter((t) => t.content);
    // The head is the stretch's first verb or noun even when it is too common to count as content: in "never part
    // of the workers' contracts" the claim is about being part of them, and "the workers' contracts" alone is not it.
    const head = scope.tokens.find((t) => (t.pos === 'VERB' || t.pos === 'NOUN') && !LIGHT_VERBS.has(t.lemma) && !AUXILIARIES.has(t.lemma));
    if (claim.length < CLAIM_WORDS || !head) continue;
    const sentence = scope.tokens[0]!.sentence;
    const inScope = new Set(scope.tokens);
    const subject = f.tokens.filter((t) => t.sentence === sentence && t.content && !inScope.has(t) && t.start < scope.cueStart && !isCue(t)).slice(-SUBJECT_WORDS);
    claims.push({ scope, claim, claimLemmas: contentLemmas(claim), head, sentence, subject });
  }
  let asserted: ParagraphClaims['asserted'] | null = null;
  let sources: ParagraphClaims['sources'] | null = null;
  return {
    claims,
    get asserted() {
      if (!asserted) {
        const negated = new Set(scopes.flatMap((s) => s.tokens));
        const bySentence = Array.from({ length: f.sentences.length }, () => ({ tokens: [] as WordToken[], lemmas: [] as string[] }));
        for (const t of f.tokens) {
          const slot = bySentence[t.sentence];
          if (slot && t.content && !negated.has(t)) {
            slot.tokens.push(t);
            slot.lemmas.push(t.lemma);
          }
        }
        asserted = bySentence;
      }
      return asserted;
    },
    get sources() {
      return (sources ??= sourcesBySentence(f));
    },
  };
}

function bestMatch(words: WordMatcher, lemma: string, tokens: readonly WordToken[]): { token: WordToken | null; sim: number } {
  let token: WordToken | null = null;
  let sim = 0;
  for (const t of tokens) {
    const x = words.similarity(lemma, t.lemma);
    if (x > sim) {
      sim = x;
      token = t;
    }
  }
  return { token, sim };
}

/** The named sources each sentence credits (reporting verbs near a name, quotations with a speaker). */
function sourcesBySentence(f: ParagraphFeatures): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const a of attributionsOf(f)) (out.get(a.sentence) ?? out.set(a.sentence, new Set()).get(a.sentence)!).add(identityOf(a.source)[0]!);
  return out;
}

/** Both sentences credit named sources, and none in common: two parties' positions, not two outlets disagreeing. */
function differentSources(x: ReadonlySet<string> | undefined, y: ReadonlySet<string> | undefined): boolean {
  if (!x?.size || !y?.size) return false;
  for (const s of x) if (y.has(s)) return false;
  return true;
}

/** Words of negation and denial cues themselves (never the subject of a claim). */
function isCue(t: WordToken): boolean {
  return NEGATIONS.has(t.lemma) || DENIAL_VERBS.has(t.lemma) || DENIAL_PHRASES.some((ph) => ph.includes(t.lemma));
}

/** Verbs too general to carry a claim on their own ("going to leave": the claim is "leave"). */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['be', 'have', 'do', 'go', 'get', 'make', 'take', 'come', 'give', 'put', 'seem', 'become', 'say', 'tell', 'want', 'try', 'use', 'let', 'keep']);

/** The words that negate what follows them. */
const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'nor', 'neither', 'cannot', 'none', 'nobody', 'nothing', 'nowhere']);

/** Whether a negation denies what follows it: not "not sure", "no longer", "not been told", "not unfamiliar". */
function isDenial(scope: readonly WordToken[]): boolean {
  const first = scope.find((t) => !AUXILIARIES.has(t.lemma));
  if (!first || NOT_A_DENIAL.has(first.lemma)) return false;
  return !(first.pos === 'ADJ' && /^(?:un|in|im|il|ir|non|dis)\p{L}{4,}/u.test(first.lemma));
}

const NEEDS_INFINITIVE: ReadonlySet<string> = new Set(['fail', 'refuse', 'decline']);

const AUXILIARIES: ReadonlySet<string> = new Set(['be', 'been', 'being', 'have', 'has', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'to', 'ever', 'even', 'yet']);

/** Where a sentence clause ends: punctuation between two words, or a conjunction that turns the claim. */
function clauseBreak(text: string, prev: WordToken, next: WordToken): boolean {
  return /[,;:.!?()—–]/.test(text.slice(prev.end, next.start)) || /^(?:but|while|although|though|however|yet|whereas)$/.test(next.lemma);
}

/** Denial phrases by their first word, in the lexicon's order. */
const DENIAL_PHRASES_BY_FIRST: ReadonlyMap<string, readonly (readonly string[])[]> = DENIAL_PHRASES.reduce((m, ph) => m.set(ph[0]!, [...(m.get(ph[0]!) ?? []), ph]), new Map<string, (readonly string[])[]>());

/** The negated and denied stretches of a paragraph: wink-nlp's negation scopes and denial cues to their clause's end. */
function scopesOf(f: ParagraphFeatures, text: string): Scope[] {
  const out: Scope[] = [];
  const tokens = f.tokens;
  // wink-nlp negation: consecutive negated tokens after a cue. Only plain negations count: wink also opens a
  // scope after words like "prevent" or "without", which do not deny a claim.
  for (let k = 0; k < tokens.length; k++) {
    if (!tokens[k]!.negated) continue;
    let j = k;
    while (j + 1 < tokens.length && tokens[j + 1]!.negated && tokens[j + 1]!.sentence === tokens[k]!.sentence) j++;
    const cue = tokens[k - 1];
    if (cue && NEGATIONS.has(cue.lemma.toLowerCase()) && isDenial(tokens.slice(k, j + 1))) out.push({ tokens: tokens.slice(k, j + 1), cueStart: cue.start });
    k = j;
  }
  // Denials: a denial verb or phrase, then the rest of its clause.
  for (let k = 0; k < tokens.length; k++) {
    const phrase = DENIAL_PHRASES_BY_FIRST.get(tokens[k]!.lemma)?.find((ph) => ph.every((w, i) => tokens[k + i]?.lemma === w));
    // "failed to reach", "refused to": these deny only with their infinitive ("a failed campaign" denies nothing).
    const verb = tokens[k]!;
    const denies = DENIAL_VERBS.has(verb.lemma) && verb.pos === 'VERB' && (!NEEDS_INFINITIVE.has(verb.lemma) || tokens[k + 1]?.lemma === 'to');
    const cueLength = phrase ? phrase.length : denies ? (NEEDS_INFINITIVE.has(verb.lemma) ? 2 : 1) : 0;
    if (!cueLength) continue;
    let j = k + cueLength;
    // "declined to comment", "refused to": skip the infinitive marker.
    const from = j;
    while (j < tokens.length && tokens[j]!.sentence === tokens[k]!.sentence && (j === from || !clauseBreak(text, tokens[j - 1]!, tokens[j]!))) j++;
    if (j > from && isDenial(tokens.slice(from, j))) out.push({ tokens: tokens.slice(from, j), cueStart: tokens[k]!.start });
    k = j - 1;
  }
  return out;
}

// ——— quotes ———

/** The same quotation credited to different people in two articles. */
function quoteConflicts(ctx: DetectContext, otherEvents: ReadonlySet<string>): Disagreement[] {
  const quotes: { ref: ParagraphRef; text: string; speaker: string; start: number; end: number }[] = [];
  for (const d of ctx.documents) {
    if (otherEvents.has(d.id)) continue;
    for (const p of d.paragraphs) {
      const ref = { doc: d.id, paragraph: p.index };
      for (const q of substantialQuotes(ctx.features(ref))) {
        if (q.speaker && quoteWords(q.text).length >= QUOTE_CONFLICT_WORDS) quotes.push({ ref, text: q.text, speaker: fullName(ctx, d.id, q.speaker), start: q.start, end: q.end });
      }
    }
  }
  const out: Disagreement[] = [];
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      const [x, y] = [quotes[i]!, quotes[j]!];
      if (x.ref.doc === y.ref.doc || quoteOverlap(x.text, y.text) < SAME_QUOTE || sameSpeaker(ctx, x, y)) continue;
      if (!isPersonName(x.speaker) || !isPersonName(y.speaker)) continue;
      const [dx, dy] = [ctx.doc(x.ref.doc), ctx.doc(y.ref.doc)];
      const sides: [Side, Side] = [
        { span: range(ctx, x.ref, x.start, x.end), value: x.speaker.toLowerCase(), said: x.speaker, quote: x.text },
        { span: range(ctx, y.ref, y.start, y.end), value: y.speaker.toLowerCase(), said: y.speaker, quote: y.text },
      ];
      out.push({
        finding: {
          kind: 'conflict',
          docs: [x.ref.doc, y.ref.doc],
          points: sharedPoints(ctx, x.ref, y.ref),
          evidence: [x.ref, y.ref],
          text: `The same words are credited to different people: ${baseName(dx.path)} quotes ${x.speaker}, ${baseName(dy.path)} quotes ${y.speaker} (${quoted(clip(x.text))}).`,
          weight: 3,
          spans: sides.map((s) => s.span),
        },
        sides,
        against: (lone, many) =>
          `The same words are credited to different people: ${namesOf(ctx, [lone])} quotes ${lone.said}, ${namesOf(ctx, many)} quote ${many[0]!.said} (${quoted(clip(lone.quote!))}).`,
      });
    }
  }
  return out;
}

/** A speaker as the article names them in full: "Solberg" → "Petra Solberg" when the article says so elsewhere. */
function fullName(ctx: DetectContext, docId: string, speaker: string): string {
  const last = speaker.trim().split(/\s+/).pop()!.replace(/[’']s$/, '').toLowerCase();
  let best = speaker;
  for (const p of ctx.doc(docId).paragraphs) {
    for (const n of ctx.names({ doc: docId, paragraph: p.index })) {
      if (n.keys[n.keys.length - 1] === last && n.text.length > best.length) best = n.text;
    }
  }
  return best;
}

/** Words that make a name an institution or a place, not a person who could be misquoted. */
const INSTITUTION = /\b(?:county|city|state|states|department|police|office|ministry|agency|house|court|university|council|committee|government|party|company|corporation|inc|news|press|association|union|army|forces|patrol|service|bureau|commission|authority|authorities|avenue|street|road|square|boulevard|district)\b/i;

/** A speaker written as a person's name: two or more capitalised words, none of them an institution's. */
function isPersonName(speaker: string): boolean {
  return speaker.trim().split(/\s+/).length >= 2 && !INSTITUTION.test(speaker);
}

/** Whether two speakers as written are one person ("Allison Hooker", "Hooker", "Under Secretary Hooker"). */
function sameSpeaker(ctx: DetectContext, x: { ref: ParagraphRef; speaker: string }, y: { ref: ParagraphRef; speaker: string }): boolean {
  const keysOf = (ref: ParagraphRef, speaker: string) => {
    const name = ctx.features(ref).names.find((n) => n.text === speaker || speaker.includes(n.text));
    return name ? identityOf(name) : [speaker.toLowerCase().split(/\s+/).pop()!];
  };
  const kx = keysOf(x.ref, x.speaker);
  const ky = new Set(keysOf(y.ref, y.speaker));
  return kx.some((k) => ky.has(k));
}

// ——— shared helpers ———

function sharedPoints(ctx: DetectContext, a: ParagraphRef, b: ParagraphRef): string[] {
  const pb = new Set(ctx.pointsOf(b));
  return ctx.pointsOf(a).filter((p) => pb.has(p));
}

function range(ctx: DetectContext, ref: ParagraphRef, start: number, end: number): TextRange {
  return { doc: ref.doc, paragraph: ref.paragraph, start, end, text: ctx.paragraph(ref).text.slice(start, end) };
}

/** "worker" → "workers", "casualty" → "casualties" (units are lemmas). */
function plural(noun: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

function clip(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 12 ? text : `${words.slice(0, 12).join(' ')}…`;
}
