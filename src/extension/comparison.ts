import * as vscode from 'vscode';
import { InputError, type Analysis } from '../core';
import type { AnalysisService } from './analysisService';
import { readArticles } from './articles';
import { affectsAnalysis, readSettings } from './config';

/** What the last run of a comparison ended in. */
export type ComparisonState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'analyzing' }
  | {
      readonly kind: 'ready';
      readonly analysis: Analysis;
      readonly generation: number;
      readonly problems: readonly string[];
      /** The text each file had when analysed (URI string → text, line endings as LF): what tells a stale note. */
      readonly texts: ReadonlyMap<string, string>;
    }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled' };

/**
 * One comparison: a set of article files and its latest analysis. It analyses again when a member is saved
 * (debounced), deleted or renamed, or when a setting that shapes the analysis changes, and tells its listeners.
 * It only ever reads the articles.
 */
export class Comparison implements vscode.Disposable {
  private current: ComparisonState = { kind: 'idle' };
  private generation = 0;
  private run = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<ComparisonState>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Members that went away (deleted or renamed), named for the next message. */
  private readonly lost: string[] = [];
  readonly onDidChange = this.emitter.event;

  constructor(
    private files: vscode.Uri[],
    private readonly service: AnalysisService,
  ) {
    this.subscriptions.push(
      this.emitter,
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.has(d.uri)) this.schedule();
      }),
      vscode.workspace.onDidDeleteFiles((e) => this.drop(e.files, 'was deleted')),
      vscode.workspace.onDidRenameFiles((e) => this.drop(e.files.map((f) => f.oldUri), 'was renamed or moved')),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsAnalysis(e)) void this.analyze();
      }),
    );
  }

  get uris(): readonly vscode.Uri[] {
    return this.files;
  }

  get state(): ComparisonState {
    return this.current;
  }

  has(uri: vscode.Uri): boolean {
    return this.files.some((f) => f.toString() === uri.toString());
  }

  /** The document id of a member file ("d2"), if it is one. */
  docOf(uri: vscode.Uri): string | undefined {
    const i = this.files.findIndex((f) => f.toString() === uri.toString());
    return i < 0 ? undefined : `d${i}`;
  }

  /** Whether an open document's text differs from the text its analysis read. */
  isStale(document: vscode.TextDocument): boolean {
    const s = this.current;
    if (s.kind !== 'ready') return false;
    const analysed = s.texts.get(document.uri.toString());
    return analysed !== undefined && analysed !== lf(document.getText());
  }

  /** The file behind a document id of the analysis ("d2" is the third file). */
  uriOf(doc: string): vscode.Uri | undefined {
    return this.files[Number(doc.slice(1))];
  }

  /**
   * Analyses the articles now. `notify`: show progress in a cancellable notification (an explicit request), else
   * quietly in the status bar (a refresh after a save).
   */
  async analyze(notify = false): Promise<ComparisonState> {
    clearTimeout(this.timer);
    const run = ++this.run;
    this.set({ kind: 'analyzing' });
    const settings = readSettings();
    let next: ComparisonState;
    try {
      const articles = await readArticles(this.files, settings.maxFileBytes);
      const analysis = await this.service.analyze(articles, settings.analysis, notify ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window);
      const texts = new Map(this.files.map((f, i) => [f.toString(), lf(articles[i]!.text)]));
      next = analysis ? { kind: 'ready', analysis, generation: ++this.generation, problems: this.lost.splice(0), texts } : { kind: 'cancelled' };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      next = { kind: 'error', message: [...this.lost.splice(0), e.message].join(' ') };
    }
    // A later run overtook this one: its result wins.
    if (run === this.run) this.set(next);
    return next;
  }

  /** Marks the comparison as impossible, with a message for the panel (nothing to analyse). */
  fail(message: string): ComparisonState {
    const state: ComparisonState = { kind: 'error', message };
    this.set(state);
    return state;
  }

  /** Analyse again after the configured quiet time (each save restarts the wait). */
  private schedule(): void {
    const { refreshDelay } = readSettings();
    if (!refreshDelay) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.analyze(), refreshDelay);
  }

  private drop(gone: readonly vscode.Uri[], why: string): void {
    const removed = this.files.filter((f) => gone.some((g) => f.toString() === g.toString() || f.path.startsWith(`${g.path}/`)));
    if (!removed.length) return;
    this.files = this.files.filter((f) => !removed.includes(f));
    for (const f of removed) this.lost.push(`${vscode.workspace.asRelativePath(f)} ${why} and is no longer compared.`);
    void this.analyze();
  }

  private set(state: ComparisonState): void {
    this.current = state;
    this.emitter.fire(state);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.run++;
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Text with LF line endings and no BOM, for comparing what was analysed with what an editor holds. */
function lf(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
