#!/usr/bin/env node
// Renders the samples' Markdown report to HTML and photographs it with headless Chromium, for the README
// (docs/report.png). Needs Debian's chromium: `apt-get install chromium`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MarkdownIt = createRequire(import.meta.url)('markdown-it');
const markdown = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', join(root, 'samples')], { encoding: 'utf8' });
const body = new MarkdownIt({ html: false }).render(markdown);
const css = `body{font:14px/1.45 "DejaVu Sans",sans-serif;margin:24px 32px;color:#1f2328;background:#fff;max-width:1180px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:3px 8px}th{background:#f6f8fa}
h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #d0d7de;padding-bottom:3px;margin-top:22px}h3{font-size:14px}
li{margin:2px 0}`;
const dir = mkdtempSync(join(tmpdir(), 'cd-shot-'));
const html = join(dir, 'report.html');
writeFileSync(html, `<!doctype html><meta charset="utf-8"><style>${css}</style>${body}`);
execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${join(dir, 'profile')}`,
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--window-size=1240,1500',
  `--screenshot=${join(root, 'docs', 'report.png')}`, `file://${html}`], { stdio: 'ignore' });
console.log('wrote docs/report.png');
