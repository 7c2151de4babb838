import { diffArrays } from 'diff';
import type { ParagraphFeatures, WordToken } from '../features';
import { baseName } from '../load/format';
import type { Finding, Pair, ParagraphRef, Substitution, TextRange } from '../types';
import { uniqueRefs, rounded, TEXT_ORDER, type DetectContext } from './context';
import { ATTRIBUTION_VERBS, EVALUATIVE, LOADED_LABELS, REFERENT_GROUP_OF } from '../lexicon/words';

/** Outside the curated wordings, two nouns or two verbs name the same thing when their vectors are this similar. */
const PLAIN_REFERENT = 0.7;
/** A substitution found through word vectors sits in a run of at most this many words on each side… */
const PLAIN_RUN = 3;
/** The most aligned pairs whose words are compared (the best-scored first): bounds the cost in large sets. */
const MAX_PAIRS = 200;
const PAIRS_PER_ARTICLE = 40;
/** The most wording findings reported. */
const MAX_FINDINGS = 8;


/**
 * Wording: inside aligned paragraph pairs, the word-level diff (jsdiff over the lemma sequences) leaves runs
 * removed on one side and added on the other; a removed and an added word of one run that name the same
 * referent or action (same part of speech, close word vectors, or a loaded label and its plain counterpart)
 * are a substitution — "strikes" / "bombings", "government" / "regime", "said" / "claimed". Substitutions are
 * gathered over all pairs; the ones that carry a judgement (a loaded or evaluative word, a reporting verb that
 * doubts or concedes) or recur become findings.
 */
export function findWording(ctx: DetectContext, otherEvents: ReadonlySet<string>): { substitutions: Substitution[]; findings: Finding[] } {
  const limit = Math.min(MAX_PAIRS, PAIRS_PER_ARTICLE * ctx.documents.length);
  const pairs: Pair[] = [];
  for (const p of ctx.pairsByScore()) {
    if (pairs.length >= limit) break;
    if (!otherEvents.has(p.a.doc) && !otherEvents.has(p.b.doc)) pairs.push(p);
  }
  const substitutions: Substitution[] = [];
  for (const p of pairs) substitutions.push(...substitutionsOf(ctx, p.a, p.b));
  return { substitutions, findings: wordingFindings(ctx, substitutions) };
}

/** Lemmas as the diff compares them: curly and straight apostrophes alike. */
function diffForm(lemma: string): string {
  return lemma.replace(/’/g, "'");
}

type PosGroup = 'noun' | 'verb' | 'modifier' | null;

function posGroup(t: WordToken): PosGroup {
  if (t.pos === 'NOUN') return 'noun';
  if (t.pos === 'VERB') return 'verb';
  if (t.pos === 'ADJ' || t.pos === 'ADV') return 'modifier';
  return null;
}

/**
 * The substitutions between two aligned paragraphs. Each sentence of one is diffed against the sentence of the
 * other that shares most of its content words (the diff of two whole paraphrased paragraphs is long and slow, and
 * pairs words from unrelated sentences).
 */
export function substitutionsOf(ctx: DetectContext, a: ParagraphRef, b: ParagraphRef): Substitution[] {
  const out: Substitution[] = [];
  for (const changes of sentenceChangesOf(ctx.features(a), ctx.features(b))) out.push(...substitutionsIn(ctx, a, b, changes));
  return out;
}

/** What the diff of two sentences leaves: the words only one side has, in stretches between words both share. */
interface SentenceChanges {
  readonly runs: readonly { readonly removed: readonly WordToken[]; readonly added: readonly WordToken[] }[];
  /** The lemmas of each whole paragraph (a word moved to another sentence was not replaced). */
  readonly inA: ReadonlySet<string>;
  readonly inB: ReadonlySet<string>;
}

/**
 * The diffs of two paragraphs depend on their words alone, so they are kept with the paragraphs' features: the
 * extension's cache holds those across analyses, and re-analysing after an edit re-reads only the pairs it touched.
 */
const changesMemo = new WeakMap<ParagraphFeatures, WeakMap<ParagraphFeatures, readonly SentenceChanges[]>>();

function sentenceChangesOf(fa: ParagraphFeatures, fb: ParagraphFeatures): readonly SentenceChanges[] {
  let byB = changesMemo.get(fa);
  if (!byB) changesMemo.set(fa, (byB = new WeakMap()));
  let known = byB.get(fb);
  if (!known) byB.set(fb, (known = diffParagraphs(wordsOf(fa), wordsOf(fb))));
  return known;
}

