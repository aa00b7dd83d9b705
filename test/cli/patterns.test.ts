import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { testEventPattern } from '../../src/patterns/compile.js';
import { sink } from './_io.js';

const dir = mkdtempSync(join(tmpdir(), 'aek-patterns-'));
/** Writes a file in the test's folder and returns its path. */
function file(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Runs the CLI in-process, with `stdin` as standard input. */
async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await runCli(args, {
    stdout,
    stderr,
    stdin: Readable.from(stdin === '' ? [] : [Buffer.from(stdin)]),
    cwd: dir,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const RULE = { source: ['aws.ec2'], detail: { state: ['running'], 'x-limit': [{ numeric: ['>', 300] }] } };
const EVENT = {
  source: 'aws.ec2',
  'detail-type': 'EC2 Instance State-change Notification',
  detail: { state: 'running', 'x-limit': 301.8 },
};

describe('aws-event-kit test-pattern', () => {
  const pattern = file('rule.json', RULE);
  it('exits 0 on a match and 1 on no match', async () => {
    expect(await run(['test-pattern', pattern, file('event.json', EVENT)])).toEqual({
      code: 0,
      stdout: 'match\n',
      stderr: '',
    });
    expect(
      await run([
        'test-pattern',
        pattern,
        file('stopped.json', { ...EVENT, detail: { state: 'stopped', 'x-limit': 301.8 } }),
      ]),
    ).toEqual({ code: 1, stdout: 'no match\n', stderr: '' });
  });
  it('reads the event from stdin and keeps its numbers as written', async () => {
    expect((await run(['test-pattern', pattern, '-'], JSON.stringify(EVENT))).code).toBe(0);
    // 300.0 equals 300 by value: not "> 300".
    expect(
      (await run(['test-pattern', pattern, '-'], '{"source":"aws.ec2","detail":{"state":"running","x-limit":300.0}}'))
        .code,
    ).toBe(1);
    const big = file('big.json', '{"account": [12345678901234567890]}');
    expect((await run(['test-pattern', big, '-'], '{"account": 12345678901234567890}')).code).toBe(0);
    expect((await run(['test-pattern', big, '-'], '{"account": 12345678901234567000}')).code).toBe(1);
  });
  it('--explain says why, field by field', async () => {
    const result = await run([
      'test-pattern',
      pattern,
      file('stopped2.json', { ...EVENT, detail: { state: 'stopped', 'x-limit': 301.8 } }),
      '--explain',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^does not match\n/);
    expect(result.stdout).toContain('detail.state');
    expect(result.stdout).toContain('"stopped"');
  });
  it('exits 2 with AWS message and position for an invalid pattern', async () => {
    const bad = file('bad.json', '{\n  "detail": {\n    "state": []\n  }\n}');
    const result = await run(['test-pattern', bad, file('e.json', EVENT)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: Event pattern is not valid\\. Reason: Empty arrays are not allowed\\n$`,
      ),
    );
    expect(result.stdout).toBe('');
  });
  it('exits 2 for an event that is not a JSON object, and for usage errors', async () => {
    expect(await run(['test-pattern', pattern, '-'], '[1, 2]')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^aws-event-kit test-pattern: -: .*JSON object/),
    });
    expect(await run(['test-pattern', pattern, '-'], '{"a":')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^aws-event-kit test-pattern: -: /),
    });
    expect(await run(['test-pattern', pattern])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/needs <pattern-file> <event-file\|->/),
    });
    expect(await run(['test-pattern', '-', '-'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/only one of/),
    });
    expect(await run(['test-pattern', join(dir, 'missing.json'), '-'], '{}')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cannot read .*missing\.json: ENOENT/),
    });
    expect(await run(['test-patern'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/did you mean test-pattern/),
    });
  });
  it('has help', async () => {
    const result = await run(['test-pattern', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: aws-event-kit test-pattern/);
    expect((await run(['--help'])).stdout).toMatch(/test-pattern .*\n.*lint-pattern /);
  });
});

describe('aws-event-kit lint-pattern', () => {
  it('prints file:line:col code message, exit 1 on errors and 0 on warnings only', async () => {
    const path = file(
      'lint.json',
      '{\n  "detailType": ["Order Placed"],\n  "detail": {\n    "n": [{ "numeric": [">", 5] }],\n    "n2": [{ "exists": true }, 1]\n  }\n}',
    );
    const result = await run(['lint-pattern', path, '--source', 'eventbridge']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.some((l) => l.startsWith(`${path}:2:3 envelope-near-miss `))).toBe(true);
    expect(lines.every((l) => /^.+:\d+:\d+ [a-z-]+ /.test(l))).toBe(true);
    const warnOnly = await run(['lint-pattern', file('warn.json', { source: [{ prefix: '' }] })]);
    expect(warnOnly.code).toBe(0);
    expect(warnOnly.stdout).toMatch(/^.*warn\.json:2:3 empty-prefix warning: /);
    expect(await run(['lint-pattern', file('clean.json', { source: ['aws.ec2'] })])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
  it('--format json gives the findings with line and column; --source applies the filter rules', async () => {
    const criteria = file('criteria.json', {
      Filters: [{ Pattern: JSON.stringify({ eventSourceARN: [{ prefix: 'arn:' }] }) }],
    });
    const result = await run(['lint-pattern', criteria, '--source', 'sqs', '--format', 'json']);
    const findings = JSON.parse(result.stdout) as { code: string; line: number; column: number; filter?: number }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ filter: 0, line: 4, column: 7 });
  });
  it('reports an invalid pattern as a finding, and refuses bad options with did-you-mean', async () => {
    const result = await run(['lint-pattern', file('inv.json', '{"a": []}')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Empty arrays are not allowed');
    expect(await run(['lint-pattern', file('x.json', {}), '--source', 'sqss'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown --source "sqss"; did you mean sqs/),
    });
    expect(await run(['lint-pattern', file('y.json', {}), '--format', 'xml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format must be text, json or github/),
    });
    expect((await run(['lint-pattern', '--help'])).stdout).toMatch(/^Usage: aws-event-kit lint-pattern/);
  });
  it('stays fast on a 10,000-deep pattern (a finding, no hang)', async () => {
    const started = performance.now();
    const result = await run([
      'lint-pattern',
      file('deep.json', `${'{"a":'.repeat(10_000)}["x"]${'}'.repeat(10_000)}`),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/deep\.json:1:1 pattern-too-long /);
    expect(performance.now() - started).toBeLessThan(3000);
  });
  it('reads stdin', async () => {
    expect((await run(['lint-pattern', '-'], '{"detail-type": [{"prefix": ""}]}')).stdout).toMatch(/^-:1:\d+ /);
  });
});

describe('aws-event-kit generate --matching', () => {
  it('prints events of the kind that match, keeping the kind (source, detail-type) and its derived fields', async () => {
    const pattern = file('orders.json', {
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { object: { size: [{ numeric: ['>', 1000, '<=', 5000] }], key: [{ suffix: '.png' }] } },
    });
    const result = await run(['generate', 's3:eventbridge', '--matching', pattern, '--count', '20', '--ndjson']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            source: string;
            'detail-type': string;
            detail: { object: { size: number; key: string }; bucket: { name: string } };
          },
      );
    expect(events).toHaveLength(20);
    for (const event of events) {
      expect(
        testEventPattern(
          JSON.parse(
            JSON.stringify({
              source: ['aws.s3'],
              'detail-type': ['Object Created'],
              detail: { object: { size: [{ numeric: ['>', 1000, '<=', 5000] }], key: [{ suffix: '.png' }] } },
            }),
          ),
          event,
        ),
      ).toBe(true);
      expect(event.detail.bucket.name).toBe('my-bucket');
    }
    // Deterministic: the same seed gives the same events.
    expect((await run(['generate', 's3:eventbridge', '--matching', pattern, '--count', '20', '--ndjson'])).stdout).toBe(
      result.stdout,
    );
  });
  it("keeps a prefix on source at the kind's own value, and reads the pattern from stdin", async () => {
    const result = await run(
      ['generate', 'scheduled', '--matching', '-'],
      JSON.stringify({ source: [{ prefix: 'aws.' }], detail: { hint: [{ exists: false }] } }),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
  });
  it('matches inside Records for stream and queue kinds (fields of one record together)', async () => {
    const pattern = {
      Records: {
        eventSource: ['aws:sqs'],
        body: [{ prefix: '{"orderId"' }],
        attributes: { ApproximateReceiveCount: [{ 'anything-but': '1' }] },
      },
    };
    const result = await run(['generate', 'sqs', '--matching', file('sqs.json', pattern), '--count', '5', '--ndjson']);
    expect(result.code).toBe(0);
    for (const line of result.stdout.trim().split('\n')) expect(testEventPattern(pattern, JSON.parse(line))).toBe(true);
  });
  it('says which kinds can match when the pattern pins source to another service', async () => {
    const result = await run(['generate', 'sqs', '--matching', file('ec2.json', { source: ['aws.ec2'] })]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^aws-event-kit generate: no sqs event can match .*ec2\.json: source must be \["aws\.ec2"\], and sqs events have no source; kinds that can: eventbridge\n$/,
    );
    const deleted = await run([
      'generate',
      's3:eventbridge',
      '--matching',
      file('deleted.json', { 'detail-type': ['Object Deleted'] }),
    ]);
    expect(deleted.stderr).toMatch(
      /detail-type must be \["Object Deleted"\], and s3:eventbridge events have "Object Created"; kinds that can: .*s3:eventbridge:object-deleted/,
    );
  });
  it('exits 2 for an invalid pattern, a pattern nothing matches, and a batch kind', async () => {
    expect(await run(['generate', 'eventbridge', '--matching', file('inv2.json', { a: [] })])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /--matching .*inv2\.json: Event pattern is not valid\. Reason: Empty arrays are not allowed/,
      ),
    });
    expect(
      await run([
        'generate',
        'eventbridge',
        '--matching',
        file('never.json', { n: [{ numeric: ['>', 1.7976931348623157e308] }] }),
      ]),
    ).toMatchObject({ code: 2, stderr: expect.stringMatching(/no event can match this pattern/) });
    expect(await run(['generate', 'pipes:sqs', '--matching', file('any.json', { body: ['x'] })])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/pipes:sqs prints a batch/),
    });
    expect((await run(['generate', '--help'])).stdout).toContain('--matching FILE');
  });
});
