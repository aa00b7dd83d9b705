/** The `aws-event-kit` dispatcher, independent of `process` so tests run it in-process. */
import { EventInputError } from '../_internals/errors.js';
import { UsageError, type CliCommand, type CliIO } from './command.js';
import { COMMANDS } from './commands/index.js';
import { OutputError } from './output.js';
import { nearest } from './suggest.js';
import { packageVersion } from './version.js';

/** The text of `aws-event-kit --help`. */
export function mainHelp(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: aws-event-kit <command> [options]

Realistic, typed, deterministic AWS Lambda test events.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "aws-event-kit <command> --help" for a command's options;
"aws-event-kit --version" (or -v) prints the version.
Exit codes: 0 success, 1 a failed check or output that cannot be written, 2 a usage error.
`;
}

/** One line: newlines in a message would break "one clear line" on stderr. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Runs `aws-event-kit <args>` and returns the exit code. Usage errors (and inputs the factories
 * reject) print `aws-event-kit <command>: <message>` on one line and return 2; output that cannot
 * be written (a full disk) prints one line and returns 1.
 */
export async function runCli(
  args: readonly string[],
  io: CliIO,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.stderr.write('aws-event-kit: missing command (run "aws-event-kit --help")\n');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const version = packageVersion();
    if (version === undefined) {
      io.stderr.write('aws-event-kit: cannot find the package.json of aws-event-kit to read its version\n');
      return 1;
    }
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    // A mistyped top-level flag (--verison, --hepl) is suggested among the flags, a word among the commands.
    const close = nearest(name, name.startsWith('-') ? ['--help', '--version'] : commands.map((c) => c.name));
    io.stderr.write(
      `aws-event-kit: unknown command ${JSON.stringify(name)}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} (run "aws-event-kit --help")\n`,
    );
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof EventInputError) {
      io.stderr.write(`aws-event-kit ${command.name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`aws-event-kit ${command.name}: ${oneLine(error.message)}\n`);
      return 1;
    }
    throw error;
  }
}
