import type { AnalysisOptions } from '../options';
import type { PairEvidence } from '../types';
import { SoftMatcher, type TermBag } from './softMatch';
import { cosine, tfidfVector, Vocabulary, type SparseVector } from './tfidf';
import type { WordVectors } from './wordVectors';

/** One paragraph as the scorer sees it. */
export interface ScoringUnit {
  /** Index of its document in the comparison set. */
  readonly doc: number;
  readonly paragraph: number;
  /** Content lemmas, plus the initials of multi-word names ("united states" also gives "us"). */
  readonly terms: readonly string[];
  /** Identifying words of the names it mentions. */
  readonly nameKeys: readonly string[];
  /** Keys of the numbers it mentions (value, type and unit). */
  readonly numberKeys: readonly string[];
  /** Headline, standfirst or first body paragraph: where every outlet states the main news. */
  readonly top: boolean;
}

export interface PairScore extends PairEvidence {
  /** Weighted combination of the components, in [0, 1]. */
  readonly score: number;
}

type Weights = AnalysisOptions['weights'];

/**
 * Similarity of paragraph pairs, from five pieces of evidence:
 *  - lexical: cosine of term TF-IDF vectors (IDF over every paragraph of the comparison set);
 *  - soft: IDF-weighted greedy matching of terms through word vectors (paraphrase: "backs" ~ "endorses");
 *  - names and numbers: overlap weighted by rarity, saturating, so a name every paragraph carries adds nothing;
 *  - lead: both paragraphs open their articles (headline, standfirst, first body paragraph).
 * Per-unit data is built once; pairs are scored on demand.
 */
export class Scorer {
  private readonly vectors: SparseVector[];
  private readonly bags: TermBag[];
  private readonly nameSets: ReadonlySet<string>[];
  private readonly numberSets: ReadonlySet<string>[];
  private readonly nameVocab = new Vocabulary();
  private readonly numberVocab = new Vocabulary();
  private readonly soft: SoftMatcher;
  private readonly weights: Weights;

  constructor(
    readonly units: readonly ScoringUnit[],
    options: AnalysisOptions,
    wordVectors: WordVectors | null = null,
  ) {
    const vocab = new Vocabulary();
    for (const u of units) {
      vocab.addUnit(u.terms);
      this.nameVocab.addUnit(u.nameKeys);
      this.numberVocab.addUnit(u.numberKeys);
    }
    this.soft = new SoftMatcher(wordVectors, options.softFloor);
    this.vectors = units.map((u) => tfidfVector(u.terms, vocab));
    this.bags = units.map((u) => this.soft.bag(u.terms, (term) => vocab.idf(term)));
    this.nameSets = units.map((u) => new Set(u.nameKeys));
    this.numberSets = units.map((u) => new Set(u.numberKeys));
    const w = options.weights;
    const total = w.lexical + w.soft + w.names + w.numbers + w.lead || 1;
    this.weights = { lexical: w.lexical / total, soft: w.soft / total, names: w.names / total, numbers: w.numbers / total, lead: w.lead / total };
  }

  score(i: number, j: number): PairScore {
    const w = this.weights;
    const lexical = cosine(this.vectors[i]!, this.vectors[j]!);
    const soft = w.soft > 0 ? this.soft.similarity(this.bags[i]!, this.bags[j]!) : 0;
    const names = rareOverlap(this.nameSets[i]!, this.nameSets[j]!, this.nameVocab);
    const numbers = rareOverlap(this.numberSets[i]!, this.numberSets[j]!, this.numberVocab);
    const lead = this.units[i]!.top && this.units[j]!.top ? 1 : 0;
    const score = w.lexical * lexical + w.soft * soft + w.names * names.value + w.numbers * numbers.value + w.lead * lead;
    return {
      score: Math.min(1, Math.max(0, score)),
      lexical,
      soft,
      names: names.value,
      numbers: numbers.value,
      sharedNames: names.shared,
      sharedNumbers: numbers.shared,
    };
  }
}

/**
 * How much rare material two sets share: 1 − exp(−Σ log(N/df) over shared keys / 3). A key in every
 * paragraph adds nothing; one shared rare name (df 2 of 100) gives ~0.7; two give ~0.9.
 */
function rareOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>, vocab: Vocabulary): { value: number; shared: string[] } {
  if (!a.size || !b.size) return { value: 0, shared: [] };
  let evidence = 0;
  const shared: string[] = [];
  for (const k of b) {
    if (!a.has(k)) continue;
    evidence += vocab.idf(k) - 1;
    shared.push(k);
  }
  return { value: 1 - Math.exp(-evidence / 3), shared };
}
