#!/usr/bin/env node
// Builds media/word-neighbours.bin: for every word of media/word-vectors.bin, the words whose vectors are closest
// to it (cosine above FLOOR, the K closest, listed by index so that a lookup can halve its way through them). With it, a comparison set whose vocabulary is too large to
// compare every word with every word at run time still finds each word's close words by lookup
// (SoftMatcher, src/core/score/softMatch.ts). Run by hand after `npm run vectors`:
//
//   node scripts/build-neighbours.mjs        (≈3 min on 2 cores; reads only the shipped vectors)
//
// Cosines are those of the shipped int8 vectors re-normalised, as the run time computes them; the run time
// recomputes each pair's cosine and applies its own floor, so the table only says which pairs to look at.
// Format (little-endian): "CDNB" | u32 version=1 | u32 count (= the vectors' words) | u32 K | f32 floor |
//   count × u8 degree | Σ degree × u16 word index (each word's neighbours, ascending).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** Lowest cosine kept: a little under the default soft-matching floor (0.5), so rounding cannot lose a pair. */
const FLOOR = 0.49;
/** Most neighbours kept per word (the most a u8 degree holds): the median word has 29 above 0.5 among the 50 000, one in twenty over 255. */
const K = 255;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vectorsFile = join(root, 'media', 'word-vectors.bin');

/** The shipped vectors as the run time reads them: int8 rows scaled to unit length. */
function readVectors(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'CDWV' || view.getUint32(4, true) !== 2) throw new Error('not a version-2 word-vector asset');
  const count = view.getUint32(8, true);
  const dims = view.getUint32(12, true);
  const wordBytes = view.getUint32(16, true);
  const start = 24 + wordBytes + ((4 - ((24 + wordBytes) % 4)) % 4);
  const raw = new Int8Array(bytes.buffer, bytes.byteOffset + start, count * dims);
  const data = new Float32Array(count * dims);
  for (let w = 0; w < count; w++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += raw[w * dims + d] * raw[w * dims + d];
    const inv = norm ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) data[w * dims + d] = raw[w * dims + d] * inv;
  }
  return { count, dims, data };
}

/** Neighbours of the words `first`, `first + step`, …: [word, the K closest ids, ascending]. */
function neighboursOf({ count, dims, data }, first, step) {
  const out = [];
  const sims = new Float64Array(count);
  for (let w = first; w < count; w += step) {
    const found = [];
    const a = w * dims;
    for (let u = 0; u < count; u++) {
      if (u === w) continue;
      let dot = 0;
      for (let d = 0, b = u * dims; d < dims; d++) dot += data[a + d] * data[b + d];
      if (dot > FLOOR) {
        sims[u] = dot;
        found.push(u);
      }
    }
    // The K closest (equal cosines by index, so every build writes the same bytes), then in index order.
    found.sort((x, y) => sims[y] - sims[x] || x - y);
    out.push([w, found.slice(0, K).sort((x, y) => x - y)]);
  }
  return out;
}

if (!isMainThread) {
  const vectors = readVectors(readFileSync(vectorsFile));
  parentPort.postMessage(neighboursOf(vectors, workerData.first, workerData.step));
} else {
  const bytes = readFileSync(vectorsFile);
  const { count } = readVectors(bytes);
  if (count > 65536) throw new Error(`${count} words do not fit 16-bit indexes`);
  const threads = Math.max(1, availableParallelism());
  console.log(`neighbours of ${count} words (cosine > ${FLOOR}, at most ${K}) on ${threads} threads…`);
  const t0 = Date.now();
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, first) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { first, step: threads } });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    ),
  );
  const lists = new Array(count);
  for (const part of parts) for (const [w, ids] of part) lists[w] = ids;
  const total = lists.reduce((s, l) => s + l.length, 0);
  const buffer = Buffer.alloc(20 + count + total * 2);
  buffer.write('CDNB', 0, 'ascii');
  buffer.writeUInt32LE(1, 4);
  buffer.writeUInt32LE(count, 8);
  buffer.writeUInt32LE(K, 12);
  buffer.writeFloatLE(FLOOR, 16);
  let offset = 20;
  for (const l of lists) buffer.writeUInt8(l.length, offset++);
  for (const l of lists) for (const u of l) (buffer.writeUInt16LE(u, offset), (offset += 2));
  const target = join(root, 'media', 'word-neighbours.bin');
  writeFileSync(target, buffer);
  const manifest = {
    from: 'media/word-vectors.bin',
    vectorsSha256: createHash('sha256').update(bytes).digest('hex'),
    words: count,
    floor: FLOOR,
    perWord: K,
    neighbours: total,
    bytes: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
  };
  writeFileSync(join(root, 'media', 'word-neighbours.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${target}: ${total} neighbours, ${(buffer.length / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
