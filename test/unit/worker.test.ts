import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze, InputError } from '../../src/core';
import { prepareArticle } from '../../src/core';
import { AnalysisCancelled, AnalysisClient } from '../../src/node/analysisClient';
import { packArticle, unpackArticle } from '../../src/node/packing';
import { analysisTransferables, packAnalysis, unpackAnalysis, type PackedAnalysis } from '../../src/shared/packedAnalysis';
import { receiveInWebview, sendToWebview } from '../../scripts/bench/webviewMessage';
import { analyzeInParallel, PreparePool } from '../../src/node/preparePool';
import { FERRY, input, PORT_STRIKE, REPO, shippedVectors } from '../helpers';

/** The built worker (npm test builds first), as the extension starts it. */
const WORKER = join(REPO, 'dist', 'worker.js');

describe('the analysis worker', () => {
  const problems: string[] = [];
  const client = new AnalysisClient(WORKER, { packageRoot: REPO }, (p) => problems.push(p));
  after(() => client.dispose());

  it('is built', () => assert.ok(existsSync(WORKER), 'dist/worker.js is missing: run npm run build'));

  it('returns the same analysis as the core in process', async () => {
    const inputs = FERRY.map(input);
    const fromWorker = await client.analyze(inputs).result;
    assert.equal(JSON.stringify(fromWorker), JSON.stringify(analyze(inputs, {}, { vectors: shippedVectors() })));
    assert.deepEqual(problems, [], 'the worker found the word vectors');
  });

  it('reads a large set on helper threads and still returns the same analysis as the core in process', async () => {
    // Fourteen long articles (past the pool's 400 000 characters): each a fixture article told over and over, each
    // telling with its own closing line.
    const inputs = Array.from({ length: 14 }, (_, k) => {
      const a = input(PORT_STRIKE[k % PORT_STRIKE.length]!);
      const text = Array.from({ length: 36 }, (_, r) => `${a.text}\nUpdate ${k + 1}.${r + 1}: the desk adds note number ${r + 1}.\n`).join('\n');
      return { path: `outlet-${k}-${a.path}`, text };
    });
    assert.ok(inputs.reduce((n, a) => n + a.text.length, 0) > 400_000);
    const fromWorker = await client.analyze(inputs).result;
    if (availableParallelism() > 1) assert.equal(fromWorker.meta.readers, 2, 'a helper thread read half of them');
    const { readers: _readers, ...meta } = fromWorker.meta;
    assert.equal(JSON.stringify({ ...fromWorker, meta }), JSON.stringify(analyze(inputs, {}, { vectors: shippedVectors() })));
  });

  it('reports bad input as an InputError', async () => {
    await assert.rejects(client.analyze([input(FERRY[0]!)]).result, (e) => e instanceof InputError && e.problem === 'too-few-articles');
  });

  it('cancels a running analysis and serves the next one from a fresh worker', async () => {
    const big = Array.from({ length: 40 }, (_, k) => input(PORT_STRIKE[k % PORT_STRIKE.length]!)).map((a, k) => ({ ...a, path: `copy-${k}-${a.path}` }));
    const running = client.analyze(big);
    client.cancel(running.id);
    await assert.rejects(running.result, (e) => e instanceof AnalysisCancelled);
    const next = await client.analyze(FERRY.map(input)).result;
    assert.equal(next.documents.length, 3);
  });
});

