import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { prepareArticle, type Paragraph } from '../../src/core';
import { FIXTURES, kinds, prepare } from '../helpers';

const fixture = (name: string) => join(FIXTURES, 'port-strike', name);

function paragraphsOf(text: string, path = 'story.txt'): Paragraph[] {
  return [...prepareArticle({ path, text }, 'd0').document.paragraphs];
}

function summary(text: string, path = 'story.txt'): string[] {
  return paragraphsOf(text, path).map((p) => `${p.kind}: ${p.text}`);
}

describe('segmentation of plain text', () => {
  it('cuts blank-line paragraphs and reads headline, glued standfirst, bylines and body', () => {
    assert.deepEqual(kinds(fixture('harbor-times.txt')).map((k) => k.split(':')[0]), [
      'headline',
      'standfirst',
      'byline',
      'byline',
      'body',
      'body',
      'body',
      'body',
      'body',
    ]);
  });

  it('makes each line a paragraph when a file has no blank lines, and short unpunctuated lines headings', () => {
    const k = kinds(fixture('coastal-wire.txt'));
    assert.equal(k.length, 8);
    assert.equal(k[0], 'headline: Calderon port strike leaves ships stranded');
    assert.equal(k[2], 'heading: Pay dispute');
    assert.equal(k[5], 'heading: Legal threat');
    assert.ok(k[1]!.startsWith('body: CALDERON, June 3'));
  });

  it('joins hard-wrapped lines into paragraphs and still breaks at short lines', () => {
    const text = [
      'Council approves the harbour budget after a long night',
      '',
      'The city council approved the harbour budget late on Tuesday after a',
      'debate that ran past midnight, with nine votes in favour and four',
      'against, ending a dispute that had delayed repairs for months.',
      'The mayor welcomed the vote.',
      'Opposition members said the plan left the northern quays without',
      'funds for dredging and promised to raise the matter again in spring',
      'when the council reviews its spending.',
    ].join('\n');
    const s = summary(text);
    assert.equal(s.length, 4);
    assert.equal(s[0], 'headline: Council approves the harbour budget after a long night');
    assert.match(s[1]!, /^body: The city council approved .* for months\.$/);
    assert.equal(s[2], 'body: The mayor welcomed the vote.');
    assert.match(s[3]!, /^body: Opposition members .* its spending\.$/);
  });

  it('reads several Title Case lines at the top as alternative headlines', () => {
    const s = summary(
      'Harbour Strike Ends After Three Days\nDockworkers Return as Bonus Restored\n\nUnion Hails Victory at Calderon Port\n\nThe strike at the port ended on Thursday when the authority agreed to restore the bonus.\n',
    );
    assert.deepEqual(s.slice(0, 3).map((x) => x.split(':')[0]), ['headline', 'headline', 'headline']);
    assert.equal(s[3]!.split(':')[0], 'body');
  });

  it('reads a sentence-case unpunctuated line under the headline as a standfirst', () => {
    const s = summary('Port Reopens After Strike\n\nTalks at the ministry brought both sides back to the table within a day\n\nThe port reopened on Friday morning.\n');
    assert.equal(s[1], 'standfirst: Talks at the ministry brought both sides back to the table within a day');
  });

  it('makes bullet lines list items, one paragraph each, without their markers', () => {
    const s = summary('Strike in numbers\n\nThe walkout has three effects:\n\n• 37 ships wait at anchor\n• fruit exports are at risk\n- 4,000 workers are out\n\nTalks resume on Wednesday.\n');
    assert.deepEqual(s.slice(2, 5), ['list: 37 ships wait at anchor', 'list: fruit exports are at risk', 'list: 4,000 workers are out']);
  });

  it('takes a photo credit for a caption and a byline glued to its date for a byline', () => {
    const k = kinds(fixture('portside-web.txt'));
    assert.equal(k[2], 'byline: By Dana PereiraPublished 3 hours ago 5 min read');
    assert.equal(k[3], 'caption: Photo: Marco Bell/Harbor Images');
  });

  it("sets a saved page's logo, tags, comment prompts, social and footer links and copyright aside as furniture", () => {
    const paras = prepare(fixture('portside-web.txt')).document.paragraphs;
    assert.equal(paras[0]!.kind, 'furniture');
    const tail = paras.slice(paras.findIndex((p) => p.text.startsWith('Tags')));
    assert.ok(tail.length >= 8);
    for (const p of tail) assert.equal(p.kind, 'furniture', p.text);
    const body = paras.filter((p) => p.kind === 'body');
    assert.equal(body.length, 4);
  });

  it('does not take reporting prose for furniture', () => {
    const s = summary(
      'Ferry Service Resumes\n\nThe ferry to the islands resumed on Monday after a week of storms.\n\nShare prices of the operator rose 4% on the news, and travellers said they were relieved.\n\nLike many island towns, Porto Vell depends on the crossing for food and fuel.\n',
    );
    assert.deepEqual(s.map((x) => x.split(':')[0]), ['headline', 'body', 'body', 'body']);
  });

  it('sets aside the chrome of news sites and wires, and keeps reporting sentences that look like it', () => {
    const kindOf = (line: string) => {
      const text = `Tram fares rise from June\n\nSingle tickets in Kessel will cost 2.40 euros from June, the transport authority said on Friday.\n\n${line}\n\nThe authority blamed energy prices for the rise and promised more trams.\n`;
      return paragraphsOf(text)[2]!.kind;
    };
    const chrome = [
      'Story continues below advertisement',
      'Listen to this article',
      'Continue reading',
      'View image in fullscreen',
      'Explore more on these topics',
      'Skip past newsletter promotion',
      'This article was originally published on Kessel Voices.',
      'The Star will update this article as details emerge.',
      'Stay tuned to Channel 9 for more details.',
      'Read or share this article: https://kes.sl/3abc',
      'Tell us what you think in the comments below!',
      '3 Pending Comments',
      'Download our app for breaking news alerts.',
      'Copyright Kessel Evening Star',
      '________',
    ];
    for (const line of chrome) assert.equal(kindOf(line), 'furniture', line);
    const credits = [
      '(Reporting by Ana Lind; Editing by Tom Berg)',
      'Contributing: Ana Lind',
      'Ana Lind contributed to this report.',
      'Contact Ana Lind: alind@kessel-star.example or 555-0100.',
      'Email: alind@kessel-star.example',
      'Ana Lind is a transport reporter for the Evening Star.',
      '— Associated Press',
    ];
    for (const line of credits) assert.equal(kindOf(line), 'byline', line);
    for (const line of ['Image caption, Passengers waited at the central station', 'Kessel Photo/Ana Lind', 'Getty Images']) assert.equal(kindOf(line), 'caption', line);
    const reporting = [
      'Anyone who was overcharged can email refunds@kessel-transit.example or call 555-0100.',
      'Subscribers to the transit newsletter doubled.',
      'Copyright rules stop the authority from publishing the consultants’ report, a spokesman said.',
      'Reuters reported that fares in the capital would rise too.',
      'Contact with the union broke down on Thursday.',
    ];
    for (const line of reporting) assert.equal(kindOf(line), 'body', line);
  });

  it("takes a site's name above the article for furniture when its copyright names it or its menu follows", () => {
    const story = 'Tram fares rise from June\n\nSingle tickets in Kessel will cost 2.40 euros from June, the transport authority said on Friday.\n\nThe authority blamed energy prices for the rise.\n';
    const named = summary(`Kessel Evening Star\n\n${story}\nCopyright 2025 Kessel Evening Star. All rights reserved.\n`);
    assert.deepEqual(named.slice(0, 2), ['furniture: Kessel Evening Star', 'headline: Tram fares rise from June']);
    const menu = summary(`Evening Star\n\nNews | Sport | Opinion | Weather\n\n${story}`);
    assert.deepEqual(menu.slice(0, 3), ['furniture: Evening Star', 'furniture: News | Sport | Opinion | Weather', 'headline: Tram fares rise from June']);
    // Near misses: a short headline the copyright does not name, and a short headline above breadcrumbs and prose.
    assert.equal(summary(`Fares rise\n\n${story.slice(story.indexOf('\n\n') + 2)}\nCopyright 2025 Kessel Evening Star.\n`)[0], 'headline: Fares rise');
    assert.equal(summary(`Tram fares rise\n\nNews > Kessel > Transport\n\n${story.slice(story.indexOf('\n\n') + 2)}`)[0], 'headline: Tram fares rise');
  });

  it('gives every paragraph line numbers and offsets that point at its text', () => {
    for (const name of ['harbor-times.txt', 'coastal-wire.txt', 'market-daily.md', 'portside-web.txt']) {
      const source = readFileSync(fixture(name), 'utf8');
      const lines = source.split('\n');
      const paras = prepare(fixture(name)).document.paragraphs;
      paras.forEach((p, i) => {
        assert.equal(p.index, i);
        assert.ok(p.startLine >= 1 && p.endLine >= p.startLine && p.endLine <= lines.length);
        assert.ok(p.end > p.start);
        const lineStart = lines.slice(0, p.startLine - 1).reduce((n, l) => n + l.length + 1, 0);
        assert.ok(p.start >= lineStart && p.start <= lineStart + lines[p.startLine - 1]!.length, `${name} ¶${i} starts on its line`);
        assert.notEqual(source[p.start]!.trim(), '', `${name} ¶${i} starts on text`);
        if (i > 0) assert.ok(p.startLine > paras[i - 1]!.endLine, 'paragraphs do not overlap');
      });
    }
  });

  it('counts no words in paragraphs that are not reporting', () => {
    for (const p of prepare(fixture('portside-web.txt')).document.paragraphs) {
      if (p.kind === 'furniture' || p.kind === 'byline' || p.kind === 'caption') assert.equal(p.words, 0);
      else assert.ok(p.words > 0);
    }
  });
});

