/**
 * A pipe's definition checked as CreatePipe and UpdatePipe check it, with Pipes' errors: the
 * name, the required members, the source and target ARNs, the source parameters' shapes and
 * ranges, the filters and the input templates (compiled), a FIFO target's group id.
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_CreatePipe.html
 */
import { compileFilterCriteria, type FilterCriteria } from '../../patterns/filters.js';
import { compilePipeTemplate } from '../../pipes/index.js';
import { validationError } from './errors.js';
import type { PipeDefinition } from './runtime.js';

/** A request body, or one of its structures. */
export type Body = Record<string, unknown>;

const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
/** The source ARNs a pipe polls: an SQS queue, a Kinesis stream or a DynamoDB stream. */
export const SOURCE_ARN =
  /^arn:aws[\w-]*:(sqs:[^:]+:\d{12}:[^:/]+|kinesis:[^:]+:\d{12}:stream\/[^:/]+|dynamodb:[^:]+:\d{12}:table\/[^/]+\/stream\/.+)$/;
const TARGET_SERVICES = new Set(['sqs', 'sns', 'kinesis', 'events', 'lambda']);

/** A required string member, or Pipes' ValidationException naming it. */
export function notNull(body: Body, member: string): string {
  const value = body[member];
  if (value === undefined || value === null)
    throw validationError(
      `1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  if (typeof value !== 'string') throw validationError(`Value at '${member}' must be a string`);
  return value;
}

/** The pipe name from the path, validated. */
export function pipeName(name: string): string {
  if (!NAME.test(name))
    throw validationError(
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\.\\-_A-Za-z0-9]+`,
    );
  return name;
}

function isObject(value: unknown): value is Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An optional structure member, or Pipes' ValidationException naming it. */
function structure(value: unknown, path: string): Body | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw validationError(`${path} must be a structure (a JSON object)`);
  return value;
}

/** An optional whole number within the API's range. */
function integerIn(value: unknown, path: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw validationError(`${path} must be an integer`);
  if (value < min || value > max)
    throw validationError(
      `1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
    );
}

/** The source parameters' shapes and ranges (Pipes API reference, PipeSource*Parameters). */
function validateSource(kind: 'sqs' | 'kinesis' | 'dynamodb', parameters: Body | undefined): void {
  if (kind === 'sqs') {
    const sqs = structure(parameters?.['SqsQueueParameters'], 'sourceParameters.sqsQueueParameters');
    integerIn(sqs?.['BatchSize'], 'sourceParameters.sqsQueueParameters.batchSize', 1, 10_000);
    integerIn(
      sqs?.['MaximumBatchingWindowInSeconds'],
      'sourceParameters.sqsQueueParameters.maximumBatchingWindowInSeconds',
      0,
      300,
    );
    return;
  }
  const name = kind === 'kinesis' ? 'KinesisStreamParameters' : 'DynamoDBStreamParameters';
  const path = `sourceParameters.${kind === 'kinesis' ? 'kinesisStreamParameters' : 'dynamoDBStreamParameters'}`;
  const stream = structure(parameters?.[name], path);
  // A stream source must say where to start.
  const start = stream?.['StartingPosition'];
  const allowed = kind === 'kinesis' ? ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] : ['TRIM_HORIZON', 'LATEST'];
  if (typeof start !== 'string' || !allowed.includes(start))
    throw validationError(
      `${path}.startingPosition must be one of ${allowed.join(', ')}, got ${start === undefined ? 'nothing' : JSON.stringify(start)}`,
    );
  integerIn(stream?.['BatchSize'], `${path}.batchSize`, 1, 10_000);
  integerIn(stream?.['MaximumBatchingWindowInSeconds'], `${path}.maximumBatchingWindowInSeconds`, 0, 300);
  integerIn(stream?.['MaximumRetryAttempts'], `${path}.maximumRetryAttempts`, -1, 10_000);
  integerIn(stream?.['MaximumRecordAgeInSeconds'], `${path}.maximumRecordAgeInSeconds`, -1, 604_800);
  if (stream?.['BisectBatchOnFunctionError'] !== undefined && typeof stream['BisectBatchOnFunctionError'] !== 'boolean')
    throw validationError(`${path}.bisectBatchOnFunctionError must be a boolean`);
}

/** Checks what the pipe's runtime compiles, with Pipes' errors. */
export function validateDefinition(definition: PipeDefinition): void {
  const kind = definition.Source.split(':')[2] as 'sqs' | 'kinesis' | 'dynamodb';
  const source = structure(definition.SourceParameters, 'sourceParameters');
  structure(definition.TargetParameters, 'targetParameters');
  structure(definition.EnrichmentParameters, 'enrichmentParameters');
  validateSource(kind, source);
  for (const member of ['Description', 'Enrichment'] as const) {
    if (definition[member] !== undefined && typeof definition[member] !== 'string')
      throw validationError(`${member.charAt(0).toLowerCase()}${member.slice(1)} must be a string`);
  }
  const template = (definition.TargetParameters as Body | undefined)?.['InputTemplate'];
  if (template !== undefined && typeof template !== 'string')
    throw validationError('targetParameters.inputTemplate must be a string');
  const criteria = definition.SourceParameters?.['FilterCriteria'];
  if (criteria !== undefined) {
    try {
      compileFilterCriteria(criteria as FilterCriteria, { source: `pipes:${kind}` as never });
    } catch (error) {
      throw validationError(error instanceof Error ? error.message : String(error));
    }
  }
  for (const [where, template] of [
    ['EnrichmentParameters.InputTemplate', definition.EnrichmentParameters?.InputTemplate],
    ['TargetParameters.InputTemplate', definition.TargetParameters?.['InputTemplate']],
  ] as const) {
    if (template === undefined) continue;
    try {
      compilePipeTemplate(template as string);
    } catch (error) {
      throw validationError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const target = definition.Target.split(':');
  if (target[0] !== 'arn' || !TARGET_SERVICES.has(target[2] ?? ''))
    throw validationError(
      `Target ${definition.Target} is not a supported target ARN (SQS, SNS, Kinesis, event bus, Lambda).`,
    );
  if (definition.Enrichment !== undefined && definition.Enrichment.split(':')[2] !== 'lambda')
    throw validationError(`Enrichment ${definition.Enrichment} is not a Lambda function ARN.`);
  if (
    target[2] === 'sqs' &&
    definition.Target.endsWith('.fifo') &&
    (definition.TargetParameters?.['SqsQueueParameters'] as { MessageGroupId?: string } | undefined)?.MessageGroupId ===
      undefined
  ) {
    throw validationError(
      'MessageGroupId is required for a FIFO queue target (TargetParameters.SqsQueueParameters.MessageGroupId).',
    );
  }
}

/** `DesiredState` (RUNNING when absent), or Pipes' ValidationException. */
export function desiredOf(value: unknown): 'RUNNING' | 'STOPPED' {
  if (value === undefined) return 'RUNNING';
  if (value !== 'RUNNING' && value !== 'STOPPED')
    throw validationError(
      `1 validation error detected: Value '${String(value)}' at 'desiredState' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, STOPPED]`,
    );
  return value;
}
