/** Input rules of EventBridge events, from the PutEvents API reference. */
import { parseArn } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { assertJsonValue, copyJsonValue, jsonProblemText, type JsonRules } from '../../_internals/json.js';
import { ONE_MIB, utf8Length } from '../../_internals/limits.js';
import { EVENTBRIDGE_ID_PATTERN } from './envelope.js';

/** PutEventsRequestEntry `DetailType`: 1 to 128 characters. */
export const MAX_DETAIL_TYPE_LENGTH = 128;
/** PutEventsRequestEntry `Source`: 1 to 256 characters. */
export const MAX_SOURCE_LENGTH = 256;
/**
 * The largest PutEvents entry, in bytes as {@link eventBridgeEntrySize} counts them:
 * 1 MiB since January 2026 (256 KB before).
 */
export const MAX_ENTRY_SIZE = ONE_MIB;
/** EventBridge rule names, and archive replay names (same rule). */
export const RULE_NAME_PATTERN = /^[.\-_A-Za-z0-9]{1,64}$/;

/** Throws unless `value` is a string of 1 to `max` UTF-16 code units. */
function assertBoundedString(api: string, argument: string, value: unknown, max: number, what: string): string {
  if (typeof value !== 'string') fail(api, argument, `must be a string (the event's ${what}), got ${show(value)}`);
  if (value.length === 0)
    fail(api, argument, `must not be empty: PutEvents requires a ${what} of 1 to ${max} characters`);
  if (value.length > max)
    fail(api, argument, `is ${value.length} characters long, over the ${max}-character limit of the PutEvents ${what}`);
  return value;
}

/** Throws unless `value` is a valid `detail-type` (1 to 128 characters). */
export function assertDetailType(api: string, argument: string, value: unknown): string {
  return assertBoundedString(api, argument, value, MAX_DETAIL_TYPE_LENGTH, 'DetailType');
}

/**
 * Throws unless `value` is a valid `source` (1 to 256 characters). `aws.*` sources are allowed:
 * the kit builds events as targets receive them, and AWS services emit `aws.*` sources.
 */
export function assertSource(api: string, argument: string, value: unknown): string {
  return assertBoundedString(api, argument, value, MAX_SOURCE_LENGTH, 'Source');
}

/** The JSON walk's rules for a detail: the shared ones, worded for EventBridge. */
const DETAIL_JSON: JsonRules = { describe: (problem) => `${jsonProblemText(problem)} (EventBridge details are JSON)` };

function assertDetailShape(api: string, argument: string, detail: unknown): asserts detail is object {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
    fail(
      api,
      argument,
      `must be a JSON object (EventBridge rejects a Detail that is not a JSON object), got ${show(detail)}`,
    );
  }
}

/**
 * Throws unless `detail` is a JSON object (EventBridge requires an object, not an array or a
 * scalar) and returns its JSON text: the `Detail` string a PutEvents entry would carry.
 */
export function assertDetailObject(api: string, argument: string, detail: unknown): string {
  assertDetailShape(api, argument, detail);
  assertJsonValue(api, argument, detail, DETAIL_JSON);
  return JSON.stringify(detail);
}

/**
 * {@link assertDetailObject} for factories: also returns the detail as a target receives it,
 * copied during the validation walk (what `JSON.parse` of the JSON text gives), so the event
 * shares no object with the caller's detail.
 */
export function readDetailObject(
  api: string,
  argument: string,
  detail: unknown,
): { detail: Record<string, unknown>; json: string } {
  assertDetailShape(api, argument, detail);
  const copy = copyJsonValue(api, argument, detail, DETAIL_JSON) as Record<string, unknown>;
  return { detail: copy, json: JSON.stringify(copy) };
}

/** The fields of a PutEvents entry that count towards its size. */
export interface EventBridgeEntryFields {
  /** Whether the entry sets `Time` (it counts 14 bytes). */
  readonly hasTime: boolean;
  /** `Source`. */
  readonly source: string;
  /** `DetailType`. */
  readonly detailType: string;
  /** The `Detail` JSON text, if any. */
  readonly detail?: string | undefined;
  /** `Resources`, if any. */
  readonly resources?: readonly string[] | undefined;
}

