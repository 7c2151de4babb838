/**
 * A seeded generator of comparison sets for the benchmark: N articles × P paragraphs of 40–80 words on one
 * invented story. The story has a pool of points; each point has its own key words (real English words from
 * the shipped word-vector vocabulary, so the language pipeline sees real words) and each article tells a
 * subset of the points, in its own order, each paragraph drawing its own mix of the point's key words, story
 * words and function words — so articles overlap the way coverage does, never word for word.
 */
import type { ArticleInput } from '../../src/core';

const FUNCTION_WORDS = 'the a of to in and on for with at by from that which as was were is are has had have it its their this after before while'.split(' ');

export interface GeneratorOptions {
  readonly articles: number;
  readonly paragraphs: number;
  readonly seed: number;
  /** Points in the story's pool (each article tells `paragraphs` of them). */
  readonly points?: number;
}

export function generateArticles(dictionary: readonly string[], options: GeneratorOptions): ArticleInput[] {
  let state = options.seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // Content words: alphabetic, 4+ letters, from the common part of the vocabulary.
  const words = dictionary.filter((w) => /^[a-z]{4,12}$/.test(w)).slice(500, 20_000);
  const poolSize = options.points ?? Math.round(options.paragraphs * 1.6);
  const story = Array.from({ length: 40 }, () => pick(words));
  const points = Array.from({ length: poolSize }, () => Array.from({ length: 14 }, () => pick(words)));
  const names = Array.from({ length: poolSize }, () => `${cap(pick(words))} ${cap(pick(words))}`);
  const articles: ArticleInput[] = [];
  for (let a = 0; a < options.articles; a++) {
    // Point 0 (the main news) leads every article; the rest are a shuffled subset.
    const order = [0, ...shuffle([...Array(poolSize).keys()].slice(1), random).slice(0, options.paragraphs - 1)];
    const headline = cap(sentence(points[0]!, story, 9, random, pick).replace(/\.$/, ''));
    const paragraphs = order.map((p) => paragraph(points[p]!, story, names[p]!, random, pick));
    articles.push({ path: `generated/article-${String(a).padStart(4, '0')}.txt`, text: [headline, ...paragraphs].join('\n\n') + '\n' });
  }
  return articles;
}

/** 40–80 words in sentences of 10–20: key words of the point, story words, a name, a number, function words. */
function paragraph(keys: readonly string[], story: readonly string[], name: string, random: () => number, pick: <T>(l: readonly T[]) => T): string {
  const target = 40 + Math.floor(random() * 41);
  const out: string[] = [];
  let words = 0;
  while (words < target) {
    const length = Math.min(10 + Math.floor(random() * 11), target - words + 4);
    let s = sentence(keys, story, length, random, pick);
    if (random() < 0.3) s = `${name} said ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
    if (random() < 0.2) s = s.replace(/\.$/, ` ${2 + Math.floor(random() * 900)} times.`);
    out.push(s);
    words += s.split(' ').length;
  }
  return out.join(' ');
}

function sentence(keys: readonly string[], story: readonly string[], length: number, random: () => number, pick: <T>(l: readonly T[]) => T): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = random();
    out.push(r < 0.4 ? pick(keys) : r < 0.55 ? pick(story) : pick(FUNCTION_WORDS));
  }
  return `${cap(out.join(' '))}.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
