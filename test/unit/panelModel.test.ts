import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PanelModel } from '../../src/shared/model';
import { analyzeFiles, LEAK } from '../helpers';


describe('the panel model', () => {
  const analysis = analyzeFiles(LEAK);
  const model = new PanelModel(analysis, { weakShare: 0.02 });
  const other = analysis.otherEvents[0]!;

  it('gives every cell of the grid a status that agrees with the points, the pairs and the omissions', () => {
    let aligned = 0;
    for (const p of analysis.points) {
      const omitters = analysis.omissions.filter((o) => o.point === p.id).map((o) => o.doc);
      assert.deepEqual(model.omitters(p), analysis.documents.map((d) => d.id).filter((d) => omitters.includes(d)));
      for (const d of analysis.documents) {
        const cell = model.cell(p, d.id);
        const carries = p.members.some((m) => m.doc === d.id);
        if (carries) {
          assert.ok(cell.status === 'covered' || cell.status === 'weak', `${p.id}/${d.id}`);
          assert.deepEqual(cell.first, p.members.find((m) => m.doc === d.id));
        } else if (d.id === other || !p.docs.some((x) => x !== other)) assert.equal(cell.status, 'outside');
        else if (omitters.includes(d.id)) assert.equal(cell.status, 'omitted');
        else {
          // Not left out: a paragraph of it is aligned with one of the point's, and the cell reveals that paragraph.
          assert.equal(cell.status, 'aligned', `${p.id}/${d.id}`);
          assert.equal(cell.first?.doc, d.id);
          const pairs = model.pairsOf(cell.first!);
          assert.ok(pairs.some((pair) => [pair.a, pair.b].some((r) => p.members.some((m) => m.doc === r.doc && m.paragraph === r.paragraph))));
          aligned++;
        }
      }
    }
    assert.ok(aligned > 0, 'some cells are aligned rather than omitted');
  });

  it('lists each article’s omissions in report order, and weighs each point by its articles’ shares', () => {
    for (const d of analysis.documents) assert.deepEqual(model.omissions(d.id), analysis.omissions.filter((o) => o.doc === d.id));
    assert.ok(analysis.documents.some((d) => model.omissions(d.id).length));
    for (const p of analysis.points) {
      const sum = analysis.emphasis.filter((e) => e.point === p.id).reduce((s, e) => s + e.share, 0);
      assert.ok(Math.abs(model.totalShare(p.id) - sum) < 1e-12, p.id);
    }
  });

  it('calls a small share weak: under the setting, or under half the article’s usual share', () => {
    const strict = new PanelModel(analysis, { weakShare: 1 });
    const lax = new PanelModel(analysis, { weakShare: 0 });
    const p = analysis.points.find((x) => x.docs.length > 1)!;
    const d = p.docs[0]!;
    assert.equal(lax.cell(p, d).status, 'covered');
    assert.equal(strict.cell(p, d).status, strict.cell(p, d).share < strict.weakBelow(d) ? 'weak' : 'covered');
    assert.ok(strict.weakBelow(d) <= 0.5);
  });

  it('counts each article’s coverage of the shared story, leaving the other episode out of the carriers', () => {
    const shared = analysis.points.filter((p) => p.docs.filter((d) => d !== other).length > 1);
    for (const d of analysis.documents) {
      const { covered, total } = model.coverage(d.id);
      assert.equal(total, shared.length);
      assert.equal(covered, shared.filter((p) => p.docs.includes(d.id)).length);
    }
    assert.deepEqual(model.flags(other), ['another episode']);
  });

  it('lists the grid rows shared or all, by story order, most carried or most omitted, and filters them', () => {
    const shared = model.gridRows({ rows: 'shared', sort: 'story' }, '');
    assert.ok(shared.every((p) => p.docs.length > 1));
    assert.equal(model.gridRows({ rows: 'all', sort: 'story' }, '').length, analysis.points.length);
    const carried = model.gridRows({ rows: 'all', sort: 'carried' }, '');
    for (let i = 1; i < carried.length; i++) assert.ok(model.carriers(carried[i - 1]!).size >= model.carriers(carried[i]!).size);
    const omitted = model.gridRows({ rows: 'all', sort: 'omitted' }, '');
    for (let i = 1; i < omitted.length; i++) assert.ok(model.omitters(omitted[i - 1]!).length >= model.omitters(omitted[i]!).length);
    const filtered = model.gridRows({ rows: 'all', sort: 'story' }, 'Ines Varro');
    assert.ok(filtered.length >= 1);
    assert.ok(filtered.every((p) => p.members.some((m) => model.paragraph(m)!.text.includes('Ines Varro')) || p.label.includes('Ines Varro')));
  });

  it('filters findings by kind and text', () => {
    assert.ok(model.findings(['conflict'], '').every((f) => f.kind === 'conflict'));
    assert.equal(model.findings([], '').length, analysis.findings.length);
    assert.ok(model.findings([], 'Solberg').every((f) => /solberg/i.test(f.text) || f.evidence.some((e) => /solberg/i.test(model.paragraph(e)!.text))));
  });
});
