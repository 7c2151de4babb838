import * as vscode from 'vscode';
import { compareArticles } from './commands/compareArticles';
import { ResourceStore } from './resources';

/** Composition root: the only place that wires commands to the core. */
export function activate(context: vscode.ExtensionContext): void {
  const resources = new ResourceStore(context.extensionUri.fsPath);
  context.subscriptions.push(
    // From the palette: the open articles. From an explorer selection (or a caller): the files given.
    vscode.commands.registerCommand('coverageDiff.compareArticles', (clicked?: vscode.Uri, selected?: vscode.Uri[]) =>
      compareArticles(resources, selected?.length ? selected : clicked instanceof vscode.Uri ? [clicked] : undefined),
    ),
  );
}

export function deactivate(): void {}
