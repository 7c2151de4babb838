/**
 * End to end, in the real VS Code workbench with the extension loaded from this folder (development mode):
 * the bundled samples in the panel and as a Markdown report, and a refused single article. (The seeds are tried in
 * panel.e2e.ts.)
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/vscode/versions.mjs';
import { compareOpenFiles, previewNames, workspaceWith } from './scenarios';
import { Workbench } from './workbench';

const SAMPLES = ['daily-herald.txt', 'green-post.md', 'national-wire.txt', 'orrin-radio.txt', 'valley-courier.txt'];

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

  it('compares the open samples from the Command Palette in the panel', () =>
    wb.step('samples-report', async () => {
      await compareOpenFiles(wb, SAMPLES);
      await wb.screenshot('02-samples-report');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));

  it('shows a point’s aligned paragraphs side by side, full width', () =>
    wb.step('samples-point', async () => {
      const panel = await wb.panel();
      // Focus the panel's editor group through its tab, then give it the whole editor area.
      await wb.page.locator('.tab[aria-label*="Coverage Diff"]').first().click();
      await wb.runCommand('View: Toggle Maximize Editor Group');
      await wb.page.waitForFunction(() => {
        const tab = document.querySelector('.tab[aria-label*="Coverage Diff"]');
        return !!tab && document.querySelectorAll('.editor-group-container:not(.empty)').length >= 1 && (tab.closest('.editor-group-container') as HTMLElement).offsetWidth > 900;
      }, undefined, { timeout: 15_000 });
      await panel.locator('table.grid tbody tr button.point-name').nth(1).click();
      await panel.locator('.point-detail mark.diff-added').first().waitFor({ timeout: 15_000 });
      await panel.locator('#grid').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await wb.screenshot('03a-samples-panel-point');
      await wb.runCommand('View: Toggle Maximize Editor Group');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));

  it('opens the report as Markdown and renders it in the preview, naming every article', () =>
    wb.step('samples-preview', async () => {
      await previewNames(wb, SAMPLES);
      await wb.screenshot('03-samples-report-preview');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));

  it('opens two samples side by side in the diff editor, chosen from the palette', () =>
    wb.step('samples-diff', async () => {
      const { page } = wb;
      const widget = page.locator('.quick-input-widget');
      const choose = async (title: string, file: string, timeout = 30_000) => {
        await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
        await widget.locator('.quick-input-box input').fill(file, { timeout });
        await widget.locator('.monaco-list-row', { hasText: file }).first().click({ timeout });
      };
      await wb.page.locator('.tab[aria-label*="Coverage Diff"]').first().click();
      // The panel's webview takes focus a moment after its tab is clicked, and a quick pick closes when focus
      // leaves it: let the focus settle, and open the command again if the first pick closed under us.
      await page.waitForTimeout(800);
      await wb.runCommand('Coverage Diff: Open Side-by-Side Diff…', 60_000, { acceptsInput: true });
      try {
        await choose('the article to read in its own order', 'daily-herald.txt', 5_000);
      } catch {
        await page.keyboard.press('Escape');
        await wb.runCommand('Coverage Diff: Open Side-by-Side Diff…', 60_000, { acceptsInput: true });
        await choose('the article to read in its own order', 'daily-herald.txt');
      }
      await choose('open side by side with', 'valley-courier.txt');
      const diff = page.locator('.monaco-diff-editor').first();
      await page.locator('.tab.active', { hasText: 'daily-herald.txt ↔ valley-courier.txt' }).first().waitFor({ timeout: 30_000 });
      await diff.locator('.editor.modified .view-line').first().waitFor({ timeout: 30_000 });
      await wb.runCommand('View: Toggle Maximize Editor Group');
      await diff.locator('.char-insert, .char-delete').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      await wb.screenshot('03b-samples-diff');
      await wb.runCommand('View: Toggle Maximize Editor Group');
      await wb.runCommand('Coverage Diff: Show Comparison Panel');
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

  it('refuses a single article with an error notification, and the panel says why', () =>
    wb.step('one-article', async () => {
      await wb.openFile(SAMPLES[0]!);
      await wb.runCommand('Coverage Diff: Compare Articles…', 60_000, { acceptsInput: true });
      await wb.acceptPick('choose the articles to compare');
      const message = await wb.notification('at least two article files');
      assert.match(message, /daily-herald\.txt/);
      const panel = await wb.panel();
      await panel.locator('.banner', { hasText: 'at least two article files' }).waitFor({ timeout: 15_000 });
      await wb.screenshot('04-one-article-error');
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));
});
