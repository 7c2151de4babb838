import * as vscode from 'vscode';
import type { ParagraphRef } from '../../core';
import { packAnalysis } from '../../shared/packedAnalysis';
import type { HostMessage, PanelState, WebviewMessage } from '../../shared/protocol';
import type { AnalysisService } from '../analysisService';
import { Comparison, type ComparisonState } from '../comparison';
import { readSettings } from '../config';
import { exportReport } from '../export';
import { revealParagraph } from '../reveal';
import { panelHtml } from './html';

export const VIEW_TYPE = 'coverageDiff.comparison';

/** What the panel last did, for tests and the status bar. */
export interface PanelInfo {
  readonly files: readonly string[];
  readonly state: ComparisonState['kind'];
  readonly generation: number;
  /** Milliseconds from the last analysis's arrival in the webview to its first paint. */
  readonly firstPaintMs: number | null;
  readonly visible: boolean;
}

/**
 * The comparison panel: one webview panel showing the active comparison. It writes its HTML once; after the
 * webview says `ready` it sends each analysis (and progress, errors) as messages. A window reload restores it
 * through the serializer from the webview's saved state (the files), analysing them again.
 */
export class ComparisonPanels implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private comparison: Comparison | undefined;
  private ready = false;
  private firstPaintMs: number | null = null;
  private pendingFocus: HostMessage | undefined;
  private readonly panelSubscriptions: vscode.Disposable[] = [];
  private comparisonSubscription: vscode.Disposable | undefined;
  private readonly statusItem = vscode.window.createStatusBarItem('coverageDiff.status', vscode.StatusBarAlignment.Left, 10);
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the active comparison or its analysis changes (hover notes and decorations listen). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: AnalysisService,
  ) {
    this.statusItem.name = 'Coverage Diff';
    this.statusItem.command = 'coverageDiff.showPanel';
  }

  /** The comparison the panel shows, if any. */
  get active(): Comparison | undefined {
    return this.comparison;
  }

  info(): PanelInfo | undefined {
    if (!this.panel || !this.comparison) return undefined;
    const s = this.comparison.state;
    return {
      files: this.comparison.uris.map((u) => u.toString()),
      state: s.kind,
      generation: s.kind === 'ready' ? s.generation : 0,
      firstPaintMs: this.firstPaintMs,
      visible: this.panel.visible,
    };
  }

  /** Shows the panel on a new comparison of these files and analyses them (with a cancellable notification). */
  async open(files: readonly vscode.Uri[]): Promise<ComparisonState> {
    this.setComparison(new Comparison([...files], this.service));
    this.ensurePanel();
    this.panel!.reveal(undefined, false);
    return this.comparison!.analyze(true);
  }

  /** Brings the panel forward (the status bar item's command). */
  reveal(): void {
    this.panel?.reveal(undefined, false);
  }

  async refresh(): Promise<ComparisonState | undefined> {
    return this.comparison?.analyze(true);
  }

  /** Restores a panel after a reload: the saved files are compared again. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = state as Partial<PanelState> | undefined;
    const files = saved?.v === 1 && Array.isArray(saved.files) ? saved.files.map((f) => vscode.Uri.parse(f)) : [];
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.adopt(panel);
    this.setComparison(new Comparison(files, this.service));
    if (files.length < 2) {
      this.comparison!.fail('This panel’s comparison could not be restored. Run “Coverage Diff: Compare Articles…” to compare again.');
      return;
    }
    await this.comparison!.analyze(false);
  }

  /** Shows a point in the panel (from a hover note). */
  focus(point: string, ref?: ParagraphRef): void {
    this.panel?.reveal(undefined, false);
    const message: HostMessage = { type: 'focus', point, ...(ref ? { ref } : {}) };
    // A panel just opened or shown again is not listening yet: it gets the focus after the analysis.
    this.pendingFocus = message;
    this.flushFocus();
  }

  private setComparison(comparison: Comparison): void {
    this.comparisonSubscription?.dispose();
    this.comparison?.dispose();
    this.comparison = comparison;
    this.comparisonSubscription = comparison.onDidChange((state) => this.onState(state));
    this.onState(comparison.state);
  }

  private ensurePanel(): void {
    if (this.panel) return;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Coverage Diff', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.webviewOptions());
    this.adopt(panel);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      // The page can reach only the script and stylesheet the extension ships.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
      enableFindWidget: true,
      retainContextWhenHidden: false,
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    for (const s of this.panelSubscriptions.splice(0)) s.dispose();
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    panel.webview.options = this.webviewOptions();
    panel.webview.html = panelHtml(panel.webview, this.extensionUri);
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)),
      panel.onDidDispose(() => this.onPanelClosed()),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down (retainContextWhenHidden is off): it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  private onPanelClosed(): void {
    for (const s of this.panelSubscriptions.splice(0)) s.dispose();
    this.panel = undefined;
    this.ready = false;
    this.comparisonSubscription?.dispose();
    this.comparison?.dispose();
    this.comparison = undefined;
    this.statusItem.hide();
    this.changed.fire();
  }

  /** Handles a message as if the webview had sent it (the in-host tests' way into the protocol). */
  receive(message: WebviewMessage): Promise<void> {
    return this.onMessage(message);
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.comparison) this.sendState(this.comparison.state);
        this.flushFocus();
        return;
      case 'refresh':
        await this.refresh();
        return;
      case 'export': {
        const s = this.comparison?.state;
        if (s?.kind === 'ready') await exportReport(s.analysis, this.comparison!.uris);
        else void vscode.window.showWarningMessage('Coverage Diff: there is no analysis to export yet.');
        return;
      }
      case 'reveal': {
        const s = this.comparison?.state;
        const uri = this.comparison?.uriOf(message.ref.doc);
        const paragraph = s?.kind === 'ready' ? s.analysis.documents.find((d) => d.id === message.ref.doc)?.paragraphs[message.ref.paragraph] : undefined;
        if (uri && paragraph) await revealParagraph(uri, paragraph, this.panel?.viewColumn);
        return;
      }
      case 'openDiff':
        await vscode.commands.executeCommand('coverageDiff.openDiff', message.a, message.b);
        return;
      case 'rendered':
        this.firstPaintMs = message.ms;
        return;
    }
  }

  private onState(state: ComparisonState): void {
    this.updateStatus(state);
    if (this.ready) this.sendState(state);
    this.flushFocus();
    this.changed.fire();
  }

  /** Sends a focus request once the webview listens and has an analysis to show it in. */
  private flushFocus(): void {
    if (!this.pendingFocus || !this.ready || this.comparison?.state.kind !== 'ready') return;
    this.send(this.pendingFocus);
    this.pendingFocus = undefined;
  }

  private sendState(state: ComparisonState): void {
    if (!this.comparison) return;
    switch (state.kind) {
      case 'analyzing':
        this.send({ type: 'analyzing', articles: this.comparison.uris.length });
        return;
      case 'ready':
        this.send({
          type: 'analysis',
          analysis: packAnalysis(state.analysis),
          files: this.comparison.uris.map((u) => u.toString()),
          generation: state.generation,
          settings: readSettings().panel,
          problems: state.problems,
        });
        return;
      case 'error':
        this.send({ type: 'error', message: state.message });
        return;
      default:
        return;
    }
  }

  private send(message: HostMessage): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  private updateStatus(state: ComparisonState): void {
    const n = this.comparison?.uris.length ?? 0;
    if (!this.comparison) {
      this.statusItem.hide();
      return;
    }
    if (state.kind === 'analyzing') {
      this.statusItem.text = `$(sync~spin) Coverage Diff: ${n} articles`;
      this.statusItem.tooltip = 'Analysing…';
    } else if (state.kind === 'ready') {
      const findings = state.analysis.findings.length;
      this.statusItem.text = `$(diff-multiple) Coverage Diff: ${n} articles · ${findings} finding${findings === 1 ? '' : 's'}`;
      this.statusItem.tooltip = 'Show the comparison panel';
    } else if (state.kind === 'error') {
      this.statusItem.text = `$(warning) Coverage Diff`;
      this.statusItem.tooltip = state.message;
    }
    this.statusItem.show();
  }

  dispose(): void {
    this.panel?.dispose();
    this.onPanelClosed();
    this.statusItem.dispose();
    this.changed.dispose();
  }
}

/** Restores panels after a window reload. */
export function panelSerializer(panels: ComparisonPanels): vscode.WebviewPanelSerializer {
  return {
    deserializeWebviewPanel: (panel, state) => panels.restore(panel, state),
  };
}
