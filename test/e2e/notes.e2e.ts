/**
 * Hover notes and the side-by-side diff in the real VS Code, as a reader meets them: after Compare Articles… on the
 * seed articles (the samples where ../shared is absent), hovering a body paragraph shows the note naming the
 * articles that carry its point, those that leave it out and the paragraphs of others aligned with it; Open Side-by-Side Diff… opens VS Code's diff editor
 * on two articles with aligned paragraphs facing; the panel's pair view shows the same layout as prose.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/vscode/versions.mjs';
import { compareOpenFiles, seedsOrSamples, workspaceWith } from './scenarios';
import { Workbench } from './workbench';

const { name: NAME, source: SOURCE, files: FILES, seeds: SEEDS } = seedsOrSamples();

/** The parts of the JSON report (EVAL.md) this suite reads. */
interface Report {
  documents: { id: string; paragraphs: { kind: string; startLine: number }[] }[];
  points: { id: string; docs: string[]; members: { doc: string; paragraph: number }[] }[];
  pairs: { a: { doc: string; paragraph: number }; b: { doc: string; paragraph: number } }[];
  omissions: { doc: string; point: string }[];
  otherEvents: string[];
}

describe(`hover notes and the side-by-side diff on the ${NAME} in the real VS Code`, () => {
  let wb: Workbench;
  // The same analysis the extension makes (deterministic), from the CLI's JSON report, to know which paragraph to
  // hover and what the note must say.
  const analysis: Report = JSON.parse(
    execFileSync(process.execPath, [join(ROOT, 'bin', 'coverage-diff.js'), 'analyze', ...FILES.map((f) => join(SOURCE, f)), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  );
  const fileOf = (doc: string) => FILES[Number(doc.slice(1))]!;
  const others = new Set(analysis.otherEvents);
  // A body paragraph whose point some articles carry and others do not: they leave it out, or a paragraph of theirs
  // is aligned with one of the point's (the seeds have no shared point that another article leaves out).
  const isBody = (m: { doc: string; paragraph: number }) => analysis.documents[Number(m.doc.slice(1))]!.paragraphs[m.paragraph]!.kind === 'body';
  const candidates = analysis.points.filter((p) => {
    const carriers = p.docs.filter((d) => !others.has(d));
    return carriers.length >= 2 && carriers.length < analysis.documents.length - others.size && p.members.some(isBody);
  });
  const point = candidates.find((p) => analysis.omissions.some((o) => o.point === p.id)) ?? candidates[0]!;
  const member = point.members.find(isBody)!;
  // The articles the report says leave it out, and those with a paragraph aligned with the hovered one.
  const omitters = analysis.omissions.filter((o) => o.point === point.id).map((o) => o.doc);
  const samePara = (r: { doc: string; paragraph: number }) => r.doc === member.doc && r.paragraph === member.paragraph;
  const alignedDocs = [...new Set(analysis.pairs.flatMap((p) => (samePara(p.a) ? [p.b.doc] : samePara(p.b) ? [p.a.doc] : [])))].filter(
    (d) => d !== member.doc && !analysis.points.some((p) => p.docs.includes(d) && p.members.some(samePara)),
  );
  const paragraph = analysis.documents[Number(member.doc.slice(1))]!.paragraphs[member.paragraph]!;

  before(async () => {
    wb = await Workbench.open({ folder: workspaceWith(`e2e-notes-${NAME}`, SOURCE, FILES), developmentPath: ROOT });
    await compareOpenFiles(wb, FILES);
  });
  after(async () => {
    await wb?.close();
  });

  it('hovering a body paragraph shows the note naming the articles that carry its point, those that omit it, and the aligned', () =>
    wb.step('hover', async () => {
      const { page } = wb;
      const file = fileOf(member.doc);
      // From the Explorer (Quick Open can lose its keystrokes to a focused webview).
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click();
      await page.locator(`.tab.active[aria-label*="${file}"]`).first().waitFor({ timeout: 15_000 });
      const editor = page.locator(`.editor-group-container:has(.tab.active[aria-label*="${file}"]) .monaco-editor`).first();
      // Focus the article's editor (the panel may hold the focus), then go to the paragraph's line.
      await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(paragraph.startLine));
      await page.keyboard.press('Enter');
      const number = editor.locator('.margin .line-numbers', { hasText: new RegExp(`^${paragraph.startLine}$`) }).first();
      await number.waitFor({ timeout: 15_000 });
      const box = (await number.boundingBox())!;
      const hover = page.locator('.monaco-hover:visible', { hasText: 'Coverage Diff' }).first();
      for (let attempt = 0; attempt < 5 && !(await hover.isVisible()); attempt++) {
        await page.mouse.move(box.x + box.width + 80 + attempt * 20, box.y + box.height / 2);
        await hover.waitFor({ timeout: 4_000 }).catch(() => {});
      }
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      const carriers = point.docs.filter((d) => d !== member.doc);
      for (const d of carriers.slice(0, 6)) assert.ok(text.includes(fileOf(d)), `the note does not name ${fileOf(d)} among the carriers: ${text}`);
      assert.ok(omitters.length + alignedDocs.length > 0, 'the chosen point is carried by every article');
      if (omitters.length) {
        assert.match(text, /Left out by:/);
        for (const d of omitters) assert.ok(text.split('Left out by:')[1]!.includes(fileOf(d)), `the note does not name ${fileOf(d)} among those leaving it out`);
      } else assert.doesNotMatch(text, /Left out by:/);
      if (alignedDocs.length) {
        const list = text.split(/Aligned with it in other articles \(not grouped into its point\):|The same toll in other articles:/)[1];
        assert.ok(list, `the note does not list the paragraphs aligned with it: ${text}`);
        for (const d of alignedDocs.slice(0, 6)) assert.ok(list.includes(fileOf(d)), `the note does not name ${fileOf(d)} among the aligned: ${text}`);
      }
      await wb.screenshot(`14-hover-${NAME}`);
      await page.keyboard.press('Escape');
    }));

  it('opens the side-by-side diff of two articles, aligned paragraphs facing', () =>
    wb.step('diff', async () => {
      const { page } = wb;
      const other = fileOf(point.docs.find((d) => d !== member.doc)!);
      await wb.runCommand('Coverage Diff: Open Side-by-Side Diff…', 60_000, { acceptsInput: true });
      const widget = page.locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'open side by side with' }).waitFor({ timeout: 15_000 });
      await widget.locator('.quick-input-box input').fill(other);
      await widget.locator('.monaco-list-row', { hasText: other }).first().click();
      const diff = page.locator('.monaco-diff-editor').first();
      await diff.waitFor({ timeout: 30_000 });
      await page.locator('.tab.active', { hasText: '↔' }).first().waitFor({ timeout: 15_000 });
      // Both sides hold the shared header line and rows; the diff editor marks changes inside facing rows.
      await diff.locator('.editor.original .view-line', { hasText: 'Coverage Diff:' }).first().waitFor({ timeout: 15_000 });
      await diff.locator('.editor.modified .view-line', { hasText: 'Coverage Diff:' }).first().waitFor({ timeout: 15_000 });
      await diff.locator('.char-insert, .char-delete').first().waitFor({ timeout: 15_000 });
      await wb.screenshot(`15-diff-${NAME}`);
    }));

  it('shows the pair view in the panel, the same layout as prose', () =>
    wb.step('pair-view', async () => {
      // The diff editor opened over the panel's tab: bring the panel back, as a reader would.
      await wb.runCommand('Coverage Diff: Show Comparison Panel');
      const panel = await wb.panel();
      await panel.locator('nav a, nav button', { hasText: 'Side by side' }).first().click();
      await panel.locator('#pair .pair-row.aligned').first().waitFor({ timeout: 15_000 });
      assert.ok((await panel.locator('#pair .pair-row.aligned mark').count()) > 0, 'no word differences marked');
      await wb.screenshot(`16-panel-pair-${NAME}`);
      assert.deepEqual(wb.takeWebviewErrors(), []);
    }));
});
