/**
 * Factory inputs from the command line: `generate s3:put --bucket photos --key 'a b.jpg'`.
 * Every kind belongs to a family (S3 notification, SQS, Kinesis …) that declares the flags it
 * takes; their values go to the factory as arguments or options, so every derived field follows
 * (the bucket ARN, md5OfBody, the queue ARN …). Nothing here edits a built event: that is `--set`.
 */
import { UsageError } from './command.js';
import { nearest } from './suggest.js';
import { EventInputError } from '../_internals/errors.js';
import { assertJsonValue, MAX_JSON_DEPTH } from '../_internals/json.js';
import { setOwn } from '../_internals/objects.js';

/**
 * Throws a UsageError when a JSON value from the command line nests deeper than the kit accepts
 * (1,000 levels): copying, editing and printing it would otherwise overflow the stack.
 */
export function checkCliJson(what: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    assertJsonValue('aws-event-kit', what, value);
  } catch (error) {
    // Parsed JSON can only break the depth rule; the path down there would be a wall of ".a.a".
    if (error instanceof EventInputError)
      throw new UsageError(
        `${what} nests objects and arrays more than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels deep`,
      );
    throw error;
  }
  return value;
}

/** The options every factory shares that have a flag of their own (`--seed` is separate). */
export type SharedOption = 'region' | 'account' | 'partition' | 'time';

/** One flag of a family: `--bucket NAME`. */
export interface KindInput {
  /** The flag without `--`, e.g. `bucket`. */
  readonly flag: string;
  /** The value's placeholder in help, e.g. `NAME`. */
  readonly value: string;
  /** One line for `generate <kind> --help`. */
  readonly description: string;
  /** Where the value goes: the name of a factory option (`versionId`) or argument (`bucket`). */
  readonly target: string;
  /** The target is a positional argument of the factory, not a key of its options object. */
  readonly argument?: boolean;
  /** Repeatable: each use adds one value (a message, a record, a resource …). */
  readonly repeat?: boolean;
  /** Turns the text into the value (default: the text itself). Throws a UsageError. */
  readonly parse?: (text: string) => unknown;
  /** Repeatable flags: turns the parsed values into the target's value (default: the array). */
  readonly collect?: (values: readonly unknown[]) => unknown;
}

/** Kinds built by the same factory call take the same inputs: one declaration per family. */
export interface KindFamily {
  /** A short name for help, e.g. `S3 notification`. */
  readonly title: string;
  /** The family's own flags. */
  readonly inputs: readonly KindInput[];
  /** Which of `--region`, `--account`, `--partition`, `--time` the factory takes. */
  readonly shared: readonly SharedOption[];
  /** The option names `--option name=value` may set (the factory's options but `seed` and `overrides`). */
  readonly options: readonly string[];
}

/** What the command line chose for one kind: the factory's arguments and options. */
export interface FactoryInputs {
  /** Positional arguments by target (`bucket`, `messages` …); absent ones take the kind's defaults. */
  readonly args: Readonly<Record<string, unknown>>;
  /** Keys of the factory's options object. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** No inputs: every kind's defaults. */
export const NO_INPUTS: FactoryInputs = Object.freeze({ args: Object.freeze({}), options: Object.freeze({}) });

/** A factory option value: `--time` takes an ISO-8601 string or epoch milliseconds (digits). */
function parseTime(text: string): unknown {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** The shared inputs, in help order. */
const SHARED_INPUTS: Readonly<Record<SharedOption, KindInput>> = {
  region: {
    flag: 'region',
    value: 'REGION',
    target: 'region',
    description: 'the AWS region of the event and of every ARN in it (default us-east-1)',
  },
  account: {
    flag: 'account',
    value: 'ACCOUNT',
    target: 'account',
    description: 'the 12-digit account id in every ARN (default 123456789012)',
  },
  partition: {
    flag: 'partition',
    value: 'PARTITION',
    target: 'partition',
    description: "aws, aws-cn or aws-us-gov; must agree with the region (default: the region's)",
  },
  time: {
    flag: 'time',
    value: 'TIME',
    target: 'time',
    parse: parseTime,
    description: 'the event\'s "now": ISO-8601 or epoch milliseconds (default 2026-01-15T12:30:45.123Z)',
  },
};

/** The generic flag: any other key of the factory's options object. */
export const OPTION_FLAG = 'option';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses a value as JSON when it parses, else keeps the text (like `--set`). */
export function jsonOrText(text: string, what = 'the value'): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return text;
  }
  return checkCliJson(what, value);
}

