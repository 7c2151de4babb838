import { quoted } from '../features/quoting';
import { baseName } from '../load/format';
import { alignedParagraphs, type Analysis, type DocumentReport, type Finding, type FindingKind, type ParagraphRef, type Point, type TextOffsets } from '../types';

/** Longest excerpt of a paragraph quoted in the report, in words. */
const EXCERPT_WORDS = 18;
/** How many omitted points carried by a single other article the report lists per article. */
const SINGLE_CARRIER_OMISSIONS = 5;
/** How many missing facts the report lists per article. */
const FACTS_PER_ARTICLE = 12;

const KIND_NAMES: Readonly<Record<FindingKind, string>> = {
  'different-event': 'another episode',
  conflict: 'conflict',
  emphasis: 'emphasis',
  unique: 'only here',
  wording: 'wording',
};

/**
 * A readable Markdown rendering of an analysis: findings first (most important first), then the coverage grid
 * (points × articles), omissions per article (points and facts), emphasis (frames and tone), wording, conflicts
 * and the aligned paragraphs. Article text is escaped, so it cannot inject markup.
 */
export function renderMarkdown(analysis: Analysis): string {
  const docs = new Map(analysis.documents.map((d) => [d.id, d]));
  const points = new Map(analysis.points.map((p) => [p.id, p]));
  const shared = analysis.points.filter((p) => p.docs.length > 1);
  const other = new Set(analysis.otherEvents);
  const out: string[] = [];
  out.push(`# Coverage Diff — ${analysis.documents.length} articles`, '');
  out.push(
    `${count(analysis.points.length, 'point')}, ${shared.length} of them carried by more than one article; ` +
      `${count(analysis.pairs.length, 'aligned paragraph pair')}; ${count(analysis.findings.length, 'finding')}.`,
    '',
  );

  out.push('## Articles', '', '| Id | Title | File | Words | Shared points covered |', '|---|---|---|---:|---:|');
  for (const d of analysis.documents) {
    const covered = shared.filter((p) => p.docs.includes(d.id)).length;
    const note = other.has(d.id) ? ' _(another episode)_' : '';
    out.push(`| ${d.id} | ${cell(d.title)}${note} | ${cell(baseName(d.path))} | ${d.words} | ${covered} of ${shared.length} |`);
  }
  out.push('');

  out.push(...findingsSection(analysis, docs));
  out.push(...gridSection(analysis, docs, shared));
  out.push(...omissionsSection(analysis, docs, points, other));
  out.push(...emphasisSection(analysis, docs));
  out.push(...kindSection('Wording', 'wording', '_No differences of wording found in the aligned paragraphs._', analysis, docs));
  out.push(...kindSection('Conflicts', 'conflict', '_No aligned statements contradict each other._', analysis, docs));

  out.push('## Aligned paragraphs', '');
  for (const p of shared) {
    out.push(`### ${p.id} · ${escape(p.label)}`, '');
    for (const m of p.members) out.push(`- ${refText(m, docs)}`);
    out.push('');
  }
  return out.join('\n');
}

/** Findings, most important first; an article's "only here" findings are gathered where its first one stands. */
function findingsSection(analysis: Analysis, docs: ReadonlyMap<string, DocumentReport>): string[] {
  const out = ['## Findings', ''];
  if (!analysis.findings.length) return [...out, '_No findings._', ''];
  const items: (Finding | { readonly doc: string; readonly list: Finding[] })[] = [];
  const uniqueOf = new Map<string, Finding[]>();
  for (const f of analysis.findings) {
    if (f.kind !== 'unique') {
      items.push(f);
      continue;
    }
    const doc = f.docs[0]!;
    const list = uniqueOf.get(doc);
    if (list) list.push(f);
    else {
      uniqueOf.set(doc, [f]);
      items.push({ doc, list: uniqueOf.get(doc)! });
    }
  }
  items.forEach((item, i) => {
    if ('kind' in item) {
      out.push(`${i + 1}. **${KIND_NAMES[item.kind]}** — ${escape(item.text)} ${evidence(item, docs)}`);
      return;
    }
    out.push(`${i + 1}. **${KIND_NAMES.unique}** — only ${escape(baseName(docs.get(item.doc)?.path ?? item.doc))} reports:`);
    for (const f of item.list) out.push(`   - ${escape(f.text.replace(/^Only [^:]+ reports: /, ''))} ${evidence(f, docs)}`);
  });
  return [...out, ''];
}

