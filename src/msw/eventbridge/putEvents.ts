/**
 * PutEvents over awsJson1_1 (`x-amz-target: AWSEvents.PutEvents`): whole-request validation
 * (1–10 entries, member lengths, total size) and per-entry validation reported in `Entries[i]`
 * with `FailedEntryCount` (EventBridge API reference, PutEvents and PutEventsResultEntry).
 */
import { eventBridgeEntrySize, MAX_DETAIL_TYPE_LENGTH, MAX_SOURCE_LENGTH } from '../../events/eventbridge/index.js';
import { asStructure, readList, readString, readStringList, type JsonObject } from '../_internals/input.js';
import { EVENTBRIDGE_INPUT_ERRORS, validationError } from './errors.js';

/**
 * PutEvents' limit on the total size of a request's entries, counted as EventBridge counts entry
 * sizes (Time 14 bytes + UTF-8 Source, DetailType, Detail and each Resource): 256 KiB.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export const PUT_EVENTS_MAX_BYTES = 256 * 1024;

/**
 * The raised limit: AWS announced 1 MB event payloads on 2026-01-29 (not in every region); a
 * measurement against us-east-1 in March 2026 accepted 1,048,576 bytes and rejected one more.
 * Opt in with `mocks.eventBridge.configure({ putEventsMaxBytes: PUT_EVENTS_RAISED_MAX_BYTES })`.
 * @see https://aws.amazon.com/about-aws/whats-new/2026/01/amazon-eventbridge-increases-event-payload-size-256-kb-1-mb/
 */
export const PUT_EVENTS_RAISED_MAX_BYTES = 1024 * 1024;

/** An entry that passed validation. */
interface AcceptedEntry {
  source: string;
  detailType: string;
  /** The parsed Detail object. */
  detail: Record<string, unknown>;
  resources: string[];
  /** From `Time` (epoch seconds), else the current virtual time. */
  time: Date | undefined;
  /** Bus name (an ARN is reduced to its name). */
  eventBusName: string;
}

/** The per-entry verdicts of a PutEvents request. */
export type EntryVerdict = { ok: AcceptedEntry } | { errorCode: string; errorMessage: string };

function invalidArgument(member: string): EntryVerdict {
  return {
    errorCode: 'InvalidArgument',
    errorMessage: `Parameter ${member} is not valid. Reason: ${member} is a required argument.`,
  };
}

function busName(value: string | undefined): string {
  if (value === undefined || value === '') return 'default';
  const slash = value.lastIndexOf('event-bus/');
  return value.startsWith('arn:') && slash !== -1 ? value.slice(slash + 'event-bus/'.length) : value;
}

// EventBusName's constraints in the EventBridge service model (NonPartnerEventBusNameOrArn): 1–1600
// characters of a name or an event-bus ARN.
const EVENT_BUS_PATTERN_TEXT =
  '(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[\\.\\-_A-Za-z0-9]+';
const EVENT_BUS_PATTERN = new RegExp(`^(?:${EVENT_BUS_PATTERN_TEXT})$`);

/** One broken member constraint, in coral's words. */
function lengthViolation(value: string, path: string, max: number): string {
  return `Value '${value}' at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${max}`;
}

/** Coral's ValidationException for the broken constraints, joined as AWS joins them. */
function violationsError(violations: readonly string[]): never {
  const count =
    violations.length === 1 ? '1 validation error detected' : `${violations.length} validation errors detected`;
  throw validationError(`${count}: ${violations.join('; ')}`);
}

/** A Java-style `null` for absent members, as the service's validation messages print them. */
function javaValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaValue).join(', ')}]`;
  if (typeof value === 'number') return javaDate(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Time` (epoch seconds) as java.util.Date prints it in UTC (`Wed Jan 08 15:24:12 UTC 2025`). */
