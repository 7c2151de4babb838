import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fingerprint, inWorkspace, openEditors } from './helpers';

/** The outcome `coverageDiff.compareArticles` returns (see src/extension/commands/compareArticles.ts). */
interface Outcome {
  report?: vscode.TextDocument;
  error?: string;
}

const SAMPLES = ['daily-herald.txt', 'green-post.md', 'national-wire.txt', 'orrin-radio.txt', 'valley-courier.txt'];

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

  it('registers every command it contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    const contributed: { command: string }[] = extension.packageJSON.contributes.commands;
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} is contributed but not registered`);
  });

  it('compares the open sample articles into a Markdown report', async () => {
    const files = SAMPLES.map((f) => inWorkspace(f));
    const before = fingerprint(files);
    await openEditors(files);
    const outcome = await vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles');
    assert.equal(outcome.error, undefined);
    assert.ok(outcome.report, 'no report document');
    assert.equal(outcome.report.languageId, 'markdown');
    assert.equal(outcome.report.isUntitled, true);
    const text = outcome.report.getText();
    assert.match(text, /^# Coverage Diff — 5 articles/);
    for (const f of SAMPLES) assert.ok(text.includes(f), `the report does not name ${f}`);
    assert.match(text, /## Findings/);
    assert.match(text, /## Coverage grid/);
    assert.equal(vscode.window.activeTextEditor?.document, outcome.report, 'the report is not shown');
    assert.deepEqual(fingerprint(files), before, 'an article file changed');
  });

  it('does not take an open report for an article', async () => {
    const files = SAMPLES.slice(0, 2).map((f) => inWorkspace(f));
    await openEditors(files);
    const first = await vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles');
    assert.ok(first.report);
    const second = await vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles');
    assert.match(second.report!.getText(), /^# Coverage Diff — 2 articles/);
  });

  it('refuses a single article with an error message and writes nothing', async () => {
    const file = inWorkspace(SAMPLES[0]!);
    const before = fingerprint([file]);
    await openEditors([file]);
    await vscode.window.showTextDocument(file);
    const outcome = await vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles');
    assert.equal(outcome.report, undefined);
    assert.match(outcome.error ?? '', /at least two article files.*daily-herald\.txt/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file.fsPath, 'something else was opened');
    assert.deepEqual(fingerprint([file]), before);
  });

  it('refuses a binary file with an error message and changes no file', async () => {
    const binary = inWorkspace('scan.txt');
    writeFileSync(binary.fsPath, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const files = [inWorkspace(SAMPLES[0]!), binary];
    const before = fingerprint(files);
    const outcome = await vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles', undefined, files);
    assert.equal(outcome.report, undefined);
    assert.match(outcome.error ?? '', /scan\.txt: looks like a binary file/);
    assert.deepEqual(fingerprint(files), before);
  });

  it('compares unsaved edits without saving them', async () => {
    const files = SAMPLES.slice(0, 2).map((f) => inWorkspace(f));
    const before = fingerprint(files);
    await openEditors(files);
    const document = await vscode.workspace.openTextDocument(files[0]!);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), 'Unsaved Marker Headline Zebra\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty);
    const outcome = await vscode.commands.executeCommand<Outcome>('coverageDiff.compareArticles');
    assert.ok(outcome.report?.getText().includes('Unsaved Marker Headline Zebra'), 'the unsaved edit is not in the report');
    assert.ok(document.isDirty, 'the article was saved');
    assert.deepEqual(fingerprint(files), before);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!document.isDirty);
  });
});
