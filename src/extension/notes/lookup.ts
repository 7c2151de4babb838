import * as vscode from 'vscode';
import type { Analysis } from '../../core';
import { PanelModel } from '../../shared/model';
import type { AnalysisService } from '../analysisService';
import { folderArticles } from '../articles';
import { Comparison } from '../comparison';
import { readSettings } from '../config';
import type { ComparisonPanels } from '../panel/comparisonPanel';

/** An article file seen through the comparison it belongs to. */
export interface ArticleInComparison {
  readonly comparison: Comparison;
  readonly analysis: Analysis;
  readonly model: PanelModel;
  /** Its document id in the analysis. */
  readonly doc: string;
  /** The panel shows this comparison (else it was compared on demand for its folder). */
  readonly inPanel: boolean;
}

/**
 * Finds the comparison an article belongs to: the panel's first, then one made on demand for the article's folder
 * (when `coverageDiff.hover.compareFolder` allows it). Hover notes, editor marks and the side-by-side diff all ask
 * here, so they agree on which analysis they show.
 */
export class ArticleComparisons implements vscode.Disposable {
  private readonly models = new WeakMap<Analysis, PanelModel>();
  /** Folder URI → its on-demand comparison (analysed once, then again when a member is saved). */
  private readonly byFolder = new Map<string, Comparison>();
  private readonly pending = new Map<string, Promise<Comparison | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires when any comparison's analysis changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly panels: ComparisonPanels,
    private readonly service: AnalysisService,
  ) {
    this.subscriptions.push(this.changed, panels.onDidChange(() => this.changed.fire()));
  }

  /** The comparison holding this file with a finished analysis, if there is one now. */
  find(uri: vscode.Uri): ArticleInComparison | undefined {
    const active = this.panels.active;
    const inPanel = active && this.view(active, uri, true);
    if (inPanel) return inPanel;
    const folder = this.byFolder.get(folderOf(uri).toString());
    return folder && this.view(folder, uri, false);
  }

  /** Every comparison a file could be shown through (for the diff's virtual documents). */
  all(): Comparison[] {
    return [...(this.panels.active ? [this.panels.active] : []), ...this.byFolder.values()];
  }

  /**
   * Like find; when the file is in no comparison and the setting allows it, compares the articles of its folder
   * (quietly, in the status bar) and answers from that.
   */
  async findOrCompare(uri: vscode.Uri): Promise<ArticleInComparison | undefined> {
    const found = this.find(uri);
    if (found || !readSettings().notes.compareFolder || uri.scheme !== 'file') return found;
    const key = folderOf(uri).toString();
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.compareFolder(folderOf(uri)).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    const comparison = await pending;
    return comparison && this.view(comparison, uri, false);
  }

  modelOf(analysis: Analysis): PanelModel {
    let model = this.models.get(analysis);
    if (!model) this.models.set(analysis, (model = new PanelModel(analysis, readSettings().panel)));
    return model;
  }

  private view(comparison: Comparison, uri: vscode.Uri, inPanel: boolean): ArticleInComparison | undefined {
    const s = comparison.state;
    const doc = comparison.docOf(uri);
    if (s.kind !== 'ready' || !doc) return undefined;
    return { comparison, analysis: s.analysis, model: this.modelOf(s.analysis), doc, inPanel };
  }

  private async compareFolder(folder: vscode.Uri): Promise<Comparison | undefined> {
    const files = await folderArticles(folder).catch(() => []);
    if (files.length < 2) return undefined;
    const comparison = new Comparison(files, this.service);
    this.subscriptions.push(comparison, comparison.onDidChange(() => this.changed.fire()));
    this.byFolder.set(folder.toString(), comparison);
    const state = await comparison.analyze(false);
    return state.kind === 'ready' ? comparison : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.byFolder.clear();
  }
}

function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}
