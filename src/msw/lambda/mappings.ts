/**
 * The event source mappings of one Lambda: created, updated and deleted as the API does it (one
 * mapping per source and function, the function and the on-failure destination checked, the
 * source service's poller started or reconfigured), and the test side's view of them.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
 */
import { fail, show } from '../../_internals/errors.js';
import type { JsonObject } from '../_internals/input.js';
import type { FilteredRecord } from '../_internals/mappingFilter.js';
import type { StreamFailureRecord } from '../_internals/streamDelivery.js';
import { lambdaError, mappingNotFound } from './errors.js';
import type { MockFunction } from './functions.js';
import { mappingConfig, sourceOf, type SourceRef } from './mappingConfig.js';
import { checkDestination, reconfigureMapping, subscribeMapping } from './mappingPollers.js';
import { functionOfMapping, testFunction } from './registry.js';
import { nowMs, type LambdaState, type Mapping } from './state.js';

/** An event source mapping as the test side sees it. */
export interface LambdaEventSourceMapping {
  readonly uuid: string;
  readonly eventSourceArn: string;
  readonly functionArn: string;
  readonly state: 'Enabled' | 'Disabled';
  /** Invocations made by the mapping. */
  readonly invocationCount: number;
  /** The latest records its filters dropped (SQS: deleted; streams: skipped), with why. */
  readonly filtered: readonly FilteredRecord<unknown>[];
  /** Every record its filters dropped. */
  readonly filteredCount: number;
  /** Streams: the on-failure records of discarded batches. */
  readonly failures: readonly StreamFailureRecord[];
}

/** The state an UpdateEventSourceMapping answers with. */
type MappingTransition = 'Updating' | 'Enabling' | 'Disabling';

/** The mapping `uuid` names, or ResourceNotFoundException. */
export function mappingOf(state: LambdaState, uuid: unknown): Mapping {
  const mapping = typeof uuid === 'string' ? state.mappings.get(uuid) : undefined;
  if (mapping === undefined) throw mappingNotFound();
  return mapping;
}

/** The function fields a mapping keeps. */
function functionOf(fn: MockFunction): Mapping['fn'] {
  return { arn: fn.arn, name: fn.name, region: fn.region };
}

/** A mapping of the same source and function exists: ResourceConflictException (409) naming it. */
function rejectDuplicate(state: LambdaState, source: SourceRef, fn: MockFunction): void {
  for (const other of state.mappings.values()) {
    if (other.source.arn === source.arn && other.fn.arn === fn.arn) {
      throw lambdaError(
        'ResourceConflictException',
        source.kind === 'sqs'
          ? `An event source mapping with SQS arn (" ${source.arn} ") and function (" ${fn.name} ") already exists. Please update or delete the existing mapping with UUID ${other.uuid}`
          : `The event source arn (" ${source.arn} ") and function (" ${fn.name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${other.uuid}`,
        409,
      );
    }
  }
}

/** CreateEventSourceMapping: a new mapping, its poller running. */
export function createMapping(state: LambdaState, input: JsonObject, region: string): Mapping {
  const source = sourceOf(input['EventSourceArn']);
  const config = mappingConfig(input, source, undefined);
  const fn = functionOfMapping(state, input['FunctionName'], region);
  rejectDuplicate(state, source, fn);
  checkDestination(state, config);
  const uuid = state.ids.uuids.uuidV4();
  const subscription = subscribeMapping(state, source, config, fn, uuid);
  const mapping: Mapping = { uuid, source, fn: functionOf(fn), config, lastModifiedMs: nowMs(state), subscription };
  state.mappings.set(uuid, mapping);
  return mapping;
}

/** UpdateEventSourceMapping: new settings (and function) on the running poller. */
export function updateMapping(
  state: LambdaState,
  uuid: unknown,
  input: JsonObject,
  region: string,
): { mapping: Mapping; transition: MappingTransition } {
  const mapping = mappingOf(state, uuid);
  const config = mappingConfig(input, mapping.source, mapping.config);
  const fn =
    input['FunctionName'] === undefined || input['FunctionName'] === null
      ? functionOfMapping(state, mapping.fn.arn, region)
      : functionOfMapping(state, input['FunctionName'], region);
  checkDestination(state, config);
  const wasEnabled = mapping.config.Enabled;
  mapping.config = config;
  mapping.fn = functionOf(fn);
  mapping.lastModifiedMs = nowMs(state);
  reconfigureMapping(state, mapping, fn);
  const transition = config.Enabled === wasEnabled ? 'Updating' : config.Enabled ? 'Enabling' : 'Disabling';
  return { mapping, transition };
}

/** DeleteEventSourceMapping: the poller stops and the mapping is gone. */
export function deleteMapping(state: LambdaState, uuid: unknown): Mapping {
  const mapping = mappingOf(state, uuid);
  mapping.subscription.unsubscribe();
  state.mappings.delete(mapping.uuid);
  return mapping;
}

/** `mocks.lambda.eventSourceMappings`: the mappings, optionally of one function (name or ARN) or one source ARN. */
export function mappingInfos(
  state: LambdaState,
  filter: { functionName?: string; eventSourceArn?: string },
): LambdaEventSourceMapping[] {
  if (filter === null || typeof filter !== 'object')
    fail(
      'mocks.lambda.eventSourceMappings',
      'filter',
      `must be { functionName?, eventSourceArn? }, got ${show(filter)}`,
    );
  const fnArn =
    filter.functionName === undefined
      ? undefined
      : testFunction(state, 'mocks.lambda.eventSourceMappings', filter.functionName).arn;
  return [...state.mappings.values()]
    .filter(
      (m) =>
        (fnArn === undefined || m.fn.arn === fnArn) &&
        (filter.eventSourceArn === undefined || m.source.arn === filter.eventSourceArn),
    )
    .map((m) => ({
      uuid: m.uuid,
      eventSourceArn: m.source.arn,
      functionArn: m.fn.arn,
      state: m.config.Enabled ? ('Enabled' as const) : ('Disabled' as const),
      invocationCount: m.subscription.invocationCount,
      filtered: m.subscription.filtered,
      filteredCount: m.subscription.filteredCount,
      failures: [...(m.subscription.failures ?? [])],
    }));
}
