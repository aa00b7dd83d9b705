/**
 * Lambda functions of the mocks through the real @aws-sdk/client-lambda: Invoke (RequestResponse,
 * Event, DryRun), the error payload and headers Lambda answers with, log tails, payload limits,
 * GetFunction and ListFunctions.
 * Shapes: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html (error payload),
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html (retries).
 */
import {
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda';
import type { Callback, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { rejectionWithStatus as rejection } from '../_helpers/rejection.js';

const { mocks } = useAwsMocks();
const lambda = new LambdaClient(awsTestClientConfig({ region: 'us-east-1' }));
const json = (payload: Uint8Array | undefined): unknown =>
  JSON.parse(Buffer.from(payload ?? new Uint8Array()).toString('utf8'));

describe('Invoke RequestResponse', () => {
  it('runs an async handler with the payload and a Lambda context, answering its result', async () => {
    let seen: { event: unknown; context: Context } | undefined;
    mocks.lambda.createFunction(
      'echo',
      async (event: unknown, context: Context) => {
        seen = { event, context };
        return { got: event, remaining: context.getRemainingTimeInMillis() };
      },
      { timeout: 10, memorySize: 256 },
    );
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from(JSON.stringify({ a: 1 })) }),
    );
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(json(out.Payload)).toEqual({ got: { a: 1 }, remaining: 10_000 });
    expect(seen?.context.functionName).toBe('echo');
    expect(seen?.context.memoryLimitInMB).toBe('256');
    expect(seen?.context.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:echo');
    expect(out.$metadata.requestId).toBe(seen?.context.awsRequestId);
  });

  it('runs a callback-style handler and a handler returning undefined (payload null)', async () => {
    mocks.lambda.createFunction('cb', (event: { n: number }, _context: Context, callback: Callback) => {
      setImmediate(() => callback(null, event.n * 2));
    });
    mocks.lambda.createFunction('nothing', async () => undefined);
    expect(
      json((await lambda.send(new InvokeCommand({ FunctionName: 'cb', Payload: Buffer.from('{"n":21}') }))).Payload),
    ).toBe(42);
    expect(json((await lambda.send(new InvokeCommand({ FunctionName: 'nothing' }))).Payload)).toBeNull();
  });

  it('answers a thrown error as FunctionError Unhandled with {errorType, errorMessage, trace}', async () => {
    mocks.lambda.createFunction('boom', async () => {
      throw new TypeError('bad input');
    });
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'boom', Payload: Buffer.from('{}') }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const payload = json(out.Payload) as { errorType: string; errorMessage: string; trace: string[] };
    expect(payload.errorType).toBe('TypeError');
    expect(payload.errorMessage).toBe('bad input');
    expect(payload.trace[0]).toBe('TypeError: bad input');
    expect(mocks.lambda.invocations('boom').map((i) => i.outcome)).toEqual(['error']);
  });

  it('times out on the virtual clock: Sandbox.Timedout, and the clock reached the deadline', async () => {
    mocks.lambda.createFunction(
      'slow',
      async () => {
        mocks.clock.advance(5_000);
        return 'late';
      },
      { timeout: 3 },
    );
    const start = mocks.clock.now().getTime();
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'slow' }));
    expect(out.FunctionError).toBe('Unhandled');
    const payload = json(out.Payload) as { errorType: string; errorMessage: string };
    expect(payload.errorType).toBe('Sandbox.Timedout');
    expect(payload.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 3\.00 seconds$/);
    expect(mocks.clock.now().getTime() - start).toBe(5_000);
  });

  it('a handler that never settles times out (the real-time guard), the clock moved to its deadline', async () => {
    mocks.lambda.createFunction('hang', () => new Promise(() => undefined), { timeout: 7 });
    const start = mocks.clock.now().getTime();
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'hang' }));
    expect(out.FunctionError).toBe('Unhandled');
    expect((json(out.Payload) as { errorMessage: string }).errorMessage).toMatch(/Task timed out after 7\.00 seconds$/);
    expect(mocks.clock.now().getTime() - start).toBe(7_000);
  }, 10_000);

  it('LogType Tail returns the base64 log: START, console lines, END, REPORT', async () => {
    mocks.lambda.createFunction('talk', async () => {
      console.log('hello %s', 'world');
      console.error('oops');
      return 1;
    });
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'talk', LogType: 'Tail' }));
    const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
    const id = out.$metadata.requestId;
    expect(log).toMatch(new RegExp(`^START RequestId: ${id} Version: \\$LATEST\\n`));
    expect(log).toContain(`\t${id}\tINFO\thello world\n`);
    expect(log).toContain(`\t${id}\tERROR\toops\n`);
    expect(log).toContain(`END RequestId: ${id}\nREPORT RequestId: ${id}\tDuration: `);
    // Without Tail, no log header.
    expect((await lambda.send(new InvokeCommand({ FunctionName: 'talk' }))).LogResult).toBeUndefined();
  });

  it('concurrent invocations keep their console output apart', async () => {
    mocks.lambda.createFunction('say', async (event: { word: string }) => {
      for (let i = 0; i < 3; i++) {
        console.log(`${event.word} ${i}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    const [a, b] = await Promise.all(
      ['alpha', 'beta'].map((word) =>
        lambda.send(
          new InvokeCommand({ FunctionName: 'say', LogType: 'Tail', Payload: Buffer.from(JSON.stringify({ word })) }),
        ),
      ),
    );
    const lines = (out: typeof a) =>
      Buffer.from(out?.LogResult ?? '', 'base64')
        .toString()
        .split('\n')
        .filter((l) => l.includes('\tINFO\t'))
        .map((l) => l.split('\t')[3]);
    expect(lines(a)).toEqual(['alpha 0', 'alpha 1', 'alpha 2']);
    expect(lines(b)).toEqual(['beta 0', 'beta 1', 'beta 2']);
  });

  it('keeps only the last 4 KB of the log in the tail', async () => {
    mocks.lambda.createFunction('chatty', async () => {
      for (let i = 0; i < 200; i++) console.log(`line ${i} ${'x'.repeat(40)}`);
    });
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'chatty', LogType: 'Tail' }));
    const bytes = Buffer.from(out.LogResult ?? '', 'base64');
    expect(bytes.length).toBe(4096);
    const full = mocks.lambda.invocations('chatty')[0]?.logs ?? '';
    expect(full.length).toBeGreaterThan(4096);
    expect(bytes.toString('utf8')).toBe(full.slice(full.length - 4096));
  });

  it('passes X-Amz-Client-Context to context.clientContext', async () => {
    let clientContext: unknown;
    mocks.lambda.createFunction('ctx', async (_e: unknown, context: Context) => {
      clientContext = context.clientContext;
    });
    await lambda.send(
      new InvokeCommand({
        FunctionName: 'ctx',
        ClientContext: Buffer.from(JSON.stringify({ custom: { a: 1 } })).toString('base64'),
      }),
    );
    expect(clientContext).toEqual({ custom: { a: 1 } });
  });
});

describe('Invoke errors and limits', () => {
  it('ResourceNotFoundException (404) for an unknown function or a version the mocks do not have', async () => {
    expect(await rejection(lambda.send(new InvokeCommand({ FunctionName: 'missing' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing',
      status: 404,
    });
    mocks.lambda.createFunction('f', async () => 1);
    expect((await rejection(lambda.send(new InvokeCommand({ FunctionName: 'f', Qualifier: '3' })))).message).toBe(
      'Function not found: arn:aws:lambda:us-east-1:123456789012:function:f:3',
    );
    // By ARN and partial ARN it is found.
    expect(
      (await lambda.send(new InvokeCommand({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f' })))
        .StatusCode,
    ).toBe(200);
    expect((await lambda.send(new InvokeCommand({ FunctionName: '123456789012:function:f:$LATEST' }))).StatusCode).toBe(
      200,
    );
  });

  it('InvalidRequestContentException for a payload that is not JSON', async () => {
    mocks.lambda.createFunction('f', async () => 1);
    const error = await rejection(
      lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: Buffer.from('{not json') })),
    );
    expect(error.name).toBe('InvalidRequestContentException');
    expect(error.message).toMatch(/^Could not parse request body into json: Could not parse payload into json: /);
    expect(error.status).toBe(400);
  });

  it('mocks.lambda.invoke: a value JSON cannot hold is an EventInputError naming the payload, and runs nothing', async () => {
    mocks.lambda.createFunction('f', async () => 1);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const payload of [cyclic, { n: 1n }]) {
      for (const invocationType of ['RequestResponse', 'Event', 'DryRun'] as const) {
        await expect(mocks.lambda.invoke('f', payload, { invocationType })).rejects.toMatchObject({
          name: 'EventInputError',
          api: 'mocks.lambda.invoke',
          argument: 'payload',
          message: expect.stringMatching(
            /^mocks\.lambda\.invoke: payload must be JSON text, bytes or a value JSON\.stringify can write \(.+\)$/,
          ),
        });
      }
    }
    await mocks.drain();
    expect(mocks.lambda.invocations('f')).toEqual([]);
  });

  it("RequestTooLargeException (413) over 6 MB synchronous and 1 MB asynchronous (or the function's older 256 KB)", async () => {
    mocks.lambda.createFunction('f', async () => 1);
    mocks.lambda.createFunction('old', async () => 1, { asyncPayloadLimit: 256 * 1024 });
    const big = (n: number): Buffer => Buffer.from(JSON.stringify('x'.repeat(n - 2)));
    expect(
      (await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: big(6 * 1024 * 1024) }))).StatusCode,
    ).toBe(200);
    expect(
      await rejection(lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: big(6 * 1024 * 1024 + 1) }))),
    ).toMatchObject({ name: 'RequestTooLargeException', status: 413 });
    expect(
      (await lambda.send(new InvokeCommand({ FunctionName: 'f', InvocationType: 'Event', Payload: big(1024 * 1024) })))
        .StatusCode,
    ).toBe(202);
    expect(
      await rejection(
        lambda.send(new InvokeCommand({ FunctionName: 'f', InvocationType: 'Event', Payload: big(1024 * 1024 + 1) })),
      ),
    ).toMatchObject({ name: 'RequestTooLargeException', status: 413 });
    expect(
      (await lambda.send(new InvokeCommand({ FunctionName: 'old', InvocationType: 'Event', Payload: big(256 * 1024) })))
        .StatusCode,
    ).toBe(202);
    expect(
      await rejection(
        lambda.send(new InvokeCommand({ FunctionName: 'old', InvocationType: 'Event', Payload: big(256 * 1024 + 1) })),
      ),
    ).toMatchObject({ name: 'RequestTooLargeException', status: 413 });
  });

  it('a response over 6 MB is Function.ResponseSizeTooLarge', async () => {
    mocks.lambda.createFunction('huge', async () => 'y'.repeat(6 * 1024 * 1024));
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'huge' }));
    expect(out.FunctionError).toBe('Unhandled');
    expect(json(out.Payload)).toMatchObject({ errorType: 'Function.ResponseSizeTooLarge' });
  });
});

describe('Invoke Event and DryRun', () => {
  it('Event answers 202 and runs on drain(); a failing handler is retried twice, 1 and 2 minutes apart', async () => {
    const times: number[] = [];
    mocks.lambda.createFunction('flaky', async () => {
      times.push(mocks.clock.now().getTime());
      throw new Error('down');
    });
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: 'flaky', InvocationType: 'Event', Payload: Buffer.from('{"k":1}') }),
    );
    expect(out.StatusCode).toBe(202);
    expect(times).toEqual([]);
    await mocks.drain();
    expect(times.map((t) => t - (times[0] as number))).toEqual([0, 60_000, 180_000]);
    expect(mocks.lambda.asyncFailures).toHaveLength(1);
    expect(mocks.lambda.asyncFailures[0]).toMatchObject({
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:flaky',
      event: { k: 1 },
      attempts: 3,
    });
  });

  it('maximumRetryAttempts 0: one attempt only', async () => {
    let calls = 0;
    mocks.lambda.createFunction(
      'once',
      async () => {
        calls++;
        throw new Error('no');
      },
      { maximumRetryAttempts: 0 },
    );
    await mocks.lambda.invoke('once', { a: 1 }, { invocationType: 'Event' });
    await mocks.drain();
    expect(calls).toBe(1);
  });

  it('DryRun answers 204 without running the function, and still checks that it exists', async () => {
    let calls = 0;
    mocks.lambda.createFunction('dry', async () => void calls++);
    expect((await lambda.send(new InvokeCommand({ FunctionName: 'dry', InvocationType: 'DryRun' }))).StatusCode).toBe(
      204,
    );
    expect(calls).toBe(0);
    expect(
      (await rejection(lambda.send(new InvokeCommand({ FunctionName: 'nope', InvocationType: 'DryRun' })))).name,
    ).toBe('ResourceNotFoundException');
  });
});

describe('GetFunction and ListFunctions', () => {
  it('describes the function as Lambda does; the SDK waiter sees it Active', async () => {
    mocks.lambda.createFunction('described', async () => 1, {
      timeout: 30,
      memorySize: 512,
      description: 'd',
      environment: { STAGE: 'test' },
    });
    const out = await lambda.send(new GetFunctionCommand({ FunctionName: 'described' }));
    expect(out.Configuration).toMatchObject({
      FunctionName: 'described',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:described',
      Timeout: 30,
      MemorySize: 512,
      Description: 'd',
      Version: '$LATEST',
      State: 'Active',
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      Environment: { Variables: { STAGE: 'test' } },
      Role: 'arn:aws:iam::123456789012:role/described-role',
    });
    expect(out.Configuration?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const waited = await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 5 }, { FunctionName: 'described' });
    expect(waited.state).toBe('SUCCESS');
    expect((await rejection(lambda.send(new GetFunctionCommand({ FunctionName: 'gone' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('lists functions in name order, paged with MaxItems and Marker', async () => {
    for (const name of ['c', 'a', 'b']) mocks.lambda.createFunction(name, async () => 1);
    const first = await lambda.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions?.map((f) => f.FunctionName)).toEqual(['a', 'b']);
    const second = await lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: first.NextMarker }));
    expect(second.Functions?.map((f) => f.FunctionName)).toEqual(['c']);
    expect(second.NextMarker).toBeUndefined();
  });
});

describe('createFunction input', () => {
  it('rejects bad names, options and duplicates naming the input', () => {
    expect(() => mocks.lambda.createFunction('bad name', async () => 1)).toThrow(/name.*not a Lambda function name/);
    expect(() => mocks.lambda.createFunction('f', 'nope' as never)).toThrow(/handler.*must be a function/);
    expect(() => mocks.lambda.createFunction('f', async () => 1, { timeout: 0 })).toThrow(/options\.timeout/);
    expect(() => mocks.lambda.createFunction('f', async () => 1, { memorySize: 64 })).toThrow(/options\.memorySize/);
    mocks.lambda.createFunction('f', async () => 1);
    expect(() => mocks.lambda.createFunction('f', async () => 1)).toThrow(/already exists/);
  });

  it('test-side options and filters that are not objects are EventInputErrors naming them', async () => {
    let calls = 0;
    mocks.lambda.createFunction('f', async () => void calls++);
    for (const options of [null, 'Event', 42]) {
      await expect(mocks.lambda.invoke('f', {}, options as never)).rejects.toMatchObject({
        name: 'EventInputError',
        api: 'mocks.lambda.invoke',
        argument: 'options',
      });
      expect(() => mocks.lambda.eventSourceMappings(options as never)).toThrow(
        /^mocks\.lambda\.eventSourceMappings: filter must be \{ functionName\?, eventSourceArn\? \}, got /,
      );
    }
    expect(calls).toBe(0);
  });
});
