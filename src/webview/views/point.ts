import { diffWords } from 'diff';
import type { ParagraphRef, Point } from '../../core/types';
import { button, h, percent } from '../dom';
import { opening, refButton, type ViewContext } from './context';

/** The paragraph the others are compared with, per point (chosen by the reader; the first carrier's by default). */
const references = new Map<string, string>();

/**
 * A point's aligned paragraphs side by side, one column per article, each paragraph's words that the reference
 * paragraph does not have marked (jsdiff, word level) — and who leaves the point out.
 */
export function pointView(ctx: ViewContext, p: Point): HTMLElement {
  const { model } = ctx;
  const byDoc = new Map<string, ParagraphRef[]>();
  for (const m of p.members) (byDoc.get(m.doc) ?? byDoc.set(m.doc, []).get(m.doc)!).push(m);
  const refKey = references.get(p.id);
  const reference = p.members.find((m) => `${m.doc}#${m.paragraph}` === refKey) ?? p.members[0]!;
  const referenceText = model.paragraph(reference)?.text ?? '';
  const omitters = model.omitters(p);
  const columns = [...byDoc].map(([doc, refs]) => {
    const d = model.doc(doc)!;
    const e = model.emphasis(p.id, doc);
    return h(
      'div',
      { class: 'column', 'data-doc': doc },
      h(
        'div',
        { class: 'column-head' },
        h('strong', {}, doc),
        ' ',
        h('span', { class: 'file', title: d.path }, d.title),
        h('span', { class: 'stats' }, `${percent(e?.share ?? 0)} of its words${e?.inHeadline ? ' · headline' : ''}${e?.inLead ? ' · lead' : ''}`),
      ),
      ...refs.map((ref) => paragraphBox(ctx, p, ref, ref === reference, referenceText)),
    );
  });
  return h(
    'div',
    { class: 'point-detail', role: 'region', 'aria-label': `Point ${p.id}: ${p.label}` },
    h('h3', {}, `${p.id} · ${p.label}`),
    h(
      'p',
      { class: 'note' },
      `Carried by ${[...byDoc.keys()].join(', ')}`,
      omitters.length ? `; left out by ${omitters.join(', ')}` : '',
      '. Marked: words a paragraph has that the reference paragraph does not.',
    ),
    h('div', { class: 'columns' }, ...columns),
  );
}

function paragraphBox(ctx: ViewContext, p: Point, ref: ParagraphRef, isReference: boolean, referenceText: string): HTMLElement {
  const text = ctx.model.paragraph(ref)?.text ?? '';
  const body = h('p', { class: 'para-text' });
  if (isReference) body.append(text);
  else {
    for (const part of diffWords(referenceText, text)) {
      if (part.removed) continue;
      body.append(part.added ? h('mark', { class: 'diff-added' }, part.value) : part.value);
    }
  }
  const choose = isReference
    ? h('span', { class: 'badge' }, 'reference')
    : button('compare with this', () => {
        references.set(p.id, `${ref.doc}#${ref.paragraph}`);
        ctx.update({});
      }, { class: 'link', title: `Mark the others' differences from ${opening(text, 6)}` });
  return h('div', { class: `para${isReference ? ' reference' : ''}` }, h('div', { class: 'para-head' }, refButton(ctx, ref), ' ', choose), body);
}
