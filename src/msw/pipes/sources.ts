/**
 * A pipe's source: the poller of the source service (SQS queue, Kinesis stream, DynamoDB stream)
 * with the pipe's batch size, batching window and starting position, and Pipes' defaults (batch
 * size 10 for SQS and 100 for streams, no batching window). The pipe reports partial batch
 * failures, so the source retries only the records a Lambda target names.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html
 */
import type { PipeDefinition } from './runtime.js';
import type { PipeSinks } from './state.js';

/** The kinds of source a pipe polls. */
export type PipeSourceKind = 'sqs' | 'kinesis' | 'dynamodb';

/** What a pipe's poller calls with each batch: the source's Lambda-shaped event. */
type PipeBatchHandler = (event: { Records: unknown[] }) => Promise<unknown>;

/** The source kind of a source ARN (validated already: an SQS, Kinesis or DynamoDB stream ARN). */
export function sourceKindOf(sourceArn: string): PipeSourceKind {
  const service = sourceArn.split(':')[2];
  return service === 'sqs' ? 'sqs' : service === 'kinesis' ? 'kinesis' : 'dynamodb';
}

/** The poller's `functionName` (it names the subscriber in the source's records and errors). */
function subscriberName(pipeName: string): string {
  return `pipe-${pipeName}`.slice(0, 64).replace(/[^\w-]/g, '_');
}

/** The stream poller's settings from `KinesisStreamParameters` / `DynamoDBStreamParameters`. */
function streamOptions(pipeName: string, stream: Record<string, unknown>): Record<string, unknown> {
  const options: Record<string, unknown> = {
    batchSize: (stream['BatchSize'] as number | undefined) ?? 100,
    startingPosition: stream['StartingPosition'] ?? 'LATEST',
    reportBatchItemFailures: true,
    functionName: subscriberName(pipeName),
  };
  if (stream['StartingPositionTimestamp'] !== undefined)
    options['startingPositionTimestamp'] = new Date((stream['StartingPositionTimestamp'] as number) * 1000);
  if (stream['MaximumRetryAttempts'] !== undefined) options['maximumRetryAttempts'] = stream['MaximumRetryAttempts'];
  if (stream['MaximumRecordAgeInSeconds'] !== undefined)
    options['maximumRecordAgeInSeconds'] = stream['MaximumRecordAgeInSeconds'];
  if (stream['BisectBatchOnFunctionError'] !== undefined)
    options['bisectBatchOnFunctionError'] = stream['BisectBatchOnFunctionError'];
  if (stream['MaximumBatchingWindowInSeconds'] !== undefined)
    options['maximumBatchingWindowInSeconds'] = stream['MaximumBatchingWindowInSeconds'];
  return options;
}

/** Starts polling the source of the pipe `pipeName`; throws when the mocks have no such source. */
export function subscribeSource(
  sinks: PipeSinks,
  pipeName: string,
  definition: PipeDefinition,
  handler: PipeBatchHandler,
): { unsubscribe(): void } {
  const source = definition.Source;
  const kind = sourceKindOf(source);
  const p = definition.SourceParameters ?? {};
  if (kind === 'sqs') {
    const sqs = (p['SqsQueueParameters'] ?? {}) as { BatchSize?: number; MaximumBatchingWindowInSeconds?: number };
    if (sinks.sqs === undefined) throw new Error('the mocks have no SQS');
    return sinks.sqs.subscribe(source, handler, {
      batchSize: sqs.BatchSize ?? 10,
      maximumBatchingWindowInSeconds: sqs.MaximumBatchingWindowInSeconds ?? 0,
      reportBatchItemFailures: true,
      functionName: subscriberName(pipeName),
    });
  }
  const stream = ((kind === 'kinesis' ? p['KinesisStreamParameters'] : p['DynamoDBStreamParameters']) ?? {}) as Record<
    string,
    unknown
  >;
  const options = streamOptions(pipeName, stream);
  const sink = kind === 'kinesis' ? sinks.kinesis : sinks.dynamodb;
  if (sink === undefined) throw new Error(`the mocks have no ${kind}`);
  return sink.subscribe(source, handler, options);
}