function gridSection(analysis: Analysis, docs: ReadonlyMap<string, DocumentReport>, shared: readonly Point[]): string[] {
  const out = ['## Coverage grid', ''];
  out.push('Each row is a point (one thing the coverage says). A cell gives the share of the article’s words it spends on');
  out.push('the point; **H** marks a headline or standfirst, **L** the lead (first two content paragraphs), — an omission;');
  out.push('≈ a paragraph aligned with one of the point’s but not close enough to group into it (not an omission).', '');
  const ids = analysis.documents.map((d) => d.id);
  out.push(`| Point | ${ids.join(' | ')} |`, `|---|${ids.map(() => '---:').join('|')}|`);
  const rows = new Map(analysis.emphasis.map((e) => [`${e.point}\u0000${e.doc}`, e]));
  const alignedTo = alignedParagraphs(analysis.pairs);
  for (const p of shared) {
    const aligned = new Set(p.members.flatMap((m) => (alignedTo.get(`${m.doc}#${m.paragraph}`) ?? []).map((r) => r.doc)));
    const cells = ids.map((id) => {
      const e = rows.get(`${p.id}\u0000${id}`);
      if (!e || e.firstParagraph === null) return aligned.has(id) ? '≈' : '—';
      return `${Math.round(e.share * 100)}%${e.inHeadline ? ' **H**' : ''}${e.inLead ? ' **L**' : ''}`;
    });
    const main = p.id === analysis.mainPoint ? ' _(main news)_' : '';
    out.push(`| ${p.id} ${cell(p.label)}${main} | ${cells.join(' | ')} |`);
  }
  const single = analysis.points.length - shared.length;
  if (single) out.push('', `_${single} points carried by one article only are listed under omissions._`);
  return [...out, ''];
}

function omissionsSection(
  analysis: Analysis,
  docs: ReadonlyMap<string, DocumentReport>,
  points: ReadonlyMap<string, Point>,
  other: ReadonlySet<string>,
): string[] {
  const out = ['## Omissions by article', ''];
  out.push('Points an article leaves out that others carry, the most carried and most prominent first; then facts it drops');
  out.push('from points it does carry (names, numbers, quotes, sources).', '');
  for (const d of analysis.documents) {
    out.push(`### ${d.id} · ${escape(d.title)}`, '');
    if (other.has(d.id)) {
      out.push('_Reports another episode: left out of omissions, as source and as omitter._', '');
      continue;
    }
    const missing = analysis.omissions.filter((o) => o.doc === d.id);
    if (!missing.length) out.push('_Leaves out no point the others carry._');
    // Every point several others carry; of those only one other carries, the most prominent few.
    const widely = missing.filter((o) => o.carriers >= 2);
    const once = missing.filter((o) => o.carriers < 2);
    const shown = [...widely, ...once.slice(0, SINGLE_CARRIER_OMISSIONS)];
    for (const o of shown) {
      const p = points.get(o.point)!;
      out.push(`- ${p.id} ${escape(p.label)} — carried by ${o.carriers} (${p.docs.filter((x) => !other.has(x)).join(', ')}); see ${refText(o.source, docs, o.excerpt)}`);
    }
    if (missing.length > shown.length) out.push(`- _and ${missing.length - shown.length} more points that one other article carries (in the JSON report)._`);
    const facts = analysis.missingFacts.filter((f) => f.doc === d.id);
    if (facts.length) {
      out.push('', 'Facts it drops from points it carries:', '');
      for (const f of facts.slice(0, FACTS_PER_ARTICLE)) {
        const what =
          f.kind === 'quote' ? `the quote ${escape(quoted(clip(f.text)))}${f.speaker ? ` (${escape(f.speaker)})` : ''}`
          : f.kind === 'attribution' ? `the source ${escape(f.text)}`
          : f.kind === 'number' ? `the number “${escape(f.text)}”`
          : escape(f.text);
        out.push(`- ${what}, on ${f.point} — given by ${f.carriers} other${f.carriers === 1 ? '' : 's'}, e.g. ${refText(f.source, docs, f.excerpt)}`);
      }
      if (facts.length > FACTS_PER_ARTICLE) out.push(`- _and ${facts.length - FACTS_PER_ARTICLE} more (in the JSON report)._`);
    }
    out.push('');
  }
  return out;
}

