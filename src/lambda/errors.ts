/**
 * How Lambda's Node.js runtime reports a failed invocation: `{ errorType, errorMessage, trace }`,
 * computed from whatever the handler threw, rejected with or passed to its callback.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
 */
import { types } from 'node:util';

/** The error payload of a failed invocation, as the Lambda Invoke API returns it. */
export interface LambdaErrorPayload {
  /** `error.name` for an Error (`"TypeError"`), `typeof value` otherwise (`"string"`, `"object"`). */
  errorType: string;
  /** `error.message` for an Error, `String(value)` otherwise. */
  errorMessage: string;
  /** The lines of `error.stack` for an Error, `[]` otherwise. */
  trace: string[];
}

/**
 * A Lambda invocation that failed: the handler threw, rejected, called back with an error, called
 * `context.fail`, timed out, or returned a result Lambda cannot serialise. `errorType`,
 * `errorMessage` and `trace` are what Lambda reports; `cause` is the value the handler failed with.
 */
export class LambdaInvocationError extends Error {
  override readonly name = 'LambdaInvocationError';
  /** e.g. `"TypeError"`, `"string"`, `"Sandbox.Timedout"`. */
  readonly errorType: string;
  /** e.g. `"Cannot read properties of undefined (reading 'Records')"`. */
  readonly errorMessage: string;
  /** The stack lines of an Error; `[]` for other values and for a timeout. */
  readonly trace: string[];

  constructor(payload: LambdaErrorPayload, cause?: unknown) {
    super(`${payload.errorType}: ${payload.errorMessage}`, cause === undefined ? undefined : { cause });
    this.errorType = payload.errorType;
    this.errorMessage = payload.errorMessage;
    this.trace = payload.trace;
  }

  /** The payload as Lambda's Invoke API returns it (`FunctionError: "Unhandled"`). */
  toJSON(): LambdaErrorPayload {
    return { errorType: this.errorType, errorMessage: this.errorMessage, trace: this.trace };
  }
}

/** Lambda's log and payload encoding replaces DEL characters. */
const escapeDel = (text: string): string => text.replaceAll('\x7F', '%7F');

/** An object with string `name`, `message` and `stack`, all non-empty: the runtime treats it as an Error. */
function isErrorLike(value: unknown): value is { name: string; message: string; stack: string } {
  if (value === null || typeof value !== 'object') return false;
  const { name, message, stack } = value as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    name !== '' &&
    typeof message === 'string' &&
    message !== '' &&
    typeof stack === 'string' &&
    stack !== ''
  );
}

/**
 * The payload the Node.js runtime reports for a failure value: native Errors and error-like
 * objects by name, message and stack; any other value by `typeof` and `toString()`; a value whose
 * fields cannot be read as `"handled"`. (Mirrors `toRapidResponse` of
 * aws-lambda-nodejs-runtime-interface-client.)
 */
export function toLambdaErrorPayload(error: unknown): LambdaErrorPayload {
  try {
    if (types.isNativeError(error) || isErrorLike(error)) {
      const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
      // The runtime calls replaceAll on each and split on the stack: anything but strings fails there.
      if (typeof name !== 'string' || typeof message !== 'string' || typeof stack !== 'string')
        throw new TypeError('not readable');
      return { errorType: escapeDel(name), errorMessage: escapeDel(message), trace: escapeDel(stack).split('\n') };
    }
    return { errorType: typeof error, errorMessage: String((error as { toString(): unknown }).toString()), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      trace: [],
    };
  }
}
