/**
 * The packaged extension, installed from its VSIX the way a user installs it (no development mode), so that
 * packaging mistakes — a file left out by .vscodeignore, a dependency not bundled — show up.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/vscode/versions.mjs';
import { compareOpenFiles, previewNames, workspaceWith } from './scenarios';
import { Workbench } from './workbench';

const VSIX = join(ROOT, 'coverage-diff.vsix');
const FILES = ['national-wire.txt', 'valley-courier.txt', 'green-post.md'];

describe('Compare Articles from the installed VSIX', () => {
  let wb: Workbench;
  before(async () => {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    assert.ok(existsSync(VSIX), 'npm run package wrote no VSIX');
    console.log(`# VSIX ${(statSync(VSIX).size / 1e6).toFixed(2)} MB`);
    wb = await Workbench.open({ folder: workspaceWith('e2e-vsix', join(ROOT, 'samples'), FILES), vsix: VSIX });
  });
  after(async () => {
    await wb?.close();
  });

  it('is installed, not loaded for development', () =>
    wb.step('vsix-installed', async () => {
      assert.equal(await wb.page.locator('.window-title', { hasText: 'Extension Development Host' }).count(), 0);
    }));

  it('compares articles and shows the report', () =>
    wb.step('vsix-report', async () => {
      await compareOpenFiles(wb, FILES);
      await previewNames(wb, FILES);
      await wb.screenshot('07-vsix-report');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));
});
