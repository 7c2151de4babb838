/**
 * The comparison panel's script. It says `ready`, then draws every analysis the host sends (in place: the HTML
 * is never replaced), keeps its UI state with VS Code (restored after a reload), and asks the host to reveal
 * paragraphs, refresh, export and open diffs.
 */
import type { HostMessage, PanelSettings, PanelState, SectionId } from '../shared/protocol';
import { INITIAL_STATE } from '../shared/protocol';
import { button, h, replaceChildren } from './dom';
import { PanelModel } from '../shared/model';
import { unpackAnalysis } from '../shared/packedAnalysis';
import { articlesView } from './views/articles';
import type { ViewContext } from './views/context';
import { emphasisView } from './views/emphasis';
import { findingsView } from './views/findings';
import { focusGrid, gridView } from './views/grid';
import { omissionsView } from './views/omissions';
import { pairView } from './views/pair';
import { wordingView } from './views/wording';
import { post, savedState, saveState } from './vscodeApi';

const SECTIONS: readonly { readonly id: SectionId; readonly label: string }[] = [
  { id: 'articles', label: 'Articles' },
  { id: 'findings', label: 'Findings' },
  { id: 'grid', label: 'Grid' },
  { id: 'pair', label: 'Side by side' },
  { id: 'omissions', label: 'Omissions' },
  { id: 'emphasis', label: 'Emphasis' },
  { id: 'wording', label: 'Wording & conflicts' },
];

class Panel {
  private state: PanelState = restore(savedState());
  private model: PanelModel | null = null;
  private generation = 0;
  private readonly status = h('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly banner = h('div', { class: 'banner', role: 'alert', hidden: true });
  private readonly content = h('main', { id: 'content' });
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {
    root.replaceChildren(this.toolbar(), this.banner, this.content);
    this.content.append(h('p', { class: 'empty' }, this.state.files.length ? `Analysing ${this.state.files.length} articles…` : 'Waiting for the comparison…'));
    window.addEventListener('message', (e: MessageEvent<HostMessage>) => this.onMessage(e.data));
    post({ type: 'ready' });
  }

  private toolbar(): HTMLElement {
    const filter = h('input', { type: 'search', placeholder: 'Filter points, findings, text', 'aria-label': 'Filter', value: this.state.filter });
    filter.addEventListener('input', () => {
      clearTimeout(this.filterTimer);
      this.filterTimer = setTimeout(() => this.update({ filter: filter.value }), 150);
    });
    const nav = h(
      'nav',
      { 'aria-label': 'Sections' },
      ...SECTIONS.map((s) => {
        const link = h('a', { href: `#${s.id}` }, s.label);
        link.addEventListener('click', (e) => {
          e.preventDefault();
          this.scrollTo(s.id);
        });
        return link;
      }),
    );
    return h(
      'header',
      { class: 'toolbar' },
      h('h1', {}, 'Coverage Diff'),
      nav,
      filter,
      button('Refresh', () => post({ type: 'refresh' }), { title: 'Analyse the articles again' }),
      button('Export…', () => post({ type: 'export' }), { title: 'Save the report as Markdown, HTML or JSON' }),
      this.status,
    );
  }

  private onMessage(message: HostMessage): void {
    switch (message.type) {
      case 'analysis': {
        const start = performance.now();
        const analysis = unpackAnalysis(message.analysis);
        this.model = new PanelModel(analysis, message.settings as PanelSettings);
        const files = [...message.files];
        const state: PanelState = { ...this.state, files };
        // A selection that no longer exists (the articles changed) is dropped.
        this.state = { ...state, point: state.point && this.model.point(state.point) ? state.point : null, article: state.article && this.model.doc(state.article) ? state.article : null };
        saveState(this.state);
        this.showBanner(message.problems.length ? message.problems.join(' ') : null);
        const { points, findings } = analysis;
        this.status.textContent = `${analysis.documents.length} articles · ${points.length} point${points.length === 1 ? '' : 's'} · ${findings.length} finding${findings.length === 1 ? '' : 's'}`;
        this.root.classList.remove('stale');
        const first = this.generation === 0;
        this.generation = message.generation;
        this.render();
        // Restored after a reload: back where the reader was.
        if (first && this.state.section !== 'articles') this.scrollTo(this.state.section);
        if (first && this.state.point) this.content.querySelector(`tr[data-point="${CSS.escape(this.state.point)}"]`)?.scrollIntoView({ block: 'center' });
        // First paint: the frame after this one has been laid out and drawn.
        requestAnimationFrame(() =>
          setTimeout(() => {
            const ms = Math.round(performance.now() - start);
            document.body.dataset['firstPaintMs'] = String(ms);
            document.body.dataset['generation'] = String(message.generation);
            post({ type: 'rendered', generation: message.generation, ms });
          }, 0),
        );
        return;
      }
      case 'analyzing':
        this.status.textContent = `Analysing ${message.articles} articles…`;
        this.root.classList.add('stale');
        return;
      case 'error':
        this.root.classList.remove('stale');
        this.status.textContent = 'Not analysed';
        this.showBanner(message.message);
        if (!this.model) replaceChildren(this.content, h('p', { class: 'empty' }, message.message));
        return;
      case 'focus':
        this.showPoint(message.point);
        return;
    }
  }

  private showBanner(text: string | null): void {
    this.banner.hidden = !text;
    this.banner.textContent = text ?? '';
  }

  private context(): ViewContext {
    return {
      model: this.model!,
      state: this.state,
      update: (patch) => this.update(patch),
      post,
      showPoint: (id) => this.showPoint(id),
    };
  }

  private update(patch: Partial<PanelState>): void {
    this.state = { ...this.state, ...patch };
    saveState(this.state);
    const gridHadFocus = !!document.activeElement?.closest('table.grid');
    this.render();
    if (gridHadFocus) focusGrid(this.content);
  }

  private showPoint(id: string): void {
    if (!this.model?.point(id)) return;
    const p = this.model.point(id)!;
    const rows = p.docs.length > 1 ? this.state.grid.rows : 'all';
    this.update({ point: id, grid: { ...this.state.grid, rows } });
    this.content.querySelector(`tr[data-point="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
  }

  private scrollTo(id: SectionId): void {
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
    if (this.state.section !== id) {
      this.state = { ...this.state, section: id };
      saveState(this.state);
    }
  }

  private render(): void {
    if (!this.model) return;
    const ctx = this.context();
    const scroll = document.scrollingElement?.scrollTop ?? 0;
    replaceChildren(this.content, articlesView(ctx), findingsView(ctx), gridView(ctx), pairView(ctx), omissionsView(ctx), emphasisView(ctx), wordingView(ctx));
    if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
  }
}

/** The saved UI state when it is ours (and of this version), else a fresh one. */
function restore(saved: unknown): PanelState {
  if (!saved || typeof saved !== 'object' || (saved as { v?: unknown }).v !== 1) return INITIAL_STATE;
  return { ...INITIAL_STATE, ...(saved as PanelState) };
}

new Panel(document.getElementById('app')!);
