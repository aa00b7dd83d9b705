/**
 * Lambda's REST-JSON wire under hostile and unusual requests (raw fetch, not the SDK): every
 * answer is a Lambda-shaped error (`x-amzn-errortype`, `{Type, Message}`), never a crash (500)
 * or the network.
 */
import { describe, expect, it } from 'vitest';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const base = 'https://lambda.us-east-1.amazonaws.com/2015-03-31';

async function call(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string | null; body: Record<string, unknown> | null; headers: Headers }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('x-amzn-errortype'),
    body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

describe('Lambda wire: bad requests get Lambda errors', () => {
  it('event source mapping bodies of the wrong shape', async () => {
    mocks.sqs.createQueue('q');
    mocks.lambda.createFunction('f', async () => undefined);
    const arn = 'arn:aws:sqs:us-east-1:123456789012:q';
    const cases: Array<[string, string]> = [
      ['{not json', 'SerializationException'],
      ['[]', 'SerializationException'],
      [JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, BatchSize: '10' }), 'SerializationException'],
      [JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, BatchSize: 1.5 }), 'SerializationException'],
      [
        JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, FilterCriteria: { Filters: 'x' } }),
        'InvalidParameterValueException',
      ],
      [
        JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, FilterCriteria: { Filters: [{ Pattern: 42 }] } }),
        'InvalidParameterValueException',
      ],
      [JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, FilterCriteria: [] }), 'SerializationException'],
      [
        JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, FunctionResponseTypes: 'ReportBatchItemFailures' }),
        'SerializationException',
      ],
      [JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, Enabled: 'yes' }), 'SerializationException'],
      [JSON.stringify({ FunctionName: 'f', EventSourceArn: 'not an arn' }), 'InvalidParameterValueException'],
      [JSON.stringify({ FunctionName: 'f', EventSourceArn: arn, Topics: ['t'] }), 'InvalidParameterValueException'],
      [JSON.stringify({ FunctionName: 'arn:aws:s3:::bucket', EventSourceArn: arn }), 'ValidationException'],
      [JSON.stringify({ EventSourceArn: arn }), 'ValidationException'],
      [JSON.stringify({ FunctionName: 'f' }), 'InvalidParameterValueException'],
    ];
    for (const [body, type] of cases) {
      const answer = await call('POST', '/event-source-mappings', body);
      expect({ body, type: answer.type, status: answer.status < 500 }).toEqual({ body, type, status: true });
      expect(typeof answer.body?.['Message']).toBe('string');
    }
  });

  it('unknown operations and methods are UnknownOperationException naming them', async () => {
    mocks.lambda.createFunction('f', async () => undefined);
    for (const [method, path] of [
      ['GET', '/functions/f/policy'],
      ['DELETE', '/functions/f'],
      ['PATCH', '/event-source-mappings/abc'],
      ['POST', '/functions'],
    ] as const) {
      const answer = await call(method, path, method === 'GET' || method === 'DELETE' ? undefined : '{}');
      expect(answer.type).toBe('UnknownOperationException');
      expect(answer.body?.['Message']).toContain(path);
    }
  });

  it('an encoded "/" stays inside its path segment, and no object key is a route', async () => {
    let calls = 0;
    mocks.lambda.createFunction('f', async () => void calls++);
    for (const [method, path] of [
      // Decoded, these read as the Invoke, GetFunction and GetEventSourceMapping routes.
      ['POST', '/functions%2Ff%2Finvocations'],
      ['POST', '/functions%2F%7Bid%7D%2Finvocations'],
      ['GET', '/functions%2Ff'],
      ['GET', '/event-source-mappings%2Fabc'],
      ['POST', '/functions/f%2Finvocations'],
      ['GET', '/constructor'],
      ['GET', '/__proto__/x'],
      ['GET', '/functions/f/hasOwnProperty'],
    ] as const) {
      const answer = await call(method, path, method === 'POST' ? '{}' : undefined);
      expect({ path, type: answer.type }).toEqual({ path, type: 'UnknownOperationException' });
    }
    expect(calls).toBe(0);
  });

  it('a segment that is not valid percent-encoding names nothing; extra segments are no route', async () => {
    let calls = 0;
    mocks.lambda.createFunction('f', async () => void calls++);
    for (const [method, path, type] of [
      ['GET', '/functions/%E0%A4%A', 'ResourceNotFoundException'],
      ['POST', '/functions/%E0%A4%A/invocations', 'ResourceNotFoundException'],
      ['GET', '/event-source-mappings/%E0%A4%A', 'ResourceNotFoundException'],
      ['GET', '/%E0%A4%A', 'UnknownOperationException'],
      ['POST', '/functions/f/invocations/extra', 'UnknownOperationException'],
      ['GET', '/event-source-mappings/abc/x/y', 'UnknownOperationException'],
    ] as const) {
      const answer = await call(method, path, method === 'POST' ? '{}' : undefined);
      expect({ path, type: answer.type, status: answer.status < 500 }).toEqual({ path, type, status: true });
      expect(typeof answer.body?.['Message']).toBe('string');
    }
    expect(calls).toBe(0);
  });

  it('MaxItems is decimal digits: 0x10, 1e3, " 5" and 5.0 are ValidationExceptions', async () => {
    mocks.lambda.createFunction('f', async () => 1);
    for (const path of ['/functions', '/event-source-mappings']) {
      for (const value of ['0x10', '1e3', ' 5', '5.0', '']) {
        const answer = await call('GET', `${path}?MaxItems=${encodeURIComponent(value)}`);
        expect({ path, value, type: answer.type }).toEqual({ path, value, type: 'ValidationException' });
      }
      expect((await call('GET', `${path}?MaxItems=10`)).status).toBe(200);
    }
  });

  it('Invoke header validation; a missing UUID is ResourceNotFoundException', async () => {
    mocks.lambda.createFunction('f', async () => 1);
    expect((await call('POST', '/functions/f/invocations', '{}', { 'x-amz-invocation-type': 'Sometimes' })).type).toBe(
      'ValidationException',
    );
    expect((await call('POST', '/functions/f/invocations', '{}', { 'x-amz-log-type': 'All' })).type).toBe(
      'ValidationException',
    );
    expect((await call('POST', '/functions/f/invocations', '{}', { 'x-amz-client-context': '%%%' })).type).toBe(
      'InvalidRequestContentException',
    );
    const ok = await call(
      'POST',
      `/functions/${encodeURIComponent('arn:aws:lambda:us-east-1:123456789012:function:f')}/invocations`,
      '',
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-amz-executed-version')).toBe('$LATEST');
    expect((await call('GET', '/event-source-mappings/00000000-0000-4000-8000-000000000000')).type).toBe(
      'ResourceNotFoundException',
    );
    expect((await call('GET', '/event-source-mappings?MaxItems=0')).type).toBe('ValidationException');
  });

  it('a function deleted under its mapping fails the batch (the messages stay for a retry)', async () => {
    const queue = mocks.sqs.createQueue('q', { VisibilityTimeout: '30' });
    let calls = 0;
    mocks.lambda.createFunction('f', async () => void calls++);
    const created = await call(
      'POST',
      '/event-source-mappings',
      JSON.stringify({ FunctionName: 'f', EventSourceArn: queue.arn }),
    );
    expect(created.status).toBe(202);
    mocks.lambda.deleteFunction('f');
    mocks.sqs.send(queue.arn, 'm');
    await mocks.drain({ until: new Date(mocks.clock.now().getTime() + 10_000) });
    expect(calls).toBe(0);
    expect(mocks.sqs.messages(queue.arn).map((m) => m.state)).toEqual(['inFlight']);
  });
});
