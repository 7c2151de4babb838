import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Analysis } from '../../src/core';
import { analyze } from '../../src/core';
import { analyzeFiles, analyzeTexts, DAM_SPILLWAY, MINE_COLLAPSE, PORT_STRIKE, shippedVectors } from '../helpers';

/** Is some paragraph of `a` whose text matches `x` aligned with some paragraph of `b` matching `y`? */
function aligned(analysis: Analysis, x: RegExp, y: RegExp): boolean {
  const text = (r: { doc: string; paragraph: number }) => analysis.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!.text;
  return analysis.pairs.some((p) => (x.test(text(p.a)) && y.test(text(p.b))) || (y.test(text(p.a)) && x.test(text(p.b))));
}

function samePoint(analysis: Analysis, x: RegExp, y: RegExp): boolean {
  const text = (r: { doc: string; paragraph: number }) => analysis.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!.text;
  return analysis.points.some((p) => p.members.some((m) => x.test(text(m))) && p.members.some((m) => y.test(text(m))));
}

describe('first alignment', () => {
  const analysis = analyzeFiles(PORT_STRIKE);

  it('aligns paraphrased leads across outlets', () => {
    assert.ok(aligned(analysis, /^About 4,000 dockworkers/, /^Thousands of dockworkers walked off/));
    assert.ok(aligned(analysis, /^About 4,000 dockworkers/, /^CALDERON, June 3/));
  });

  it('aligns the same actor reported in different words into one point', () => {
    assert.ok(samePoint(analysis, /^Transport Minister Elias Varga urged/, /^Transport Minister Elias Varga said he would meet/));
    assert.ok(samePoint(analysis, /^Transport Minister Elias Varga urged/, /^Transport Minister Elias Varga has called/));
  });

  it('does not align paragraphs about different things', () => {
    assert.ok(!aligned(analysis, /^Transport Minister/, /^Fruit exporters said refrigerated/));
    assert.ok(!aligned(analysis, /^Union leader Rosa Imani said the walkout/, /^Exporters warned/));
  });

  it('aligns regardless of the order paragraphs come in', () => {
    const [first, second] = PORT_STRIKE.map((f) => readFileSync(f, 'utf8'));
    const blocks = first!.split('\n\n');
    // Keep the top (headline, standfirst, byline, lead) in place and reverse the rest of the story.
    const reordered = [...blocks.slice(0, 3), ...blocks.slice(3).reverse()].join('\n\n');
    const a = analyzeTexts({ 'original.txt': first!, 'other.txt': second! });
    const b = analyzeTexts({ 'original.txt': reordered, 'other.txt': second! });
    const textPairs = (x: Analysis) =>
      x.pairs
        .map((p) => [p.a, p.b].map((r) => x.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!.text).join(' || '))
        .sort();
    assert.ok(textPairs(a).length > 0);
    assert.deepEqual(textPairs(b), textPairs(a));
  });

  it('finds nothing to align in an article about something else', () => {
    const a = analyzeTexts({
      'strike.txt': readFileSync(PORT_STRIKE[0]!, 'utf8'),
      'recipe.txt': 'Lemon Cake for Spring\n\nBeat the butter and sugar until pale, then fold in the flour and the zest of two lemons.\n\nBake for forty minutes and let the cake cool before glazing it.\n',
    });
    assert.equal(a.pairs.length, 0);
  });
});

describe('a list read with the line that introduces it', () => {
  // The wire lists the councils' help under "Neighbouring councils responded in different ways:"; the herald tells
  // the same help in one paragraph of prose.
  const analysis = analyzeFiles(DAM_SPILLWAY);

  it('aligns the lead-in, which says little on its own, with the paragraph that tells what the list lists', () => {
    assert.ok(aligned(analysis, /^Neighbouring councils responded/, /^Help came from across the region/));
  });

  it('aligns every item with that paragraph, and no item with the paragraph on the dam’s outlets', () => {
    for (const item of [/^Marrow County opened/, /^The city of Lindqvist/, /^Brenn Valley farmers/]) {
      assert.ok(aligned(analysis, item, /^Help came from across the region/), String(item));
      assert.ok(!aligned(analysis, item, /^Outlets at the foot of the dam/), String(item));
    }
  });

  it('reads a Markdown list with its lead-in the same way', () => {
    const md = analyzeTexts({
      'wire.md': `# ${readFileSync(DAM_SPILLWAY[0]!, 'utf8').replace(/^• /gm, '- ')}`,
      'herald.txt': readFileSync(DAM_SPILLWAY[1]!, 'utf8'),
    });
    const text = (r: { doc: string; paragraph: number }) => md.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!;
    assert.ok(md.documents[0]!.paragraphs.some((p) => p.kind === 'list' && /^The city of Lindqvist/.test(p.text)), 'the items are a list');
    assert.ok(md.pairs.some((p) => /^Neighbouring councils responded/.test(text(p.a).text) && /^Help came/.test(text(p.b).text)));
  });

  it('does not take a line ending in a colon without a list under it for a lead-in', () => {
    const plain = analyzeTexts({
      'a.txt': 'Dam repairs begin\n\nResidents at the meeting had one question:\n\nWill the repairs of the spillway take a year and cost 40 million euros?\n',
      'b.txt': 'Repairs to the dam start\n\nRepairs of the spillway are expected to last a year and cost 40 million euros, the authority said.\n',
    });
    assert.ok(aligned(plain, /^Will the repairs/, /^Repairs of the spillway/));
    assert.ok(!aligned(plain, /^Residents at the meeting/, /^Repairs of the spillway/));
  });
});