/** `--size 1024`: an integer, checked here; its range is the factory's to check. */
export function integerValue(flag: string): (text: string) => number {
  return (text) => {
    if (!/^-?\d+$/.test(text)) throw new UsageError(`--${flag} must be an integer, got ${JSON.stringify(text)}`);
    return Number(text);
  };
}

/** `--detail '{"orderId":1}'`: JSON, checked here; that it is an object is the factory's to check. */
export function jsonValue(flag: string): (text: string) => unknown {
  return (text) => {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw new UsageError(
        `--${flag} must be JSON, got ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`,
      );
    }
    return checkCliJson(`--${flag}`, value);
  };
}

/** `--keys pk,sk`: a comma-separated list. */
export function listValue(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}

/** Every input flag any family declares (a flag has one arity everywhere). */
export function inputFlags(families: readonly KindFamily[]): Map<string, KindInput> {
  const flags = new Map<string, KindInput>(Object.values(SHARED_INPUTS).map((input) => [input.flag, input]));
  for (const family of families) {
    for (const input of family.inputs) {
      const known = flags.get(input.flag);
      if (known !== undefined && Boolean(known.repeat) !== Boolean(input.repeat))
        throw new Error(`--${input.flag} is declared both repeatable and not`);
      if (known === undefined) flags.set(input.flag, input);
    }
  }
  return flags;
}

/** The flags a family takes, in help order: its own, the shared ones, then `--option`. */
export function familyFlags(family: KindFamily): KindInput[] {
  return [...family.inputs, ...family.shared.map((name) => SHARED_INPUTS[name])];
}

/** Where a flag applies, for "--queue is for sqs, sqs:fifo" in errors. */
export interface KindRef {
  readonly name: string;
  readonly family: KindFamily;
}

function kindsTaking(flag: string, kinds: readonly KindRef[]): string {
  const takes = (kind: KindRef) => familyFlags(kind.family).some((input) => input.flag === flag);
  const all = kinds.filter(takes);
  if (kinds.length - all.length <= 3)
    return `every kind but ${kinds
      .filter((kind) => !takes(kind))
      .map((kind) => kind.name)
      .join(', ')}`;
  // Large groups (s3:…) collapse to s3:*, or s3:* (not the few that do not take it).
  const groups = new Map<string, KindRef[]>();
  for (const kind of kinds) {
    const prefix = kind.name.split(':')[0] as string;
    groups.set(prefix, [...(groups.get(prefix) ?? []), kind]);
  }
  const parts: string[] = [];
  for (const [prefix, group] of groups) {
    const taking = group.filter(takes);
    if (taking.length === 0) continue;
    if (group.length <= 3) parts.push(...taking.map((kind) => kind.name));
    else if (taking.length === group.length) parts.push(`${prefix}:*`);
    else if (taking.length > group.length / 2)
      parts.push(
        `${prefix}:* (not ${group
          .filter((kind) => !takes(kind))
          .map((kind) => kind.name)
          .join(', ')})`,
      );
    else parts.push(...taking.map((kind) => kind.name));
  }
  return parts.join(', ');
}

/**
 * Turns the input flags given for `kind` into its factory inputs. Usage errors for a flag the
 * kind does not take, a bad `--option`, or two flags setting one option.
 */
