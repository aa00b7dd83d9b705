import type { Callback, Context, Handler, SQSHandler } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import {
  EventInputError,
  invokeHandler,
  LambdaInvocationError,
  makeLambdaContext,
  makeSqsEvent,
} from '../../src/index.js';

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<LambdaInvocationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LambdaInvocationError);
    return error as LambdaInvocationError;
  }
  throw new Error('expected a rejection');
}

describe('invokeHandler: results', () => {
  it('resolves with an async handler result and passes a full Context', async () => {
    let seen: Context | undefined;
    const handler: SQSHandler = async (event, context) => {
      seen = context;
      return { batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }] };
    };
    const event = makeSqsEvent(['a', 'b']);
    const result = await invokeHandler(handler, event);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }] });
    expect(seen!.functionName).toBe('my-function');
    expect(seen!.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(seen!.getRemainingTimeInMillis()).toBeLessThanOrEqual(3000);
  });

  it('resolves with a callback handler result (three arguments)', async () => {
    const handler: Handler<{ n: number }, number> = (event, _context, callback) => {
      setTimeout(() => callback(null, event.n * 2), 5);
    };
    await expect(invokeHandler(handler, { n: 21 })).resolves.toBe(42);
  });

  it('treats callback(undefined) and callback(null) as success', async () => {
    await expect(
      invokeHandler((_e: unknown, _c: Context, cb: Callback<string>) => cb(undefined, 'ok'), {}),
    ).resolves.toBe('ok');
    await expect(invokeHandler((_e: unknown, _c: Context, cb: Callback<string>) => cb(null, 'ok'), {})).resolves.toBe(
      'ok',
    );
  });

  it('settles with whichever comes first of the promise and the callback, as the runtime does', async () => {
    const callbackFirst: Handler<unknown, string> = async (_event, _context, callback) => {
      callback(null, 'from callback');
      await new Promise((r) => setTimeout(r, 5));
      return 'from promise';
    };
    // The callback's result waits for the event loop; the promise came later, so the callback still wins.
    await expect(invokeHandler(callbackFirst, {})).resolves.toBe('from callback');
    const promiseFirst: Handler<unknown, string> = (_event, _context, callback) => {
      setTimeout(() => callback(null, 'from callback'), 5);
      return Promise.resolve('from promise');
    };
    await expect(invokeHandler(promiseFirst, {})).resolves.toBe('from promise');
    const errorThenResult: Handler<unknown, string> = async (_event, _context, callback) => {
      callback(new RangeError('first'));
      return 'later';
    };
    expect((await rejection(invokeHandler(errorThenResult, {}))).errorType).toBe('RangeError');
  });

  it('settles through legacy context.succeed / fail / done', async () => {
    await expect(invokeHandler((_e: unknown, context: Context) => context.succeed({ ok: 1 }), {})).resolves.toEqual({
      ok: 1,
    });
    await expect(invokeHandler((_e: unknown, context: Context) => context.done(undefined, 'd'), {})).resolves.toBe('d');
    const failed = await rejection(
      invokeHandler((_e: unknown, context: Context) => context.fail(new SyntaxError('bad')), {}),
    );
    expect([failed.errorType, failed.errorMessage]).toEqual(['SyntaxError', 'bad']);
    // The runtime turns fail() with nothing into the string "handled".
    const handled = await rejection(
      invokeHandler((_e: unknown, context: Context) => (context.fail as (e?: unknown) => void)(), {}),
    );
    expect([handled.errorType, handled.errorMessage]).toEqual(['string', 'handled']);
  });

  it('routes legacy methods of a given kit context, and of a hand-made Context', async () => {
    const kit = makeLambdaContext({ functionName: 'given' });
    let seen: Context | undefined;
    await expect(
      invokeHandler(
        (_e: unknown, context: Context) => {
          seen = context;
          context.succeed('s');
        },
        {},
        { context: kit },
      ),
    ).resolves.toBe('s');
    expect(seen).toBe(kit);
    const handMade = {
      ...makeLambdaContext(),
      functionName: 'hand-made',
      getRemainingTimeInMillis: () => 1000,
    } as Context;
    await expect(
      invokeHandler(
        (_e: unknown, context: Context) => {
          context.succeed(context.functionName);
        },
        {},
        { context: handMade },
      ),
    ).resolves.toBe('hand-made');
  });

  it('resolves a sync handler without callback with undefined (Lambda sends null)', async () => {
    await expect(invokeHandler((() => undefined) as Handler<unknown, unknown>, {})).resolves.toBeUndefined();
  });

  it('settles a callback result at once when callbackWaitsForEmptyEventLoop is false', async () => {
    const order: string[] = [];
    const handler: Handler<unknown, string> = (_event, context, callback) => {
      context.callbackWaitsForEmptyEventLoop = false;
      callback(null, 'now');
    };
    const pending = invokeHandler(handler, {}).then((value) => order.push(value));
    setImmediate(() => order.push('immediate'));
    await pending;
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['now', 'immediate']);
  });
});

