import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { balanceQuotes, parseNumber, paragraphFeatures, quoted } from '../../src/core/features';
import { prepareArticle } from '../../src/core';
import { isDemonym } from '../../src/core/detect/context';

describe('features', () => {
  it('splits sentences and keeps content lemmas only', () => {
    const f = paragraphFeatures('The dockworkers stopped work on Monday. They were striking over pay.');
    assert.equal(f.sentences.length, 2);
    assert.ok(f.lemmas.includes('dockworker'));
    assert.ok(f.lemmas.includes('stop'));
    assert.ok(!f.lemmas.includes('the'));
    assert.ok(!f.lemmas.includes('they'));
  });

  it('finds proper names, drops titles from their keys, and gives multi-word names their initials', () => {
    const f = paragraphFeatures('Transport Minister Elias Varga met officials of the United States and the European Union in Calderon.');
    const byText = new Map(f.names.map((n) => [n.text, n]));
    assert.deepEqual(byText.get('Transport Minister Elias Varga')?.keys, ['elias', 'varga']);
    assert.equal(byText.get('United States')?.acronym, 'US');
    assert.equal(byText.get('European Union')?.acronym, 'EU');
    assert.ok(byText.has('Calderon'));
  });

  it('reads numbers with their units, written in words or digits', () => {
    const f = paragraphFeatures('At least eight people were hurt, 4,000 workers walked out, losses reached $5 million and exports fell 40%.');
    const keys = f.numbers.map((n) => `${n.type}:${n.value}:${n.unit}`);
    assert.ok(keys.includes('count:8:people'), keys.join(' '));
    assert.ok(keys.includes('count:4000:worker'), keys.join(' '));
    assert.ok(keys.includes('money:5000000:usd'), keys.join(' '));
    assert.ok(keys.includes('percent:40:%'), keys.join(' '));
  });

  it('counts the last noun of a compound, but the noun a hyphen joins to the number', () => {
    const text = 'Two school halls were opened, forty volunteers came, and the club offered a seven-year deal.';
    const f = paragraphFeatures(text);
    const read = f.numbers.map((n) => `${n.unit}: ${text.slice(n.start, n.countedEnd)}`);
    assert.ok(read.includes('hall: Two school halls'), read.join('; '));
    assert.ok(read.includes('volunteer: forty volunteers'), read.join('; '));
    assert.ok(read.some((r) => r.startsWith('year: seven')), read.join('; '));
  });

  it('reads the count a figure is given for, when it is named before the figure', () => {
    const text = 'The agency put the number of evacuated residents at about 1,200, and the tally of votes stood at 310. Turnout rose to 62. The number of dead rose to 40.';
    const units = paragraphFeatures(text).numbers.map((n) => `${n.unit}: ${n.text}`);
    assert.ok(units.includes('resident: about 1,200'), units.join('; '));
    assert.ok(units.includes('vote: 310'), units.join('; '));
    // Without "the number of …" before it, a bare figure counts nothing.
    assert.ok(units.includes(': 62'), units.join('; '));
    // …nor one the tagger misreads after a word standing for the people counted ("dead rose" is not a count of roses).
    assert.ok(units.includes(': 40'), units.join('; '));
  });

  it('reads a nationality or region before a noun, past other adjectives, as how a sentence is told, not a name', () => {
    const f = paragraphFeatures('Pakistani officials met Omar Ali in Kabul. The visit reflects engagement with South Asian geopolitical dynamics, an Indonesian said.');
    const read = f.names.map((n) => `${n.text}: ${isDemonym(f, n) ? 'adjective' : 'name'}`);
    assert.deepEqual(read, ['Pakistani: adjective', 'Omar Ali: name', 'Kabul: name', 'South Asian: adjective', 'Indonesian: name']);
  });

  it('parses written numbers', () => {
    assert.equal(parseNumber('twenty-one'), 21);
    assert.equal(parseNumber('3.5 million'), 3_500_000);
    assert.equal(parseNumber('1,200'), 1200);
    assert.equal(parseNumber('a dozen'), 12);
    assert.equal(parseNumber('several'), null);
  });

  it('finds quotations and their speakers, before or after the quote', () => {
    const f = paragraphFeatures('"We will not go back to work," union leader Rosa Imani said. The minister said: "Talks start on Wednesday."');
    assert.equal(f.quotes.length, 2);
    assert.equal(f.quotes[0]!.text, 'We will not go back to work,');
    assert.match(f.quotes[0]!.speaker ?? '', /Rosa Imani/);
  });

  it('resolves a pronoun speaker to the last named speaker of the article, and continues a speaker across quotes', () => {
    const text = [
      'Union leader Rosa Imani spoke to reporters at the gate on Monday.',
      '',
      '"Our members load ships at night for daytime pay," Imani said. "That has to end."',
      '',
      'She added: "We are ready to talk tomorrow."',
    ].join('\n');
    const article = prepareArticle({ path: 'a.txt', text }, 'd0');
    const quotes = article.features.flatMap((f) => f.quotes);
    assert.equal(quotes.length, 3);
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['Imani', 'Imani', 'Imani'],
    );
  });

  it('lemmatises Title Case headlines like prose, and keeps only names the article also names in prose', () => {
    const text = 'Union Backs Strike As Ships Wait\n\nThe union at Calderon said the strike would go on.\n';
    const article = prepareArticle({ path: 'a.txt', text }, 'd0');
    const headline = article.features[0]!;
    assert.ok(headline.lemmas.includes('back'), headline.lemmas.join(' '));
    assert.ok(headline.lemmas.includes('ship'), headline.lemmas.join(' '));
    assert.deepEqual(headline.names.map((n) => n.text), []);
  });

  it('gives a pronoun speaker the person the paragraph has just named, before the last speaker', () => {
    const text = [
      'Director Tomas Reyes said the gates had to open. "It was that or the dam," Reyes said.',
      '',
      'Mayor Ilse Brandt said the warning came too late. "An hour is not a warning," she said.',
    ].join('\n');
    const quotes = prepareArticle({ path: 'a.txt', text }, 'd0').features.flatMap((f) => f.quotes);
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['Reyes', 'Mayor Ilse Brandt'],
    );
  });

  it('reads a shouted dateline as words, and leaves it out of the lemmas and names', () => {
    const f = paragraphFeatures('WASHINGTON, UNITED STATES – The White House urged both sides to talk.');
    assert.ok(!f.lemmas.includes('washington') && !f.lemmas.includes('STATES') && !f.lemmas.includes('united'), f.lemmas.join(' '));
    assert.ok(f.lemmas.includes('urge'));
    assert.deepEqual(f.names.map((n) => n.text), ['White House']);
    const wire = paragraphFeatures('ORRIN, May 14 (National Wire) - Fourteen workers were hurt.');
    assert.ok(!wire.names.some((n) => /Wire|ORRIN/i.test(n.text)));
    // A shouted line that is not a dateline keeps its words, title-cased for the tagger ("US" stays an acronym).
    const shouted = paragraphFeatures('US BACKS PAKISTAN OVER BORDER STRIKES');
    assert.ok(shouted.lemmas.includes('US'), shouted.lemmas.join(' '));
    assert.ok(!shouted.lemmas.includes('BACKS'));
  });

  it('reads a bare year as a date, not a count ("the 2019 spill")', () => {
    const f = paragraphFeatures('The company was fined for the 2019 spill, which killed 40 fish.');
    const year = f.numbers.find((n) => n.text === '2019')!;
    assert.equal(year.type, 'date');
    assert.equal(f.numbers.find((n) => n.text.startsWith('40'))!.type, 'count');
  });

  it('marks negation and sentiment, and keeps every word with its lemma and part of speech', () => {
    const f = paragraphFeatures('The council did not approve the plan. Residents were delighted with the wonderful news.');
    const approve = f.tokens.find((t) => t.lemma === 'approve')!;
    assert.ok(approve.negated);
    assert.equal(f.sentiments.length, 2);
    assert.ok(f.sentiments[1]! > 0, `sentiment ${f.sentiments[1]}`);
    assert.ok(f.tokens.every((t) => t.end > t.start && typeof t.pos === 'string'));
  });

  it('pairs the quotation marks of an excerpt cut out of a quotation, and quotes a quotation in single marks', () => {
    // The excerpt starts inside a quotation, or stops before it closes: the lost mark comes back at the cut.
    assert.equal(balanceQuotes('It’s unbelievable,” said the neighbour'), '“It’s unbelievable,” said the neighbour');
    assert.equal(balanceQuotes('…the town had been given,” said Ilse Brandt'), '…“the town had been given,” said Ilse Brandt');
    assert.equal(balanceQuotes('…said the answer is that “the dam was never…'), '…said the answer is that “the dam was never…”');
    assert.equal(balanceQuotes('…the sirens started," said Lena Marsh'), '…"the sirens started," said Lena Marsh');
    assert.equal(balanceQuotes('"We could taste it in the air before…'), '"We could taste it in the air before…"');
    // Near misses: paired marks and apostrophes stay as they are, and straight marks do not nest.
    for (const whole of ['Brandt called it “an alarm”, not a warning', 'The mayor’s office said the crews’ pay was fair', 'a "calm" night, she said, "and then the water"']) {
      assert.equal(balanceQuotes(whole), whole);
    }
    assert.equal(balanceQuotes('"Her family backs her decision, "a friend said'), '"Her family backs her decision, "a friend said');
    // Quoted by the report: the excerpt's own marks become single ones.
    assert.equal(quoted('…the water rose,” Brandt said'), '“…‘the water rose,’ Brandt said”');
    assert.equal(quoted('called it "an alarm"'), '“called it ‘an alarm’”');
    assert.equal(quoted('no quotation here'), '“no quotation here”');
  });
});
