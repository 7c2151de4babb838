#!/usr/bin/env node
// `npm start` — VS Code with Coverage Diff loaded in development mode, on the sample articles:
// the desktop `code` when it is on PATH, otherwise the offline code-server on 127.0.0.1 (its URL printed).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeProfile, startCodeServer, workbenchUrl } from './harness.mjs';
import { CACHE, ROOT } from './versions.mjs';

const SAMPLES = join(ROOT, 'samples');

function desktopCode() {
  if (process.env.COVERAGE_DIFF_NO_DESKTOP) return null;
  const r = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

async function main() {
  const code = desktopCode();
  if (code) {
    console.log(`npm start: opening ${SAMPLES} in ${code} with the extension in development mode`);
    spawn(code, ['--extensionDevelopmentPath', ROOT, SAMPLES], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const port = Number(process.env.PORT ?? 18080);
  const profile = makeProfile(join(CACHE, 'start'));
  const server = await startCodeServer(profile, { folder: SAMPLES, port });
  const url = workbenchUrl(server, SAMPLES, { developmentPath: ROOT });
  console.log(
    [
      '',
      'Coverage Diff is running in VS Code (code-server, VS Code 1.139.1), with the extension in development mode',
      `on the sample articles in ${SAMPLES}.`,
      '',
      `  Open:  ${url}`,
      `  (the plain address ${server.base}/ opens the same folder without the development extension)`,
      '',
      `  Stop:  press Ctrl+C here (or kill the process group ${server.pid}). Server log: ${server.log}`,
      '',
      'Then open two or more articles and run "Coverage Diff: Compare Articles" from the Command Palette (F1).',
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Keep running until stopped.
  setInterval(() => {}, 1 << 30);
}

await main();
