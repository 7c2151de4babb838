/**
 * The data that crosses every boundary of the pipeline: plain, readonly, JSON-serialisable.
 * `Analysis` is exactly the report contract of EVAL.md (schemaVersion 1) plus richer fields.
 */

/** What a paragraph is, as a reader of the page would name it. */
export type ParagraphKind =
  | 'headline' // the title, and any alternative headlines
  | 'standfirst' // the dek under the headline
  | 'heading' // a section heading inside the article
  | 'body' // reporting prose
  | 'list' // one item of a bulleted or numbered list
  | 'quote' // a paragraph that is a quotation (a Markdown block quote, or prose that opens with a quote mark)
  | 'caption' // a photo credit or caption
  | 'byline' // author, date and reading-time lines
  | 'furniture'; // site chrome: logos, share and comment prompts, link lists, copyright

/** Kinds that are not reporting: they never align, never count as words, never appear in findings. */
export const NOT_CONTENT_KINDS: ReadonlySet<ParagraphKind> = new Set(['caption', 'byline', 'furniture']);

/** The paragraphs of other articles each paragraph has an accepted pair with, in report order, keyed "d2#5". */
export function alignedParagraphs(pairs: readonly Pair[]): Map<string, ParagraphRef[]> {
  const out = new Map<string, ParagraphRef[]>();
  const link = (from: ParagraphRef, to: ParagraphRef) => {
    const k = `${from.doc}#${from.paragraph}`;
    (out.get(k) ?? out.set(k, []).get(k)!).push(to);
  };
  for (const p of pairs) {
    link(p.a, p.b);
    link(p.b, p.a);
  }
  return out;
}

/** An article as handed to the pipeline: its path (only for naming and format) and its decoded text. */
export interface ArticleInput {
  /** The path as the user gave it; reported unchanged. */
  readonly path: string;
  /** Decoded text: BOM removed, line endings kept as they were. */
  readonly text: string;
}

/** A paragraph of one article. Offsets are UTF-16 code units into the decoded text. */
export interface Paragraph {
  /** 0-based position in the article's paragraph list. */
  readonly index: number;
  /** 1-based first line. */
  readonly startLine: number;
  /** 1-based last line, inclusive. */
  readonly endLine: number;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character (exclusive). */
  readonly end: number;
  readonly kind: ParagraphKind;
  /** The paragraph as read, with line breaks and runs of spaces tidied to single spaces. */
  readonly text: string;
  /** Number of words in the paragraph (0 for kinds that are not content). */
  readonly words: number;
}

/** A reference to one paragraph of one document. */
export interface ParagraphRef {
  /** Document id, e.g. "d0". */
  readonly doc: string;
  /** Paragraph index within that document. */
  readonly paragraph: number;
}

export interface DocumentReport {
  /** Stable id in input order: "d0", "d1", … */
  readonly id: string;
  /** The path as given. */
  readonly path: string;
  /** The first headline, else the opening words of the first content paragraph, else the file name. */
  readonly title: string;
  /** How the text was read. */
  readonly format: 'text' | 'markdown';
  /** Content words (furniture, byline and caption excluded). */
  readonly words: number;
  readonly paragraphs: readonly Paragraph[];
}

/** An accepted cross-article alignment of two paragraphs. */
export interface Pair {
  readonly a: ParagraphRef;
  readonly b: ParagraphRef;
  /** Similarity of the two texts in [0, 1]. */
  readonly score: number;
  /** Probability in [0, 1] that the two report the same point (the similarity in its context: leads, main news, best matches). */
  readonly confidence: number;
  /** What the score is made of, each in [0, 1]. */
  readonly evidence: PairEvidence;
}

export interface PairEvidence {
  /** Cosine of lemma TF-IDF vectors (IDF over the comparison set). */
  readonly lexical: number;
  /** IDF-weighted soft matching of words through word vectors (paraphrase-aware). */
  readonly soft: number;
  /** The best soft match between a sentence of each paragraph. */
  readonly sentence: number;
  /** Overlap of proper names (surnames and name words), IDF-weighted. */
  readonly names: number;
  /** Overlap of numbers with their units. */
  readonly numbers: number;
  /** Overlap of quoted words. */
  readonly quotes: number;
  /** Name words both paragraphs carry. */
  readonly sharedNames: readonly string[];
  /** Numbers both paragraphs carry. */
  readonly sharedNumbers: readonly string[];
  /** Facets of the human toll both report: deaths, injuries, civilian-harm, shooting (see score/facets.ts). */
  readonly sharedFacets: readonly string[];
}

