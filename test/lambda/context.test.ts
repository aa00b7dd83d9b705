import { describe, expect, it, vi } from 'vitest';
import { EventInputError, makeLambdaContext, makeSqsEvent } from '../../src/index.js';

describe('makeLambdaContext', () => {
  it('fills every Context field the Node.js runtime sets, consistent with the kit defaults', () => {
    const context = makeLambdaContext();
    expect(context.functionName).toBe('my-function');
    expect(context.functionVersion).toBe('$LATEST');
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:my-function');
    expect(context.memoryLimitInMB).toBe('128');
    expect(context.logGroupName).toBe('/aws/lambda/my-function');
    // Lambda's stream names: the UTC day, the version in brackets, 32 hex digits.
    expect(context.logStreamName).toMatch(/^2026\/01\/15\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(context.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(context.callbackWaitsForEmptyEventLoop).toBe(true);
    expect(typeof context.done).toBe('function');
    expect(typeof context.succeed).toBe('function');
    expect(typeof context.fail).toBe('function');
    // The same region and account as the events the kit makes.
    expect(makeSqsEvent(['x']).Records[0]!.awsRegion).toBe('us-east-1');
  });

  it('is deterministic per seed and varies with it', () => {
    expect(makeLambdaContext({ seed: 7 }).awsRequestId).toBe(makeLambdaContext({ seed: 7 }).awsRequestId);
    expect(makeLambdaContext({ seed: 7 }).logStreamName).toBe(makeLambdaContext({ seed: 7 }).logStreamName);
    expect(makeLambdaContext({ seed: 7 }).awsRequestId).not.toBe(makeLambdaContext({ seed: 8 }).awsRequestId);
    expect(makeLambdaContext({ seed: 7 }).logStreamName).not.toBe(makeLambdaContext({ seed: 8 }).logStreamName);
  });

  it('puts name, alias, region, account, partition, version, memory and day where Lambda does', () => {
    const context = makeLambdaContext({
      functionName: 'thumbnails',
      alias: 'live',
      version: '12',
      region: 'cn-north-1',
      account: '210987654321',
      memoryLimitInMB: 1769,
      time: '2024-10-21T23:59:59Z',
    });
    expect(context.invokedFunctionArn).toBe('arn:aws-cn:lambda:cn-north-1:210987654321:function:thumbnails:live');
    expect(context.functionVersion).toBe('12');
    expect(context.memoryLimitInMB).toBe('1769');
    expect(context.logGroupName).toBe('/aws/lambda/thumbnails');
    expect(context.logStreamName).toMatch(/^2024\/10\/21\/\[12\][0-9a-f]{32}$/);
    expect(makeLambdaContext({ region: 'us-gov-west-1' }).invokedFunctionArn).toBe(
      'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-function',
    );
  });

  it('counts the remaining time down from the timeout on a given clock, never below zero', () => {
    let now = 1_000_000;
    const context = makeLambdaContext({ timeout: 30, clock: () => now });
    expect(context.getRemainingTimeInMillis()).toBe(30_000);
    now += 12_345;
    expect(context.getRemainingTimeInMillis()).toBe(17_655);
    now += 60_000;
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });

  it('accepts a clock object whose now() returns a Date or epoch ms (such as the msw mocks clock)', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const context = makeLambdaContext({ clock: { now: () => now } });
    expect(context.getRemainingTimeInMillis()).toBe(3000);
    now = new Date(now.getTime() + 1000);
    expect(context.getRemainingTimeInMillis()).toBe(2000);
    let ms = 5;
    const fromMs = makeLambdaContext({ timeout: 1, clock: { now: () => ms } });
    ms = 505;
    expect(fromMs.getRemainingTimeInMillis()).toBe(500);
  });

  it('counts down on Date.now by default, so fake timers move it', () => {
    vi.useFakeTimers();
    try {
      const context = makeLambdaContext({ timeout: 10 });
      expect(context.getRemainingTimeInMillis()).toBe(10_000);
      vi.advanceTimersByTime(2500);
      expect(context.getRemainingTimeInMillis()).toBe(7500);
    } finally {
      vi.useRealTimers();
    }
  });

  it('legacy done/succeed/fail throw outside an invocation, saying how to run one', () => {
    const context = makeLambdaContext();
    expect(() => context.succeed('x')).toThrow(/not in one: run the handler with invokeHandler/);
    expect(() => context.done()).toThrow(/context\.done\(\)/);
  });

  it.each([
    [{ functionName: 'has space' }, 'options.functionName'],
    [{ functionName: 'x'.repeat(65) }, 'options.functionName'],
    [{ functionName: '' }, 'options.functionName'],
    [{ alias: '123' }, 'options.alias'],
    [{ alias: 'a:b' }, 'options.alias'],
    [{ version: 'latest' }, 'options.version'],
    [{ timeout: 0 }, 'options.timeout'],
    [{ timeout: 901 }, 'options.timeout'],
    [{ timeout: Number.NaN }, 'options.timeout'],
    [{ timeout: '3' }, 'options.timeout'],
    [{ memoryLimitInMB: 64 }, 'options.memoryLimitInMB'],
    [{ memoryLimitInMB: 10241 }, 'options.memoryLimitInMB'],
    [{ memoryLimitInMB: 512.5 }, 'options.memoryLimitInMB'],
    [{ region: 'mars-1' }, 'options.region'],
    [{ account: '123' }, 'options.account'],
    [{ region: 'eu-west-1', partition: 'aws-cn' }, 'options.partition'],
    [{ clock: 42 }, 'options.clock'],
    [{ time: 'yesterday' }, 'options.time'],
    [{ functionname: 'x' }, 'options.functionname'],
  ])('rejects %j with an EventInputError naming %s', (options, argument) => {
    let caught: unknown;
    try {
      makeLambdaContext(options as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventInputError);
    expect((caught as EventInputError).api).toBe('makeLambdaContext');
    expect((caught as EventInputError).argument).toBe(argument);
  });

  it('rejects a clock that returns something other than a time, when it is read', () => {
    expect(() => makeLambdaContext({ clock: () => Number.NaN })).toThrow(
      /options\.clock returned NaN, not epoch milliseconds/,
    );
    expect(() => makeLambdaContext({ clock: (() => 'soon') as never })).toThrow(EventInputError);
  });

  it('rejects non-object options', () => {
    expect(() => makeLambdaContext('fn' as never)).toThrow(/makeLambdaContext: options must be an object/);
  });
});

describe('unknown options (from JavaScript)', () => {
  it('names the key and suggests the closest option', () => {
    expect(() => makeLambdaContext({ functionname: 'x' } as never)).toThrow(
      /^makeLambdaContext: options\.functionname is not an option; did you mean "functionName"\?$/,
    );
    expect(() => makeLambdaContext({ timout: 3 } as never)).toThrow(/did you mean "timeout"\?/);
    expect(() => makeLambdaContext({ zzzzzzzzzz: 3 } as never)).toThrow(
      /^makeLambdaContext: options\.zzzzzzzzzz is not an option; the options are functionName/,
    );
  });
});
