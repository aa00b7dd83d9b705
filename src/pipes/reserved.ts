/**
 * The reserved variables of Pipes and rules, and the contexts that feed them.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
import {
  arn,
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  DEFAULT_TIME,
  isFourDigitYearTime,
  parseArn,
} from '../_internals/aws.js';
import { decodedView } from './decode.js';

/** What a pipe's reserved variables render as. Every field is optional; defaults are deterministic. */
export interface PipeContext {
  /** `<aws.pipes.pipe-arn>`. @defaultValue `arn:aws:pipes:<region>:<account>:pipe/<pipeName>`, region and account from `sourceArn` */
  pipeArn?: string;
  /** `<aws.pipes.pipe-name>`. @defaultValue the name in `pipeArn`, else `my-pipe` */
  pipeName?: string;
  /** `<aws.pipes.source-arn>`. @defaultValue the record's `eventSourceARN` / `eventSourceArn`, else `""` */
  sourceArn?: string;
  /** `<aws.pipes.enrichment-arn>`. @defaultValue `""` (no enrichment) */
  enrichmentArn?: string;
  /** `<aws.pipes.target-arn>`. @defaultValue `""` */
  targetArn?: string;
  /** `<aws.pipes.event.ingestion-time>`: a string is used verbatim, a Date as `toISOString()`. @defaultValue `2026-01-15T12:30:45.123Z` */
  ingestionTime?: string | Date;
}

/** What a rule's reserved variables render as. */
export interface RuleContext {
  /** `<aws.events.rule-arn>`. @defaultValue `arn:aws:events:<event.region>:<event.account>:rule/<ruleName>` */
  ruleArn?: string;
  /** `<aws.events.rule-name>`. @defaultValue the name in `ruleArn`, else `my-rule` */
  ruleName?: string;
  /** `<aws.events.event.ingestion-time>`: a string is used verbatim, a Date as `toISOString()`. @defaultValue `2026-01-15T12:30:45.123Z` */
  ingestionTime?: string | Date;
  /** The target id AWS names in `PutTargets` errors. @defaultValue `target` */
  targetId?: string;
}

/** The Pipes reserved variable names. */
export const PIPES_RESERVED = [
  'aws.pipes.pipe-arn',
  'aws.pipes.pipe-name',
  'aws.pipes.source-arn',
  'aws.pipes.enrichment-arn',
  'aws.pipes.target-arn',
  'aws.pipes.event.ingestion-time',
  'aws.pipes.event',
  'aws.pipes.event.json',
] as const;
/** The rules reserved variable names. */
export const RULE_RESERVED = [
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
] as const;

/** A Pipes reserved variable. */
export type PipesReserved = (typeof PIPES_RESERVED)[number];
/** A rules reserved variable. */
export type RuleReserved = (typeof RULE_RESERVED)[number];

/** Reserved variables whose value is the whole event (an object): usable only as a JSON value. */
export const EVENT_VARIABLES: ReadonlySet<string> = new Set([
  'aws.pipes.event',
  'aws.pipes.event.json',
  'aws.events.event',
  'aws.events.event.json',
]);

function time(value: string | Date | undefined): string {
  if (value === undefined) return DEFAULT_TIME.toISOString();
  if (typeof value === 'string') return value;
  // A Date outside the years 0000-9999 prints as "+275760-…", which no AWS time holds.
  if (!(value instanceof Date) || !isFourDigitYearTime(value.getTime())) {
    throw new TypeError(
      `context.ingestionTime must be an ISO-8601 string or a valid Date in the years 0000 to 9999, got ${value instanceof Date ? (Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString()) : typeof value}`,
    );
  }
  return value.toISOString();
}

/**
 * Throws a `TypeError` naming `api` unless `context` is an object (the reserved-variable values);
 * `null` or a string would otherwise fail deep inside a render, or be silently ignored.
 */
export function checkContext<C extends object>(api: string, context: C): C {
  if (context === null || typeof context !== 'object' || Array.isArray(context)) {
    throw new TypeError(
      `${api}: context must be an object of reserved-variable values such as { pipeName: 'my-pipe' } or { ruleName: 'my-rule' }, got ${context === null ? 'null' : Array.isArray(context) ? 'an array' : typeof context}`,
    );
  }
  return context;
}

function field(record: unknown, ...names: string[]): string | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  for (const name of names) {
    const value = (record as Record<string, unknown>)[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** The value of a Pipes reserved variable for one record. */
export function pipesReservedValue(
  name: PipesReserved,
  record: unknown,
  context: PipeContext,
  decode: boolean,
): unknown {
  switch (name) {
    case 'aws.pipes.pipe-arn':
      return pipeArn(record, context);
    case 'aws.pipes.pipe-name':
      return context.pipeName ?? nameOf(context.pipeArn) ?? 'my-pipe';
    case 'aws.pipes.source-arn':
      return context.sourceArn ?? field(record, 'eventSourceARN', 'eventSourceArn') ?? '';
    case 'aws.pipes.enrichment-arn':
      return context.enrichmentArn ?? '';
    case 'aws.pipes.target-arn':
      return context.targetArn ?? '';
    case 'aws.pipes.event.ingestion-time':
      return time(context.ingestionTime);
    case 'aws.pipes.event':
      return record;
    case 'aws.pipes.event.json':
      return decode ? decodedView(record) : record;
  }
}

function nameOf(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const slash = arn.lastIndexOf('/');
  return slash >= 0 ? arn.slice(slash + 1) : undefined;
}

function pipeArn(record: unknown, context: PipeContext): string {
  if (context.pipeArn !== undefined) return context.pipeArn;
  const source = parseArn(context.sourceArn ?? field(record, 'eventSourceARN', 'eventSourceArn') ?? '');
  const region = source?.region || DEFAULT_REGION;
  const account = source?.account || DEFAULT_ACCOUNT;
  const partition = source?.partition ?? 'aws';
  return arn(partition, 'pipes', region, account, `pipe/${context.pipeName ?? 'my-pipe'}`);
}

// The observed order of <aws.events.event>'s keys, with detail-type renamed to detailType and no detail (as recorded against AWS).
const EVENT_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['id', 'id'],
  ['account', 'account'],
  ['detail-type', 'detailType'],
  ['time', 'time'],
  ['source', 'source'],
  ['region', 'region'],
  ['resources', 'resources'],
  ['version', 'version'],
];

/** The value of a rules reserved variable for one event. */
export function ruleReservedValue(name: RuleReserved, event: unknown, context: RuleContext): unknown {
  switch (name) {
    case 'aws.events.rule-arn':
      return ruleArn(event, context);
    case 'aws.events.rule-name':
      return context.ruleName ?? nameOf(context.ruleArn) ?? 'my-rule';
    case 'aws.events.event.ingestion-time':
      return time(context.ingestionTime);
    case 'aws.events.event.json':
      return event;
    case 'aws.events.event': {
      if (event === null || typeof event !== 'object' || Array.isArray(event)) return event;
      const source = event as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [from, to] of EVENT_KEYS) if (Object.hasOwn(source, from)) out[to] = source[from];
      return out;
    }
  }
}

function ruleArn(event: unknown, context: RuleContext): string {
  if (context.ruleArn !== undefined) return context.ruleArn;
  const region = field(event, 'region') ?? DEFAULT_REGION;
  const account = field(event, 'account') ?? DEFAULT_ACCOUNT;
  return `arn:aws:events:${region}:${account}:rule/${context.ruleName ?? 'my-rule'}`;
}
