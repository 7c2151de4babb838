import * as vscode from 'vscode';
import { DEFAULT_OPTIONS, type AnalysisOptions, type ParagraphKind } from '../core';
import type { PanelSettings } from '../shared/protocol';

/** The extension's settings (`coverageDiff.*`), read fresh each time: a change applies to the next analysis. */
export interface Settings {
  readonly analysis: Partial<AnalysisOptions>;
  readonly panel: PanelSettings;
  /** Glob of the files Compare Articles… offers. */
  readonly include: string;
  /** Glob of the files it never offers. */
  readonly exclude: string;
  /** Largest article read, in bytes. */
  readonly maxFileBytes: number;
  /** Re-analyse when a compared article is saved, after this many milliseconds of quiet (0: never). */
  readonly refreshDelay: number;
  /** What the article editors show. */
  readonly notes: NoteSettings;
}

export interface NoteSettings {
  /** Hover notes on the paragraphs of compared articles. */
  readonly hover: boolean;
  /** Hovering an article in no comparison compares the articles of its folder. */
  readonly compareFolder: boolean;
  /** A "covered by k of n" CodeLens above each paragraph. */
  readonly codeLens: boolean;
  /** Gutter and overview-ruler marks on paragraphs only this article has, and on paragraphs in conflict. */
  readonly decorations: boolean;
}

export const SECTION = 'coverageDiff';

const KINDS: readonly ParagraphKind[] = ['headline', 'standfirst', 'heading', 'body', 'list', 'quote'];

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const number = (key: string, fallback: number, min: number, max: number) => {
    const v = c.get<number>(key, fallback);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  };
  const ignore = c.get<string[]>('ignoreKinds', [...DEFAULT_OPTIONS.ignoreKinds]);
  return {
    analysis: {
      pairThreshold: number('pairThreshold', DEFAULT_OPTIONS.pairThreshold, 0, 1),
      pointThreshold: number('pointThreshold', DEFAULT_OPTIONS.pointThreshold, 0, 1),
      ignoreKinds: Array.isArray(ignore) ? ignore.filter((k): k is ParagraphKind => KINDS.includes(k as ParagraphKind)) : [...DEFAULT_OPTIONS.ignoreKinds],
    },
    panel: { weakShare: number('weakShare', 0.02, 0, 1) },
    include: c.get<string>('files.include', '**/*.{txt,md,markdown}'),
    exclude: c.get<string>('files.exclude', '**/{node_modules,.git,.vscode-test,dist,out}/**'),
    maxFileBytes: Math.round(number('maxFileSizeMB', 5, 0.01, 200) * 1024 * 1024),
    refreshDelay: number('refreshOnSaveDelay', 500, 0, 60_000),
    notes: {
      hover: c.get<boolean>('hover.enabled', true) !== false,
      compareFolder: c.get<boolean>('hover.compareFolder', false) === true,
      codeLens: c.get<boolean>('codeLens.enabled', true) !== false,
      decorations: c.get<boolean>('decorations.enabled', true) !== false,
    },
  };
}

/** Whether a configuration change touches the analysis (so the comparison is analysed again). */
export function affectsAnalysis(e: vscode.ConfigurationChangeEvent): boolean {
  return ['pairThreshold', 'pointThreshold', 'ignoreKinds', 'maxFileSizeMB', 'weakShare'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}

/** Whether a configuration change touches what the article editors show. */
export function affectsNotes(e: vscode.ConfigurationChangeEvent): boolean {
  return ['hover', 'codeLens', 'decorations'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}
