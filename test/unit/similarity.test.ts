import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageLinkage } from '../../src/core/align/cluster';
import { paragraphFeatures } from '../../src/core/features';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisCache, WordVectors } from '../../src/core';
import { candidatePairs, type CandidatePairs } from '../../src/core/score/candidates';
import { pairEvidence } from '../../src/core/score/evidence';
import { buildProfiles, softMatchingFor, type UnitSource } from '../../src/core/score/profiles';
import { SoftMatcher } from '../../src/core/score/softMatch';
import { cosine, tfidfVector, Vocabulary } from '../../src/core/score/tfidf';
import type { Paragraph } from '../../src/core/types';
import { REPO, shippedVectors } from '../helpers';

function source(doc: number, index: number, text: string): UnitSource {
  const paragraph: Paragraph = { index, startLine: index + 1, endLine: index + 1, start: 0, end: text.length, kind: 'body', text, words: text.split(/\s+/).length };
  return { doc, paragraph, features: paragraphFeatures(text), top: false };
}

describe('paraphrase-aware similarity', () => {
  const texts = [
    'Dockworkers walked off the job on Monday and the port stopped loading ships.',
    'Port labourers went on strike Monday, halting the loading of vessels.',
    'The bakery on Mill Street sells bread, cakes and pastries every morning.',
  ];
  const sources = texts.map((t, i) => source(i, 0, t));

  it('scores a paraphrase above an unrelated paragraph, and above what shared lemmas alone give', () => {
    const set = buildProfiles(sources, shippedVectors(), 0.5, 'all words');
    const [a, b, c] = set.units;
    const soft = set.matcher.similarity(a!.bag, b!.bag);
    const unrelated = set.matcher.similarity(a!.bag, c!.bag);
    const lexical = cosine(a!.lexical, b!.lexical);
    assert.ok(soft > unrelated + 0.15, `paraphrase ${soft.toFixed(3)} vs unrelated ${unrelated.toFixed(3)}`);
    assert.ok(soft > lexical, `soft ${soft.toFixed(3)} should exceed lexical ${lexical.toFixed(3)} on a paraphrase`);
  });

  it('aligns every word with every word through bag expansions exactly as the direct comparison does', () => {
    const more = [
      ...texts,
      'Officials at the harbour said the walkout would continue until wages were raised, and "no ship will sail" before then.',
      'The de-escalation talks stalled; Harbour Authority officials blamed the union.',
    ].map((t, i) => source(i, 0, t));
    const set = buildProfiles(more, shippedVectors(), 0.5, 'all words');
    let compared = 0;
    for (let i = 0; i < set.units.length; i++) {
      for (let j = 0; j < set.units.length; j++) {
        if (i === j) continue;
        const [a, b] = [set.units[i]!.bag, set.units[j]!.bag];
        const direct = set.matcher.align(a, b);
        const expanded = SoftMatcher.alignExpanded(a, set.expansion(i)!, b, set.expansion(j)!);
        assert.deepEqual([...expanded.from], [...direct.from], `pair ${i}–${j}, first side`);
        assert.deepEqual([...expanded.to], [...direct.to], `pair ${i}–${j}, second side`);
        compared++;
      }
    }
    assert.equal(compared, 20);
    assert.ok(set.units.some((_, i) => set.expansion(i)!.some((x) => x > 0 && x < 1)), 'some words match other words partially');
  });

  it('aligns sentences through their expansions exactly as directly, once the neighbour lists exist', () => {
    const more = [
      'Dock workers walked out on Monday. The strike closed the harbour and stranded three ferries.',
      'The walkout by dockers shut the port. Three ferries could not leave, officials said.',
      'Officials at the harbour said the walkout would continue until wages were raised. No ship will sail before then.',
    ].map((t, i) => source(i, 0, t));
    const fresh = buildProfiles(more, shippedVectors(), 0.5, 'all words');
    const warmed = buildProfiles(more, shippedVectors(), 0.5, 'all words');
    // Enough paragraph alignments that the set builds its neighbour lists and aligns through expansions.
    for (let k = 0; k < 300; k++) warmed.align(k % 3, (k + 1) % 3);
    let compared = 0;
    for (let i = 0; i < more.length; i++) {
      for (let j = 0; j < more.length; j++) {
        if (i === j) continue;
        const direct = fresh.alignSentences(i, j);
        const expanded = warmed.alignSentences(i, j);
        assert.equal(expanded.length, fresh.sentenceSides(i).length * fresh.sentenceSides(j).length);
        expanded.forEach((e, k) => {
          assert.deepEqual([...e.from], [...direct[k]!.from], `pair ${i}–${j}, sentences ${k}`);
          assert.deepEqual([...e.to], [...direct[k]!.to], `pair ${i}–${j}, sentences ${k}`);
          compared++;
        });
      }
    }
    assert.ok(compared >= 12, `${compared} sentence pairs compared`);
  });

  it('finds the word pairs above a floor as comparing every pair does, also for a second set that shares words', () => {
    const vectors = shippedVectors()!;
    const brute = (rows: Int32Array, min: number) => {
      const out: string[] = [];
      for (let i = 0; i < rows.length; i++) {
        for (let j = i + 1; j < rows.length; j++) {
          const cos = vectors.similarity(rows[i]!, rows[j]!);
          if (cos > min) out.push(`${i},${j},${cos}`);
        }
      }
      return out.sort();
    };
    const viaMemo = (rows: Int32Array, min: number) => {
      const out: string[] = [];
      vectors.pairsAbove(rows, min, (i, j, cos) => out.push(`${i},${j},${cos}`));
      return out.sort();
    };
    const rowsOf = (words: string) => Int32Array.from(words.split(' '), (w) => vectors.id(w)).filter((r) => r >= 0);
    const first = rowsOf('strike bombing attack raid port harbour dock ship ferry wage pay salary union worker');
    const second = rowsOf('ferry ship boat vessel union strike walkout protest harbour quay wage income worker labourer');
    // An odd floor, so no earlier test's kept cosines are reused for the first set; the second reuses the first's.
    for (const rows of [first, second, Int32Array.from([...second, second[0]!])]) {
      const expected = brute(rows, 0.4321);
      assert.deepEqual(viaMemo(rows, 0.4321), expected);
      assert.ok(expected.length >= 5, `${expected.length} pairs above the floor`);
    }
  });

  it('has no expansions when it compares words within their classes only (large sets)', () => {
    assert.equal(buildProfiles(sources, shippedVectors(), 0.5, 'within classes').expansion(0), null);
  });

  it('compares every word with every word by the size of the vocabulary, not the number of paragraphs', () => {
    // Many paragraphs on few words: as exhaustive as a small set, so scores do not drop past a paragraph count.
    const vectors = shippedVectors();
    assert.equal(softMatchingFor(5_000, 900, vectors, 0.5), 'all words');
    // A large vocabulary looks words up in the shipped neighbour table (down to its floor); without it, by class.
    assert.equal(softMatchingFor(150, 4_500, vectors, 0.5), 'listed neighbours');
    assert.equal(softMatchingFor(150, 4_500, vectors, 0.3), 'within classes');
    assert.equal(softMatchingFor(150, 4_500, null, 0.5), 'within classes');
    // Expansions cost a float per paragraph and term: bounded too.
    assert.equal(softMatchingFor(20_000, 3_000, vectors, 0.5), 'within classes');
    const many = Array.from({ length: 450 }, (_, k) => source(k % 15, Math.floor(k / 15), texts[k % texts.length]!));
    const set = buildProfiles(many, shippedVectors(), 0.5, 'auto');
    assert.notEqual(set.expansion(0), null, 'a 450-paragraph set of a few dozen words compares words exhaustively');
    // The paraphrase's words meet as in the three-paragraph set (alignments are IDF-free), which class-only
    // matching of the same 450 paragraphs does not manage.
    const small = buildProfiles(sources, shippedVectors(), 0.5, 'all words');
    assert.deepEqual(set.align(0, 1), small.align(0, 1));
    assert.notDeepEqual(buildProfiles(many, shippedVectors(), 0.5, 'within classes').align(0, 1), small.align(0, 1));
  });

  it('ships a neighbour table that lists each word\'s closest words, as comparing it with every word finds them', () => {
    const vectors = shippedVectors();
    assert.equal(vectors.neighbourFloor !== null && vectors.neighbourFloor <= 0.5, true, 'the table reaches down to the default floor');
    const floor = vectors.neighbourFloor!;
    for (const word of ['strike', 'port', 'minister', 'vessel', 'wounded', 'ceasefire', 'bakery', 'police']) {
      const row = vectors.id(word);
      assert.ok(row >= 0, word);
      const close: [number, number][] = [];
      for (let u = 0; u < vectors.size; u++) if (u !== row && vectors.similarity(row, u) > floor) close.push([vectors.similarity(row, u), u]);
      close.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
      // Up to the cap, every close word is listed; the closest are always listed.
      const listed = close.filter(([, u]) => vectors.listed(row, u)).length;
      assert.ok(listed >= Math.min(close.length, 255), `${word}: ${listed} of ${close.length} close words listed`);
      for (const [, u] of close.slice(0, 10)) assert.ok(vectors.listed(row, u), `${word} lists ${vectors.words()[u]}`);
      // …and nothing that is not close.
      assert.equal(vectors.listed(row, vectors.id('bread')), vectors.similarity(row, vectors.id('bread')) > floor);
    }
  });

  it('aligns a large vocabulary through the neighbour table as comparing every word does (but for a word past its cap)', () => {
    const listed = buildProfiles(sources, shippedVectors(), 0.5, 'listed neighbours');
    const all = buildProfiles(sources, shippedVectors(), 0.5, 'all words');
    assert.deepEqual(listed.align(0, 1), all.align(0, 1));
    assert.equal(listed.matcher.similarity(listed.units[0]!.bag, listed.units[1]!.bag), all.matcher.similarity(all.units[0]!.bag, all.units[1]!.bag));
    // Through expansions too (the neighbour lists built from the table): what the other paragraph's words read.
    const [viaTable, viaAll] = [listed.expansion(0)!, all.expansion(0)!];
    for (const u of listed.units[1]!.bag.terms) assert.equal(viaTable[u], viaAll[u]);
    // Class-only matching of the same paragraphs misses part of the paraphrase.
    const byClass = buildProfiles(sources, shippedVectors(), 0.5, 'within classes');
    assert.ok(byClass.matcher.similarity(byClass.units[0]!.bag, byClass.units[1]!.bag) < all.matcher.similarity(all.units[0]!.bag, all.units[1]!.bag) - 0.05);
  });

  it('matches exact words only when told to use a neighbour table that is not there', () => {
    const bare = WordVectors.parse(readFileSync(join(REPO, 'media', 'word-vectors.bin')));
    assert.equal(bare.neighbourFloor, null);
    const listed = buildProfiles(sources, bare, 0.5, 'listed neighbours');
    const exact = buildProfiles(sources, null, 0.5, 'all words');
    assert.notEqual(listed.expansion(0), null);
    assert.equal(listed.softSimilarity(0, 1), exact.softSimilarity(0, 1));
  });

  it('keeps the two ways of matching apart in the cache (a set that outgrows the vocabulary limit)', () => {
    const cache = new AnalysisCache();
    const exhaustive = buildProfiles(sources, shippedVectors(), 0.5, 'all words');
    const byClass = buildProfiles(sources, shippedVectors(), 0.5, 'within classes');
    const stored = pairEvidence(exhaustive, 0, 1, cache.alignments(0.5, exhaustive.matcher.matching)).soft;
    const again = pairEvidence(byClass, 0, 1, cache.alignments(0.5, byClass.matcher.matching)).soft;
    assert.equal(again, pairEvidence(byClass, 0, 1).soft, 'the class-only set scores as if nothing were cached');
    assert.notEqual(again, stored);
  });

  it('matches only exact lemmas without word vectors', () => {
    const set = buildProfiles(sources, null, 0.5, 'all words');
    const [a, b] = set.units;
    const vocab = new Vocabulary();
    for (const u of set.units) vocab.addUnit(u.terms);
    // Without vectors, soft matching is exact matching: weighted overlap of the same terms only.
    const shared = new Set(a!.terms.filter((t) => b!.terms.includes(t)));
    assert.ok(shared.size > 0);
    const s = set.matcher.similarity(a!.bag, b!.bag);
    assert.ok(s > 0 && s < 0.6, `exact-only similarity ${s}`);
  });

  it('gives the same score to both directions and to a cached alignment', () => {
    const set = buildProfiles(sources, shippedVectors(), 0.5, 'within classes');
    const [a, b] = set.units;
    const ab = set.matcher.similarity(a!.bag, b!.bag);
    const ba = set.matcher.similarity(b!.bag, a!.bag);
    assert.ok(Math.abs(ab - ba) < 1e-9);
    const alignment = set.matcher.align(a!.bag, b!.bag);
    assert.ok(Math.abs(SoftMatcher.score(a!.bag, b!.bag, alignment) - ab) < 1e-9);
  });

  it('computes TF-IDF cosine in [0, 1] with 1 for identical text', () => {
    const vocab = new Vocabulary();
    vocab.addUnit(['port', 'strike']);
    vocab.addUnit(['bread']);
    const x = tfidfVector(['port', 'strike', 'strike'], vocab);
    assert.ok(Math.abs(cosine(x, x) - 1) < 1e-9);
    assert.equal(cosine(x, tfidfVector(['bread'], vocab)), 0);
  });
});

