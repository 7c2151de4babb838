import type { Finding, TextRange } from '../../core/types';
import { h } from '../dom';
import { refButton, section, type ViewContext } from './context';

/** Wording differences and conflicts, each with the exact words side by side. */
export function wordingView(ctx: ViewContext): HTMLElement {
  const { model } = ctx;
  const conflicts = model.findings(['conflict'], ctx.state.filter);
  const wording = model.findings(['wording'], ctx.state.filter);
  return section(
    'wording',
    'Wording and conflicts',
    null,
    h('h3', {}, `Conflicts (${conflicts.length})`),
    conflicts.length ? h('ul', { class: 'pairs' }, ...conflicts.map((f) => pairItem(ctx, f))) : h('p', { class: 'empty' }, 'No aligned statements contradict each other.'),
    h('h3', {}, `Wording (${wording.length})`),
    wording.length ? h('ul', { class: 'pairs' }, ...wording.map((f) => pairItem(ctx, f))) : h('p', { class: 'empty' }, 'No differences of wording found in the aligned paragraphs.'),
  );
}

function pairItem(ctx: ViewContext, f: Finding): HTMLElement {
  return h(
    'li',
    { class: `pair kind-${f.kind}` },
    h('p', { class: 'text' }, f.text),
    h('div', { class: 'spans' }, ...f.spans.map((s) => spanBox(ctx, s))),
  );
}

/** The words a finding is about, in their sentence, marked. */
function spanBox(ctx: ViewContext, s: TextRange): HTMLElement {
  const text = ctx.model.paragraph(s)?.text ?? s.text;
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, s.start - 60)));
  const to = text.indexOf(' ', Math.min(text.length, s.end + 60));
  const end = to < 0 ? text.length : to;
  return h(
    'blockquote',
    { class: 'span' },
    refButton(ctx, s),
    ' ',
    from > 0 ? '…' : '',
    text.slice(from, s.start).trimStart(),
    h('mark', {}, text.slice(s.start, s.end)),
    text.slice(s.end, end),
    end < text.length ? '…' : '',
  );
}
