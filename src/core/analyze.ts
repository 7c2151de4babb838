import { align } from './align';
import { buildPoints } from './align/points';
import type { AnalysisCache } from './cache';
import { detect } from './detect';
import { articleVoice, type ArticleVoice } from './detect/profile';
import { InputError } from './errors';
import { articleFeatures, type ParagraphFeatures } from './features';
import { baseName, formatOf } from './load/format';
import { resolveOptions, type AnalysisOptions } from './options';
import { TRAINED_MODEL, type ConfidenceModel } from './score/model';
import { buildProfiles, type UnitSource } from './score/profiles';
import { wordMatcherOf } from './score/wordMatcher';
import type { WordVectors } from './score/wordVectors';
import { segment } from './segment';
import { NOT_CONTENT_KINDS, type Analysis, type ParagraphRef, type ArticleInput, type DocumentReport, type Paragraph, type ParagraphFacts } from './types';
import { VERSION } from './version';

/** One article after the per-article stages (segment, features): everything that does not depend on the others. */
export interface PreparedArticle {
  readonly document: DocumentReport;
  readonly features: readonly ParagraphFeatures[];
  /** Its tone and frames (they depend on the article alone). */
  readonly voice: ArticleVoice;
}

/** Shared, read-only aids the host loads once (the core cannot read files), and an optional cache. */
export interface AnalysisResources {
  /** Word vectors for paraphrase-aware matching; without them words match only when their lemmas are equal. */
  readonly vectors?: WordVectors | null;
  /** Reuse of per-article work between analyses (a long-lived host keeps one). */
  readonly cache?: AnalysisCache;
  /** The pair-confidence model; the trained one by default. */
  readonly model?: ConfidenceModel;
  /** Told how long each stage took, in milliseconds (for benchmarks and logs). */
  readonly onStage?: (stage: string, ms: number) => void;
}

/** Runs a stage and reports its time to `onStage`. */
function timed<T>(resources: AnalysisResources, stage: string, run: () => T): T {
  if (!resources.onStage) return run();
  const t0 = Date.now();
  const out = run();
  resources.onStage(stage, Date.now() - t0);
  return out;
}

/** Looks up a paragraph's best cross-article similarity by reference. */
function bestMatchOf(best: Float64Array, units: readonly { doc: number; paragraph: number }[], docIds: readonly string[]): (ref: ParagraphRef) => number {
  const byRef = new Map<string, number>();
  units.forEach((u, i) => byRef.set(`${docIds[u.doc]}#${u.paragraph}`, best[i]!));
  return (ref) => byRef.get(`${ref.doc}#${ref.paragraph}`) ?? 0;
}

/** Segments one article and reads its features. Depends only on the article, so callers may cache it by text. */
export function prepareArticle(input: ArticleInput, id: string): PreparedArticle {
  const format = formatOf(input.path);
  const paragraphs = segment(input.text, format);
  const features = articleFeatures(paragraphs);
  const words = paragraphs.reduce((sum, p) => sum + p.words, 0);
  const headline = paragraphs.find((p) => p.kind === 'headline');
  const firstContent = paragraphs.find((p) => !NOT_CONTENT_KINDS.has(p.kind));
  const title = headline?.text ?? (firstContent ? openingWords(firstContent.text) : baseName(input.path));
  return { document: { id, path: input.path, title, format, words, paragraphs }, features, voice: articleVoice({ paragraphs, words }, features) };
}

/** A comparison needs two articles or more: anything less is bad input, said plainly. */
export function requireArticles(inputs: readonly ArticleInput[]): void {
  if (inputs.length < 2) throw new InputError('too-few-articles', `need at least two articles to compare, got ${inputs.length}`, inputs[0]?.path);
}

/** The whole pipeline: load → segment → features → score → align → detect → one Analysis. */
export function analyze(inputs: readonly ArticleInput[], options: Partial<AnalysisOptions> = {}, resources: AnalysisResources = {}): Analysis {
  requireArticles(inputs);
  const prepared = timed(resources, 'prepare', () =>
    inputs.map((input, i) => {
      const id = `d${i}`;
      return resources.cache ? resources.cache.article(input.path, input.text, id, () => prepareArticle(input, id)) : prepareArticle(input, id);
    }),
  );
  return analyzePrepared(prepared, options, resources);
}