describe('N-way clustering', () => {
  it('joins clusters by average linkage and stops at the threshold', () => {
    // Two tight groups {0,1,2} and {3,4}, weakly tied by one edge.
    const edges = [
      { a: 0, b: 1, weight: 0.9 },
      { a: 1, b: 2, weight: 0.8 },
      { a: 0, b: 2, weight: 0.7 },
      { a: 3, b: 4, weight: 0.85 },
      { a: 2, b: 3, weight: 0.3 },
    ];
    assert.deepEqual(averageLinkage(5, edges, 0.5), [
      [0, 1, 2],
      [3, 4],
    ]);
    // At a low threshold the weak tie still does not merge them: its average over the groups is diluted.
    assert.deepEqual(averageLinkage(5, edges, 0.2).length, 2);
    assert.deepEqual(averageLinkage(5, edges, 0.05), [[0, 1, 2, 3, 4]]);
  });

  it('does not chain: a path of moderate links between otherwise unlike items is not one cluster', () => {
    // Every pair scored (as in a small comparison set): neighbours on the path alike, the rest not.
    const edges = [];
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) edges.push({ a, b, weight: b === a + 1 ? 0.6 : 0.05 });
    const clusters = averageLinkage(6, edges, 0.5);
    assert.ok(clusters.length >= 3, `pairwise chaining would give one cluster; got ${JSON.stringify(clusters)}`);
  });

  // The reference: merge the two clusters of highest linkage (mean edge between them, discounted when fewer edges
  // were seen than the smaller cluster has members) while it reaches the threshold, scanning every pair each time.
  const reference = (n: number, edges: { a: number; b: number; weight: number }[], t: number): number[][] => {
    let clusters = Array.from({ length: n }, (_, i) => [i]);
    for (;;) {
      let best: [number, number, number] | null = null;
      for (let x = 0; x < clusters.length; x++) {
        for (let y = x + 1; y < clusters.length; y++) {
          const [X, Y] = [new Set(clusters[x]), new Set(clusters[y])];
          const between = edges.filter((e) => (X.has(e.a) && Y.has(e.b)) || (X.has(e.b) && Y.has(e.a)));
          if (!between.length) continue;
          const mean = between.reduce((s, e) => s + e.weight, 0) / between.length;
          const v = mean * Math.min(1, between.length / Math.min(X.size, Y.size));
          if (!best || v > best[0]) best = [v, x, y];
        }
      }
      if (!best || best[0] < t) break;
      const merged = [...clusters[best[1]]!, ...clusters[best[2]]!].sort((p, q) => p - q);
      clusters = clusters.filter((_, k) => k !== best![1] && k !== best![2]).concat([merged]);
    }
    return clusters.sort((p, q) => p[0]! - q[0]!);
  };
  /** Random sparse graphs: items in groups are alike now and then; any other pair gets a weak edge a third of the time. */
  const randomGraph = (n: number, group: number, random: () => number) => {
    const edges: { a: number; b: number; weight: number }[] = [];
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const sameGroup = Math.floor(a / group) === Math.floor(b / group);
        if (sameGroup && random() < 0.6) edges.push({ a, b, weight: 0.3 + 0.6 * random() });
        else if (random() < 0.33) edges.push({ a, b, weight: 0.45 * random() });
      }
    }
    return edges;
  };
  const lcg = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it('gives what textbook average linkage gives on sparse graphs full of weak edges between components', () => {
    const random = lcg(7);
    for (let round = 0; round < 20; round++) {
      const edges = randomGraph(30, 5, random);
      assert.deepEqual(averageLinkage(30, edges, 0.5), reference(30, edges, 0.5), `round ${round}`);
    }
  });

  it('still gives it once clusters grow large', () => {
    // Groups of 24 grow past the size from which larger neighbours are looked up rather than scanned.
    const random = lcg(11);
    for (let round = 0; round < 3; round++) {
      const edges = randomGraph(48, 24, random);
      const clusters = averageLinkage(48, edges, 0.4);
      assert.ok(clusters.some((c) => c.length >= 16), `round ${round}: ${clusters.map((c) => c.length).join(' ')}`);
      assert.deepEqual(clusters, reference(48, edges, 0.4), `round ${round}`);
    }
  });

  it('is deterministic on ties', () => {
    const edges = [
      { a: 0, b: 1, weight: 0.5 },
      { a: 1, b: 2, weight: 0.5 },
      { a: 2, b: 0, weight: 0.5 },
    ];
    assert.deepEqual(averageLinkage(3, edges, 0.4), averageLinkage(3, [...edges].reverse(), 0.4));
  });
});

