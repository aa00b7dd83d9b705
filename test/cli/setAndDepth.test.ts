import { describe, expect, it } from 'vitest';
import { md5OfBody } from '../../fixtures/sqs.js';
import { cli } from './_io.js';

const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const deepArray = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

describe("--set warns when it changes a field's JSON type", () => {
  it('a JSON body where SQS carries text: the warning names the field and the input flag to use', async () => {
    const out = await cli('generate', 'sqs', '--set', 'Records[0].body={"orderId":1}');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).Records[0].body).toEqual({ orderId: 1 });
    expect(out.stderr).toMatch(
      /^aws-event-kit generate: warning: --set Records\[0\]\.body changes a string into an object; derived fields \(md5OfBody, SizeBytes …\) are not recomputed, so use the kind's input flags \(generate sqs --help\) to build it/,
    );
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a number where AWS sends a string: the hint shows how to quote it', async () => {
    const out = await cli('generate', 'sqs', '--set', 'Records[0].messageId=123');
    expect(out.stderr).toContain('changes a string into a number');
    expect(out.stderr).toContain(`--set 'Records[0].messageId="123"'`);
  });

  it('once per --set, however many events', async () => {
    const out = await cli('generate', 'sqs', '--count', '3', '--set', 'Records[0].body=1');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('no warning when the type stays, or for a new field', async () => {
    expect((await cli('generate', 'sqs', '--set', 'Records[0].attributes.ApproximateReceiveCount="2"')).stderr).toBe(
      '',
    );
    expect((await cli('generate', 'eventbridge', '--set', 'detail.newField=1')).stderr).toBe('');
    expect((await cli('generate', 'eventbridge', '--set', '["detail-type"]=Order Shipped')).stderr).toBe('');
  });

  it("the README's way: --body builds the body, so md5OfBody follows", async () => {
    const out = await cli('generate', 'sqs', '--body', '{"orderId":1}');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const record = JSON.parse(out.stdout).Records[0];
    expect(record.body).toBe('{"orderId":1}');
    expect(record.md5OfBody).toBe(md5OfBody('{"orderId":1}'));
  });
});

describe('deeply nested command-line JSON: exit 2 with one line, never "internal error"', () => {
  it.each([
    ['--detail', ['generate', 'eventbridge', '--detail', deepObject(5_000)], '--detail'],
    ['--detail (arrays)', ['generate', 'eventbridge', '--detail', deepArray(100_000)], '--detail'],
    ['--set value', ['generate', 'eventbridge', '--set', `detail=${deepObject(5_000)}`], '--set detail value'],
    ['--option value', ['generate', 'eventbridge', '--option', `resources=${deepArray(5_000)}`], '--option resources'],
  ])('%s', async (_name, args, what) => {
    const out = await cli(...args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(`aws-event-kit generate: ${what} nests objects and arrays more than 1,000 levels deep\n`);
  });

  it('a --set path of more than 1,000 steps', async () => {
    const out = await cli('generate', 'eventbridge', '--set', `detail${'.a'.repeat(5_000)}=1`);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--set path .* has 5001 steps, over 1,000/);
  });

  it('a cyclic or too-deep factory input (EventInputError) is exit 2', async () => {
    const out = await cli('generate', 'dynamodb', '--option', `keys=${deepArray(40)}`);
    expect(out.code).toBe(2);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
