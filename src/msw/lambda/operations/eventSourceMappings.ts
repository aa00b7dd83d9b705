/** Create/Update/Delete/Get/ListEventSourceMappings on the wire (`/2015-03-31/event-source-mappings[/{UUID}]`). */
import type { JsonObject } from '../../_internals/input.js';
import { jsonBody, lambdaJson, type LambdaCall } from '../wire.js';

/** What the mappings module answers (configurations as Lambda writes them). */
export interface EsmOperations {
  create(input: JsonObject, region: string): unknown;
  update(uuid: string, input: JsonObject, region: string): unknown;
  delete(uuid: string): unknown;
  get(uuid: string): unknown;
  list(query: URLSearchParams, region: string): unknown;
}

/** Routes one mapping call; undefined when the method has no operation there. */
export async function esmOperation(
  esm: EsmOperations,
  call: LambdaCall,
  uuid: string | undefined,
): Promise<Response | undefined> {
  if (uuid === undefined) {
    // Lambda answers 202 Accepted to a create: the mapping is still being created.
    if (call.method === 'POST') return lambdaJson(call, 202, esm.create(await jsonBody(call.request), call.region));
    if (call.method === 'GET') return lambdaJson(call, 200, esm.list(call.url.searchParams, call.region));
    return undefined;
  }
  if (call.method === 'GET') return lambdaJson(call, 200, esm.get(uuid));
  if (call.method === 'PUT') return lambdaJson(call, 202, esm.update(uuid, await jsonBody(call.request), call.region));
  if (call.method === 'DELETE') return lambdaJson(call, 202, esm.delete(uuid));
  return undefined;
}