export function resolveInputs(
  kind: KindRef,
  flags: ReadonlyMap<string, string | true | string[]>,
  allInputs: ReadonlyMap<string, KindInput>,
  kinds: readonly KindRef[],
): FactoryInputs {
  const takes = familyFlags(kind.family);
  const args: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  const setBy = new Map<string, string>();
  const put = (input: Pick<KindInput, 'target' | 'argument'>, value: unknown, by: string) => {
    const earlier = setBy.get(input.target);
    if (earlier !== undefined) throw new UsageError(`${earlier} and ${by} both set ${input.target}; give one`);
    setBy.set(input.target, by);
    setOwn(input.argument === true ? args : options, input.target, value);
  };
  let any = false;
  for (const [flag, given] of flags) {
    if (!allInputs.has(flag)) continue;
    const input = takes.find((candidate) => candidate.flag === flag);
    if (input === undefined) {
      throw new UsageError(
        `--${flag} does not apply to ${kind.name}, which takes ${[...takes.map((i) => `--${i.flag}`), `--${OPTION_FLAG}`].join(', ')}; --${flag} is for ${kindsTaking(flag, kinds)}`,
      );
    }
    any = true;
    const parse = input.parse ?? ((text: string) => text);
    if (input.repeat === true) {
      const values = (given as string[]).map(parse);
      put(input, input.collect === undefined ? values : input.collect(values), `--${flag}`);
    } else put(input, parse(given as string), `--${flag}`);
  }
  const generic = flags.get(OPTION_FLAG);
  if (Array.isArray(generic)) {
    any = true;
    for (const text of generic) {
      const eq = text.indexOf('=');
      if (eq <= 0) throw new UsageError(`--${OPTION_FLAG} needs name=value, got ${JSON.stringify(text)}`);
      const name = text.slice(0, eq);
      if (FORBIDDEN.has(name)) throw new UsageError(`--${OPTION_FLAG} ${name} is not allowed`);
      if (name === 'overrides')
        throw new UsageError(`--${OPTION_FLAG} overrides is refused: edit the built event with --set path=value`);
      if (name === 'seed')
        throw new UsageError(`--${OPTION_FLAG} seed is refused: use --seed (event i of --count uses seed S+i)`);
      const argument = takes.find((input) => input.argument === true && input.target === name);
      if (argument !== undefined)
        throw new UsageError(
          `--${OPTION_FLAG} ${name}: ${name} is an argument of the factory, not an option; use --${argument.flag}`,
        );
      const allowed = [...kind.family.shared, ...kind.family.options];
      if (!allowed.includes(name)) {
        const close = nearest(name, allowed);
        const list = allowed.length === 0 ? 'no other options' : allowed.join(', ');
        throw new UsageError(
          `--${OPTION_FLAG} ${name} is not an option of ${kind.name}${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}; it takes ${list}`,
        );
      }
      const shared = kind.family.shared.find((option) => option === name);
      put(
        { target: name },
        shared === undefined
          ? jsonOrText(text.slice(eq + 1), `--${OPTION_FLAG} ${name}`)
          : (SHARED_INPUTS[shared].parse ?? String)(text.slice(eq + 1)),
        `--${OPTION_FLAG} ${name}`,
      );
    }
  }
  return any ? { args, options } : NO_INPUTS;
}

/** Wraps `text` at spaces to lines of at most `width` characters, joined by `joint`. */
function wrap(text: string, width: number, joint: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length === 0 ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(joint);
}

/** `generate <kind> --help`: the kind's inputs, one line each. */
export function kindHelp(kind: KindRef & { readonly description: string }): string {
  const rows = familyFlags(kind.family).map(
    (input) =>
      [
        `--${input.flag} ${input.value}${input.repeat === true ? ' ...' : ''}`,
        input.description + (input.repeat === true ? '; repeatable' : ''),
      ] as const,
  );
  const { options } = kind.family;
  rows.push([
    `--${OPTION_FLAG} name=value`,
    options.length === 0
      ? 'none: this kind takes no other factory options'
      : wrap(
          `another factory option, the value parsed as JSON when it parses: ${options.join(', ')}`,
          74,
          `\n${''.padEnd(26)}`,
        ),
  ]);
  // Descriptions start at column 26; a longer flag puts its description on the next line.
  const line = ([left, right]: readonly [string, string]) =>
    left.length <= 22 ? `  ${left.padEnd(22)}  ${right}` : `  ${left}\n  ${''.padEnd(22)}  ${right}`;
  return `Usage: aws-event-kit generate ${kind.name} [inputs] [--count N] [--seed S] [--set path=value ...] [--ndjson]

${kind.description}

Inputs (${kind.family.title}): the factory builds the event from them, so every derived field follows.
${rows.map(line).join('\n')}

--set edits apply after the event is built (see "aws-event-kit generate --help").
`;
}