describe('candidate generation at scale', () => {
  const tuples = (pairs: CandidatePairs): [number, number][] => Array.from(pairs.left, (i, k) => [i, pairs.right[k]!]);

  it('proposes each paragraph with its counterparts through the inverted index, not all pairs', () => {
    // 60 articles × 4 paragraphs: paragraph k of every article is about topic k.
    const topics = [
      'harbour strike dockworkers ships loading cranes union',
      'minister talks ministry wednesday meeting offer',
      'fruit exporters refrigerated containers spoil harvest',
      'court order legal contract authority illegal walkout',
    ];
    const sources: UnitSource[] = [];
    for (let d = 0; d < 60; d++) {
      topics.forEach((t, k) => {
        const words = t.split(' ');
        const text = `${words[(d + 1) % words.length]} ${words[(d + 2) % words.length]} ${words[(d + 3) % words.length]} ${words[(d + 4) % words.length]} reported on day ${d}.`;
        sources.push(source(d, k, text));
      });
    }
    const set = buildProfiles(sources, null, 0.5, 'within classes');
    const pairs = tuples(candidatePairs(set, { allPairsLimit: 100, perUnit: 8, perArticle: 2, termsPerUnit: 6, postingCap: 20, pairBudget: 0, maxPerUnit: 8, leadPairBudget: 0 }));
    const all = (240 * 236) / 2;
    assert.ok(pairs.length < all / 5, `${pairs.length} of ${all} pairs scored`);
    const sameTopic = pairs.filter(([i, j]) => set.units[i]!.paragraph === set.units[j]!.paragraph).length;
    assert.ok(sameTopic / pairs.length > 0.9, `${sameTopic} of ${pairs.length} candidates share a topic`);
    for (const [i, j] of pairs) assert.notEqual(set.units[i]!.doc, set.units[j]!.doc);
  });

  it('lets a set just over the all-pairs limit keep more candidates per paragraph, within the pair budget', () => {
    const sources: UnitSource[] = [];
    const words = 'harbour strike dockworkers ships loading cranes union minister talks offer exporters containers'.split(' ');
    for (let d = 0; d < 12; d++) for (let k = 0; k < 10; k++) sources.push(source(d, k, `${words[k]} ${words[(k + 1) % words.length]} ${words[(k + d) % words.length]} on day ${d}.`));
    const set = buildProfiles(sources, null, 0.5, 'within classes');
    const base = { allPairsLimit: 0, perUnit: 4, perArticle: 1, termsPerUnit: 3, postingCap: 200, maxPerUnit: 16, leadPairBudget: 0 };
    const tight = tuples(candidatePairs(set, { ...base, pairBudget: 0 }));
    const roomy = tuples(candidatePairs(set, { ...base, pairBudget: 100_000 }));
    const perUnit = (pairs: [number, number][]) => Math.max(...[...Array(sources.length).keys()].map((u) => pairs.filter(([i, j]) => i === u || j === u).length));
    // Without budget a paragraph proposes at most perUnit (others may propose it too); with room, four times as many.
    assert.ok(roomy.length > 2 * tight.length, `${roomy.length} candidates with room, ${tight.length} without`);
    assert.ok(roomy.length <= (sources.length * base.maxPerUnit), `${roomy.length} candidates`);
    assert.ok(perUnit(roomy) > base.perUnit * 2, `a paragraph is in ${perUnit(roomy)} candidates`);
  });

  it("pairs every paragraph with the other articles' leads when they fit the lead-pair budget, and only then", () => {
    // 12 articles × 6 paragraphs; each article's first paragraph is its lead. The index alone proposes only pairs
    // that share rare words, so most paragraph–lead pairs are not among its candidates.
    const words = 'harbour strike dockworkers ships loading cranes union minister talks offer exporters containers court'.split(' ');
    const sources: UnitSource[] = [];
    for (let d = 0; d < 12; d++) {
      for (let k = 0; k < 6; k++) {
        const s = source(d, k, `${words[(k * 2) % words.length]} ${words[(k * 2 + d) % words.length]} reported on day ${d}, item ${k}.`);
        sources.push({ ...s, top: k === 0 });
      }
    }
    const set = buildProfiles(sources, null, 0.5, 'within classes');
    const base = { allPairsLimit: 0, perUnit: 2, perArticle: 1, termsPerUnit: 2, postingCap: 8, pairBudget: 0, maxPerUnit: 2 };
    const leadPairs = (pairs: [number, number][]) => {
      const have = new Set(pairs.map(([i, j]) => `${i}|${j}`));
      let n = 0;
      set.units.forEach((u, i) =>
        set.units.forEach((l, j) => {
          if (l.top && l.doc !== u.doc && have.has(i < j ? `${i}|${j}` : `${j}|${i}`)) n++;
        }),
      );
      return n;
    };
    const every = sources.length * 11; // each paragraph (leads too) with the 11 other articles' leads
    const within = tuples(candidatePairs(set, { ...base, leadPairBudget: sources.length * 12 }));
    const over = tuples(candidatePairs(set, { ...base, leadPairBudget: sources.length * 12 - 1 }));
    assert.equal(leadPairs(within), every, "every paragraph meets every other article's lead");
    assert.ok(leadPairs(over) < every / 2, `${leadPairs(over)} paragraph–lead pairs over the budget`);
    // Pairs stay distinct and across articles.
    assert.equal(new Set(within.map(([i, j]) => `${i}|${j}`)).size, within.length);
    for (const [i, j] of within) assert.ok(i < j && set.units[i]!.doc !== set.units[j]!.doc);
  });
});