describe('segmentation of Markdown', () => {
  it('reads headline, italic dek, image caption, headings, list items, block quote and body from the tokens', () => {
    assert.deepEqual(kinds(fixture('market-daily.md')), [
      'headline: Calderon Strike Threatens Fruit Exports',
      'standfirst: Growers fear spoiled cargo as dozens of ships wait outside the port.',
      'caption: Ships waiting at anchor outside Calderon',
      "body: Fruit growers warned on Monday that a dockworkers' strike at the port of Calderon could cost them a season's exports, as refrigerated containers sat on ships that could not be unloaded.",
      'heading: What is at stake',
      'list: 37 ships were waiting at anchor by Monday evening',
      'list: refrigerated fruit containers can wait only three to five days',
      "list: the port handles a third of the country's fruit exports",
      'heading: The dispute',
      'body: The strike began after the port authority cut a night-shift bonus in April. The union says 4,000 of its members have walked out; the authority says 2,500.',
      'quote: A week of this and we lose the whole harvest, said one grower from the Serrano valley.',
      'body: Transport Minister Elias Varga has called both sides to talks on Wednesday.',
    ]);
  });

  it('strips inline markup from the text and sets raw HTML aside as furniture', () => {
    const s = summary('# Title of the **story**\n\n<div class="ad">Advert</div>\n\nA [link](http://x) and `code` and *emphasis* in one sentence here.\n', 'a.md');
    assert.deepEqual(s, ['headline: Title of the story', 'furniture: <div class="ad">Advert</div>', 'body: A link and code and emphasis in one sentence here.']);
  });

  it('cuts Markdown paragraphs written one per line without blank lines', () => {
    const text = '# Port Strike\nThe strike began on Monday morning when the night shift failed to report for work at the container terminal.\nBy noon the port authority had declared the walkout illegal and announced that it would go to court.\n';
    const s = summary(text, 'a.md');
    assert.equal(s.length, 3);
    assert.match(s[1]!, /^body: The strike began/);
    assert.match(s[2]!, /^body: By noon/);
  });
});
