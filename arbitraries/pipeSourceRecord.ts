import type { Arbitrary } from 'fast-check';
import { toPipesSourceBatch } from '../src/events/pipes/sourceBatch.js';
import type { KinesisStreamEvent } from '../src/events/kinesis/types.js';
import type { PipeSource } from '../src/pipes/sources.js';
import { dynamoDBStreamRecord } from './dynamoDBStreamRecord.js';
import { eventBridgeEvent } from './eventBridgeEvent.js';
import { kinesisRecord } from './kinesisRecord.js';
import { s3EventBridgeEvent } from './s3EventBridgeEvent.js';
import { sqsRecord } from './sqsRecord.js';

/**
 * One record as an EventBridge Pipes source hands it to the input transformer, from the family
 * arbitraries: SQS records as they are, Kinesis records flattened (via `toPipesSourceBatch`),
 * DynamoDB stream records, EventBridge and S3-via-EventBridge events.
 * Throws a `TypeError` for a source without a record arbitrary yet (Amazon MQ, Kafka): pass your own.
 * @example pipeSourceRecord('sqs-fifo')
 */
// @__NO_SIDE_EFFECTS__
export function pipeSourceRecord(source: PipeSource): Arbitrary<unknown> {
  switch (source) {
    case 'sqs':
      return sqsRecord({ fifo: false });
    case 'sqs-fifo':
      return sqsRecord({ fifo: true });
    case 'kinesis':
      return kinesisRecord().map(
        (record) => toPipesSourceBatch({ Records: [record] } as unknown as KinesisStreamEvent)[0]!,
      );
    case 'dynamodb':
      return dynamoDBStreamRecord();
    case 'eventbridge':
      return eventBridgeEvent();
    case 's3-eventbridge':
      return s3EventBridgeEvent();
    default:
      throw new TypeError(
        `pipeSourceRecord: no record arbitrary for source ${JSON.stringify(source)} yet; pass your own records arbitrary (records: …)`,
      );
  }
}
