import type { Point } from '../../core/types';
import type { GridView } from '../../shared/protocol';
import { h, percent, select } from '../dom';
import { shortName, type Cell } from '../../shared/model';
import { section, type ViewContext } from './context';
import { pointView } from './point';

/**
 * Cells drawn at once; more rows on request. A comparison of 50 articles can have hundreds of points, and one of
 * 500 articles drew 58 000 cells (3 s before the first paint): a page is 150 rows up to 50 articles, fewer above.
 */
const PAGE_CELLS = 7_500;
const MIN_PAGE = 10;

/** Rows in one page of a grid of this many articles. */
function pageRows(articles: number): number {
  return Math.max(MIN_PAGE, Math.floor(PAGE_CELLS / Math.max(1, articles)));
}

const STATUS_TEXT: Readonly<Record<Cell['status'], string>> = {
  covered: 'covers it',
  weak: 'covers it in passing',
  omitted: 'leaves it out',
  aligned: 'has a paragraph aligned with it, not close enough to group into the point',
  outside: 'not counted (another episode)',
};

/** What a cell that does not carry its point shows. */
const DASHES: Readonly<Record<Cell['status'], string>> = { covered: '', weak: '', omitted: '×', aligned: '≈', outside: '·' };

/** The darkest shade of a covered cell (% of the theme's blue): darker, and the cell's text loses its contrast. */
const MAX_SHADE = 65;

/** Grid position kept between redraws, so keyboard focus survives an update. */
let focus = { row: 0, col: 0 };
/** Pages of rows shown. */
let shownPages = 1;

/**
 * The coverage grid: points × articles. Each cell is covered, weak, omitted or aligned (a paragraph aligned with
 * the point's, not grouped into it), shaded by the article's share of words on the point, with H (headline) and L
 * (lead) marks. A grid in the ARIA sense: arrow keys move between
 * cells, Enter reveals the paragraph, Space (or a click on the point) shows its aligned paragraphs below.
 */
export function gridView(ctx: ViewContext): HTMLElement {
  const { model, state } = ctx;
  const rows = model.gridRows(state.grid, state.filter);
  const docs = model.docs;
  const page = pageRows(docs.length);
  const visible = rows.slice(0, shownPages * page);
  const table = h('table', { class: 'grid', role: 'grid', 'aria-label': 'Coverage grid: points by articles', 'aria-rowcount': rows.length + 1, 'aria-colcount': docs.length + 1 });
  const head = h(
    'tr',
    { role: 'row' },
    h('th', { role: 'columnheader', scope: 'col', class: 'point-col' }, 'Point'),
    ...docs.map((d) =>
      h(
        'th',
        { role: 'columnheader', scope: 'col', title: `${d.title} (${d.path})`, class: model.otherEvents.has(d.id) ? 'other-event' : null },
        d.id,
        h('span', { class: 'doc-name' }, shortName(d.path)),
      ),
    ),
  );
  table.append(h('thead', {}, head));
  const body = h('tbody', {});
  visible.forEach((p, r) => body.append(row(ctx, p, r)));
  table.append(body);
  focus = { row: Math.min(focus.row, Math.max(0, visible.length - 1)), col: Math.min(focus.col, docs.length) };
  setTabStop(table);
  table.addEventListener('keydown', (e) => onKey(ctx, table, e, visible));

  const controls = h(
    'div',
    { class: 'controls' },
    select('Rows', state.grid.rows, [
      ['shared', 'points two or more articles carry'],
      ['all', 'every point'],
    ], (rows) => ctx.update({ grid: { ...state.grid, rows: rows as GridView['rows'] } })),
    select('Order', state.grid.sort, [
      ['story', 'as the story unfolds'],
      ['carried', 'most carried first'],
      ['omitted', 'most omitted first'],
    ], (sort) => ctx.update({ grid: { ...state.grid, sort: sort as GridView['sort'] } })),
    legend(ctx),
  );
  const more =
    rows.length > visible.length
      ? h('button', { type: 'button', class: 'link' }, `Show ${Math.min(page, rows.length - visible.length)} more of ${rows.length - visible.length} points`)
      : null;
  more?.addEventListener('click', () => {
    shownPages++;
    ctx.update({});
  });
  const selected = state.point ? model.point(state.point) : undefined;
  return section(
    'grid',
    `Coverage grid (${rows.length} point${rows.length === 1 ? '' : 's'})`,
    null,
    controls,
    rows.length ? h('div', { class: 'grid-scroll' }, table) : h('p', { class: 'empty' }, 'No point matches the filter.'),
    more,
    selected ? pointView(ctx, selected) : h('p', { class: 'note' }, 'Select a point (click its name, or press Space on a cell) to read its aligned paragraphs side by side.'),
  );
}

