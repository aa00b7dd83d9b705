/**
 * The Lambda `Context` a subscribed handler receives: the mocks' region and account, a seeded
 * `awsRequestId` per invocation, and `getRemainingTimeInMillis()` counting the function timeout
 * down on the virtual clock, so a handler that checks its remaining time sees what Lambda would.
 */
import type { Callback, Context } from 'aws-lambda';
import { buildLambdaContext, resolveLambdaContextOptions } from '../../lambda/context.js';

/** What `createAwsMocks` tells the invocations of one mock instance. */
export interface FunctionIdentity {
  readonly region: string;
  readonly account: string;
  readonly seed: number | string;
}

interface Registered extends FunctionIdentity {
  invocations: number;
}

// Keyed by the mocks' clock, the one object a drain lends to every invocation it runs.
const identities = new WeakMap<object, Registered>();

/** Records the identity of the mocks that own `clock` (called once by `createAwsMocks`). */
export function registerFunctionIdentity(clock: object, identity: FunctionIdentity): void {
  identities.set(clock, { ...identity, invocations: 0 });
}

const DEFAULT_IDENTITY: Registered = { region: 'us-east-1', account: '123456789012', seed: 0, invocations: 0 };

/**
 * A fresh Context for one invocation that starts now on `nowMs`, with the function timeout of
 * `timeoutSeconds`. `clock` is the mocks' clock when known (inside `mocks.drain()`).
 */
export function invocationContext(clock: object | undefined, timeoutSeconds: number, nowMs: () => number): Context {
  const identity = (clock === undefined ? undefined : identities.get(clock)) ?? DEFAULT_IDENTITY;
  const n = identity.invocations++;
  const resolved = resolveLambdaContextOptions('mocks', {
    region: identity.region,
    account: identity.account,
    timeout: timeoutSeconds,
    clock: nowMs,
    time: nowMs(),
  });
  const random = resolved.common.random(`lambda.invocation.${identity.seed}.${n}`);
  return buildLambdaContext(resolved, random.uuidV4(), random.hex(32));
}

/**
 * A handler as a subscription calls it: `(event, context, callback)`, as Lambda's Node.js runtime
 * does. A handler typed with `@types/aws-lambda` (`SQSHandler`, `KinesisStreamHandler` …) fits,
 * and so does one that takes only the event.
 */
export type SubscribedHandler<TEvent> = (event: TEvent, context: Context, callback: Callback<unknown>) => unknown;
