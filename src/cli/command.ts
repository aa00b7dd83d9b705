/** The contract of one `aws-event-kit` sub-command; `src/cli/main.ts` dispatches to these. */

/** Where a command reads and writes; tests pass in-memory streams. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  /** The working directory that relative file arguments resolve against. */
  readonly cwd: string;
}

/** A sub-command: `aws-event-kit <name> …`. */
export interface CliCommand {
  /** The word after `aws-event-kit`, e.g. `generate`. */
  readonly name: string;
  /** One line for `aws-event-kit --help`. */
  readonly summary: string;
  /** The full text printed by `aws-event-kit <name> --help`. */
  readonly help: string;
  /**
   * Runs the command with the arguments after its name and returns the exit code:
   * 0 success, 1 a failed check (e.g. a counterexample), 2 a usage error (one clear line on stderr).
   */
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** A usage error: main prints `aws-event-kit <command>: <message>` on one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
