import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers';

/** Every .ts file below a folder of src/. */
function sources(folder: string): string[] {
  const root = join(REPO, 'src', folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) out.push(path);
    }
  };
  walk(root);
  return out;
}

/** Module specifiers a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** The only packages the core may use: they run in any JavaScript host. */
const CORE_PACKAGES = new Set(['wink-nlp', 'wink-eng-lite-web-model', 'markdown-it', 'diff']);

function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('architecture', () => {
  it('keeps src/core free of vscode, Node built-ins and the DOM', () => {
    const files = sources('core');
    assert.ok(files.length > 10);
    for (const file of files) {
      const where = relative(REPO, file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          assert.ok(!/\/(?:extension|cli|node|webview)\//.test(spec), `${where} reaches out of the core: ${spec}`);
          continue;
        }
        assert.notEqual(spec, 'vscode', `${where} imports vscode`);
        assert.ok(!NODE_BUILTINS.has(spec) && !spec.startsWith('node:'), `${where} imports the Node built-in ${spec}`);
        assert.ok(CORE_PACKAGES.has(packageOf(spec)), `${where} imports ${spec}, not a core dependency`);
      }
      const text = readFileSync(file, 'utf8');
      assert.ok(!/(?<![.\w])(?:window|document|navigator|process|require|__dirname|Buffer)\s*[.([]/.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')), `${where} uses a host global`);
    }
  });

  it('compiles the core without DOM, Node or vscode types', () => {
    const tsconfig = readFileSync(join(REPO, 'src', 'core', 'tsconfig.json'), 'utf8');
    assert.match(tsconfig, /"lib":\s*\["ES2022"\]/);
    assert.match(tsconfig, /"types":\s*\[\]/);
  });

  it('imports vscode only in src/extension', () => {
    for (const folder of ['core', 'cli', 'node', 'shared', 'webview']) {
      for (const file of sources(folder)) assert.ok(!importsOf(file).includes('vscode'), `${relative(REPO, file)} imports vscode`);
    }
  });

  it('lets the webview reach only src/shared (and core types through it), talking to VS Code in one file', () => {
    const files = sources('webview');
    assert.ok(files.length >= 5);
    for (const file of files) {
      const where = relative(REPO, file);
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          assert.ok(!/\/(?:extension|cli|node)\//.test(spec), `${where} imports ${spec}`);
          // The core reaches the webview as types only.
          if (/\/core\//.test(spec)) assert.match(text, new RegExp(`import type [^;]*['"]${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`), `${where} imports core code`);
          continue;
        }
        assert.ok(['diff'].includes(packageOf(spec)), `${where} imports the package ${spec}`);
      }
      if (!file.endsWith('vscodeApi.ts')) assert.ok(!text.includes('acquireVsCodeApi'), `${where} talks to VS Code directly`);
      assert.ok(!/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/.test(text), `${where} writes markup`);
    }
  });

  it('keeps src/shared to types and plain data: core types only, no Node, DOM or vscode', () => {
    for (const file of sources('shared')) {
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(file)) {
        assert.ok(spec.startsWith('.'), `${relative(REPO, file)} imports the package ${spec}`);
        if (/\/core\//.test(spec)) assert.match(text, /import type [^;]*\/core\//, `${relative(REPO, file)} imports core code`);
      }
      assert.ok(!/(?<![.\w])(?:window|document|process|require)\s*[.([]/.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')), `${relative(REPO, file)} uses a host global`);
    }
  });

  it('keeps the CLI and the Node helpers away from the extension', () => {
    for (const folder of ['cli', 'node']) {
      for (const file of sources(folder)) {
        for (const spec of importsOf(file)) assert.ok(!spec.includes('/extension'), `${relative(REPO, file)} imports ${spec}`);
      }
    }
  });

  it('reports the version of package.json', async () => {
    const { VERSION } = await import('../../src/core');
    assert.equal(VERSION, JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });
});

describe('settings', () => {
  it('gives the analysis settings the core’s own defaults', async () => {
    const { DEFAULT_OPTIONS } = await import('../../src/core');
    const properties = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, { default: unknown }>;
    for (const key of ['pairThreshold', 'pointThreshold', 'ignoreKinds'] as const) {
      assert.deepEqual(properties[`coverageDiff.${key}`]?.default, DEFAULT_OPTIONS[key], `coverageDiff.${key}`);
    }
  });
});
