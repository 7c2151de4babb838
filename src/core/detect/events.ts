import type { NameMention } from '../features';
import type { ParagraphRef } from '../types';
import { key, rounded, type DetectContext } from './context';

/** An article that reports another episode of the story, with what shows it. */
export interface OtherEvent {
  readonly doc: string;
  /** Its opening paragraphs, where its own coordinates are. */
  readonly evidence: readonly ParagraphRef[];
  /** Names and dates of its opening that no other article has ("Paktika", "March 18"). */
  readonly coordinates: readonly string[];
  /** Share of its words in points other articles also carry, and the others' median. */
  readonly sharedShare: number;
  readonly othersSharedShare: number;
}

/** Paragraphs at the top of an article (headlines, standfirst, then this many reporting paragraphs) that set its event. */
const OPENING_PARAGRAPHS = 3;
/** An article this far below the others in shared words is a candidate (fraction of the others' median). */
const SHARED_RATIO = 0.5;
/** …and below this share outright. */
const SHARED_MAX = 0.3;
/** With strong coordinates (three or more, a calendar date among them), these looser limits on shared words… */
const STRONG_SHARED_MAX = 0.4;
const STRONG_SHARED_RATIO = 0.6;
/** …and with dates months from the others', looser still. */
const DISTANT_SHARED_MAX = 0.5;
const DISTANT_SHARED_RATIO = 0.8;
/** Distinct names and dates of its own, in its opening, that it needs. */
const MIN_COORDINATES = 2;

/**
 * Finds articles about another episode of the same story: where two or more articles open on the same main
 * news, one shares far fewer of its words with the rest and opens on names and dates (places, people, days) that
 * no other article mentions — two of them if it opens on other news, three with a calendar date if its opening
 * still reads like the main news (same actors, same place). Needs three or more articles: with two, nothing says which
 * one is the outlier.
 */
export function findOtherEvents(ctx: DetectContext): OtherEvent[] {
  const docs = ctx.documents;
  const main = ctx.input.mainPoint ? ctx.pointById.get(ctx.input.mainPoint) : undefined;
  if (docs.length < 3 || !main) return [];
  const opening = new Map(docs.map((d) => [d.id, openingParagraphs(ctx, d.id)]));
  // An article opens on the main news when its headline states it (its first reporting paragraph, if it has no headline).
  const inMain = new Set(main.members.map(key));
  const opensOnMain = (id: string) => {
    const first = ctx.contentParagraphs(id)[0];
    return !!first && inMain.has(key({ doc: id, paragraph: first.index }));
  };
  const onMain = docs.filter((d) => opensOnMain(d.id));
  if (onMain.length < 2) return [];

  const shared = new Map(docs.map((d) => [d.id, sharedShare(ctx, d.id)]));
  const coordinatesOf = new Map(docs.map((d) => [d.id, coordinates(ctx, d.id, opening.get(d.id)!)]));
  const datesOf = new Map(docs.map((d) => [d.id, articleDates(ctx, d.id, opening.get(d.id)!)]));
  // How many articles carry each name key or date; "elsewhere" is then a count above the article's own.
  const keysOf = new Map(docs.map((d) => [d.id, new Set(allKeys(ctx, d.id))]));
  const articlesWith = new Map<string, number>();
  for (const keys of keysOf.values()) for (const k of keys) articlesWith.set(k, (articlesWith.get(k) ?? 0) + 1);
  const out: OtherEvent[] = [];
  for (const d of docs) {
    const median = medianOf(docs.filter((o) => o.id !== d.id).map((o) => shared.get(o.id)!));
    const ownShare = shared.get(d.id)!;
    const own = keysOf.get(d.id)!;
    const elsewhere = (k: string) => (articlesWith.get(k) ?? 0) > (own.has(k) ? 1 : 0);
    const mine = coordinatesOf.get(d.id)!.filter((c) => !c.keys.some(elsewhere));
    // One entry per name ("Aldo Ferri", later "Ferri"), the fullest form first met.
    const byIdentity = new Map<string, string>();
    for (const c of mine) {
      const id = c.keys[c.keys.length - 1]!;
      if (!byIdentity.has(id) || c.text.length > byIdentity.get(id)!.length) byIdentity.set(id, c.text);
    }
    const distinct = [...byIdentity.values()];
    const dated = mine.some((c) => c.keys.some((k) => k.startsWith('date:')));
    // Its own full dates (byline, dateline, opening) months from every date the others give: another time.
    const distant = farFromOthers(datesOf.get(d.id)!, docs.filter((o) => o.id !== d.id).map((o) => datesOf.get(o.id)!));
    const fewer = (max: number, ratio: number) => ownShare <= max && ownShare <= ratio * median;
    const evidence =
      // Opens on other news, with names or dates of its own, and shares little with the rest.
      (!opensOnMain(d.id) && distinct.length >= MIN_COORDINATES && fewer(SHARED_MAX, SHARED_RATIO)) ||
      // Opens like the main news (same actors, same place) but on three coordinates of its own, a date among them.
      (distinct.length > MIN_COORDINATES && dated && fewer(STRONG_SHARED_MAX, STRONG_SHARED_RATIO)) ||
      // Dated months away from all the others, with a name or date of its own, and sharing less than they do.
      (!!distant && distinct.length >= 1 && fewer(DISTANT_SHARED_MAX, DISTANT_SHARED_RATIO));
    if (!evidence) continue;
    const coordinates = distant && !distinct.includes(distant) ? [distant, ...distinct] : distinct;
    out.push({ doc: d.id, evidence: opening.get(d.id)!, coordinates, sharedShare: rounded(ownShare, 3), othersSharedShare: rounded(median, 3) });
  }
  // More than half the articles "elsewhere" means no common event to differ from.
  return out.length * 2 < docs.length ? out : [];
}

