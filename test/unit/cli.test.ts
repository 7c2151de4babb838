import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PORT_STRIKE, REPO } from '../helpers';

/** The built command, as `npx coverage-diff` runs it (npm test builds first). */
const BIN = join(REPO, 'bin', 'coverage-diff.js');

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Bad input: exit code 2, one line on stderr naming the culprit, nothing on stdout. */
function assertRefused(r: ReturnType<typeof cli>, mention: string | RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line expected, got: ${r.stderr}`);
  if (typeof mention === 'string') assert.ok(lines[0]!.includes(mention), `${lines[0]} should name ${mention}`);
  else assert.match(lines[0]!, mention);
}

describe('the command line', () => {
  let dir: string;
  before(() => {
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build');
    dir = mkdtempSync(join(tmpdir(), 'coverage-diff-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help and version', () => {
    const help = cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /coverage-diff analyze FILE/);
    const version = cli('--version');
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });

  it('writes exactly one JSON report on stdout with --format json', () => {
    const r = cli('analyze', ...PORT_STRIKE, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.documents.length, 4);
    assert.deepEqual(report.documents.map((d: { path: string }) => d.path), PORT_STRIKE);
  });

  it('writes Markdown by default, and expands a folder to its articles', () => {
    const folder = join(dir, 'story');
    mkdirSync(folder);
    for (const f of PORT_STRIKE) copyFileSync(f, join(folder, f.split('/').pop()!));
    writeFileSync(join(folder, 'README.md'), '# Notes\n\nNot an article.\n');
    writeFileSync(join(folder, 'photo.jpg'), 'not text');
    const r = cli('analyze', folder);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Coverage Diff — 4 articles/);
    assert.ok(!r.stdout.includes('README.md'));
  });

  it('writes the report to --out and leaves the articles untouched', () => {
    const out = join(dir, 'report.json');
    const before = PORT_STRIKE.map((f) => readFileSync(f, 'utf8'));
    const r = cli('analyze', ...PORT_STRIKE, '--format', 'json', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).schemaVersion, 1);
    assert.deepEqual(PORT_STRIKE.map((f) => readFileSync(f, 'utf8')), before);
  });

  it('refuses to write the report over one of the articles', () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, 'First headline here\n\nThe harbour reopened on Monday after the strike ended.\n');
    writeFileSync(b, 'Second headline here\n\nDockworkers went back to work on Monday morning.\n');
    const original = readFileSync(a, 'utf8');
    assertRefused(cli('analyze', a, b, '--out', a), 'a.txt');
    assert.equal(readFileSync(a, 'utf8'), original);
  });

  it('refuses fewer than two articles', () => {
    assertRefused(cli('analyze', PORT_STRIKE[0]!), /at least two articles.*harbor-times\.txt/);
    assertRefused(cli('analyze'), /at least two articles/);
  });

  it('refuses a missing file, naming it', () => {
    assertRefused(cli('analyze', PORT_STRIKE[0]!, join(dir, 'nope.txt')), 'nope.txt');
  });

  it('refuses a binary file, naming it', () => {
    const bin = join(dir, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    assertRefused(cli('analyze', PORT_STRIKE[0]!, bin), 'image.txt');
  });

  it('refuses an empty file, naming it', () => {
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '\n\n');
    assertRefused(cli('analyze', PORT_STRIKE[0]!, empty), 'empty.md');
  });

  it('refuses an unreadable file, naming it', { skip: process.getuid?.() === 0 ? 'root can read any file' : false }, () => {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'Headline\n\nBody text of the article.\n');
    chmodSync(locked, 0o000);
    assertRefused(cli('analyze', PORT_STRIKE[0]!, locked), 'locked.txt');
  });

  it('refuses unknown options and formats with a pointer to --help', () => {
    assertRefused(cli('analyze', ...PORT_STRIKE, '--colour'), /--colour.*--help/);
    assertRefused(cli('analyze', ...PORT_STRIKE, '--format', 'xml'), /--format/);
    assertRefused(cli('compare', ...PORT_STRIKE), /unknown command 'compare'/);
  });
});
