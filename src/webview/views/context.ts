import type { ParagraphRef } from '../../core/types';
import type { PanelState, WebviewMessage } from '../../shared/protocol';
import { button, h } from '../dom';
import type { PanelModel } from '../../shared/model';

/** What every view gets: the model to read, the UI state, and the ways to change it or ask the host. */
export interface ViewContext {
  readonly model: PanelModel;
  readonly state: PanelState;
  /** Changes UI state (persisted) and redraws what depends on it. */
  update(patch: Partial<PanelState>): void;
  post(message: WebviewMessage): void;
  /** Selects a point in the grid (listing every point if it is one article's own) and scrolls to it. */
  showPoint(id: string): void;
}

/** A paragraph reference as a button: "d2 ¶5", with the file and line as its tooltip; it reveals the paragraph. */
export function refButton(ctx: ViewContext, ref: ParagraphRef, label = ctx.model.refLabel(ref)): HTMLButtonElement {
  return button(label, () => ctx.post({ type: 'reveal', ref }), {
    class: 'ref',
    title: `Reveal in the editor: ${ctx.model.refPlace(ref)}`,
    'data-doc': ref.doc,
    'data-paragraph': ref.paragraph,
  });
}

/** A section with its heading and an optional line under it. */
export function section(id: string, title: string, note: string | null, ...body: (Node | null)[]): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), note ? h('p', { class: 'note' }, note) : null, ...body);
}

/** The first words of a paragraph, for lists. */
export function opening(text: string, words = 16): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(' ')}…`;
}
