/** Lambda's side of a handler test: the Context, invocation as the Node.js runtime does it, its errors. */
export { makeLambdaContext, type LambdaClock, type LambdaContextOptions } from './context.js';
export { invokeHandler, type HandlerResult, type InvokeHandlerOptions } from './invoke.js';
export { LambdaInvocationError, type LambdaErrorPayload } from './errors.js';