/** A paragraph's words as the diff reads them; one paragraph is diffed with each it is aligned with. */
interface DiffWords {
  /** Every lemma of the paragraph. */
  readonly lemmas: ReadonlySet<string>;
  readonly sentences: readonly (readonly WordToken[])[];
  /** Each sentence's distinct content lemmas. */
  readonly content: readonly ReadonlySet<string>[];
}

const wordsMemo = new WeakMap<ParagraphFeatures, DiffWords>();

function wordsOf(f: ParagraphFeatures): DiffWords {
  let w = wordsMemo.get(f);
  if (!w) {
    const sentences = bySentence(f.tokens);
    wordsMemo.set(f, (w = { lemmas: new Set(f.tokens.map((t) => t.lemma)), sentences, content: sentences.map(contentLemmaSet) }));
  }
  return w;
}

function diffParagraphs(a: DiffWords, b: DiffWords): SentenceChanges[] {
  const out: SentenceChanges[] = [];
  a.sentences.forEach((sa, i) => {
    const mine = a.content[i]!;
    let best = -1;
    let shared = MIN_ANCHORS - 1;
    b.content.forEach((theirs, k) => {
      let n = 0;
      for (const t of theirs) if (mine.has(t)) n++;
      if (n > shared) {
        shared = n;
        best = k;
      }
    });
    // Reworded sentences keep a good part of their words; two that share only a couple are different sentences.
    if (best >= 0 && shared >= MIN_ANCHOR_SHARE * Math.min(mine.size, b.content[best]!.size)) {
      const runs = diffSentences(sa, b.sentences[best]!);
      if (runs) out.push({ runs, inA: a.lemmas, inB: b.lemmas });
    }
  });
  return out;
}

/** Two sentences share this many content words before one is read as a rewording of the other (and this share)… */
const MIN_ANCHORS = 2;
const MIN_ANCHOR_SHARE = 0.25;
/** …and differ in at most this share of their words (or MIN_EDITS words, for short ones). */
const MAX_EDIT_SHARE = 0.6;
const MIN_EDITS = 8;

function contentLemmaSet(tokens: readonly WordToken[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.content) out.add(t.lemma);
  return out;
}

function bySentence(tokens: readonly WordToken[]): WordToken[][] {
  const out: WordToken[][] = [];
  for (const t of tokens) (out[t.sentence] ??= []).push(t);
  return out.filter(Boolean);
}

/**
 * The word-level diff of two sentences (jsdiff over lemmas) as its changed stretches: words only one side has,
 * between words both share. Null when the sentences differ in too many words to be one rewording.
 */
function diffSentences(ta: readonly WordToken[], tb: readonly WordToken[]): SentenceChanges['runs'] | null {
  // Sentences that differ in most of their words are a rewrite, not a rewording: the diff gives up on them early.
  const left = ta.map((t) => diffForm(t.lemma));
  const right = tb.map((t) => diffForm(t.lemma));
  const maxEditLength = Math.max(MIN_EDITS, Math.round(MAX_EDIT_SHARE * (ta.length + tb.length)));
  // A diff needs at least as many edits as words the two sides do not share (counted with repeats): when that
  // already exceeds the limit the diff would give up, so it is not run.
  if (left.length + right.length - 2 * sharedCount(left, right) > maxEditLength) return null;
  const changes = diffArrays(left, right, { maxEditLength });
  if (!changes) return null;
  const runs: { removed: WordToken[]; added: WordToken[] }[] = [{ removed: [], added: [] }];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const run = runs[runs.length - 1]!;
    if (change.removed) run.removed.push(...ta.slice(i, (i += change.count)));
    else if (change.added) run.added.push(...tb.slice(j, (j += change.count)));
    else {
      i += change.count;
      j += change.count;
      runs.push({ removed: [], added: [] });
    }
  }
  return runs;
}

/**
 * The substitutions in one sentence pair's changed stretches: a word only one side has paired with a word only the
 * other has that names the same thing — one of a curated group of alternative wordings ("strike" / "bombing"), a
 * loaded label and its plain word, or, within one short changed stretch, a noun or verb the word vectors find very
 * close.
 */
