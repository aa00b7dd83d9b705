/**
 * The functions of one Lambda: registering and removing them (test side), and finding the one a
 * `FunctionName` names (a name, an ARN or a partial ARN, with an optional qualifier) with the
 * error each caller owes: Invoke's 404, a mapping's `Function does not exist`, the test side's
 * EventInputError.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#lambda-Invoke-request-FunctionName
 */
import { parseArn } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { asyncTargetOf } from './asyncInvocations.js';
import { functionNotFound, invalidParameter, lambdaError } from './errors.js';
import { resolveFunctionOptions, type LambdaFunctionOptions } from './functionOptions.js';
import { MockFunction, type LambdaFunctionInfo, type LambdaHandler } from './functions.js';
import { functionArn, functionKey, nowMs, type LambdaState } from './state.js';

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** What a FunctionName names. */
interface FunctionRef {
  readonly region: string;
  readonly name: string;
  readonly qualifier: string | undefined;
  readonly account: string;
}

/** Parses a FunctionName (name, ARN, partial ARN; optional qualifier); a name alone is in `region`. */
export function parseFunctionRef(state: LambdaState, ref: string, region: string): FunctionRef {
  if (ref.startsWith('arn:')) {
    const parsed = parseArn(ref);
    const m = parsed === undefined ? null : /^function:([^:]+)(?::([^:]+))?$/.exec(parsed.resource);
    if (parsed === undefined || parsed.service !== 'lambda' || m === null)
      throw lambdaError(
        'ValidationException',
        `1 validation error detected: Value '${ref}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
      );
    return { region: parsed.region, name: m[1] as string, qualifier: m[2], account: parsed.account };
  }
  const partial = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/.exec(ref);
  if (partial !== null)
    return { region, name: partial[2] as string, qualifier: partial[3], account: partial[1] as string };
  const [name, qualifier] = ref.split(':') as [string, string | undefined];
  return { region, name, qualifier, account: state.context.account };
}

/** The function `ref` names (with an optional separate qualifier), or ResourceNotFoundException. */
export function resolveFunction(
  state: LambdaState,
  ref: unknown,
  region: string = state.context.region,
  qualifier?: string,
): MockFunction {
  if (typeof ref !== 'string' || ref === '')
    throw lambdaError(
      'ValidationException',
      "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
    );
  const parsed = parseFunctionRef(state, ref, region);
  const q = qualifier ?? parsed.qualifier;
  const arn = functionArn(state, parsed.region, parsed.name);
  const fn =
    parsed.account === state.context.account ? state.functions.get(functionKey(parsed.region, parsed.name)) : undefined;
  // Only $LATEST exists: the mocks publish no versions or aliases.
  if (fn === undefined || (q !== undefined && q !== '$LATEST'))
    throw functionNotFound(q === undefined ? arn : `${arn}:${q}`);
  return fn;
}

/** The function a mapping names: a missing one is InvalidParameterValueException `Function does not exist` (not Invoke's 404). */
export function functionOfMapping(state: LambdaState, ref: unknown, region: string): MockFunction {
  try {
    return resolveFunction(state, ref, region);
  } catch (error) {
    if (error instanceof AwsServiceError && error.code === 'ResourceNotFoundException')
      throw invalidParameter('Function does not exist');
    throw error;
  }
}

/** The function a test-side call names, or an EventInputError of `api` naming the `fn` argument. */
export function testFunction(state: LambdaState, api: string, ref: unknown): MockFunction {
  if (typeof ref !== 'string') fail(api, 'fn', `must be a function name or ARN, got ${show(ref)}`);
  try {
    return resolveFunction(state, ref);
  } catch {
    fail(api, 'fn', `${show(ref)} is not a function of these mocks (create it with mocks.lambda.createFunction first)`);
  }
}

/** `mocks.lambda.createFunction`: registers `handler` as a new function. */
export function createFunction(
  state: LambdaState,
  name: string,
  handler: LambdaHandler,
  options: (LambdaFunctionOptions & { region?: string }) | undefined,
): LambdaFunctionInfo {
  const api = 'mocks.lambda.createFunction';
  const { context } = state;
  if (typeof name !== 'string' || !FUNCTION_NAME.test(name))
    fail(api, 'name', `${show(name)} is not a Lambda function name (1–64 of letters, digits, '-' and '_')`);
  if (typeof handler !== 'function')
    fail(api, 'handler', `must be a function (event, context, callback?), got ${show(handler)}`);
  const region = (options as { region?: unknown } | undefined)?.region ?? context.region;
  if (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    fail(api, 'options.region', `${show(region)} is not a region`);
  const { region: _r, ...rest } = (options ?? {}) as LambdaFunctionOptions & { region?: string };
  void _r;
  const resolved = resolveFunctionOptions(api, name, context.account, context.partition, rest);
  if (state.functions.has(functionKey(region, name)))
    fail(
      api,
      'name',
      `a function named ${show(name)} already exists in ${region} (Lambda answers ResourceConflictException: Function already exist: ${name})`,
    );
  const clock = (): number => nowMs(state);
  const fn = new MockFunction(name, region, functionArn(state, region, name), handler, resolved, clock(), clock);
  state.functions.set(functionKey(region, name), fn);
  return fn.info;
}

/** `mocks.lambda.deleteFunction`: its mappings stay (and fail to invoke), its queued async invocations go. */
export function deleteFunction(state: LambdaState, ref: string): void {
  const fn = testFunction(state, 'mocks.lambda.deleteFunction', ref);
  state.functions.delete(functionKey(fn.region, fn.name));
  fn.deleted = true;
  state.async.drop(asyncTargetOf(state, fn));
}

/** `mocks.lambda.getFunction`: the function `ref` names, or undefined. */
export function findFunction(state: LambdaState, ref: unknown): LambdaFunctionInfo | undefined {
  if (typeof ref !== 'string') return undefined;
  try {
    return resolveFunction(state, ref).info;
  } catch {
    return undefined;
  }
}
