import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisCache, InputError } from '../core';
import { loadWordVectors } from './assets';
import { analysisTransferables, packAnalysis } from '../shared/packedAnalysis';
import { analyzeInParallel, PreparePool } from './preparePool';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol';

// The analysis worker: the extension host posts articles, this thread analyses them, so the host never blocks.
// It loads the word vectors once and keeps an AnalysisCache, so re-analysing after one article changed
// re-reads that article only and re-aligns only its paragraphs' pairs.
const { packageRoot, cache: keep } = workerData as WorkerData;
const { vectors, problem } = loadWordVectors(packageRoot);
const cache = keep === false ? undefined : new AnalysisCache();
// Large sets read their articles on the machine's other cores too.
const pool = new PreparePool(join(packageRoot, 'dist', 'prepare-worker.js'));
parentPort!.postMessage({ type: 'ready', vectorsProblem: problem } satisfies FromWorker);

// One analysis at a time, in order (the host sends the next only after this one's reply).
let queue = Promise.resolve();
parentPort!.on('message', (message: ToWorker) => {
  if (message.type !== 'analyze') return;
  queue = queue.then(() => run(message));
});

async function run(message: Extract<ToWorker, { type: 'analyze' }>): Promise<void> {
  const t0 = Date.now();
  let reply: FromWorker;
  try {
    const analysis = await analyzeInParallel(message.inputs, message.options, { vectors, cache }, pool);
    reply = { type: 'result', id: message.id, analysis: packAnalysis(analysis), ms: Date.now() - t0 };
  } catch (e) {
    reply = { type: 'error', id: message.id, message: (e as Error).message, problem: e instanceof InputError ? e.problem : null };
  }
  parentPort!.postMessage(reply, reply.type === 'result' ? analysisTransferables(reply.analysis) : []);
}