describe('invokeHandler: errors as Lambda reports them', () => {
  it('reports a thrown Error by name, message and stack lines', async () => {
    const error = await rejection(
      invokeHandler(async () => {
        throw new TypeError('x');
      }, {}),
    );
    expect(error.errorType).toBe('TypeError');
    expect(error.errorMessage).toBe('x');
    expect(error.trace[0]).toBe('TypeError: x');
    expect(error.trace.length).toBeGreaterThan(1);
    expect(error.message).toBe('TypeError: x');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.toJSON()).toEqual({ errorType: 'TypeError', errorMessage: 'x', trace: error.trace });
  });

  it('reports a subclass by its name property (Error unless the class sets it)', async () => {
    class Unnamed extends Error {}
    class Named extends Error {
      override name = 'OrderRejected';
    }
    expect(
      (
        await rejection(
          invokeHandler(async () => {
            throw new Unnamed('u');
          }, {}),
        )
      ).errorType,
    ).toBe('Error');
    expect(
      (
        await rejection(
          invokeHandler(async () => {
            throw new Named('n');
          }, {}),
        )
      ).errorType,
    ).toBe('OrderRejected');
  });

  it('reports a synchronous throw as the runtime does (through the callback)', async () => {
    const error = await rejection(
      invokeHandler(() => {
        throw new RangeError('sync');
      }, {}),
    );
    expect([error.errorType, error.errorMessage]).toEqual(['RangeError', 'sync']);
  });

  it.each([
    ['a string', 'boom', 'string', 'boom'],
    ['a number', 42, 'number', '42'],
    ['an object', { code: 1 }, 'object', '[object Object]'],
    ['undefined (rejection)', undefined, 'string', 'handled'],
    ['null (rejection)', null, 'string', 'handled'],
  ])(
    'reports a rejection with %s by typeof and toString(), without trace',
    async (_label, value, errorType, errorMessage) => {
      const error = await rejection(invokeHandler(() => Promise.reject(value), {}));
      expect(error.errorType).toBe(errorType);
      expect(error.errorMessage).toBe(errorMessage);
      expect(error.trace).toEqual([]);
    },
  );

  it('reports a value whose fields cannot be read as "handled"', async () => {
    const error = await rejection(invokeHandler(() => Promise.reject(Object.create(null)), {}));
    expect(error.errorType).toBe('handled');
    expect(error.errorMessage).toMatch(/^callback called with Error argument, but there was a problem/);
  });

  it('treats an error-like object (name, message and stack strings) as an Error', async () => {
    const error = await rejection(
      invokeHandler(() => Promise.reject({ name: 'Remote', message: 'm', stack: 'Remote: m\n    at x' }), {}),
    );
    expect([error.errorType, error.errorMessage, error.trace]).toEqual(['Remote', 'm', ['Remote: m', '    at x']]);
  });

  it('escapes DEL characters as the runtime does', async () => {
    const error = await rejection(
      invokeHandler(async () => {
        throw new Error('a\x7Fb');
      }, {}),
    );
    expect(error.errorMessage).toBe('a%7Fb');
  });

  it('fails a result JSON cannot encode', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const error = await rejection(invokeHandler(async () => cyclic, {}));
    expect([error.errorType, error.errorMessage]).toEqual(['Error', 'Unable to stringify response body']);
    expect((await rejection(invokeHandler(async () => 1n, {}))).errorMessage).toBe('Unable to stringify response body');
  });
});

