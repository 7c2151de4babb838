import { diffWords } from 'diff';
import { layoutPair, type PairRow } from '../../shared/pairLayout';
import { fileName } from '../../shared/model';
import { button, h, select } from '../dom';
import { refButton, section, type ViewContext } from './context';

/**
 * Two articles side by side as prose: the left in its own order, the right rearranged so its paragraphs face the
 * ones they share a point with (the same layout as the diff editor's), words that differ inside a facing pair
 * marked (jsdiff, word level), and a placeholder where one side has nothing.
 */
export function pairView(ctx: ViewContext): HTMLElement {
  const { model, state } = ctx;
  const ids = model.docs.map((d) => d.id);
  const chosen = state.pair && ids.includes(state.pair.left) && ids.includes(state.pair.right) && state.pair.left !== state.pair.right ? state.pair : { left: ids[0]!, right: ids[1]! };
  const options = model.docs.map((d): [string, string] => [d.id, `${d.id} · ${fileName(d.path)}`]);
  const choose = (side: 'left' | 'right') => (id: string) => {
    const other = side === 'left' ? chosen.right : chosen.left;
    // Choosing the other side's article swaps the two.
    const next = id === other ? { left: chosen.right, right: chosen.left } : { ...chosen, [side]: id };
    ctx.update({ pair: next });
  };
  const layout = layoutPair(model.analysis, chosen.left, chosen.right);
  const leftName = fileName(layout.left.path);
  const rightName = fileName(layout.right.path);
  const rows = layout.rows.map((row) => rowView(ctx, row, leftName, rightName));
  const counts = {
    aligned: layout.rows.filter((r) => r.kind === 'aligned').length,
    left: layout.rows.filter((r) => r.kind === 'left-only').length,
    right: layout.rows.filter((r) => r.kind === 'right-only').length,
  };
  return section(
    'pair',
    'Two articles side by side',
    'The left article in its own order; the right one rearranged so each paragraph faces the one it shares a point with. Marked: words one side has and the other does not.',
    h(
      'div',
      { class: 'controls' },
      select('Left', chosen.left, options, choose('left')),
      select('Right', chosen.right, options, choose('right')),
      button('Open in diff editor', () => ctx.post({ type: 'openDiff', a: chosen.left, b: chosen.right }), { class: 'secondary', title: 'VS Code’s diff editor on the two articles, aligned the same way' }),
    ),
    h('p', { class: 'note' }, `${counts.aligned} paragraphs face each other; ${counts.left} only in ${leftName}; ${counts.right} only in ${rightName}.`),
    h(
      'div',
      { class: 'pair-rows', role: 'table', 'aria-label': `${leftName} and ${rightName}, paragraph by paragraph` },
      h('div', { class: 'pair-row pair-head', role: 'row' }, h('div', { role: 'columnheader' }, `${chosen.left} · ${leftName}`), h('div', { role: 'columnheader' }, `${chosen.right} · ${rightName}`)),
      ...rows,
    ),
  );
}

function rowView(ctx: ViewContext, row: PairRow, leftName: string, rightName: string): HTMLElement {
  const text = (ref: PairRow['left']) => (ref ? (ctx.model.paragraph(ref)?.text ?? '') : '');
  const cell = (children: (Node | string)[], extra = '') => h('div', { class: `pair-cell${extra}`, role: 'cell' }, ...children);
  let left: HTMLElement;
  let right: HTMLElement;
  if (row.kind === 'aligned' || row.kind === 'continued') {
    const a = text(row.left);
    const b = text(row.right);
    const parts = diffWords(a, b);
    const leftBody = h('p', { class: 'para-text' });
    const rightBody = h('p', { class: 'para-text' });
    for (const part of parts) {
      if (!part.added) leftBody.append(part.removed ? h('mark', { class: 'diff-removed' }, part.value) : part.value);
      if (!part.removed) rightBody.append(part.added ? h('mark', { class: 'diff-added' }, part.value) : part.value);
    }
    left =
      row.kind === 'continued'
        ? cell([h('p', { class: 'placeholder' }, `${ctx.model.refLabel(row.left!)} continues: ${rightName} splits it`)], ' continued')
        : cell([refButton(ctx, row.left!), leftBody]);
    right = cell([refButton(ctx, row.right!), rightBody]);
  } else if (row.kind === 'merged') {
    left = cell([refButton(ctx, row.left!), h('p', { class: 'para-text' }, text(row.left))]);
    right = cell([h('p', { class: 'placeholder' }, `${ctx.model.refLabel(row.right!)}, shown with another row, reports this too: ${leftName} splits it`)], ' continued');
  } else {
    const present = (row.left ?? row.right)!;
    const missingIn = row.left ? rightName : leftName;
    const point = ctx.model.sharedPointOf(present);
    const placeholder = cell([h('p', { class: 'placeholder' }, `not in ${missingIn}${point ? `: ${point.label}` : ''}`)], ' missing');
    const body = cell([refButton(ctx, present), h('p', { class: 'para-text' }, text(present))]);
    [left, right] = row.left ? [body, placeholder] : [placeholder, body];
  }
  return h('div', { class: `pair-row ${row.kind}`, role: 'row', 'data-kind': row.kind }, left, right);
}
