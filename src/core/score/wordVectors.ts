/**
 * Word vectors for paraphrase-aware matching, read from the pruned int8 asset that
 * scripts/build-vectors.mjs writes (media/word-vectors.bin): lower-case words, their vectors (re-normalised to
 * unit length on load, so the similarity of two words is a dot product) and their semantic class (k-means).
 */
export class WordVectors {
  private readonly index = new Map<string, number>();

  private constructor(
    readonly dims: number,
    private readonly data: Float32Array,
    private readonly classes: Uint16Array,
    /** How many semantic classes there are. */
    readonly classCount: number,
    words: readonly string[],
  ) {
    words.forEach((w, i) => this.index.set(w, i));
  }

  /** Parses the asset's bytes; throws on anything that is not a version-2 asset. */
  static parse(bytes: Uint8Array): WordVectors {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
    if (magic !== 'CDWV' || view.getUint32(4, true) !== 2) throw new Error('not a Coverage Diff word-vector asset (version 2)');
    const count = view.getUint32(8, true);
    const dims = view.getUint32(12, true);
    const wordBytes = view.getUint32(16, true);
    const classCount = view.getUint32(20, true);
    const words = new TextDecoder('utf-8').decode(bytes.subarray(24, 24 + wordBytes)).split('\n');
    const start = 24 + wordBytes + ((4 - ((24 + wordBytes) % 4)) % 4);
    if (words.length !== count || start + count * dims + count * 2 > bytes.length) throw new Error('word-vector asset is truncated');
    const data = new Float32Array(count * dims);
    const raw = new Int8Array(bytes.buffer, bytes.byteOffset + start, count * dims);
    for (let w = 0; w < count; w++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += raw[w * dims + d]! * raw[w * dims + d]!;
      const inv = norm ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dims; d++) data[w * dims + d] = raw[w * dims + d]! * inv;
    }
    const classes = new Uint16Array(count);
    for (let w = 0, o = start + count * dims; w < count; w++, o += 2) classes[w] = view.getUint16(o, true);
    return new WordVectors(dims, data, classes, classCount, words);
  }

  /** Semantic class of a row. */
  classOf(row: number): number {
    return this.classes[row]!;
  }

  /** Per class: its rows in order, and each row's position in its class (built on first use). */
  private members: Int32Array[] | null = null;
  private rank: Int32Array | null = null;
  private readonly tables = new Map<number, Float32Array>();

  /**
   * Cosine of two rows of the same class, from a per-class table computed once per process on first use
   * (a class has some 25 words: its table is a few hundred dot products).
   */
  sameClassSimilarity(a: number, b: number): number {
    if (!this.members) {
      const count = Math.max(0, ...this.classes) + 1;
      const lists: number[][] = Array.from({ length: count }, () => []);
      this.rank = new Int32Array(this.classes.length);
      this.classes.forEach((c, row) => {
        this.rank![row] = lists[c]!.length;
        lists[c]!.push(row);
      });
      this.members = lists.map((l) => Int32Array.from(l));
    }
    const c = this.classes[a]!;
    let table = this.tables.get(c);
    if (!table) {
      const rows = this.members[c]!;
      table = new Float32Array(rows.length * rows.length);
      for (let i = 0; i < rows.length; i++) {
        for (let j = i; j < rows.length; j++) {
          const s = this.similarity(rows[i]!, rows[j]!);
          table[i * rows.length + j] = s;
          table[j * rows.length + i] = s;
        }
      }
      this.tables.set(c, table);
    }
    return table[this.rank![a]! * this.members[c]!.length + this.rank![b]!]!;
  }

  /** Row of a word, or -1 when the asset has no vector for it. */
  id(word: string): number {
    return this.index.get(word) ?? -1;
  }

  get size(): number {
    return this.index.size;
  }

  /** The vocabulary, most frequent first. */
  words(): string[] {
    return [...this.index.keys()];
  }

  /** Per floor: the cosines above it among the rows seen so far (see pairsAbove). */
  private readonly memos = new Map<number, NeighbourMemo>();

  /**
   * Every pair of the given rows whose cosine is above `min`, each pair once (`i < j`, positions in `rows`), with
   * the same cosine `similarity` gives. The cosines are kept per process (up to MEMO_ROWS rows), so a comparison set
   * with the vocabulary of an earlier one (the same articles again, one of them edited) computes only its new words'.
   */
  pairsAbove(rows: Int32Array, min: number, visit: (i: number, j: number, cos: number) => void): void {
    let memo = this.memos.get(min);
    const fresh = new Set<number>();
    for (const r of rows) if (!memo?.position.has(r)) fresh.add(r);
    if (!memo || memo.rows.length + fresh.size > MEMO_ROWS) {
      memo = new NeighbourMemo(this.dims, min);
      this.memos.set(min, memo);
      for (const r of rows) fresh.add(r);
    }
    memo.add([...fresh], this.data);
    const at = positionsOf(rows);
    for (const [r, mine] of at) {
      if (mine.length > 1) {
        const self = memo.self(r);
        if (self > min) for (let x = 0; x < mine.length; x++) for (let y = x + 1; y < mine.length; y++) visit(mine[x]!, mine[y]!, self);
      }
      const list = memo.lists[memo.position.get(r)!]!;
      for (let k = 0; k < list.rows.length; k++) {
        const u = list.rows[k]!;
        if (u < r) continue; // each pair from its lower row
        const theirs = at.get(u);
        if (!theirs) continue;
        for (const i of mine) for (const j of theirs) visit(Math.min(i, j), Math.max(i, j), list.cos[k]!);
      }
    }
  }

  /** Each word's closest words (media/word-neighbours.bin), when attached: rows ascending per word. */
  private near: { readonly floor: number; readonly start: Uint32Array; readonly rows: Uint16Array } | null = null;

  /**
   * Attaches the table of each word's closest words that scripts/build-neighbours.mjs builds from these vectors;
   * throws when it is not one (another version, another vocabulary size, truncated).
   */
  attachNeighbours(bytes: Uint8Array): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
    if (bytes.length < 20 || magic !== 'CDNB' || view.getUint32(4, true) !== 1) throw new Error('not a Coverage Diff word-neighbour table (version 1)');
    const count = view.getUint32(8, true);
    if (count !== this.index.size) throw new Error(`the neighbour table has ${count} words, the vectors ${this.index.size}`);
    const start = new Uint32Array(count + 1);
    for (let w = 0; w < count; w++) start[w + 1] = start[w]! + bytes[20 + w]!;
    const offset = 20 + count;
    if (offset + start[count]! * 2 > bytes.length) throw new Error('the neighbour table is truncated');
    const n = start[count]!;
    let rows: Uint16Array;
    if (LITTLE_ENDIAN) {
      // The file's order is the machine's: one copy of the bytes (ArrayBuffer.slice also aligns them).
      rows = new Uint16Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + n * 2) as ArrayBuffer);
    } else {
      rows = new Uint16Array(n);
      for (let k = 0; k < n; k++) rows[k] = view.getUint16(offset + 2 * k, true);
    }
    this.near = { floor: view.getFloat32(16, true), start, rows };
  }

  /** The cosine above which the attached neighbour table lists every close word (up to its cap), or null. */
  get neighbourFloor(): number | null {
    return this.near?.floor ?? null;
  }

  /** Does the neighbour table list one of the two rows among the other's closest words? */
  listed(a: number, b: number): boolean {
    return !!this.near && (this.inList(a, b) || this.inList(b, a));
  }

  private inList(a: number, b: number): boolean {
    const { start, rows } = this.near!;
    let lo = start[a]!;
    let hi = start[a + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    return lo < start[a + 1]! && rows[lo] === b;
  }

  /**
   * `pairsAbove` restricted to the pairs the neighbour table lists (either way): a lookup per row and neighbour
   * instead of comparing every row with every row, so a large vocabulary costs what a small one does.
   */
  listedPairsAbove(rows: Int32Array, min: number, visit: (i: number, j: number, cos: number) => void): void {
    if (!this.near) return; // no table: no pair is listed
    const { start, rows: near } = this.near;
    const at = positionsOf(rows);
    for (const [r, mine] of at) {
      if (mine.length > 1) {
        const self = this.similarity(r, r);
        if (self > min) for (let x = 0; x < mine.length; x++) for (let y = x + 1; y < mine.length; y++) visit(mine[x]!, mine[y]!, self);
      }
      for (let k = start[r]!; k < start[r + 1]!; k++) {
        const u = near[k]!;
        const theirs = at.get(u);
        // Each pair once: from its lower row, or from the only row that lists the other.
        if (!theirs || (u < r && this.inList(u, r))) continue;
        const cos = this.similarity(r, u);
        if (cos <= min) continue;
        for (const i of mine) for (const j of theirs) visit(Math.min(i, j), Math.max(i, j), cos);
      }
    }
  }

  /** Cosine similarity of two rows. */
  similarity(a: number, b: number): number {
    const dims = this.dims;
    const data = this.data;
    let dot = 0;
    const x = a * dims;
    const y = b * dims;
    // Unrolled by four, adding in the same order as the plain loop (the same sum to the last bit).
    let d = 0;
    for (; d + 4 <= dims; d += 4) {
      dot += data[x + d]! * data[y + d]!;
      dot += data[x + d + 1]! * data[y + d + 1]!;
      dot += data[x + d + 2]! * data[y + d + 2]!;
      dot += data[x + d + 3]! * data[y + d + 3]!;
    }
    for (; d < dims; d++) dot += data[x + d]! * data[y + d]!;
    return dot;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Each row's positions in a list of rows (two terms can share a row: a compound and its head). */
export function positionsOf(rows: Int32Array): Map<number, number[]> {
  const at = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const list = at.get(r);
    if (list) list.push(i);
    else at.set(r, [i]);
  });
  return at;
}

