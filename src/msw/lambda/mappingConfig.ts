/**
 * The settings of an event source mapping (CreateEventSourceMapping, UpdateEventSourceMapping)
 * for the SQS queues, Kinesis streams and DynamoDB streams of the mocks: what the source ARN is,
 * and the API's parameters validated with Lambda's errors, with AWS's defaults.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
import { parseArn } from '../../_internals/aws.js';
import { parseSqsQueueArn } from '../../events/sqs/index.js';
import { FilterCriteriaError, type CompiledFilterCriteria, type FilterCriteria } from '../../patterns/filters.js';
import type { JsonObject } from '../_internals/input.js';
import { compileMappingFilter, type MappingSource } from '../_internals/mappingFilter.js';
import { invalidParameter, lambdaError, validationError } from './errors.js';

/** The mapping settings Lambda keeps, after defaults. */
export interface MappingConfig {
  BatchSize: number;
  MaximumBatchingWindowInSeconds: number;
  FunctionResponseTypes: string[];
  FilterCriteria: FilterCriteria | undefined;
  Enabled: boolean;
  /** Streams only. */
  StartingPosition?: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  StartingPositionTimestamp?: number;
  ParallelizationFactor?: number;
  /** Streams: `TumblingWindowInSeconds` (0 when windows are off). */
  TumblingWindowInSeconds?: number;
  BisectBatchOnFunctionError?: boolean;
  MaximumRetryAttempts?: number;
  MaximumRecordAgeInSeconds?: number;
  /** The on-failure destination ARN (streams). */
  OnFailure?: string;
  /** SQS `ScalingConfig.MaximumConcurrency` (accepted; the mocks deliver one batch at a time). */
  MaximumConcurrency?: number;
}

/** What a source ARN is. */
export interface SourceRef {
  readonly kind: MappingSource;
  readonly arn: string;
  /** SQS: a FIFO queue. */
  readonly fifo: boolean;
}

/** The source an `EventSourceArn` names, or Lambda's error. */
export function sourceOf(eventSourceArn: unknown): SourceRef {
  if (typeof eventSourceArn !== 'string' || eventSourceArn === '') throw invalidParameter('Unrecognized event source.');
  const parsed = parseArn(eventSourceArn);
  if (parsed?.service === 'sqs' && parseSqsQueueArn(eventSourceArn) !== undefined)
    return { kind: 'sqs', arn: eventSourceArn, fifo: eventSourceArn.endsWith('.fifo') };
  if (parsed?.service === 'kinesis' && parsed.resource.startsWith('stream/'))
    return { kind: 'kinesis', arn: eventSourceArn, fifo: false };
  if (parsed?.service === 'dynamodb' && /^table\/[^/]+\/stream\/.+$/.test(parsed.resource))
    return { kind: 'dynamodb', arn: eventSourceArn, fifo: false };
  throw invalidParameter(
    `Unrecognized event source, must be kinesis, dynamodb stream, sqs, msk, mq, documentdb or self-managed kafka: ${eventSourceArn} (aws-event-kit/msw polls SQS queues, Kinesis streams and DynamoDB streams)`,
  );
}

const FUNCTION_RESPONSE_TYPES = ['ReportBatchItemFailures'];
// Parameters of other event source kinds: Lambda rejects them for these sources; the mocks say so.
const OTHER_SOURCE_PARAMETERS = [
  'Topics',
  'Queues',
  'SourceAccessConfigurations',
  'SelfManagedEventSource',
  'SelfManagedKafkaEventSourceConfig',
  'AmazonManagedKafkaEventSourceConfig',
  'DocumentDBEventSourceConfig',
];
const STREAM_ONLY = [
  'ParallelizationFactor',
  'BisectBatchOnFunctionError',
  'MaximumRetryAttempts',
  'MaximumRecordAgeInSeconds',
  'DestinationConfig',
  'StartingPosition',
  'StartingPositionTimestamp',
  'TumblingWindowInSeconds',
] as const;

function integer(input: JsonObject, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw lambdaError('SerializationException', `${key} must be an integer, got ${JSON.stringify(value)}`);
  return value;
}

function boolean(input: JsonObject, key: string): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw lambdaError('SerializationException', `${key} must be a boolean, got ${JSON.stringify(value)}`);
  return value;
}

