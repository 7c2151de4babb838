import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze, InputError } from '../../src/core';
import { AnalysisCancelled, AnalysisClient } from '../../src/node/analysisClient';
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
