/**
 * Create/Update/Delete/Get/ListEventSourceMappings on the wire
 * (`/2015-03-31/event-source-mappings[/{UUID}]`), answering with Lambda's
 * `EventSourceMappingConfiguration`.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingConfiguration.html
 */
import { arn as buildArn, parseArn } from '../../../_internals/aws.js';
import { invalidParameter } from '../errors.js';
import { createMapping, deleteMapping, mappingOf, updateMapping } from '../mappings.js';
import { parseFunctionRef } from '../registry.js';
import { functionArn, type LambdaState, type Mapping } from '../state.js';
import { jsonBody, lambdaJson, maxItemsOf, type LambdaCall } from './context.js';

/** A mapping's configuration as Lambda writes it; `state` is the transition an answer reports. */
function describeMapping(lambda: LambdaState, mapping: Mapping, state?: string): Record<string, unknown> {
  const c = mapping.config;
  const stream = mapping.source.kind !== 'sqs';
  const { context } = lambda;
  return {
    UUID: mapping.uuid,
    ...(c.StartingPosition === undefined ? {} : { StartingPosition: c.StartingPosition }),
    ...(c.StartingPositionTimestamp === undefined ? {} : { StartingPositionTimestamp: c.StartingPositionTimestamp }),
    BatchSize: c.BatchSize,
    MaximumBatchingWindowInSeconds: c.MaximumBatchingWindowInSeconds,
    ...(stream ? { ParallelizationFactor: c.ParallelizationFactor } : {}),
    EventSourceArn: mapping.source.arn,
    ...(c.FilterCriteria === undefined ? {} : { FilterCriteria: c.FilterCriteria }),
    FunctionArn: mapping.fn.arn,
    LastModified: mapping.lastModifiedMs / 1000,
    ...(stream
      ? { LastProcessingResult: mapping.subscription.invocationCount > 0 ? 'OK' : 'No records processed' }
      : {}),
    State: state ?? (c.Enabled ? 'Enabled' : 'Disabled'),
    StateTransitionReason: 'USER_INITIATED',
    ...(stream
      ? {
          DestinationConfig: { OnFailure: c.OnFailure === undefined ? {} : { Destination: c.OnFailure } },
          MaximumRecordAgeInSeconds: c.MaximumRecordAgeInSeconds,
          BisectBatchOnFunctionError: c.BisectBatchOnFunctionError,
          MaximumRetryAttempts: c.MaximumRetryAttempts,
          TumblingWindowInSeconds: c.TumblingWindowInSeconds ?? 0,
        }
      : {}),
    ...(c.MaximumConcurrency === undefined ? {} : { ScalingConfig: { MaximumConcurrency: c.MaximumConcurrency } }),
    FunctionResponseTypes: c.FunctionResponseTypes,
    EventSourceMappingArn: buildArn(
      context.partition,
      'lambda',
      parseArn(mapping.fn.arn)?.region ?? context.region,
      context.account,
      `event-source-mapping:${mapping.uuid}`,
    ),
  };
}

/** CreateEventSourceMapping: `POST /2015-03-31/event-source-mappings`. */
export async function CreateEventSourceMapping(state: LambdaState, call: LambdaCall): Promise<Response> {
  const mapping = createMapping(state, await jsonBody(call.request), call.region);
  // Lambda answers 202 Accepted while the mapping is being created; the next read shows it Enabled (or Disabled).
  return lambdaJson(call, 202, describeMapping(state, mapping, 'Creating'));
}

/** UpdateEventSourceMapping: `PUT /2015-03-31/event-source-mappings/{UUID}`. */
export async function UpdateEventSourceMapping(state: LambdaState, call: LambdaCall, uuid: string): Promise<Response> {
  const { mapping, transition } = updateMapping(state, uuid, await jsonBody(call.request), call.region);
  return lambdaJson(call, 202, describeMapping(state, mapping, transition));
}

/** DeleteEventSourceMapping: `DELETE /2015-03-31/event-source-mappings/{UUID}`. */
export function DeleteEventSourceMapping(state: LambdaState, call: LambdaCall, uuid: string): Response {
  return lambdaJson(call, 202, describeMapping(state, deleteMapping(state, uuid), 'Deleting'));
}

/** GetEventSourceMapping: `GET /2015-03-31/event-source-mappings/{UUID}`. */
export function GetEventSourceMapping(state: LambdaState, call: LambdaCall, uuid: string): Response {
  return lambdaJson(call, 200, describeMapping(state, mappingOf(state, uuid)));
}

/** ListEventSourceMappings: `GET /2015-03-31/event-source-mappings`, by source and function, paged by `Marker`. */
export function ListEventSourceMappings(state: LambdaState, call: LambdaCall): Response {
  const query = call.url.searchParams;
  const sourceArn = query.get('EventSourceArn');
  const functionName = query.get('FunctionName');
  const ref = functionName === null ? undefined : parseFunctionRef(state, functionName, call.region);
  const fnArn = ref === undefined ? undefined : functionArn(state, ref.region, ref.name);
  const maxItems = maxItemsOf(query, 100);
  const all = [...state.mappings.values()].filter(
    (m) => (sourceArn === null || m.source.arn === sourceArn) && (fnArn === undefined || m.fn.arn === fnArn),
  );
  const marker = query.get('Marker');
  let start = 0;
  if (marker !== null) {
    start = all.findIndex((m) => m.uuid === marker);
    if (start === -1) throw invalidParameter('Invalid marker.');
  }
  const next = all[start + maxItems];
  return lambdaJson(call, 200, {
    EventSourceMappings: all.slice(start, start + maxItems).map((m) => describeMapping(state, m)),
    ...(next === undefined ? {} : { NextMarker: next.uuid }),
  });
}
