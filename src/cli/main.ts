#!/usr/bin/env node
/** The `aws-event-kit` executable: wires `runCli` to the process. */
import { describeWriteError } from './output.js';
import { runCli } from './run.js';

// `aws-event-kit generate … | head`: the reader went away; stop quietly, as Unix tools do.
// Any other write error (a full disk …) is one line and exit 1, not a stack trace.
const onStdoutError = (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`aws-event-kit: cannot write to stdout: ${describeWriteError(error)}\n`);
  process.exit(1);
};
process.stdout.on('error', onStdoutError);
// Nowhere left to report a stderr failure: exit 1 quietly rather than crash with a trace.
process.stderr.on('error', () => process.exit(1));

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
  process.stderr.write(
    `aws-event-kit: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
