#!/usr/bin/env node
// A stand-in for VS Code's `code` binary, so @vscode/test-electron's runTests({ vscodeExecutablePath }) runs a
// mocha suite inside the real extension host of code-server (no Electron can be downloaded here). It reads the
// arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
// --extensions-dir=, folder), starts code-server with the smoke-test driver, opens the workbench in headless
// Chromium with the development extension and the tests in the URL payload, forwards the extension host's log,
// and exits with the code the workbench reports through window.codeAutomationExit.
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, makeProfile, startCodeServer, workbenchUrl } from './harness.mjs';
import { CACHE } from './versions.mjs';

const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS ?? 300_000);

function parseArgs(argv) {
  const o = { dev: [], tests: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      v = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const next = () => (v !== undefined ? v : argv[++i]);
    if (a === '--extensionDevelopmentPath') o.dev.push(next());
    else if (a === '--extensionTestsPath') o.tests = next();
    else if (a === '--user-data-dir') o.userDataDir = next();
    else if (a === '--extensions-dir') o.extensionsDir = next();
    else if (!a.startsWith('-')) o.folder = a; // Electron-only flags (--no-sandbox, --disable-updates…) do not apply
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.tests || !o.dev.length) {
    console.error('code-shim: need --extensionDevelopmentPath and --extensionTestsPath');
    return 2;
  }
  const base = mkdtempSync(join(CACHE, 'run-'));
  const profile = makeProfile(base, {}, { extensionsDir: o.extensionsDir && resolve(o.extensionsDir) });
  const folder = o.folder ? resolve(o.folder) : mkdtempSync(join(base, 'workspace-'));
  let server;
  let browser;
  try {
    server = await startCodeServer(profile, { folder });
    // runTests hands the extension-test environment to this process; the extension host runs under
    // code-server, so pass the variables named in SHIM_FORWARD_ENV through the payload.
    const extensionEnv = {};
    for (const k of (process.env.SHIM_FORWARD_ENV ?? '').split(',').filter(Boolean)) if (process.env[k] !== undefined) extensionEnv[k] = process.env[k];
    const url = workbenchUrl(server, folder, { developmentPath: o.dev[0], testsPath: o.tests, extensionEnv });
    browser = await launchBrowser(base);
    const page = browser.pages()[0] ?? (await browser.newPage());
    let exit;
    const done = new Promise((r) => (exit = r));
    // Both must exist before the workbench loads: it calls them when the extension host reports.
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (/Ignoring fetching additional builtin extensions/.test(line)) return;
      (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.goto(url);
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no result from the extension host after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS));
    return await Promise.race([done, timeout]);
  } catch (e) {
    console.error(`code-shim: ${e.message}${server ? ` (code-server log: ${server.log})` : ''}`);
    return 2;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!process.env.SHIM_KEEP) rmSync(base, { recursive: true, force: true });
  }
}

process.exit(await main());
