// Template-aware records: the checks must find the events that break a realistic template (the
// paths it reads present with hard values), and a pass must not be vacuous (the paths existed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPipeTemplate, type TemplateCheckResult } from '../../arbitraries/checkPipeTemplate.js';
import { checkRuleTemplate } from '../../arbitraries/checkRuleTemplate.js';
import { pipeTemplateProperty } from '../../arbitraries/pipeTemplateProperty.js';
import { pipeTemplateRecord } from '../../arbitraries/pipeTemplateRecord.js';
import { sqsRecord } from '../../arbitraries/sqsRecord.js';
import { md5Hex } from '../../src/_internals/hash.js';
import { compileRuleTemplate } from '../../src/pipes/index.js';

const DEMO = '{"orderId": "<$.body.orderId>", "note": "<$.body.note>", "queue": <aws.pipes.event.json>}';
const CORRECT = '{"orderId": <$.body.orderId>, "note": <$.body.note>}';
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const SEEDS = [1, 2, 3, 4, 5, 42];

const parse = (text: unknown): unknown => {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const member = (value: unknown, key: string): { present: boolean; value?: unknown } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key)
    ? { present: true, value: (value as Record<string, unknown>)[key] }
    : { present: false };
const kinesisData = (record: unknown): unknown =>
  parse(Buffer.from((record as { data: string }).data, 'base64').toString('utf8'));

/** The failure's culprit is a value AWS breaks on, and it shrank to the smallest such value. */
function expectSmallBreakingValue(
  result: TemplateCheckResult,
  placeholders: readonly string[],
  valueIn: (counterexample: unknown, placeholder: string) => unknown,
): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const { problem } = result;
  expect(placeholders).toContain(problem.placeholder);
  expect(problem.message).toContain(problem.placeholder);
  expect(valueIn(result.counterexample, problem.placeholder!)).toEqual(problem.value);
  const value = problem.value;
  if (typeof value === 'string') {
    expect(value).toMatch(NEEDS_ESCAPE);
    expect([...value]).toHaveLength(1); // `"`, `\`, a newline …
  } else {
    expect(value !== null && typeof value === 'object').toBe(true);
    expect(['{}', '[]']).toContain(JSON.stringify(value));
  }
}

const bodyValue = (record: unknown, placeholder: string): unknown =>
  member(parse((record as { body: string }).body), placeholder.slice(8, -1)).value;

