/**
 * The in-memory EventBridge Pipes service (`@aws-sdk/client-pipes`): CreatePipe, DescribePipe,
 * UpdatePipe, DeletePipe, StartPipe, StopPipe, ListPipes, and `mocks.pipes.create(…)`. A running
 * pipe polls its source through the source service's poller, so `mocks.drain()` drives it.
 */
export { createPipesService } from './service.js';
export type { PipeInfo, PipesService } from './service.js';
export type { PipeDefinition, PipeExecution, PipeFilteredRecord, PipeState } from './runtime.js';
