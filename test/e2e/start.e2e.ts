/**
 * `npm start` without a desktop `code`: it must print where VS Code is, and that address must open the sample
 * articles with the extension active.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../scripts/vscode/harness.mjs';
import { ROOT } from '../../scripts/vscode/versions.mjs';
import { compareOpenFiles } from './scenarios';
import { Workbench } from './workbench';

describe('npm start', () => {
  let child: ChildProcess;
  let output = '';
  let url: string;
  let wb: Workbench;

  before(async () => {
    const port = await freePort();
    child = spawn(process.execPath, [join(ROOT, 'scripts', 'vscode', 'start.mjs')], {
      env: { ...process.env, PORT: String(port), COVERAGE_DIFF_NO_DESKTOP: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const end = Date.now() + 90_000;
    for (;;) {
      const m = /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output);
      if (m) {
        url = m[1]!;
        break;
      }
      if (child.exitCode !== null || Date.now() > end) throw new Error(`npm start printed no address:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  after(async () => {
    await wb?.close();
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('prints the address of VS Code on loopback and how to stop it', () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=.*samples.*payload=.*extensionDevelopmentPath/);
    assert.match(output, /Stop:\s+press Ctrl\+C/);
  });

  it('opens the samples with the extension active', async () => {
    wb = await Workbench.attach(url);
    await wb.step('npm-start', async () => {
      assert.equal(await wb.page.locator('.window-title', { hasText: 'Extension Development Host' }).count(), 1);
      await compareOpenFiles(wb, ['valley-courier.txt', 'national-wire.txt']);
      await wb.screenshot('08-npm-start');
    });
  });
});
