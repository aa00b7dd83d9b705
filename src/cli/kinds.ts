/**
 * The kinds `aws-event-kit generate` knows: one entry per kind, with a one-line description and
 * the factory call that builds it. Every event comes from the library's factories, seeded.
 */
import { makeCloudWatchLogsEvent } from '../../fixtures/cloudwatchLogs.js';
import { insert, makeDynamoDBKinesisEvent, makeDynamoDBStreamEvent, modify, remove } from '../../fixtures/dynamodb.js';
import { makeEventBridgeEvent, makeScheduledEvent } from '../../fixtures/eventbridge.js';
import { makeKinesisEvent } from '../../fixtures/kinesis.js';
import { toPipesSourceBatch } from '../../fixtures/pipes.js';
import { makeS3DeleteEvent, makeS3Event, makeS3EventBridgeEvent, makeS3PutEvent, makeS3TestEvent, S3_EVENT_NAMES, S3_EVENTBRIDGE_DETAIL_TYPES } from '../../fixtures/s3.js';
import { makeSqsEvent } from '../../fixtures/sqs.js';

/** One kind of event the CLI can generate. */
export interface EventKind {
  /** The name on the command line, e.g. `sqs:fifo`. */
  readonly name: string;
  /** One line for `aws-event-kit list`. */
  readonly description: string;
  /** Builds one event with the given seed. */
  make(seed: number): unknown;
}

const BUCKET = 'my-bucket';
const KEY = 'photos/my photo.jpg';
const ORDER = { orderId: 'order-1001', customerId: 'customer-42', total: 42.5, currency: 'EUR' };
const sqs = (seed: number) => makeSqsEvent([JSON.stringify(ORDER), 'Hello from SQS!'], { seed });
const sqsFifo = (seed: number) => makeSqsEvent([JSON.stringify(ORDER)], { seed, queue: 'orders.fifo' });
const kinesis = (seed: number) => makeKinesisEvent([ORDER, 'Hello, this is a test.'], { seed });
const dynamodb = (seed: number) =>
  makeDynamoDBStreamEvent(
    [insert({ id: 'order-1001', status: 'NEW', total: 42.5 }), modify({ id: 'order-1001', status: 'NEW', total: 42.5 }, { id: 'order-1001', status: 'PAID', total: 42.5 }), remove({ id: 'order-1001', status: 'PAID', total: 42.5 })],
    { seed },
  );

/** `Object Created` → `object-created`. */
function kebab(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Every kind, in the order `list` prints them. */
export const KINDS: readonly EventKind[] = [
  { name: 's3:put', description: 'S3 notification, ObjectCreated:Put (typed S3Event)', make: (seed) => makeS3PutEvent(BUCKET, { key: KEY, size: 1024, seed }) },
  { name: 's3:delete', description: 'S3 notification, ObjectRemoved:Delete (no size, no eTag)', make: (seed) => makeS3DeleteEvent(BUCKET, { key: KEY, seed }) },
  ...S3_EVENT_NAMES.map((eventName): EventKind => ({ name: `s3:${eventName}`, description: `S3 notification, ${eventName}`, make: (seed) => makeS3Event(eventName, BUCKET, { key: KEY, seed }) })),
  { name: 's3:eventbridge', description: 'S3 event through EventBridge, "Object Created"', make: (seed) => makeS3EventBridgeEvent('Object Created', BUCKET, { key: KEY, seed }) },
  ...S3_EVENTBRIDGE_DETAIL_TYPES.map((detailType): EventKind => ({
    name: `s3:eventbridge:${kebab(detailType)}`,
    description: `S3 event through EventBridge, "${detailType}"`,
    make: (seed) => makeS3EventBridgeEvent(detailType, BUCKET, { key: KEY, seed }),
  })),
  { name: 's3:test', description: 'the s3:TestEvent S3 sends to SQS/SNS when notifications are configured', make: (seed) => makeS3TestEvent(BUCKET, { seed }) },
  { name: 'sqs', description: 'SQS batch of 2 messages (standard queue), md5s computed', make: sqs },
  { name: 'sqs:fifo', description: 'SQS batch from a FIFO queue (MessageGroupId, SequenceNumber …)', make: sqsFifo },
  { name: 'kinesis', description: 'Kinesis Data Streams batch of 2 records from one shard', make: kinesis },
  { name: 'dynamodb', description: 'DynamoDB Streams batch: INSERT, MODIFY, REMOVE (NEW_AND_OLD_IMAGES)', make: dynamodb },
  { name: 'dynamodb:kinesis', description: 'DynamoDB change data delivered through Kinesis Data Streams', make: (seed) => makeDynamoDBKinesisEvent([insert({ id: 'order-1001', status: 'NEW' })], { seed }) },
  { name: 'scheduled', description: 'EventBridge scheduled-rule event ("Scheduled Event")', make: (seed) => makeScheduledEvent('my-schedule', { seed }) },
  { name: 'eventbridge', description: 'EventBridge custom event ("Order Placed" from com.example.orders)', make: (seed) => makeEventBridgeEvent('Order Placed', 'com.example.orders', ORDER, { seed }) },
  {
    name: 'cloudwatch-logs',
    description: 'CloudWatch Logs subscription event (gzipped, base64 awslogs.data)',
    make: (seed) => makeCloudWatchLogsEvent(['START RequestId: 1 Version: $LATEST\n', 'processing order-1001\n', 'END RequestId: 1\n'], { seed }),
  },
  { name: 'cloudwatch-logs:control', description: 'CloudWatch Logs CONTROL_MESSAGE (destination health check)', make: (seed) => makeCloudWatchLogsEvent([], { seed, messageType: 'CONTROL_MESSAGE' }) },
  { name: 'pipes:sqs', description: 'EventBridge Pipes batch from an SQS source (bare array)', make: (seed) => toPipesSourceBatch(sqs(seed)) },
  { name: 'pipes:kinesis', description: 'EventBridge Pipes batch from a Kinesis source (flattened records)', make: (seed) => toPipesSourceBatch(kinesis(seed)) },
  { name: 'pipes:dynamodb', description: 'EventBridge Pipes batch from a DynamoDB Streams source', make: (seed) => toPipesSourceBatch(dynamodb(seed)) },
];

const byName = new Map(KINDS.map((kind) => [kind.name, kind]));

/** The kind named `name`, if any. */
export function findKind(name: string): EventKind | undefined {
  return byName.get(name);
}
