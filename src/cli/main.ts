#!/usr/bin/env node
/** The `aws-event-kit` executable: wires `runCli` to the process. */
import { runCli } from './run.js';

// `aws-event-kit generate … | head`: the reader went away; stop quietly, as Unix tools do.
const quietOnBrokenPipe = (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
};
process.stdout.on('error', quietOnBrokenPipe);

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // Lazy: touching process.stdin opens a handle, which only commands that read stdin need.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
  });
} catch (error) {
  process.stderr.write(`aws-event-kit: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
