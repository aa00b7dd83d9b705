/** What every SQS operation handler gets, and the request helpers they share. */
import type { JsonObject } from '../../_internals/input.js';
import { readString } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { invalidParameter, SQS_INPUT_ERRORS } from '../errors.js';
import type { MockQueue } from '../queue.js';
import type { QueueRegistry } from '../registry.js';

/** What the operations need from the service. */
export interface OperationContext {
  readonly registry: QueueRegistry;
  readonly defaultRegion: string;
  /** The account of every queue. */
  readonly account: string;
  /** Current virtual time, epoch ms. */
  nowMs(): number;
  /** The `SenderId` of messages sent through the API. */
  readonly senderId: () => string;
}

/** One operation handler. */
export type Operation = (input: JsonObject, info: JsonRequestInfo, context: OperationContext) => unknown;

/** The request's region: its signing region, else the mocks' region. */
export function regionOf(info: JsonRequestInfo, context: OperationContext): string {
  return info.region ?? context.defaultRegion;
}

/** The queue a request's `QueueUrl` names, or AWS's error for it. */
export function queueOf(input: JsonObject, info: JsonRequestInfo, context: OperationContext): MockQueue {
  return context.registry.fromUrl(readString(input, 'QueueUrl', SQS_INPUT_ERRORS, true), regionOf(info, context));
}

/** A `VisibilityTimeout` member's range: 0 to 12 hours. */
export function checkVisibility(member: string, value: number | undefined): void {
  if (value !== undefined && (value < 0 || value > 43_200))
    throw invalidParameter(member, 'VisibilityTimeout must be >= 0 and <= 43200.', value);
}
