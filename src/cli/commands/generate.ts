/**
 * `aws-event-kit generate <kind>`: events from the factories, as JSON or NDJSON, streamed. Input
 * flags (`--bucket`, `--queue`, `--region` …) choose the factory's arguments and options, so
 * derived fields follow; `--set` then edits the built events raw.
 */
import { integerFlag, parseArgs, type FlagKind } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { OPTION_FLAG, kindHelp, NO_INPUTS, resolveInputs } from '../inputs.js';
import { findKind, INPUT_FLAGS, KINDS } from '../kinds.js';
import { assumedAttributeType } from '../messageAttributes.js';
import { createStreamWriter } from '../output.js';
import { matchingBuilder } from './generateMatching.js';
import { applyAssignment, parseAssignment, type SetChange } from '../setPath.js';
import { nearest } from '../suggest.js';

/** One help row per set of family flags: `S3 notification / S3 through EventBridge  --bucket …`. */
function familyRows(): string {
  const rows = new Map<string, string[]>();
  for (const family of new Set(KINDS.map((kind) => kind.family))) {
    if (family.inputs.length === 0) continue;
    const flags = family.inputs.map((input) => `--${input.flag}`).join(' ');
    rows.set(flags, [...(rows.get(flags) ?? []), family.title]);
  }
  return [...rows].map(([flags, titles]) => `  ${titles.join(', ')}: ${flags}`).join('\n');
}

const HELP = `Usage: aws-event-kit generate <kind> [inputs] [--count N] [--seed S] [--set path=value ...] [--ndjson]
       aws-event-kit generate <kind> --help   (the inputs of one kind)

Prints realistic AWS events built by the aws-event-kit factories (run "aws-event-kit list" for the kinds).

Inputs are the factory's arguments and options, so every derived field follows them (a bucket
gives its bucket ARN, a body its md5OfBody, a region every ARN and awsRegion).
  --region R, --account A, --partition P, --time T (ISO-8601 or epoch milliseconds)
      for every kind but s3:test and cloudwatch-logs:control, which take only --time.
${familyRows()}
  --option name=value  any other option of the kind's factory; the value is parsed as JSON when
      it parses. Not seed (use --seed) nor overrides (use --set).
  An input the kind does not take, or a value its factory rejects, is a usage error (exit 2).

Options:
  --count N         make N events (1 to ${Number.MAX_SAFE_INTEGER}); event i uses seed S+i. Without
                    --ndjson, --count prints a JSON array (even for N = 1); without --count, one object.
                    Every event uses the same inputs.
  --seed S          integer seed of the first event (default 0): the same seed gives the same event.
  --set path=value  edit every event after it is built from the inputs; repeatable. Paths:
                    Records[0].body, detail.orderId, ["detail-type"]; [i] indexes arrays (i may
                    equal the length, to append). The value is parsed as JSON when it parses, else
                    used as a string. Derived fields (md5OfBody, SizeBytes …) are NOT recomputed:
                    --set is the escape hatch, like the factories' overrides. __proto__, constructor
                    and prototype are refused.
  --ndjson          one compact JSON event per line, streamed (any count, constant memory).
  --matching FILE   only events an EventBridge event pattern (JSON file, - for stdin) matches: the
                    pattern's fields are set on each built event (after --set); fields naming the
                    service (source, detail-type, eventSource …) keep the kind's values, so a pattern
                    pinning them elsewhere is an error naming the kinds that fit. Needs fast-check.
  -h, --help        show this help; after a kind, that kind's inputs.

Examples:
  aws-event-kit generate sqs
  aws-event-kit generate s3:put --bucket photo-uploads --key 'my photos/cat+dog.jpg'
  aws-event-kit generate sqs --queue orders.fifo --region eu-west-1 --body '{"orderId":1}' --body plain
  aws-event-kit generate scheduled --count 1000 --ndjson > events.ndjson
  aws-event-kit generate sqs --set 'Records[0].body={"id":1}'
`;

/** Indents every line but the first by two spaces (array items of pretty output). */
function indent(json: string): string {
  return `  ${json.replaceAll('\n', '\n  ')}`;
}

