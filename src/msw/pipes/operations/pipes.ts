/** CreatePipe, DescribePipe, UpdatePipe, DeletePipe, StartPipe, StopPipe, ListPipes. */
import { compileFilterCriteria, type FilterCriteria } from '../../../patterns/filters.js';
import { compilePipeTemplate } from '../../../pipes/index.js';
import { conflict, pipeNotFound, validationError } from '../errors.js';
import { PipeRuntime, type PipeDefinition } from '../service.js';
import type { PipesState } from '../state.js';

type Body = Record<string, unknown>;

const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
const SOURCE =
  /^arn:aws[\w-]*:(sqs:[^:]+:\d{12}:[^:/]+|kinesis:[^:]+:\d{12}:stream\/[^:/]+|dynamodb:[^:]+:\d{12}:table\/[^/]+\/stream\/.+)$/;
const TARGET_SERVICES = new Set(['sqs', 'sns', 'kinesis', 'events', 'lambda']);

function notNull(body: Body, member: string): string {
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
function validate(definition: PipeDefinition): void {
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

function desiredOf(value: unknown): 'RUNNING' | 'STOPPED' {
  if (value === undefined) return 'RUNNING';
  if (value !== 'RUNNING' && value !== 'STOPPED')
    throw validationError(
      `1 validation error detected: Value '${String(value)}' at 'desiredState' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, STOPPED]`,
    );
  return value;
}

function summary(
  pipe: PipeRuntime,
  currentState = pipe.currentState,
  desired = pipe.definition.DesiredState ?? 'RUNNING',
): Body {
  return {
    Arn: pipe.arn,
    Name: pipe.name,
    DesiredState: desired,
    CurrentState: currentState,
    CreationTime: pipe.createdMs / 1000,
    LastModifiedTime: pipe.modifiedMs / 1000,
  };
}

function existing(state: PipesState, name: string): PipeRuntime {
  const pipe = state.pipes.get(pipeName(name));
  if (pipe === undefined) throw pipeNotFound(name);
  return pipe;
}

/** CreatePipe: answers CREATING; the pipe is RUNNING (or STOPPED) from then on. */
export function createPipe(state: PipesState, name: string, body: Body): Body {
  pipeName(name);
  const definition: PipeDefinition = {
    ...(structuredClone(body) as unknown as PipeDefinition),
    RoleArn: notNull(body, 'RoleArn'),
    Source: notNull(body, 'Source'),
    Target: notNull(body, 'Target'),
  };
  if (!SOURCE.test(definition.Source))
    throw validationError(`Source ${definition.Source} is not an SQS queue, Kinesis stream or DynamoDB stream ARN.`);
  const desired = desiredOf(body['DesiredState']);
  definition.DesiredState = desired;
  validate(definition);
  if (state.pipes.has(name)) throw conflict(`Pipe ${name} already exists.`, name);
  const pipe = new PipeRuntime(name, state.arn(name), definition, state.sinks, state.nowMs, state.senderId);
  state.pipes.set(name, pipe);
  const answer = summary(pipe, 'CREATING');
  pipe.settle(desired);
  return answer;
}

/** DescribePipe. */
export function describePipe(state: PipesState, name: string): Body {
  const pipe = existing(state, name);
  const d = pipe.definition;
  return {
    ...summary(pipe),
    ...(pipe.stateReason === undefined ? {} : { StateReason: pipe.stateReason }),
    ...(d.Description === undefined ? {} : { Description: d.Description }),
    Source: d.Source,
    ...(d.SourceParameters === undefined ? {} : { SourceParameters: d.SourceParameters }),
    ...(d.Enrichment === undefined ? {} : { Enrichment: d.Enrichment }),
    ...(d.EnrichmentParameters === undefined ? {} : { EnrichmentParameters: d.EnrichmentParameters }),
    Target: d.Target,
    ...(d.TargetParameters === undefined ? {} : { TargetParameters: d.TargetParameters }),
    RoleArn: d.RoleArn,
    Tags: d.Tags ?? {},
  };
}

/** UpdatePipe: the source stays; target, enrichment, parameters and state change. Answers UPDATING. */
export function updatePipe(state: PipesState, name: string, body: Body): Body {
  const pipe = existing(state, name);
  const desired =
    body['DesiredState'] === undefined ? (pipe.definition.DesiredState ?? 'RUNNING') : desiredOf(body['DesiredState']);
  const next: PipeDefinition = {
    ...pipe.definition,
    ...(structuredClone(body) as unknown as Partial<PipeDefinition>),
    Source: pipe.definition.Source,
    RoleArn: notNull(body, 'RoleArn'),
    DesiredState: desired,
  };
  if (body['SourceParameters'] !== undefined)
    next.SourceParameters = { ...pipe.definition.SourceParameters, ...(body['SourceParameters'] as Body) };
  validate(next);
  pipe.definition = next;
  pipe.modifiedMs = state.nowMs();
  pipe.compile();
  const answer = summary(pipe, 'UPDATING');
  pipe.settle(desired);
  return answer;
}

/** DeletePipe: answers DELETING; the pipe stops polling and is gone. */
export function deletePipe(state: PipesState, name: string): Body {
  const pipe = existing(state, name);
  pipe.dispose();
  state.pipes.delete(name);
  return summary(pipe, 'DELETING', 'DELETED' as never);
}

/** StartPipe / StopPipe: answer STARTING / STOPPING, then RUNNING / STOPPED. */
export function setPipeState(state: PipesState, name: string, desired: 'RUNNING' | 'STOPPED'): Body {
  const pipe = existing(state, name);
  if (pipe.currentState === 'CREATING' || pipe.currentState === 'UPDATING')
    throw conflict(`Pipe ${name} is ${pipe.currentState}.`, name);
  pipe.definition.DesiredState = desired;
  pipe.modifiedMs = state.nowMs();
  const answer = summary(pipe, desired === 'RUNNING' ? 'STARTING' : 'STOPPING');
  if ((desired === 'RUNNING') !== (pipe.currentState === 'RUNNING')) pipe.settle(desired);
  return answer;
}

/** ListPipes: by name, with the prefix and state filters and paging. */
export function listPipes(state: PipesState, query: URLSearchParams): Body {
  const get = (key: string): string | undefined => query.get(key) ?? undefined;
  const [namePrefix, sourcePrefix, targetPrefix, desired, current] = [
    'NamePrefix',
    'SourcePrefix',
    'TargetPrefix',
    'DesiredState',
    'CurrentState',
  ].map(get);
  const pipes = [...state.pipes.values()]
    .filter(
      (p) =>
        (namePrefix === undefined || p.name.startsWith(namePrefix)) &&
        (sourcePrefix === undefined || p.definition.Source.startsWith(sourcePrefix)) &&
        (targetPrefix === undefined || p.definition.Target.startsWith(targetPrefix)),
    )
    .filter(
      (p) =>
        (desired === undefined || (p.definition.DesiredState ?? 'RUNNING') === desired) &&
        (current === undefined || p.currentState === current),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const limitText = get('Limit');
  const limit = limitText === undefined ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw validationError(
      `1 validation error detected: Value '${limitText}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  const token = get('NextToken');
  const start = token === undefined ? 0 : Number(token);
  if (!Number.isSafeInteger(start) || start < 0 || start > pipes.length)
    throw validationError('The NextToken provided is invalid.');
  const items = pipes.slice(start, start + limit);
  return {
    Pipes: items.map((p) => ({
      ...summary(p),
      Source: p.definition.Source,
      Target: p.definition.Target,
      ...(p.definition.Enrichment === undefined ? {} : { Enrichment: p.definition.Enrichment }),
    })),
    ...(start + limit < pipes.length ? { NextToken: String(start + limit) } : {}),
  };
}
