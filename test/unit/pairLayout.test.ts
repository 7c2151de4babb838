import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PanelModel } from '../../src/shared/model';
import { lensTitle, paragraphAtLine, paragraphNote, sameToll } from '../../src/shared/notes';
import { isContent, layoutPair } from '../../src/shared/pairLayout';
import { analyzeFiles, LEAK, MINE_COLLAPSE } from '../helpers';


describe('two articles laid out paragraph facing paragraph', () => {
  const analysis = analyzeFiles(LEAK);
  const sharesPoint = (a: { doc: string; paragraph: number }, b: { doc: string; paragraph: number }) =>
    analysis.points.some((p) => p.members.some((m) => m.doc === a.doc && m.paragraph === a.paragraph) && p.members.some((m) => m.doc === b.doc && m.paragraph === b.paragraph));

  for (const [left, right] of [['d1', 'd2'], ['d2', 'd1'], ['d1', 'd4'], ['d3', 'd0']] as const) {
    it(`${left} against ${right}: every content paragraph once, the left in order, facing rows share a point`, () => {
      const layout = layoutPair(analysis, left, right);
      const lefts = layout.rows.filter((r) => r.left && r.kind !== 'continued').map((r) => r.left!.paragraph);
      const rights = layout.rows.filter((r) => r.right && r.kind !== 'merged').map((r) => r.right!.paragraph);
      assert.deepEqual(lefts, layout.left.paragraphs.filter(isContent).map((p) => p.index), 'the left article in its own order, each paragraph once');
      assert.deepEqual([...rights].sort((a, b) => a - b), layout.right.paragraphs.filter(isContent).map((p) => p.index), 'every right paragraph once');
      for (const row of layout.rows) {
        if (row.kind === 'aligned' || row.kind === 'continued' || row.kind === 'merged') {
          assert.ok(sharesPoint(row.left!, row.right!), `${JSON.stringify(row)} faces a paragraph of another point`);
          assert.ok(row.points.length > 0);
        } else if (row.kind === 'left-only') {
          assert.ok(!layout.right.paragraphs.some((p) => sharesPoint(row.left!, { doc: right, paragraph: p.index })), 'a left-only paragraph has a partner');
        } else {
          assert.ok(!layout.left.paragraphs.some((p) => sharesPoint({ doc: left, paragraph: p.index }, row.right!)), 'a right-only paragraph has a partner');
        }
      }
    });
  }

  it('rearranges the right article where its telling differs, and shows a merge where one paragraph carries two', () => {
    const ids = analysis.documents.map((d) => d.id);
    const layouts = ids.flatMap((l) => ids.filter((r) => r !== l).map((r) => layoutPair(analysis, l, r)));
    const rearranged = layouts.filter((layout) => {
      const rights = layout.rows.filter((r) => r.kind === 'aligned' || r.kind === 'continued').map((r) => r.right!.paragraph);
      return rights.some((r, i) => i > 0 && r < rights[i - 1]!);
    });
    assert.ok(rearranged.length > 0, 'no pair of the fixture articles tells the story in another order');
    for (const layout of layouts) {
      for (const row of layout.rows.filter((r) => r.kind === 'merged')) {
        assert.ok(layout.rows.some((r) => (r.kind === 'aligned' || r.kind === 'continued') && r.right!.paragraph === row.right!.paragraph), 'a merged row points at a paragraph shown elsewhere');
      }
    }
  });

  it('refuses an article that is not in the comparison, and an article set against itself', () => {
    assert.throws(() => layoutPair(analysis, 'd1', 'd9'), /no article d9/);
    assert.throws(() => layoutPair(analysis, 'd1', 'd1'), /another one/);
  });
});

describe('the note on one paragraph', () => {
  const analysis = analyzeFiles(LEAK);
  const model = new PanelModel(analysis, { weakShare: 0.02 });

  it('names the articles that carry its point and those that leave it out, with their emphasis', () => {
    const point = analysis.points.find((p) => p.docs.length >= 3 && p.docs.length < analysis.documents.length - 1)!;
    const ref = point.members[0]!;
    const note = paragraphNote(model, ref)!;
    const pn = note.points.find((p) => p.point.id === point.id)!;
    assert.deepEqual(pn.others.map((o) => o.doc), point.docs.filter((d) => d !== ref.doc));
    assert.deepEqual(pn.omitters, model.omitters(point));
    for (const o of pn.others) assert.equal(o.share, model.emphasis(point.id, o.doc)?.share ?? 0);
    assert.ok(note.coveredBy >= point.docs.length);
    assert.equal(note.articles, 5);
  });

  it('marks a paragraph nobody else carries as only here, and one cited by a conflict as in conflict', () => {
    const unique = analysis.findings.find((f) => f.kind === 'unique')!;
    const note = paragraphNote(model, unique.evidence[0]!)!;
    assert.equal(note.onlyHere, true);
    assert.equal(note.coveredBy, 1);
    const conflict = analysis.findings.find((f) => f.kind === 'conflict')!;
    for (const e of conflict.evidence) assert.ok(paragraphNote(model, e)!.conflicts.includes(conflict));
  });

  it('gives wording seen from the paragraph (its own word first)', () => {
    const s = analysis.substitutions[0]!;
    const fromB = paragraphNote(model, s.b)!;
    const w = fromB.wording.find((x) => x.b.doc === s.a.doc && x.b.paragraph === s.a.paragraph)!;
    assert.equal(w.a.text, s.b.text);
    assert.equal(w.b.text, s.a.text);
  });

  it('has no note for a byline or a line outside the article, and finds a paragraph by its line', () => {
    const byline = analysis.documents.flatMap((d) => d.paragraphs.map((p) => ({ d, p }))).find(({ p }) => p.kind === 'byline');
    if (byline) assert.equal(paragraphNote(model, { doc: byline.d.id, paragraph: byline.p.index }), null);
    const d = analysis.documents[1]!;
    const p = d.paragraphs[2]!;
    assert.equal(paragraphAtLine(model, d.id, p.startLine - 1), p);
    assert.equal(paragraphAtLine(model, d.id, 100_000), undefined);
  });
});

