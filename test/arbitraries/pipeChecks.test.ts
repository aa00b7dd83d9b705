import fc from 'fast-check';
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkPipeTemplate } from '../../arbitraries/checkPipeTemplate.js';
import { checkRuleTemplate } from '../../arbitraries/checkRuleTemplate.js';
import { pipeSourceRecord } from '../../arbitraries/pipeSourceRecord.js';
import { pipeTemplateProperty } from '../../arbitraries/pipeTemplateProperty.js';
import { sqsRecord } from '../../arbitraries/sqsRecord.js';
import { renderPipeTemplate, TemplateValidationError } from '../../src/pipes/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';

describe('checkPipeTemplate', () => {
  it('passes a template that is safe for every SQS record', () => {
    expect(
      checkPipeTemplate(
        '{"id": <$.messageId>, "queue": <aws.pipes.source-arn>, "n": <$.attributes.ApproximateReceiveCount>}',
        { source: 'sqs', numRuns: 200 },
      ),
    ).toMatchObject({ ok: true, numRuns: 200 });
  });
  it('finds the quoted body (not delivered), shrinks it, and replays it from seed and path', () => {
    const result = checkPipeTemplate('{"order": "<$.body>"}', { source: 'sqs', numRuns: 300, seed: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ kind: 'not-delivered', code: 'quoted-object', placeholder: '<$.body>' });
    expect(result.output.delivered).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain('quoted-object');
    const record = result.counterexample as { body: string };
    expect(typeof JSON.parse(record.body)).toBe('object'); // the body that caused it is JSON
    const replay = checkPipeTemplate('{"order": "<$.body>"}', {
      source: 'sqs',
      numRuns: 300,
      seed: result.seed,
      path: result.path,
    });
    expect(replay.ok === false && replay.counterexample).toEqual(result.counterexample);
  });
  it('reports an unescaped quote with the value that caused it', () => {
    const result = checkPipeTemplate('{"b": <$.body>}', {
      records: sqsRecord({ body: fc.constantFrom('plain', 'say "hi"') }),
      numRuns: 50,
    });
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'not-json', placeholder: '<$.body>', value: 'say "hi"' },
    });
  });
  it('reports a bare <$.body> holding JSON as a lint pitfall, or accepts text targets with expectJson: false', () => {
    const records = sqsRecord({ body: { a: 1 } });
    expect(checkPipeTemplate('<$.body>', { records, numRuns: 5 })).toMatchObject({
      ok: false,
      problem: { kind: 'not-json', code: 'bare-body' },
    });
    expect(checkPipeTemplate('<$.body>', { records, numRuns: 5, expectJson: false })).toMatchObject({
      ok: false,
      problem: { kind: 'lint', code: 'bare-body' },
    });
    expect(
      checkPipeTemplate('<$.body>', { records: sqsRecord({ body: 'plain' }), numRuns: 5, expectJson: false }),
    ).toMatchObject({ ok: true });
  });
  it('works for every source with a record arbitrary, and says which have none', () => {
    for (const source of ['sqs-fifo', 'kinesis', 'dynamodb', 'eventbridge', 's3-eventbridge'] as const) {
      expect(checkPipeTemplate('{"e": <aws.pipes.event.json>}', { source, numRuns: 20 }).ok).toBe(true);
    }
    expect(() => checkPipeTemplate('{}', { source: 'msk' })).toThrow(/no record arbitrary/);
    expect(() => checkPipeTemplate('{}', {} as never)).toThrow(/give a source/);
  });
});

describe('checkRuleTemplate', () => {
  it('reports a detail-type with a quote (values are not escaped)', () => {
    const r = checkRuleTemplate(
      { inputPathsMap: { t: '$.detail-type' }, inputTemplate: '{"type": <t>}' },
      { numRuns: 200, seed: 7 },
    );
    expect(r).toMatchObject({ ok: false, problem: { kind: 'not-json', placeholder: '<t>' } });
    if (!r.ok) expect(String(r.problem.value)).toMatch(/["\\\u0000-\u001f]/);
  });
  it('passes, fails with the payload object, and validates first', () => {
    expect(
      checkRuleTemplate(
        { inputPathsMap: { i: '$.id' }, inputTemplate: '{"id": <i>, "event": <aws.events.event.json>}' },
        { numRuns: 50 },
      ),
    ).toMatchObject({ ok: true });
    const failed = checkRuleTemplate(
      { inputPathsMap: { d: '$.detail' }, inputTemplate: '{"d": "users/<d>"}' },
      { numRuns: 50 },
    );
    expect(failed).toMatchObject({ ok: false, problem: { kind: 'not-delivered', placeholder: '<d>' } });
    expect(() => checkRuleTemplate({ inputTemplate: '"<nope>"' })).toThrow(TemplateValidationError);
  });
});

describe('pipeTemplateProperty', () => {
  it('is a property for fc.assert that fails with the problem and the value', () => {
    fc.assert(pipeTemplateProperty('{"id": <$.messageId>}', pipeSourceRecord('sqs')), { numRuns: 50 });
    let error: unknown;
    try {
      fc.assert(pipeTemplateProperty('{"b": "<$.body>"}', sqsRecord({ body: { x: 1 } })), { numRuns: 5 });
    } catch (e) {
      error = e;
    }
    const text = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`;
    expect(text).toMatch(/not-delivered \[quoted-object\].*<\$\.body> = \{"x":1\}/s);
  });
  const p = pipeTemplateProperty(
    '{"id": <$.messageId>, "b": <$.body>}',
    sqsRecord({ body: fc.constantFrom('{"a":1}', 'text') }),
  );
  fcTest.prop(p.arbitraries, { numRuns: NUM_RUNS })('works with @fast-check/vitest test.prop', p.assertRecord);
  it('uses the render options', () => {
    const q = pipeTemplateProperty('{"b": <$.body>}', sqsRecord({ body: 'say "hi"' }), { options: { escape: 'json' } });
    fc.assert(q, { numRuns: 5 });
    expect(
      renderPipeTemplate('{"b": <$.body>}', { eventSource: 'aws:sqs', body: 'a"b' }, {}, { escape: 'json' }),
    ).toEqual({ delivered: true, body: '{"b": "a\\"b"}' });
  });
});
