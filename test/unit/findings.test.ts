import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, AnalysisCache, NOT_CONTENT_KINDS, type Analysis, type Finding, type Pair, type ParagraphRef, type Point } from '../../src/core';
import { analyzeFiles, analyzeTexts, DAM_SPILLWAY, FERRY, LEAK, PORT_STRIKE, REPO, shippedVectors } from '../helpers';

/**
 * The leak fixture: four outlets on one ammonia leak and one article on an earlier spill by the same company.
 * Written with deliberate differences: a disputed number (14 / nine workers), a claim and its denial (the agency
 * called for closure / stopped short of it), one quote credited to two people, "said" against "claimed", a
 * local paper dwelling on families, a business paper on costs, a point only one outlet has (the MP's demand),
 * dropped names and quotes, and near-misses that must not be reported (300 residents / 300 metres; "did not find
 * any further leak", which no one contradicts).
 */
const SAMPLES = ['daily-herald.txt', 'green-post.md', 'national-wire.txt', 'orrin-radio.txt', 'valley-courier.txt'].map((f) => join(REPO, 'samples', f));
const [SPILL, WIRE, OBSERVER, COURIER, BUSINESS] = ['d0', 'd1', 'd2', 'd3', 'd4'];

const analysis = analyzeFiles(LEAK);

function text(a: Analysis, ref: ParagraphRef): string {
  return a.documents.find((d) => d.id === ref.doc)!.paragraphs[ref.paragraph]!.text;
}

function findings(kind: Finding['kind']): Finding[] {
  return analysis.findings.filter((f) => f.kind === kind);
}

describe('findings: another episode', () => {
  it('flags the article on the earlier spill, naming its own place and date', () => {
    const f = findings('different-event');
    assert.equal(f.length, 1);
    assert.deepEqual(f[0]!.docs, [SPILL]);
    assert.match(f[0]!.text, /Eastbrook/);
    assert.match(f[0]!.text, /March 4, 2019/);
    assert.ok(f[0]!.evidence.every((e) => e.doc === SPILL));
    assert.deepEqual(analysis.otherEvents, [SPILL]);
  });

  it('leaves that article out of omissions, as source and as omitter, and out of the other findings', () => {
    for (const o of analysis.omissions) {
      assert.notEqual(o.doc, SPILL);
      assert.notEqual(o.source.doc, SPILL);
    }
    for (const f of analysis.findings) if (f.kind !== 'different-event') assert.ok(!f.docs.includes(SPILL), f.text);
  });

  it('does not flag an article in a set where all report one event', () => {
    const same = analyzeFiles(LEAK.slice(1));
    assert.equal(same.findings.filter((f) => f.kind === 'different-event').length, 0);
    assert.deepEqual(same.otherEvents, []);
  });
});

