/**
 * Surface cues that tell reporting from page chrome. They are general web and print conventions
 * (copyright lines, share and comment prompts, "By <name>", "min read", photo credits), never strings of one site.
 */

const CLOSERS = /["'”’»)\]*_]+$/u;

/** Words in a paragraph (whitespace-separated runs that contain a letter or digit). */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  let hasAlnum = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;
    if (space) {
      if (inWord && hasAlnum) n++;
      inWord = false;
      hasAlnum = false;
    } else {
      inWord = true;
      if (!hasAlnum && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /[\p{L}\p{N}]/u.test(text[i]!)))) hasAlnum = true;
    }
  }
  return n;
}

/** Ends like a sentence: . ! ? … possibly followed by closing quotes or brackets. */
export function endsAsSentence(text: string): boolean {
  const t = text.trim().replace(CLOSERS, '');
  return /[.!?…]$/u.test(t);
}

/** Ends with any punctuation that cannot close a heading: sentence marks, colon, semicolon, comma. */
export function endsWithClausePunctuation(text: string): boolean {
  const t = text.trim().replace(CLOSERS, '');
  return /[.!?…:;,]$/u.test(t);
}

/** Words that stay lower case in Title Case. */
const MINOR_WORDS = new Set(
  'a an and as at but by for from in into of on or over per the to up via vs with amid after before against between without about than nor so yet'.split(
    ' ',
  ),
);

/** Share of the major words that start with a capital letter (1 for "US Backs Pakistan's Right"). */
export function titleCaseRatio(text: string): number {
  let major = 0;
  let capital = 0;
  for (const raw of text.split(/\s+/)) {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!w || !/\p{L}/u.test(w)) continue;
    if (MINOR_WORDS.has(w.toLowerCase())) continue;
    major++;
    if (/^\p{Lu}/u.test(w)) capital++;
  }
  return major === 0 ? 0 : capital / major;
}

/** A bullet or numbered list marker at the start of a line. */
export const BULLET = /^\s*(?:[•·▪◦‣∙●○■□➢➤►*+-]|\d{1,3}[.)])\s+(?=\S)/u;

export function stripBullet(text: string): string {
  return text.replace(BULLET, '');
}

