/**
 * PutEvents over awsJson1_1 (`x-amz-target: AWSEvents.PutEvents`): whole-request validation
 * (1–10 entries, member lengths, total size) and per-entry validation reported in `Entries[i]`
 * with `FailedEntryCount` (EventBridge API reference, PutEvents and PutEventsResultEntry).
 */
import { eventBridgeEntrySize, MAX_DETAIL_TYPE_LENGTH, MAX_ENTRY_SIZE, MAX_SOURCE_LENGTH } from '../../events/eventbridge/index.js';
import { asStructure, readList, readString, readStringList, type JsonObject } from '../_internals/input.js';
import { EVENTBRIDGE_INPUT_ERRORS, validationError } from './errors.js';

/** An entry that passed validation. */
export interface AcceptedEntry {
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
  return { errorCode: 'InvalidArgument', errorMessage: `Parameter ${member} is not valid. Reason: ${member} is a required argument.` };
}

function busName(value: string | undefined): string {
  if (value === undefined || value === '') return 'default';
  const slash = value.lastIndexOf('event-bus/');
  return value.startsWith('arn:') && slash !== -1 ? value.slice(slash + 'event-bus/'.length) : value;
}

function lengthError(value: string, path: string, max: number): never {
  const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  throw validationError(`1 validation error detected: Value '${shown}' at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
}

/** Validates a PutEvents request; throws for whole-request errors, returns one verdict per entry. */
export function judgePutEvents(input: JsonObject): EntryVerdict[] {
  const entries = readList(input, 'Entries', EVENTBRIDGE_INPUT_ERRORS, true) as unknown[];
  if (entries.length < 1 || entries.length > 10) {
    throw validationError(
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${entries.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 10'}`,
    );
  }
  readString(input, 'EndpointId', EVENTBRIDGE_INPUT_ERRORS);
  const structures = entries.map((entry) => asStructure(entry, 'entries.member', EVENTBRIDGE_INPUT_ERRORS));
  let total = 0;
  structures.forEach((entry, i) => {
    // Type and length constraints fail the whole request (coral validation), before any entry runs.
    const source = readString(entry, 'Source', EVENTBRIDGE_INPUT_ERRORS);
    const detailType = readString(entry, 'DetailType', EVENTBRIDGE_INPUT_ERRORS);
    const detail = readString(entry, 'Detail', EVENTBRIDGE_INPUT_ERRORS);
    const resources = readStringList(entry, 'Resources', EVENTBRIDGE_INPUT_ERRORS);
    readString(entry, 'EventBusName', EVENTBRIDGE_INPUT_ERRORS);
    readString(entry, 'TraceHeader', EVENTBRIDGE_INPUT_ERRORS);
    const time = entry['Time'];
    if (time !== undefined && time !== null && (typeof time !== 'number' || !Number.isFinite(time))) throw EVENTBRIDGE_INPUT_ERRORS.wrongType('Time', 'timestamp', time);
    if (source !== undefined && source.length > MAX_SOURCE_LENGTH) lengthError(source, `entries.${i + 1}.member.source`, MAX_SOURCE_LENGTH);
    if (detailType !== undefined && detailType.length > MAX_DETAIL_TYPE_LENGTH) lengthError(detailType, `entries.${i + 1}.member.detailType`, MAX_DETAIL_TYPE_LENGTH);
    total += eventBridgeEntrySize({ hasTime: typeof time === 'number', source: source ?? '', detailType: detailType ?? '', detail, resources });
  });
  if (total > MAX_ENTRY_SIZE) throw validationError('Total size of the entries in the request is over the limit.');
  return structures.map((entry): EntryVerdict => {
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
    if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return { errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };
    // Only AWS services may put `aws.*` sources.
    if (source.startsWith('aws.')) return { errorCode: 'NotAuthorizedForSourceException', errorMessage: 'Not authorized for the source.' };
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
  });
}
