import { parseArgs } from 'node:util';
import { InputError, renderMarkdown, toReportJson, VERSION } from '../core';
import { join } from 'node:path';
import { loadWordVectors } from '../node/assets';
import { analyzeInParallel, PreparePool } from '../node/preparePool';
import { readArticles } from './files';

export const USAGE = `coverage-diff ${VERSION} — compare several articles on one story

Usage:
  coverage-diff analyze FILE|FOLDER... [--format markdown|json] [--out FILE] [--pretty]
  coverage-diff --help | --version

analyze   aligns the articles' paragraphs and reports points, omissions, emphasis and findings.
          FILE: a .txt or .md article (UTF-8, with or without BOM; LF or CRLF). A FOLDER stands for its
          .txt/.md files (README, CHANGELOG and LICENSE files are skipped). At least two articles.

Options:
  --format markdown|json   markdown (default): a readable report; json: the report contract (schemaVersion 1)
  --out FILE               write the report to FILE instead of standard output (never one of the articles)
  --pretty                 indent the JSON report
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 report written; 2 bad input or usage (one line on standard error, nothing on standard output).`;

/** Where the CLI writes, and what it loads; injectable so tests can run it in process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The package root holding media/ (the shipped word vectors). */
  packageRoot: string;
}

/** Runs the command line; returns the exit code. Every behaviour lives in the core; this is I/O only. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        pretty: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    return fail(io, `${(e as Error).message} (see coverage-diff --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'analyze') {
    return fail(io, command ? `unknown command '${command}' (see coverage-diff --help)` : 'no command given (see coverage-diff --help)');
  }
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') return fail(io, `--format must be markdown or json, not '${format}'`);

  try {
    const articles = await readArticles(paths);
    if (values.out) await guardOutput(values.out, articles.map((a) => a.path));
    const { vectors, problem } = loadWordVectors(io.packageRoot);
    if (problem) io.stderr(`coverage-diff: warning: ${problem}\n`);
    // Many articles are read on the machine's other cores too (a few are read here, at once).
    const pool = new PreparePool(join(io.packageRoot, 'dist', 'prepare-worker.js'));
    const analysis = await analyzeInParallel(articles, {}, { vectors }, pool).finally(() => pool.close());
    const report = format === 'json' ? toReportJson(analysis, values.pretty) + '\n' : renderMarkdown(analysis) + '\n';
    if (values.out) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(values.out, report, 'utf8');
    } else {
      io.stdout(report);
    }
    return 0;
  } catch (e) {
    if (e instanceof InputError) return fail(io, e.message);
    throw e;
  }
}

/** The report never overwrites an article it was made from. */
async function guardOutput(out: string, inputs: readonly string[]): Promise<void> {
  const { resolve } = await import('node:path');
  const target = resolve(out);
  const clash = inputs.find((p) => resolve(p) === target);
  if (clash) throw new InputError('bad-output', `${out}: is one of the articles; choose another --out file`, out);
}

function fail(io: CliIo, message: string): number {
  io.stderr(`coverage-diff: ${message}\n`);
  return 2;
}
