import { dictionary } from '../lexicon/dictionary';
import type { NumberMention } from '../types';
import type { EntitySpan, Token } from './tokens';
import type { NumberFeature } from './types';

const SMALL: Readonly<Record<string, number>> = dictionary({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, half: 0.5,
});
const SCALE: Readonly<Record<string, number>> = dictionary({
  dozen: 12, dozens: 12, hundred: 100, hundreds: 100, thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, mn: 1e6, m: 1e6,
  billion: 1e9, billions: 1e9, bn: 1e9, trillion: 1e12, k: 1e3,
});
const ORDINALS: Readonly<Record<string, number>> = dictionary({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
});
const CURRENCIES: readonly [RegExp, string][] = [
  [/\$|\bdollars?\b|\busd\b/i, 'usd'],
  [/€|\beuros?\b|\beur\b/i, 'eur'],
  [/£|\bpounds?\b|\bgbp\b/i, 'gbp'],
  [/¥|\byen\b|\byuan\b/i, 'jpy-cny'],
  [/₹|\brupees?\b|\brs\.?\b/i, 'inr-pkr'],
];

/** Reads "1,200", "3.5", "eight", "twenty-one", "$5 million", "40%", "2.4bn" as a number; null when it cannot. */
export function parseNumber(text: string): number | null {
  const t = text.toLowerCase().replace(/[$€£¥₹%]/g, ' ').replace(/,(?=\d{3}\b)/g, '');
  let total = 0;
  let current: number | null = null;
  for (const part of t.split(/[\s-]+/).filter(Boolean)) {
    const numeric = /^(\d+(?:\.\d+)?)(k|m|mn|bn)?$/.exec(part);
    if (numeric) {
      current = (current ?? 0) + Number(numeric[1]) * (numeric[2] ? SCALE[numeric[2]]! : 1);
    } else if (part in SMALL) {
      current = (current ?? 0) + SMALL[part]!;
    } else if (part in ORDINALS) {
      current = (current ?? 0) + ORDINALS[part]!;
    } else if (/^\d+(st|nd|rd|th)$/.test(part)) {
      current = (current ?? 0) + parseInt(part, 10);
    } else if (part in SCALE) {
      current = (current ?? 1) * SCALE[part]!;
      if (SCALE[part]! >= 1e3) {
        total += current;
        current = null;
      }
    }
  }
  const value = total + (current ?? 0);
  return current === null && total === 0 ? null : value;
}

const TYPE_OF: Readonly<Record<string, NumberMention['type']>> = dictionary({
  CARDINAL: 'count',
  MONEY: 'money',
  PERCENT: 'percent',
  DATE: 'date',
  TIME: 'time',
  DURATION: 'duration',
  ORDINAL: 'ordinal',
});

/** Numbers with their units: wink's number entities, plus bare numerals it left out. */
export function findNumbers(text: string, tokens: readonly Token[], entities: readonly EntitySpan[]): NumberFeature[] {
  const out: NumberFeature[] = [];
  const covered = new Set<number>();
  for (const e of entities) {
    const type = TYPE_OF[e.type];
    if (!type) continue;
    for (let k = e.first; k <= e.last; k++) covered.add(k);
    out.push(mention(text, tokens, e.first, e.last, type));
  }
  tokens.forEach((t, k) => {
    // A bare four-digit number from 1800 to 2099 is a year ("the 2019 spill"), not a count.
    if (!covered.has(k) && t.pos === 'NUM' && /\d/.test(t.value)) out.push(mention(text, tokens, k, k, 'count'));
  });
  return out.sort((a, b) => a.start - b.start);
}

function mention(text: string, tokens: readonly Token[], first: number, last: number, read: NumberMention['type']): NumberFeature {
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  const written = text.slice(start, end);
  // A bare four-digit number from 1800 to 2099 is a year ("the 2019 spill"), not a count.
  const type = read === 'count' && /^(?:18|19|20)\d\d$/.test(written) ? 'date' : read;
  const value = type === 'date' || type === 'time' ? yearOf(written) : parseNumber(written);
  const { unit, counted } = unitOf(written, tokens, first, last, type);
  const key = `${type}:${value ?? written.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}:${unit}`;
  return { text: written, value, unit, type, start, end, key, countedEnd: counted >= 0 ? tokens[counted]!.end : end };
}

