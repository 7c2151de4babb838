import { parentPort, workerData } from 'node:worker_threads';
import { analyze, AnalysisCache, InputError } from '../core';
import { loadWordVectors } from './assets';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol';

// The analysis worker: the extension host posts articles, this thread analyses them, so the host never blocks.
// It loads the word vectors once and keeps an AnalysisCache, so re-analysing after one article changed
// re-reads that article only and re-aligns only its paragraphs' pairs.
const { packageRoot } = workerData as WorkerData;
const { vectors, problem } = loadWordVectors(packageRoot);
const cache = new AnalysisCache();
parentPort!.postMessage({ type: 'ready', vectorsProblem: problem } satisfies FromWorker);

parentPort!.on('message', (message: ToWorker) => {
  if (message.type !== 'analyze') return;
  const t0 = Date.now();
  let reply: FromWorker;
  try {
    const analysis = analyze(message.inputs, message.options, { vectors, cache });
    reply = { type: 'result', id: message.id, analysis, ms: Date.now() - t0 };
  } catch (e) {
    reply = { type: 'error', id: message.id, message: (e as Error).message, problem: e instanceof InputError ? e.problem : null };
  }
  parentPort!.postMessage(reply);
});
