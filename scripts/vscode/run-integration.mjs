#!/usr/bin/env node
// `npm run test:integration` — the mocha suite in test/integration, run inside the real VS Code extension host:
// bundles the tests, prepares a throwaway workspace (a copy of samples/), and hands both to
// @vscode/test-electron's runTests with our `code` stand-in (code-server + headless Chromium).
// Its exit code is the suite's: non-zero when any in-host test fails.
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertReady } from './harness.mjs';
import { CACHE, ROOT } from './versions.mjs';

const OUT = join(ROOT, 'out', 'test', 'integration');
const SOURCES = join(ROOT, 'test', 'integration');

async function main() {
  assertReady();
  rmSync(OUT, { recursive: true, force: true });
  const entries = readdirSync(SOURCES).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(SOURCES, f));
  await build({
    entryPoints: entries,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  const workspace = join(CACHE, 'workspaces', 'integration');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  cpSync(join(ROOT, 'samples'), workspace, { recursive: true });
  // The seeds, when ../shared is beside the project, go to a folder of their own (outside the workspace, so the
  // workspace stays the samples); the tests find it through COVERAGE_DIFF_SEEDS.
  const seedsSource = join(process.env.COVERAGE_DIFF_SHARED ?? join(ROOT, '..', 'shared'), 'seeds');
  const seeds = join(CACHE, 'workspaces', 'integration-seeds');
  rmSync(seeds, { recursive: true, force: true });
  if (existsSync(seedsSource)) cpSync(seedsSource, seeds, { recursive: true, filter: (f) => !f.endsWith('.json') && !f.endsWith('.md') });
  else console.log(`test:integration: no seeds at ${seedsSource}; the seeds' side-by-side check is skipped`);

  const t0 = Date.now();
  try {
    await runTests({
      vscodeExecutablePath: join(ROOT, 'scripts', 'vscode', 'code-shim.mjs'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(OUT, 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: existsSync(seeds) ? { COVERAGE_DIFF_SEEDS: seeds } : {},
    });
  } catch (e) {
    console.error(`test:integration: failed after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${e.message ?? e}`);
    process.exit(1);
  }
  console.log(`test:integration: passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
