/** Types of the Kinesis Data Streams events Lambda receives, and of their parts. */
import type { AwsPartition } from '../../_internals/aws.js';
import type { JsonValue } from '../../_internals/json.js';

/** `kinesis.encryptionType`: whether Kinesis encrypted the record at rest. */
export type KinesisEncryptionType = 'NONE' | 'KMS';

/** The `kinesis` object of a record. */
export interface KinesisRecordPayload {
  kinesisSchemaVersion: '1.0';
  /** 1 to 256 characters. */
  partitionKey: string;
  /** A decimal string; strictly increasing within a shard. */
  sequenceNumber: string;
  /** Standard base64 of the record's bytes. */
  data: string;
  /** Epoch seconds with millisecond precision, e.g. `1545084650.987`. */
  approximateArrivalTimestamp: number;
  /** Present only when asked for (see `encryptionType` in the parts): AWS's own examples disagree. */
  encryptionType?: KinesisEncryptionType;
}

/** One record of a Kinesis event, as Lambda delivers it. */
export interface KinesisStreamRecord {
  kinesis: KinesisRecordPayload;
  eventSource: 'aws:kinesis';
  eventVersion: '1.0';
  /** `${shardId}:${kinesis.sequenceNumber}` */
  eventID: string;
  eventName: 'aws:kinesis:record';
  /** The function's execution role. */
  invokeIdentityArn: string;
  awsRegion: string;
  /** `arn:<partition>:kinesis:<region>:<account>:stream/<name>` */
  eventSourceARN: string;
}

/** The event a Lambda function receives from a Kinesis event source mapping: records of one shard. */
export interface KinesisStreamEvent {
  Records: KinesisStreamRecord[];
}

/** A Kinesis event with tumbling-window fields (event source mappings with `TumblingWindowInSeconds`). */
export interface KinesisTumblingWindowEvent extends KinesisStreamEvent {
  /** ISO-8601 instants in whole seconds with `Z`; every record arrived in `[start, end)`. */
  window: { start: string; end: string };
  /** The state the function returned for this window so far (`{}` on the window's first invocation). */
  state: { [key: string]: JsonValue };
  shardId: string;
  eventSourceARN: string;
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

/** What every record of one batch shares: the stream, the shard and the consumer. */
export interface KinesisSourceParts {
  /** Stream name (1 to 128 of `[a-zA-Z0-9_.-]`). */
  streamName: string;
  region: string;
  /** 12 digits. */
  account: string;
  partition: AwsPartition;
  /** `shardId-` + 12 digits. */
  shardId: string;
  /** The consuming function's execution role ARN (`arn:aws:iam::<account>:role/<name>`). */
  invokeIdentityArn: string;
  /** When set, every record carries `kinesis.encryptionType`; when undefined, none does. */
  encryptionType?: KinesisEncryptionType | undefined;
}

/** What varies from record to record. */
export interface KinesisDataParts {
  /** The record's bytes (emitted as base64). */
  data: Uint8Array;
  /** 1 to 256 characters. */
  partitionKey: string;
  /** A decimal sequence number (see `createKinesisShardSequence`). */
  sequenceNumber: string;
  /** When the record arrived, integer epoch milliseconds. */
  arrivalTime: number;
}

/** Everything one record is made of. */
export type KinesisRecordParts = KinesisSourceParts & KinesisDataParts;

/** The tumbling-window fields of an event. */
export interface KinesisWindowParts {
  /** Window start, epoch ms on a whole second. */
  start: number;
  /** Window end, epoch ms on a whole second, 1 to 900 s after `start`. */
  end: number;
  state: { [key: string]: JsonValue };
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}
