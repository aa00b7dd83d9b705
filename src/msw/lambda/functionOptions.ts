/**
 * The configuration of a function of the mocks: `createFunction`'s options, validated with
 * Lambda's ranges (memory, timeout, async retries and payload limit, an IAM role ARN), with
 * Lambda's defaults.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
 */
import { arn } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { resolveHistoryLimit } from '../_internals/history.js';
import { resolveTimeout } from '../_internals/invoke.js';

/** Lambda's smallest function memory, MB. */
const LAMBDA_MIN_MEMORY = 128;
/** Lambda's largest function memory, MB. */
const LAMBDA_MAX_MEMORY = 10_240;

/** Options of `mocks.lambda.createFunction`. */
export interface LambdaFunctionOptions {
  /** Timeout in whole seconds (1–900), on the virtual clock. @defaultValue `3` */
  timeout?: number;
  /** Memory in MB (128–10,240), reported by `GetFunction` and the Context. @defaultValue `128` */
  memorySize?: number;
  /** `Runtime` reported by `GetFunction`. @defaultValue `"nodejs20.x"` */
  runtime?: string;
  /** `Handler` reported by `GetFunction`. @defaultValue `"index.handler"` */
  handlerName?: string;
  /** `Description`. @defaultValue `""` */
  description?: string;
  /** The execution role ARN (also the Kinesis records' `invokeIdentityArn`). @defaultValue `arn:aws:iam::<account>:role/<name>-role` */
  role?: string;
  /** Environment variables reported by `GetFunction` (not set in `process.env`: tests share one process). */
  environment?: Readonly<Record<string, string>>;
  /**
   * Retries of a failed asynchronous invocation (`MaximumRetryAttempts` of the function's event
   * invoke config, 0–2), one and then two minutes after the failed attempt.
   * @defaultValue `2`
   */
  maximumRetryAttempts?: number;
  /**
   * The largest asynchronous (`Event`) request payload, in bytes (1–1,048,576). Lambda's Invoke
   * takes 1 MB today; it took 256 KB (262,144) before, which a test can still ask for.
   * @defaultValue `1048576`
   */
  asyncPayloadLimit?: number;
  /** Also print the handler's console output (it is always captured in the invocation's log). @defaultValue `false` */
  printLogs?: boolean;
  /** How many of the latest invocations `invocations` keeps. @defaultValue `1000` */
  invocationHistory?: number;
}

/** Validated options. */
export interface ResolvedFunctionOptions {
  timeout: number;
  memorySize: number;
  runtime: string;
  handlerName: string;
  description: string;
  role: string;
  environment: Readonly<Record<string, string>>;
  maximumRetryAttempts: number;
  asyncPayloadLimit: number;
  printLogs: boolean;
  invocationHistory: number;
}

/** Validates `createFunction` options. */
export function resolveFunctionOptions(
  api: string,
  name: string,
  account: string,
  partition: string,
  options: unknown,
): ResolvedFunctionOptions {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options)))
    fail(api, 'options', `must be an object, got ${show(options)}`);
  const o = (options ?? {}) as LambdaFunctionOptions;
  const memorySize = o.memorySize ?? LAMBDA_MIN_MEMORY;
  if (!Number.isInteger(memorySize) || memorySize < LAMBDA_MIN_MEMORY || memorySize > LAMBDA_MAX_MEMORY)
    fail(
      api,
      'options.memorySize',
      `${show(memorySize)} is out of range: Lambda allows ${LAMBDA_MIN_MEMORY}–${LAMBDA_MAX_MEMORY} MB in whole MB`,
    );
  const retries = o.maximumRetryAttempts ?? 2;
  if (!Number.isInteger(retries) || retries < 0 || retries > 2)
    fail(
      api,
      'options.maximumRetryAttempts',
      `${show(retries)} is out of range: Lambda retries an asynchronous invocation 0–2 times`,
    );
  for (const key of ['runtime', 'handlerName', 'description', 'role'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string')
      fail(api, `options.${key}`, `must be a string, got ${show(o[key])}`);
  }
  const role = o.role ?? arn(partition, 'iam', '', account, `role/${name}-role`);
  if (!/^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/.test(role))
    fail(api, 'options.role', `${show(role)} is not an IAM role ARN (arn:aws:iam::123456789012:role/name)`);
  const environment = o.environment ?? {};
  if (
    environment === null ||
    typeof environment !== 'object' ||
    Object.values(environment).some((v) => typeof v !== 'string')
  )
    fail(api, 'options.environment', `must be an object of strings, got ${show(environment)}`);
  const asyncPayloadLimit = o.asyncPayloadLimit ?? 1024 * 1024;
  if (!Number.isInteger(asyncPayloadLimit) || asyncPayloadLimit < 1 || asyncPayloadLimit > 1024 * 1024)
    fail(
      api,
      'options.asyncPayloadLimit',
      `${show(asyncPayloadLimit)} is out of range: 1–1,048,576 bytes (Lambda's asynchronous payload limit is 1 MB)`,
    );
  if (o.printLogs !== undefined && typeof o.printLogs !== 'boolean')
    fail(api, 'options.printLogs', `must be a boolean, got ${show(o.printLogs)}`);
  return {
    timeout: resolveTimeout(api, o.timeout),
    memorySize,
    runtime: o.runtime ?? 'nodejs20.x',
    handlerName: o.handlerName ?? 'index.handler',
    description: o.description ?? '',
    role,
    environment: { ...environment },
    maximumRetryAttempts: retries,
    asyncPayloadLimit,
    printLogs: o.printLogs ?? false,
    invocationHistory: resolveHistoryLimit(api, o.invocationHistory),
  };
}
