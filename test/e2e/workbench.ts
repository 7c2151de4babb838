/**
 * Drives the real VS Code workbench (code-server) in headless Chromium as a person would: the Command Palette,
 * Quick Open, clicks, reading what the editors show. Every state a test checks is photographed into
 * test-results/e2e/. Errors logged in any webview's console are collected and fail the test that caused them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
// The harness is plain ESM JavaScript shared with the `code` stand-in and npm start.
import { installVsix, launchBrowser, makeProfile, startCodeServer, workbenchUrl } from '../../scripts/vscode/harness.mjs';
import { CACHE, ROOT } from '../../scripts/vscode/versions.mjs';

export const SHOTS = join(ROOT, 'test-results', 'e2e');

export interface WorkbenchOptions {
  /** The folder the window opens. */
  readonly folder: string;
  /** Load the extension from this folder in development mode (the repository). */
  readonly developmentPath?: string;
  /** Or install this VSIX first, as a user would. */
  readonly vsix?: string;
  readonly settings?: Record<string, unknown>;
}

export class Workbench {
  /** Errors from webview consoles since the last `takeWebviewErrors()`. */
  private webviewErrors: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly browser: BrowserContext,
    private readonly stopServer: () => Promise<void>,
    private readonly base: string,
  ) {}

  static async open(options: WorkbenchOptions): Promise<Workbench> {
    mkdirSync(CACHE, { recursive: true });
    const base = mkdtempSync(join(CACHE, 'e2e-'));
    const profile = makeProfile(base, options.settings ?? {});
    if (options.vsix) installVsix(profile, options.vsix);
    const server = await startCodeServer(profile, { folder: options.folder, smokeTestDriver: Boolean(options.developmentPath) });
    let browser: BrowserContext | undefined;
    try {
      browser = await launchBrowser(base);
      const page = browser.pages()[0] ?? (await browser.newPage());
      const workbench = new Workbench(page, browser, server.stop, base);
      page.on('console', (msg) => workbench.onConsole(msg));
      await page.goto(workbenchUrl(server, options.folder, { developmentPath: options.developmentPath }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The explorer lists the folder once the connection to the server (and its extension host) is up.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      return workbench;
    } catch (e) {
      await browser?.close().catch(() => {});
      await server.stop();
      throw e;
    }
  }

  /** A browser on a workbench someone else started (npm start): closing stops only the browser. */
  static async attach(url: string): Promise<Workbench> {
    mkdirSync(CACHE, { recursive: true });
    const base = mkdtempSync(join(CACHE, 'e2e-'));
    const browser = await launchBrowser(base);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const workbench = new Workbench(page, browser, async () => {}, base);
    page.on('console', (msg) => workbench.onConsole(msg));
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return workbench;
  }

  private onConsole(msg: ConsoleMessage): void {
    if (msg.type() !== 'error') return;
    const url = msg.location().url ?? '';
    // Webview documents and their scripts are served from the workbench's webview endpoints.
    if (/webview|vscode-resource|vscode-cdn/i.test(url)) this.webviewErrors.push(`${msg.text()} (${url})`);
  }

  /** Returns and clears the webview console errors seen so far. */
  takeWebviewErrors(): string[] {
    const errors = this.webviewErrors;
    this.webviewErrors = [];
    return errors;
  }

  /**
   * Runs a command from the Command Palette by its title. Right after start-up the palette can open before the
   * extension host has registered the extension's commands (the list is computed per keystroke): close and retry.
   */
  async runCommand(title: string, timeoutMs = 60_000, { acceptsInput = false } = {}): Promise<void> {
    const { page } = this;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    const end = Date.now() + timeoutMs;
    for (;;) {
      await page.keyboard.press('F1');
      try {
        // With focus inside a webview, F1 is forwarded to the workbench and the palette may flicker open and shut:
        // short waits, then try again.
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${title}`, { timeout: 3_000 });
        await row.waitFor({ state: 'visible', timeout: 2_000 });
        break;
      } catch {
        await page.keyboard.press('Escape');
        if (Date.now() > end) throw new Error(`the command "${title}" never appeared in the Command Palette`);
        await page.waitForTimeout(500);
      }
    }
    // The command's own row (Enter would run whichever row the palette ranks first).
    await row.click();
    // A command that asks for input (a quick pick of its own) keeps the widget open.
    if (!acceptsInput) await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /** Applies a colour theme through Preferences: Color Theme, as a user picks one. */
  async setTheme(name: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme', 60_000, { acceptsInput: true });
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().click({ timeout: 15_000 });
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /**
   * Accepts the quick pick whose title holds `title` (not the palette it replaced): its OK button for a
   * multi-select pick, else Enter; waits for it to close. `shot`: photograph it first.
   */
  async acceptPick(title: string, shot?: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
    await widget.locator('.monaco-list-row').first().waitFor({ timeout: 15_000 });
    if (shot) await this.screenshot(shot);
    const ok = widget.getByRole('button', { name: 'OK' });
    if (await ok.isVisible().catch(() => false)) await ok.click();
    else await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /** The comparison panel's page: the frame (inside the webview's two iframes) that shows the panel's toolbar. */
  async panel(timeoutMs = 60_000): Promise<Frame> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (await frame.locator('header.toolbar h1', { hasText: 'Coverage Diff' }).count().catch(() => 0)) return frame;
      }
      if (Date.now() > end) throw new Error('the comparison panel never appeared');
      await this.page.waitForTimeout(250);
    }
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its tab. */
  async openFile(name: string): Promise<void> {
    const { page } = this;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor({ timeout: 15_000 });
  }

  /** Runs `check`; if it throws, photographs the window as failure-<name> before passing the error on. */
  async step<T>(name: string, check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (e) {
      await this.screenshot(`failure-${name}`).catch(() => {});
      throw e;
    }
  }

  /** The text of the active editor as Monaco renders it (spaces normalised), once it contains `expected`. */
  async activeEditorText(expected: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    const end = Date.now() + timeoutMs;
    for (;;) {
      const text = ((await lines.innerText().catch(() => '')) ?? '').replace(/\u00a0/g, ' ');
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
      if (Date.now() > end) throw new Error(`the active editor never showed ${expected}; it shows: ${text.slice(0, 300)}`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * The text of a notification containing `expected`: its toast, or — where the workbench keeps toasts back
   * (a window driven by the smoke-test driver does) — the entry in the Notifications center, opened as a user would.
   */
  async notification(expected: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const toast = this.page.locator('.notification-toast', { hasText: expected }).first();
    try {
      await toast.waitFor({ state: 'visible', timeout: 3_000 });
      return (await toast.innerText()).trim();
    } catch {
      await this.runCommand('Notifications: Show Notifications');
      const entry = this.page.locator('.notifications-center .notification-list-item', { hasText: expected }).first();
      await entry.waitFor({ state: 'visible', timeout: timeoutMs });
      return (await entry.innerText()).trim();
    }
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SHOTS, { recursive: true });
    const path = join(SHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.stopServer();
    if (!process.env.E2E_KEEP) rmSync(this.base, { recursive: true, force: true });
  }
}