function javaDate(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return String(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

/**
 * An entry as the "more than 10 entries" message prints it: the service's
 * `PutEventsRequestEntry(time=…, source=…, …)` form, with `Detail` as sent.
 */
function describeEntry(entry: unknown): string {
  const e = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : {};
  return (
    `PutEventsRequestEntry(time=${javaValue(e['Time'])}, source=${javaValue(e['Source'])}, resources=${javaValue(e['Resources'])}, ` +
    `detailType=${javaValue(e['DetailType'])}, detail=${javaValue(e['Detail'])}, eventBusName=${javaValue(e['EventBusName'])}, ` +
    `traceHeader=${javaValue(e['TraceHeader'])}, kmsKeyIdentifier=null, internalMetadata=null)`
  );
}

/** What a PutEvents request is judged against. */
export interface PutEventsLimits {
  /** The largest total entry size accepted, in bytes. */
  maxBytes: number;
}

/**
 * Checks one entry's types and lengths (coral validation: they fail the whole request, before any
 * entry runs), adding its length violations to `violations`; returns the entry's size.
 */
function checkEntryShape(entry: JsonObject, i: number, violations: string[]): number {
  const source = readString(entry, 'Source', EVENTBRIDGE_INPUT_ERRORS);
  const detailType = readString(entry, 'DetailType', EVENTBRIDGE_INPUT_ERRORS);
  const detail = readString(entry, 'Detail', EVENTBRIDGE_INPUT_ERRORS);
  const resources = readStringList(entry, 'Resources', EVENTBRIDGE_INPUT_ERRORS);
  const bus = readString(entry, 'EventBusName', EVENTBRIDGE_INPUT_ERRORS);
  const traceHeader = readString(entry, 'TraceHeader', EVENTBRIDGE_INPUT_ERRORS);
  const at = `entries.${i + 1}.member`;
  if (bus !== undefined) {
    if (!EVENT_BUS_PATTERN.test(bus))
      violations.push(
        `Value '${bus}' at '${at}.eventBusName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${EVENT_BUS_PATTERN_TEXT}`,
      );
    if (bus.length < 1 || bus.length > 1600)
      violations.push(
        `Value '${bus}' at '${at}.eventBusName' failed to satisfy constraint: Member must have length ${bus.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 1600'}`,
      );
  }
  if (traceHeader !== undefined && (traceHeader.length < 1 || traceHeader.length > 500)) {
    violations.push(
      `Value '${traceHeader}' at '${at}.traceHeader' failed to satisfy constraint: Member must have length ${traceHeader.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 500'}`,
    );
  }
  const time = entry['Time'];
  if (time !== undefined && time !== null && (typeof time !== 'number' || !Number.isFinite(time)))
    throw EVENTBRIDGE_INPUT_ERRORS.wrongType('Time', 'timestamp', time);
  if (source !== undefined && source.length > MAX_SOURCE_LENGTH)
    violations.push(lengthViolation(source, `entries.${i + 1}.member.source`, MAX_SOURCE_LENGTH));
  if (detailType !== undefined && detailType.length > MAX_DETAIL_TYPE_LENGTH)
    violations.push(lengthViolation(detailType, `entries.${i + 1}.member.detailType`, MAX_DETAIL_TYPE_LENGTH));
  return eventBridgeEntrySize({
    hasTime: typeof time === 'number',
    source: source ?? '',
    detailType: detailType ?? '',
    detail,
    resources,
  });
}

/** One entry's verdict: accepted, or the error code PutEvents reports for it in its result. */
function judgeEntry(entry: JsonObject): EntryVerdict {
  const source = entry['Source'] as string | undefined;
  const detailType = entry['DetailType'] as string | undefined;
  const detailText = entry['Detail'] as string | undefined;
  if (source === undefined || source === null || source === '') return invalidArgument('Source');
  if (detailType === undefined || detailType === null || detailType === '') return invalidArgument('DetailType');
  if (detailText === undefined || detailText === null || detailText === '') return invalidArgument('Detail');
  let detail: unknown;
  try {
    detail = JSON.parse(detailText);
  } catch {
    return { errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail))
    return { errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };
  // Only AWS services may put `aws.*` sources.
  if (source.startsWith('aws.'))
    return { errorCode: 'NotAuthorizedForSourceException', errorMessage: 'Not authorized for the source.' };
  const time = entry['Time'];
  return {
    ok: {
      source,
      detailType,
      detail: detail as Record<string, unknown>,
      resources: (entry['Resources'] as string[] | undefined) ?? [],
      time: typeof time === 'number' ? new Date(time * 1000) : undefined,
      eventBusName: busName(entry['EventBusName'] as string | undefined),
    },
  };
}

/** Validates a PutEvents request; throws for whole-request errors, returns one verdict per entry. */
export function judgePutEvents(
  input: JsonObject,
  limits: PutEventsLimits = { maxBytes: PUT_EVENTS_MAX_BYTES },
): EntryVerdict[] {
  const entries = readList(input, 'Entries', EVENTBRIDGE_INPUT_ERRORS, true) as unknown[];
  if (entries.length < 1) {
    throw validationError(
      "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (entries.length > 10) {
    throw validationError(
      `1 validation error detected: Value '[${entries.map(describeEntry).join(', ')}]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10`,
    );
  }
  readString(input, 'EndpointId', EVENTBRIDGE_INPUT_ERRORS);
  const structures = entries.map((entry) => asStructure(entry, 'entries.member', EVENTBRIDGE_INPUT_ERRORS));
  let total = 0;
  const violations: string[] = [];
  structures.forEach((entry, i) => {
    total += checkEntryShape(entry, i, violations);
  });
  if (violations.length > 0) violationsError(violations);
  if (total > limits.maxBytes) throw validationError('Total size of the entries in the request is over the limit.');
  return structures.map(judgeEntry);
}
