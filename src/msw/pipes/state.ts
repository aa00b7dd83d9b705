/**
 * The state of one in-memory Pipes service: its pipes, the services they read from and write to,
 * and what their runtimes share (the clock, the SenderId of their SQS messages, their ARNs).
 */
import type { MockContext } from '../context.js';
import { contextRandom } from '../context.js';
import type { PipeRuntime } from './runtime.js';

/** The services a pipe reads from and writes to. */
export interface PipeSinks {
  sqs?: {
    subscribe(
      queue: string,
      handler: (event: { Records: unknown[] }) => unknown,
      options: Record<string, unknown>,
    ): { unsubscribe(): void };
    deliver(
      queueArn: string,
      message: {
        body: string;
        messageAttributes: Record<string, never>;
        groupId?: string | undefined;
        deduplicationId?: string | undefined;
        senderId: string;
      },
    ): boolean;
  };
  kinesis?: {
    subscribe(
      stream: string,
      handler: (event: { Records: unknown[] }) => unknown,
      options: Record<string, unknown>,
    ): { unsubscribe(): void };
    putRecord(stream: string, data: string, partitionKey: string): unknown;
  };
  dynamodb?: {
    subscribe(
      stream: string,
      handler: (event: { Records: unknown[] }) => unknown,
      options: Record<string, unknown>,
    ): { unsubscribe(): void };
  };
  sns?: { publishFromService(topicArn: string, message: string): boolean };
  /** PutEvents on a bus of the mocks (an envelope per record). */
  eventBridge?: {
    putEntry(
      busArn: string,
      entry: { source: string; detailType: string; detail: unknown; resources: string[] },
    ): boolean;
  };
  /** Lambda's synchronous invocation by ARN: undefined when there is no such function. */
  lambda?: {
    invokeSync(
      functionArn: string,
      event: unknown,
    ): Promise<{ ok: true; value: unknown } | { ok: false; error: string } | undefined>;
    invokeAsync(functionArn: string, event: unknown): boolean;
  };
}

/** The state every Pipes operation works on. */
export interface PipesState {
  readonly pipes: Map<string, PipeRuntime>;
  readonly sinks: PipeSinks;
  readonly nowMs: () => number;
  /** The SenderId of messages a pipe sends to SQS targets. */
  readonly senderId: string;
  /** `arn:<partition>:pipes:<region>:<account>:pipe/<name>`. */
  arn(name: string): string;
}

/** A fresh Pipes service of `context`, writing to `sinks`. */
export function createPipesState(context: MockContext, sinks: PipeSinks): PipesState {
  return {
    pipes: new Map(),
    sinks,
    nowMs: () => context.clock.now().getTime(),
    senderId: `AROA${contextRandom(context, 'pipes.senderId').hex(17).toUpperCase()}:pipes`,
    arn: (name) => `arn:${context.partition}:pipes:${context.region}:${context.account}:pipe/${name}`,
  };
}

/** Stops every pipe and forgets them. */
export function resetPipesState(state: PipesState): void {
  for (const pipe of state.pipes.values()) pipe.dispose();
  state.pipes.clear();
}