describe('invokeHandler: timeout', () => {
  it("times out with Lambda's message and Sandbox.Timedout", async () => {
    const context = makeLambdaContext({ seed: 'to' });
    const error = await rejection(
      invokeHandler(() => new Promise(() => {}), {}, { context: { seed: 'to' }, timeout: 0.02 }),
    );
    expect(error.errorType).toBe('Sandbox.Timedout');
    expect(error.errorMessage).toBe(`RequestId: ${context.awsRequestId} Error: Task timed out after 0.02 seconds`);
    expect(error.trace).toEqual([]);
  });

  it('times out a callback handler that never calls back, ignoring its late outcome', async () => {
    let late: (() => void) | undefined;
    const handler: Handler<unknown, string> = (_event, _context, callback) => {
      late = () => callback(null, 'too late');
    };
    const error = await rejection(invokeHandler(handler, {}, { timeout: 0.01 }));
    expect(error.errorMessage).toMatch(/Task timed out after 0\.01 seconds$/);
    expect(() => late!()).not.toThrow();
  });

  it('uses the context options timeout, formats whole seconds with two decimals, and runs on fake timers', async () => {
    vi.useFakeTimers();
    try {
      let remainingAtStart = 0;
      const pending = invokeHandler(
        (_e: unknown, context: Context) => {
          remainingAtStart = context.getRemainingTimeInMillis();
          return new Promise(() => {});
        },
        {},
        { context: { timeout: 3 } },
      );
      const caught = rejection(pending);
      await vi.advanceTimersByTimeAsync(3000);
      const error = await caught;
      expect(remainingAtStart).toBe(3000);
      expect(error.errorMessage).toMatch(/Error: Task timed out after 3\.00 seconds$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('defaults to 3 seconds, and to the remaining time of a given Context', async () => {
    vi.useFakeTimers();
    try {
      const pending = rejection(invokeHandler(() => new Promise(() => {}), {}));
      await vi.advanceTimersByTimeAsync(2999);
      let settled = false;
      void pending.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).errorMessage).toMatch(/after 3\.00 seconds$/);
      const given = makeLambdaContext({ timeout: 10 });
      vi.advanceTimersByTime(4000);
      const fromContext = rejection(invokeHandler(() => new Promise(() => {}), {}, { context: given }));
      await vi.advanceTimersByTimeAsync(6000);
      expect((await fromContext).errorMessage).toMatch(/after 6\.00 seconds$/);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('invokeHandler: bad input', () => {
  it.each([
    [[{}, { timeout: 0 }], 'options.timeout'],
    [[{}, { timeout: 1000 }], 'options.timeout'],
    [[{}, { timeot: 3 }], 'options.timeot'],
    [[{}, { context: { timeout: 2 }, timeout: 3 }], 'options.timeout'],
    [[{}, { context: { functionName: 'a b' } }], 'options.context.functionName'],
    [[{}, { context: { memoryLimitInMB: 1 } }], 'options.context.memoryLimitInMB'],
    [[{}, { context: 'ctx' }], 'options.context'],
    [[{}, { context: { getRemainingTimeInMillis: () => 0 } }], 'options.context'],
    [[{}, 5], 'options'],
  ])('rejects %j naming %s', (args, argument) => {
    let caught: unknown;
    try {
      void invokeHandler(async () => 1, ...(args as [unknown, never]));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventInputError);
    expect((caught as EventInputError).api).toBe('invokeHandler');
    expect((caught as EventInputError).argument).toBe(argument);
  });

  it('suggests the option a typo meant', () => {
    expect(() => invokeHandler(async () => 1, {}, { timeot: 3 } as never)).toThrow(
      /^invokeHandler: options\.timeot is not an option; did you mean "timeout"\?$/,
    );
  });

  it('rejects a handler that is not a function', () => {
    expect(() => invokeHandler('index.handler' as never, {})).toThrow(/invokeHandler: handler must be a function/);
  });
});

describe("invokeHandler: runtime 'nodejs24.x'", () => {
  it('refuses a non-async handler declaring a callback, as Node.js 24 does, before running it', async () => {
    let ran = false;
    const handler: Handler<unknown, string> = (_event, _context, callback) => {
      ran = true;
      callback(null, 'x');
    };
    const error = await rejection(invokeHandler(handler, {}, { runtime: 'nodejs24.x' }));
    expect(error.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(error.errorMessage).toMatch(
      /^ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node\.js 24\./,
    );
    expect(ran).toBe(false);
    // The same handler runs under nodejs22.x (the default) and nodejs20.x.
    await expect(invokeHandler(handler, {})).resolves.toBe('x');
    await expect(invokeHandler(handler, {}, { runtime: 'nodejs20.x' })).resolves.toBe('x');
  });

  it('runs async handlers, with a context without the legacy members', async () => {
    let seen: Context | undefined;
    const handler = async (_event: unknown, context: Context): Promise<number> => {
      seen = context;
      return context.getRemainingTimeInMillis() > 0 ? 1 : 0;
    };
    await expect(invokeHandler(handler, {}, { runtime: 'nodejs24.x' })).resolves.toBe(1);
    expect(seen!.succeed).toBeUndefined();
    expect(seen!.done).toBeUndefined();
    expect(seen!.fail).toBeUndefined();
    expect(seen!.callbackWaitsForEmptyEventLoop).toBeUndefined();
    expect(seen!.functionName).toBe('my-function');
    const legacy = await rejection(
      invokeHandler(async (_e: unknown, context: Context) => context.succeed('x'), {}, { runtime: 'nodejs24.x' }),
    );
    expect(legacy.errorType).toBe('TypeError');
    expect(legacy.errorMessage).toMatch(/succeed is not a function/);
  });

  it('names a runtime it does not know', () => {
    expect(() => invokeHandler(async () => 1, {}, { runtime: 'nodejs18' as never })).toThrow(
      /^invokeHandler: options\.runtime "nodejs18" is not a Lambda Node\.js runtime/,
    );
  });
});
