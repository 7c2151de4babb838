import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, AnalysisCache, type Analysis } from '../../src/core';
import { analyzeFiles, FERRY, input, LEAK, shippedVectors } from '../helpers';

const textOf = (a: Analysis, r: { doc: string; paragraph: number }) => a.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!.text;

function pointsWith(a: Analysis, pattern: RegExp) {
  return a.points.filter((p) => p.members.some((m) => pattern.test(textOf(a, m))));
}

function aligned(a: Analysis, x: RegExp, y: RegExp): boolean {
  return a.pairs.some((p) => (x.test(textOf(a, p.a)) && y.test(textOf(a, p.b))) || (y.test(textOf(a, p.a)) && x.test(textOf(a, p.b))));
}

describe('points across all articles', () => {
  const analysis = analyzeFiles(FERRY);

  it('aligns the paragraph one outlet merges with both paragraphs another splits it into', () => {
    // The wire's one paragraph carries the roster dispute and the Thursday talks; the courier has one each.
    assert.ok(aligned(analysis, /^The walkout follows a roster change/, /^The crews' union said the strike was over new rosters/));
    assert.ok(aligned(analysis, /^The walkout follows a roster change/, /^The operator, Selk Lines, said it regretted/));
  });

  it('lets a paragraph that carries two points join both', () => {
    const wireMerged = /^The walkout follows a roster change/;
    const rosters = pointsWith(analysis, /rosters that would cut rest days|remove rest days/);
    const talks = pointsWith(analysis, /invited the union to talks|offered to meet union leaders/);
    assert.ok(rosters.some((p) => p.members.some((m) => wireMerged.test(textOf(analysis, m)))), 'the merged paragraph is not in the rosters point');
    assert.ok(talks.some((p) => p.members.some((m) => wireMerged.test(textOf(analysis, m)))), 'the merged paragraph is not in the talks point');
    // Each point quotes the merged paragraph by the sentence that makes it.
    const quoted = (points: typeof rosters) =>
      points.flatMap((p) => p.members.map((m, k) => ({ m, k, p })).filter(({ m }) => wireMerged.test(textOf(analysis, m)))).map(({ m, k, p }) => textOf(analysis, m).slice(p.excerpts[k]!.start, p.excerpts[k]!.end));
    assert.ok(quoted(rosters).some((s) => /roster/i.test(s) && !/talks/i.test(s)), `the rosters point quotes ${JSON.stringify(quoted(rosters))}`);
    assert.ok(quoted(talks).some((s) => /talks/i.test(s) && !/roster/i.test(s)), `the talks point quotes ${JSON.stringify(quoted(talks))}`);
  });

  it('gathers each point across all three articles, with a short label and stable ids', () => {
    const councillor = pointsWith(analysis, /Owen Tally/);
    assert.equal(councillor.length, 1);
    assert.deepEqual(councillor[0]!.docs, ['d0', 'd1', 'd2']);
    for (const p of analysis.points) {
      assert.ok(p.label.split(/\s+/).length <= 12, `label too long: ${p.label}`);
      assert.ok(p.label.length > 3);
      assert.equal(p.excerpts.length, p.members.length, 'a sentence for every member');
      p.excerpts.forEach((x, k) => assert.ok(0 <= x.start && x.start < x.end && x.end <= textOf(analysis, p.members[k]!).length));
    }
    assert.deepEqual(
      analysis.points.map((p) => p.id),
      analysis.points.map((_, k) => `p${k + 1}`),
    );
    assert.deepEqual(analyzeFiles(FERRY).points, analysis.points, 'the same input gives the same points');
  });

  it('labels a point by what most of its articles say, not by a detail two of them add', () => {
    // Three outlets report the evacuation; two of them add, in the same paragraph and at more length, the fire
    // chief's words. Every article that carries a point says its label (two of its words, at least).
    const leak = analyzeFiles(LEAK);
    const stems = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4).map((w) => w.slice(0, 5)));
    const broad = leak.points.filter((p) => p.docs.length >= 3);
    assert.ok(broad.some((p) => p.members.some((m) => /evacuated/.test(textOf(leak, m)))), 'no point of three articles on the evacuation');
    for (const p of broad) {
      const label = stems(p.label);
      const saying = p.docs.filter((doc) => {
        const words = stems(p.members.filter((m) => m.doc === doc).map((m) => textOf(leak, m)).join(' '));
        return [...label].filter((w) => words.has(w)).length >= 2;
      });
      assert.deepEqual(saying, p.docs, `“${p.label}” is said by ${saying.join(', ')} of ${p.docs.join(', ')}`);
    }
  });

  it('gives every pair a score and a confidence in [0, 1]', () => {
    assert.ok(analysis.pairs.length > 0);
    for (const p of analysis.pairs) {
      assert.ok(p.score >= 0 && p.score <= 1);
      assert.ok(p.confidence > 0 && p.confidence < 1);
    }
  });
});

describe('the analysis cache', () => {
  it('gives exactly the result of a fresh analysis, also after one article changed', () => {
    const vectors = shippedVectors();
    const inputs = FERRY.map(input);
    const cache = new AnalysisCache();
    const strip = (a: Analysis) => JSON.stringify(a);
    assert.equal(strip(analyze(inputs, {}, { vectors, cache })), strip(analyze(inputs, {}, { vectors })));
    assert.ok(cache.size.articles === 3 && cache.size.alignments > 0);
    const edited = inputs.map((a, i) => (i === 2 ? { ...a, text: readFileSync(FERRY[2]!, 'utf8').replace('about three days', 'about four days') } : a));
    assert.equal(strip(analyze(edited, {}, { vectors, cache })), strip(analyze(edited, {}, { vectors })));
    assert.equal(cache.size.articles, 4);
  });

  it('keeps at most its limit of word alignments, the newest, and starts afresh after very many texts', () => {
    const store = new AnalysisCache({ articles: 10, alignments: 5 }).alignments(0.5, 'all words');
    const alignment = (k: number) => ({ from: Float32Array.of(k), to: Float32Array.of(k) });
    for (let k = 0; k < 8; k++) store.set(`text ${k}`, `text ${k + 1}`, alignment(k));
    assert.equal(store.get('text 7', 'text 8')?.from[0], 7);
    assert.equal(store.get('text 0', 'text 1'), undefined, 'the oldest went first');
    assert.equal(store.get('text 8', 'text 7'), undefined, 'a pair is stored in one order');
    assert.equal(store.get('never seen', 'text 1'), undefined);
    // Past four times the limit of distinct texts, nothing old is kept and new pairs are found again.
    for (let k = 0; k < 30; k++) store.set(`other ${k}`, `other ${k + 1}`, alignment(100 + k));
    assert.equal(store.get('text 7', 'text 8'), undefined);
    assert.equal(store.get('other 29', 'other 30')?.from[0], 129);
  });
});
