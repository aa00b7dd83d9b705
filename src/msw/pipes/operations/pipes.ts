/** CreatePipe, DescribePipe, UpdatePipe, DeletePipe, StartPipe, StopPipe, ListPipes. */
import { conflict, pipeNotFound, validationError } from '../errors.js';
import { PipeRuntime, type PipeDefinition } from '../runtime.js';
import type { PipesState } from '../state.js';
import { desiredOf, notNull, pipeName, SOURCE_ARN, validateDefinition, type Body } from '../validate.js';

const DIGITS = /^\d+$/;

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
  if (!SOURCE_ARN.test(definition.Source))
    throw validationError(`Source ${definition.Source} is not an SQS queue, Kinesis stream or DynamoDB stream ARN.`);
  const desired = desiredOf(body['DesiredState']);
  definition.DesiredState = desired;
  validateDefinition(definition);
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
  validateDefinition(next);
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
  // Decimal digits only: Number() alone would read `0x10`, `1e1` or ` 5` as integers.
  const limit = limitText === undefined ? 100 : DIGITS.test(limitText) ? Number(limitText) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw validationError(
      `1 validation error detected: Value '${limitText}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  const token = get('NextToken');
  // The mocks' tokens are the next index, in decimal digits.
  const start = token === undefined ? 0 : DIGITS.test(token) ? Number(token) : Number.NaN;
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
