import { shortName } from '../../shared/model';
import { h, percent } from '../dom';
import { findingItem } from './findings';
import { section, type ViewContext } from './context';

/** Shared points charted (the ones carrying most words overall). */
const CHART_POINTS = 8;

/**
 * Emphasis: the emphasis findings; a chart of the share of words each article spends on the main shared points
 * (a table of bars: one row per article, one column per point); and each article's frames and tone line.
 */
export function emphasisView(ctx: ViewContext): HTMLElement {
  const { model } = ctx;
  const shared = model.points.filter((p) => p.docs.length > 1);
  const top = [...shared].sort((a, b) => model.totalShare(b.id) - model.totalShare(a.id)).slice(0, CHART_POINTS);
  const most = Math.max(0.01, ...top.flatMap((p) => model.docs.map((d) => model.emphasis(p.id, d.id)?.share ?? 0)));
  const chart = top.length
    ? h(
        'table',
        { class: 'chart', 'aria-label': 'Share of words per point per article' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Article'),
            ...top.map((p, k) => h('th', { scope: 'col', title: p.label, class: `series-${k % 6}` }, p.id)),
          ),
        ),
        h(
          'tbody',
          {},
          ...model.docs.map((d) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row', title: d.title }, d.id, h('span', { class: 'doc-name' }, shortName(d.path))),
              ...top.map((p, k) => {
                const e = model.emphasis(p.id, d.id);
                const share = e?.share ?? 0;
                return h(
                  'td',
                  { title: `${d.id} on ${p.id} (${p.label}): ${percent(share)} of its words${e?.inHeadline ? ', in the headline' : ''}` },
                  h('div', { class: `hbar series-${k % 6}`, style: `width:${Math.round((share / most) * 100)}%` }),
                  h('span', { class: 'hbar-label' }, percent(share), e?.inHeadline ? ' H' : ''),
                );
              }),
            ),
          ),
        ),
      )
    : h('p', { class: 'empty' }, 'No point is shared by two articles.');
  const legend = h('ul', { class: 'chart-legend' }, ...top.map((p, k) => h('li', {}, h('span', { class: `swatch series-${k % 6}` }), ` ${p.id} ${p.label}`)));
  const findings = model.analysis.findings.filter((f) => f.kind === 'emphasis');
  const profiles = h(
    'table',
    { class: 'profiles' },
    h(
      'thead',
      {},
      h('tr', {}, ...['Article', 'Frames (share of words)', 'Hedges /100', 'Attributions /100', 'Loaded /100', 'Sentiment'].map((t) => h('th', { scope: 'col' }, t))),
    ),
    h(
      'tbody',
      {},
      ...model.analysis.profiles.map((p) => {
        const t = p.tone;
        const examples = (words: readonly string[]) => (words.length ? h('span', { class: 'examples' }, ` ${words.join(', ')}`) : null);
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, p.doc),
          h('td', {}, p.frames.filter((f) => f.share >= 0.05).slice(0, 3).map((f) => `${f.label} ${percent(f.share)}`).join('; ') || '—'),
          h('td', { class: 'num' }, t.hedgesPer100.toFixed(1), examples(t.examples.hedges)),
          h('td', { class: 'num' }, t.attributionsPer100.toFixed(1), examples(t.examples.attributions)),
          h('td', { class: 'num' }, t.loadedPer100.toFixed(1), examples(t.examples.loaded)),
          h('td', { class: 'num' }, `${t.sentiment >= 0 ? '+' : ''}${t.sentiment.toFixed(2)}`),
        );
      }),
    ),
  );
  return section(
    'emphasis',
    'Emphasis',
    'Where each article puts its words: the points it leads with or dwells on, its frames, and its tone.',
    findings.length ? h('ol', { class: 'findings' }, ...findings.map((f) => findingItem(ctx, f))) : null,
    h('h3', {}, 'Share of words on the main shared points'),
    h('div', { class: 'chart-scroll' }, chart),
    legend,
    h('h3', {}, 'Frames and tone'),
    h('div', { class: 'chart-scroll' }, profiles),
  );
}
