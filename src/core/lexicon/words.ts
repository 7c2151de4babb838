import { dictionary } from './dictionary';

/**
 * Curated word lists the detectors read, as lemmas (lower case). Written for this project from the guidance
 * cited at each list; a word belongs to a list for what it signals in news prose, not for any one story.
 */

/** A set of lemmas from a space-separated list (multi-word entries use `_`: "according_to"). */
function lemmas(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/).map((w) => w.replace(/_/g, ' ')));
}

/**
 * Hedges: words that weaken a claim's certainty. After Hyland's list of hedges (Metadiscourse, 2005, appendix)
 * and the "expressions of doubt" and "weasel words" of Wikipedia's Manual of Style, Words to watch (MOS:WTW),
 * with the hedges of news reporting ("reportedly", "allegedly", "unconfirmed").
 */
export const HEDGES = lemmas(`
  may might could perhaps possibly possible probably probable likely unlikely apparently appear seemingly seem
  suggest suggestion reportedly allegedly alleged purportedly purported supposedly supposed unconfirmed unverified
  presumably arguably roughly approximately nearly almost somewhat relatively largely mostly generally
  typically often sometimes potentially potential uncertain unclear speculate speculation estimate estimated believe
  believed assume indicate indication tend
`);

/** Multi-word hedges, matched on the lemma sequence. */
export const HEDGE_PHRASES: readonly (readonly string[])[] = [
  ['some', 'say'],
  ['be', 'say', 'to'],
  ['be', 'believe', 'to'],
  ['at', 'least'],
  ['up', 'to'],
];

/**
 * Attribution (reporting) verbs, by the stance they take toward what is reported. After Caldas-Coulthard's
 * classification of verbs of saying (in Coulthard, Advances in Written Text Analysis, 1994) and MOS:SAID, which
 * keeps "said" neutral and lists "claimed", "insisted", "admitted", "revealed" as words that judge the claim.
 */
export const ATTRIBUTION_VERBS: Readonly<Record<string, 'neutral' | 'doubting' | 'conceding' | 'endorsing' | 'denying' | 'urging'>> = dictionary({
  say: 'neutral',
  tell: 'neutral',
  state: 'neutral',
  add: 'neutral',
  report: 'neutral',
  announce: 'neutral',
  write: 'neutral',
  comment: 'neutral',
  respond: 'neutral',
  reply: 'neutral',
  describe: 'neutral',
  according: 'neutral',
  claim: 'doubting',
  allege: 'doubting',
  insist: 'doubting',
  maintain: 'doubting',
  contend: 'doubting',
  assert: 'doubting',
  purport: 'doubting',
  argue: 'doubting',
  admit: 'conceding',
  concede: 'conceding',
  acknowledge: 'conceding',
  confess: 'conceding',
  reveal: 'endorsing',
  confirm: 'endorsing',
  note: 'endorsing',
  explain: 'endorsing',
  disclose: 'endorsing',
  point: 'endorsing',
  emphasize: 'endorsing',
  emphasise: 'endorsing',
  stress: 'endorsing',
  deny: 'denying',
  reject: 'denying',
  dismiss: 'denying',
  refute: 'denying',
  dispute: 'denying',
  urge: 'urging',
  warn: 'urging',
  call: 'urging',
  demand: 'urging',
  appeal: 'urging',
});

/**
 * Loaded labels: words that judge what they name, with the plainer word a neutral report would use. After
 * MOS:LABEL ("contentious labels"), the bias lexicon of Recasens, Danescu-Niculescu-Mizil and Jurafsky
 * (Linguistic Models for Analyzing and Detecting Biased Language, ACL 2013: one-sided and framing terms) and the
 * AP Stylebook's advice on "regime", "terrorist" and "militant".
 */
export const LOADED_LABELS: Readonly<Record<string, string>> = dictionary({
  regime: 'government',
  junta: 'military government',
  terrorist: 'militant',
  jihadist: 'militant',
  extremist: 'militant',
  thug: 'attacker',
  massacre: 'killing',
  slaughter: 'killing',
  carnage: 'deaths',
  bloodbath: 'deaths',
  butcher: 'kill',
  atrocity: 'attack',
  onslaught: 'attack',
  bombardment: 'strikes',
  blitz: 'attack',
  invasion: 'incursion',
  occupation: 'control',
  crackdown: 'measures',
  purge: 'dismissals',
  riot: 'protest',
  rioter: 'protester',
  mob: 'crowd',
  strongman: 'leader',
  dictator: 'leader',
  tyrant: 'leader',
  propaganda: 'statements',
  bureaucrat: 'official',
  dump: 'release',
  unleash: 'release',
  'cover-up': 'handling',
  puppet: 'ally',
  stooge: 'ally',
});

/**
 * Evaluative and editorialising words: the writer's judgement in a report's own voice. After MOS:EDITORIALIZING
 * and MOS:PUFFERY ("notably", "clearly", "of course", "undoubtedly") and the subjective intensifiers of Recasens et
 * al. (2013).
 */
