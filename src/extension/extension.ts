import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { compareArticles } from './commands/compareArticles';

/** Composition root: the only place that wires commands to the core. */
export function activate(context: vscode.ExtensionContext): void {
  const service = new AnalysisService(context.extensionUri.fsPath);
  context.subscriptions.push(
    service,
    // From the palette: the open articles. From an explorer selection (or a caller): the files given.
    vscode.commands.registerCommand('coverageDiff.compareArticles', (clicked?: vscode.Uri, selected?: vscode.Uri[]) =>
      compareArticles(service, selected?.length ? selected : clicked instanceof vscode.Uri ? [clicked] : undefined),
    ),
  );
}

export function deactivate(): void {}
