import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { NOT_CONTENT_KINDS, renderMarkdown, toReportJson, type Analysis, type ParagraphKind } from '../../src/core';
import { analyzeFiles, analyzeTexts, DAM_SPILLWAY, FERRY, LEAK, PORT_STRIKE } from '../helpers';

const KINDS: ParagraphKind[] = ['headline', 'standfirst', 'heading', 'body', 'list', 'quote', 'caption', 'byline', 'furniture'];
const FINDING_KINDS = ['different-event', 'unique', 'conflict', 'emphasis', 'wording'];

function paragraphOf(a: Analysis, ref: { doc: string; paragraph: number }) {
  const doc = a.documents.find((d) => d.id === ref.doc);
  assert.ok(doc, `unknown document ${ref.doc}`);
  const p = doc.paragraphs[ref.paragraph];
  assert.ok(p, `unknown paragraph ${ref.doc} ¶${ref.paragraph}`);
  return p;
}

describe('the JSON report (EVAL.md contract, schemaVersion 1)', () => {
  const analysis = analyzeFiles(PORT_STRIKE);
  const report = JSON.parse(toReportJson(analysis)) as Analysis;

  it('has the contract fields at the top', () => {
    assert.equal(report.schemaVersion, 1);
    for (const key of ['documents', 'pairs', 'points', 'omissions', 'emphasis', 'findings']) assert.ok(Array.isArray((report as never)[key]), key);
  });

  it('lists documents in input order with stable ids and paths as given', () => {
    assert.deepEqual(
      report.documents.map((d) => d.id),
      ['d0', 'd1', 'd2', 'd3'],
    );
    assert.deepEqual(
      report.documents.map((d) => d.path),
      PORT_STRIKE,
    );
    for (const d of report.documents) assert.ok(d.title.length > 0);
  });

  it('gives each paragraph index, lines, offsets, kind and text', () => {
    for (const d of report.documents) {
      d.paragraphs.forEach((p, i) => {
        assert.equal(p.index, i);
        assert.ok(Number.isInteger(p.startLine) && p.startLine >= 1 && p.endLine >= p.startLine);
        assert.ok(Number.isInteger(p.start) && p.end > p.start);
        assert.ok(KINDS.includes(p.kind), p.kind);
        assert.equal(typeof p.text, 'string');
      });
    }
  });

  it('accepts only cross-article pairs, each once, scored in [0, 1], never of a not-content paragraph', () => {
    const seen = new Set<string>();
    assert.ok(report.pairs.length > 0);
    for (const pr of report.pairs) {
      assert.notEqual(pr.a.doc, pr.b.doc);
      assert.ok(pr.score >= 0 && pr.score <= 1);
      const key = [`${pr.a.doc}#${pr.a.paragraph}`, `${pr.b.doc}#${pr.b.paragraph}`].sort().join('|');
      assert.ok(!seen.has(key), `pair ${key} twice`);
      seen.add(key);
      for (const r of [pr.a, pr.b]) assert.ok(!NOT_CONTENT_KINDS.has(paragraphOf(report, r).kind));
    }
  });

  it('puts every aligned content paragraph in one point, or two when it carries two; members ordered by article then paragraph', () => {
    const seen = new Map<string, number>();
    for (const p of report.points) {
      assert.match(p.id, /^p\d+$/);
      assert.ok(p.label.length > 0);
      assert.ok(p.members.length > 0);
      for (let i = 1; i < p.members.length; i++) {
        const [a, b] = [p.members[i - 1]!, p.members[i]!];
        const order = Number(a.doc.slice(1)) - Number(b.doc.slice(1)) || a.paragraph - b.paragraph;
        assert.ok(order < 0, `${p.id} members out of order`);
      }
      for (const m of p.members) {
        const key = `${m.doc}#${m.paragraph}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        assert.ok(seen.get(key)! <= 2, `${key} in more than two points`);
        assert.ok(!NOT_CONTENT_KINDS.has(paragraphOf(report, m).kind));
      }
    }
    for (const d of report.documents) {
      for (const p of d.paragraphs) if (p.kind === 'body') assert.ok(seen.has(`${d.id}#${p.index}`), `${d.id} ¶${p.index} in no point`);
    }
  });

  it('reports an omission for every article a point is missing from (no paragraph of it aligned with the point’s), sourced from a carrier', () => {
    for (const o of report.omissions) {
      const point = report.points.find((p) => p.id === o.point)!;
      assert.ok(!point.members.some((m) => m.doc === o.doc));
      assert.ok(point.members.some((m) => m.doc === o.source.doc && m.paragraph === o.source.paragraph));
    }
    // Every article that neither carries the point nor has a paragraph aligned with one of its paragraphs.
    const isMember = (p: (typeof report.points)[number], r: { doc: string; paragraph: number }) => p.members.some((m) => m.doc === r.doc && m.paragraph === r.paragraph);
    const expected = report.points.reduce((n, p) => {
      const aligned = new Set(report.pairs.flatMap((pair) => [...(isMember(p, pair.a) ? [pair.b.doc] : []), ...(isMember(p, pair.b) ? [pair.a.doc] : [])]));
      return n + report.documents.filter((d) => !p.members.some((m) => m.doc === d.id) && !aligned.has(d.id)).length;
    }, 0);
    assert.ok(expected > 0);
    assert.equal(report.omissions.length, expected);
  });

  it('measures emphasis as a share of content words, with the first paragraph and headline presence', () => {
    for (const e of report.emphasis) {
      assert.ok(e.share >= 0 && e.share <= 1);
      const point = report.points.find((p) => p.id === e.point)!;
      const own = point.members.filter((m) => m.doc === e.doc);
      assert.equal(e.firstParagraph, own.length ? Math.min(...own.map((m) => m.paragraph)) : null);
      // A headline paragraph among its members puts it in the headline (a clause of a headline may too).
      if (own.some((m) => ['headline', 'standfirst'].includes(paragraphOf(report, m).kind))) assert.ok(e.inHeadline);
      if (!own.length) assert.equal(e.inHeadline, false);
    }
    for (const d of report.documents) {
      const total = report.emphasis.filter((e) => e.doc === d.id).reduce((s, e) => s + e.share, 0);
      assert.ok(total <= 1.0001, `${d.id} shares sum to ${total}`);
    }
  });

  it('gives findings a known kind, articles, and evidence that is never page furniture', () => {
    for (const f of report.findings) {
      assert.ok(FINDING_KINDS.includes(f.kind));
      assert.ok(f.docs.length > 0 && f.text.length > 0);
      for (const e of f.evidence) assert.ok(!NOT_CONTENT_KINDS.has(paragraphOf(report, e).kind));
    }
  });
});

describe('quotation marks in what the report says', () => {
  it('pairs them in every point label and finding, and in the Markdown, over the fixture sets', () => {
    // Labels and finding texts quote stretches of sentences; one cut out of a quotation once showed a lone mark
    // (“Only valley-courier.txt reports: …the sirens started," said Lena Marsh…”).
    const unpaired = (text: string) => {
      const curly = [...text].reduce((depth, c) => (depth < 0 ? depth : c === '“' ? depth + 1 : c === '”' ? depth - 1 : depth), 0);
      return curly !== 0 || (text.match(/"/g) ?? []).length % 2 === 1;
    };
    let texts = 0;
    for (const set of [LEAK, PORT_STRIKE, DAM_SPILLWAY, FERRY]) {
      const analysis = analyzeFiles(set);
      const said = [...analysis.points.map((p) => p.label), ...analysis.findings.map((f) => f.text)];
      texts += said.length;
      for (const text of said) assert.ok(!unpaired(text), text);
      for (const line of renderMarkdown(analysis).split('\n')) assert.ok(!unpaired(line), line);
    }
    assert.ok(texts > 40, `${texts} labels and findings read`);
  });
});

describe('the Markdown report', () => {
  it('puts findings first, then the coverage grid, omissions, emphasis, wording and conflicts', () => {
    const md = renderMarkdown(analyzeFiles(PORT_STRIKE));
    const order = ['## Findings', '## Coverage grid', '## Omissions by article', '## Emphasis', '## Wording', '## Conflicts', '## Aligned paragraphs'].map((h) => md.indexOf(h));
    assert.ok(order.every((at) => at >= 0), `missing a section: ${order}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
  });


  it('names every article and escapes article text', () => {
    const a = analyzeTexts({
      'one.txt': 'Hostile <script>alert(1)</script> headline\n\nThe council met on [Monday](http://evil) to discuss **the harbour** budget and the dredging plan.\n',
      'two.txt': 'Another headline | with a pipe\n\nThe council met on Monday to discuss the harbour budget and the dredging plan for the quays.\n',
    });
    const md = renderMarkdown(a);
    assert.match(md, /one\.txt/);
    assert.match(md, /two\.txt/);
    // Rendered even by a Markdown engine that passes HTML through, article text stays text.
    const html = new MarkdownIt({ html: true }).render(md);
    assert.ok(!html.includes('<script>'), 'raw HTML from an article must not pass through');
    assert.ok(!html.includes('href="http://evil"'), 'links from an article must not pass through');
    assert.ok(!html.includes('<strong>the harbour</strong>'), 'emphasis from an article must not pass through');
    assert.ok(html.includes('&lt;script&gt;'));
  });
});
