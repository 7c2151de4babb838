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
  // Articles with a paragraph aligned with one of the point's but not grouped into it: not left out.
  const aligned = model.docs.flatMap((d) => {
    const ref = byDoc.has(d.id) ? undefined : model.alignedWith(p, d.id);
    return ref ? [ref] : [];
  });
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
      ...(aligned.length ? ['; aligned with it, not grouped into it: ', ...aligned.flatMap((ref, k) => [k ? ', ' : '', refButton(ctx, ref)])] : []),
      '. Marked: words a paragraph has that the reference paragraph does not; underlined: the sentence where a paragraph of several makes the point.',
    ),
    h('div', { class: 'columns' }, ...columns),
  );
}

function paragraphBox(ctx: ViewContext, p: Point, ref: ParagraphRef, isReference: boolean, referenceText: string): HTMLElement {
  const text = ctx.model.paragraph(ref)?.text ?? '';
  const body = h('p', { class: 'para-text' });
  // The sentence where the paragraph makes the point is underlined, when it has others.
  const span = ctx.model.excerptSpan(p, ref);
  const sentence = span && (span.start > 0 || span.end < text.trimEnd().length) ? span : null;
  let at = 0;
  const append = (value: string, added: boolean) => {
    const cuts = sentence ? [0, sentence.start - at, sentence.end - at, value.length].map((x) => Math.max(0, Math.min(value.length, x))) : [0, value.length];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const piece = value.slice(cuts[k], cuts[k + 1]);
      if (!piece) continue;
      const node = added ? h('mark', { class: 'diff-added' }, piece) : piece;
      body.append(sentence && k === 1 ? h('span', { class: 'point-sentence', title: 'Where this paragraph makes the point' }, node) : node);
    }
    at += value.length;
  };
  if (isReference) append(text, false);
  else {
    // The parts that are not removed spell this paragraph's text, in order.
    for (const part of diffWords(referenceText, text)) if (!part.removed) append(part.value, Boolean(part.added));
  }
  const choose = isReference
    ? h('span', { class: 'badge' }, 'reference')
    : button('compare with this', () => {
        references.set(p.id, `${ref.doc}#${ref.paragraph}`);
        ctx.update({});
      }, { class: 'link', title: `Mark the others' differences from ${opening(text, 6)}` });
  return h('div', { class: `para${isReference ? ' reference' : ''}` }, h('div', { class: 'para-head' }, refButton(ctx, ref), ' ', choose), body);
}