function range(value: number | undefined, member: string, min: number, max: number): void {
  if (value === undefined) return;
  if (value < min) throw validationError(value, member, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw validationError(value, member, `Member must have value less than or equal to ${max}`);
}

/** Compiles the criteria with Lambda's validation errors. */
function compileCriteria(
  criteria: FilterCriteria | undefined,
  kind: MappingSource,
): CompiledFilterCriteria | undefined {
  try {
    return compileMappingFilter(criteria, kind);
  } catch (error) {
    if (error instanceof FilterCriteriaError) throw lambdaError(error.code, error.message);
    throw error;
  }
}

/** Parameters of other kinds of source, and the stream-only ones on an SQS source: Lambda rejects them. */
function rejectForeignParameters(input: JsonObject, source: SourceRef): void {
  for (const key of OTHER_SOURCE_PARAMETERS) {
    if (input[key] !== undefined && input[key] !== null)
      throw invalidParameter(`Unsupported ${key} parameter for given event source mapping type.`);
  }
  if (source.kind === 'sqs') {
    for (const key of STREAM_ONLY)
      if (input[key] !== undefined && input[key] !== null)
        throw invalidParameter(`Unsupported ${key} parameter for given event source mapping type.`);
  }
}

/** The settings every source has: batching, response types, filters, enabled. */
function batchingConfig(input: JsonObject, source: SourceRef, previous: MappingConfig | undefined): MappingConfig {
  const stream = source.kind !== 'sqs';
  const batchSize = integer(input, 'BatchSize') ?? previous?.BatchSize ?? (stream ? 100 : 10);
  range(batchSize, 'batchSize', 1, 10_000);
  const window = integer(input, 'MaximumBatchingWindowInSeconds') ?? previous?.MaximumBatchingWindowInSeconds ?? 0;
  range(window, 'maximumBatchingWindowInSeconds', 0, 300);
  if (source.kind === 'sqs') {
    if (source.fifo && batchSize > 10)
      throw invalidParameter(
        `Batch size ${batchSize} is not valid for a FIFO queue: SQS FIFO event sources allow a batch size of 1 to 10.`,
      );
    if (source.fifo && window > 0) throw invalidParameter('Batching window is not supported for FIFO queues.');
    if (batchSize > 10 && window === 0)
      throw invalidParameter(
        'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      );
  }
  const responseTypes = input['FunctionResponseTypes'] ?? previous?.FunctionResponseTypes ?? [];
  if (!Array.isArray(responseTypes) || responseTypes.some((t) => typeof t !== 'string'))
    throw lambdaError('SerializationException', 'FunctionResponseTypes must be a list of strings');
  for (const t of responseTypes as string[]) {
    if (!FUNCTION_RESPONSE_TYPES.includes(t))
      throw validationError(
        JSON.stringify(responseTypes).replace(/"/g, ''),
        'functionResponseTypes',
        `Member must satisfy constraint: [Member must satisfy enum value set: [${FUNCTION_RESPONSE_TYPES.join(', ')}]]`,
      );
  }
  return {
    BatchSize: batchSize,
    MaximumBatchingWindowInSeconds: window,
    FunctionResponseTypes: [...(responseTypes as string[])],
    FilterCriteria: filterCriteriaOf(input, source, previous),
    Enabled: boolean(input, 'Enabled') ?? previous?.Enabled ?? true,
  };
}

/** The filters after a Create or an Update (checked by compiling them). */
function filterCriteriaOf(
  input: JsonObject,
  source: SourceRef,
  previous: MappingConfig | undefined,
): FilterCriteria | undefined {
  let criteria: FilterCriteria | undefined = previous?.FilterCriteria;
  if (input['FilterCriteria'] !== undefined && input['FilterCriteria'] !== null) {
    const given = input['FilterCriteria'];
    if (typeof given !== 'object' || Array.isArray(given))
      throw lambdaError('SerializationException', 'FilterCriteria must be a structure');
    criteria = given as FilterCriteria;
    compileCriteria(criteria, source.kind);
    // An empty Filters list removes the filters (UpdateEventSourceMapping's way to clear them).
    if (((given as FilterCriteria).Filters ?? []).length === 0) criteria = undefined;
  }
  return criteria;
}

/** An SQS mapping's `ScalingConfig.MaximumConcurrency`, added to `config`. */
function withScaling(config: MappingConfig, input: JsonObject, previous: MappingConfig | undefined): MappingConfig {
  const scaling = input['ScalingConfig'];
  if (scaling !== undefined && scaling !== null) {
    const max = (scaling as JsonObject)['MaximumConcurrency'];
    if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max)))
      throw lambdaError('SerializationException', 'ScalingConfig.MaximumConcurrency must be an integer');
    range(max as number | undefined, 'scalingConfig.maximumConcurrency', 2, 1000);
    if (max !== undefined) config.MaximumConcurrency = max as number;
  } else if (previous?.MaximumConcurrency !== undefined) config.MaximumConcurrency = previous.MaximumConcurrency;
  return config;
}

