/**
 * End to end, in the real VS Code workbench with the extension loaded from this folder (development mode):
 * the bundled samples, a refused single article, and — when ../shared/seeds is present — the seed articles.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/vscode/versions.mjs';
import { compareOpenFiles, previewNames, workspaceWith } from './scenarios';
import { Workbench } from './workbench';

const SAMPLES = ['daily-herald.txt', 'green-post.md', 'national-wire.txt', 'orrin-radio.txt', 'valley-courier.txt'];
const SEEDS = join(ROOT, '..', 'shared', 'seeds');

describe('Compare Articles in the real VS Code (development extension)', () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open({ folder: workspaceWith('e2e-samples', join(ROOT, 'samples'), [...SAMPLES, 'README.md']), developmentPath: ROOT });
  });
  after(async () => {
    await wb?.close();
  });

  it('opens the workbench with the sample articles', () =>
    wb.step('workbench', async () => {
      for (const f of SAMPLES) await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: f }).first().waitFor();
      await wb.screenshot('01-workbench-samples');
    }));

  it('compares the open samples from the Command Palette and shows the report', () =>
    wb.step('samples-report', async () => {
      await compareOpenFiles(wb, SAMPLES);
      await wb.screenshot('02-samples-report');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));

  it('renders the report in the Markdown preview, naming every article', () =>
    wb.step('samples-preview', async () => {
      await previewNames(wb, SAMPLES);
      await wb.screenshot('03-samples-report-preview');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));

});

describe('Compare Articles refuses bad input in the real VS Code', () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open({ folder: workspaceWith('e2e-one', join(ROOT, 'samples'), [SAMPLES[0]!]), developmentPath: ROOT });
  });
  after(async () => {
    await wb?.close();
  });

  it('refuses a single article with an error notification and opens no report', () =>
    wb.step('one-article', async () => {
      await wb.openFile(SAMPLES[0]!);
      await wb.runCommand('Coverage Diff: Compare Articles');
      const message = await wb.notification('at least two article files');
      assert.match(message, /daily-herald\.txt/);
      await wb.screenshot('04-one-article-error');
      assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: 'Untitled' }).count(), 0, 'a report was opened');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));
});

describe('Compare Articles on the seed articles (../shared/seeds)', { skip: existsSync(SEEDS) ? false : `no ${SEEDS}: the seeds are tried only where ../shared is present` }, () => {
  let wb: Workbench;
  let seeds: string[];
  before(async () => {
    seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
    wb = await Workbench.open({ folder: workspaceWith('e2e-seeds', SEEDS, seeds), developmentPath: ROOT });
  });
  after(async () => {
    await wb?.close();
  });

  it('compares the five seed articles', () =>
    wb.step('seeds', async () => {
      await compareOpenFiles(wb, seeds);
      await wb.screenshot('05-seeds-report');
      await previewNames(wb, seeds);
      await wb.screenshot('06-seeds-report-preview');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));
});
