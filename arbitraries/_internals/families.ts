/**
 * The arbitraries half of the family descriptors (the root half, in `src/families.ts`, must not
 * reach fast-check): each registered family's event arbitraries, by their public name. The shared
 * family tests iterate this list; `arbitraries/index.ts` still names each export.
 */
import type { Arbitrary } from 'fast-check';
import { cloudWatchLogsEvent } from '../cloudWatchLogsEvent.js';
import { dynamoDBStreamEvent } from '../dynamoDBStreamEvent.js';
import { dynamoDBStreamRecord } from '../dynamoDBStreamRecord.js';
import { eventBridgeEvent } from '../eventBridgeEvent.js';
import { kinesisEvent } from '../kinesisEvent.js';
import { kinesisRecord } from '../kinesisRecord.js';
import { s3Event } from '../s3Event.js';
import { s3EventBridgeEvent } from '../s3EventBridgeEvent.js';
import { s3Record } from '../s3Record.js';
import { scheduledEvent } from '../scheduledEvent.js';
import { snsEvent } from '../snsEvent.js';
import { snsRecord } from '../snsRecord.js';
import { sqsEvent } from '../sqsEvent.js';
import { sqsRecord } from '../sqsRecord.js';

/** A family's arbitraries descriptor: `name` matches its root descriptor's. */
export interface ArbitraryFamily {
  readonly name: string;
  /** Its event and record arbitraries, by exported name, each callable without constraints. */
  readonly arbitraries: Readonly<Record<string, () => Arbitrary<unknown>>>;
}

/** Every family's arbitraries, one entry per registered family. */
export const ARBITRARY_FAMILIES: readonly ArbitraryFamily[] = [
  { name: 'sqs', arbitraries: { sqsRecord, sqsEvent } },
  { name: 'sns', arbitraries: { snsRecord, snsEvent } },
  { name: 'dynamodb', arbitraries: { dynamoDBStreamRecord, dynamoDBStreamEvent } },
  { name: 'kinesis', arbitraries: { kinesisRecord, kinesisEvent } },
  { name: 's3', arbitraries: { s3Record, s3Event, s3EventBridgeEvent } },
  { name: 'eventbridge', arbitraries: { eventBridgeEvent, scheduledEvent } },
  { name: 'cloudwatch-logs', arbitraries: { cloudWatchLogsEvent } },
];
