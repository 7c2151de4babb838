import * as vscode from 'vscode';
import type { AnalysisResources } from '../core';
import { loadWordVectors } from '../node/assets';

/** The analysis aids that ship with the extension, loaded on first use (not at activation) and kept. */
export class ResourceStore {
  private loaded: AnalysisResources | null = null;

  constructor(private readonly extensionRoot: string) {}

  get(): AnalysisResources {
    if (!this.loaded) {
      const { vectors, problem } = loadWordVectors(this.extensionRoot);
      if (problem) void vscode.window.showWarningMessage(`Coverage Diff: ${problem}; matching exact words only.`);
      this.loaded = { vectors };
    }
    return this.loaded;
  }
}