describe('checkPipeTemplate with template-aware records', () => {
  it.each(SEEDS)('SQS: the quoted $.body members break, shrunk to one character or {} / [] (seed %i)', (seed) => {
    const result = checkPipeTemplate(DEMO, { source: 'sqs', numRuns: 300, seed });
    expectSmallBreakingValue(result, ['<$.body.orderId>', '<$.body.note>'], bodyValue);
  });

  it('SQS: finds a value needing escaping when objects are out of the picture, and names it', () => {
    // `{"note": <$.body.note>}` in value position: objects are fine there, quotes are not (AWS does not escape).
    const result = checkPipeTemplate(CORRECT, { source: 'sqs', numRuns: 300, seed: 7 });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'not-json' } });
    if (!result.ok) {
      expect(result.problem.message).toMatch(/which EventBridge inserts without escaping/);
      expect(result.problem.value).toMatch(NEEDS_ESCAPE);
      expect([...(result.problem.value as string)]).toHaveLength(1);
    }
  });

  it('SQS: a template that is correct for the data passes 1,000 runs, and the runs held the paths (not vacuous)', () => {
    let runs = 0;
    let present = 0;
    let hard = 0;
    let structured = 0;
    const records = pipeTemplateRecord(CORRECT, 'sqs').map((record) => {
      runs++;
      const note = member(parse((record as { body: string }).body), 'note');
      if (note.present) {
        present++;
        if (typeof note.value === 'string' && NEEDS_ESCAPE.test(note.value)) hard++;
        if (note.value !== null && typeof note.value === 'object') structured++;
      }
      return record;
    });
    // Value position with values escaped (what a correct template can rely on): nothing breaks.
    expect(
      checkPipeTemplate(CORRECT, { source: 'sqs', records, numRuns: 1000, seed: 3, options: { escape: 'json' } }),
    ).toMatchObject({ ok: true, numRuns: 1000 });
    expect(runs).toBe(1000);
    expect(present / runs).toBeGreaterThanOrEqual(0.5);
    expect(hard / runs).toBeGreaterThanOrEqual(0.05);
    expect(structured / runs).toBeGreaterThanOrEqual(0.05);
    // And the default records (no `records`) pass too.
    expect(
      checkPipeTemplate(CORRECT, { source: 'sqs', numRuns: 1000, seed: 3, options: { escape: 'json' } }),
    ).toMatchObject({ ok: true, numRuns: 1000 });
  });

  it('SQS: records keep their invariants; some bodies are not JSON; some paths are missing; FIFO too', () => {
    const samples = fc.sample(pipeTemplateRecord(DEMO, 'sqs-fifo'), { numRuns: 500, seed: 11 }) as {
      body: string;
      md5OfBody: string;
      attributes: Record<string, string>;
    }[];
    for (const record of samples) {
      expect(record.md5OfBody).toBe(md5Hex(record.body));
      expect(record.attributes.MessageGroupId).toBeDefined();
    }
    const bodies = samples.map((r) => parse(r.body));
    expect(bodies.some((b) => b === undefined)).toBe(true);
    expect(bodies.some((b) => b !== undefined && typeof b === 'object' && !member(b, 'note').present)).toBe(true);
    expect(bodies.filter((b) => member(b, 'note').present).length / samples.length).toBeGreaterThanOrEqual(0.5);
  });

  it('SQS: wildcards and indices get arrays that hold them', () => {
    const template = '{"names": <$.body.items[*].name>, "first": <$.body.items[0].sku>, "tag": <$.body.meta.tags[2]>}';
    const samples = fc.sample(pipeTemplateRecord(template, 'sqs'), { numRuns: 500, seed: 5 }) as { body: string }[];
    const bodies = samples.map((r) => parse(r.body));
    const items = bodies.map((b) => member(b, 'items').value);
    expect(
      items.filter((v) => Array.isArray(v) && member(v[0], 'sku').present).length / samples.length,
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      items.filter((v) => Array.isArray(v) && v.length > 1 && v.every((e) => member(e, 'name').present)).length,
    ).toBeGreaterThan(20);
    const tags = bodies.map((b) => member(member(b, 'meta').value, 'tags').value);
    expect(tags.filter((t) => Array.isArray(t) && t.length >= 3).length / samples.length).toBeGreaterThanOrEqual(0.5);
    expect(checkPipeTemplate('{"name": "<$.body.items[0].name>"}', { source: 'sqs', numRuns: 300, seed: 1 }).ok).toBe(
      false,
    );
  });

  it('Kinesis $.data: breaks when quoted, passes in value position with 1,000 runs that held the path', () => {
    const result = checkPipeTemplate('{"note": "<$.data.note>", "id": "<$.eventID>"}', {
      source: 'kinesis',
      numRuns: 300,
      seed: 1,
    });
    expectSmallBreakingValue(result, ['<$.data.note>'], (record) => member(kinesisData(record), 'note').value);
    let runs = 0;
    let present = 0;
    const records = pipeTemplateRecord('{"note": <$.data.note>}', 'kinesis').map((record) => {
      runs++;
      if (member(kinesisData(record), 'note').present) present++;
      return record;
    });
    expect(
      checkPipeTemplate('{"note": <$.data.note>, "id": <$.eventID>}', {
        source: 'kinesis',
        records,
        numRuns: 1000,
        seed: 2,
        options: { escape: 'json' },
      }),
    ).toMatchObject({ ok: true });
    expect(present / runs).toBeGreaterThanOrEqual(0.5);
  });

  it('EventBridge $.detail (Pipes): breaks when quoted, passes in value position with 1,000 runs that held the path', () => {
    const result = checkPipeTemplate('{"note": "<$.detail.order.note>"}', {
      source: 'eventbridge',
      numRuns: 300,
      seed: 1,
    });
    expectSmallBreakingValue(
      result,
      ['<$.detail.order.note>'],
      (event) => member(member((event as { detail: unknown }).detail, 'order').value, 'note').value,
    );
    let runs = 0;
    let present = 0;
    const records = pipeTemplateRecord('{"note": <$.detail.order.note>}', 'eventbridge').map((event) => {
      runs++;
      if (member(member((event as { detail: unknown }).detail, 'order').value, 'note').present) present++;
      return event;
    });
    expect(
      checkPipeTemplate('{"note": <$.detail.order.note>, "type": <$.detail-type>}', {
        source: 'eventbridge',
        records,
        numRuns: 1000,
        seed: 2,
        options: { escape: 'json' },
      }),
    ).toMatchObject({ ok: true });
    expect(present / runs).toBeGreaterThanOrEqual(0.5);
  });

  it('DynamoDB: attributes of the named type in NewImage / Keys; N values are safe even unescaped', () => {
    const result = checkPipeTemplate(
      '{"note": "<$.dynamodb.NewImage.note.S>", "city": "<$.dynamodb.NewImage.addr.M.city.S>"}',
      { source: 'dynamodb', numRuns: 300, seed: 1 },
    );
    const image = (record: unknown): unknown => (record as { dynamodb: { NewImage?: unknown } }).dynamodb.NewImage;
    expectSmallBreakingValue(
      result,
      ['<$.dynamodb.NewImage.note.S>', '<$.dynamodb.NewImage.addr.M.city.S>'],
      (record, placeholder) =>
        placeholder.includes('note')
          ? member(member(image(record), 'note').value, 'S').value
          : member(member(member(member(image(record), 'addr').value, 'M').value, 'city').value, 'S').value,
    );
    const keyed = checkPipeTemplate('{"pk": "<$.dynamodb.Keys.pk.S>"}', { source: 'dynamodb', numRuns: 300, seed: 1 });
    expect(keyed).toMatchObject({ ok: false, problem: { placeholder: '<$.dynamodb.Keys.pk.S>' } });
    // A canonical DynamoDB number never needs escaping: this template is correct as AWS behaves.
    let runs = 0;
    let present = 0;
    const template = '{"qty": <$.dynamodb.NewImage.qty.N>, "ok": <$.dynamodb.NewImage.ok.BOOL>}';
    const records = pipeTemplateRecord(template, 'dynamodb').map((record) => {
      runs++;
      if (typeof member(member(image(record), 'qty').value, 'N').value === 'string') present++;
      return record;
    });
    expect(checkPipeTemplate(template, { source: 'dynamodb', records, numRuns: 1000, seed: 4 })).toMatchObject({
      ok: true,
      numRuns: 1000,
    });
    expect(present / runs).toBeGreaterThanOrEqual(0.5);
  });

  it('is deterministic: the same seed gives the same result', () => {
    for (const source of ['sqs', 'kinesis'] as const) {
      const template = source === 'sqs' ? DEMO : '{"n": "<$.data.n>"}';
      const a = checkPipeTemplate(template, { source, numRuns: 200, seed: 99 });
      const b = checkPipeTemplate(template, { source, numRuns: 200, seed: 99 });
      expect(b).toEqual(a);
      if (!a.ok)
        expect(checkPipeTemplate(template, { source, numRuns: 200, seed: a.seed, path: a.path })).toMatchObject({
          ok: false,
          counterexample: a.counterexample,
        });
    }
    expect(fc.sample(pipeTemplateRecord(DEMO, 'sqs'), { numRuns: 20, seed: 8 })).toEqual(
      fc.sample(pipeTemplateRecord(DEMO, 'sqs'), { numRuns: 20, seed: 8 }),
    );
  });

  it("a user's own records still win", () => {
    expect(
      checkPipeTemplate(DEMO, {
        source: 'sqs',
        records: sqsRecord({ body: { orderId: 'o-1', note: 'fine' } }),
        numRuns: 50,
      }),
    ).toMatchObject({ ok: true });
    expect(
      checkRuleTemplate(
        { inputPathsMap: { n: '$.detail.note' }, inputTemplate: '{"n": "<n>"}' },
        { events: fc.constant({ detail: { note: 'fine' } }), numRuns: 5 },
      ),
    ).toMatchObject({ ok: true });
  });
});

