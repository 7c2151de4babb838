import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeArticle, formatOf, InputError, isArticlePath, prepareArticle } from '../../src/core';

const utf8 = (s: string) => new TextEncoder().encode(s);

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e.problem;
  }
  assert.fail('expected an InputError');
}

describe('loading', () => {
  it('reads UTF-8 without a BOM unchanged', () => {
    assert.equal(decodeArticle(utf8('Héadline\n\nBody — “quoted”.\n'), 'a.txt'), 'Héadline\n\nBody — “quoted”.\n');
  });

  it('removes a UTF-8 BOM and keeps everything after it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Title\r\nBody.')]);
    assert.equal(decodeArticle(bytes, 'a.txt'), 'Title\r\nBody.');
  });

  it('reads UTF-16 little-endian with its BOM', () => {
    const text = 'Título\nCuerpo.';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    assert.equal(decodeArticle(bytes, 'a.txt'), text);
  });

  it('keeps CRLF line endings, so offsets point into the file as saved', () => {
    const text = 'Headline here\r\n\r\nFirst paragraph of the story.\r\n';
    const a = prepareArticle({ path: 'x.txt', text: decodeArticle(utf8(text), 'x.txt') }, 'd0');
    for (const p of a.document.paragraphs) assert.equal(text.slice(p.start, p.end), p.text);
    assert.deepEqual(
      a.document.paragraphs.map((p) => [p.startLine, p.endLine]),
      [
        [1, 1],
        [3, 3],
      ],
    );
  });

  it('refuses a binary file, naming it', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    assert.equal(problemOf(() => decodeArticle(png, 'photo.txt')), 'binary');
    assert.throws(() => decodeArticle(png, 'photo.txt'), /photo\.txt/);
  });

  it('refuses bytes that are not UTF-8', () => {
    assert.equal(problemOf(() => decodeArticle(new Uint8Array([0x48, 0x69, 0xe9, 0x20, 0x74]), 'latin1.txt')), 'not-utf8');
    assert.throws(() => decodeArticle(new Uint8Array([0x48, 0x69, 0xe9, 0x20, 0x74]), 'latin1.txt'), /latin1\.txt: is not valid UTF-8 text .*save it as UTF-8/);
  });

  it('refuses an empty or blank file', () => {
    assert.equal(problemOf(() => decodeArticle(new Uint8Array(), 'empty.txt')), 'empty');
    assert.equal(problemOf(() => decodeArticle(utf8(' \n\t\r\n'), 'blank.md')), 'empty');
  });

  it('refuses a file over the size limit', () => {
    assert.equal(problemOf(() => decodeArticle(utf8('x'.repeat(2000)), 'big.txt', 1000)), 'too-large');
  });

  it('reads .md and .markdown as Markdown, everything else as text', () => {
    assert.equal(formatOf('a/b/story.md'), 'markdown');
    assert.equal(formatOf('STORY.MARKDOWN'), 'markdown');
    assert.equal(formatOf('story.txt'), 'text');
    assert.ok(isArticlePath('x.TXT'));
    assert.ok(!isArticlePath('x.pdf'));
  });
});
