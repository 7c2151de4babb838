import { isAcronym, type Token } from './tokens';
import type { NameMention } from './types';

/** Words that may sit inside a name ("Ministry of Defence", "Osama bin Laden"). */
const JOINERS = new Set(['of', 'de', 'del', 'da', 'di', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'la', 'le', 'du', 'the']);

/** Titles and roles: part of how a name is written, not of who it is ("Prime Minister Jane Doe" is Doe). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister ministers secretary under deputy ' +
    'assistant general gen chief spokesman spokeswoman spokesperson ambassador envoy senator sen rep representative ' +
    'congressman congresswoman governor gov mayor king queen prince princess sheikh sheriff officer detective sergeant sgt ' +
    'lt lieutenant captain capt colonel col major commander director commissioner chairman chairwoman chair ceo leader ' +
    'former late acting interim foreign defence defense interior press attorney judge justice pope cardinal bishop imam rabbi'
  ).split(' '),
);

const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
);

function isNameWord(t: Token): boolean {
  return t.pos === 'PROPN' && t.type === 'word' && /^\p{Lu}/u.test(t.value) && !CALENDAR.has(t.value.toLowerCase());
}

/**
 * Proper names are runs of capitalised proper-noun tokens (wink-nlp tags them; it has no person or place
 * tagger), joined across hyphens written without spaces ("Jean-Pierre") and across joiners ("Ministry of
 * Defence"). A possessive ends the name.
 */
export function findNames(text: string, tokens: readonly Token[]): NameMention[] {
  const names: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      const after = tokens[j + 2];
      if (next && isNameWord(next)) {
        j++;
      } else if (next && after && isNameWord(after) && next.value === '-' && next.start === tokens[j]!.end && after.start === next.end) {
        j += 2;
      } else if (next && after && isNameWord(after) && JOINERS.has(next.value)) {
        j += 2;
      } else {
        break;
      }
    }
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    const keys = nameKeys(tokens.slice(i, j + 1));
    if (keys.length) names.push({ text: text.slice(start, end), start, end, keys, acronym: acronymOf(keys) });
    i = j + 1;
  }
  return names;
}

/**
 * The identifying words of a name: lower case, without joiners and hyphens, and without the title in front
 * of it — everything up to the last title word ("Transport Minister Elias Varga" is elias varga). A name
 * that is all title ("Ministry of Defence") keeps its non-title words.
 */
function nameKeys(run: readonly Token[]): string[] {
  // An acronym keeps its capitals ("US"), the form the initials of a full name take.
  const words = run.filter((t) => t.type === 'word' && !JOINERS.has(t.value)).map((t) => (isAcronym(t.value) ? t.value.replace(/\./g, '') : t.value.toLowerCase().replace(/[’']s$/, '')));
  const isTitle = (w: string) => TITLE_WORDS.has(w.replace(/\.$/, ''));
  let lastTitle = -1;
  words.forEach((w, i) => {
    if (isTitle(w)) lastTitle = i;
  });
  const afterTitle = words.slice(lastTitle + 1);
  if (afterTitle.length) return afterTitle;
  const core = words.filter((w) => !isTitle(w));
  return core.length ? core : words;
}

/** Initials of a multi-word name, so "United States" meets "US" and "European Union" meets "EU"; else null. */
export function acronymOf(keys: readonly string[]): string | null {
  if (keys.length < 2 || keys.length > 5 || keys.some((k) => /^\p{Lu}+$/u.test(k))) return null;
  return keys.map((k) => k[0]!.toUpperCase()).join('');
}
