import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fingerprint, inWorkspace, openEditors, waitFor } from './helpers';

/** The outcome of the Compare commands (src/extension/commands/compare.ts). */
interface Outcome {
  analysis?: { documents: { id: string; path: string; paragraphs: { text: string; startLine: number }[] }[]; findings: unknown[]; points: { id: string; members: { doc: string; paragraph: number }[] }[] };
  error?: string;
  cancelled?: boolean;
}

/** What the panel shows (src/extension/panel/comparisonPanel.ts, PanelInfo). */
interface PanelInfo {
  files: string[];
  state: string;
  generation: number;
  firstPaintMs: number | null;
  visible: boolean;
}

const SAMPLES = ['daily-herald.txt', 'green-post.md', 'national-wire.txt', 'orrin-radio.txt', 'valley-courier.txt'];

const info = () => vscode.commands.executeCommand<PanelInfo | undefined>('_coverageDiff.panelInfo');

async function compare(files: vscode.Uri[]): Promise<Outcome> {
  return vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles', undefined, files);
}

describe('Coverage Diff in a real VS Code', () => {
  before(() => {
    console.log(
      `[env] VS Code ${vscode.version}, ${vscode.env.appName}, uiKind=${vscode.UIKind[vscode.env.uiKind]}, ` +
        `remote=${vscode.env.remoteName}, node ${process.version}`,
    );
  });
  afterEach(closeAllEditors);

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
    assert.ok(extension.isActive);
  });

  it('registers every command it contributes, in the Coverage Diff category', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    const contributed: { command: string; category: string }[] = extension.packageJSON.contributes.commands;
    assert.ok(contributed.length >= 8);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command, category } of contributed) {
      assert.ok(registered.has(command), `${command} is contributed but not registered`);
      assert.equal(category, 'Coverage Diff');
    }
  });

  it('compares the given articles in the panel, writing nothing', async () => {
    const files = SAMPLES.map((f) => inWorkspace(f));
    const before = fingerprint(files);
    const outcome = await compare(files);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.analysis?.documents.length, 5);
    const panel = await waitFor(async () => {
      const i = await info();
      return i?.state === 'ready' ? i : undefined;
    });
    assert.deepEqual(panel.files, files.map((f) => f.toString()));
    assert.ok(panel.generation >= 1);
    assert.deepEqual(fingerprint(files), before, 'an article file changed');
  });

  it('draws the analysis in the webview (the panel reports its first paint)', async () => {
    await compare(SAMPLES.map((f) => inWorkspace(f)));
    const panel = await waitFor(async () => {
      const i = await info();
      return i?.firstPaintMs !== null && i?.firstPaintMs !== undefined ? i : undefined;
    }, 30_000);
    console.log(`[panel] first paint of the samples: ${panel.firstPaintMs} ms`);
    assert.ok(panel.firstPaintMs! >= 0);
  });

  it('compares from the picker, with the open articles already picked', async () => {
    const files = SAMPLES.slice(0, 3).map((f) => inWorkspace(f));
    await openEditors(files);
    const pending = vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles');
    // The quick pick opens with the three open articles picked; accepting it compares them.
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const outcome = await pending;
    assert.equal(outcome.error, undefined);
    assert.deepEqual(
      outcome.analysis?.documents.map((d) => d.path.split('/').pop()).sort(),
      SAMPLES.slice(0, 3),
    );
  });

  it('compares a folder (README left out)', async () => {
    const outcome = await vscode.commands.executeCommand<Outcome>('coverageDiff.compareFolder', inWorkspace());
    assert.equal(outcome.error, undefined);
    assert.deepEqual(
      outcome.analysis?.documents.map((d) => d.path.split('/').pop()),
      SAMPLES,
    );
  });

  it('compares fourteen articles with the same report as the CLI', async () => {
    // The samples retold with a correction line each. (Reading on helper threads, which the CLI and the analysis
    // worker share, starts at 400 000 characters: test/unit/worker.test.ts drives the worker past it.)
    const dir = inWorkspace('many');
    mkdirSync(dir.fsPath, { recursive: true });
    const files = Array.from({ length: 14 }, (_, k) => {
      const source = SAMPLES[k % SAMPLES.length]!;
      const target = vscode.Uri.joinPath(dir, `${String(k).padStart(2, '0')}-${source.replace(/\.md$/, '.txt')}`);
      writeFileSync(target.fsPath, `${readFileSync(inWorkspace(source).fsPath, 'utf8')}\nCorrection ${k + 1}: an earlier version misspelt a name.\n`);
      return target;
    });
    try {
      const outcome = await compare(files);
      assert.equal(outcome.error, undefined);
      const analysis = outcome.analysis as unknown as { documents: unknown[]; pairs: unknown[]; points: unknown[] };
      assert.equal(analysis.documents.length, 14);
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const cli = JSON.parse(
        execFileSync(process.execPath, [join(extension.extensionPath, 'dist', 'cli.js'), 'analyze', ...files.map((f) => f.fsPath), '--format', 'json'], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        }),
      ) as { pairs: unknown[]; points: unknown[] };
      assert.ok(cli.pairs.length > 0);
      assert.deepEqual(analysis.pairs, cli.pairs);
      assert.deepEqual(analysis.points, cli.points);
    } finally {
      rmSync(dir.fsPath, { recursive: true, force: true });
    }
  });

  it('refuses a single article with an error message, in the panel too, and writes nothing', async () => {
    const file = inWorkspace(SAMPLES[0]!);
    const before = fingerprint([file]);
    const outcome = await compare([file]);
    assert.equal(outcome.analysis, undefined);
    assert.match(outcome.error ?? '', /at least two article files.*daily-herald\.txt/);
    assert.equal((await info())?.state, 'error');
    assert.deepEqual(fingerprint([file]), before);
  });

  it('refuses a binary file and an empty file, naming them, and changes no file', async () => {
    const binary = inWorkspace('scan.txt');
    const empty = inWorkspace('blank.md');
    writeFileSync(binary.fsPath, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(empty.fsPath, '\n  \n');
    try {
      const files = [inWorkspace(SAMPLES[0]!), binary];
      const before = fingerprint(files);
      assert.match((await compare(files)).error ?? '', /scan\.txt: looks like a binary file/);
      assert.match((await compare([inWorkspace(SAMPLES[0]!), empty])).error ?? '', /blank\.md/);
      assert.deepEqual(fingerprint(files), before);
    } finally {
      rmSync(binary.fsPath, { force: true });
      rmSync(empty.fsPath, { force: true });
    }
  });

  it('refuses a file over the size limit set in the settings, naming it', async () => {
    const big = inWorkspace('long-read.txt');
    writeFileSync(big.fsPath, 'A long article about the dam.\n\n'.repeat(800));
    const config = vscode.workspace.getConfiguration('coverageDiff');
    await config.update('maxFileSizeMB', 0.01, vscode.ConfigurationTarget.Workspace);
    try {
      const outcome = await compare([inWorkspace(SAMPLES[0]!), big]);
      assert.match(outcome.error ?? '', /long-read\.txt: is .* larger than the .* limit/);
    } finally {
      await config.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
      rmSync(big.fsPath, { force: true });
    }
  });

  it('compares unsaved edits without saving them', async () => {
    const files = SAMPLES.slice(0, 2).map((f) => inWorkspace(f));
    const before = fingerprint(files);
    await openEditors(files);
    const document = await vscode.workspace.openTextDocument(files[0]!);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), 'Unsaved Marker Headline Zebra\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const outcome = await compare(files);
    assert.ok(outcome.analysis?.documents[0]!.paragraphs.some((p) => p.text.includes('Unsaved Marker Headline Zebra')), 'the unsaved edit was not compared');
    assert.ok(document.isDirty, 'the article was saved');
    assert.deepEqual(fingerprint(files), before);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('analyses again when a compared article is saved, and when a setting changes', async () => {
    const files = SAMPLES.slice(0, 3).map((f) => inWorkspace(f));
    const original = readFileSync(files[1]!.fsPath);
    await compare(files);
    const first = (await info())!.generation;
    try {
      const document = await vscode.workspace.openTextDocument(files[1]!);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(0, 0), 'Saved Marker Line\n\n');
      await vscode.workspace.applyEdit(edit);
      await document.save();
      const afterSave = await waitFor(async () => {
        const i = await info();
        return i && i.state === 'ready' && i.generation > first ? i.generation : undefined;
      }, 20_000);
      const config = vscode.workspace.getConfiguration('coverageDiff');
      await config.update('pairThreshold', 0.3, vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor(async () => {
          const i = await info();
          return i && i.state === 'ready' && i.generation > afterSave;
        }, 20_000);
      } finally {
        await config.update('pairThreshold', undefined, vscode.ConfigurationTarget.Workspace);
      }
    } finally {
      writeFileSync(files[1]!.fsPath, original);
    }
  });

  it('drops a deleted article from the comparison and says so', async () => {
    const copy = inWorkspace('copy-of-wire.txt');
    writeFileSync(copy.fsPath, readFileSync(inWorkspace('national-wire.txt').fsPath));
    try {
      await compare([inWorkspace(SAMPLES[0]!), inWorkspace(SAMPLES[1]!), copy]);
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(copy);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const panel = await waitFor(async () => {
        const i = await info();
        return i && i.state === 'ready' && i.files.length === 2 ? i : undefined;
      }, 20_000);
      assert.ok(!panel.files.includes(copy.toString()));
    } finally {
      rmSync(copy.fsPath, { force: true });
    }
  });

  it('reveals a paragraph the panel asks for, in its editor, selected', async () => {
    const outcome = await compare(SAMPLES.map((f) => inWorkspace(f)));
    const doc = outcome.analysis!.documents[2]!;
    const paragraph = doc.paragraphs.findIndex((p, i) => i > 2 && p.text.length > 40);
    await vscode.commands.executeCommand('_coverageDiff.receive', { type: 'reveal', ref: { doc: doc.id, paragraph } });
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(SAMPLES[2]!) ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.active.line, doc.paragraphs[paragraph]!.startLine - 1);
  });

  it('exports the report as JSON, Markdown and HTML, and never over an article', async () => {
    const files = SAMPLES.slice(0, 3).map((f) => inWorkspace(f));
    await compare(files);
    const before = fingerprint(files);
    const json = inWorkspace('report.json');
    const md = inWorkspace('report.md');
    const html = inWorkspace('report.html');
    try {
      await vscode.commands.executeCommand('coverageDiff.exportReport', json);
      assert.equal(JSON.parse(readFileSync(json.fsPath, 'utf8')).schemaVersion, 1);
      await vscode.commands.executeCommand('coverageDiff.exportReport', md);
      assert.match(readFileSync(md.fsPath, 'utf8'), /^# Coverage Diff — 3 articles/);
      await vscode.commands.executeCommand('coverageDiff.exportReport', html);
      const page = readFileSync(html.fsPath, 'utf8');
      assert.match(page, /<h1>Coverage Diff — 3 articles<\/h1>/);
      const refused = await vscode.commands.executeCommand<{ error?: string }>('coverageDiff.exportReport', files[0]);
      assert.match(refused.error ?? '', /is one of the compared articles/);
      assert.deepEqual(fingerprint(files), before, 'an article was written');
    } finally {
      for (const f of [json, md, html]) rmSync(f.fsPath, { force: true });
    }
  });

  it('opens the report as Markdown in a new, unsaved editor', async () => {
    await compare(SAMPLES.map((f) => inWorkspace(f)));
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('coverageDiff.openReport');
    assert.ok(report.isUntitled);
    assert.equal(report.languageId, 'markdown');
    assert.match(report.getText(), /^# Coverage Diff — 5 articles/);
    assert.match(report.getText(), /## Findings[\s\S]*## Coverage grid[\s\S]*## Omissions by article/);
    // An unsaved report would ask to be saved when the editors close.
    await vscode.window.showTextDocument(report);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('restores a panel from its saved state (as after a window reload), comparing the files again', async () => {
    const files = SAMPLES.slice(1, 4).map((f) => inWorkspace(f).toString());
    const restored = await vscode.commands.executeCommand<PanelInfo>('_coverageDiff.restorePanel', { v: 1, files, point: 'p2', article: null, findingKinds: [], filter: '', grid: { rows: 'shared', sort: 'story' }, section: 'grid' });
    assert.equal(restored.state, 'ready');
    assert.deepEqual(restored.files, files);
  });

  it('restores nothing from a state it does not know (another version), and says so in the panel', async () => {
    const restored = await vscode.commands.executeCommand<PanelInfo>('_coverageDiff.restorePanel', { v: 99, files: ['x'] });
    assert.equal(restored.state, 'error');
  });
});
