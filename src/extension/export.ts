import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { renderMarkdown, toReportJson, type Analysis } from '../core';

/** What an export ended in (for callers and tests). */
export interface ExportOutcome {
  readonly written?: vscode.Uri;
  readonly error?: string;
  readonly cancelled?: boolean;
}

const FORMATS = { Markdown: ['md'], HTML: ['html'], JSON: ['json'] };

/**
 * Saves the report of an analysis as Markdown, HTML (rendered with markdown-it, article text escaped) or JSON (the
 * report contract), to a file the user chooses — never over one of the compared articles. `target`: skip the
 * dialog (tests, other commands).
 */
export async function exportReport(analysis: Analysis, articles: readonly vscode.Uri[], target?: vscode.Uri): Promise<ExportOutcome> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: 'Export the Coverage Diff report',
      saveLabel: 'Export',
      filters: FORMATS,
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'coverage-diff-report.md') : undefined,
    }));
  if (!uri) return { cancelled: true };
  if (articles.some((a) => a.toString() === uri.toString())) {
    const error = `Coverage Diff: ${vscode.workspace.asRelativePath(uri)} is one of the compared articles; the report is not written over it.`;
    void vscode.window.showErrorMessage(error);
    return { error };
  }
  const ext = uri.path.toLowerCase().split('.').pop();
  const content = ext === 'json' ? toReportJson(analysis, true) + '\n' : ext === 'html' || ext === 'htm' ? reportHtml(analysis) : renderMarkdown(analysis) + '\n';
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(`Coverage Diff: report written to ${vscode.workspace.asRelativePath(uri)}.`);
  return { written: uri };
}

/** A standalone HTML page of the Markdown report (raw HTML in the Markdown is not passed through). */
export function reportHtml(analysis: Analysis): string {
  const body = new MarkdownIt({ html: false, linkify: false }).render(renderMarkdown(analysis));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>Coverage Diff — ${analysis.documents.length} articles</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; } th, td { border: 1px solid #8884; padding: 2px 6px; text-align: left; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
