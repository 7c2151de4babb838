import * as vscode from 'vscode';
import { compareOpenArticles } from './commands/compareArticles';
import { ResourceStore } from './resources';

/** Composition root: the only place that wires commands to the core. */
export function activate(context: vscode.ExtensionContext): void {
  const resources = new ResourceStore(context.extensionUri.fsPath);
  context.subscriptions.push(vscode.commands.registerCommand('coverageDiff.compareArticles', () => compareOpenArticles(resources)));
}

export function deactivate(): void {}