describe('findings: conflicts', () => {
  it('reports different numbers for the same thing (14 workers / nine workers)', () => {
    const workers = findings('conflict').filter((c) => c.spans.some((s) => /nine/i.test(s.text)));
    // One article against three that agree with each other: one finding naming them all, not one per pair.
    assert.equal(workers.length, 1, workers.map((f) => f.text).join('\n'));
    const f = workers[0]!;
    assert.deepEqual(f.docs, [BUSINESS, WIRE, OBSERVER, COURIER]);
    assert.equal(f.evidence.length, 4);
    assert.deepEqual(f.spans.map((s) => s.doc), f.docs);
    assert.match(f.text, /^business-daily\.md disagrees with national-wire\.txt, the-observer\.txt and valley-courier\.txt on the number of workers: “Nine workers/);
    // Each number is quoted with the words of its own clause, ending on a content word.
    for (const c of findings('conflict').filter((x) => /different numbers|disagrees with/.test(x.text))) {
      for (const [, quoted] of c.text.matchAll(/“([^”]*)”/g)) {
        assert.ok(!/[,;:]/.test(quoted!) && !/\b(?:the|a|an|of|to|from|and|by)$/i.test(quoted!), c.text);
      }
    }
  });

  it('finds the other articles that give the same figure elsewhere, and an article that gives both figures', () => {
    // The samples: the wire leads with the mayor's "about 3,000" and later gives the authority's 1,200; the Courier and
    // the Herald give 1,200 only, in paragraphs aligned with different paragraphs of the wire.
    const samples = analyzeFiles(SAMPLES);
    const [herald, wire, courier] = ['daily-herald.txt', 'national-wire.txt', 'valley-courier.txt'].map((name) => samples.documents.find((d) => d.path.endsWith(name))!.id);
    const disputed = samples.findings.filter((f) => f.kind === 'conflict' && f.spans.some((s) => /3,000/.test(s.text)));
    assert.equal(disputed.length, 1, disputed.map((f) => f.text).join('\n'));
    const f = disputed[0]!;
    assert.equal(f.docs[0], wire);
    assert.deepEqual([...f.docs].sort(), [herald, wire, courier].sort());
    assert.match(f.text, /^national-wire\.txt gives two numbers for the number of people, “About 3,000 people were forced” and “[^”]*number of evacuated residents at 1,200”; (?:daily-herald\.txt and valley-courier\.txt|valley-courier\.txt and daily-herald\.txt) give only the second/);
    // Every figure quoted is marked where it is written: the wire's two and each other article's.
    assert.deepEqual(f.spans.map((s) => s.text.replace(/^(?:about|around) /i, '')), ['3,000', '1,200', '1,200', '1,200']);
    assert.deepEqual(f.spans.map((s) => s.doc).slice(0, 2), [wire, wire]);
    for (const s of f.spans) assert.equal(text(samples, s).slice(s.start, s.end), s.text);
  });

  it('does not report the same number in different units (300 residents / 300 metres)', () => {
    for (const f of findings('conflict')) assert.ok(!f.spans.some((s) => /300/.test(s.text)), f.text);
  });

  it('reports a claim and its denial (called for the closure / stopped short of calling for it)', () => {
    const f = findings('conflict').find((c) => c.docs.includes(OBSERVER) && c.docs.includes(WIRE) && /stopped short/.test(c.text));
    assert.ok(f, 'no conflict on the call for closure');
    assert.ok(f.evidence.some((e) => /called for the plant's closure/.test(text(analysis, e))));
    assert.ok(f.evidence.some((e) => /stopped short of calling/.test(text(analysis, e))));
  });

  it('does not take a negation nobody contradicts for a conflict ("did not find any further leak")', () => {
    for (const f of findings('conflict')) assert.ok(!f.evidence.some((e) => /did not find any further leak/.test(text(analysis, e))), f.text);
  });

  it('reports one quotation credited to two different people', () => {
    const quotes = findings('conflict').filter((c) => /credited to different people/.test(c.text));
    assert.equal(quotes.length, 1, 'one finding for the business paper against the two that agree');
    const f = quotes[0]!;
    assert.match(f.text, /business-daily\.md quotes Jonas Berg, national-wire\.txt and valley-courier\.txt quote Petra Solberg/);
    assert.deepEqual(f.docs, [BUSINESS, WIRE, COURIER]);
  });

  it('reads a denied claim by its own verb: "never part of the contracts" does not deny "breached the contracts"', () => {
    const a = analyzeTexts({
      'wire.txt':
        'Ferry crews strike at Orlan\n\nFerry crews at Orlan stopped work on Friday over a cut to their weekend allowance.\n\nAbout 200 passengers spent the night in the terminal, and the first morning sailing was cancelled.\n\n' +
        "The operator said the strike breached the crews' contracts and that it would go to court.\n\nIsland shops said deliveries of bread and milk had not arrived.",
      'web.txt':
        'Orlan ferries halted by strike\n\nFerry crews at Orlan walked out on Friday after their weekend allowance was cut.\n\nTravellers slept on benches in the terminal as sailings were called off.\n\n' +
        "The operator says the allowance was never part of the crews' contracts and that the walkout is unlawful.\n\nThe mayor of Orlan asked both sides to meet on Monday.",
    });
    assert.ok(a.pairs.some((p) => /breached/.test(text(a, p.a)) || /breached/.test(text(a, p.b))), 'the two paragraphs on the contracts should align');
    assert.deepEqual(a.findings.filter((f) => f.kind === 'conflict').map((f) => f.text), []);
  });

  it('does not report a paraphrase of the same claim as a conflict', () => {
    const a = analyzeTexts({
      'one.txt': 'Town council closes bridge\n\nThe town council closed the old bridge on Monday after engineers found cracks in two supports.\n\nRepairs will take a month, the council said.',
      'two.txt': 'Cracked bridge shut by council\n\nEngineers found cracks in two supports of the old bridge, and the council shut it on Monday.\n\nThe repairs are expected to last about a month.',
      'three.txt': 'Old bridge closed for repairs\n\nThe old bridge was closed by the town council on Monday because two of its supports were cracked.\n\nIt will not reopen before next month, officials said.',
    });
    // They are aligned (so they were compared), and "will not reopen before next month" negates nothing the others claim.
    assert.ok(a.pairs.length >= 2, 'the three accounts should align');
    assert.deepEqual(
      a.findings.filter((f) => f.kind === 'conflict').map((f) => f.text),
      [],
    );
  });
});

describe('findings: emphasis, wording, unique points', () => {
  it('reports what only one article has in a set of more than twelve articles, judged point by point', () => {
    const many = analyzeFiles([...LEAK, ...PORT_STRIKE, ...FERRY, ...DAM_SPILLWAY]);
    assert.ok(many.documents.length > 12);
    const unique = many.findings.filter((f) => f.kind === 'unique');
    assert.ok(unique.length > 0, 'fourteen articles on four stories: each has points of its own');
    for (const f of unique) assert.ok(f.points.length > 0 && f.docs.length === 1, f.text);
  });

  it('quotes a lead no other article reports by words no other article has (not its shared opening)', () => {
    for (const files of [LEAK, PORT_STRIKE, SAMPLES]) {
      const a = analyzeFiles(files);
      for (const f of a.findings.filter((x) => x.kind === 'emphasis' && /no other article reports it/.test(x.text))) {
        const others = a.documents.filter((d) => d.id !== f.docs[0] && !a.otherEvents.includes(d.id)).map((d) => d.paragraphs.map((p) => p.text).join(' ').toLowerCase());
        const quoted = /“(.*)”/.exec(f.text)![1]!.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5);
        const fresh = quoted.filter((w) => !others.some((o) => o.includes(w.slice(0, 5))));
        assert.ok(fresh.length >= 1, `${f.text}: every word of it is in another article`);
      }
    }
  });

  it('shows where an article spends its words far more than the others (families; costs)', () => {
    const emphasis = findings('emphasis');
    assert.ok(emphasis.some((f) => f.docs[0] === COURIER && /families/.test(f.text)), 'courier on families');
    assert.ok(emphasis.some((f) => f.docs[0] === BUSINESS && /economy/.test(f.text)), 'business paper on costs');
    for (const f of emphasis) assert.ok(f.evidence.every((e) => e.doc === f.docs[0]), 'emphasis evidence is the article’s own');
  });

  it('reads a headline clause as putting a second point in the headline ("…, mayor praises crews")', () => {
    const a = analyzeTexts({
      'gazette.txt':
        'Council approves harbour budget, mayor praises dredging crews\n\n' +
        'The town council approved the harbour budget on Monday, setting aside money for dredging the north quay.\n\n' +
        'Mayor Ilse Brandt praised the dredging crews at the meeting, saying they had worked through three winter storms to keep the channel open.\n\n' +
        'The budget passed by nine votes to two.',
      'post.txt':
        'Harbour budget approved\n\nThe council approved the harbour budget on Monday, including money to dredge the north quay.\n\nThe vote was nine to two.',
      'bulletin.txt':
        'Council backs harbour spending\n\nCouncillors approved the harbour budget on Monday with funds for dredging at the north quay.\n\nTwo councillors voted against it.',
    });
    const praise = a.points.find((p) => p.members.some((m) => /praised the dredging crews/.test(text(a, m))))!;
    assert.deepEqual(praise.docs, ['d0']);
    const row = a.emphasis.find((e) => e.point === praise.id && e.doc === 'd0')!;
    assert.ok(row.inHeadline, 'the headline’s second clause carries the praise');
    assert.ok(a.findings.some((f) => f.kind === 'emphasis' && f.docs[0] === 'd0' && f.points.includes(praise.id) && /headline/.test(f.text)));
  });

  it('reports "said" against "claimed" as a wording that casts doubt', () => {
    const f = findings('wording').find((w) => w.spans.some((s) => s.text === 'claimed') && w.spans.some((s) => s.text === 'said'));
    assert.ok(f, 'no said/claimed wording');
    assert.match(f.text, /casts doubt/);
    assert.ok(f.docs.includes(OBSERVER));
  });

  it('re-reads the wording of an edited article when the cache holds the others (and reuses nothing stale)', () => {
    const texts = {
      'wire.txt': 'Border clashes\n\nThe army said its strikes on the ridge camps destroyed two depots on Tuesday, officials said.',
      'post.txt': 'Ridge camps hit\n\nThe army said its bombings on the ridge camps destroyed two depots on Tuesday, officials said.',
    };
    const inputs = Object.entries(texts).map(([path, text]) => ({ path, text }));
    const cache = new AnalysisCache();
    const wordings = (a: Analysis) => a.substitutions.map((s) => `${s.lemmaA}/${s.lemmaB}`);
    const first = analyze(inputs, {}, { vectors: shippedVectors(), cache });
    assert.deepEqual(wordings(first), ['strike/bombing']);
    // The same texts again: the diffs come from the cache, the result is the fresh analysis's.
    assert.equal(JSON.stringify(analyze(inputs, {}, { vectors: shippedVectors(), cache })), JSON.stringify(first));
    const edited = [inputs[0]!, { ...inputs[1]!, text: inputs[1]!.text.replace('bombings', 'raids') }];
    const again = analyze(edited, {}, { vectors: shippedVectors(), cache });
    assert.deepEqual(wordings(again), ['strike/raid']);
    assert.equal(JSON.stringify(again), JSON.stringify(analyze(edited, {}, { vectors: shippedVectors() })));
  });

  it('reports the point only one outlet carries, with its paragraph', () => {
    const f = findings('unique').find((u) => u.docs[0] === OBSERVER && u.evidence.some((e) => /Ines Varro/.test(text(analysis, e))));
    assert.ok(f, 'the MP’s demand is not reported as unique');
  });

  it('words a unique finding by what the others do not say, even inside a paragraph they share', () => {
    const samples = analyzeFiles(SAMPLES);
    // The herald's night in the sports hall is shared; the volunteers' blankets are its own.
    const hall = samples.findings.find((f) => f.kind === 'unique' && f.evidence.some((e) => /sports hall/.test(text(samples, e))));
    assert.ok(hall, 'the volunteers in the sports hall are not reported as unique');
    assert.match(hall.text, /volunteers/);
    for (const a of [analysis, samples]) {
      for (const f of a.findings.filter((x) => x.kind === 'unique')) {
        const others = a.documents.filter((d) => d.id !== f.docs[0] && !a.otherEvents.includes(d.id)).map((d) => d.paragraphs.map((p) => p.text).join(' ').toLowerCase());
        const said = f.text.slice(f.text.indexOf('reports:')).toLowerCase().match(/\p{L}{4,}/gu) ?? [];
        assert.ok(said.some((w) => others.every((o) => !o.includes(w))), `nothing new in its words: ${f.text}`);
      }
    }
  });

  it('gives each article a tone line and its frames', () => {
    assert.equal(analysis.profiles.length, LEAK.length);
    const observer = analysis.profiles.find((p) => p.doc === OBSERVER)!;
    assert.ok(observer.tone.loaded >= 1, 'the observer calls the management reckless');
    assert.ok(observer.tone.examples.loaded.includes('reckless'));
    for (const p of analysis.profiles) {
      assert.ok(p.tone.sentiment >= -1 && p.tone.sentiment <= 1);
      assert.ok(p.frames.every((f, i) => f.share >= 0 && f.share <= 1 && (i === 0 || p.frames[i - 1]!.share >= f.share)));
    }
    assert.equal(analysis.profiles.find((p) => p.doc === BUSINESS)!.frames[0]!.frame, 'economy');
  });

  it('takes words that are also names of object properties for plain words, not loaded labels or attributions', () => {
    const hostile = analyzeTexts({
      'a.txt': 'The constructor of the toString valueOf hall said the roof held.\n\nWorkers hasOwnProperty of the site left at noon.',
      'b.txt': 'The builder of the hall said the roof held.\n\nWorkers left the site at noon, the constructor said.',
    });
    for (const p of hostile.profiles) {
      assert.equal(p.tone.loaded, 0, `${p.doc}: ${p.tone.examples.loaded.join(', ')}`);
      assert.ok(!p.tone.examples.attributions.some((w) => /constructor|tostring|valueof/i.test(w)));
    }
  });

  it('measures lead, position and quotation share for every emphasis row', () => {
    for (const e of analysis.emphasis) {
      assert.ok(e.quoteShare >= 0 && e.quoteShare <= 1);
      if (e.firstParagraph === null) {
        assert.equal(e.position, null);
        assert.equal(e.inLead, false);
      } else assert.ok(e.position! >= 0 && e.position! <= 1);
    }
  });
});

describe('findings: omissions and missing facts', () => {
  it('ranks omissions most important first', () => {
    for (let i = 1; i < analysis.omissions.length; i++) assert.ok(analysis.omissions[i - 1]!.weight >= analysis.omissions[i]!.weight);
    for (const o of analysis.omissions) assert.ok(o.carriers >= 1);
  });

  it('finds the facts an article drops from a point it carries: a source, a quote', () => {
    const dropped = (doc: string, kind: string, pattern: RegExp) => analysis.missingFacts.some((f) => f.doc === doc && f.kind === kind && pattern.test(f.text));
    assert.ok(dropped(BUSINESS, 'attribution', /Petra Solberg/), 'the business paper never names the plant manager');
    assert.ok(dropped(OBSERVER, 'quote', /valve had been inspected/), 'the observer paraphrases the manager instead of quoting her');
    // Names given in any variant count: "Solberg" alone is Petra Solberg.
    assert.ok(!analysis.missingFacts.some((f) => f.doc === COURIER && /Solberg/.test(f.text)));
    for (const f of analysis.missingFacts) assert.notEqual(f.source.doc, f.doc);
  });

  it('names a dropped number as the source writes it, with the noun it counts and no unit said twice', () => {
    const numbers = analysis.missingFacts.filter((f) => f.kind === 'number');
    assert.ok(numbers.some((f) => f.text === '8 percent'), numbers.map((f) => f.text).join('; '));
    for (const f of numbers) {
      assert.ok(text(analysis, f.source).includes(f.text), `“${f.text}” is not as the source writes it`);
      assert.ok(!/\b(percent|per cent)\b.*%|%.*%/.test(f.text), f.text);
    }
  });

  it('quotes the sentence of the source that carries the omitted point or states the dropped fact', () => {
    let later = 0;
    for (const a of [analysis, analyzeFiles(SAMPLES)]) {
      const sentence = (ref: ParagraphRef, x: { start: number; end: number }) => {
        const t = text(a, ref);
        assert.ok(0 <= x.start && x.start < x.end && x.end <= t.length, 'within the paragraph');
        assert.equal(t.slice(x.start, x.end).trim(), t.slice(x.start, x.end), 'without white space at its ends');
        return t.slice(x.start, x.end);
      };
      for (const o of a.omissions) {
        const quoted = sentence(o.source, o.excerpt).toLowerCase();
        const label = a.points.find((p) => p.id === o.point)!.label.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
        // The point's label comes from one of its paragraphs: the quoted sentence shares its words.
        if (label.some((w) => text(a, o.source).toLowerCase().includes(w))) assert.ok(label.some((w) => quoted.includes(w)), `${o.point}: “${quoted}”`);
        if (o.excerpt.start > 0) later++;
      }
      for (const f of a.missingFacts) {
        const quoted = sentence(f.source, f.excerpt);
        if (f.kind === 'name' || f.kind === 'attribution') assert.ok(quoted.includes(f.text), `${f.text}: “${quoted}”`);
        if (f.kind === 'quote') assert.ok(quoted.includes(f.text.split(/\s+/).slice(0, 3).join(' ')), `${f.text}: “${quoted}”`);
      }
    }
    // (The samples' hypothermia point: "…No deaths were reported; two people were treated for hypothermia.")
    assert.ok(later > 0, 'some omitted points are carried by a later sentence of their source');
  });

  it('does not call a point left out by an article that has a paragraph aligned with one of its paragraphs', () => {
    let alignedOutside = 0;
    for (const a of [analysis, analyzeFiles(SAMPLES), analyzeFiles(PORT_STRIKE)]) {
      const other = new Set(a.otherEvents);
      const isMember = (p: Point, r: ParagraphRef) => p.members.some((m) => m.doc === r.doc && m.paragraph === r.paragraph);
      const alignedDocs = (p: Point) => new Set(a.pairs.flatMap((pair) => [...(isMember(p, pair.a) ? [pair.b.doc] : []), ...(isMember(p, pair.b) ? [pair.a.doc] : [])]));
      for (const p of a.points) {
        const carriers = p.docs.filter((d) => !other.has(d));
        const aligned = alignedDocs(p);
        for (const d of a.documents) {
          if (other.has(d.id) || p.docs.includes(d.id)) continue;
          const listed = a.omissions.some((o) => o.point === p.id && o.doc === d.id);
          // Left out exactly when others carry it and no paragraph of the article is aligned with one of its own.
          assert.equal(listed, carriers.length > 0 && !aligned.has(d.id), `${p.id} / ${d.id}`);
          if (carriers.length && aligned.has(d.id)) alignedOutside++;
        }
      }
    }
    // The leak's "Mothers carried sleeping children to the buses" (the courier's alone) is aligned, as a report of harm
    // to civilians, with the wire's paragraph on the injured: the wire does not leave out the human toll.
    assert.ok(alignedOutside > 0, 'some articles carry a point only through an aligned paragraph');
  });

  it('lists a quotation an article lacks once, whatever its punctuation or point', async () => {
    const { quoteOverlap } = await import('../../src/core/detect/facts');
    const { SAME_QUOTE } = await import('../../src/core/detect/omissions');
    // The bundled sample articles quote the mayor with a comma in one outlet and a full stop in another.
    const quotes = analyzeFiles(SAMPLES).missingFacts.filter((f) => f.kind === 'quote');
    assert.ok(quotes.length >= 2, 'the samples have quotations some articles leave out');
    for (const [k, q] of quotes.entries()) {
      for (const r of quotes.slice(k + 1)) if (q.doc === r.doc) assert.ok(quoteOverlap(q.text, r.text) < SAME_QUOTE, `${q.doc}: “${q.text}” twice`);
    }
  });
});

describe('findings never cite what is not reporting', () => {
  for (const [name, a] of [
    ['the leak fixture', analysis],
    ['the port strike fixture', analyzeFiles(PORT_STRIKE)],
  ] as const) {
    it(`no evidence, span or source is furniture, a byline or a caption (${name})`, () => {
      const kindOf = (r: ParagraphRef) => a.documents.find((d) => d.id === r.doc)!.paragraphs[r.paragraph]!.kind;
      for (const f of a.findings) for (const r of [...f.evidence, ...f.spans]) assert.ok(!NOT_CONTENT_KINDS.has(kindOf(r)), `${f.kind}: ${f.text}`);
      for (const f of a.missingFacts) assert.ok(!NOT_CONTENT_KINDS.has(kindOf(f.source)));
      for (const o of a.omissions) assert.ok(!NOT_CONTENT_KINDS.has(kindOf(o.source)));
    });
  }

  it('says "mentions" of one article and "mention" of several (a lead point others bury)', () => {
    const buried = analyzeFiles(PORT_STRIKE).findings.filter((f) => f.kind === 'emphasis' && /further down/.test(f.text));
    assert.ok(buried.length, 'the port strike fixture has a lead point another article buries');
    for (const f of buried) {
      const [, names, verb] = /; (.+?) (mentions?) it only further down/.exec(f.text)!;
      assert.equal(verb, names!.includes(', ') ? 'mention' : 'mentions', f.text);
    }
  });
});

describe('findings: the detectors read pairs best-scored first', () => {
  it('orders like a stable sort by score, whatever the scores look like', async () => {
    const { byScoreDescending } = await import('../../src/core/detect/context');
    // Report scores (four decimals), unrounded scores sharing a bucket, ties, and the bounds.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const scores = [0, 1, 0.5, 0.5, 0.12345, 0.12349, 0.1235, 0.99999, ...Array.from({ length: 500 }, (_, k) => (k % 3 ? Math.round(random() * 10000) / 10000 : random()))];
    const evidence = { lexical: 0, soft: 0, sentence: 0, names: 0, numbers: 0, quotes: 0, sharedNames: [], sharedNumbers: [], sharedFacets: [] };
    const pairs: Pair[] = scores.map((score, k) => ({ a: { doc: 'd0', paragraph: k }, b: { doc: 'd1', paragraph: k }, score, confidence: score, evidence }));
    const expected = [...pairs].sort((x, y) => y.score - x.score);
    assert.deepEqual(byScoreDescending(pairs), expected);
    assert.deepEqual(byScoreDescending([]), []);
  });
});

describe('findings: a disputed toll', () => {
  const lead = 'A tunnel of the Harlow Ridge copper mine gave way on Tuesday, trapping a night shift underground.';
  const report = (toll: string) =>
    analyzeTexts({
      'ridge-post.txt': `Tunnel Collapse at Harlow Ridge Mine\n\n${lead}\n\nThree miners were killed when the roof of the lower gallery fell in.\n`,
      'valley-radio.txt': `Mine Accident in the Valley\n\n${lead.replace('gave way', 'collapsed')}\n\n${toll}\n`,
    }).findings.filter((f) => f.kind === 'conflict');

  it('finds different counts of the dead told in different words', () => {
    const [conflict, ...rest] = report('Five miners died in the collapse, the company said.');
    assert.equal(rest.length, 0);
    assert.match(conflict!.text, /Three miners were killed.*Five miners died/);
  });

  it('does not set a count of the dead against a count of the injured', () => {
    assert.deepEqual(report('Five miners were injured in the collapse, the company said.'), []);
    // …even where the injured are mentioned in the next clause: "killed three, injured almost 50" counts the dead.
    const next = analyzeTexts({
      'ridge-post.txt': `Tunnel Collapse at Harlow Ridge Mine\n\n${lead}\n\nThe collapse killed three miners, injured almost 50 and shut the lower gallery.\n`,
      'valley-radio.txt': `Mine Accident in the Valley\n\n${lead.replace('gave way', 'collapsed')}\n\nFive miners were injured in the collapse of the lower gallery.\n`,
    }).findings.filter((f) => f.kind === 'conflict');
    assert.deepEqual(next.map((f) => f.text), []);
  });

  it('gathers one article against several only where those agree with each other', () => {
    const three = (tolls: [string, string, string]) =>
      analyzeTexts(Object.fromEntries(tolls.map((toll, k) => [`outlet-${k}.txt`, `Collapse at Harlow Ridge\n\n${lead}\n\n${toll}\n`]))).findings.filter((f) => f.kind === 'conflict');
    const agreeing = three(['Three miners were killed in the collapse.', 'Five miners were killed in the collapse.', 'Five miners were killed when the roof fell in.']);
    assert.deepEqual(agreeing.map((f) => f.docs), [['d0', 'd1', 'd2']], agreeing.map((f) => f.text).join('\n'));
    assert.match(agreeing[0]!.text, /^outlet-0\.txt disagrees with outlet-1\.txt and outlet-2\.txt on the number of miners: “Three miners were killed/);
    // Three different tolls: every two articles disagree, and no article stands against a shared figure.
    const apart = three(['Three miners were killed in the collapse.', 'Five miners were killed in the collapse.', 'Seven miners were killed when the roof fell in.']);
    assert.deepEqual(apart.map((f) => f.docs.length), [2, 2, 2], apart.map((f) => f.text).join('\n'));
  });
});
