import * as vscode from 'vscode';
import type { Analysis, AnalysisOptions, ArticleInput } from '../core';
import { AnalysisCancelled, AnalysisClient } from '../node/analysisClient';

/**
 * Runs analyses off the extension host's thread (a worker that keeps its cache between runs) and shows their
 * progress in a cancellable notification.
 */
export class AnalysisService implements vscode.Disposable {
  private readonly client: AnalysisClient;

  constructor(extensionRoot: string) {
    this.client = new AnalysisClient(
      vscode.Uri.joinPath(vscode.Uri.file(extensionRoot), 'dist', 'worker.js').fsPath,
      { packageRoot: extensionRoot },
      (problem) => void vscode.window.showWarningMessage(`Coverage Diff: ${problem}.`),
    );
  }

  /**
   * The analysis, or undefined when the user cancelled it. Input errors are thrown as InputError. Progress shows
   * in a cancellable notification, or (for refreshes) in the status bar.
   */
  async analyze(
    inputs: readonly ArticleInput[],
    options: Partial<AnalysisOptions> = {},
    location: vscode.ProgressLocation = vscode.ProgressLocation.Notification,
  ): Promise<Analysis | undefined> {
    return vscode.window.withProgress(
      { location, title: `Coverage Diff: comparing ${inputs.length} articles…`, cancellable: location === vscode.ProgressLocation.Notification },
      async (_progress, token) => {
        const { id, result } = this.client.analyze(inputs, options);
        const subscription = token.onCancellationRequested(() => this.client.cancel(id));
        try {
          return await result;
        } catch (e) {
          if (e instanceof AnalysisCancelled) return undefined;
          throw e;
        } finally {
          subscription.dispose();
        }
      },
    );
  }

  dispose(): void {
    this.client.dispose();
  }
}