function substitutionsIn(ctx: DetectContext, a: ParagraphRef, b: ParagraphRef, { runs, inA, inB }: SentenceChanges): Substitution[] {
  const out: Substitution[] = [];
  const used = new Set<WordToken>();
  const replaced = (r: WordToken) => !!posGroup(r) && r.content && !inB.has(r.lemma);
  const fresh = (d: WordToken) => d.content && !used.has(d) && !inA.has(d.lemma);
  const push = (r: WordToken, d: WordToken, similarity: number, basis: Substitution['basis']) => {
    used.add(d);
    out.push({ a: range(ctx, a, r), b: range(ctx, b, d), lemmaA: r.lemma, lemmaB: d.lemma, pos: posGroup(r)!, similarity: rounded(similarity, 3), basis });
  };
  // Curated wordings anywhere in the two sentences ("dumped water" here, "releasing water" further on)…
  const removedAll = runs.flatMap((r) => r.removed).filter(replaced);
  const addedAll = runs.flatMap((r) => r.added);
  const paired = new Set<WordToken>();
  for (const r of removedAll) {
    const d = addedAll.find((x) => fresh(x) && !sameStem(r.lemma, x.lemma) && sameReferent(r.lemma, x.lemma));
    if (d) {
      push(r, d, 1, 'lexicon');
      paired.add(r);
    }
  }
  // …and, within one short changed stretch, a noun or verb the word vectors find very close.
  for (const run of runs) {
    if (!run.removed.length || !run.added.length || Math.max(run.removed.length, run.added.length) > PLAIN_RUN) continue;
    for (const r of run.removed) {
      if (paired.has(r) || !replaced(r) || posGroup(r) === 'modifier') continue;
      let best: WordToken | null = null;
      let bestSim = 0;
      for (const d of run.added) {
        if (!fresh(d) || posGroup(d) !== posGroup(r) || sameStem(r.lemma, d.lemma)) continue;
        const sim = ctx.input.words.similarity(r.lemma, d.lemma);
        if (sim >= PLAIN_REFERENT && sim > bestSim) {
          bestSim = sim;
          best = d;
        }
      }
      if (best) push(r, best, bestSim, 'vectors');
    }
  }
  return out;
}

/** How many words two sequences share, counting repeats (the longest common subsequence is at most this). */
function sharedCount(left: readonly string[], right: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of right) {
    const c = counts.get(w);
    if (c) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  return shared;
}

/** Two lemmas of one curated group of wordings, or a loaded label and its plain word. */
function sameReferent(x: string, y: string): boolean {
  if (LOADED_LABELS[x] === y || LOADED_LABELS[y] === x) return true;
  const gx = REFERENT_GROUP_OF.get(x);
  return gx !== undefined && gx === REFERENT_GROUP_OF.get(y);
}

/** "terrorism" / "terrorist", "escalation" / "de-escalation": one word's family, not two wordings. */
function sameStem(x: string, y: string): boolean {
  if (x.endsWith(`-${y}`) || y.endsWith(`-${x}`)) return true;
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  return k >= 5 || (k >= 4 && k >= Math.min(x.length, y.length) - 1);
}

/** A word that carries the writer's judgement: a loaded label, an evaluative word, a reporting verb with a stance. */
function isJudged(lemma: string, verb: boolean): boolean {
  return lemma in LOADED_LABELS || EVALUATIVE.has(lemma) || (verb && isStanceVerb(lemma));
}

/** What a judged word does, for the finding's text. */
function judgement(l: string, verb: boolean): string {
  if (l in LOADED_LABELS) return ` — “${l}” is a loaded label${LOADED_LABELS[l] ? ` (plainer: “${LOADED_LABELS[l]}”)` : ''}`;
  if (EVALUATIVE.has(l)) return ` — “${l}” is the writer's judgement`;
  const stance = verb ? ATTRIBUTION_VERBS[l] : undefined;
  if (stance === 'doubting') return ` — “${l}” casts doubt on what is reported`;
  if (stance === 'conceding') return ` — “${l}” presents it as a concession`;
  if (stance === 'endorsing') return ` — “${l}” presents it as established`;
  if (stance === 'denying') return ` — “${l}” presents it as a denial`;
  return '';
}

/** A reporting verb that doubts, concedes, endorses or denies ("claimed", "admitted", "revealed", "denied"). */
function isStanceVerb(lemma: string): boolean {
  const stance = ATTRIBUTION_VERBS[lemma];
  return stance !== undefined && stance !== 'neutral' && stance !== 'urging';
}