describe('the CodeLens title over a paragraph', () => {
  it('says covered by, only here, or its own point when others are aligned with it, as its note says', () => {
    const seen = new Set<string>();
    for (const files of [LEAK, MINE_COLLAPSE]) {
      const analysis = analyzeFiles(files);
      const model = new PanelModel(analysis, { weakShare: 0.02 });
      for (const d of analysis.documents) {
        for (const p of d.paragraphs) {
          const note = paragraphNote(model, { doc: d.id, paragraph: p.index });
          if (!note) continue;
          const title = lensTitle(note);
          if (title === null) {
            assert.equal(p.kind, 'heading');
            continue;
          }
          const wording = title.split(' · ')[0]!;
          seen.add(wording.replace(/\d+/g, 'N'));
          if (!note.onlyHere) {
            assert.equal(wording, `covered by ${note.coveredBy} of ${analysis.documents.length}`);
            const left = new Set(note.points.flatMap((x) => x.omitters)).size;
            assert.equal(title.includes(`left out by ${left}`), left > 0, title);
          } else if (note.matches.length && !sameToll(note)) {
            // Others' paragraphs are aligned with it: it is its own point, not "only in this article".
            assert.ok(title.startsWith(`its own point · aligned in ${note.matches.length} other`), title);
          } else {
            assert.match(title, /^only in this article/);
            assert.equal(title.includes('the same toll in'), note.matches.length > 0, title);
          }
        }
      }
    }
    for (const wording of ['covered by N of N', 'only in this article', 'its own point']) assert.ok(seen.has(wording), `no “${wording}” lens: ${[...seen].join('; ')}`);
  });
});

describe('the note on a paragraph aligned outside its points', () => {
  // The mine collapse: the deaths in different words, which no point groups.
  const analysis = analyzeFiles(MINE_COLLAPSE);
  const model = new PanelModel(analysis, { weakShare: 0.02 });
  const refOf = (re: RegExp) => {
    for (const d of analysis.documents) for (const p of d.paragraphs) if (re.test(p.text)) return { doc: d.id, paragraph: p.index };
    throw new Error(`no paragraph ${re}`);
  };

  it('lists the other article’s aligned paragraph with the facet both report, once per article', () => {
    const note = paragraphNote(model, refOf(/^Three miners were killed/))!;
    const dead = refOf(/^The dead include/);
    // No point groups the two (they share almost no words); the pair says they report the same deaths.
    assert.ok(!note.points.some((p) => p.others.some((o) => o.doc === dead.doc)));
    assert.deepEqual(
      note.matches.map((m) => [m.ref, m.facets]),
      [[dead, ['deaths']]],
    );
    assert.equal(note.onlyHere, true);
  });

  it('lists the paragraph reporting the same toll, not a better-scored pair about something else', () => {
    // "The dead include…" is also paired with the rescue paragraph (a similar text), which reports no toll.
    const note = paragraphNote(model, refOf(/^The dead include/))!;
    assert.ok(model.pairsOf(refOf(/^The dead include/)).some((p) => !p.evidence.sharedFacets.length));
    assert.deepEqual(
      note.matches.map((m) => m.ref),
      [refOf(/^Three miners were killed/)],
    );
  });

  it('lists, once per article, every article aligned with a paragraph of the leak without carrying its points', () => {
    const leak = analyzeFiles(LEAK);
    const leakModel = new PanelModel(leak, { weakShare: 0.02 });
    let plain = 0;
    for (const d of leak.documents) {
      for (const p of d.paragraphs) {
        const ref = { doc: d.id, paragraph: p.index };
        const note = paragraphNote(leakModel, ref);
        if (!note) continue;
        const carriers = new Set([d.id, ...note.points.flatMap((x) => x.point.docs)]);
        const paired = new Set(leakModel.pairsOf(ref).flatMap((x) => [x.a.doc, x.b.doc]).filter((x) => !carriers.has(x)));
        assert.deepEqual(new Set(note.matches.map((m) => m.ref.doc)), paired, `${d.id} ¶${p.index + 1}`);
        assert.equal(note.matches.length, paired.size);
        plain += note.matches.filter((m) => !m.facets.length).length;
      }
    }
    assert.ok(plain > 0, 'some aligned paragraphs report no facet of the toll: a plain pair too loose to join the point');
  });

  it('lists nothing for a paragraph aligned with nothing', () => {
    assert.deepEqual(paragraphNote(model, refOf(/^Shares in Harlow/))!.matches, []);
  });
});
