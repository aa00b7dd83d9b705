/**
 * What EventBridge Pipes hands an enrichment or a target from a stream or queue source:
 * a bare JSON array of records, no `Records` wrapper and no envelope.
 */
import type {
  DynamoDBRecord,
  DynamoDBStreamEvent,
  KinesisStreamEvent,
  KinesisStreamRecord,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import { fail, show } from '../../_internals/errors.js';
import { copyJsonValue } from '../../_internals/json.js';

/**
 * A Kinesis record as Pipes delivers it: the `kinesis` payload fields (`kinesisSchemaVersion`,
 * `partitionKey`, `sequenceNumber`, `data`, `approximateArrivalTimestamp`) hoisted to the top
 * level next to `eventSource`, `eventID`, `eventSourceARN` … (no `kinesis` object).
 */
export type PipesKinesisRecord = PipesKinesisRecordOf<KinesisStreamRecord>;

/** {@link PipesKinesisRecord} for any typed Kinesis record `R` (e.g. this kit's own record type). */
export type PipesKinesisRecordOf<R extends { kinesis: object }> = Omit<R, 'kinesis'> & R['kinesis'];

/** What the SQS overload of {@link toPipesSourceBatch} needs of a record. */
export type SqsLikeRecord = Pick<SQSRecord, 'messageId' | 'receiptHandle' | 'body' | 'eventSource'>;

/** The Pipes source kinds this module knows, by the records' `eventSource`. */
export const PIPES_EVENT_SOURCES = ['aws:sqs', 'aws:kinesis', 'aws:dynamodb'] as const;

const API = 'toPipesSourceBatch';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Hoists `kinesis.*` to the top level, payload fields first as in the Pipes documentation. */
function flattenKinesis(record: Record<string, unknown>, index: number): PipesKinesisRecord {
  const { kinesis, ...envelope } = record;
  if (!isObject(kinesis))
    fail(API, `event.Records[${index}].kinesis`, `must be an object (the Kinesis payload), got ${show(kinesis)}`);
  return { ...kinesis, ...envelope } as unknown as PipesKinesisRecord;
}

/**
 * Converts a Lambda event-source-mapping event from SQS, Kinesis or DynamoDB Streams into the
 * batch EventBridge Pipes delivers for the same records: SQS and DynamoDB records unchanged,
 * Kinesis records flattened. The source is detected from the records' `eventSource`.
 * The result is a deep JSON copy (what Pipes reads): editing it leaves `event` untouched, and a
 * record JSON cannot carry (a cycle, NaN, a Map …, nesting past 1,000 levels) is refused. Typed by overload: SQS records
 * (`SQSRecord[]` for an `SQSEvent`), flattened Kinesis records ({@link PipesKinesisRecord}), DynamoDB
 * records (`DynamoDBRecord[]`); the kit's own, narrower record types are kept.
 * Throws an `EventInputError` for an empty batch, mixed or unknown `eventSource`s.
 * @example toPipesSourceBatch(makeSqsEvent(['hello']))[0].body === 'hello'
 */
export function toPipesSourceBatch<R extends SqsLikeRecord>(event: { readonly Records: readonly R[] }): R[];
export function toPipesSourceBatch<R extends { eventSource: string; kinesis: object }>(event: {
  readonly Records: readonly R[];
}): Array<PipesKinesisRecordOf<R>>;
export function toPipesSourceBatch<R extends DynamoDBRecord>(event: { readonly Records: readonly R[] }): R[];
export function toPipesSourceBatch(
  event: SQSEvent | KinesisStreamEvent | DynamoDBStreamEvent,
): SQSRecord[] | PipesKinesisRecord[] | DynamoDBRecord[];
export function toPipesSourceBatch(event: unknown): unknown[] {
  if (!isObject(event) || !Array.isArray(event.Records)) {
    fail(
      API,
      'event',
      `must be a Lambda SQS, Kinesis or DynamoDB Streams event ({ Records: [...] }), got ${show(event)}`,
    );
  }
  const records = event.Records as unknown[];
  if (records.length === 0) fail(API, 'event.Records', 'is empty; Pipes never delivers an empty batch');
  const first = records[0];
  const source = isObject(first) ? first.eventSource : undefined;
  if (!(PIPES_EVENT_SOURCES as readonly unknown[]).includes(source)) {
    fail(
      API,
      'event.Records[0].eventSource',
      `is ${show(source)}; toPipesSourceBatch handles SQS ("aws:sqs"), Kinesis ("aws:kinesis") and DynamoDB Streams ("aws:dynamodb") sources`,
    );
  }
  // Array.from, not map: a hole is read as undefined (and refused), not skipped.
  return Array.from(records, (record, index) => {
    if (!isObject(record) || record.eventSource !== source) {
      fail(
        API,
        `event.Records[${index}].eventSource`,
        `is ${show(isObject(record) ? record.eventSource : record)}, but Records[0] is ${show(source)}: one pipe reads one source`,
      );
    }
    // A JSON copy, as Pipes reads the records: a cycle, a value JSON cannot carry or nesting past
    // 1,000 levels is an EventInputError naming the record (structuredClone overflowed the stack).
    const copy = copyJsonValue(API, `event.Records[${index}]`, record) as Record<string, unknown>;
    return source === 'aws:kinesis' ? flattenKinesis(copy, index) : copy;
  });
}