function emphasisSection(analysis: Analysis, docs: ReadonlyMap<string, DocumentReport>): string[] {
  const out = ['## Emphasis', ''];
  const findings = analysis.findings.filter((f) => f.kind === 'emphasis');
  for (const f of findings) out.push(`- ${escape(f.text)} ${evidence(f, docs)}`);
  if (findings.length) out.push('');
  out.push('Where each article spends its words (frames), and its tone per 100 words:', '');
  out.push('| Article | Frames | Hedges | Attributions | Loaded words | Sentiment |', '|---|---|---:|---:|---:|---:|');
  for (const p of analysis.profiles) {
    const frames = p.frames
      .filter((f) => f.share >= 0.05)
      .slice(0, 3)
      .map((f) => `${escape(f.label)} ${Math.round(f.share * 100)}%`)
      .join('; ');
    const t = p.tone;
    const examples = (words: readonly string[]) => (words.length ? ` (${words.map(escape).join(', ')})` : '');
    out.push(
      `| ${p.doc} | ${frames || '—'} | ${t.hedgesPer100.toFixed(1)}${examples(t.examples.hedges)} | ${t.attributionsPer100.toFixed(1)}${examples(t.examples.attributions)} | ` +
        `${t.loadedPer100.toFixed(1)}${examples(t.examples.loaded)} | ${t.sentiment >= 0 ? '+' : ''}${t.sentiment.toFixed(2)} |`,
    );
  }
  return [...out, ''];
}

function kindSection(title: string, kind: FindingKind, none: string, analysis: Analysis, docs: ReadonlyMap<string, DocumentReport>): string[] {
  const out = [`## ${title}`, ''];
  const list = analysis.findings.filter((f) => f.kind === kind);
  if (!list.length) out.push(none);
  for (const f of list) out.push(`- ${escape(f.text)} ${evidence(f, docs)}`);
  return [...out, ''];
}

function evidence(f: Finding, docs: ReadonlyMap<string, DocumentReport>): string {
  const refs = f.evidence.slice(0, 4).map((r) => `${r.doc} ¶${r.paragraph + 1} (line ${docs.get(r.doc)?.paragraphs[r.paragraph]?.startLine ?? '?'})`);
  const more = f.evidence.length > 4 ? ` and ${f.evidence.length - 4} more` : '';
  return refs.length ? `— ${refs.join(', ')}${more}` : '';
}

/** "d1 ¶3, line 12: “opening words…”" */
/** A paragraph's reference and, quoted, its opening or (when given) the sentence at `part`. */
function refText(r: ParagraphRef, docs: ReadonlyMap<string, DocumentReport>, part?: TextOffsets): string {
  const p = docs.get(r.doc)?.paragraphs[r.paragraph];
  if (!p) return `${r.doc} ¶${r.paragraph + 1}`;
  const said = part ? `${part.start > 0 ? '…' : ''}${p.text.slice(part.start, part.end)}` : p.text;
  return `${r.doc} ¶${r.paragraph + 1}, line ${p.startLine}: ${escape(quoted(excerpt(said)))}`;
}

function excerpt(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= EXCERPT_WORDS ? text : words.slice(0, EXCERPT_WORDS).join(' ') + '…';
}

function clip(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 14 ? text : `${words.slice(0, 14).join(' ')}…`;
}

/** Escapes text so Markdown renders it literally (no links, emphasis, HTML, tables or headings from article text). */
export function escape(text: string): string {
  return text
    .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
    // An underscore inside a word never starts emphasis ("000_92c5.txt"); only those at a word's edge need escaping.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*)(\d+)\./, '$1$2\\.');
}

function cell(text: string): string {
  return escape(text).replace(/\r?\n/g, ' ');
}

/** "1 point", "3 points". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
