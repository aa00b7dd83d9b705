/** Invoke, GetFunction and ListFunctions on the wire. */
import { lambdaError } from '../errors.js';
import type { LambdaCall, LambdaWireSpec } from '../wire.js';
import { lambdaJson } from '../wire.js';

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

/** Invoke: `POST /2015-03-31/functions/{FunctionName}/invocations`. */
export async function invokeOperation(
  spec: LambdaWireSpec,
  call: LambdaCall,
  fn: string,
  tail: (log: string) => string,
): Promise<Response> {
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
  const result = await spec.invoke(fn, payload, {
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
  if (logType === 'Tail') headers['x-amz-log-result'] = tail(result.log ?? '');
  return new Response(result.payload ?? 'null', {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** GetFunction and ListFunctions; undefined for any other function operation. */
export function functionOperation(
  spec: LambdaWireSpec,
  call: LambdaCall,
  fn: string | undefined,
  sub: string | undefined,
): Response | undefined {
  if (call.method !== 'GET') return undefined;
  if (fn === undefined) return lambdaJson(call, 200, spec.listFunctions(call.url.searchParams, call.region));
  if (sub === undefined)
    return lambdaJson(call, 200, spec.getFunction(fn, call.region, call.url.searchParams.get('Qualifier')));
  return undefined;
}