function row(ctx: ViewContext, p: Point, r: number): HTMLTableRowElement {
  const { model, state } = ctx;
  const selected = state.point === p.id;
  const name = h('th', { role: 'rowheader', scope: 'row', class: 'point-col', 'data-row': r, 'data-col': 0, tabindex: -1 });
  const label = h('button', { type: 'button', class: 'point-name', tabindex: -1, 'aria-pressed': selected ? 'true' : 'false', title: p.label }, h('span', { class: 'pid' }, p.id), ' ', p.label);
  label.addEventListener('click', () => ctx.update({ point: selected ? null : p.id }));
  name.append(label);
  if (p.id === model.analysis.mainPoint) name.append(h('span', { class: 'flag' }, 'main news'));
  const tr = h('tr', { role: 'row', 'data-point': p.id, 'aria-selected': selected ? 'true' : 'false', class: selected ? 'selected' : null }, name);
  model.docs.forEach((d, c) => {
    const cell = model.cell(p, d.id);
    const marks = [cell.inHeadline ? 'H' : '', cell.inLead ? 'L' : ''].filter(Boolean).join(' ');
    const td = h(
      'td',
      {
        role: 'gridcell',
        class: `cell ${cell.status}`,
        style: cell.status === 'covered' || cell.status === 'weak' ? `--share:${Math.min(MAX_SHADE, Math.round(cell.share * 250))}%` : null,
        'data-row': r,
        'data-col': c + 1,
        'data-doc': d.id,
        tabindex: -1,
        title: `${d.id}: ${STATUS_TEXT[cell.status]}${cell.share ? ` — ${percent(cell.share)} of its words` : ''}${cell.inHeadline ? ', in the headline' : ''}${cell.inLead ? ', in the lead' : ''}${cell.first ? ` (${model.refPlace(cell.first)}; click to reveal)` : ''}`,
        'aria-label': `${p.id}, ${d.id}: ${STATUS_TEXT[cell.status]}${cell.share ? `, ${percent(cell.share)} of its words` : ''}${cell.inHeadline ? ', headline' : ''}${cell.inLead ? ', lead' : ''}`,
      },
      cell.status === 'covered' || cell.status === 'weak' ? h('span', { class: 'share' }, percent(cell.share)) : h('span', { class: 'dash', 'aria-hidden': 'true' }, DASHES[cell.status]),
      marks ? h('span', { class: 'marks' }, marks) : null,
    );
    td.addEventListener('click', () => {
      focus = { row: r, col: c + 1 };
      if (cell.first) ctx.post({ type: 'reveal', ref: cell.first });
      else ctx.update({ point: p.id });
    });
    tr.append(td);
  });
  return tr;
}

/** One cell of the grid is in the tab order (roving tabindex): the focused one. */
function setTabStop(table: HTMLTableElement): void {
  const target = table.querySelector<HTMLElement>(`[data-row="${focus.row}"][data-col="${focus.col}"]`) ?? table.querySelector<HTMLElement>('[data-row][data-col]');
  target?.setAttribute('tabindex', '0');
}

function onKey(ctx: ViewContext, table: HTMLTableElement, e: KeyboardEvent, rows: readonly Point[]): void {
  const cols = ctx.model.docs.length;
  const at = { ...focus };
  switch (e.key) {
    case 'ArrowRight':
      at.col = Math.min(cols, at.col + 1);
      break;
    case 'ArrowLeft':
      at.col = Math.max(0, at.col - 1);
      break;
    case 'ArrowDown':
      at.row = Math.min(rows.length - 1, at.row + 1);
      break;
    case 'ArrowUp':
      at.row = Math.max(0, at.row - 1);
      break;
    case 'Home':
      if (e.ctrlKey) at.row = 0;
      at.col = 0;
      break;
    case 'End':
      if (e.ctrlKey) at.row = rows.length - 1;
      at.col = cols;
      break;
    case 'Enter': {
      const p = rows[at.row];
      if (!p) return;
      const doc = at.col > 0 ? ctx.model.docs[at.col - 1]!.id : null;
      const ref = doc ? ctx.model.cell(p, doc).first : p.members[0];
      e.preventDefault();
      if (ref) ctx.post({ type: 'reveal', ref });
      return;
    }
    case ' ': {
      const p = rows[at.row];
      if (!p) return;
      e.preventDefault();
      ctx.update({ point: ctx.state.point === p.id ? null : p.id });
      return;
    }
    default:
      return;
  }
  e.preventDefault();
  move(table, at);
}

function move(table: HTMLTableElement, to: { row: number; col: number }): void {
  const from = table.querySelector<HTMLElement>('[tabindex="0"]');
  const target = table.querySelector<HTMLElement>(`[data-row="${to.row}"][data-col="${to.col}"]`);
  if (!target) return;
  from?.setAttribute('tabindex', '-1');
  target.setAttribute('tabindex', '0');
  target.focus();
  focus = to;
}

/** Focus the grid's current cell (after a redraw that the keyboard caused). */
export function focusGrid(root: ParentNode): void {
  root.querySelector<HTMLElement>('table.grid [tabindex="0"]')?.focus();
}

function legend(ctx: ViewContext): HTMLElement {
  const weak = Math.round(ctx.model.settings.weakShare * 100);
  return h(
    'div',
    { class: 'legend', 'aria-label': 'Legend' },
    h('span', { class: 'cell covered sample', style: '--share:60%' }, '12%'),
    ' covered (shade: share of words) ',
    h('span', { class: 'cell weak sample', style: '--share:10%' }, '1%'),
    ` in passing (under ${weak}%, or half the article's usual share) `,
    h('span', { class: 'cell omitted sample' }, '×'),
    ' left out ',
    h('span', { class: 'cell aligned sample' }, '≈'),
    ' a paragraph aligned with it ',
    h('span', { class: 'marks' }, 'H'),
    ' headline ',
    h('span', { class: 'marks' }, 'L'),
    ' lead',
  );
}
