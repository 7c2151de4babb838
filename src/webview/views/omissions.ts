import type { MissingFact } from '../../core/types';
import { excerptText, shortName } from '../../shared/model';
import { h } from '../dom';
import { opening, refButton, section, type ViewContext } from './context';

/** Omitted points shown per article before "show all". */
const FIRST = 25;
let showAll = false;

const FACT_KIND: Readonly<Record<MissingFact['kind'], string>> = {
  name: 'name',
  number: 'number',
  quote: 'quote',
  attribution: 'source',
};

/** Per article: the points it leaves out (most carried and most prominent first) and the facts it drops. */
export function omissionsView(ctx: ViewContext): HTMLElement {
  const { model, state } = ctx;
  const current = (state.article ? model.doc(state.article) : undefined) ?? model.docs.find((d) => !model.otherEvents.has(d.id)) ?? model.docs[0]!;
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': 'Article' },
    ...model.docs.map((d) => {
      const count = model.omissions(d.id).length;
      const tab = h('button', { type: 'button', role: 'tab', 'aria-selected': d.id === current.id ? 'true' : 'false', title: d.title, class: model.otherEvents.has(d.id) ? 'other-event' : null }, `${d.id} · ${shortName(d.path)} (${count})`);
      tab.addEventListener('click', () => ctx.update({ article: d.id }));
      return tab;
    }),
  );
  const body = h('div', { role: 'tabpanel', 'aria-label': `${current.id}: ${current.title}` });
  if (model.otherEvents.has(current.id)) {
    body.append(h('p', { class: 'note' }, `${current.id} reports another episode of the story: it is left out of omissions, as a source and as an omitter.`));
  } else {
    const omitted = model.omissions(current.id);
    const shown = showAll ? omitted : omitted.slice(0, FIRST);
    body.append(
      h('h3', {}, `${current.id} leaves out ${omitted.length} point${omitted.length === 1 ? '' : 's'} others carry`),
      omitted.length
        ? h(
            'ol',
            { class: 'omissions' },
            ...shown.map((o) => {
              const p = model.point(o.point)!;
              const source = model.paragraph(o.source);
              const link = h('button', { type: 'button', class: 'link point-link', title: 'Show this point in the coverage grid' }, `${p.id} ${p.label}`);
              link.addEventListener('click', () => ctx.showPoint(p.id));
              return h(
                'li',
                {},
                link,
                h('span', { class: 'note' }, ` — carried by ${o.carriers}; `),
                refButton(ctx, o.source),
                source ? h('div', { class: 'quote' }, opening(excerptText(source.text, o.excerpt), 24)) : null,
              );
            }),
          )
        : h('p', { class: 'empty' }, 'It leaves out no point the others carry.'),
    );
    if (omitted.length > shown.length) {
      const more = h('button', { type: 'button', class: 'link' }, `Show all ${omitted.length}`);
      more.addEventListener('click', () => {
        showAll = true;
        ctx.update({});
      });
      body.append(more);
    }
    const facts = model.analysis.missingFacts.filter((f) => f.doc === current.id);
    body.append(
      h('h3', {}, `Facts it drops from points it carries (${facts.length})`),
      facts.length
        ? h(
            'ul',
            { class: 'facts' },
            ...facts.slice(0, 60).map((f) =>
              h(
                'li',
                {},
                h('span', { class: `badge fact-${f.kind}` }, FACT_KIND[f.kind]),
                ' ',
                f.kind === 'quote' ? `“${opening(f.text, 18)}”${f.speaker ? ` (${f.speaker})` : ''}` : f.text,
                h('span', { class: 'note' }, ` — on ${f.point}, given by ${f.carriers} other${f.carriers === 1 ? '' : 's'}: `),
                refButton(ctx, f.source),
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'None: where it carries a point, it names the same people, numbers and sources.'),
    );
  }
  return section('omissions', 'Omissions', 'What each article leaves out that others carry.', tabs, body);
}
