import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/_io.js';

const dir = mkdtempSync(join(tmpdir(), 'aek-pipes-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const sqsRecord = {
  messageId: 'm-1',
  body: '{"order": 42}',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:q',
  awsRegion: 'us-east-1',
};

describe('aws-event-kit render', () => {
  it('prints what a Pipes target receives', async () => {
    const out = await cli(
      'render',
      file('t1.json', '{"order": <$.body.order>, "id": <$.messageId>}'),
      file('e1.json', JSON.stringify(sqsRecord)),
    );
    expect(out).toEqual({ code: 0, stdout: '{"order": 42, "id": "m-1"}\n', stderr: '' });
  });
  it('renders rule templates with --rule --input-paths-map, and batches with --batch', async () => {
    const out = await cli(
      'render',
      '--rule',
      file('t2.txt', '"state <s>"'),
      file('e2.json', '{"detail":{"state":"ON"}}'),
      '--input-paths-map',
      file('m2.json', '{"s":"$.detail.state"}'),
    );
    expect(out).toMatchObject({ code: 0, stdout: '"state ON"\n' });
    const batch = await cli(
      'render',
      '--batch',
      file('t3.json', '{"id": <$.messageId>}'),
      file('e3.json', JSON.stringify([sqsRecord, { ...sqsRecord, messageId: 'm-2' }])),
    );
    expect(batch).toMatchObject({ code: 0, stdout: '[{"id": "m-1"},{"id": "m-2"}]\n' });
  });
  it('says when nothing is delivered, and points at template errors', async () => {
    expect(
      await cli('render', file('t4.json', '{"o": "<$.body>"}'), file('e4.json', JSON.stringify(sqsRecord))),
    ).toMatchObject({ code: 1, stderr: expect.stringMatching(/^not delivered: /) });
    const bad = await cli('render', file('t5.json', '{\n "a": <$.b\n}'), file('e5.json', '{}'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/t5\.json:2:7 unterminated-placeholder /);
    const rule = await cli('render', '--rule', file('t6.txt', '"<nope>"'), file('e6.json', '{}'));
    expect(rule.stderr).toContain('InputTemplate for target target contains invalid placeholder nope.');
    expect((await cli('render', 'only-one')).code).toBe(2);
    expect((await cli('render', file('t7.json', '<$.a>'), file('e7.json', '{}'), '--option', 'escape=html')).code).toBe(
      2,
    );
  });
});

describe('aws-event-kit lint', () => {
  it('prints file:line:col code message and exits 1 on errors', async () => {
    const path = file('l1.json', '{\n  "o": "<$.body>"\n}');
    const out = await cli('lint', path, '--source', 'sqs');
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:9 quoted-object `));
    expect(await cli('lint', file('l2.json', '{"o": <$.body>}'), '--source', 'sqs')).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect((await cli('lint', path, '--source', 'nope')).code).toBe(2);
  });
});

describe('aws-event-kit check-template', () => {
  it('prints "ok, N runs"', async () => {
    expect(
      await cli('check-template', file('c1.json', '{"id": <$.messageId>}'), '--source', 'sqs', '--runs', '30'),
    ).toEqual({ code: 0, stdout: 'ok, 30 runs\n', stderr: '' });
  });
  it('prints the counterexample, the output, the problem and how to replay it; exits 1', async () => {
    const out = await cli(
      'check-template',
      file('c2.json', '{"o": "<$.body>"}'),
      '--source',
      'sqs',
      '--runs',
      '200',
      '--seed',
      '3',
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^counterexample \(after \d+ runs\):\n\{/);
    expect(out.stdout).toMatch(/\noutput: \(nothing delivered: /);
    expect(out.stdout).toMatch(/\nproblem: not-delivered \[quoted-object\]/);
    expect(out.stdout).toMatch(/\ncaused by: <\$\.body> = /);
    const replay = /replay: --seed (-?\d+) --path (\S+)/.exec(out.stdout)!;
    const again = await cli(
      'check-template',
      file('c3.json', '{"o": "<$.body>"}'),
      '--source',
      'sqs',
      '--runs',
      '200',
      '--seed',
      replay[1]!,
      '--path',
      replay[2]!,
    );
    // The replay finds the same shrunk record at once (only the run count differs).
    const body = (text: string) => text.split('\nreplay')[0]!.replace(/^counterexample \(after \d+ runs\)/, '');
    expect(again.code).toBe(1);
    expect(body(again.stdout)).toBe(body(out.stdout));
  });
  it('checks rules and reports usage errors', async () => {
    expect(
      await cli(
        'check-template',
        '--rule',
        file('c4.txt', '{"id": <i>}'),
        '--input-paths-map',
        file('m4.json', '{"i":"$.id"}'),
        '--runs',
        '20',
      ),
    ).toMatchObject({ code: 0, stdout: 'ok, 20 runs\n' });
    expect((await cli('check-template', file('c5.json', '{}'))).code).toBe(2);
    expect((await cli('check-template', file('c6.json', '{}'), '--source', 'msk')).code).toBe(2);
    expect((await cli('check-template', file('c7.json', '{}'), '--source', 'sqs', '--runs', '0')).code).toBe(2);
  });
});

describe('aws-event-kit lint on a 10 MB template', () => {
  it('prints the one template-too-long finding and exits 1, without parsing the rest', async () => {
    const path = file('huge.json', `{"a": [${'<$.x>,'.repeat(1_700_000)}1]}`);
    const started = performance.now();
    const out = await cli('lint', path);
    expect(out.code).toBe(1);
    // One line: the finding (a docs link may follow the message).
    expect(out.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(
      out.stdout.startsWith(
        `${path}:1:8193 template-too-long the template is 10200010 characters; AWS allows at most 8192`,
      ),
    ).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('aws-event-kit check-template --path', () => {
  it('a malformed replay path is a usage error (exit 2), not an internal error', async () => {
    const out = await cli(
      'check-template',
      file('p1.json', '{"id": <$.messageId>}'),
      '--source',
      'sqs',
      '--runs',
      '5',
      '--path',
      'abc',
    );
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'aws-event-kit check-template: --path must be a replay path of colon-separated numbers, as a counterexample\'s "replay:" line prints it (e.g. 12:0:3), got "abc"\n',
    });
  });
});