/** A stream mapping's starting position, added to `config`: required on Create, fixed after it. */
function withStartingPosition(
  config: MappingConfig,
  input: JsonObject,
  source: SourceRef,
  previous: MappingConfig | undefined,
): void {
  if (previous !== undefined) {
    if (input['StartingPosition'] !== undefined)
      throw lambdaError('SerializationException', 'StartingPosition is not a member of UpdateEventSourceMapping');
    if (previous.StartingPosition !== undefined) config.StartingPosition = previous.StartingPosition;
    if (previous.StartingPositionTimestamp !== undefined)
      config.StartingPositionTimestamp = previous.StartingPositionTimestamp;
    return;
  }
  const position = input['StartingPosition'];
  if (position === undefined || position === null)
    throw invalidParameter(
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
  const positions = source.kind === 'kinesis' ? ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] : ['TRIM_HORIZON', 'LATEST'];
  if (typeof position !== 'string' || !['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'].includes(position)) {
    throw validationError(
      position,
      'startingPosition',
      'Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]',
    );
  }
  if (!positions.includes(position))
    throw invalidParameter(`Unsupported starting position for arn type: ${source.arn}`);
  config.StartingPosition = position as 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  const timestamp = input['StartingPositionTimestamp'];
  if (position === 'AT_TIMESTAMP') {
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp))
      throw invalidParameter('StartingPositionTimestamp must be provided when StartingPosition is AT_TIMESTAMP.');
    config.StartingPositionTimestamp = timestamp;
  } else if (timestamp !== undefined && timestamp !== null) {
    throw invalidParameter('StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP.');
  }
}

/** A stream mapping's on-failure destination after a Create or an Update (an empty one removes it). */
function onFailureOf(input: JsonObject, previous: MappingConfig | undefined): string | undefined {
  const destination = input['DestinationConfig'];
  if (destination === undefined || destination === null) return previous?.OnFailure;
  if (typeof destination !== 'object' || Array.isArray(destination))
    throw lambdaError('SerializationException', 'DestinationConfig must be a structure');
  const d = destination as JsonObject;
  if (d['OnSuccess'] !== undefined && d['OnSuccess'] !== null)
    throw invalidParameter('Unsupported DestinationConfig parameter for given event source mapping type.');
  const failure = d['OnFailure'] as JsonObject | undefined | null;
  const target = failure?.['Destination'];
  if (target === undefined || target === null || target === '') return undefined;
  if (typeof target !== 'string')
    throw lambdaError('SerializationException', 'DestinationConfig.OnFailure.Destination must be a string');
  return target;
}

/** The stream-only settings (position, parallelization, retries, record age, bisection, destination) added to `config`. */
function streamConfig(
  config: MappingConfig,
  input: JsonObject,
  source: SourceRef,
  previous: MappingConfig | undefined,
  tumbling: number,
): MappingConfig {
  withStartingPosition(config, input, source, previous);
  const parallelization = integer(input, 'ParallelizationFactor') ?? previous?.ParallelizationFactor ?? 1;
  range(parallelization, 'parallelizationFactor', 1, 10);
  const retries = integer(input, 'MaximumRetryAttempts') ?? previous?.MaximumRetryAttempts ?? -1;
  range(retries, 'maximumRetryAttempts', -1, 10_000);
  const age = integer(input, 'MaximumRecordAgeInSeconds') ?? previous?.MaximumRecordAgeInSeconds ?? -1;
  range(age, 'maximumRecordAgeInSeconds', -1, 604_800);
  if (age !== -1 && age < 60)
    throw invalidParameter('MaximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800 seconds.');
  const bisect = boolean(input, 'BisectBatchOnFunctionError') ?? previous?.BisectBatchOnFunctionError ?? false;
  const onFailure = onFailureOf(input, previous);
  return {
    ...config,
    ParallelizationFactor: parallelization,
    TumblingWindowInSeconds: tumbling,
    MaximumRetryAttempts: retries,
    MaximumRecordAgeInSeconds: age,
    BisectBatchOnFunctionError: bisect,
    ...(onFailure === undefined ? {} : { OnFailure: onFailure }),
  };
}

/**
 * The settings of a Create (`previous` undefined) or an Update (`previous` the current settings)
 * for `source`, validated as Lambda validates them (in Lambda's order: the first broken rule is
 * the one reported), with AWS's defaults.
 */
export function mappingConfig(
  input: JsonObject,
  source: SourceRef,
  previous: MappingConfig | undefined,
): MappingConfig {
  // Messages recorded against AWS: localstack's snapshot-tested validation of event source mappings
  // (services/lambda_/provider.py); the rest follow AWS's request-validation format.
  rejectForeignParameters(input, source);
  const tumbling = integer(input, 'TumblingWindowInSeconds') ?? previous?.TumblingWindowInSeconds ?? 0;
  range(tumbling, 'tumblingWindowInSeconds', 0, 900);
  const config = batchingConfig(input, source, previous);
  if (source.kind === 'sqs') return withScaling(config, input, previous);
  return streamConfig(config, input, source, previous, tumbling);
}