function range(ctx: DetectContext, ref: ParagraphRef, t: WordToken): TextRange {
  return { doc: ref.doc, paragraph: ref.paragraph, start: t.start, end: t.end, text: ctx.paragraph(ref).text.slice(t.start, t.end) };
}

/**
 * Gathers substitutions by what they name (a curated group of wordings, or a pair of words the vectors tie) and
 * reports, for each, which word each article uses — most telling first: judged words, then curated wordings,
 * then how often the difference recurs.
 */
function wordingFindings(ctx: DetectContext, substitutions: readonly Substitution[]): Finding[] {
  interface Usage {
    count: number;
    range: TextRange;
  }
  const groups = new Map<string, { byDoc: Map<string, Map<string, Usage>>; count: number; lexicon: boolean; verbs: boolean }>();
  const use = (g: { byDoc: Map<string, Map<string, Usage>> }, r: TextRange, lemma: string) => {
    const words = g.byDoc.get(r.doc) ?? g.byDoc.set(r.doc, new Map()).get(r.doc)!;
    const u = words.get(lemma);
    if (!u) words.set(lemma, { count: 1, range: r });
    else {
      u.count++;
      // Show the word as body text writes it rather than as a Title Case headline does.
      if (isTitleText(ctx, u.range) && !isTitleText(ctx, r)) u.range = r;
    }
  };
  for (const s of substitutions) {
    const k = s.basis === 'lexicon' ? `group:${REFERENT_GROUP_OF.get(s.lemmaA) ?? REFERENT_GROUP_OF.get(s.lemmaB) ?? [s.lemmaA, s.lemmaB].sort().join('/')}` : `pair:${[s.lemmaA, s.lemmaB].sort().join('/')}`;
    const g = groups.get(k) ?? groups.set(k, { byDoc: new Map(), count: 0, lexicon: s.basis === 'lexicon', verbs: s.pos === 'verb' }).get(k)!;
    use(g, s.a, s.lemmaA);
    use(g, s.b, s.lemmaB);
    g.count++;
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    // Each article's usual word for the thing; articles that agree are listed together.
    const byLemma = new Map<string, { docs: string[]; range: TextRange }>();
    for (const [doc, words] of g.byDoc) {
      const [lemma, usage] = [...words].sort((x, y) => y[1].count - x[1].count || TEXT_ORDER.compare(x[0], y[0]))[0]!;
      const entry = byLemma.get(lemma) ?? byLemma.set(lemma, { docs: [], range: usage.range }).get(lemma)!;
      entry.docs.push(doc);
      if (isTitleText(ctx, entry.range) && !isTitleText(ctx, usage.range)) entry.range = usage.range;
    }
    if (byLemma.size < 2) continue;
    const lemmas = [...byLemma.keys()];
    const judgedWord = lemmas.find((l) => isJudged(l, g.verbs));
    if (!judgedWord && !g.lexicon && g.count < 2) continue;
    const variants = [...byLemma].sort((x, y) => y[1].docs.length - x[1].docs.length || TEXT_ORDER.compare(x[0], y[0]));
    const list = variants.map(([, v]) => `“${v.range.text.toLowerCase()}” (${v.docs.map((d) => baseName(ctx.doc(d).path)).join(', ')})`).join(', ');
    const spans = variants.flatMap(([lemma]) => [...g.byDoc].filter(([, words]) => words.has(lemma)).map(([, words]) => words.get(lemma)!.range));
    out.push({
      kind: 'wording',
      docs: variants.flatMap(([, v]) => v.docs),
      points: [...new Set(spans.flatMap((r) => ctx.pointsOf(r)))],
      evidence: uniqueRefs(spans.map(({ doc, paragraph }) => ({ doc, paragraph }))),
      text: `The same ${g.verbs ? 'action' : 'thing'}, worded differently: ${list}${judgedWord ? judgement(judgedWord, g.verbs) : ''}.`,
      weight: rounded((judgedWord ? 1.5 : g.lexicon ? 1 : 0.5) + Math.min(1, g.count / 4) + g.byDoc.size / 10, 3),
      spans,
    });
  }
  return out.sort((x, y) => y.weight - x.weight).slice(0, MAX_FINDINGS);
}

function isTitleText(ctx: DetectContext, r: ParagraphRef): boolean {
  const kind = ctx.paragraph(r).kind;
  return kind === 'headline' || kind === 'heading' || kind === 'standfirst';
}

