/** Steps the end-to-end tests share. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from '../../scripts/vscode/versions.mjs';
import type { Workbench } from './workbench';

/** The articles a suite runs on: the seeds when ../shared is beside the project, else the bundled samples. */
export function seedsOrSamples(): { readonly name: 'seeds' | 'samples'; readonly source: string; readonly files: readonly string[]; readonly seeds: string } {
  const seeds = join(ROOT, '..', 'shared', 'seeds');
  const source = existsSync(seeds) ? seeds : join(ROOT, 'samples');
  const files = readdirSync(source)
    .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
    .sort();
  return { name: source === seeds ? 'seeds' : 'samples', source, files, seeds };
}

/** A fresh copy of some files in a throwaway workspace folder. */
export function workspaceWith(name: string, from: string, files: readonly string[]): string {
  const folder = join(CACHE, 'workspaces', name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const f of files) cpSync(join(from, f), join(folder, f));
  return folder;
}

/**
 * Opens files through Quick Open, runs Compare Articles… and accepts the picker (the open articles come picked);
 * checks the comparison panel lists them.
 */
export async function compareOpenFiles(wb: Workbench, files: readonly string[]): Promise<void> {
  for (const f of files) await wb.openFile(f);
  await wb.runCommand('Coverage Diff: Compare Articles…', 60_000, { acceptsInput: true });
  await wb.acceptPick('choose the articles to compare', '09-compare-picker');
  const panel = await wb.panel();
  await panel.locator('#articles tbody tr').first().waitFor({ timeout: 60_000 });
  assert.equal(await panel.locator('#articles tbody tr').count(), files.length);
}

/** Opens the active comparison's report as Markdown, then its preview, and checks it lists every article file. */
export async function previewNames(wb: Workbench, files: readonly string[]): Promise<void> {
  await wb.runCommand('Coverage Diff: Open Report as Markdown');
  await wb.activeEditorText(`Coverage Diff — ${files.length} articles`);
  await wb.runCommand('Markdown: Open Preview to the Side');
  const preview = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  await preview.locator('h1', { hasText: `Coverage Diff — ${files.length} articles` }).waitFor({ timeout: 30_000 });
  const table = (await preview.locator('table').first().innerText()).replace(/\s+/g, ' ');
  for (const f of files) assert.ok(table.replace(/- /g, '-').includes(f), `the report's table does not list ${f}: ${table}`);
}

