/**
 * The comparison panel's built script (dist/webview.js) in headless Chromium, with a stand-in for VS Code: what
 * it draws, that article text stays text, the keyboard, the state it keeps, and comparisons of 50 and 300 articles.
 * Screenshots of every theme go to test-results/webview/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Analysis } from '../../src/core';
import { PanelModel } from '../../src/shared/model';
import { packAnalysis } from '../../src/shared/packedAnalysis';
import type { HostMessage, PanelState } from '../../src/shared/protocol';
import { generateArticles } from '../../scripts/bench/generate';
import { analyzeFiles, analyzeTexts, LEAK, REPO, shippedVectors } from '../helpers';
import { analyze } from '../../src/core';
import { errorsOf, launch, openPanel, posted, savedState, send, showAnalysis, type Theme } from './standIn';

const SHOTS = join(REPO, 'test-results', 'webview');

function message(analysis: Analysis, generation = 1): Extract<HostMessage, { type: 'analysis' }> {
  return { type: 'analysis', analysis: packAnalysis(analysis), files: analysis.documents.map((d) => `file:///${d.path}`), generation, settings: { weakShare: 0.02 }, problems: [] };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe('the comparison panel (built script, stand-in host, headless Chromium)', () => {
  let browser: Browser;
  const leak = analyzeFiles(LEAK);
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('says ready first, then draws the articles, findings and grid of an analysis', async () => {
    const page = await openPanel(browser, 'dark');
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    const ms = await showAnalysis(page, message(leak));
    console.log(`[panel] first paint of the leak fixture: ${ms} ms`);
    assert.equal(await page.locator('#articles tbody tr').count(), 5);
    assert.equal(await page.locator('#findings ol.findings > li').count(), leak.findings.length);
    const shared = leak.points.filter((p) => p.docs.length > 1).length;
    assert.equal(await page.locator('table.grid tbody tr').count(), shared);
    assert.equal(await page.locator('table.grid thead th').count(), leak.documents.length + 1);
    // Each column names its outlet: the id and the file's name without its extension.
    const first = leak.documents[0]!;
    const stem = first.path.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
    assert.equal(await page.locator('table.grid thead th').nth(1).innerText(), `${first.id}\n${stem}`);
    // × only where the report lists an omission; ≈ where the article has a paragraph aligned with one of the point's.
    const dashes = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('table.grid td.cell')].map((td) => [`${td.closest('tr')!.dataset.point}|${(td as HTMLElement).dataset.doc}`, td.querySelector('.dash')?.textContent ?? ''])),
    );
    const model = new PanelModel(leak, { weakShare: 0.02 });
    let aligned = 0;
    for (const p of leak.points.filter((x) => x.docs.length > 1)) {
      for (const d of leak.documents) {
        const omitted = leak.omissions.some((o) => o.point === p.id && o.doc === d.id);
        assert.equal(dashes[`${p.id}|${d.id}`] === '×', omitted, `${p.id}|${d.id}`);
        if (model.cell(p, d.id).status === 'aligned') {
          assert.equal(dashes[`${p.id}|${d.id}`], '≈');
          aligned++;
        }
      }
    }
    assert.ok(aligned > 0, 'the leak has cells aligned rather than omitted');
    // The article about another episode is flagged in the overview.
    const other = leak.otherEvents[0]!;
    assert.match(await page.locator(`#articles tr[data-doc="${other}"]`).innerText(), /another episode/);
    assert.deepEqual((await posted(page)).map((m) => m.type), ['ready', 'rendered']);
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });

  for (const theme of ['dark', 'light', 'high-contrast'] as Theme[]) {
    it(`is readable in the ${theme} theme (screenshots)`, async () => {
      const page = await openPanel(browser, theme);
      await showAnalysis(page, message(leak));
      await shot(page, `${theme}-overview`);
      await page.locator('table.grid tbody tr button.point-name').nth(1).click();
      await page.locator('.point-detail').waitFor();
      await page.locator('#grid').scrollIntoViewIfNeeded();
      await shot(page, `${theme}-grid`);
      // Text and background colours differ everywhere text is drawn (a theme variable left unset would not).
      const same = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#app *')].filter((el) => {
          if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) return false;
          const s = getComputedStyle(el);
          return s.color === s.backgroundColor;
        }).length,
      );
      assert.equal(same, 0);
      assert.deepEqual(errorsOf(page), []);
      await page.close();
    });
  }

  it('shows article text as text: a <script> and an <img onerror> in an article do nothing', async () => {
    const hostile = analyzeTexts({
      'one.txt':
        'Council <script>window.__pwned = 1</script> approves harbour budget\n\n' +
        'The council approved the harbour budget on Monday <img src=x onerror="window.__pwned = 2"> for dredging the north quay.\n',
      'two.txt': 'Harbour budget approved\n\nThe council approved the harbour budget on Monday, with money for dredging the north quay <b>now</b>.\n',
    });
    const page = await openPanel(browser, 'dark');
    await showAnalysis(page, message(hostile));
    await page.locator('table.grid tbody tr button.point-name').first().click();
    await page.locator('.point-detail').waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('#app img, #app script, #app b').count(), 0);
    assert.match(await page.locator('#app').innerText(), /<script>window\.__pwned = 1<\/script>/);
    assert.match(await page.locator('#app').innerText(), /<img src=x onerror=/);
    // The pair view shows the same text, as text.
    assert.match(await page.locator('#pair').innerText(), /<script>window\.__pwned = 1<\/script>/);
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });

  it('moves through the grid with the keyboard: arrows, Space selects a point, Enter reveals a paragraph', async () => {
    const page = await openPanel(browser, 'dark');
    await showAnalysis(page, message(leak));
    const stop = page.locator('table.grid [tabindex="0"]');
    assert.equal(await stop.count(), 1, 'one cell in the tab order');
    await stop.focus();
    const at = () => page.evaluate(() => [document.activeElement?.getAttribute('data-row'), document.activeElement?.getAttribute('data-col')].join(','));
    assert.equal(await at(), '0,0');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await at(), '0,2');
    await page.keyboard.press('ArrowDown');
    assert.equal(await at(), '1,2');
    await page.keyboard.press('Home');
    assert.equal(await at(), '1,0');
    await page.keyboard.press('End');
    assert.equal(await at(), `1,${leak.documents.length}`);
    // Space shows the point's aligned paragraphs; focus stays in the grid.
    await page.keyboard.press(' ');
    await page.locator('.point-detail').waitFor();
    const row = page.locator('table.grid tbody tr').nth(1);
    assert.equal(await row.getAttribute('aria-selected'), 'true');
    assert.equal(await at(), `1,${leak.documents.length}`);
    // Enter on a covered cell asks the host to reveal that article's paragraph of the point.
    const pointId = (await row.getAttribute('data-point'))!;
    const point = leak.points.find((p) => p.id === pointId)!;
    const carrier = leak.documents.findIndex((d) => point.docs.includes(d.id));
    await page.keyboard.press('Home');
    for (let k = 0; k <= carrier; k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const reveal = (await posted(page)).filter((m) => m.type === 'reveal').pop();
    assert.deepEqual(reveal, { type: 'reveal', ref: point.members.find((m) => m.doc === leak.documents[carrier]!.id) });
    await page.close();
  });

  it('marks the words that differ between aligned paragraphs, and reveals a paragraph when its reference is clicked', async () => {
    const page = await openPanel(browser, 'light');
    await showAnalysis(page, message(leak));
    await page.locator('table.grid tbody tr button.point-name').first().click();
    const detail = page.locator('.point-detail');
    await detail.waitFor();
    assert.ok((await detail.locator('.column').count()) >= 2);
    assert.ok((await detail.locator('mark.diff-added').count()) > 0, 'no word-level differences marked');
    // In a paragraph of several sentences, the one that makes the point is underlined: the report's excerpt, exactly.
    const shownId = (await detail.getAttribute('aria-label'))!.replace(/^Point ([^:]+):.*$/s, '$1');
    const point = leak.points.find((p) => p.id === shownId)!;
    const underlined = await detail.locator('.point-sentence').evaluateAll((els) => [...new Set(els.map((e) => e.closest('.para')!.querySelector('.para-text')!))].map((p) => [...p.querySelectorAll('.point-sentence')].map((e) => e.textContent).join('')));
    const expected = point.members
      .map((m, k) => ({ text: leak.documents.find((d) => d.id === m.doc)!.paragraphs[m.paragraph]!.text, x: point.excerpts[k]! }))
      .filter(({ text, x }) => x.start > 0 || x.end < text.trimEnd().length)
      .map(({ text, x }) => text.slice(x.start, x.end));
    assert.ok(expected.length > 0, 'the point has a member of several sentences');
    assert.deepEqual(underlined.sort(), expected.sort());
    await detail.locator('button.ref').nth(1).click();
    assert.equal((await posted(page)).filter((m) => m.type === 'reveal').length, 1);
    await page.close();
  });

  it('sets two articles side by side in the pair view: rows facing, differences marked, the diff editor asked for', async () => {
    const page = await openPanel(browser, 'dark');
    await showAnalysis(page, message(leak));
    const pair = page.locator('#pair');
    await pair.locator('.pair-row.aligned').first().waitFor();
    assert.ok((await pair.locator('.pair-row.aligned mark.diff-added').count()) > 0, 'no added words marked on the right');
    assert.ok((await pair.locator('.pair-row.aligned mark.diff-removed').count()) > 0, 'no removed words marked on the left');
    // Choosing the right article as the left swaps the two.
    const right = await pair.locator('select').nth(1).inputValue();
    await pair.locator('select').first().selectOption(right);
    await page.waitForFunction((r) => (document.querySelectorAll('#pair select')[0] as HTMLSelectElement).value === r, right);
    assert.notEqual(await pair.locator('select').nth(1).inputValue(), right);
    await pair.getByRole('button', { name: 'Open in diff editor' }).click();
    const asked = (await posted(page)).filter((m) => m.type === 'openDiff');
    assert.equal(asked.length, 1);
    assert.equal((asked[0] as { a: string }).a, right);
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });

  it('filters findings by kind and text, and keeps its UI state for a reload', async () => {
    const page = await openPanel(browser, 'dark');
    await showAnalysis(page, message(leak));
    await page.locator('#findings .chip', { hasText: 'Conflict' }).click();
    const conflicts = leak.findings.filter((f) => f.kind === 'conflict').length;
    assert.equal(await page.locator('#findings ol.findings > li').count(), conflicts);
    await page.locator('table.grid tbody tr button.point-name').nth(1).click();
    const state = (await savedState(page)) as PanelState;
    assert.equal(state.v, 1);
    assert.deepEqual(state.findingKinds, ['conflict']);
    assert.ok(state.point);
    assert.equal(state.files.length, 5);
    await page.close();
    // A reload: VS Code hands the saved state back; the host analyses again and sends it.
    const again = await openPanel(browser, 'dark', state);
    await showAnalysis(again, message(leak));
    assert.equal(await again.locator(`table.grid tr[data-point="${state.point}"]`).getAttribute('aria-selected'), 'true');
    assert.equal(await again.locator('.point-detail').count(), 1);
    assert.equal(await again.locator('#findings ol.findings > li').count(), conflicts);
    await again.close();
  });

  it('shows progress, an error, and problems with files, keeping the last analysis', async () => {
    const page = await openPanel(browser, 'dark');
    await send(page, { type: 'error', message: 'open at least two article files (.txt or .md) to compare; found 1: a.txt' });
    await page.locator('.banner', { hasText: 'found 1: a.txt' }).waitFor();
    await showAnalysis(page, message(leak));
    assert.ok(await page.locator('.banner').isHidden());
    await send(page, { type: 'analyzing', articles: 5 });
    await page.locator('#app.stale').waitFor();
    await showAnalysis(page, { ...message(leak, 2), problems: ['copy.txt was deleted and is no longer compared.'] });
    await page.locator('.banner', { hasText: 'copy.txt was deleted' }).waitFor();
    assert.equal(await page.locator('#app.stale').count(), 0);
    await page.close();
  });

  it('stays usable with 50 articles: every article a column, filtering, keyboard', async () => {
    const vectors = shippedVectors();
    const inputs = generateArticles(vectors.words(), { articles: 50, paragraphs: 30, seed: 50 });
    const big = analyze(inputs, {}, { vectors });
    const page = await openPanel(browser, 'dark', undefined, { width: 1400, height: 900 });
    const ms = await showAnalysis(page, message(big));
    console.log(`[panel] first paint with 50 articles (${big.points.length} points, ${big.findings.length} findings): ${ms} ms`);
    assert.equal(await page.locator('table.grid thead th').count(), 51);
    assert.equal(await page.locator('#articles tbody tr').count(), 50);
    const rows = await page.locator('table.grid tbody tr').count();
    assert.ok(rows > 0);
    const label = big.points.find((p) => p.docs.length > 1)!.label.split(/\s+/).filter((w) => w.length > 4)[0]!;
    await page.locator('input[type="search"]').fill(label);
    await page.waitForFunction((n) => document.querySelectorAll('table.grid tbody tr').length < n, rows);
    await page.locator('table.grid [tabindex="0"]').focus();
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-col')), '50');
    await shot(page, 'dark-50-articles');
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });

  it('draws the grid of 300 articles a page of rows at a time, and the rest on request', async () => {
    const vectors = shippedVectors();
    const many = analyze(generateArticles(vectors.words(), { articles: 300, paragraphs: 10, seed: 300 }), {}, { vectors });
    const shared = many.points.filter((p) => p.docs.length > 1).length;
    const page = await openPanel(browser, 'dark', undefined, { width: 1400, height: 900 });
    const ms = await showAnalysis(page, message(many));
    console.log(`[panel] first paint with 300 articles (${many.points.length} points, ${many.findings.length} findings): ${ms} ms`);
    assert.equal(await page.locator('table.grid thead th').count(), 301, 'every article is a column');
    const rows = page.locator('table.grid tbody tr');
    const first = await rows.count();
    assert.ok(first >= 10 && first < shared, `a page of rows (${first} of ${shared}), not all of them`);
    assert.ok(first * 300 <= 10_000, 'about 7 500 cells at once');
    await page.getByRole('button', { name: new RegExp(`more of ${shared - first} points`) }).click();
    await page.waitForFunction((n) => document.querySelectorAll('table.grid tbody tr').length > n, first);
    assert.equal(await rows.count(), Math.min(shared, 2 * first));
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });
});
