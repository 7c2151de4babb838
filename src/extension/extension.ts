import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { compareArticles, compareFolder, openMarkdownReport } from './commands/compare';
import { exportReport } from './export';
import { ComparisonPanels, panelSerializer, VIEW_TYPE } from './panel/comparisonPanel';
import { disposeHighlight } from './reveal';
import type { WebviewMessage } from '../shared/protocol';

/** Composition root: the only place that wires commands, the panel and the analysis service together. */
export function activate(context: vscode.ExtensionContext): void {
  const service = new AnalysisService(context.extensionUri.fsPath);
  const panels = new ComparisonPanels(context.extensionUri, service);
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    service,
    panels,
    { dispose: disposeHighlight },
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, panelSerializer(panels)),
    // From the palette: a pick of the workspace's articles. From the explorer (one or several files) or a caller: those files.
    command('coverageDiff.compareArticles', (clicked?: vscode.Uri, selected?: vscode.Uri[]) =>
      compareArticles(panels, selected?.length ? selected : clicked instanceof vscode.Uri ? [clicked] : undefined),
    ),
    command('coverageDiff.compareSelectedFiles', (clicked?: vscode.Uri, selected?: vscode.Uri[]) =>
      compareArticles(panels, selected?.length ? selected : clicked instanceof vscode.Uri ? [clicked] : undefined),
    ),
    command('coverageDiff.compareFolder', (folder?: vscode.Uri) => compareFolder(panels, folder instanceof vscode.Uri ? folder : undefined)),
    // The editor title button: this article with others, picked.
    command('coverageDiff.compareWithOthers', (clicked?: vscode.Uri) => {
      const active = clicked instanceof vscode.Uri ? clicked : vscode.window.activeTextEditor?.document.uri;
      return compareArticles(panels, undefined, active ? [active] : []);
    }),
    command('coverageDiff.refresh', () => panels.refresh()),
    command('coverageDiff.showPanel', () => panels.reveal()),
    command('coverageDiff.exportReport', async (target?: vscode.Uri) => {
      const state = panels.active?.state;
      if (state?.kind !== 'ready') {
        void vscode.window.showInformationMessage('Coverage Diff: compare some articles first, then export the report.');
        return { cancelled: true };
      }
      return exportReport(state.analysis, panels.active!.uris, target instanceof vscode.Uri ? target : undefined);
    }),
    command('coverageDiff.openReport', () => openMarkdownReport(panels)),
    // For the in-host tests: what the panel shows, a message as if from the webview, a restore as after a reload.
    command('_coverageDiff.panelInfo', () => panels.info()),
    command('_coverageDiff.receive', (message: WebviewMessage) => panels.receive(message)),
    command('_coverageDiff.restorePanel', async (state: unknown) => {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Coverage Diff', vscode.ViewColumn.Beside, { enableScripts: true });
      await panels.restore(panel, state);
      return panels.info();
    }),
  );
}

export function deactivate(): void {}
