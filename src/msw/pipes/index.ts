/**
 * The in-memory EventBridge Pipes service (`@aws-sdk/client-pipes`): CreatePipe, DescribePipe,
 * UpdatePipe, DeletePipe, StartPipe, StopPipe, ListPipes, and `mocks.pipes.create(…)`. A running
 * pipe polls its source through the source service's poller, so `mocks.drain()` drives it.
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import type { Random } from '../../_internals/random.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { createPipe, describePipe } from './operations/pipes.js';
import {
  PipeRuntime,
  type PipeDefinition,
  type PipeExecution,
  type PipeFilteredRecord,
  type PipeSinks,
  type PipeState,
} from './service.js';
import type { PipesState } from './state.js';
import { createPipesHandler } from './wire.js';

export type { PipeDefinition, PipeExecution, PipeFilteredRecord, PipeSinks, PipeState } from './service.js';

/** A pipe as the test side sees it. */
export interface PipeInfo {
  readonly name: string;
  readonly arn: string;
  /** The state DescribePipe reports now. */
  readonly currentState: PipeState;
  /** Why the pipe is not running as desired (e.g. START_FAILED: its source does not exist). */
  readonly stateReason: string | undefined;
  /** Every batch the pipe handled, in order (copies). */
  readonly executions: readonly PipeExecution[];
  /** The records its filters dropped, with why. */
  readonly filtered: readonly PipeFilteredRecord[];
}

/** The Pipes member of `createAwsMocks()`. */
export interface PipesService extends MockService {
  /** Creates a pipe without the SDK: CreatePipe's members and rules (`RoleArn` optional here). */
  create(name: string, definition: Omit<PipeDefinition, 'RoleArn'> & { RoleArn?: string }): PipeInfo;
  /** A pipe by name (throws for an unknown pipe). */
  get(name: string): PipeInfo;
}

/** Creates the Pipes service of one `createAwsMocks()` instance. */
export function createPipesService(context: MockContext, sinks: PipeSinks): PipesService {
  let requestIds: Random = contextRandom(context, 'pipes.requestId');
  const state: PipesState = {
    pipes: new Map(),
    sinks,
    nowMs: () => context.clock.now().getTime(),
    senderId: `AROA${contextRandom(context, 'pipes.senderId').hex(17).toUpperCase()}:pipes`,
    arn: (name) => `arn:${context.partition}:pipes:${context.region}:${context.account}:pipe/${name}`,
  };
  const info = (pipe: PipeRuntime): PipeInfo => ({
    name: pipe.name,
    arn: pipe.arn,
    get currentState() {
      return pipe.currentState;
    },
    get stateReason() {
      return pipe.stateReason;
    },
    get executions() {
      return structuredClone(pipe.executions);
    },
    get filtered() {
      return structuredClone(pipe.filtered);
    },
  });
  return {
    handlers: [
      createPipesHandler(
        state,
        (url) => contextOwnsUrl(context, url),
        () => requestIds.uuidV4(),
      ),
    ],
    create(name, definition) {
      const api = 'mocks.pipes.create';
      if (typeof name !== 'string') fail(api, 'name', `must be a pipe name, got ${show(name)}`);
      if (definition === null || typeof definition !== 'object')
        fail(api, 'definition', `must be CreatePipe's members ({ Source, Target, … }), got ${show(definition)}`);
      try {
        createPipe(state, name, {
          RoleArn: `arn:${context.partition}:iam::${context.account}:role/pipe-${name}`,
          ...definition,
        });
      } catch (error) {
        if (error instanceof AwsServiceError)
          throw new EventInputError(api, 'definition', `was rejected by Pipes: ${error.code}: ${error.message}`);
        throw error;
      }
      return info(state.pipes.get(name) as PipeRuntime);
    },
    get(name) {
      const pipe = state.pipes.get(name);
      if (pipe === undefined) fail('mocks.pipes.get', 'name', `${show(name)} is not a pipe of these mocks`);
      describePipe(state, name);
      return info(pipe);
    },
    // The pipes run inside their sources' pollers: nothing of their own is due.
    runDue: () => Promise.resolve(false),
    nextDueTime: () => undefined,
    reset() {
      for (const pipe of state.pipes.values()) pipe.dispose();
      state.pipes.clear();
      requestIds = contextRandom(context, 'pipes.requestId');
    },
  };
}
