import { parentPort } from 'node:worker_threads';
import { InputError, prepareArticle } from '../core';
import { packArticle, transferables } from './packing';
import type { FromPrepareWorker, ToPrepareWorker } from './workerProtocol';

// A preparation helper (see PreparePool): segments articles and reads their features, nothing else.
parentPort!.on('message', (m: ToPrepareWorker) => {
  try {
    const articles = m.jobs.map((j) => packArticle(prepareArticle(j.input, j.id)));
    parentPort!.postMessage({ type: 'prepared', id: m.id, articles } satisfies FromPrepareWorker, transferables(articles));
  } catch (e) {
    parentPort!.postMessage({ type: 'failed', id: m.id, message: (e as Error).message, problem: e instanceof InputError ? e.problem : null } satisfies FromPrepareWorker);
  }
});
