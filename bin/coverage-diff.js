#!/usr/bin/env node
// The installed command: runs the bundled CLI (built by `npm install` through the prepare script).
try {
  require('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('coverage-diff: not built yet; run `npm run build` in the project folder\n');
    process.exit(2);
  }
  throw e;
}
