import type { Token } from './tokens';
import type { NameMention, QuoteFeature, TextSpan } from './types';

/** Verbs that attribute speech or writing (lemmas). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  (
    'say tell add write state declare insist claim warn note explain ask tweet post continue urge announce confirm deny ' +
    'allege argue acknowledge reply respond remark stress emphasize emphasise maintain contend describe call vow pledge ' +
    'admit concede complain predict suggest recall report'
  ).split(' '),
);

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);

/** Double quotes, guillemets, and single quotes that open after a space and close before a non-letter. */
const QUOTE_PATTERNS: readonly RegExp[] = [/“([^”]{1,800})”/gu, /"([^"\n]{1,800})"/gu, /«([^»]{1,800})»/gu, /(?<=^|[\s(—–-])‘([^’]{1,400})’(?!\p{L})/gu];

/**
 * Quotations and who said them. The speaker is the name next to a speech verb in the sentence around the
 * quote ("… ,” Hooker wrote", "She continued, “…”", "according to the ministry"); a pronoun is kept as such
 * and resolved later against the article's earlier speakers.
 */
export function findQuotes(
  text: string,
  tokens: readonly Token[],
  sentences: readonly TextSpan[],
  names: readonly NameMention[],
): QuoteFeature[] {
  const spans: TextSpan[] = [];
  for (const re of QUOTE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!spans.some((s) => start < s.end && end > s.start)) spans.push({ start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.map((q) => {
    const inner = text.slice(q.start + 1, q.end - 1).trim();
    const speaker = speakerOf(q, tokens, sentences, names, spans);
    return { start: q.start, end: q.end, text: inner, speaker: speaker?.name ?? null, speakerIsPronoun: speaker?.pronoun ?? false };
  });
}

function speakerOf(
  quote: TextSpan,
  tokens: readonly Token[],
  sentences: readonly TextSpan[],
  names: readonly NameMention[],
  quotes: readonly TextSpan[],
): { name: string; pronoun: boolean } | null {
  // The frame: the sentences the quote touches, plus the next one ("“…” / she added."), minus every quotation.
  const touched = sentences.filter((s) => s.start < quote.end && s.end > quote.start);
  if (!touched.length) return null;
  const frame = { start: touched[0]!.start, end: touched[touched.length - 1]!.end };
  const outside = (s: TextSpan) => s.start >= frame.start && s.end <= frame.end && !quotes.some((q) => s.start < q.end && s.end > q.start);
  const verbs = tokens
    .map((t, k) => ({ t, k }))
    .filter(({ t, k }) => outside(t) && (SPEECH_VERBS.has(t.lemma) || (t.lemma === 'accord' && tokens[k + 1]?.value === 'to')))
    .sort((a, b) => distance(a.t, quote) - distance(b.t, quote));
  for (const { t: verb, k } of verbs) {
    const candidates = names
      .filter((n) => outside(n) && Math.abs(n.start - verb.start) <= 80)
      .sort((a, b) => distance(a, verb) - distance(b, verb));
    const before = tokens[k - 1];
    if (before && before.pos === 'PRON' && PRONOUNS.has(before.value.toLowerCase())) {
      return { name: before.value, pronoun: true };
    }
    const after = tokens[k + 1];
    if (verb.lemma !== 'accord' && after && after.pos === 'PRON' && PRONOUNS.has(after.value.toLowerCase()) && after.start >= quote.end) {
      return { name: after.value, pronoun: true };
    }
    if (candidates[0]) return { name: candidates[0].text, pronoun: false };
  }
  return null;
}

function distance(a: TextSpan, b: TextSpan): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}
