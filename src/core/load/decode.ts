import { InputError } from '../errors';

/** How many leading bytes are inspected for signs of a binary file. */
const SNIFF_BYTES = 8192;

/** Largest article file read by default: long-form features run to ~100 KB; 5 MB is surely not an article. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/**
 * Turns a file's bytes into article text: UTF-8 with or without BOM, or UTF-16 with a BOM.
 * Line endings are kept as they are (offsets in the report point into this text).
 * Throws InputError for binary data, text that is not UTF-8, and empty files.
 */
export function decodeArticle(bytes: Uint8Array, path: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new InputError('too-large', `${path}: is ${megabytes(bytes.length)}, larger than the ${megabytes(maxBytes)} limit for an article`, path);
  }
  const text = decodeText(bytes, path);
  if (text.trim() === '') {
    throw new InputError('empty', `${path}: the file is empty`, path);
  }
  return text;
}

function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode('utf-16le', bytes.subarray(2), path);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode('utf-16be', bytes.subarray(2), path);
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    throw new InputError('binary', `${path}: looks like a binary file, not an article (expected UTF-8 text)`, path);
  }
  return strictDecode('utf-8', body, path);
}

function strictDecode(encoding: string, bytes: Uint8Array, path: string): string {
  try {
    // ignoreBOM: the BOM was already stripped above; a stray one inside the text stays as text.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Most often a file saved by an older editor in a Windows or Latin code page: say how to fix it.
    const fix = encoding === 'utf-8' ? ' (perhaps saved in an older encoding such as Windows-1252: save it as UTF-8, in VS Code with "Save with Encoding", and try again)' : '';
    throw new InputError('not-utf8', `${path}: is not valid ${encoding.toUpperCase()} text${fix}`, path);
  }
}

/** A NUL byte, or many control characters, in the first bytes: a binary file (image, PDF, archive…). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Tab, LF, CR and form feed are text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.1;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
