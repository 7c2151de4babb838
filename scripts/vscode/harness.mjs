// Starting and stopping the offline real VS Code (code-server on loopback) and the headless browser that
// shows its workbench. Shared by the `code` stand-in (in-host tests), the end-to-end tests and `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { CACHE, chromiumPath, CODE_SERVER, NODE24, READY } from './versions.mjs';

/** Workbench settings for a quiet, offline, reproducible window. */
export const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'git.enabled': false,
  'editor.hover.delay': 100,
  'diffEditor.renderSideBySide': true,
  'diffEditor.useInlineViewWhenSpaceIsLimited': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function assertReady() {
  if (!existsSync(READY)) {
    throw new Error(`the offline VS Code is not installed in ${CACHE}: run npm run setup:vscode`);
  }
}

export function freePort() {
  return new Promise((res, rej) => {
    const server = createServer();
    server.unref();
    server.on('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => res(port));
    });
  });
}

/**
 * A throwaway profile: user data (with SETTINGS), extensions, HOME, XDG and TMP folders under `base`, so
 * nothing code-server does touches the real home folder. `extraSettings` merge over SETTINGS.
 */
export function makeProfile(base, extraSettings = {}, { extensionsDir } = {}) {
  const profile = {
    base,
    userDataDir: join(base, 'user-data'),
    extensionsDir: extensionsDir ?? join(base, 'extensions'),
    home: join(base, 'home'),
    tmp: join(base, 'tmp'),
  };
  for (const dir of [join(profile.userDataDir, 'User'), profile.extensionsDir, profile.home, profile.tmp]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...extraSettings }, null, 2));
  return profile;
}

function serverEnv(profile) {
  return {
    ...process.env,
    HOME: profile.home,
    XDG_CONFIG_HOME: join(profile.home, '.config'),
    XDG_DATA_HOME: join(profile.home, '.local', 'share'),
    XDG_CACHE_HOME: join(profile.home, '.cache'),
    TMPDIR: profile.tmp,
    XDG_RUNTIME_DIR: profile.tmp,
    // An empty gallery: no marketplace queries, no DNS lookups.
    EXTENSIONS_GALLERY: '{}',
  };
}

function commonArgs(profile) {
  return [
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
  ];
}

/** Installs a VSIX into the profile's extensions folder with code-server's own installer. */
export function installVsix(profile, vsix) {
  const r = spawnSync(NODE24, [CODE_SERVER, ...commonArgs(profile), '--install-extension', resolve(vsix)], { env: serverEnv(profile), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stderr || r.stdout}`);
  return r.stdout.trim();
}

/**
 * Starts code-server on 127.0.0.1 in its own process group (so the extension host and language servers it
 * forks stop with it). `smokeTestDriver` lets the workbench URL's payload load a development extension and
 * a test runner. Resolves once /healthz answers.
 */
export async function startCodeServer(profile, { folder, port, smokeTestDriver = true, log = join(profile.base, 'code-server.log') } = {}) {
  assertReady();
  port ??= await freePort();
  const args = [CODE_SERVER, '--bind-addr', `127.0.0.1:${port}`, '--config', join(profile.base, 'config.yaml'), ...commonArgs(profile)];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (folder) args.push(resolve(folder));
  const child = spawn(NODE24, args, { env: serverEnv(profile), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const out = createWriteStream(log);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
        r();
      }, 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start; see ${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on port ${port} within 60 s; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, base: `http://127.0.0.1:${port}`, pid: child.pid, log, stop };
}

/**
 * The workbench URL for a folder, with an optional payload: a development extension, a tests entry point,
 * environment for the extension host. code-server's web client names its remote "remote".
 */
export function workbenchUrl(server, folder, { developmentPath, testsPath, extensionEnv } = {}) {
  const remote = (p) => `vscode-remote://remote${resolve(p)}`;
  let url = `${server.base}/?folder=${encodeURIComponent(resolve(folder))}`;
  const payload = [];
  if (developmentPath) payload.push(['extensionDevelopmentPath', remote(developmentPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (extensionEnv && Object.keys(extensionEnv).length) payload.push(['extensionEnvironment', JSON.stringify(extensionEnv)]);
  if (payload.length) {
    payload.push(['skipWelcome', 'true']);
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/** Debian's headless Chromium through playwright-core (never a downloaded browser), with a throwaway profile. */
export async function launchBrowser(base, viewport = { width: 1400, height: 900 }) {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium: run npm run setup:vscode');
  const dir = mkdtempSync(join(base, 'chromium-'));
  return chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    viewport,
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), XDG_CACHE_HOME: join(dir, '.cache') },
    // The machine's network is closed: keep Chromium from trying its background services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-breakpad'],
  });
}