/** One thing the coverage says: paragraphs of one or more articles that report it. */
export interface Point {
  /** Stable within one analysis: "p1", "p2", … in order of first appearance across articles. */
  readonly id: string;
  /** A short readable key phrase. */
  readonly label: string;
  /** Members ordered by document (input order), then paragraph. A paragraph carrying two points is in both. */
  readonly members: readonly ParagraphRef[];
  /** For each member, its sentence that carries most of the point: offsets into the paragraph's `text`. */
  readonly excerpts: readonly TextOffsets[];
  /** Ids of documents carrying the point, in input order. */
  readonly docs: readonly string[];
}

/** `doc` leaves out what `source` (its most prominent carrier) says. Listed most important first. */
export interface Omission {
  readonly doc: string;
  readonly point: string;
  readonly source: ParagraphRef;
  /** The sentence of `source` that carries the point: offsets into its `text` (what a reader is shown of it). */
  readonly excerpt: TextOffsets;
  /** How many articles carry the point (articles about another episode not counted). */
  readonly carriers: number;
  /** Larger is more important: more carriers, more prominent in them. */
  readonly weight: number;
}

/** A fact that `doc` drops from a point it does carry: a name, a number, a quote or an attribution others give. */
export interface MissingFact {
  readonly doc: string;
  readonly point: string;
  readonly kind: 'name' | 'number' | 'quote' | 'attribution';
  /** The fact as another article writes it ("Allison Hooker", "eight people", "“We continue to monitor…”"). */
  readonly text: string;
  /** For a quote or an attribution: who said it, as written. */
  readonly speaker: string | null;
  /** Where another article states it. */
  readonly source: ParagraphRef;
  /** The sentence of `source` that states it: offsets into its `text`. */
  readonly excerpt: TextOffsets;
  /** How many other articles state it. */
  readonly carriers: number;
}

/** How much room one article gives one point. */
export interface Emphasis {
  readonly point: string;
  readonly doc: string;
  /** The point's words / the article's content words, in [0, 1]. */
  readonly share: number;
  /** 0-based index of its first paragraph, or null when the article does not carry it. */
  readonly firstParagraph: number | null;
  /** A headline or standfirst carries it (as a member, or in one of its clauses: "…, Trump Praises Leaders"). */
  readonly inHeadline: boolean;
  /** One of the article's first two content paragraphs carries it. */
  readonly inLead: boolean;
  /** Position of its first paragraph among the article's content paragraphs, in [0, 1] (0: the top), or null. */
  readonly position: number | null;
  /** Share of the point's words inside quotation marks, in [0, 1]. */
  readonly quoteShare: number;
}

export type FindingKind = 'different-event' | 'unique' | 'conflict' | 'emphasis' | 'wording';

export interface Finding {
  readonly kind: FindingKind;
  /** The articles the finding is about. */
  readonly docs: readonly string[];
  readonly points: readonly string[];
  /** The paragraphs that prove it. */
  readonly evidence: readonly ParagraphRef[];
  /** One plain-language sentence. */
  readonly text: string;
  /** Larger is more important; findings are sorted by it. */
  readonly weight: number;
  /** The exact words the finding is about, for views to mark (the disputed number, the two wordings…). */
  readonly spans: readonly TextRange[];
}

/** Offsets into a paragraph's `text`, end exclusive. */
export interface TextOffsets {
  readonly start: number;
  readonly end: number;
}

/** A range of words inside one paragraph: offsets into the paragraph's `text`. */
export interface TextRange extends ParagraphRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A word one article uses where an aligned paragraph of another uses a different word for the same thing. */
export interface Substitution {
  readonly a: TextRange;
  readonly b: TextRange;
  readonly lemmaA: string;
  readonly lemmaB: string;
  /** What kind of word both are. */
  readonly pos: 'noun' | 'verb' | 'modifier';
  /** How alike the two words are (word vectors; 1 for curated alternatives). */
  readonly similarity: number;
  /** What says they name the same thing: the curated wordings (lexicon) or the word vectors. */
  readonly basis: 'lexicon' | 'vectors';
}

