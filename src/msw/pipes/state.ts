/** The pipes of one mock instance and what their runtimes share. */
import type { PipeRuntime, PipeSinks } from './service.js';

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