/** The comparison stages over already prepared articles. */
export function analyzePrepared(articles: readonly PreparedArticle[], options: Partial<AnalysisOptions> = {}, resources: AnalysisResources = {}): Analysis {
  const opts = resolveOptions(options);
  const documents = articles.map((a) => a.document);
  const docIds = documents.map((d) => d.id);
  const sources = unitSources(articles, opts);
  const set = timed(resources, 'profile', () => buildProfiles(sources, resources.vectors ?? null, opts.softFloor, opts.softMatching));
  const alignment = timed(resources, 'align', () => align(set, docIds, opts, resources.model ?? TRAINED_MODEL, resources.cache?.alignments(opts.softFloor, set.matcher.matching)));
  const { points, mainPoint } = timed(resources, 'points', () =>
    buildPoints(
      alignment.points,
      alignment.primary,
      set,
      alignment.scored,
      docIds,
      (d, p) => documents[d]!.paragraphs[p]!.text,
      (d, p) => articles[d]!.features[p]!,
      alignment.mainPoint,
    ),
  );
  const detection = timed(resources, 'detect', () =>
    detect({
      documents,
      features: articles.map((a) => a.features),
      points,
      pairs: alignment.pairs,
      mainPoint,
      words: wordMatcherOf(set),
      voices: articles.map((a) => a.voice),
      bestMatch: bestMatchOf(alignment.bestMatch, set.units, docIds),
    }),
  );

  return {
    schemaVersion: 1,
    documents,
    pairs: alignment.pairs,
    points,
    omissions: detection.omissions,
    emphasis: detection.emphasis,
    findings: detection.findings,
    facts: collectFacts(articles),
    missingFacts: detection.missingFacts,
    profiles: detection.profiles,
    substitutions: detection.substitutions,
    otherEvents: detection.otherEvents,
    mainPoint,
    meta: {
      tool: 'coverage-diff',
      version: VERSION,
      thresholds: { pair: opts.pairThreshold, point: opts.pointThreshold },
      candidates: alignment.scored.length,
      softMatching: set.matcher.matching,
    },
  };
}

function collectFacts(articles: readonly PreparedArticle[]): ParagraphFacts[] {
  const out: ParagraphFacts[] = [];
  for (const a of articles) {
    a.features.forEach((f, paragraph) => {
      if (!f.names.length && !f.numbers.length && !f.quotes.length) return;
      out.push({
        doc: a.document.id,
        paragraph,
        names: [...new Set(f.names.map((n) => n.text))],
        numbers: f.numbers.map(({ text, value, unit, type }) => ({ text, value, unit, type })),
        quotes: f.quotes.map(({ text, speaker }) => ({ text, speaker })),
      });
    });
  }
  return out;
}

/** The paragraphs that take part in alignment: content of the kinds not left out, with words to compare. */
export function unitSources(articles: readonly PreparedArticle[], options: AnalysisOptions): UnitSource[] {
  const ignored = new Set([...NOT_CONTENT_KINDS, ...options.ignoreKinds]);
  const sources: UnitSource[] = [];
  articles.forEach((a, doc) => {
    const lead = leadParagraphs(a.document.paragraphs);
    const lists = listContext(a.document.paragraphs, a.features);
    for (const p of a.document.paragraphs) {
      const f = a.features[p.index]!;
      const list = lists.get(p.index);
      if (!ignored.has(p.kind) && f.lemmas.length) sources.push({ doc, paragraph: p, features: f, top: lead.has(p.index), context: list?.context ?? [], listGroup: list?.group ?? -1 });
    }
  });
  return sources;
}

/**
 * A list is read with the line that introduces it ("Other governments responded differently:" / "• China urged a
 * ceasefire"): each item borrows the lead-in's words, and the lead-in its items' — neither says its point alone.
 */
function listContext(paragraphs: readonly Paragraph[], features: readonly ParagraphFeatures[]): Map<number, { readonly context: readonly string[]; readonly group: number }> {
  const out = new Map<number, { context: readonly string[]; group: number }>();
  paragraphs.forEach((p, k) => {
    if ((p.kind !== 'body' && p.kind !== 'standfirst') || !p.text.trimEnd().endsWith(':')) return;
    const items: Paragraph[] = [];
    for (let j = k + 1; j < paragraphs.length && paragraphs[j]!.kind === 'list'; j++) items.push(paragraphs[j]!);
    if (!items.length) return;
    const group = [p, ...items];
    for (const m of group) out.set(m.index, { context: group.filter((o) => o !== m).flatMap((o) => features[o.index]!.lemmas), group: p.index });
  });
  return out;
}

/** Headlines, standfirst and the first body paragraph: where an article states its main news. */
function leadParagraphs(paragraphs: readonly Paragraph[]): ReadonlySet<number> {
  const lead = new Set<number>();
  for (const p of paragraphs) if (p.kind === 'headline' || p.kind === 'standfirst') lead.add(p.index);
  const firstBody = paragraphs.find((p) => p.kind === 'body' || p.kind === 'quote');
  if (firstBody) lead.add(firstBody.index);
  return lead;
}

function openingWords(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 10 ? text : words.slice(0, 10).join(' ') + '…';
}
