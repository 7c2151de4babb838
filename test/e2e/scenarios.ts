/** Steps the end-to-end tests share. */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from '../../scripts/vscode/versions.mjs';
import type { Workbench } from './workbench';

/** A fresh copy of some files in a throwaway workspace folder. */
export function workspaceWith(name: string, from: string, files: readonly string[]): string {
  const folder = join(CACHE, 'workspaces', name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const f of files) cpSync(join(from, f), join(folder, f));
  return folder;
}

/** Runs Compare Articles on files opened through Quick Open; checks the report's heading in the editor. */
export async function compareOpenFiles(wb: Workbench, files: readonly string[]): Promise<void> {
  for (const f of files) await wb.openFile(f);
  await wb.runCommand('Coverage Diff: Compare Articles');
  await wb.activeEditorText(`Coverage Diff — ${files.length} articles`);
}

/** Opens the Markdown preview of the active report and checks it lists every article file. */
export async function previewNames(wb: Workbench, files: readonly string[]): Promise<void> {
  await wb.runCommand('Markdown: Open Preview to the Side');
  const preview = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  await preview.locator('h1', { hasText: `Coverage Diff — ${files.length} articles` }).waitFor({ timeout: 30_000 });
  const table = (await preview.locator('table').first().innerText()).replace(/\s+/g, ' ');
  for (const f of files) assert.ok(table.replace(/- /g, '-').includes(f), `the report's table does not list ${f}: ${table}`);
}

