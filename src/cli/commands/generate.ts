/** `aws-event-kit generate <kind>`: events from the factories, as JSON or NDJSON, streamed. */
import { integerFlag, parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { findKind, KINDS } from '../kinds.js';
import { createStreamWriter } from '../output.js';
import { applyAssignment, parseAssignment } from '../setPath.js';
import { nearest } from '../suggest.js';

const HELP = `Usage: aws-event-kit generate <kind> [--count N] [--seed S] [--set path=value ...] [--ndjson]

Prints realistic AWS events built by the aws-event-kit factories (run "aws-event-kit list" for the kinds).

Options:
  --count N         make N events (1 to ${Number.MAX_SAFE_INTEGER}); event i uses seed S+i. Without
                    --ndjson, --count prints a JSON array (even for N = 1); without --count, one object.
  --seed S          integer seed of the first event (default 0): the same seed gives the same event.
  --set path=value  edit every event after it is built; repeatable. Paths: Records[0].body,
                    detail.orderId, ["detail-type"]; [i] indexes arrays (i may equal the length, to
                    append). The value is parsed as JSON when it parses, else used as a string.
                    Derived fields (md5OfBody, SizeBytes …) are NOT recomputed: --set is the escape
                    hatch, like the factories' overrides. __proto__, constructor and prototype are refused.
  --ndjson          one compact JSON event per line, streamed (any count, constant memory).
  -h, --help        show this help.

Examples:
  aws-event-kit generate sqs
  aws-event-kit generate scheduled --count 1000 --ndjson > events.ndjson
  aws-event-kit generate sqs --set 'Records[0].body={"id":1}'
`;

/** Indents every line but the first by two spaces (array items of pretty output). */
function indent(json: string): string {
  return `  ${json.replaceAll('\n', '\n  ')}`;
}

/** The `generate` command. */
export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'print realistic events of a kind (JSON, JSON array or NDJSON)',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, { count: 'string', seed: 'string', set: 'repeat', ndjson: 'boolean', help: 'boolean' });
    if (flags.has('help')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('missing <kind> (run "aws-event-kit list" for the kinds)');
    if (positionals.length > 1) throw new UsageError(`expected one kind, got ${positionals.length}: ${positionals.join(' ')}`);
    const name = positionals[0] as string;
    const kind = findKind(name);
    if (kind === undefined) {
      const close = nearest(name, KINDS.map((k) => k.name));
      throw new UsageError(`unknown kind ${JSON.stringify(name)}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} (run "aws-event-kit list" for all kinds)`);
    }
    const countText = flags.get('count');
    const count = typeof countText === 'string' ? integerFlag('count', countText, 1, Number.MAX_SAFE_INTEGER) : 1;
    const seedText = flags.get('seed');
    const seed = typeof seedText === 'string' ? integerFlag('seed', seedText, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) : 0;
    if (seed + (count - 1) > Number.MAX_SAFE_INTEGER) throw new UsageError(`--seed ${seed} plus --count ${count} passes ${Number.MAX_SAFE_INTEGER}`);
    const sets = ((flags.get('set') as string[] | undefined) ?? []).map(parseAssignment);
    const ndjson = flags.has('ndjson');
    const asArray = !ndjson && typeof countText === 'string';

    const build = (i: number): unknown => {
      const event = kind.make(seed + i);
      for (const assignment of sets) applyAssignment(event, assignment);
      return event;
    };
    // Build the first event before printing anything, so a bad --set fails with no partial output.
    const first = build(0);
    const out = createStreamWriter(io.stdout);
    if (asArray) await out.write('[\n');
    for (let i = 0; i < count && !out.closed; i++) {
      const event = i === 0 ? first : build(i);
      if (ndjson) await out.write(`${JSON.stringify(event)}\n`);
      else if (asArray) await out.write(`${i === 0 ? '' : ',\n'}${indent(JSON.stringify(event, null, 2))}`);
      else await out.write(`${JSON.stringify(event, null, 2)}\n`);
    }
    if (asArray) await out.write('\n]\n');
    await out.end();
    return 0;
  },
};