/** Rows a NeighbourMemo holds before it starts afresh (their cosines above the floor then take some 15 MB). */
const MEMO_ROWS = 4_000;

/**
 * The cosines above a floor among the rows seen so far, each row's list holding the others'. New rows are compared
 * with all known ones, four at a time, on Float64 copies of their vectors: the same products and sums as
 * `WordVectors.similarity`, without a conversion per read.
 */
class NeighbourMemo {
  readonly rows: number[] = [];
  readonly position = new Map<number, number>();
  readonly lists: { rows: number[]; cos: number[] }[] = [];
  private packed = new Float64Array(0);
  private readonly selfCos: number[] = [];

  constructor(
    private readonly dims: number,
    private readonly min: number,
  ) {}

  /** A known row's cosine with itself (1 but for rounding; 0 for a zero vector). */
  self(row: number): number {
    return this.selfCos[this.position.get(row)!]!;
  }

  add(rows: readonly number[], data: Float32Array): void {
    if (!rows.length) return;
    const dims = this.dims;
    const before = this.rows.length;
    const total = before + rows.length;
    if (this.packed.length < total * dims) {
      const grown = new Float64Array(Math.max(total, before * 2) * dims);
      grown.set(this.packed);
      this.packed = grown;
    }
    const packed = this.packed;
    rows.forEach((r, k) => {
      const at = (before + k) * dims;
      for (let d = 0; d < dims; d++) packed[at + d] = data[r * dims + d]!;
      this.position.set(r, before + k);
      this.rows.push(r);
      this.lists.push({ rows: [], cos: [] });
    });
    const note = (i: number, j: number, cos: number) => {
      const a = this.lists[i]!;
      const b = this.lists[j]!;
      a.rows.push(this.rows[j]!);
      a.cos.push(cos);
      b.rows.push(this.rows[i]!);
      b.cos.push(cos);
    };
    // Each new row against every row before it (known or new), four at a time.
    for (let i = before; i < total; i++) {
      const x = i * dims;
      let s = 0;
      for (let d = 0; d < dims; d++) s += packed[x + d]! * packed[x + d]!;
      this.selfCos.push(s);
      let j = 0;
      for (; j + 4 <= i; j += 4) {
        const y0 = j * dims;
        const y1 = y0 + dims;
        const y2 = y1 + dims;
        const y3 = y2 + dims;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let d = 0; d < dims; d++) {
          const v = packed[x + d]!;
          s0 += packed[y0 + d]! * v;
          s1 += packed[y1 + d]! * v;
          s2 += packed[y2 + d]! * v;
          s3 += packed[y3 + d]! * v;
        }
        if (s0 > this.min) note(j, i, s0);
        if (s1 > this.min) note(j + 1, i, s1);
        if (s2 > this.min) note(j + 2, i, s2);
        if (s3 > this.min) note(j + 3, i, s3);
      }
      for (; j < i; j++) {
        const y = j * dims;
        let t = 0;
        for (let d = 0; d < dims; d++) t += packed[y + d]! * packed[x + d]!;
        if (t > this.min) note(j, i, t);
      }
    }
  }
}
