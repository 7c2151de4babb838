/**
 * The comparison panel in the real VS Code, as a reader uses it: Compare Articles… on the seed articles (the
 * samples where ../shared is absent), the articles, grid and findings in the panel, a grid cell revealing its
 * paragraph in the editor, the panel surviving a window reload with its selection, and light and dark themes.
 * The first paint after the analysis is measured and printed (not asserted).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { ROOT } from '../../scripts/vscode/versions.mjs';
import { compareOpenFiles, seedsOrSamples, workspaceWith } from './scenarios';
import { Workbench } from './workbench';

const { name: NAME, source: SOURCE, files: FILES, seeds: SEEDS } = seedsOrSamples();

describe(`the comparison panel on the ${NAME} in the real VS Code`, () => {
  let wb: Workbench;
  let panel: Frame;
  before(async () => {
    if (NAME !== 'seeds') console.log(`# no ${SEEDS}: the panel is tried on the samples instead`);
    wb = await Workbench.open({ folder: workspaceWith(`e2e-panel-${NAME}`, SOURCE, FILES), developmentPath: ROOT });
  });
  after(async () => {
    await wb?.close();
  });

  it(`opens the panel with the ${FILES.length} articles, the grid and the findings`, () =>
    wb.step('panel-open', async () => {
      await compareOpenFiles(wb, FILES);
      panel = await wb.panel();
      await panel.locator('table.grid tbody tr').first().waitFor({ timeout: 30_000 });
      assert.equal(await panel.locator('#articles tbody tr').count(), FILES.length);
      assert.equal(await panel.locator('table.grid thead th').count(), FILES.length + 1);
      assert.ok((await panel.locator('#findings ol.findings > li').count()) > 0, 'no findings shown');
      const ms = await panel.locator('body').getAttribute('data-first-paint-ms');
      console.log(`# first paint of the ${NAME}' panel after the analysis arrived: ${ms} ms`);
      await wb.setTheme('Dark Modern');
      await panel.locator('body.vscode-dark').waitFor({ timeout: 15_000 });
      await wb.screenshot(`10-panel-${NAME}-dark`);
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));

  it('reveals the paragraph of a grid cell in its editor', () =>
    wb.step('panel-reveal', async () => {
      const cell = panel.locator('table.grid td.cell.covered').nth(1);
      const title = (await cell.getAttribute('title'))!;
      const [, file, line] = /\(([^,]+), line (\d+);/.exec(title)!;
      await cell.click();
      await wb.page.locator(`.tab.active[aria-label*="${file}"]`).first().waitFor({ timeout: 15_000 });
      const position = wb.page.locator('.statusbar-item[id="status.editor.selection"]');
      await position.filter({ hasText: `Ln ${line},` }).waitFor({ timeout: 15_000 });
      await wb.screenshot(`11-panel-${NAME}-reveal`);
    }));

  it('keeps its selection across a window reload', () =>
    wb.step('panel-reload', async () => {
      panel = await wb.panel();
      const row = panel.locator('table.grid tbody tr').nth(1);
      const point = (await row.getAttribute('data-point'))!;
      await row.locator('button.point-name').click();
      await panel.locator('.point-detail').waitFor();
      await wb.runCommand('Developer: Reload Window');
      await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      panel = await wb.panel(90_000);
      const restored = panel.locator(`table.grid tr[data-point="${point}"]`);
      await restored.waitFor({ timeout: 60_000 });
      assert.equal(await restored.getAttribute('aria-selected'), 'true');
      await panel.locator('.point-detail').waitFor();
      await wb.screenshot(`12-panel-${NAME}-after-reload`);
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));

  it('reads in a light theme', () =>
    wb.step('panel-light', async () => {
      await wb.setTheme('Light Modern');
      panel = await wb.panel();
      await panel.locator('body.vscode-light').waitFor({ timeout: 15_000 });
      await wb.screenshot(`13-panel-${NAME}-light`);
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));
});
