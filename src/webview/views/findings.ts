import type { Finding } from '../../core/types';
import { h } from '../dom';
import { FINDING_KINDS } from '../../shared/model';
import { refButton, section, type ViewContext } from './context';

const LABEL = new Map(FINDING_KINDS.map((k) => [k.kind, k.label]));

/** The findings, most important first, filtered by kind and by the panel's text filter. */
export function findingsView(ctx: ViewContext): HTMLElement {
  const { model, state } = ctx;
  const all = model.analysis.findings;
  const shown = model.findings(state.findingKinds, state.filter);
  const chips = FINDING_KINDS.filter((k) => all.some((f) => f.kind === k.kind)).map((k) => {
    const on = state.findingKinds.includes(k.kind);
    const count = all.filter((f) => f.kind === k.kind).length;
    const chip = h('button', { type: 'button', class: `chip kind-${k.kind}`, 'aria-pressed': on ? 'true' : 'false' }, `${k.label} (${count})`);
    chip.addEventListener('click', () =>
      ctx.update({ findingKinds: on ? state.findingKinds.filter((x) => x !== k.kind) : [...state.findingKinds, k.kind] }),
    );
    return chip;
  });
  const list = shown.length
    ? h('ol', { class: 'findings' }, ...shown.map((f) => findingItem(ctx, f)))
    : h('p', { class: 'empty' }, all.length ? 'No finding matches the filter.' : 'No findings: the articles tell the story alike.');
  return section(
    'findings',
    `Findings (${shown.length}${shown.length === all.length ? '' : ` of ${all.length}`})`,
    null,
    h('div', { class: 'chips', role: 'group', 'aria-label': 'Show findings of kind' }, ...chips),
    list,
  );
}

export function findingItem(ctx: ViewContext, f: Finding): HTMLElement {
  const evidence = f.evidence.slice(0, 8).map((r) => refButton(ctx, r));
  const more = f.evidence.length > 8 ? h('span', { class: 'more' }, `+${f.evidence.length - 8}`) : null;
  const points = f.points.filter((p) => ctx.model.point(p)?.docs.length);
  const show = points.length
    ? h('button', { type: 'button', class: 'link', title: 'Show this point in the coverage grid' }, 'show in grid')
    : null;
  show?.addEventListener('click', () => ctx.showPoint(points[0]!));
  return h(
    'li',
    { class: `finding kind-${f.kind}`, 'data-kind': f.kind },
    h('span', { class: `badge kind-${f.kind}` }, LABEL.get(f.kind) ?? f.kind),
    h('span', { class: 'text' }, f.text),
    h('span', { class: 'evidence' }, ...evidence, more, show),
  );
}
