import type {
  Context,
  Handler,
  KinesisStreamBatchResponse,
  KinesisStreamHandler,
  S3Handler,
  SQSBatchResponse,
  SQSHandler,
  ScheduledHandler,
} from 'aws-lambda';
import { expectTypeOf, it } from 'vitest';
import {
  invokeHandler,
  makeKinesisEvent,
  makeLambdaContext,
  makeS3PutEvent,
  makeScheduledEvent,
  makeSqsEvent,
  type HandlerResult,
  type LambdaInvocationError,
} from '../../src/index.js';

it('makeLambdaContext returns the @types/aws-lambda Context', () => {
  expectTypeOf(makeLambdaContext()).toEqualTypeOf<Context>();
  makeLambdaContext({ clock: Date.now });
  makeLambdaContext({ clock: { now: () => new Date() } });
  // @ts-expect-error: memory is a number of MB
  makeLambdaContext({ memoryLimitInMB: '128' });
  // @ts-expect-error: not an option
  makeLambdaContext({ functionname: 'x' });
});

it('result types flow from the handler type', () => {
  const sqs: SQSHandler = async () => ({ batchItemFailures: [] });
  expectTypeOf(invokeHandler(sqs, makeSqsEvent(['a']))).toEqualTypeOf<Promise<SQSBatchResponse | void>>();
  const kinesis: KinesisStreamHandler = async () => {};
  expectTypeOf(invokeHandler(kinesis, makeKinesisEvent(['a']))).toEqualTypeOf<
    Promise<KinesisStreamBatchResponse | void>
  >();
  const s3: S3Handler = async () => {};
  expectTypeOf(invokeHandler(s3, makeS3PutEvent('bucket'))).toEqualTypeOf<Promise<void>>();
  const scheduled: ScheduledHandler = async () => {};
  expectTypeOf(invokeHandler(scheduled, makeScheduledEvent())).toEqualTypeOf<Promise<void>>();
  const callbackStyle: Handler<{ n: number }, number> = (event, _context, callback) => callback(null, event.n);
  expectTypeOf(invokeHandler(callbackStyle, { n: 1 })).toEqualTypeOf<Promise<number>>();
  const inferred = async (event: { name: string }) => ({ greeting: `hi ${event.name}` });
  expectTypeOf(invokeHandler(inferred, { name: 'x' })).toEqualTypeOf<Promise<{ greeting: string }>>();
  expectTypeOf<HandlerResult<SQSHandler>>().toEqualTypeOf<SQSBatchResponse | void>();
});

it('the event must fit the handler', () => {
  const sqs: SQSHandler = async () => {};
  // @ts-expect-error: an S3 event is not an SQS event
  void invokeHandler(sqs, makeS3PutEvent('bucket'));
  // @ts-expect-error: a number is not { n: number }
  void invokeHandler(async (event: { n: number }) => event.n, 5);
});

it('options: a Context or its options, and a timeout', () => {
  const sqs: SQSHandler = async () => {};
  void invokeHandler(sqs, makeSqsEvent(['a']), { context: makeLambdaContext() });
  void invokeHandler(sqs, makeSqsEvent(['a']), { context: { functionName: 'f', timeout: 5 } });
  void invokeHandler(sqs, makeSqsEvent(['a']), { timeout: 1 });
  void invokeHandler(sqs, makeSqsEvent(['a']), { runtime: 'nodejs24.x' });
  // @ts-expect-error: not a Lambda Node.js runtime the kit models
  void invokeHandler(sqs, makeSqsEvent(['a']), { runtime: 'nodejs18.x' });
  expectTypeOf<LambdaInvocationError['errorType']>().toEqualTypeOf<string>();
  expectTypeOf<LambdaInvocationError['trace']>().toEqualTypeOf<string[]>();
});
