import { h, percent } from '../dom';
import { fileName } from '../../shared/model';
import { section, type ViewContext } from './context';

/** The overview: each article with its title, file, words, how much of the shared story it covers, and flags. */
export function articlesView(ctx: ViewContext): HTMLElement {
  const { model } = ctx;
  const rows = model.docs.map((d) => {
    const { covered, total } = model.coverage(d.id);
    const share = total ? covered / total : 0;
    const flags = model.flags(d.id);
    return h(
      'tr',
      { 'data-doc': d.id, class: model.otherEvents.has(d.id) ? 'other-event' : null },
      h('th', { scope: 'row' }, d.id),
      h('td', {}, h('div', { class: 'title' }, d.title), h('div', { class: 'file' }, fileName(d.path))),
      h('td', { class: 'num' }, String(d.words)),
      h(
        'td',
        { class: 'coverage' },
        h('div', { class: 'bar', role: 'img', 'aria-label': `${covered} of ${total} shared points` }, h('span', { style: `width:${Math.round(share * 100)}%` })),
        h('span', { class: 'bar-label' }, `${covered} of ${total} (${percent(share)})`),
      ),
      h('td', {}, ...flags.map((f) => h('span', { class: `flag${f === 'another episode' ? ' flag-warn' : ''}` }, f))),
    );
  });
  return section(
    'articles',
    `Articles (${model.docs.length})`,
    'How much of the shared story each covers: the points two or more articles carry (an article about another episode is set apart).',
    h(
      'table',
      { class: 'articles' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Id'), h('th', { scope: 'col' }, 'Article'), h('th', { scope: 'col', class: 'num' }, 'Words'), h('th', { scope: 'col' }, 'Shared story covered'), h('th', { scope: 'col' }, 'Flags'))),
      h('tbody', {}, ...rows),
    ),
  );
}