/** The flags: the command's own, every kind's inputs (checked against the kind later) and --option. */
const SPEC: Readonly<Record<string, FlagKind>> = {
  count: 'string',
  seed: 'string',
  set: 'repeat',
  ndjson: 'boolean',
  matching: 'string',
  help: 'boolean',
  [OPTION_FLAG]: 'repeat',
  ...Object.fromEntries([...INPUT_FLAGS].map(([flag, input]) => [flag, input.repeat === true ? 'repeat' : 'string'])),
};

/** `a string`, `an object`. */
function article(type: string): string {
  return `${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}`;
}

/** The `generate` command. */
export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'print realistic events of a kind (JSON, JSON array or NDJSON)',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, SPEC);
    if (flags.has('help') && positionals.length === 0) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('missing <kind> (run "aws-event-kit list" for the kinds)');
    if (positionals.length > 1)
      throw new UsageError(`expected one kind, got ${positionals.length}: ${positionals.join(' ')}`);
    const name = positionals[0] as string;
    const kind = findKind(name);
    if (kind === undefined) {
      const close = nearest(
        name,
        KINDS.map((k) => k.name),
      );
      throw new UsageError(
        `unknown kind ${JSON.stringify(name)}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} (run "aws-event-kit list" for all kinds)`,
      );
    }
    if (flags.has('help')) {
      io.stdout.write(kindHelp(kind));
      return 0;
    }
    // Factory inputs build the event; --set edits apply after.
    const inputs = resolveInputs(kind, flags, INPUT_FLAGS, KINDS);
    const countText = flags.get('count');
    const count = typeof countText === 'string' ? integerFlag('count', countText, 1, Number.MAX_SAFE_INTEGER) : 1;
    const seedText = flags.get('seed');
    const seed =
      typeof seedText === 'string'
        ? integerFlag('seed', seedText, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
        : 0;
    if (seed + (count - 1) > Number.MAX_SAFE_INTEGER)
      throw new UsageError(`--seed ${seed} plus --count ${count} passes ${Number.MAX_SAFE_INTEGER}`);
    const sets = ((flags.get('set') as string[] | undefined) ?? []).map(parseAssignment);
    const ndjson = flags.has('ndjson');
    const asArray = !ndjson && typeof countText === 'string';

    const changes: Array<SetChange | undefined> = [];
    const make = (i: number): unknown => {
      // Each event gets its own copy: a factory may hand an input array (resources …) to the event, which --set may edit.
      const event = kind.make(seed + i, inputs === NO_INPUTS ? NO_INPUTS : structuredClone(inputs));
      for (const assignment of sets) {
        const change = applyAssignment(event, assignment);
        if (i === 0) changes.push(change);
      }
      return event;
    };
    const matching = flags.get('matching');
    const build = typeof matching === 'string' ? await matchingBuilder(io, matching, kind, seed, make) : make;
    // Build the first event before printing anything, so a bad --set fails with no partial output.
    const first = build(0);
    // An attribute given without a type gets one by a rule; say which, so a wrong guess is seen.
    for (const text of (flags.get('message-attribute') as string[] | undefined) ?? []) {
      const assumed = assumedAttributeType(text);
      if (assumed === undefined) continue;
      const name = text.slice(0, text.indexOf('='));
      io.stderr.write(
        `aws-event-kit generate: note: --message-attribute ${text} has no type; assumed ${assumed} (write ${name}=String:…, ${name}=Number:… or ${name}=Binary:… to choose)\n`,
      );
    }
    // A --set that changes a field's JSON type is usually a mistake (a JSON body where SQS carries text,
    // a number where AWS sends a string): say so on stderr, once, and still print the event.
    sets.forEach((assignment, k) => {
      const change = changes[k];
      if (change === undefined || change.before === change.after) return;
      const hint =
        change.before === 'string'
          ? `; to set the text, quote it as JSON: --set '${assignment.text}=${JSON.stringify(JSON.stringify(assignment.value))}'`
          : '';
      io.stderr.write(
        `aws-event-kit generate: warning: --set ${assignment.text} changes ${article(change.before)} into ${article(change.after)}; derived fields (md5OfBody, SizeBytes …) are not recomputed, so use the kind's input flags (generate ${kind.name} --help) to build it${hint}\n`,
      );
    });
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
