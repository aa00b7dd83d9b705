import { EventBridgeSchema, SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeEventBridgeEvent, makeScheduledEvent } from '../../fixtures/eventbridge.js';
import { md5OfBody } from '../../fixtures/sqs.js';
import { generateCommand } from '../../src/cli/commands/generate.js';
import { KINDS } from '../../src/cli/kinds.js';
import { runCli } from '../../src/cli/run.js';
import { cli, sink } from './_io.js';

const oneLineError = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd()).not.toContain('\n');
};

describe('aws-event-kit generate', () => {
  it('prints one pretty JSON event per kind, equal to the factory call with seed 0', async () => {
    for (const kind of KINDS) {
      const { code, stdout, stderr } = await cli('generate', kind.name);
      expect(code, kind.name).toBe(0);
      expect(stderr).toBe('');
      expect(JSON.parse(stdout), kind.name).toEqual(JSON.parse(JSON.stringify(kind.make(0))));
      expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
    }
  });

  it('wires the EventBridge kinds to the factories', async () => {
    const scheduled = JSON.parse((await cli('generate', 'scheduled', '--seed', '7')).stdout);
    expect(scheduled).toEqual(makeScheduledEvent('my-schedule', { seed: 7 }));
    expect(EventBridgeSchema.safeParse(scheduled).success).toBe(true);
    const custom = JSON.parse((await cli('generate', 'eventbridge')).stdout);
    // The default detail, as a literal: the output must not supply its own expectation.
    expect(custom).toEqual(
      makeEventBridgeEvent('Order Placed', 'com.example.orders', {
        orderId: 'order-1001',
        customerId: 'customer-42',
        total: 42.5,
        currency: 'EUR',
      }),
    );
    expect(EventBridgeSchema.safeParse(custom).success).toBe(true);
  });

  it('--count prints a JSON array of events seeded S, S+1, …', async () => {
    const { code, stdout } = await cli('generate', 'scheduled', '--count', '3', '--seed', '10');
    expect(code).toBe(0);
    const events = JSON.parse(stdout);
    expect(events).toEqual([10, 11, 12].map((seed) => makeScheduledEvent('my-schedule', { seed })));
    expect(new Set(events.map((e: { id: string }) => e.id)).size).toBe(3);
    expect(JSON.parse((await cli('generate', 'sqs', '--count=1')).stdout)).toHaveLength(1);
  });

  it('--ndjson prints one compact event per line', async () => {
    const { stdout } = await cli('generate', 'eventbridge', '--ndjson', '--count', '4', '--seed', '-2');
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(4);
    lines.forEach((line, i) => {
      expect(line).toBe(JSON.stringify(JSON.parse(line)));
      expect(JSON.parse(line).id).toBe(
        makeEventBridgeEvent('Order Placed', 'com.example.orders', {}, { seed: i - 2 }).id,
      );
    });
  });

  it('--set edits every event after it is built (derived fields are not recomputed)', async () => {
    const { code, stdout } = await cli(
      'generate',
      'sqs',
      '--count',
      '2',
      '--set',
      'Records[0].body=hello',
      '--set',
      'Records[1].attributes.ApproximateReceiveCount="3"',
      '--set',
      'extra={"a":[1]}',
    );
    expect(code).toBe(0);
    for (const event of JSON.parse(stdout)) {
      expect(event.Records[0].body).toBe('hello');
      expect(event.Records[0].md5OfBody).not.toBe(md5OfBody('hello')); // documented: --set is the raw escape hatch
      expect(event.Records[1].attributes.ApproximateReceiveCount).toBe('3');
      expect(event.extra).toEqual({ a: [1] });
      expect(SqsSchema.safeParse(event).success).toBe(true);
    }
    const detailType = JSON.parse(
      (await cli('generate', 'eventbridge', '--set', '["detail-type"]=Order Shipped', '--set', 'detail.total=1e2'))
        .stdout,
    );
    expect(detailType['detail-type']).toBe('Order Shipped');
    expect(detailType.detail.total).toBe(100);
    const pipes = JSON.parse((await cli('generate', 'pipes:sqs', '--set', '[0].body=x')).stdout);
    expect(pipes[0].body).toBe('x');
  });

  it('usage errors exit 2 with one clear line and print nothing on stdout', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['generate'], /^aws-event-kit generate: missing <kind>/],
      [['generate', 'sqs', 'kinesis'], /^aws-event-kit generate: expected one kind, got 2/],
      [['generate', 'sqs:fif'], /^aws-event-kit generate: unknown kind "sqs:fif"; did you mean sqs:fifo/],
      [['generate', 'schedueld'], /did you mean scheduled\?/],
      [
        ['generate', 'zzzzzzzzzzzzzzzzzz'],
        /^aws-event-kit generate: unknown kind "z+" \(run "aws-event-kit list" for all kinds\)\n$/,
      ],
      [['generate', 'sqs', '--count', '0'], /--count must be between 1 and/],
      [['generate', 'sqs', '--count', '1.5'], /--count must be an integer, got "1.5"/],
      [['generate', 'sqs', '--count'], /option --count needs a value/],
      [['generate', 'sqs', '--count', '2', '--count', '3'], /option --count is given twice/],
      [['generate', 'sqs', '--seed', 'abc'], /--seed must be an integer/],
      [['generate', 'sqs', '--seed', String(Number.MAX_SAFE_INTEGER), '--count', '2'], /passes 9007199254740991/],
      [['generate', 'sqs', '--colour'], /unknown option --colour/],
      [['generate', 'sqs', '-x'], /unknown option -x/],
      [['generate', 'sqs', '--ndjson=yes'], /option --ndjson takes no value/],
      [['generate', 'sqs', '--set', 'Records'], /--set needs path=value/],
      [['generate', 'sqs', '--set', '__proto__.polluted=1'], /names "__proto__", which is not allowed/],
      [['generate', 'sqs', '--set', 'Records[0].constructor.prototype.x=1'], /not allowed/],
      [['generate', 'sqs', '--set', 'Records[9].body=x'], /index 9 is past the end of Records \(length 2\)/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await cli(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout, args.join(' ')).toBe('');
      expect(stderr, args.join(' ')).toMatch(message);
      oneLineError(stderr);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('--help prints the usage and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = await cli('generate', flag);
      expect(code).toBe(0);
      expect(stdout).toBe(generateCommand.help);
      expect(stdout).toMatch(/--count N[\s\S]*--seed S[\s\S]*--set path=value[\s\S]*--ndjson/);
    }
  });

  it('stops quietly (exit 0, no stderr) when the reader goes away (EPIPE)', async () => {
    let written = 0;
    const stdout = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        if (written > 100_000) {
          const error = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
          callback(error);
        } else setImmediate(callback);
      },
    });
    const stderr = sink();
    const code = await runCli(['generate', 'scheduled', '--count', '1000000', '--ndjson'], {
      stdout,
      stderr,
      stdin: process.stdin,
      cwd: '.',
    });
    expect(code).toBe(0);
    expect(stderr.text()).toBe('');
    expect(written).toBeLessThan(1_000_000 * 100); // it stopped long before the end
  });

  it('--ndjson respects backpressure: the stream buffer stays bounded and the heap flat', async () => {
    // A slow reader: without backpressure the whole output (~90 MB) would pile up in memory.
    const highWaterMark = 4096;
    // Live heap, not garbage the collector has not reached yet: a full collection before each sample
    // (heapUsed alone counts uncollected garbage and varied with the load of the machine).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const liveHeap = (): number => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    let maxBuffered = 0;
    let bytes = 0;
    let lines = 0;
    let peakHeap = 0;
    let chunks = 0;
    const stdout = new Writable({
      highWaterMark,
      write(chunk: Buffer, _encoding, callback) {
        maxBuffered = Math.max(maxBuffered, this.writableLength);
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
        if (++chunks % 512 === 0) peakHeap = Math.max(peakHeap, liveHeap());
        setImmediate(callback);
      },
    });
    const count = 300_000;
    const baseline = liveHeap();
    const code = await runCli(['generate', 'eventbridge', '--count', String(count), '--ndjson'], {
      stdout,
      stderr: sink(),
      stdin: process.stdin,
      cwd: '.',
    });
    expect(code).toBe(0);
    await new Promise((resolve) => stdout.end(resolve));
    expect(lines).toBe(count);
    expect(bytes).toBeGreaterThan(80 * 1024 * 1024);
    // At most one 16 KiB batch (plus the event that crossed it) waits beyond the high-water mark.
    expect(maxBuffered).toBeLessThanOrEqual(highWaterMark + 16 * 1024 + 1024);
    expect(chunks).toBeGreaterThan(4 * 512);
    expect(peakHeap - baseline).toBeLessThan(32 * 1024 * 1024);
  });
});