/** How one article tells the story, in counts a reader can check. */
export interface ArticleProfile {
  readonly doc: string;
  readonly tone: Tone;
  /** Share of the article's content words spent on each frame it uses, largest first. */
  readonly frames: readonly FrameShare[];
}

/** Hedging, attribution and loaded words per 100 words, and wink-nlp's sentiment. */
export interface Tone {
  readonly words: number;
  readonly hedges: number;
  readonly attributions: number;
  /** Loaded labels and evaluative words. */
  readonly loaded: number;
  readonly hedgesPer100: number;
  readonly attributionsPer100: number;
  readonly loadedPer100: number;
  /** Mean sentence sentiment, in [-1, 1]. */
  readonly sentiment: number;
  /** The words behind the counts, most frequent first (a few of each). */
  readonly examples: { readonly hedges: readonly string[]; readonly attributions: readonly string[]; readonly loaded: readonly string[] };
}

export interface FrameShare {
  readonly frame: string;
  readonly label: string;
  /** The frame's words / the article's content words, in [0, 1]. */
  readonly share: number;
  /** The paragraphs that carry it most, in article order. */
  readonly paragraphs: readonly number[];
}

/** Per-paragraph facts the views can show (names, numbers, quotes), keyed like the paragraphs. */
export interface ParagraphFacts {
  readonly doc: string;
  readonly paragraph: number;
  readonly names: readonly string[];
  readonly numbers: readonly NumberMention[];
  readonly quotes: readonly Quote[];
}

export interface NumberMention {
  /** The number as written, e.g. "eight", "1,200", "40%". */
  readonly text: string;
  /** Its value when it could be read, else null. */
  readonly value: number | null;
  /** The noun it counts or the unit it carries ("people", "%", "km"), or "" when none. */
  readonly unit: string;
  /** What kind of number: a count, money, percentage, date, time, duration or ordinal. */
  readonly type: 'count' | 'money' | 'percent' | 'date' | 'time' | 'duration' | 'ordinal';
}

export interface Quote {
  /** The words inside the quotation marks. */
  readonly text: string;
  /** Who said it, when the paragraph says so (a pronoun is resolved to the article's last named speaker). */
  readonly speaker: string | null;
}

/** The result of one analysis; every view reads it, none recomputes it. */
export interface Analysis {
  readonly schemaVersion: 1;
  readonly documents: readonly DocumentReport[];
  readonly pairs: readonly Pair[];
  readonly points: readonly Point[];
  readonly omissions: readonly Omission[];
  readonly emphasis: readonly Emphasis[];
  readonly findings: readonly Finding[];
  readonly facts: readonly ParagraphFacts[];
  /** Facts each article drops from points it carries. */
  readonly missingFacts: readonly MissingFact[];
  /** Tone and frames of each article, in input order. */
  readonly profiles: readonly ArticleProfile[];
  /** Word substitutions inside aligned pairs ("strikes" / "bombings"), the material of wording findings. */
  readonly substitutions: readonly Substitution[];
  /** Articles that report another episode of the story (left out of omissions, as source and as omitter). */
  readonly otherEvents: readonly string[];
  /** The point the articles' leads agree on (the main news), or null. */
  readonly mainPoint: string | null;
  /** How the analysis was made, for reproducibility. */
  readonly meta: AnalysisMeta;
}

export interface AnalysisMeta {
  readonly tool: 'coverage-diff';
  readonly version: string;
  readonly thresholds: { readonly pair: number; readonly point: number };
  /** Candidate pairs scored (all cross-article pairs for small sets). */
  readonly candidates: number;
  /** How words met in soft matching: 'all words', 'listed neighbours' or 'within classes' (see SoftMatching). */
  readonly softMatching: string;
  /** Threads that read the articles (1 unless a host spread the reading over helper threads). */
  readonly readers?: number;
}
