import { join } from 'node:path';
import { run } from './main';

// A reader that stops early (`coverage-diff analyze … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// The executable entry: wire the CLI to the process and set its exit code (without cutting stdout short).
run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // The bundle lives in dist/; media/ sits beside it in the package.
  packageRoot: join(__dirname, '..'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`coverage-diff: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
