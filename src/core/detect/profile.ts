import type { ParagraphFeatures, WordToken } from '../features';
import { NOT_CONTENT_KINDS, type ArticleProfile, type DocumentReport, type FrameShare, type Paragraph, type Tone } from '../types';
import { rounded, TEXT_ORDER, type DetectContext } from './context';
import { FRAMES } from '../lexicon/frames';
import { ATTRIBUTION_VERBS, EVALUATIVE, HEDGE_PHRASES, HEDGES, LOADED_LABELS } from '../lexicon/words';

/** How many example words the tone line keeps of each kind. */
const EXAMPLES = 4;
/** A paragraph "carries" a frame when this share of its words goes to it. */
const FRAME_PARAGRAPH_SHARE = 0.3;

/** Hedge phrases by their first word, in lexicon order (a token is checked only against phrases it can open). */
const HEDGE_PHRASES_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const ph of HEDGE_PHRASES) {
  const list = HEDGE_PHRASES_BY_FIRST.get(ph[0]!) ?? [];
  list.push(ph);
  HEDGE_PHRASES_BY_FIRST.set(ph[0]!, list);
}
/** The frames each cue word points to, in FRAMES order. */
const FRAMES_BY_CUE = new Map<string, string[]>();
for (const fr of FRAMES) for (const cue of fr.cues) (FRAMES_BY_CUE.get(cue) ?? FRAMES_BY_CUE.set(cue, []).get(cue)!).push(fr.id);
const NONE: readonly string[] = [];

/** An article's tone and frames: they depend on the article alone, so they are read when it is prepared. */
export type ArticleVoice = Omit<ArticleProfile, 'doc'>;

/** Tone and frames of every article (as prepared with it, or read now). */
export function profileArticles(ctx: DetectContext): ArticleProfile[] {
  return ctx.documents.map((d, i) => ({ doc: d.id, ...(ctx.input.voices?.[i] ?? articleVoice(d, ctx.input.features[i]!)) }));
}

/** Tone and frames of one article from its paragraphs and their features. */
export function articleVoice(doc: Pick<DocumentReport, 'paragraphs' | 'words'>, features: readonly ParagraphFeatures[]): ArticleVoice {
  const content = doc.paragraphs.filter((p) => !NOT_CONTENT_KINDS.has(p.kind) && p.kind !== 'heading');
  return { tone: toneOf(content, features), frames: framesOf(doc, content, features) };
}

/**
 * The tone line: hedges, attributions and loaded words (labels and evaluative words) per 100 content words, and
 * the mean sentence sentiment wink-nlp reads.
 */
function toneOf(content: readonly Paragraph[], features: readonly ParagraphFeatures[]): Tone {
  let words = 0;
  let sentimentSum = 0;
  let sentences = 0;
  const hedges = new Counter();
  const attributions = new Counter();
  const loaded = new Counter();
  for (const p of content) {
    const f = features[p.index]!;
    words += f.tokens.length;
    for (const s of f.sentiments) {
      sentimentSum += s;
      sentences++;
    }
    const text = (t: WordToken) => p.text.slice(t.start, t.end).toLowerCase();
    f.tokens.forEach((t, k) => {
      if (HEDGES.has(t.lemma)) hedges.add(text(t));
      const phrase = HEDGE_PHRASES_BY_FIRST.get(t.lemma)?.find((ph) => ph.every((w, i) => f.tokens[k + i]?.lemma === w));
      if (phrase) hedges.add(phrase.join(' '));
      if (t.lemma in ATTRIBUTION_VERBS && (t.pos === 'VERB' || (t.lemma === 'according' && f.tokens[k + 1]?.lemma === 'to'))) attributions.add(text(t));
      if (t.lemma in LOADED_LABELS || EVALUATIVE.has(t.lemma)) loaded.add(text(t));
    });
  }
  const per100 = (n: number) => (words ? Math.round((n / words) * 10000) / 100 : 0);
  return {
    words,
    hedges: hedges.total,
    attributions: attributions.total,
    loaded: loaded.total,
    hedgesPer100: per100(hedges.total),
    attributionsPer100: per100(attributions.total),
    loadedPer100: per100(loaded.total),
    sentiment: sentences ? rounded(sentimentSum / sentences, 3) : 0,
    examples: { hedges: hedges.top(EXAMPLES), attributions: attributions.top(EXAMPLES), loaded: loaded.top(EXAMPLES) },
  };
}

/**
 * Share of an article's content words spent on each frame: every sentence's words go to the frames whose cue
 * words it uses, in proportion to how many of each it has (a sentence with no cue goes to none).
 */
function framesOf(doc: Pick<DocumentReport, 'paragraphs' | 'words'>, content: readonly Paragraph[], features: readonly ParagraphFeatures[]): FrameShare[] {
  const total = new Map<string, number>();
  const byParagraph = new Map<string, Map<number, number>>();
  for (const p of content) {
    const f = features[p.index]!;
    const sentences = new Map<number, WordToken[]>();
    for (const t of f.tokens) (sentences.get(t.sentence) ?? sentences.set(t.sentence, []).get(t.sentence)!).push(t);
    for (const tokens of sentences.values()) {
      const cues = new Map<string, number>();
      let all = 0;
      for (const t of tokens) {
        for (const id of FRAMES_BY_CUE.get(t.lemma) ?? NONE) {
          cues.set(id, (cues.get(id) ?? 0) + 1);
          all++;
        }
      }
      for (const [id, n] of cues) {
        const w = (tokens.length * n) / all;
        total.set(id, (total.get(id) ?? 0) + w);
        const per = byParagraph.get(id) ?? byParagraph.set(id, new Map()).get(id)!;
        per.set(p.index, (per.get(p.index) ?? 0) + w);
      }
    }
  }
  const out: FrameShare[] = [];
  for (const fr of FRAMES) {
    const w = total.get(fr.id) ?? 0;
    if (!w || !doc.words) continue;
    const per = byParagraph.get(fr.id)!;
    const paragraphs = [...per]
      .filter(([i, x]) => x >= FRAME_PARAGRAPH_SHARE * Math.max(1, doc.paragraphs[i]!.words))
      .map(([i]) => i)
      .sort((a, b) => a - b);
    out.push({ frame: fr.id, label: fr.label, share: Math.round(Math.min(1, w / doc.words) * 10000) / 10000, paragraphs });
  }
  return out.sort((a, b) => b.share - a.share);
}

/** Counts words as written, to show the most frequent. */
class Counter {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(word: string): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    this.total++;
  }

  top(n: number): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || TEXT_ORDER.compare(a[0], b[0])).slice(0, n).map(([w]) => w);
  }
}