function yearOf(written: string): number | null {
  const m = /\b(1[89]\d\d|20\d\d)\b/.exec(written);
  return m ? Number(m[1]) : null;
}

/**
 * The unit a number carries — a currency, %, or the noun it counts ("eight people" → people) — and the token where
 * that noun ends (-1: none after the number).
 */
function unitOf(written: string, tokens: readonly Token[], first: number, last: number, type: NumberMention['type']): { unit: string; counted: number } {
  if (type === 'percent') return { unit: '%', counted: -1 };
  if (type === 'money') return { unit: CURRENCIES.find(([re]) => re.test(written))?.[1] ?? 'money', counted: -1 };
  if (type === 'date' || type === 'time') return { unit: '', counted: -1 };
  if (type === 'duration') return { unit: tokens[last]!.lemma, counted: -1 };
  // Counts and ordinals: the first noun within a few words ("8 more people", "two Afghan cities"), to the end of its
  // compound, whose last noun is what is counted ("two school halls" → hall).
  for (let k = last + 1; k < Math.min(tokens.length, last + 4); k++) {
    const t = tokens[k]!;
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && t.type === 'word')) {
      // …but "a seven-year deal" counts years: a noun joined to the number by a hyphen is the unit itself.
      const hyphened = tokens[k - 1]?.value === '-' && tokens[k - 1]!.start === tokens[k - 2]?.end;
      let head = k;
      while (!hyphened && tokens[head + 1]?.pos === 'NOUN' && tokens[head + 1]!.start === tokens[head]!.end + 1) head++;
      return { unit: tokens[head]!.lemma, counted: head };
    }
    if (!(t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM' || t.value === 'more' || t.value === '-')) break;
  }
  return { unit: namedBefore(tokens, first), counted: -1 };
}

/** Words that name a count of something: "the number of evacuated residents", "the total of votes". */
const COUNT_NOUNS = new Set(['number', 'total', 'count', 'tally']);
/** What joins the count to its figure: "put the number … at 1,200", "rose to", "was". */
const FIGURE_LINKS = new Set(['at', 'to', 'be', 'reach', 'hit', 'stand']);
/** Approximations between the link and the figure: "at about 1,200", "at least 8" ("at" itself is the link). */
const APPROXIMATIONS = new Set(['about', 'around', 'some', 'roughly', 'approximately', 'nearly', 'almost', 'over', 'more', 'than', 'least', 'just', 'under']);

/**
 * A figure with no noun after it that an earlier "number of X" in its clause names: "put the number of evacuated
 * residents at 1,200" counts residents, "the number of displaced families reached 300" families. '' when none.
 */
function namedBefore(tokens: readonly Token[], first: number): string {
  let k = first - 1;
  while (k >= 0 && APPROXIMATIONS.has(tokens[k]!.lemma)) k--;
  if (k < 0 || !FIGURE_LINKS.has(tokens[k]!.lemma)) return '';
  for (let j = k - 1; j >= Math.max(0, k - 10); j--) {
    const t = tokens[j]!;
    if (t.type === 'punctuation' && /[.;:!?]/.test(t.value)) return '';
    if (!COUNT_NOUNS.has(t.lemma) || tokens[j + 1]?.lemma !== 'of') continue;
    // The noun counted, past any adjective or participle ("evacuated"), to the end of its compound.
    let m = j + 2;
    let adjective = false;
    while (m < k && (tokens[m]!.pos === 'ADJ' || tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'DET')) adjective ||= tokens[m++]!.pos === 'ADJ';
    if (m >= k || tokens[m]!.pos !== 'NOUN') return '';
    while (m + 1 < k && tokens[m + 1]!.pos === 'NOUN') m++;
    // "The number of dead rose to 40": the tagger reads "rose" as a noun; an adjective standing for the people counted
    // cannot be told from one before their noun, so a noun right before the link after an adjective is no unit.
    if (adjective && m + 1 === k) return '';
    return tokens[m]!.lemma;
  }
  return '';
}