describe('checkRuleTemplate with template-aware events', () => {
  it('finds the quoted $.detail member; passes in value position with 1,000 runs that held the path', () => {
    const result = checkRuleTemplate(
      { inputPathsMap: { note: '$.detail.note', id: '$.id' }, inputTemplate: '{"id": <id>, "note": "<note>"}' },
      { numRuns: 300, seed: 1 },
    );
    expectSmallBreakingValue(
      result,
      ['<note>'],
      (event) => member((event as { detail: unknown }).detail, 'note').value,
    );
    const transformer = {
      inputPathsMap: { note: '$.detail.note', id: '$.id' },
      inputTemplate: '{"id": <id>, "note": <note>}',
    };
    let runs = 0;
    let present = 0;
    const events = pipeTemplateRecord(compileRuleTemplate(transformer), 'eventbridge').map((event) => {
      runs++;
      if (member((event as { detail: unknown }).detail, 'note').present) present++;
      return event;
    });
    expect(
      checkRuleTemplate(transformer, { events, numRuns: 1000, seed: 2, options: { escape: 'json' } }),
    ).toMatchObject({ ok: true });
    expect(present / runs).toBeGreaterThanOrEqual(0.5);
  });
});

describe('pipeTemplateProperty with a source', () => {
  it('uses the template-aware records', () => {
    let error: unknown;
    try {
      fc.assert(pipeTemplateProperty(DEMO, 'sqs'), { numRuns: 300, seed: 1 });
    } catch (e) {
      error = e;
    }
    expect(`${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`).toMatch(
      /<\$\.body\.(orderId|note)> = /,
    );
    fc.assert(pipeTemplateProperty(CORRECT, 'sqs', { options: { escape: 'json' } }), { numRuns: 300, seed: 1 });
    expect(() => pipeTemplateProperty('{}', 'msk')).toThrow(/no record arbitrary/);
  });
});
