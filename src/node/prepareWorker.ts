import { parentPort } from 'node:worker_threads';
import { InputError, prepareArticle } from '../core';
import { packArticle, transferables } from './packing';
import type { FromPrepareWorker, ToPrepareWorker } from './workerProtocol';

// A preparation helper (see PreparePool): segments articles and reads their features, nothing else.
parentPort!.on('message', (m: ToPrepareWorker) => {
  try {
    // Takes articles from the shared counter until none is left (the other threads take from it too), sending
    // each as soon as it is read.
    for (let k = Atomics.add(m.next, 0, 1); k < m.jobs.length; k = Atomics.add(m.next, 0, 1)) {
      const job = m.jobs[k]!;
      const article = packArticle(prepareArticle(job.input, job.id));
      parentPort!.postMessage({ type: 'article', id: m.id, index: k, article } satisfies FromPrepareWorker, transferables([article]));
    }
    parentPort!.postMessage({ type: 'prepared', id: m.id } satisfies FromPrepareWorker);
  } catch (e) {
    parentPort!.postMessage({ type: 'failed', id: m.id, message: (e as Error).message, problem: e instanceof InputError ? e.problem : null } satisfies FromPrepareWorker);
  }
});
