import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fingerprint, inWorkspace, openEditors, waitFor } from './helpers';

/** The parts of the analysis these tests read (src/core/types.ts). */
interface Analysis {
  documents: { id: string; path: string; paragraphs: { index: number; kind: string; text: string; startLine: number; endLine: number }[] }[];
  points: { id: string; docs: string[]; members: { doc: string; paragraph: number }[] }[];
  findings: { kind: string; docs: string[]; evidence: { doc: string; paragraph: number }[] }[];
}
interface MarksInfo {
  uri: string;
  onlyHere: number[];
  conflicts: number[];
}

const SAMPLES = ['daily-herald.txt', 'green-post.md', 'national-wire.txt', 'orrin-radio.txt', 'valley-courier.txt'];
const NOT_CONTENT = new Set(['furniture', 'byline', 'caption']);

async function compare(files: vscode.Uri[]): Promise<Analysis> {
  const outcome = await vscode.commands.executeCommand<{ analysis?: Analysis; error?: string }>('coverageDiff.compareArticles', undefined, files);
  assert.ok(outcome.analysis, outcome.error);
  return outcome.analysis;
}

async function hoverText(uri: vscode.Uri, line: number): Promise<{ text: string; trusted: unknown }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 2));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? { text: c, trusted: false } : { text: (c as vscode.MarkdownString).value, trusted: (c as vscode.MarkdownString).isTrusted })));
}

const ours = <T extends { text: string }>(texts: T[]) => texts.find((t) => t.text.includes('**Coverage Diff**'));
const points = (a: Analysis, doc: string, paragraph: number) => new Set(a.points.filter((p) => p.members.some((m) => m.doc === doc && m.paragraph === paragraph)).map((p) => p.id));
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const base = (path: string) => path.split(/[\\/]/).pop()!;

/**
 * Checks the side-by-side diff of two compared articles through the virtual documents' text and the report: both
 * sides have as many lines; every row whose two sides are paragraphs holds paragraphs of one point; every
 * content paragraph of each article stands on its side once; a placeholder faces a paragraph the other lacks.
 */
async function checkSideBySide(analysis: Analysis, left: vscode.Uri, right: vscode.Uri, l: string, r: string): Promise<number> {
  assert.ok(await vscode.commands.executeCommand('coverageDiff.openSideBySide', left.toString(), right.toString()));
  const docs = await waitFor(() => {
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'coverage-diff' && new URLSearchParams(d.uri.query).get('left') === left.toString() && new URLSearchParams(d.uri.query).get('right') === right.toString());
    const L = open.find((d) => new URLSearchParams(d.uri.query).get('side') === 'left');
    const R = open.find((d) => new URLSearchParams(d.uri.query).get('side') === 'right');
    return L && R ? [L, R] : undefined;
  });
  const [L, R] = docs.map((d) => d.getText().split('\n')) as [string[], string[]];
  assert.equal(L.length, R.length, 'both sides have as many lines');
  const byText = (doc: string) => {
    const m = new Map<string, number[]>();
    for (const p of analysis.documents.find((d) => d.id === doc)!.paragraphs) if (!NOT_CONTENT.has(p.kind)) (m.get(collapse(p.text)) ?? m.set(collapse(p.text), []).get(collapse(p.text))!).push(p.index);
    return m;
  };
  const lt = byText(l);
  const rt = byText(r);
  const seenL = new Map<number, number>();
  const seenR = new Map<number, number>();
  let facing = 0;
  for (let i = 0; i < L.length; i++) {
    const a = lt.get(L[i]!);
    const b = rt.get(R[i]!);
    if (a) for (const x of a) seenL.set(x, (seenL.get(x) ?? 0) + 1 / a.length);
    if (b) for (const x of b) seenR.set(x, (seenR.get(x) ?? 0) + 1 / b.length);
    if (a && b) {
      facing++;
      const ok = a.some((x) => b.some((y) => [...points(analysis, l, x)].some((p) => points(analysis, r, y).has(p))));
      assert.ok(ok, `line ${i + 1}: "${L[i]!.slice(0, 60)}" faces "${R[i]!.slice(0, 60)}", which share no point`);
    }
    if (a && R[i]!.startsWith('⟪not in')) {
      const rightParas = analysis.documents.find((d) => d.id === r)!.paragraphs;
      assert.ok(!a.some((x) => rightParas.some((y) => [...points(analysis, l, x)].some((p) => points(analysis, r, y.index).has(p)))), `line ${i + 1}: a placeholder faces a paragraph the other article carries`);
    }
  }
  for (const [doc, seen] of [[l, seenL], [r, seenR]] as const) {
    const content = analysis.documents.find((d) => d.id === doc)!.paragraphs.filter((p) => !NOT_CONTENT.has(p.kind));
    for (const p of content) assert.ok(Math.abs((seen.get(p.index) ?? 0) - 1) < 1e-9, `${doc} ¶${p.index + 1} stands ${seen.get(p.index) ?? 0} times on its side`);
  }
  return facing;
}