export const EVALUATIVE = lemmas(`
  brutal barbaric heinous savage horrific horrendous appalling shocking outrageous reckless cowardly draconian
  notorious infamous fanatic fanatical radical hardline disastrous catastrophic chaotic troubling alarming dire
  blatant flagrant shameful disgraceful callous ruthless unprecedented historic staggering devastating
  notably clearly obviously undoubtedly undeniably certainly surely rightly wrongly unfortunately tragically
  sadly shockingly remarkably interestingly ironically merely so-called
`);

/**
 * Words that deny or withhold what follows them, beyond the negations wink-nlp marks ("not", "never", "no").
 * After the negation cues of the BioScope and SFU Review corpora (Vincze et al. 2008; Konstantinova et al. 2012)
 * — verbs that negate their complement — and news usage ("stopped short of", "declined to").
 */
export const DENIAL_VERBS = lemmas(`
  deny reject refuse decline dismiss refute fail withhold disavow retract
`);

/** Multi-word denials, matched on the lemma sequence; what follows them is negated. */
export const DENIAL_PHRASES: readonly (readonly string[])[] = [
  ['stop', 'short', 'of'],
  ['fall', 'short', 'of'],
  ['rule', 'out'],
  ['back', 'away', 'from'],
  ['shy', 'away', 'from'],
  ['refrain', 'from'],
  ['hold', 'back', 'from'],
  ['rather', 'than'],
  ['instead', 'of'],
];

/**
 * After a negation, words that make it something other than a denial of what follows: uncertainty ("not sure
 * what caused"), change over time ("no longer"), additions ("not only… but"), and understatement ("not
 * unfamiliar" — any adjective with a negative prefix, checked separately).
 */
export const NOT_A_DENIAL = lemmas(`
  sure certain clear known aware immediately yet long longer only just merely simply least necessarily always
  all every entirely quite much many enough tell told inform know realize notice
`);

/**
 * Wordings of one referent or action that outlets choose between — the choice is the framing ("strikes" or
 * "bombings", "government" or "regime", "said" or "claimed"). Groups written for this project after the AP
 * Stylebook and the Reuters Handbook of Journalism entries on terrorism, militants, regimes and attribution, and
 * the framing examples of Entman (Framing: Toward Clarification of a Fractured Paradigm, 1993). Lemmas; a word
 * may be in one group only.
 */
export const REFERENT_GROUPS: readonly (readonly string[])[] = [
  ['strike', 'airstrike', 'bombing', 'bombardment', 'raid', 'shelling', 'offensive', 'incursion', 'sortie'],
  ['government', 'regime', 'administration', 'authority', 'authorities', 'leadership', 'junta', 'ruler'],
  ['militant', 'terrorist', 'insurgent', 'rebel', 'fighter', 'jihadist', 'extremist', 'gunman', 'guerrilla', 'separatist', 'radical'],
  ['kill', 'murder', 'slaughter', 'massacre', 'execute', 'assassinate', 'butcher'],
  ['death', 'killing', 'casualty', 'fatality', 'toll', 'carnage', 'bloodshed'],
  ['protest', 'riot', 'demonstration', 'unrest', 'uprising', 'disturbance'],
  ['protester', 'rioter', 'demonstrator', 'activist', 'mob', 'crowd'],
  ['conflict', 'clash', 'tension', 'dispute', 'fighting', 'war', 'hostility', 'confrontation', 'skirmish', 'standoff'],
  ['say', 'claim', 'allege', 'insist', 'assert', 'maintain', 'contend', 'admit', 'concede', 'acknowledge', 'reveal', 'confirm', 'state', 'tell', 'argue', 'stress', 'emphasize', 'emphasise', 'note'],
  ['support', 'back', 'endorse', 'champion', 'justify', 'condone', 'affirm'],
  ['criticize', 'criticise', 'condemn', 'denounce', 'slam', 'blast', 'rebuke', 'decry', 'lambast', 'censure'],
  ['urge', 'call', 'press', 'appeal', 'demand', 'implore', 'plead'],
  ['detain', 'arrest', 'abduct', 'kidnap', 'seize', 'capture', 'round'],
  ['withdraw', 'retreat', 'pull', 'flee', 'evacuate'],
  ['release', 'discharge', 'dump', 'unleash', 'spill', 'leak', 'emit', 'vent'],
  ['official', 'bureaucrat', 'functionary', 'apparatchik'],
  ['migrant', 'immigrant', 'refugee', 'asylum-seeker', 'alien', 'illegal'],
  ['occupied', 'disputed', 'annexed', 'contested', 'liberated'],
  ['incident', 'episode', 'event', 'tragedy', 'atrocity', 'crime'],
  ['leader', 'strongman', 'dictator', 'tyrant', 'president', 'premier'],
];

/** The group of each grouped lemma. */
export const REFERENT_GROUP_OF: ReadonlyMap<string, number> = new Map(REFERENT_GROUPS.flatMap((g, k) => g.map((w) => [w, k] as const)));
