import { baseName } from '../load/format';
import type { Analysis, DocumentReport, Finding, ParagraphRef } from '../types';

/** Longest excerpt of a paragraph quoted in the report, in words. */
const EXCERPT_WORDS = 18;

/**
 * A readable Markdown rendering of an analysis: findings first, then the coverage grid, omissions per
 * article, emphasis and the aligned paragraphs. Article text is escaped, so it cannot inject markup.
 */
export function renderMarkdown(analysis: Analysis): string {
  const docs = new Map(analysis.documents.map((d) => [d.id, d]));
  const shared = analysis.points.filter((p) => p.docs.length > 1);
  const out: string[] = [];
  out.push(`# Coverage Diff — ${analysis.documents.length} articles`, '');
  out.push(
    `${analysis.points.length} points, ${shared.length} of them carried by more than one article; ` +
      `${analysis.pairs.length} aligned paragraph pairs.`,
    '',
  );

  out.push('## Articles', '', '| Id | Title | File | Words | Shared points covered |', '|---|---|---|---:|---:|');
  for (const d of analysis.documents) {
    const covered = shared.filter((p) => p.docs.includes(d.id)).length;
    out.push(`| ${d.id} | ${cell(d.title)} | ${cell(baseName(d.path))} | ${d.words} | ${covered} of ${shared.length} |`);
  }
  out.push('');

  out.push('## Findings', '');
  if (!analysis.findings.length) out.push('_No findings._');
  analysis.findings.forEach((f, i) => out.push(`${i + 1}. **${f.kind}** — ${escape(f.text)} ${evidence(f, docs)}`));
  out.push('');

  out.push('## Coverage grid', '');
  out.push('Each row is a point (one thing the coverage says). A cell gives the share of the article’s words it spends on');
  out.push('the point; **H** marks a headline or standfirst, **L** the lead (first two content paragraphs), — an omission.', '');
  const ids = analysis.documents.map((d) => d.id);
  out.push(`| Point | ${ids.join(' | ')} |`, `|---|${ids.map(() => '---:').join('|')}|`);
  const rows = new Map(analysis.emphasis.map((e) => [`${e.point}\u0000${e.doc}`, e]));
  for (const p of shared) {
    const cells = ids.map((id) => {
      const e = rows.get(`${p.id}\u0000${id}`);
      if (!e || e.firstParagraph === null) return '—';
      const lead = isLead(docs.get(id)!, e.firstParagraph);
      return `${Math.round(e.share * 100)}%${e.inHeadline ? ' **H**' : ''}${lead ? ' **L**' : ''}`;
    });
    out.push(`| ${p.id} ${cell(p.label)} | ${cells.join(' | ')} |`);
  }
  const single = analysis.points.length - shared.length;
  if (single) out.push('', `_${single} points carried by one article only are listed under omissions._`);
  out.push('');

  out.push('## Omissions by article', '');
  const byPoint = new Map(analysis.points.map((p) => [p.id, p]));
  for (const d of analysis.documents) {
    const missing = analysis.omissions.filter((o) => o.doc === d.id);
    out.push(`### ${d.id} · ${escape(d.title)}`, '');
    if (!missing.length) out.push('_Leaves out nothing the others carry._');
    for (const o of missing) {
      const p = byPoint.get(o.point)!;
      out.push(`- ${p.id} ${escape(p.label)} — carried by ${p.docs.join(', ')}; see ${refText(o.source, docs)}`);
    }
    out.push('');
  }

  out.push('## Emphasis', '');
  for (const d of analysis.documents) {
    const top = analysis.emphasis
      .filter((e) => e.doc === d.id && e.share > 0)
      .sort((a, b) => b.share - a.share)
      .slice(0, 5);
    if (!top.length) continue;
    const parts = top.map((e) => `${Math.round(e.share * 100)}% on ${e.point} (${escape(byPoint.get(e.point)!.label)})`);
    out.push(`- **${d.id}** spends ${parts.join('; ')}.`);
  }
  out.push('');

  out.push('## Aligned paragraphs', '');
  for (const p of shared) {
    out.push(`### ${p.id} · ${escape(p.label)}`, '');
    for (const m of p.members) out.push(`- ${refText(m, docs)}`);
    out.push('');
  }
  return out.join('\n');
}

function isLead(doc: DocumentReport, paragraph: number): boolean {
  const content = doc.paragraphs.filter((p) => p.kind === 'body' || p.kind === 'quote' || p.kind === 'list');
  return content.slice(0, 2).some((p) => p.index === paragraph);
}

function evidence(f: Finding, docs: ReadonlyMap<string, DocumentReport>): string {
  const refs = f.evidence.slice(0, 4).map((r) => `${r.doc} ¶${r.paragraph + 1} (line ${docs.get(r.doc)?.paragraphs[r.paragraph]?.startLine ?? '?'})`);
  const more = f.evidence.length > 4 ? ` and ${f.evidence.length - 4} more` : '';
  return refs.length ? `— ${refs.join(', ')}${more}` : '';
}

/** "d1 ¶3, line 12: “opening words…”" */
function refText(r: ParagraphRef, docs: ReadonlyMap<string, DocumentReport>): string {
  const p = docs.get(r.doc)?.paragraphs[r.paragraph];
  if (!p) return `${r.doc} ¶${r.paragraph + 1}`;
  return `${r.doc} ¶${r.paragraph + 1}, line ${p.startLine}: “${escape(excerpt(p.text))}”`;
}

function excerpt(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= EXCERPT_WORDS ? text : words.slice(0, EXCERPT_WORDS).join(' ') + '…';
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