describe('facets of the human toll', () => {
  // The mine collapse: the deaths and the displaced families in different words, next to paragraphs on other
  // things (the company's shares, the weather).
  const analysis = analyzeFiles(MINE_COLLAPSE);
  const pairOf = (x: RegExp, y: RegExp) => {
    const text = (r: { doc: string; paragraph: number }) => analysis.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!.text;
    return analysis.pairs.find((p) => (x.test(text(p.a)) && y.test(text(p.b))) || (y.test(text(p.a)) && x.test(text(p.b))));
  };

  it('aligns two reports of the deaths that share hardly a word, and says which facet they share', () => {
    const pair = pairOf(/^Three miners were killed/, /^The dead include/);
    assert.ok(pair, 'the two death reports are not aligned');
    assert.deepEqual(pair.evidence.sharedFacets, ['deaths']);
  });

  it('aligns two reports of the harm to the people living nearby', () => {
    assert.deepEqual(pairOf(/^Dozens of households/, /^The evacuation of nearby streets/)?.evidence.sharedFacets, ['civilian-harm']);
  });

  it('aligns two reports of the gunfire, and not a photograph’s best “shot”', () => {
    const bar = analyzeTexts({
      'metro.txt': 'Bar Closes After Night of Violence\n\nThe Blue Anchor bar on Quay Street will stay shut this week, its owner said.\n\nNeighbours heard gunfire outside the bar shortly after midnight.\n\nA photographer from the Metro took the best shot of the evening at the harbour fireworks.\n',
      'evening-post.txt': 'Quay Street Bar to Stay Shut\n\nThe owner of the Blue Anchor on Quay Street said it would not open this week.\n\nThe shooting happened as staff were closing up, police said.\n',
    });
    const text = (r: { doc: string; paragraph: number }) => bar.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!.text;
    const pair = (x: RegExp, y: RegExp) => bar.pairs.find((p) => (x.test(text(p.a)) && y.test(text(p.b))) || (y.test(text(p.a)) && x.test(text(p.b))));
    assert.deepEqual(pair(/^Neighbours heard gunfire/, /^The shooting happened/)?.evidence.sharedFacets, ['shooting']);
    assert.ok(!pair(/^A photographer/, /^The shooting happened/)?.evidence.sharedFacets.length);
  });

  it('does not align different facets, or paragraphs with none', () => {
    assert.equal(pairOf(/^Three miners were killed/, /^The evacuation of nearby streets/), undefined);
    assert.equal(pairOf(/^Shares in Harlow/, /^Forecasters expect/), undefined);
    for (const p of analysis.pairs) if (pairOf(/^Shares in Harlow/, /./) === p) assert.deepEqual(p.evidence.sharedFacets, []);
  });
});

describe('a paragraph aligns on its own only with its closest paragraphs in the other article', () => {
  // Deep in one outlet's story on a parade, a paragraph on a library budget; deep in another's on a storm, eight
  // paragraphs that all touch the same council, budget and library, each with a different detail.
  const one = 'Parade Tonight\n\nThe spring parade will close the harbour road from six o’clock.\n\nThe city council approved the budget for the new central library on Monday, with a vote of seven to two.\n';
  const details = [
    'The council approved the library budget after a long debate on Monday.',
    'The budget for the central library includes a children’s wing, the council said.',
    'Council members who voted against the library budget said the city cannot afford it.',
    'The new library will replace a building the council closed in 2019, according to the budget papers.',
    'Library staff welcomed the council’s vote on the budget and the plans for longer opening hours.',
    'The council’s budget also sets aside money to move the library’s archive.',
    'A public meeting on the library budget drew more than a hundred residents before the council voted.',
    'The library budget will be reviewed by the council again next spring.',
  ];
  const other = `Storm Warning for the Coast\n\nForecasters warned of gales along the coast on Tuesday.\n\n${details.join('\n\n')}\n`;
  const inputs = [
    { path: 'gazette.txt', text: one },
    { path: 'chronicle.txt', text: other },
  ];
  const pairsOf = (a: Analysis) => a.pairs.filter((p) => [p.a, p.b].some((r) => r.doc === 'd0' && a.documents[0]!.paragraphs[r.paragraph]!.text.includes('central library on Monday')));

  it('pairs it with its few best matches there and with the paragraphs of its point, not with every similar one', () => {
    const limited = analyze(inputs, {}, { vectors: shippedVectors() });
    const unlimited = analyze(inputs, { pairRank: 1000 }, { vectors: shippedVectors() });
    assert.ok(pairsOf(unlimited).length > 5, `only ${pairsOf(unlimited).length} pairs without the limit: the test text is too weak`);
    assert.ok(pairsOf(limited).length < pairsOf(unlimited).length);
    // What the limit drops are its weakest matches, outside its point.
    const kept = new Set(pairsOf(limited).map((p) => p.score));
    const dropped = pairsOf(unlimited).filter((p) => !kept.has(p.score));
    const fourth = [...pairsOf(unlimited)].sort((x, y) => y.score - x.score)[3]!.score;
    for (const p of dropped) assert.ok(p.score < fourth);
  });
});
