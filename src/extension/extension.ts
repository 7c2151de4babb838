import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { compareArticles, compareFolder, openMarkdownReport } from './commands/compare';
import { exportReport } from './export';
import { ComparisonPanels, panelSerializer, VIEW_TYPE } from './panel/comparisonPanel';
import { disposeHighlight, revealParagraph } from './reveal';
import type { WebviewMessage } from '../shared/protocol';
import { AlignedDocuments, otherArticles, SCHEME } from './diff/alignedDocuments';
import { CoverageHoverProvider } from './notes/hover';
import { ArticleComparisons } from './notes/lookup';
import { ArticleMarks } from './notes/marks';

/** Composition root: the only place that wires commands, the panel and the analysis service together. */
export function activate(context: vscode.ExtensionContext): void {
  const service = new AnalysisService(context.extensionUri.fsPath);
  const panels = new ComparisonPanels(context.extensionUri, service);
  const comparisons = new ArticleComparisons(panels, service);
  const aligned = new AlignedDocuments(comparisons);
  const marks = new ArticleMarks(comparisons, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const articles: vscode.DocumentSelector = [
    { scheme: 'file', language: 'plaintext' },
    { scheme: 'file', language: 'markdown' },
    { scheme: 'untitled', language: 'plaintext' },
  ];
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  const uriArg = (u: unknown) => (u instanceof vscode.Uri ? u : typeof u === 'string' && u ? vscode.Uri.parse(u) : undefined);

  /** The side-by-side diff of an article (given, or the active editor's) with another (given, or picked). */
  const openSideBySide = async (leftArg?: unknown, rightArg?: unknown) => {
    let left = uriArg(leftArg) ?? vscode.window.activeTextEditor?.document.uri;
    let found = left && (await comparisons.findOrCompare(left));
    // From the palette with no compared article in front: pick one of the panel's comparison.
    const panelState = panels.active?.state;
    if (!leftArg && !found && panelState?.kind === 'ready') {
      const picked = await vscode.window.showQuickPick(otherArticles(panelState.analysis, '', (d) => panels.active!.uriOf(d)), {
        title: 'Coverage Diff: side by side — the article to read in its own order',
      });
      if (!picked) return false;
      left = picked.uri;
      found = comparisons.find(left);
    }
    if (!left || !found) {
      const choice = await vscode.window.showInformationMessage(
        `Coverage Diff: ${left ? vscode.workspace.asRelativePath(left) : 'this editor'} is not in a comparison yet. Compare it with other articles first.`,
        'Compare with Other Articles…',
      );
      if (choice) await vscode.commands.executeCommand('coverageDiff.compareWithOthers', left);
      return false;
    }
    let right = uriArg(rightArg);
    if (!right) {
      const picked = await vscode.window.showQuickPick(otherArticles(found.analysis, found.doc, (d) => found.comparison.uriOf(d)), {
        title: 'Coverage Diff: open side by side with…',
        placeHolder: 'the article to set against this one, rearranged to face it',
      });
      right = picked?.uri;
    }
    if (!right) return false;
    await aligned.open(left, right);
    return true;
  };

  context.subscriptions.push(
    comparisons,
    aligned,
    marks,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, aligned),
    vscode.languages.registerDocumentLinkProvider({ scheme: SCHEME }, aligned),
    vscode.languages.registerHoverProvider(articles, new CoverageHoverProvider(comparisons)),
    vscode.languages.registerCodeLensProvider(articles, marks),
    command('coverageDiff.openSideBySide', openSideBySide),
    // From the panel: two document ids of the panel's comparison.
    command('coverageDiff.openDiff', (a: string, b: string) => {
      const c = panels.active;
      return openSideBySide(c?.uriOf(a), c?.uriOf(b));
    }),
    command('coverageDiff.openOriginal', () => aligned.openOriginal(vscode.window.activeTextEditor)),
    // From hover notes and CodeLens: a paragraph of a compared article, by file and index.
    command('coverageDiff.openParagraph', async (file: string, paragraph: number) => {
      const uri = uriArg(file);
      const found = uri && comparisons.find(uri);
      const p = found?.model.doc(found.doc)?.paragraphs[paragraph];
      if (uri && p) await revealParagraph(uri, p);
    }),
    command('coverageDiff.showPoint', async (file: string, point: string, paragraph?: number) => {
      const uri = uriArg(file);
      const found = uri && comparisons.find(uri);
      if (!found) return;
      // A point of a folder compared on demand: that comparison goes to the panel first.
      if (!found.inPanel) await panels.open(found.comparison.uris);
      panels.focus(point, typeof paragraph === 'number' ? { doc: found.doc, paragraph } : undefined);
    }),
    command('_coverageDiff.marks', () => marks.info()),
    command('_coverageDiff.analysis', () => {
      const s = panels.active?.state;
      return s?.kind === 'ready' ? s.analysis : undefined;
    }),
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
