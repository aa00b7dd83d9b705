/** The DynamoDB Streams data model: AttributeValues and the stream record, exactly as Lambda receives them. */
import type { JsonValue } from '../../_internals/json.js';

/**
 * One DynamoDB attribute value in its JSON wire form (as in Lambda events and the DynamoDB
 * JSON protocol): exactly one type key. `B`/`BS` hold standard base64; `N`/`NS` hold decimal strings.
 */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { L: AttributeValue[] }
  | { M: AttributeMap };

/** An item, a key or a nested map: attribute name → {@link AttributeValue}. */
export type AttributeMap = { [name: string]: AttributeValue };

/** The ten AttributeValue type keys. */
export type AttributeType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'SS' | 'NS' | 'BS' | 'L' | 'M';

/** The ten AttributeValue type keys. */
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'];

/** Which images a stream carries; one setting per stream, so constant in a batch. */
export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** The four view types. */
export const STREAM_VIEW_TYPES: readonly StreamViewType[] = [
  'KEYS_ONLY',
  'NEW_IMAGE',
  'OLD_IMAGE',
  'NEW_AND_OLD_IMAGES',
];

/** The change a stream record describes. */
export type DynamoDBEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** `eventVersion` of a stream record: real events say `"1.1"`, the Lambda docs' example `"1.0"`. */
export type DynamoDBEventVersion = '1.0' | '1.1';

/** The identity on a record deleted by Time to Live, and only on those. */
export interface DynamoDBTtlIdentity {
  type: 'Service';
  principalId: 'dynamodb.amazonaws.com';
}

/** The `userIdentity` of TTL deletions. */
export const TTL_USER_IDENTITY: Readonly<DynamoDBTtlIdentity> = Object.freeze({
  type: 'Service',
  principalId: 'dynamodb.amazonaws.com',
});

/** The `dynamodb` part of a stream record. */
export interface DynamoDBStreamChange {
  /** Whole epoch seconds. */
  ApproximateCreationDateTime: number;
  /** The key attributes (S, N or B), equal to the same attributes of each image. */
  Keys: AttributeMap;
  /** The item after the change (INSERT, MODIFY) when the view type includes new images. */
  NewImage?: AttributeMap;
  /** The item before the change (MODIFY, REMOVE) when the view type includes old images. */
  OldImage?: AttributeMap;
  /** Decimal string of 21–40 digits, strictly increasing within a shard. */
  SequenceNumber: string;
  /** Size of Keys + present images by DynamoDB's item-size formula. */
  SizeBytes: number;
  StreamViewType: StreamViewType;
}

/** One record of a DynamoDB Streams Lambda event. */
export interface DynamoDBStreamRecord {
  /** 32 lower-case hex digits. */
  eventID: string;
  eventName: DynamoDBEventName;
  eventVersion: DynamoDBEventVersion;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: DynamoDBStreamChange;
  /** `arn:<partition>:dynamodb:<region>:<account>:table/<Table>/stream/<label>` */
  eventSourceARN: string;
  /** Only on REMOVE records deleted by Time to Live. */
  userIdentity?: DynamoDBTtlIdentity;
}

/** The event a Lambda function receives from a DynamoDB stream (one shard per batch). */
export interface DynamoDBStreamEvent {
  Records: DynamoDBStreamRecord[];
}

/**
 * A DynamoDB Streams event of a mapping with `TumblingWindowInSeconds`: the batch plus the window
 * fields Lambda adds. `@types/aws-lambda` has no type for it.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html
 */
export interface DynamoDBTumblingWindowEvent extends DynamoDBStreamEvent {
  /** ISO-8601 instants in whole seconds with `Z`; every record was written in `[start, end)`. */
  window: { start: string; end: string };
  /** The state the function returned for this window so far (`{}` on the window's first invocation). */
  state: { [key: string]: JsonValue };
  /** The stream shard the batch comes from (`shardId-` + 20 digits + `-` + 8 hex digits in real streams). */
  shardId: string;
  /** The stream ARN (with its label), as on every record. */
  eventSourceARN: string;
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

/** The tumbling-window fields of a DynamoDB Streams event, as parts. */
export interface DynamoDBWindowParts {
  /** The stream shard of the batch: 28 to 65 characters (DynamoDB Streams' `ShardId` length). */
  shardId: string;
  /** Window start, epoch ms on a whole second. */
  start: number;
  /** Window end, epoch ms on a whole second, 1 to 900 s after `start`. */
  end: number;
  /** A JSON object. */
  state: { [key: string]: JsonValue };
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

/** The `dynamodb` part of a DynamoDB change record delivered through Kinesis Data Streams. */
export interface DynamoDBKinesisChange {
  /** Epoch milliseconds (13 digits) or microseconds (16 digits), per the destination's precision. */
  ApproximateCreationDateTime: number;
  Keys: AttributeMap;
  NewImage?: AttributeMap;
  OldImage?: AttributeMap;
  SizeBytes: number;
}

/** The JSON a DynamoDB → Kinesis Data Streams destination writes as each Kinesis record's data. */
export interface DynamoDBKinesisPayload {
  awsRegion: string;
  /** An RFC 4122 UUID. */
  eventID: string;
  eventName: DynamoDBEventName;
  /** `null`, or the TTL identity on TTL deletions. */
  userIdentity: DynamoDBTtlIdentity | null;
  recordFormat: 'application/json';
  tableName: string;
  dynamodb: DynamoDBKinesisChange;
  eventSource: 'aws:dynamodb';
}

/** Timestamp precision of a Kinesis Data Streams destination (`ApproximateCreationDateTimePrecision`). */
export type DynamoDBKinesisPrecision = 'MILLISECOND' | 'MICROSECOND';
