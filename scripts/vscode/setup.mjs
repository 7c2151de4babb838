#!/usr/bin/env node
// `npm run setup:vscode` — installs the real VS Code the tests and `npm start` use, offline-safe and idempotent:
//   1. Debian packages, when missing: headless Chromium, fonts, and the headers code-server's native modules build
//      against (apt-get, as root);
//   2. Node 24 from the npm registry (code-server needs it; the project itself runs on Node 20);
//   3. code-server (VS Code 1.139.1) from the npm registry, its native modules compiled against Node 24's headers.
// Everything lands in .vscode-test/ (git-ignored) and is reused while ready.json matches the pinned versions.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APT_PACKAGES,
  CACHE,
  chromiumPath,
  CODE_SERVER,
  CODE_SERVER_DIR,
  CODE_SERVER_NATIVE,
  CODE_SERVER_VERSION,
  NODE24,
  NODE24_BIN,
  NODE24_DIR,
  NODE24_HEADERS,
  NODE_VERSION,
  READY,
} from './versions.mjs';

const wanted = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION };
const say = (line) => console.log(`setup:vscode: ${line}`);

function fail(message) {
  console.error(`setup:vscode: ${message}`);
  process.exit(1);
}

function ready() {
  if (!existsSync(READY) || !existsSync(NODE24) || !existsSync(CODE_SERVER) || !existsSync(CODE_SERVER_NATIVE)) return false;
  const marker = JSON.parse(readFileSync(READY, 'utf8'));
  return marker.node === wanted.node && marker.codeServer === wanted.codeServer && chromiumPath() !== null;
}

function missingDebianPackages() {
  return APT_PACKAGES.filter((pkg) => {
    if (pkg === 'chromium-headless-shell' && chromiumPath()) return false; // any Debian Chromium will do
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function installDebianPackages(missing) {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  const isRoot = process.getuid?.() === 0;
  if (!hasApt || !isRoot) {
    fail(
      `missing system packages: ${missing.join(' ')}.\n` +
        (hasApt
          ? `  Install them as root:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\n`
          : '  This machine has no apt-get: install a headless Chromium, the DejaVu fonts, the Kerberos development headers\n' +
            '  (gssapi/gssapi.h), pkg-config, a C/C++ toolchain and python3 with its package manager.\n') +
        '  Or point $CHROMIUM at a Chromium binary if only the browser is missing. Then run npm run setup:vscode again.',
    );
  }
  say(`apt-get install ${missing.join(' ')} (≈1 min)`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * The environment without what an enclosing `npm run` exports (npm_config_*, npm_package_*, …): a nested npm
 * would take those as its own configuration — code-server's install script, for one, reads the Node version from
 * npm_config_user_agent and would see the outer npm's Node 20.
 */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
}

/**
 * npm install of one pinned package into its own folder, install scripts approved for it alone. The compiler
 * chatter goes to install.log; its tail is shown if the install fails.
 */
function npmInstall(dir, name, version, allow, env = cleanEnv()) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const allowScripts = Object.fromEntries(allow.map((p) => [p, true]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `${name}-host`, private: true, dependencies: { [name]: version }, allowScripts }, null, 2));
  const logPath = join(dir, 'install.log');
  const log = openSync(logPath, 'w');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts'], {
    cwd: dir,
    stdio: ['ignore', log, log],
    // Node 24 writes its compile cache under TMPDIR: keep it inside the cache folder.
    env: { ...env, TMPDIR: join(dir, 'tmp') },
  });
  closeSync(log);
  if (r.status !== 0) {
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-25).join('\n');
    fail(`npm install ${name}@${version} failed (exit ${r.status}); the end of ${logPath}:\n${tail}`);
  }
}

function main() {
  if (ready()) {
    say(`ready in ${CACHE} (Node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION}, Chromium ${chromiumPath()})`);
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') fail(`this harness is built for Linux x64, not ${process.platform} ${process.arch}`);
  const t0 = Date.now();
  mkdirSync(CACHE, { recursive: true });
  const missing = missingDebianPackages();
  if (missing.length) installDebianPackages(missing);
  if (!chromiumPath()) fail('no Chromium found after installing packages; set $CHROMIUM to a Chromium binary');

  if (!existsSync(NODE24)) {
    say(`installing Node ${NODE_VERSION} from the npm registry`);
    npmInstall(NODE24_DIR, 'node', NODE_VERSION, ['node']);
  }
  const version = execFileSync(NODE24, ['-v'], { encoding: 'utf8' }).trim();
  if (version !== `v${NODE_VERSION}`) fail(`expected Node v${NODE_VERSION} at ${NODE24}, found ${version}`);

  say(`installing code-server ${CODE_SERVER_VERSION} (VS Code 1.139.1), compiling its native modules (≈2–3 min)`);
  // code-server's postinstall insists on Node 24 (read from npm's user agent) and builds native modules with
  // node-gyp, which cannot download headers offline: put Node 24 first on PATH and point nodedir at its headers.
  npmInstall(CODE_SERVER_DIR, 'code-server', CODE_SERVER_VERSION, ['code-server', 'argon2'], {
    ...cleanEnv(),
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    npm_config_nodedir: NODE24_HEADERS,
  });
  if (!existsSync(CODE_SERVER_NATIVE)) fail(`code-server installed but its native modules did not build (no ${CODE_SERVER_NATIVE})`);

  writeFileSync(READY, JSON.stringify({ ...wanted, chromium: chromiumPath(), installedAt: new Date().toISOString() }, null, 2) + '\n');
  say(`ready in ${((Date.now() - t0) / 1000).toFixed(0)} s (${CACHE})`);
}

main();