/** Headline, standfirst and the first reporting paragraphs. */
function openingParagraphs(ctx: DetectContext, docId: string): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  let reporting = 0;
  for (const p of ctx.contentParagraphs(docId)) {
    if (p.kind === 'headline' || p.kind === 'standfirst') out.push({ doc: docId, paragraph: p.index });
    else if (reporting < OPENING_PARAGRAPHS) {
      out.push({ doc: docId, paragraph: p.index });
      reporting++;
    }
  }
  return out;
}

/** Share of an article's content words in points that another article also carries. */
function sharedShare(ctx: DetectContext, docId: string): number {
  const doc = ctx.doc(docId);
  if (!doc.words) return 0;
  const inShared = new Set<number>();
  for (const p of ctx.input.points) if (p.docs.length > 1) for (const m of p.members) if (m.doc === docId) inShared.add(m.paragraph);
  let words = 0;
  for (const i of inShared) words += doc.paragraphs[i]!.words;
  return words / doc.words;
}

interface Coordinate {
  readonly text: string;
  readonly keys: readonly string[];
}

/**
 * Names (by their identifying words) and calendar dates in the opening's reporting paragraphs. Headlines are
 * left out (Title Case makes every word look like a name), and so are names a reader would not call names
 * (see DetectContext.names).
 */
function coordinates(ctx: DetectContext, docId: string, opening: readonly ParagraphRef[]): Coordinate[] {
  const out: Coordinate[] = [];
  for (const ref of opening) {
    const kind = ctx.paragraph(ref).kind;
    if (kind === 'headline' || kind === 'standfirst') continue;
    const f = ctx.features(ref);
    for (const n of ctx.names(ref)) out.push({ text: n.text, keys: nameKeys(n) });
    for (const num of f.numbers) if (num.type === 'date' && isCalendarDate(num.text)) out.push({ text: num.text, keys: [`date:${num.text.toLowerCase()}`] });
  }
  return out;
}

/** Every name key and calendar date of an article. */
function allKeys(ctx: DetectContext, docId: string): string[] {
  const out: string[] = [];
  for (const p of ctx.doc(docId).paragraphs) {
    const f = ctx.features({ doc: docId, paragraph: p.index });
    for (const n of f.names) out.push(...nameKeys(n));
    for (const num of f.numbers) if (num.type === 'date' && isCalendarDate(num.text)) out.push(`date:${num.text.toLowerCase()}`);
  }
  return out;
}

/** A name's identifying words and its acronym: "Khawaja Asif" → khawaja, asif. */
function nameKeys(n: NameMention): string[] {
  return n.acronym ? [...n.keys, n.acronym] : [...n.keys];
}

const MONTH = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** "March 18", "18 March", "2024-03-18": a date that pins an episode (weekdays and "last week" do not). */
function isCalendarDate(text: string): boolean {
  return MONTH.test(text) || /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(text);
}

/** Two dates this many days apart belong to different episodes. */
const DISTANT_DAYS = 60;

interface DatedText {
  readonly text: string;
  /** Days since 1970, from a date with day, month and year. */
  readonly day: number;
}

/** Full calendar dates (day, month, year) in an article's byline lines and opening paragraphs. */
function articleDates(ctx: DetectContext, docId: string, opening: readonly ParagraphRef[]): DatedText[] {
  const texts = ctx.doc(docId).paragraphs.filter((p) => p.kind === 'byline').map((p) => p.text);
  for (const ref of opening) texts.push(ctx.paragraph(ref).text);
  const out: DatedText[] = [];
  for (const t of texts) for (const m of t.matchAll(FULL_DATE)) {
    const day = dayNumber(m[0]);
    if (day !== null) out.push({ text: m[0], day });
  }
  return out;
}

/** "its dates (November 2, 2022) are months from the others' (March 14, 2025)", or null. */
function farFromOthers(mine: readonly DatedText[], others: readonly (readonly DatedText[])[]): string | null {
  const dated = others.filter((o) => o.length);
  if (!mine.length || !dated.length) return null;
  const far = dated.every((o) => o.every((x) => mine.every((y) => Math.abs(x.day - y.day) > DISTANT_DAYS)));
  return far ? mine[0]!.text : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_DATE = /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b/gi;

function dayNumber(text: string): number | null {
  const iso = /((?:19|20)\d\d)-(\d\d)-(\d\d)/.exec(text);
  if (iso) return Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!) / 86_400_000;
  const year = /(?:19|20)\d\d/.exec(text);
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}`, 'i').test(text));
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.replace(/(?:19|20)\d\d/, ''));
  if (!year || month < 0 || !day) return null;
  return Date.UTC(+year[0], month, +day[1]!) / 86_400_000;
}

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