export function startsWithQuoteMark(text: string): boolean {
  return /^\s*["“„«‘']/u.test(text);
}

/** Copyright notices: ©, (c) 2024, "All rights reserved". */
export function isCopyright(text: string): boolean {
  if (text.length > 400) return false;
  return /©|\(c\)\s*\d{4}|\ball rights reserved\b/iu.test(text) || (/^copyright\b/i.test(text.trim()) && wordCount(text) <= 12);
}

/**
 * Prompts and navigation of a web page: imperative UI phrases (sign in, share, subscribe, add a comment…),
 * comment-section and newsletter blurbs, legal links, "related stories" rails. Only short paragraphs qualify:
 * a reporting paragraph can mention a comment or a newsletter in passing.
 */
const UI_PHRASES: readonly RegExp[] = [
  /^(?:sign|log)\s*(?:in|up|out|on)\b/i,
  /^(?:subscribe|unsubscribe)\b/i,
  /^(?:register|join)(?:\s+(?:now|today|us|here|for\s+free|free))?$/i,
  /\b(?:sign\s+up|subscribe)\b.*\bnewsletters?\b/i,
  /^(?:share|tweet|email|e-mail|print|like|follow|save|bookmark|download|copy)(?:\s+(?:this|on|us|via|to|the\s+app|article|story|page|post|link)\b.*)?$/i,
  /\b(?:follow|find|join|contact)\s+us\b/i,
  /^(?:read|see|show|load|view|watch|listen)\s+(?:more|all|less|full|next|previous|the\s+full)\b/i,
  /^(?:click|tap)\s+(?:here|to|on|for)\b/i,
  /^(?:add|leave|post|write|submit)\s+(?:a\s+|an\s+|your\s+)?(?:comment|reply|response|insight|review|feedback)s?\b/i,
  /^(?:there\s+are\s+)?no\s+comments?\b/i,
  /^comments?(?:\s*\(\d+\))?$/i,
  /^be\s+the\s+first\s+to\b/i,
  /\bcookie\s+(?:policy|settings|preferences)\b|\b(?:we\s+use|accept(?:\s+all)?)\s+cookies\b/i,
  /\bprivacy\s+(?:policy|notice|settings)\b/i,
  /\bterms\s+(?:of|and)\s+(?:use|service|conditions)\b/i,
  /^(?:advertisement|advertising|sponsored(?:\s+content)?|promoted|ad)$/i,
  /^(?:related(?:\s+(?:stories|articles|news|content|coverage))?|recommended|trending|most\s+(?:read|popular|viewed)|more\s+(?:from|on|stories|news)|you\s+may\s+also\s+like|also\s+read|read\s+next|up\s+next|latest\s+(?:news|stories))\b/i,
  /^about\s+(?:the\s+)?(?:author|creator|writer|reporter|contributor)s?\b/i,
  /^(?:skip\s+to|back\s+to\s+top|jump\s+to|menu|home|search|explore|support|help|careers|advertise(?:\s+with\s+us)?|contact|about(?:\s+us)?|sitemap|faqs?)$/i,
  /^(?:\S+\s+){0,3}logo$/i,
  // Players, loaders and teasers of a web page.
  /^(?:listen|read)\s+to\s+(?:this|the)\s+(?:article|story)\b/i,
  /^(?:story\s+)?continues?\s+(?:below|after)\b|^continue\s+reading\b|^(?:skip|close)\s+(?:past\s+)?(?:advertisement|ad|promotion)\b/i,
  /^(?:loading|please\s+wait)\s*(?:\.\.\.|…)?$/i,
  /^(?:view|open|expand|enlarge)\s+(?:image|photo|picture|gallery|video)\b/i,
  /^(?:explore|discover)\s+more\b|^(?:topics|tags|related\s+topics|newsletters?)$/i,
  /^reuse\s+this\s+(?:content|article)\b|^(?:republish|reprint)\s+this\b/i,
  // Calls to the reader: tips, letters, contact.
  /^(?:send|email|e-mail|tell)\s+us\b|\bwe(?:'|’)?d\s+love\s+to\s+hear\s+from\s+you\b|^contact\s+the\s+(?:author|reporter|writer|newsroom)\b/i,
  // A republication note: "This article was originally published on …".
  /^this\s+(?:article|story|piece)\s+(?:was\s+|is\s+)?(?:originally\s+|first\s+)?(?:published|appeared|republished)\b/i,
  // A newsroom's promises and prompts: "we will update this article", "stay tuned", "tell us in the comments
  // below", "download our app", "this report is made possible by".
  /\b(?:update|updating)\s+this\s+(?:story|article|report|page)\b|^stay\s+(?:with|tuned)\b/i,
  /\bcomments?\s+(?:section\s+)?below\b|^\d+\s+(?:pending\s+)?comments?$/i,
  /^download\s+(?:our|the)\s+(?:\S+\s+)?app\b|\bmade\s+possible\s+by\b/i,
  /^read\s+(?:or|and)\s+share\s+this\b|^photos?$|^(?:photo\s+)?gallery$/i,
];

export function isUiPhrase(text: string): boolean {
  if (text.length > 160) return false; // at most twelve words
  const t = text.trim().replace(/[.:!]+$/, '');
  if (wordCount(t) > 12) return false;
  // A short line about a newsletter, not a sentence, is its promotion ("Skip past newsletter promotion").
  if (!endsAsSentence(text) && /^(?:\S+\s+){0,5}newsletters?(?:\s+\S+){0,3}$/i.test(t)) return true;
  // "Follow Channel 9:" introduces a list of social links.
  if (/^follow\s+(?:\S+\s+){0,2}\S+\s*:$/i.test(text.trim())) return true;
  // A line with no letter or digit: a separator ("________", "--").
  if (!/[\p{L}\p{N}]/u.test(t)) return true;
  return UI_PHRASES.some((re) => re.test(t));
}

/** Words glued without spaces, as when a page's tag list or menu is saved as text ("WorldPoliticsClimate"). */
export function isGluedWordList(text: string): boolean {
  if (text.length > 80) return false;
  const t = text.trim();
  if (wordCount(t) > 3) return false;
  const joints = t.match(/\p{Ll}\p{Lu}\p{Ll}/gu);
  return joints !== null && joints.length >= 2;
}

/** Breadcrumbs and menus: short items separated by ›, >, |, / or bullets. */
export function isNavigationTrail(text: string): boolean {
  if (text.length > 300) return false;
  const parts = text.split(/\s+(?:[›>|/»•·])\s+/u);
  return parts.length >= 3 && parts.every((p) => wordCount(p) <= 3);
}

/** "By Jane Doe", "Published 3 hours ago", "4 min read", "Updated June 2, 2024 10:32 GMT". */
export function isByline(text: string): boolean {
  if (text.length > 300) return false; // at most 25 words
  const t = text.trim();
  const words = wordCount(t);
  if (words > 25) return false;
  if (/^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}/u.test(t) && words <= 20 && !endsAsSentenceWithVerb(t)) return true;
  if (/\b\d+\s*(?:-|\s)?min(?:ute)?s?\s+read\b/i.test(t)) return true;
  if (/\b(?:published|updated|posted|last\s+modified)\b/i.test(t) && /(\d|\bago\b|\b(?:am|pm)\b)/i.test(t) && words <= 16) return true;
  if (/^[([]?\s*(?:written|reported|reporting|writing|editing|edited|compiled|additional\s+reporting)\s+by\b/i.test(t)) return true;
  // Contact lines and credits: an e-mail address or a handle ("Email: jdoe@herald.com", "Twitter: @jdoe"), a phone
  // number alone, "Contributing: Associated Press", "Jane Doe contributed to this story", a press release's SOURCE.
  if (words <= 20 && isContactLine(t)) return true;
  if (/^[\d\s()+.-]{7,}$/.test(t)) return true;
  if (/^contributing\s*:/i.test(t) || (words <= 20 && /\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:story|report|article)\b/i.test(t))) return true;
  if (words <= 8 && /^SOURCE\s+\p{Lu}/u.test(t)) return true;
  // A news agency's credit on its own line: "Reuters", "— Associated Press".
  if (new RegExp(`^[—–-]?\\s*(?:${AGENCIES}|(?:the\\s+)?associated\\s+press)\\s*$`, 'i').test(t)) return true;
  // The author box: "Jane Doe is a reporter for the Herald."
  if (words <= 30 && /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|photographer|freelancer?)\b/u.test(t)) return true;
  if (words <= 8 && isDateLine(t)) return true;
  // "Orrin Radio News, November 2, 2022": a source and a date, no sentence.
  if (words <= 10 && !endsAsSentence(t) && new RegExp(FULL_DATE, 'i').test(t)) return true;
  return false;
}

/**
 * A reporter's contact line: a label ("Email:", "Twitter:") or an e-mail address with little else than a name and
 * "contact"/"reach" ("Contact Jane Doe: jdoe@herald.com or 555-0100"). A sentence asking readers to e-mail the police
 * with tips has more words of its own.
 */
function isContactLine(t: string): boolean {
  if (/^(?:twitter|x|instagram|facebook|threads|bluesky|email|e-mail|phone|tel)\s*:/i.test(t)) return true;
  if (!/[\w.+-]+@[\w-]+\.[\w.]+/.test(t)) return false;
  const rest = t.replace(/[\w.+-]+@[\w-]+\.[\w.]+|@\w+|\+?[\d()][\d\s()-]{6,}\d/g, ' ');
  return wordCount(rest) <= 4 || (/^(?:contact|reach|email|e-mail|write\s+to)\b/i.test(t) && wordCount(rest) <= 9);
}

/** "By" lines sometimes open a sentence ("By Tuesday the river had risen."): those end as sentences with a verb. */
function endsAsSentenceWithVerb(text: string): boolean {
  return endsAsSentence(text) && /\b(?:is|are|was|were|has|had|have|will|would|said|says)\b/i.test(text);
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*';
/** A full calendar date: "March 14, 2025", "14 March 2025", "2025-03-14". */
const FULL_DATE = `\\b(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`;

/** A line that is only a date and perhaps a time: "June 15, 2014", "Sat 4 March 2026 10:32 GMT", "2024-06-15". */
export function isDateLine(text: string): boolean {
  const t = text.trim().toLowerCase();
  const re = new RegExp(
    `^(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,4})?)?$`,
  );
  return re.test(t);
}

const AGENCIES = '(?:getty\\s+images|shutterstock|afp|reuters|ap|ap\\s+photo|epa|xinhua|anadolu|alamy|pa\\s+images|pa\\s+wire|bloomberg|sipa)';

/** Photo credits and captions: "Photo: Jane Doe/Agency", "Image courtesy of…", "(Photo by … / Getty Images)". */
export function isCaption(text: string): boolean {
  if (text.length > 400) return false; // at most 40 words
  const t = text.trim();
  if (wordCount(t) > 40) return false;
  if (/^[([]?\s*(?:photo(?:graph)?s?|images?|pictures?|video|graphic|illustration|file\s+photo|photo\s+illustration)\b\s*(?::|by\b|credit\b|courtesy\b|\/|–|—|-)/iu.test(t)) return true;
  if (/\b(?:photo|image|picture)\s+(?:credit|courtesy)\b/i.test(t)) return true;
  if (/^(?:credit|source|caption)\s*:/i.test(t)) return true;
  // "Image caption, …", "Image source, Getty Images", "AP Photo/John Doe", a bare agency credit, a video teaser.
  if (/^(?:image|photo|video)\s+(?:caption|source|credit)\b/i.test(t)) return true;
  if (/^(?:\S+\s+){0,2}photo\s*\/\s*\S/i.test(t)) return true;
  if (new RegExp(`^\\(?${AGENCIES}(?:\\s*(?:via|/)\\s*[\\p{L} ]+)?\\)?$`, 'iu').test(t)) return true;
  if (/^(?:watch|listen|gallery|in\s+pictures|audio)\s*:/i.test(t) && wordCount(t) <= 15 && !endsAsSentence(t)) return true;
  if (new RegExp(`[/|]\\s*${AGENCIES}\\s*\\)?$`, 'i').test(t)) return true;
  return false;
}
