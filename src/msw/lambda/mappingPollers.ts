/**
 * The poller behind an event source mapping: a subscription of the source service (the same
 * poller `mocks.sqs.subscribe` and the streams' `subscribe` create) invoking the mapping's
 * function, its settings translated from the mapping's configuration, and the on-failure
 * destination (an SQS queue of the mocks) stream mappings send discarded batches to.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html
 */
import { parseArn } from '../../_internals/aws.js';
import { EventInputError } from '../../_internals/errors.js';
import { AwsServiceError } from '../_internals/awsError.js';
import type { FilteredRecord } from '../_internals/mappingFilter.js';
import {
  resolveStreamOptions,
  type StreamFailureRecord,
  type StreamPoller,
  type StreamSubscribeOptions,
} from '../_internals/streamDelivery.js';
import type { KinesisSubscribeOptions } from '../kinesis/index.js';
import { resolveSubscribeOptions, type QueueSubscription, type SqsSubscribeOptions } from '../sqs/subscription.js';
import { invalidParameter } from './errors.js';
import type { MockFunction } from './functions.js';
import type { MappingConfig, SourceRef } from './mappingConfig.js';
import type { LambdaState, Mapping } from './state.js';

/** A live subscription behind a mapping: the poller of the source service. */
export interface MappingSubscription {
  enabled: boolean;
  unsubscribe(): void;
  readonly invocationCount: number;
  readonly filtered: readonly FilteredRecord<unknown>[];
  readonly filteredCount: number;
  /** Streams: what the on-failure destination was sent. */
  readonly failures?: readonly StreamFailureRecord[];
}

/** An EventInputError a source service raised for settings this module let through, as Lambda's error. */
function asLambdaError(error: unknown): AwsServiceError | undefined {
  return error instanceof EventInputError ? invalidParameter(error.message) : undefined;
}

/** The SQS poller's settings of a mapping. */
function sqsOptions(config: MappingConfig, fn: MockFunction): SqsSubscribeOptions {
  return {
    batchSize: config.BatchSize,
    maximumBatchingWindowInSeconds: config.MaximumBatchingWindowInSeconds,
    reportBatchItemFailures: config.FunctionResponseTypes.includes('ReportBatchItemFailures'),
    timeout: fn.options.timeout,
    ...(config.FilterCriteria === undefined ? {} : { filterCriteria: config.FilterCriteria }),
  };
}

/** The stream poller's settings of a mapping. */
function streamOptions(state: LambdaState, config: MappingConfig, fn: MockFunction): StreamSubscribeOptions {
  return {
    batchSize: config.BatchSize,
    maximumBatchingWindowInSeconds: config.MaximumBatchingWindowInSeconds,
    startingPosition: config.StartingPosition as 'TRIM_HORIZON',
    ...(config.StartingPositionTimestamp === undefined
      ? {}
      : { startingPositionTimestamp: config.StartingPositionTimestamp * 1000 }),
    bisectBatchOnFunctionError: config.BisectBatchOnFunctionError ?? false,
    maximumRetryAttempts: config.MaximumRetryAttempts ?? -1,
    maximumRecordAgeInSeconds: config.MaximumRecordAgeInSeconds ?? -1,
    tumblingWindowInSeconds: config.TumblingWindowInSeconds ?? 0,
    parallelizationFactor: config.ParallelizationFactor ?? 1,
    reportBatchItemFailures: config.FunctionResponseTypes.includes('ReportBatchItemFailures'),
    functionName: fn.name,
    timeout: fn.options.timeout,
    ...(config.FilterCriteria === undefined ? {} : { filterCriteria: config.FilterCriteria }),
    ...(config.OnFailure === undefined ? {} : { onFailure: onFailureSender(state, config.OnFailure) }),
  };
}

/** Sends an on-failure record to an SQS queue of the mocks, as Lambda's poller does. */
function onFailureSender(state: LambdaState, queueArn: string): (record: StreamFailureRecord) => void {
  const { senderIds } = state.ids;
  const senderId = `AROA${senderIds.hex(16).toUpperCase().slice(0, 17)}:awslambda_${senderIds.int(100, 999)}`;
  return (record: StreamFailureRecord): void => {
    state.sources.sqs.deliver(queueArn, { body: JSON.stringify(record), messageAttributes: {}, senderId });
  };
}

/** Checks a mapping's on-failure destination: an existing SQS queue of the mocks. */
export function checkDestination(state: LambdaState, config: MappingConfig): void {
  if (config.OnFailure === undefined) return;
  const parsed = parseArn(config.OnFailure);
  if (parsed?.service !== 'sqs')
    throw invalidParameter(
      `aws-event-kit/msw: the on-failure destination ${config.OnFailure} is not an SQS queue; the mocks send on-failure records to SQS queues only (SNS topics and S3 buckets are not emulated as destinations).`,
    );
  try {
    state.sources.sqs.messages(config.OnFailure);
  } catch {
    throw invalidParameter(
      `The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${config.OnFailure})) is invalid: the queue does not exist.`,
    );
  }
}

/** Lambda's error for a source the mocks do not have (the source service names it in its own words). */
function sourceError(source: SourceRef, error: unknown): unknown {
  if (error instanceof AwsServiceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/is not a (queue|stream|table) of these mocks|has no stream/.test(message)) {
    return invalidParameter(
      source.kind === 'sqs'
        ? `Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist for this wsdl version. (${source.arn})`
        : `Stream not found: ${source.arn}`,
    );
  }
  return asLambdaError(error) ?? error;
}

/** Starts the poller of a new mapping `uuid` of `fn` on `source`. */
export function subscribeMapping(
  state: LambdaState,
  source: SourceRef,
  config: MappingConfig,
  fn: MockFunction,
  uuid: string,
): MappingSubscription {
  const { sources } = state;
  const handler = fn.handlerFor({ eventSourceMappingUUID: uuid });
  try {
    let sub: MappingSubscription;
    if (source.kind === 'sqs')
      sub = sources.sqs.subscribe(source.arn, handler, sqsOptions(config, fn)) as unknown as MappingSubscription;
    else if (source.kind === 'kinesis')
      sub = sources.kinesis.subscribe(source.arn, handler, {
        ...streamOptions(state, config, fn),
        role: fn.options.role,
      } as KinesisSubscribeOptions) as unknown as MappingSubscription;
    else
      sub = sources.dynamodb.subscribe(
        source.arn,
        handler,
        streamOptions(state, config, fn),
      ) as unknown as MappingSubscription;
    sub.enabled = config.Enabled;
    return sub;
  } catch (error) {
    throw sourceError(source, error);
  }
}

/** Applies a mapping's new settings (and function) to its running poller. */
export function reconfigureMapping(state: LambdaState, mapping: Mapping, fn: MockFunction): void {
  const api = 'UpdateEventSourceMapping';
  const handler = fn.handlerFor({ eventSourceMappingUUID: mapping.uuid });
  try {
    if (mapping.source.kind === 'sqs') {
      (mapping.subscription as unknown as QueueSubscription).configure(
        resolveSubscribeOptions(api, mapping.source.fifo, sqsOptions(mapping.config, fn)),
        handler,
      );
    } else {
      (mapping.subscription as unknown as StreamPoller<never, unknown>).configure(
        resolveStreamOptions(api, streamOptions(state, mapping.config, fn), mapping.source.kind === 'kinesis'),
        handler,
      );
    }
  } catch (error) {
    throw asLambdaError(error) ?? error;
  }
  mapping.subscription.enabled = mapping.config.Enabled;
}