describe('an analysis crossing from the worker to the host', () => {
  it('arrives unchanged with its pairs packed in columns: scores, evidence, shared names, numbers and facets', () => {
    const analysis = analyze(PORT_STRIKE.map(input), {}, { vectors: shippedVectors() });
    const e = analysis.pairs.map((p) => p.evidence);
    assert.ok(e.some((x) => x.sharedNames.length) && e.some((x) => x.sharedNumbers.length) && e.some((x) => !x.sharedNames.length), 'the fixture has pairs with and without shared names, and with shared numbers');
    const packed = packAnalysis(analysis);
    assert.equal(packed.pairs.refs.length, analysis.pairs.length * 4);
    const arrived = structuredClone(packed, { transfer: analysisTransferables(packed) });
    assert.equal(packed.pairs.refs.length, 0, 'the columns were moved, not copied');
    const unpacked = unpackAnalysis(arrived);
    assert.equal(JSON.stringify(unpacked), JSON.stringify(analysis));
    // The host sends the same columns on to the panel, without packing them again.
    assert.equal(packAnalysis(unpacked), arrived);
  });

  it('reaches the panel with the pairs outside the JSON: only the distinct shared strings are text', () => {
    const analysis = analyze(PORT_STRIKE.map(input), {}, { vectors: shippedVectors() });
    const packed = packAnalysis(analysis);
    const wire = sendToWebview(packed);
    const back = receiveInWebview<PackedAnalysis>(wire);
    assert.equal(JSON.stringify(unpackAnalysis(back)), JSON.stringify(analysis));
    const distinct = new Set(analysis.pairs.flatMap((p) => [...p.evidence.sharedNames, ...p.evidence.sharedNumbers, ...p.evidence.sharedFacets]));
    assert.equal(packed.pairs.strings.length, distinct.size);
    assert.ok(wire.json.length < JSON.stringify({ ...analysis, pairs: [] }).length + 2000, 'the pairs add little to the JSON');
  });
});

describe('the preparation helpers', () => {
  // Any amount of text goes to the helper here (the default threshold would keep these small fixtures at home).
  const pool = new PreparePool(join(REPO, 'dist', 'prepare-worker.js'), 1, undefined, 0);
  after(() => pool.close());

  it('carry a prepared article across threads unchanged (tokens packed in columns)', () => {
    const a = input(PORT_STRIKE[0]!);
    const prepared = prepareArticle(a, 'd0');
    assert.ok(prepared.features.some((f) => f.tokens.length), 'the fixture has tokens');
    assert.deepEqual(unpackArticle(structuredClone(packArticle(prepared))), prepared);
  });

  it('carry hostile text across threads unchanged: emoji, combining marks, control characters, empty paragraphs', () => {
    const text = [
      'Ferry 🚢 halted — “Zoë’s café” said 3 crews (Ⅳ) won\u0000t sail.',
      '',
      'Ｔｈｅ ｐｏｒｔ ａｕｔｈｏｒｉｔｙ said 12 ships wait; Åsa Øberg, née Ünal, disagreed.\u0001',
      '\t',
      'e\u0301e\u0301 — א שפּיל — 東京 — 👩‍👩‍👧 "quote" 1,200 tonnes.',
    ].join('\n\n');
    const prepared = prepareArticle({ path: 'hostile.txt', text }, 'd3');
    assert.ok(prepared.features.filter((f) => f.tokens.length).length >= 3, 'the text has tokens');
    assert.deepEqual(unpackArticle(structuredClone(packArticle(prepared))), prepared);
  });

  it('give the same analysis as one thread, and the same error for too few articles', async () => {
    const inputs = Array.from({ length: 13 }, (_, k) => {
      const a = input(FERRY[k % FERRY.length]!);
      return { path: `copy-${k}-${a.path}`, text: a.text };
    });
    const vectors = shippedVectors();
    const parallel = await analyzeInParallel(inputs, {}, { vectors }, pool);
    assert.equal(parallel.meta.readers, 2, 'this thread and the helper read them');
    const { readers: _readers, ...meta } = parallel.meta;
    assert.equal(JSON.stringify({ ...parallel, meta }), JSON.stringify(analyze(inputs, {}, { vectors })));
    await assert.rejects(analyzeInParallel([input(FERRY[0]!)], {}, { vectors }, pool), (e) => e instanceof InputError && e.problem === 'too-few-articles');
  });

  it('read everything on the calling thread when the helper script is missing', async () => {
    const missing = new PreparePool(join(REPO, 'dist', 'no-such-helper.js'), 1);
    assert.equal(missing.size, 0);
    const inputs = Array.from({ length: 12 }, (_, k) => ({ ...input(FERRY[k % FERRY.length]!), path: `copy-${k}.txt` }));
    const vectors = shippedVectors();
    assert.equal(JSON.stringify(await analyzeInParallel(inputs, {}, { vectors }, missing)), JSON.stringify(analyze(inputs, {}, { vectors })));
  });
});
