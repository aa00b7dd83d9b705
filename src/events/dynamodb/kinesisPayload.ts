/**
 * The one "parts → payload" mapper of DynamoDB change records delivered through Kinesis Data
 * Streams: the JSON each Kinesis record's `data` holds. It carries both images (there is no view
 * type), no SequenceNumber, StreamViewType, eventVersion or eventSourceARN; `eventID` is a UUID
 * and `ApproximateCreationDateTime` is epoch ms or µs per the destination's precision.
 */
import { assertRegion } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { md5Hex } from '../../_internals/hash.js';
import { imagesFor, resolveChange, type DynamoDBChangeParts } from './change.js';
import { assertTableName } from './ids.js';
import { dynamoDBStreamSizeBytes } from './streamRecord.js';
import {
  TTL_USER_IDENTITY,
  type AttributeMap,
  type DynamoDBKinesisPayload,
  type DynamoDBKinesisPrecision,
} from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Everything that varies between DynamoDB → Kinesis Data Streams payloads. */
export interface DynamoDBKinesisPayloadParts extends DynamoDBChangeParts {
  /** An RFC 4122 UUID (lower-case). */
  eventId: string;
  /** When the change happened. */
  time: Date;
  /**
   * Microseconds past `time`'s millisecond (0–999), used under MICROSECOND precision.
   * @defaultValue `0`
   */
  microseconds?: number;
  /** The destination's `ApproximateCreationDateTimePrecision`. */
  precision: DynamoDBKinesisPrecision;
  /** The table name. */
  table: string;
  region: string;
  /** A deletion by Time to Live (REMOVE only). */
  ttl?: boolean;
}

/** Throws unless `precision` is MILLISECOND or MICROSECOND. */
export function assertKinesisPrecision(api: string, argument: string, precision: unknown): DynamoDBKinesisPrecision {
  if (precision !== 'MILLISECOND' && precision !== 'MICROSECOND')
    fail(api, argument, `${show(precision)} is not a timestamp precision (MILLISECOND or MICROSECOND)`);
  return precision;
}

/** {@link toDynamoDBKinesisPayload} with the API to name in errors, also returning a JSON-length bound. */
export function buildDynamoDBKinesisPayload(
  api: string,
  argument: string,
  parts: DynamoDBKinesisPayloadParts,
): { payload: DynamoDBKinesisPayload; jsonBound: number } {
  const precision = assertKinesisPrecision(api, `${argument}.precision`, parts.precision);
  if (typeof parts.eventId !== 'string' || !UUID.test(parts.eventId))
    fail(api, `${argument}.eventId`, `${show(parts.eventId)} is not a lower-case UUID`);
  if (!(parts.time instanceof Date) || Number.isNaN(parts.time.getTime()))
    fail(api, `${argument}.time`, `must be a valid Date, got ${show(parts.time)}`);
  const micros = parts.microseconds ?? 0;
  if (!Number.isInteger(micros) || micros < 0 || micros > 999)
    fail(api, `${argument}.microseconds`, `must be an integer from 0 to 999, got ${show(micros)}`);
  assertTableName(api, `${argument}.table`, parts.table);
  assertRegion(api, `${argument}.region`, parts.region);
  if (parts.ttl === true && parts.eventName !== 'REMOVE')
    fail(
      api,
      `${argument}.ttl`,
      `is set on ${parts.eventName}; only Time to Live deletions (REMOVE) carry the service userIdentity`,
    );

  const change = resolveChange(api, argument, parts);
  // Kinesis destinations always carry both images.
  const present = imagesFor('NEW_AND_OLD_IMAGES', parts.eventName);
  const newImage = present.newImage ? change.newImage : undefined;
  const oldImage = present.oldImage ? change.oldImage : undefined;
  const ms = parts.time.getTime();
  const payload: DynamoDBKinesisPayload = {
    awsRegion: parts.region,
    eventID: parts.eventId,
    eventName: parts.eventName,
    userIdentity: parts.ttl === true ? { ...TTL_USER_IDENTITY } : null,
    recordFormat: 'application/json',
    tableName: parts.table,
    dynamodb: {
      ApproximateCreationDateTime: precision === 'MILLISECOND' ? ms : ms * 1000 + micros,
      Keys: change.keys.item,
      ...(newImage && { NewImage: newImage.item }),
      ...(oldImage && { OldImage: oldImage.item }),
      SizeBytes: dynamoDBStreamSizeBytes(change.keys, newImage, oldImage),
    },
    eventSource: 'aws:dynamodb',
  };
  const jsonBound =
    512 +
    parts.table.length +
    change.keys.jsonBound +
    (newImage ? newImage.jsonBound + 12 : 0) +
    (oldImage ? oldImage.jsonBound + 12 : 0);
  return { payload, jsonBound };
}

/**
 * Maps the parts of one change to the JSON a DynamoDB → Kinesis Data Streams destination writes.
 * Throws {@link EventInputError} on parts DynamoDB could not have produced.
 */
export function toDynamoDBKinesisPayload(parts: DynamoDBKinesisPayloadParts): DynamoDBKinesisPayload {
  return buildDynamoDBKinesisPayload('toDynamoDBKinesisPayload', 'parts', parts).payload;
}

/**
 * The Kinesis partition key DynamoDB writes for an item: 32 upper-case hex digits, the same for
 * every change of one item (so its changes stay in order on one shard). AWS does not publish the
 * derivation; this is an MD5 of the table and key, stable and well spread.
 */
export function dynamoDBKinesisPartitionKey(table: string, keys: AttributeMap): string {
  return md5Hex(`${table}\u0000${JSON.stringify(keys)}`).toUpperCase();
}