/**
 * A PutEvents entry's size as AWS documents it ("Calculating PutEvents event entry size"):
 * 14 bytes for `Time` when set, plus the UTF-8 bytes of `Source`, `DetailType`, `Detail` and
 * every `Resources` entry. The delivered event is larger (envelope keys), but the limit applies here.
 */
export function eventBridgeEntrySize(entry: EventBridgeEntryFields): number {
  let size = entry.hasTime ? 14 : 0;
  size += utf8Length(entry.source) + utf8Length(entry.detailType);
  if (entry.detail !== undefined) size += utf8Length(entry.detail);
  for (const resource of entry.resources ?? []) size += utf8Length(resource);
  return size;
}

/** Throws when an entry is over EventBridge's 1 MiB limit. */
export function assertEntrySize(api: string, entry: EventBridgeEntryFields): void {
  const size = eventBridgeEntrySize(entry);
  if (size > MAX_ENTRY_SIZE) {
    fail(
      api,
      'the event',
      `is a ${size}-byte PutEvents entry (Time + Source + DetailType + Detail + Resources, in UTF-8), over EventBridge's 1 MiB (${MAX_ENTRY_SIZE} bytes) entry limit`,
    );
  }
}

/** Throws unless `name` is an EventBridge rule name: `[.\-_A-Za-z0-9]{1,64}`. */
export function assertRuleName(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string' || !RULE_NAME_PATTERN.test(name)) {
    fail(api, argument, `${show(name)} is not an EventBridge rule name (1 to 64 of the characters . - _ A-Z a-z 0-9)`);
  }
  return name;
}

/** Throws unless `name` is an EventBridge archive replay name (StartReplay `ReplayName`): the rule-name pattern. */
export function assertReplayName(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string' || !RULE_NAME_PATTERN.test(name)) {
    fail(
      api,
      argument,
      `${show(name)} is not an EventBridge replay name (1 to 64 of the characters . - _ A-Z a-z 0-9)`,
    );
  }
  return name;
}

/** Throws unless `id` has the layout of an EventBridge event id (lower-case hex 8-4-4-4-12). */
export function assertEventBridgeId(api: string, argument: string, id: unknown): string {
  if (typeof id !== 'string' || !EVENTBRIDGE_ID_PATTERN.test(id)) {
    fail(api, argument, `${show(id)} is not an EventBridge event id (lower-case hex in the 8-4-4-4-12 layout)`);
  }
  return id;
}

/**
 * Throws unless `resources` is an array of strings. ARNs among them must be in the event's
 * partition, and an `arn:…:events:` ARN (a rule, a bus) must be in the event's account.
 */
export function assertResources(
  api: string,
  argument: string,
  resources: unknown,
  context: { partition: string; account: string },
): readonly string[] {
  if (!Array.isArray(resources)) fail(api, argument, `must be an array of strings (ARNs), got ${show(resources)}`);
  // An index loop, not forEach: a hole must be refused like undefined, not skipped.
  for (let i = 0; i < resources.length; i++) {
    const resource: unknown = resources[i];
    if (typeof resource !== 'string')
      fail(api, `${argument}[${i}]`, `must be a string (an ARN), got ${show(resource)}`);
    const parsed = parseArn(resource);
    if (parsed === undefined) continue;
    if (parsed.partition !== context.partition) {
      fail(
        api,
        `${argument}[${i}]`,
        `${show(resource)} is in partition "${parsed.partition}", but the event is in partition "${context.partition}"`,
      );
    }
    if (parsed.service === 'events' && parsed.account !== context.account) {
      fail(
        api,
        `${argument}[${i}]`,
        `${show(resource)} is an EventBridge resource of account ${show(parsed.account)}, but the event's account is ${show(context.account)}`,
      );
    }
  }
  return resources as string[];
}
