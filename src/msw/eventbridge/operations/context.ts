/** What every EventBridge operation handler gets. */
import type { Random } from '../../../_internals/random.js';
import type { JsonObject } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { busNotFound, validationError } from '../errors.js';
import type { BusState, EnvelopeEvent, EventBridgeState } from '../state.js';

/** The state and helpers an operation works with. */
export interface OperationContext {
  readonly state: EventBridgeState;
  readonly nowMs: () => number;
  readonly eventIds: () => Random;
  /** Records an accepted event and routes it (PutEvents, publish). */
  readonly accept: (busName: string, event: () => EnvelopeEvent) => void;
  /** PutEvents' size limit now. */
  readonly maxBytes: () => number;
}

/** One operation handler. */
export type Operation = (input: JsonObject, info: JsonRequestInfo, context: OperationContext) => unknown;

/** A bus name from `EventBusName` (a name or an ARN), `default` when absent. */
export function busNameOf(value: unknown): string {
  if (value === undefined || value === null) return 'default';
  if (typeof value !== 'string')
    throw validationError(
      `Value ${JSON.stringify(value)} at 'eventBusName' failed to satisfy constraint: Member must be a string`,
    );
  const at = value.lastIndexOf(':event-bus/');
  return value.startsWith('arn:') && at !== -1 ? value.slice(at + ':event-bus/'.length) : value;
}

/** The bus named by `EventBusName`, or AWS's ResourceNotFoundException. */
export function busOf(state: EventBridgeState, input: JsonObject): BusState {
  const name = busNameOf(input['EventBusName']);
  const bus = state.buses.get(name);
  if (bus === undefined) throw busNotFound(name);
  return bus;
}

/** Pages a sorted list with `NextToken` (an index) and `Limit` (1–100). */
export function page<T>(items: readonly T[], input: JsonObject): { items: T[]; next?: string } {
  const limit = input['Limit'];
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100)) {
    throw validationError(
      `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value ${typeof limit === 'number' && limit > 100 ? 'less than or equal to 100' : 'greater than or equal to 1'}`,
    );
  }
  const token = input['NextToken'];
  let start = 0;
  if (token !== undefined) {
    start = typeof token === 'string' && /^\d+$/.test(token) ? Number(token) : Number.NaN;
    if (!Number.isSafeInteger(start) || start > items.length)
      throw validationError('The NextToken provided is invalid.');
  }
  const end = limit === undefined ? items.length : start + limit;
  const out: { items: T[]; next?: string } = { items: items.slice(start, end) };
  if (end < items.length) out.next = String(end);
  return out;
}

/** Epoch seconds, as the JSON protocol sends timestamps. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
