/**
 * Handlers typed the standard way (`@types/aws-lambda`) work with every `subscribe` of the msw
 * mocks, the default factories and the default arbitraries, without casts. Also compiled under
 * `exactOptionalPropertyTypes` by test/types/handlersExact.test.ts.
 */
import type {
  CloudWatchLogsHandler,
  Context,
  DynamoDBStreamHandler,
  EventBridgeHandler,
  KinesisStreamHandler,
  S3Handler,
  ScheduledHandler,
  SQSEvent,
  SQSHandler,
  SNSHandler,
  SQSRecord,
} from 'aws-lambda';
import fc from 'fast-check';
import { expectTypeOf, it } from 'vitest';
import {
  cloudWatchLogsEvent,
  dynamoDBStreamEvent,
  kinesisEvent,
  s3Event,
  scheduledEvent,
  sqsEvent,
  sqsRecord,
  eventBridgeEvent,
} from '../../arbitraries/index.js';
import {
  invokeHandler,
  makeCloudWatchLogsEvent,
  makeDynamoDBStreamEvent,
  makeEventBridgeEvent,
  makeKinesisEvent,
  makeLambdaContext,
  makeS3PutEvent,
  makeScheduledEvent,
  makeSqsEvent,
  makeSnsEvent,
  makeSqsRecord,
  type SqsEvent,
} from '../../src/index.js';
import { createAwsMocks } from '../../src/msw/index.js';

const sqsHandler: SQSHandler = async (event) => ({
  batchItemFailures: event.Records.filter((r) => r.body === 'bad').map((r) => ({ itemIdentifier: r.messageId })),
});
const s3Handler: S3Handler = async () => {};
const kinesisHandler: KinesisStreamHandler = async () => {};
const dynamoHandler: DynamoDBStreamHandler = async () => {};
const scheduledHandler: ScheduledHandler = async () => {};
const eventBridgeHandler: EventBridgeHandler<string, Record<string, unknown>, void> = async () => {};
const logsHandler: CloudWatchLogsHandler = async () => {};
const snsHandler: SNSHandler = async () => {};
const context: Context = makeLambdaContext();
const callback = (): void => {};

it('every subscribe takes a handler typed with @types/aws-lambda', () => {
  const mocks = createAwsMocks();
  mocks.sqs.subscribe('q', sqsHandler);
  mocks.s3.subscribe('bucket', s3Handler);
  mocks.kinesis.subscribe('stream', kinesisHandler);
  mocks.dynamodb.subscribe('table', dynamoHandler);
  mocks.eventBridge.subscribe({ source: 'app' }, eventBridgeHandler);
  mocks.eventBridge.subscribe({ source: 'aws.events' }, scheduledHandler);
  mocks.sns.subscribe('topic', snsHandler);
  // Callback style, three arguments.
  mocks.sqs.subscribe('q', (event: SQSEvent, _context: Context, cb) => cb(null, { batchItemFailures: [] }));
  // Handlers that take the context.
  mocks.kinesis.subscribe('stream', async (_event, ctx) => {
    expectTypeOf(ctx).toEqualTypeOf<Context>();
  });
});

it('default factories feed standard handlers', async () => {
  await sqsHandler(makeSqsEvent(['a']), context, callback);
  await sqsHandler({ Records: [makeSqsRecord('a')] }, context, callback);
  await s3Handler(makeS3PutEvent('bucket'), context, callback);
  await kinesisHandler(makeKinesisEvent(['a']), context, callback);
  await dynamoHandler(makeDynamoDBStreamEvent([{ eventName: 'INSERT', newItem: { id: 1 } }]), context, callback);
  await scheduledHandler(makeScheduledEvent(), context, callback);
  await eventBridgeHandler(makeEventBridgeEvent('Order Placed', 'app.orders', { id: 1 }), context, callback);
  await logsHandler(makeCloudWatchLogsEvent(['line']), context, callback);
  await snsHandler(makeSnsEvent(['hello']), context, callback);
  // S3 notifications delivered through SQS.
  await sqsHandler(makeSqsEvent([makeS3PutEvent('bucket')]), context, callback);
});

it('default arbitraries feed standard handlers', () => {
  fc.asyncProperty(sqsEvent(), async (event) => void (await sqsHandler(event, context, callback)));
  fc.property(sqsRecord(), (record) => expectTypeOf(record).toExtend<SQSRecord>());
  fc.asyncProperty(s3Event(), async (event) => void (await s3Handler(event, context, callback)));
  fc.asyncProperty(s3Event({ bucket: 'photos' }), async (event) => void (await s3Handler(event, context, callback)));
  fc.asyncProperty(
    s3Event({ eventNames: ['ObjectCreated:Put', 'ObjectCreated:CompleteMultipartUpload', 'ObjectCreated:Copy'] }),
    async (event) => void (await s3Handler(event, context, callback)),
  );
  // Pinned to removals, the exact type says what those records lack (no size or eTag).
  fc.asyncProperty(
    s3Event({ eventNames: ['ObjectRemoved:Delete'] }),
    // @ts-expect-error: an ObjectRemoved record is not an @types/aws-lambda S3EventRecord
    async (event) => void (await s3Handler(event, context, callback)),
  );
  fc.asyncProperty(kinesisEvent(), async (event) => void (await kinesisHandler(event, context, callback)));
  fc.asyncProperty(dynamoDBStreamEvent(), async (event) => void (await dynamoHandler(event, context, callback)));
  fc.asyncProperty(scheduledEvent(), async (event) => void (await scheduledHandler(event, context, callback)));
  fc.asyncProperty(eventBridgeEvent(), async (event) => void (await eventBridgeHandler(event, context, callback)));
  fc.asyncProperty(cloudWatchLogsEvent(), async (event) => void (await logsHandler(event, context, callback)));
  fc.asyncProperty(sqsEvent(), async (event) => void (await invokeHandler(sqsHandler, event)));
});

it('the default SQS types are @types/aws-lambda assignable; the exact null form stays available', () => {
  expectTypeOf<SqsEvent>().toExtend<SQSEvent>();
  expectTypeOf<SqsEvent<'null'>['Records'][number]['md5OfMessageAttributes']>().toEqualTypeOf<
    string | null | undefined
  >();
});
