/**
 * `createPipesService`: the in-memory EventBridge Pipes of one `createAwsMocks()` instance (its
 * pipes on the state `createPipesState` makes), its msw handler and its test-side API. A running
 * pipe polls its source through the source service's poller, so `mocks.drain()` drives it.
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { contextOwnsUrl, contextRandom, type MockContext, type MockService } from '../context.js';
import { createPipe } from './operations/pipes.js';
import type { PipeDefinition, PipeExecution, PipeFilteredRecord, PipeRuntime, PipeState } from './runtime.js';
import { createPipesState, resetPipesState, type PipeSinks, type PipesState } from './state.js';
import { createPipesHandler } from './wire.js';

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

/** The test side's live view of a pipe. */
function infoOf(pipe: PipeRuntime): PipeInfo {
  return {
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
  };
}

/** `mocks.pipes.create`: CreatePipe without the SDK; a rejected definition is an EventInputError. */
function createFromTest(state: PipesState, context: MockContext, name: string, definition: unknown): PipeInfo {
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
  return infoOf(state.pipes.get(name) as PipeRuntime);
}

/** Creates the Pipes service of one `createAwsMocks()` instance. */
export function createPipesService(context: MockContext, sinks: PipeSinks): PipesService {
  let requestIds = contextRandom(context, 'pipes.requestId');
  const state = createPipesState(context, sinks);
  return {
    handlers: [
      createPipesHandler(
        state,
        (url) => contextOwnsUrl(context, url),
        () => requestIds.uuidV4(),
      ),
    ],
    create: (name, definition) => createFromTest(state, context, name, definition),
    get(name) {
      const pipe = state.pipes.get(name);
      if (pipe === undefined) fail('mocks.pipes.get', 'name', `${show(name)} is not a pipe of these mocks`);
      return infoOf(pipe);
    },
    // The pipes run inside their sources' pollers: nothing of their own is due.
    runDue: () => Promise.resolve(false),
    nextDueTime: () => undefined,
    reset() {
      resetPipesState(state);
      requestIds = contextRandom(context, 'pipes.requestId');
    },
  };
}
