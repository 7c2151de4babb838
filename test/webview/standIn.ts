/**
 * A stand-in host for the comparison panel's built script (dist/webview.js): a page in headless Chromium with
 * the panel's stylesheet, theme colours like VS Code's, and an `acquireVsCodeApi` that records what the panel
 * posts and keeps its state. Tests send host messages and read the page as a person would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { HostMessage, WebviewMessage } from '../../src/shared/protocol';
import { chromiumPath, ROOT } from '../../scripts/vscode/versions.mjs';

export type Theme = 'dark' | 'light' | 'high-contrast';

/** The theme colours the panel's stylesheet reads, close to VS Code's Dark Modern, Light Modern and High Contrast. */
const THEMES: Record<Theme, Record<string, string>> = {
  dark: {
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace',
    foreground: '#cccccc', descriptionForeground: '#9d9d9d', 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc',
    'panel-border': '#2b2b2b', 'widget-border': '#313131', focusBorder: '#0078d4',
    'list-hoverBackground': '#2a2d2e', 'list-inactiveSelectionBackground': '#37373d',
    'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c',
    'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
    'badge-background': '#616161', 'badge-foreground': '#f8f8f8',
    'textLink-foreground': '#4daafc', 'textLink-activeForeground': '#4daafc',
    'charts-blue': '#3794ff', 'charts-red': '#f14c4c', 'charts-green': '#89d185', 'charts-orange': '#d18616', 'charts-purple': '#b180d7', 'charts-yellow': '#cca700',
    'editorWarning-foreground': '#cca700', 'inputValidation-warningBackground': '#352a05', 'inputValidation-warningBorder': '#b89500',
    'diffEditor-insertedTextBackground': '#9ccc2c33', 'editor-findMatchHighlightBackground': '#623315',
    'textBlockQuote-background': '#2b2b2b', 'textBlockQuote-border': '#616161b3',
  },
  light: {
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace',
    foreground: '#3b3b3b', descriptionForeground: '#717171', 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b',
    'panel-border': '#e5e5e5', 'widget-border': '#e5e5e5', focusBorder: '#005fb8',
    'list-hoverBackground': '#f2f2f2', 'list-inactiveSelectionBackground': '#e4e6f1',
    'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece',
    'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
    'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b',
    'textLink-foreground': '#005fb8', 'textLink-activeForeground': '#005fb8',
    'charts-blue': '#1a85ff', 'charts-red': '#e51400', 'charts-green': '#388a34', 'charts-orange': '#d18616', 'charts-purple': '#652d90', 'charts-yellow': '#bf8803',
    'editorWarning-foreground': '#bf8803', 'inputValidation-warningBackground': '#f6f5d2', 'inputValidation-warningBorder': '#b89500',
    'diffEditor-insertedTextBackground': '#9ccc2c40', 'editor-findMatchHighlightBackground': '#ea5c0055',
    'textBlockQuote-background': '#f8f8f8', 'textBlockQuote-border': '#e5e5e5',
  },
  'high-contrast': {
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace',
    foreground: '#ffffff', descriptionForeground: '#ffffff', 'editor-background': '#000000', 'editor-foreground': '#ffffff',
    'panel-border': '#6fc3df', 'widget-border': '#6fc3df', focusBorder: '#f38518', contrastBorder: '#6fc3df',
    'list-hoverBackground': '#000000', 'list-inactiveSelectionBackground': '#000000',
    'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-hoverBackground': '#000000',
    'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df',
    'dropdown-background': '#000000', 'dropdown-foreground': '#ffffff', 'dropdown-border': '#6fc3df',
    'badge-background': '#000000', 'badge-foreground': '#ffffff',
    'textLink-foreground': '#21a6ff', 'textLink-activeForeground': '#21a6ff',
    'charts-blue': '#3794ff', 'charts-red': '#f14c4c', 'charts-green': '#89d185', 'charts-orange': '#d18616', 'charts-purple': '#b180d7', 'charts-yellow': '#ffd700',
    'editorWarning-foreground': '#ffd700', 'inputValidation-warningBackground': '#000000', 'inputValidation-warningBorder': '#ffd700',
    'diffEditor-insertedTextBackground': '#33ff2e33', 'editor-findMatchHighlightBackground': '#00000000',
    'textBlockQuote-background': '#000000', 'textBlockQuote-border': '#ffffff',
  },
};

