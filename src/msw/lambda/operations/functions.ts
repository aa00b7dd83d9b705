/** Invoke, GetFunction and ListFunctions on the wire (`/2015-03-31/functions[/{FunctionName}[/invocations]]`). */
import { invalidParameter, lambdaError } from '../errors.js';
import type { MockFunction } from '../functions.js';
import { invoke } from '../invoke.js';
import { logTail } from '../logs.js';
import { resolveFunction } from '../registry.js';
import type { LambdaState } from '../state.js';
import { lambdaJson, maxItemsOf, type LambdaCall } from './context.js';

const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'];

/** Decodes `X-Amz-Client-Context` (base64 JSON), or Lambda's error. */
function clientContextOf(header: string | null): unknown {
  if (header === null || header === '') return undefined;
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    throw lambdaError('InvalidRequestContentException', 'Client context must be a valid Base64-encoded JSON object.');
  }
}

/** A function's configuration, as GetFunction and ListFunctions write it. */
function describeFunction(fn: MockFunction): Record<string, unknown> {
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: fn.options.runtime,
    Role: fn.options.role,
    Handler: fn.options.handlerName,
    CodeSize: 0,
    Description: fn.options.description,
    Timeout: fn.options.timeout,
    MemorySize: fn.options.memorySize,
    // Lambda writes LastModified as `2026-01-15T12:30:45.123+0000`.
    LastModified: new Date(fn.createdMs).toISOString().replace('Z', '+0000'),
    CodeSha256: '',
    Version: '$LATEST',
    ...(Object.keys(fn.options.environment).length === 0
      ? {}
      : { Environment: { Variables: { ...fn.options.environment } } }),
    TracingConfig: { Mode: 'PassThrough' },
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

/** Invoke: `POST /2015-03-31/functions/{FunctionName}/invocations`. */
export async function Invoke(state: LambdaState, call: LambdaCall, fn: string): Promise<Response> {
  const type = call.request.headers.get('x-amz-invocation-type') ?? 'RequestResponse';
  if (!INVOCATION_TYPES.includes(type)) {
    throw lambdaError(
      'ValidationException',
      `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
    );
  }
  const logType = call.request.headers.get('x-amz-log-type') ?? 'None';
  if (logType !== 'None' && logType !== 'Tail') {
    throw lambdaError(
      'ValidationException',
      `1 validation error detected: Value '${logType}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]`,
    );
  }
  const clientContext = clientContextOf(call.request.headers.get('x-amz-client-context'));
  const payload = Buffer.from(await call.request.arrayBuffer()).toString('utf8');
  const qualifier = call.url.searchParams.get('Qualifier') ?? undefined;
  const result = await invoke(state, fn, payload, {
    invocationType: type as 'Event',
    region: call.region,
    ...(qualifier === undefined ? {} : { qualifier }),
    ...(clientContext === undefined ? {} : { clientContext }),
  });
  const headers: Record<string, string> = {
    'x-amzn-requestid': result.requestId,
    'x-amz-executed-version': result.executedVersion,
  };
  if (result.statusCode !== 200)
    return new Response(null, {
      status: result.statusCode,
      headers: { ...headers, 'content-type': 'application/json' },
    });
  if (result.functionError !== undefined) headers['x-amz-function-error'] = result.functionError;
  // The log tail is for synchronous invocations only.
  if (logType === 'Tail') headers['x-amz-log-result'] = logTail(result.log ?? '');
  return new Response(result.payload ?? 'null', {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** GetFunction: `GET /2015-03-31/functions/{FunctionName}` (`Qualifier` in the query). */
export function GetFunction(state: LambdaState, call: LambdaCall, ref: string): Response {
  const fn = resolveFunction(state, ref, call.region, call.url.searchParams.get('Qualifier') ?? undefined);
  return lambdaJson(call, 200, {
    Configuration: describeFunction(fn),
    Code: {
      RepositoryType: 'S3',
      Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${state.context.account}/${fn.name}`,
    },
  });
}

/** ListFunctions: `GET /2015-03-31/functions`, the request region's functions by name, paged by `Marker`. */
export function ListFunctions(state: LambdaState, call: LambdaCall): Response {
  const query = call.url.searchParams;
  const maxItems = maxItemsOf(query, 50);
  const all = [...state.functions.values()]
    .filter((fn) => fn.region === call.region)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const marker = query.get('Marker');
  const start = marker === null ? 0 : all.findIndex((fn) => fn.name === marker);
  if (start === -1) throw invalidParameter('Invalid marker.');
  const next = all[start + maxItems];
  return lambdaJson(call, 200, {
    Functions: all.slice(start, start + maxItems).map(describeFunction),
    ...(next === undefined ? {} : { NextMarker: next.name }),
  });
}
