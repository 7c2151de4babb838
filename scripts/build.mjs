// Bundles the extension and the CLI with esbuild (tsc only type-checks: `npm run typecheck`).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['src/node/analysisWorker.ts'], outfile: 'dist/worker.js' }),
  build({ ...common, entryPoints: ['src/node/prepareWorker.ts'], outfile: 'dist/prepare-worker.js' }),
  // The comparison panel's script runs in the webview (a browser): one self-contained file.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' }),
]);