const BODY_CLASS: Record<Theme, string> = { dark: 'vscode-dark', light: 'vscode-light', 'high-contrast': 'vscode-high-contrast' };

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium: run npm run setup:vscode');
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/** Where the stand-in serves the panel from (intercepted: nothing goes to the network). */
const ORIGIN = 'https://panel.stand-in';

/**
 * A page with the panel loaded as VS Code loads it: the panel's script and stylesheet as files from the page's
 * origin, the theme's colours in a stylesheet of their own, and a Content Security Policy like the extension's
 * (scripts by nonce only, no inline styles) — so a style or script the real webview would block fails here too.
 * `state`: what VS Code restores after a reload.
 */
export async function openPanel(browser: Browser, theme: Theme = 'dark', state?: unknown, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  pageErrors.set(page, errors);
  const vars = Object.entries(THEMES[theme])
    .map(([k, v]) => `--vscode-${k}: ${v};`)
    .join(' ');
  const nonce = 'stand-in-nonce';
  const csp = `default-src 'none'; style-src ${ORIGIN}; img-src ${ORIGIN} data:; script-src 'nonce-${nonce}'`;
  const files: Record<string, { type: string; body: string }> = {
    '/index.html': {
      type: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><link rel="stylesheet" href="${ORIGIN}/theme.css"><link rel="stylesheet" href="${ORIGIN}/panel.css"></head><body class="${BODY_CLASS[theme]}"><div id="app"></div><script nonce="${nonce}" src="${ORIGIN}/webview.js"></script></body></html>`,
    },
    '/theme.css': { type: 'text/css', body: `html { ${vars} }` },
    '/panel.css': { type: 'text/css', body: readFileSync(join(ROOT, 'media', 'panel.css'), 'utf8') },
    '/webview.js': { type: 'text/javascript', body: readFileSync(join(ROOT, 'dist', 'webview.js'), 'utf8') },
  };
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ status: 200, contentType: file.type, body: file.body }) : route.fulfill({ status: 404, body: '' });
  });
  // VS Code's API, before the panel's script runs (injected by the test runner: the page's CSP does not apply).
  await page.addInitScript((saved) => {
    const w = window as unknown as { __posted: unknown[]; __state: unknown; __name: (f: unknown) => unknown; acquireVsCodeApi: () => unknown };
    w.__name = (f) => f;
    w.__posted = [];
    w.__state = saved;
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => w.__posted.push(m),
      getState: () => w.__state,
      setState: (s: unknown) => {
        w.__state = s;
      },
    });
  }, state ?? null);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
  return page;
}

const pageErrors = new WeakMap<Page, string[]>();

/** Script errors and console errors the page has had. */
export function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/** Delivers a host message as VS Code does (a `message` event on the window). */
export async function send(page: Page, message: HostMessage): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message as unknown as Record<string, unknown>);
}

/** What the panel has posted so far. */
export async function posted(page: Page): Promise<WebviewMessage[]> {
  return page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
}

/** The state the panel saved (what VS Code would restore after a reload). */
export async function savedState(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __state: unknown }).__state);
}

/** Sends an analysis and waits for the panel to say it painted it. */
export async function showAnalysis(page: Page, message: Extract<HostMessage, { type: 'analysis' }>): Promise<number> {
  await send(page, message);
  await page.waitForFunction((g) => document.body.dataset['generation'] === String(g), message.generation);
  return Number(await page.evaluate(() => document.body.dataset['firstPaintMs']));
}
