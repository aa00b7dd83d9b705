/** `aws-event-kit list`: the kinds `generate` knows. */
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { KINDS } from '../kinds.js';

const HELP = `Usage: aws-event-kit list [--json]

Lists the kinds "aws-event-kit generate <kind>" knows, one per line with a description.

Options:
  --json      print a JSON array of { name, description } instead
  -h, --help  show this help
`;

/** The `list` command. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list the event kinds generate knows',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, { json: 'boolean', help: 'boolean' });
    if (flags.has('help')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`takes no arguments, got ${positionals.join(' ')}`);
    if (flags.has('json')) {
      io.stdout.write(
        `${JSON.stringify(
          KINDS.map(({ name, description }) => ({ name, description })),
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    const width = Math.max(...KINDS.map((k) => k.name.length));
    io.stdout.write(KINDS.map((k) => `${k.name.padEnd(width)}  ${k.description}\n`).join(''));
    return 0;
  },
};
