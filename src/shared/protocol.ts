/**
 * The messages between the extension host and the comparison panel's webview, and the panel's persisted UI
 * state. One union per direction, discriminated on `type`. Both sides import this file: types, and the one
 * constant they share (the initial state).
 */
import type { ParagraphRef } from '../core/types';
import type { PackedAnalysis } from './packedAnalysis';

/** The panel's sections, in page order. */
export type SectionId = 'articles' | 'findings' | 'grid' | 'pair' | 'omissions' | 'emphasis' | 'wording';

/** Which points the coverage grid lists, and in what order. */
export interface GridView {
  /** `shared`: points two or more articles carry; `all`: every point. */
  readonly rows: 'shared' | 'all';
  /** `story`: order of first appearance; `carried`: most articles first; `omitted`: most omitted first. */
  readonly sort: 'story' | 'carried' | 'omitted';
}

/**
 * What the webview remembers across reloads (VS Code keeps it with the panel; the serializer hands it back).
 * UI state only: the analysis is re-run from `files` on restore.
 */
export interface PanelState {
  readonly v: 1;
  /** The compared files, as URI strings, in comparison order. */
  readonly files: readonly string[];
  /** The point selected in the grid (its aligned paragraphs are shown), by id. */
  readonly point: string | null;
  /** The article whose omissions are shown, by document id. */
  readonly article: string | null;
  /** Finding kinds shown (all when empty). */
  readonly findingKinds: readonly string[];
  /** Text filter over point labels, findings and paragraph text. */
  readonly filter: string;
  readonly grid: GridView;
  /** The section scrolled to last. */
  readonly section: SectionId;
  /** The two articles the pair view sets side by side (document ids), or null for the first two. */
  readonly pair?: { readonly left: string; readonly right: string } | null;
}

export const INITIAL_STATE: PanelState = {
  v: 1,
  files: [],
  point: null,
  article: null,
  findingKinds: [],
  filter: '',
  grid: { rows: 'shared', sort: 'story' },
  section: 'articles',
};

/** The parts of the settings the panel shows (what a cell counts as, for the legend). */
export interface PanelSettings {
  /** A carrier spending less than this share of its words on a point covers it only weakly. */
  readonly weakShare: number;
}

/** Host → webview. */
export type HostMessage =
  /**
   * A finished analysis (first or updated); `generation` grows with every analysis of the comparison. Its pairs
   * come in columns of typed arrays, which VS Code sends as binary buffers (see packedAnalysis.ts).
   */
  | {
      readonly type: 'analysis';
      readonly analysis: PackedAnalysis;
      readonly files: readonly string[];
      readonly generation: number;
      readonly settings: PanelSettings;
      /** Files of the comparison that could not be read this time (deleted, unreadable), with why. */
      readonly problems: readonly string[];
    }
  /** An analysis is running (the panel keeps showing the previous one, marked stale). */
  | { readonly type: 'analyzing'; readonly articles: number }
  /** The comparison cannot be analysed: too few articles, a binary or empty file… The message says what to do. */
  | { readonly type: 'error'; readonly message: string }
  /** Show a point (and, when given, an article's paragraph of it): from a hover note or a command. */
  | { readonly type: 'focus'; readonly point: string; readonly ref?: ParagraphRef };

/** Webview → host. */
export type WebviewMessage =
  /** The script has loaded and listens: the host sends nothing before this. */
  | { readonly type: 'ready' }
  /** Reveal a paragraph in its editor, highlighted. */
  | { readonly type: 'reveal'; readonly ref: ParagraphRef }
  | { readonly type: 'refresh' }
  | { readonly type: 'export' }
  /** Open the side-by-side diff of two articles (document ids). */
  | { readonly type: 'openDiff'; readonly a: string; readonly b: string }
  /** An analysis was drawn: how long it took from the message's arrival to the first paint, in milliseconds. */
  | { readonly type: 'rendered'; readonly generation: number; readonly ms: number };
