import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'coverage-diff.coverage-diff';

/** The workspace folder the runner prepared (a copy of samples/). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the in-host tests need a workspace folder');
  return folder.uri;
}

export function inWorkspace(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...parts);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function openEditors(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: true });
}

/** Content hashes, to prove the files were not written. */
export function fingerprint(uris: readonly vscode.Uri[]): string[] {
  return uris.map((u) => createHash('sha256').update(readFileSync(u.fsPath)).digest('hex'));
}

/** Polls `probe` (sync or async) until it gives a truthy value; fails after `ms`. */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
