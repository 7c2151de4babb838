/**
 * Word vectors for paraphrase-aware matching, read from the pruned int8 asset that
 * scripts/build-vectors.mjs writes (media/word-vectors.bin). Vectors are re-normalised to unit length on
 * load, so the similarity of two words is a dot product.
 */
export class WordVectors {
  private readonly index = new Map<string, number>();

  private constructor(
    readonly dims: number,
    private readonly data: Float32Array,
    words: readonly string[],
  ) {
    words.forEach((w, i) => this.index.set(w, i));
  }

  /** Parses the asset's bytes; throws on anything that is not a version-1 asset. */
  static parse(bytes: Uint8Array): WordVectors {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
    if (magic !== 'CDWV' || view.getUint32(4, true) !== 1) throw new Error('not a Coverage Diff word-vector asset (version 1)');
    const count = view.getUint32(8, true);
    const dims = view.getUint32(12, true);
    const wordBytes = view.getUint32(16, true);
    const words = new TextDecoder('utf-8').decode(bytes.subarray(20, 20 + wordBytes)).split('\n');
    const start = 20 + wordBytes + ((4 - ((20 + wordBytes) % 4)) % 4);
    if (words.length !== count || start + count * dims > bytes.length) throw new Error('word-vector asset is truncated');
    const data = new Float32Array(count * dims);
    const raw = new Int8Array(bytes.buffer, bytes.byteOffset + start, count * dims);
    for (let w = 0; w < count; w++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += raw[w * dims + d]! * raw[w * dims + d]!;
      const inv = norm ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dims; d++) data[w * dims + d] = raw[w * dims + d]! * inv;
    }
    return new WordVectors(dims, data, words);
  }

  /** Row of a word, or -1 when the asset has no vector for it. */
  id(word: string): number {
    return this.index.get(word) ?? -1;
  }

  get size(): number {
    return this.index.size;
  }

  /** Cosine similarity of two rows. */
  similarity(a: number, b: number): number {
    const dims = this.dims;
    const data = this.data;
    let dot = 0;
    const x = a * dims;
    const y = b * dims;
    for (let d = 0; d < dims; d++) dot += data[x + d]! * data[y + d]!;
    return dot;
  }
}