describe('Hover notes, editor marks and the side-by-side diff', () => {
  afterEach(closeAllEditors);

  it('hovering a paragraph names the articles that carry its point and those that leave it out', async () => {
    const files = SAMPLES.map((f) => inWorkspace(f));
    const analysis = await compare(files);
    const point = analysis.points.find((p) => p.docs.length >= 2 && p.docs.length <= 3 && p.docs.includes('d0'))!;
    assert.ok(point, 'the samples have a point some articles leave out');
    const member = point.members.find((m) => m.doc === 'd0')!;
    const paragraph = analysis.documents[0]!.paragraphs[member.paragraph]!;
    const note = ours(await hoverText(files[0]!, paragraph.startLine - 1));
    assert.ok(note, 'no Coverage Diff note on the paragraph');
    for (const d of point.docs.filter((x) => x !== 'd0')) assert.ok(note.text.includes(base(analysis.documents[Number(d.slice(1))]!.path).replace(/[.-]/g, (c) => `\\${c}`)), `the note does not name ${d}`);
    assert.match(note.text, /Left out by:/);
    assert.match(note.text, /command:coverageDiff\.openSideBySide/);
    assert.deepEqual(note.trusted, { enabledCommands: ['coverageDiff.openParagraph', 'coverageDiff.openSideBySide', 'coverageDiff.showPoint', 'coverageDiff.refresh'] });
  });

  it('escapes article text in the note: markdown, HTML and command links stay text', async () => {
    const a = inWorkspace('hostile-a.md');
    const b = inWorkspace('hostile-b.txt');
    const hostile = 'The harbour <script>alert(1)</script> crane <img src=x onerror=alert(1)> collapsed on **Monday** [click](command:workbench.action.quit) $(zap) near pier `seven`, officials said.';
    writeFileSync(a.fsPath, `Crane collapse at the harbour\n\n${hostile}\n\nA second crane was inspected.\n`);
    writeFileSync(b.fsPath, `Harbour crane collapses\n\nA harbour crane collapsed on Monday near pier seven, officials said, and nobody was hurt.\n`);
    try {
      const before = fingerprint([a, b]);
      await compare([a, b]);
      const note = ours(await hoverText(a, 2));
      assert.ok(note, 'no note on the hostile paragraph');
      const links = [...note.text.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(links.length > 0);
      for (const l of links) assert.ok(['coverageDiff.openParagraph', 'coverageDiff.openSideBySide', 'coverageDiff.showPoint', 'coverageDiff.refresh'].includes(l!), `link to ${l}`);
      assert.ok(!/<script>|<img /.test(note.text), 'raw HTML in the note');
      assert.ok(!note.text.includes('](command:workbench'), 'the article’s link became a link');
      assert.ok(!note.text.includes('**Monday**'), 'the article’s bold became bold');
      assert.deepEqual(fingerprint([a, b]), before, 'an article was written');
    } finally {
      rmSync(a.fsPath, { force: true });
      rmSync(b.fsPath, { force: true });
    }
  });

  it('names the other article’s report of the same deaths in the note and the CodeLens', async () => {
    // The unit tests' mine collapse (test/fixtures/mine-collapse), copied into the workspace.
    const fixtures = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', 'mine-collapse');
    const [a, b] = ['ridge-post.txt', 'valley-radio.txt'].map((f) => {
      const uri = inWorkspace(f);
      copyFileSync(join(fixtures, f), uri.fsPath);
      return uri;
    }) as [vscode.Uri, vscode.Uri];
    try {
      await compare([a, b]);
      await openEditors([a]);
      const note = ours(await hoverText(a, 4));
      assert.ok(note, 'no note on the paragraph on the deaths');
      assert.match(collapse(note.text), /The same toll in other articles:/);
      assert.match(collapse(note.text), /The dead include a father of four.*both report the deaths/);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', a, 100);
      assert.ok(lenses.some((l) => l.range.start.line === 4 && /the same toll in 1 other/.test(l.command?.title ?? '')), 'no toll in the CodeLens');
    } finally {
      rmSync(a.fsPath, { force: true });
      rmSync(b.fsPath, { force: true });
    }
  });

  it('opens the side-by-side diff of two samples with every row facing its own point, and goes back to the original', async () => {
    const files = SAMPLES.map((f) => inWorkspace(f));
    const analysis = await compare(files);
    let facing = 0;
    for (const [l, r] of [[0, 1], [1, 0], [2, 4], [0, 3]] as const) facing += await checkSideBySide(analysis, files[l]!, files[r]!, `d${l}`, `d${r}`);
    assert.ok(facing >= 8, `only ${facing} facing rows`);
    // Back from a row to the original file and line.
    const left = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'coverage-diff' && new URLSearchParams(d.uri.query).get('side') === 'left')!;
    const editor = await vscode.window.showTextDocument(left);
    const row = left.getText().split('\n').findIndex((t, i) => i > 1 && t && !t.startsWith('⟪'));
    editor.selection = new vscode.Selection(row, 0, row, 0);
    assert.ok(await vscode.commands.executeCommand('coverageDiff.openOriginal'));
    const back = vscode.window.activeTextEditor!;
    assert.equal(back.document.uri.scheme, 'file');
    assert.equal(collapse(back.document.lineAt(back.selection.active.line).text).slice(0, 30), left.lineAt(row).text.slice(0, 30));
  });

  it('lays out two seeds side by side with every row facing its own point (when ../shared is present)', async function () {
    const dir = process.env.COVERAGE_DIFF_SEEDS;
    if (!dir) {
      console.log('    (no seeds: ../shared is absent)');
      this.skip();
    }
    const files = readdirSync(dir!).filter((f) => f.endsWith('.txt')).sort().map((f) => vscode.Uri.file(join(dir!, f)));
    const analysis = await compare(files);
    let facing = 0;
    for (const [l, r] of [[0, 1], [2, 3], [3, 2], [1, 4]] as const) facing += await checkSideBySide(analysis, files[l]!, files[r]!, `d${l}`, `d${r}`);
    console.log(`    seeds: ${facing} rows face each other across 4 layouts`);
    assert.ok(facing >= 8);
  });

  it('marks only-here and conflicting paragraphs, with CodeLens, each switchable in the settings', async () => {
    const files = SAMPLES.map((f) => inWorkspace(f));
    const analysis = await compare(files);
    const unique = analysis.findings.find((f) => f.kind === 'unique')!;
    const uri = files[Number(unique.evidence[0]!.doc.slice(1))]!;
    await openEditors([uri]);
    const marks = () => vscode.commands.executeCommand<MarksInfo[]>('_coverageDiff.marks');
    const line = analysis.documents[Number(unique.evidence[0]!.doc.slice(1))]!.paragraphs[unique.evidence[0]!.paragraph]!.startLine - 1;
    const shown = await waitFor(async () => (await marks()).find((m) => m.uri === uri.toString() && m.onlyHere.includes(line)));
    assert.ok(shown);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    assert.ok(lenses.some((l) => /covered by \d of 5/.test(l.command?.title ?? '')), 'no "covered by" lens');
    assert.ok(lenses.some((l) => l.range.start.line === line && /only in this article/.test(l.command?.title ?? '')));
    const config = vscode.workspace.getConfiguration('coverageDiff');
    await config.update('decorations.enabled', false, vscode.ConfigurationTarget.Workspace);
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(async () => !(await marks()).some((m) => m.uri === uri.toString()));
      const none = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
      assert.equal(none.length, 0);
    } finally {
      await config.update('decorations.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(async () => (await marks()).some((m) => m.uri === uri.toString()));
  });

  it('compares a hovered article’s folder on demand when the setting allows it, and not otherwise', async () => {
    const folder = inWorkspace('on-demand');
    const { mkdirSync, readFileSync } = await import('node:fs');
    mkdirSync(folder.fsPath, { recursive: true });
    const files = ['national-wire.txt', 'valley-courier.txt'].map((f) => {
      const to = vscode.Uri.joinPath(folder, f);
      writeFileSync(to.fsPath, readFileSync(inWorkspace(f).fsPath));
      return to;
    });
    const config = vscode.workspace.getConfiguration('coverageDiff');
    try {
      assert.equal(ours(await hoverText(files[0]!, 6)), undefined, 'a note without a comparison, with the setting off');
      await config.update('hover.compareFolder', true, vscode.ConfigurationTarget.Workspace);
      const note = ours(await hoverText(files[0]!, 6));
      assert.ok(note, 'no note from the folder compared on demand');
      assert.match(note.text, /compared with its folder/);
      assert.match(note.text, /valley/, "the note names the other article of the folder");
    } finally {
      await config.update('hover.compareFolder', undefined, vscode.ConfigurationTarget.Workspace);
      rmSync(folder.fsPath, { recursive: true, force: true });
    }
  });

  it('says the note is stale after an unsaved edit, hides the marks, and saves nothing', async () => {
    const files = SAMPLES.map((f) => inWorkspace(f));
    const before = fingerprint(files);
    await compare(files);
    await openEditors([files[2]!]);
    const document = await vscode.workspace.openTextDocument(files[2]!);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), 'An edit made after the analysis\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const note = ours(await hoverText(files[2]!, 4));
      assert.ok(note);
      assert.match(note.text, /changed since it was compared/);
      assert.match(note.text, /command:coverageDiff\.refresh/);
      await waitFor(async () => !(await vscode.commands.executeCommand<MarksInfo[]>('_coverageDiff.marks')).some((m) => m.uri === files[2]!.toString()));
      assert.ok(document.isDirty);
      assert.deepEqual(fingerprint(files), before);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
