/** Lambda's side of a handler test: the Context, invocation as the Node.js runtime does it, its errors. */
export { makeLambdaContext, type LambdaClock, type LambdaContextOptions } from './context.js';
export {
  CALLBACK_HANDLER_DEPRECATED_MESSAGE,
  invokeHandler,
  type HandlerResult,
  type InvokeHandlerOptions,
  type LambdaNodeRuntime,
} from './invoke.js';
export { LambdaInvocationError, type LambdaErrorPayload } from './errors.js';
