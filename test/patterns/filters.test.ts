import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUM_RUNS } from '../_helpers/runs.js';
import { dynamodbChange, makeDynamoDBStreamEvent } from '../../fixtures/dynamodb.js';
import { makeKinesisEvent } from '../../fixtures/kinesis.js';
import { makeSqsEvent } from '../../fixtures/sqs.js';
import { toPipesSourceBatch } from '../../src/events/pipes/sourceBatch.js';
import { testEventPattern } from '../../src/patterns/compile.js';
import { EventPatternInputError } from '../../src/patterns/errors.js';
import {
  compileFilterCriteria,
  filterBatch,
  FilterCriteriaError,
  FILTER_SOURCES,
  matchesFilterCriteria,
  type FilterCriteria,
} from '../../src/patterns/filters.js';
import { DYNAMODB_FILTER_CASES, FILTER_CASES, FILTER_ERROR_CASES, SQS_FILTER_CASES } from './cases/filters.js';

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const criteria = (...patterns: (string | object)[]): FilterCriteria => ({
  Filters: patterns.map((p) => ({ Pattern: typeof p === 'string' ? p : JSON.stringify(p) })),
});

describe('the documented cases', () => {
  it.each(FILTER_CASES.map((c) => [c.id, c] as const))('%s, data shown decoded', (_id, c) => {
    expect(matchesFilterCriteria({ Filters: c.filters }, c.record, { source: c.eventSource })).toBe(c.expected);
  });

  it.each(FILTER_CASES.map((c) => [c.id, c] as const))('%s, data encoded as the poller delivers it', (_id, c) => {
    const record: Record<string, unknown> = { ...c.record };
    if (c.eventSource === 'kinesis' && typeof record.data === 'object') record.data = b64(JSON.stringify(record.data));
    if (c.eventSource === 'sqs' && typeof record.body === 'object') record.body = JSON.stringify(record.body);
    expect(matchesFilterCriteria({ Filters: c.filters }, record, { source: c.eventSource })).toBe(c.expected);
  });
});

describe('DynamoDB and SQS verdicts recorded against AWS', () => {
  it.each([...DYNAMODB_FILTER_CASES, ...SQS_FILTER_CASES].map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(matchesFilterCriteria({ Filters: c.filters }, c.record, { source: c.eventSource })).toBe(c.expected);
  });
});

describe('patterns AWS rejected', () => {
  it.each(FILTER_ERROR_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(() => compileFilterCriteria({ Filters: [{ Pattern: c.pattern }] }, { source: c.eventSource })).toThrow(
      expect.objectContaining({
        name: 'FilterCriteriaError',
        code: 'InvalidParameterValueException',
        message: c.message,
      }),
    );
  });
});

describe('SQS: the body as JSON or as text', () => {
  const [json, plain, number] = makeSqsEvent([
    { body: { type: 'order', total: 12 } },
    { body: 'hello' },
    { body: '42' },
  ]).Records;

  it('a JSON body is matched by field; a plain body by value', () => {
    expect(matchesFilterCriteria(criteria({ body: { type: ['order'] } }), json, { source: 'sqs' })).toBe(true);
    expect(
      matchesFilterCriteria(criteria({ body: { total: [{ numeric: ['>', 10] }] } }), json, { source: 'sqs' }),
    ).toBe(true);
    expect(matchesFilterCriteria(criteria({ body: ['hello'] }), plain, { source: 'sqs' })).toBe(true);
    expect(matchesFilterCriteria(criteria({ body: [{ prefix: 'hel' }] }), plain, { source: 'sqs' })).toBe(true);
  });

  it('a format mismatch drops the message, even for exists:false', () => {
    expect(matchesFilterCriteria(criteria({ body: { type: ['order'] } }), plain, { source: 'sqs' })).toBe(false);
    expect(matchesFilterCriteria(criteria({ body: { type: [{ exists: false }] } }), plain, { source: 'sqs' })).toBe(
      false,
    );
    expect(matchesFilterCriteria(criteria({ body: ['hello'] }), json, { source: 'sqs' })).toBe(false);
    // "42" is JSON but not an object: it is matched as the text "42".
    expect(matchesFilterCriteria(criteria({ body: ['42'] }), number, { source: 'sqs' })).toBe(true);
  });

  it('a pattern without body filters on metadata only', () => {
    const p = criteria({ attributes: { ApproximateReceiveCount: ['1'] } });
    expect(matchesFilterCriteria(p, plain, { source: 'sqs' })).toBe(true);
    expect(matchesFilterCriteria(p, json, { source: 'sqs' })).toBe(true);
  });

  it('$or: the branch on body fields is impossible for a plain body, the other still filters', () => {
    const p = criteria({ $or: [{ body: { type: ['order'] } }, { messageId: [plain!.messageId] }] });
    expect(matchesFilterCriteria(p, plain, { source: 'sqs' })).toBe(true);
    expect(matchesFilterCriteria(p, json, { source: 'sqs' })).toBe(true);
    const [other] = makeSqsEvent(['bye'], { seed: 9 }).Records;
    expect(matchesFilterCriteria(p, other, { source: 'sqs' })).toBe(false);
  });

  it('numbers in the body keep their text (no rounding through JSON.parse)', () => {
    const [big] = makeSqsEvent(['{"n": 12345678901234567891}']).Records;
    expect(matchesFilterCriteria(criteria('{"body": {"n": [12345678901234567891]}}'), big, { source: 'sqs' })).toBe(
      true,
    );
    expect(matchesFilterCriteria(criteria('{"body": {"n": [12345678901234567890]}}'), big, { source: 'sqs' })).toBe(
      false,
    );
  });

  it('fields the poller adds after filtering are not seen (option keep)', () => {
    const p = criteria({ eventSource: ['aws:sqs'] });
    expect(json!.eventSource).toBe('aws:sqs');
    expect(matchesFilterCriteria(p, json, { source: 'sqs' })).toBe(false);
    expect(matchesFilterCriteria(criteria({ awsRegion: [{ exists: false }] }), json, { source: 'sqs' })).toBe(true);
    expect(matchesFilterCriteria(p, json, { source: 'sqs', metadataAfterFiltering: 'keep' })).toBe(true);
  });

  it('pipes:sqs reads the Pipes batch (toPipesSourceBatch) the same way', () => {
    const batch = toPipesSourceBatch(makeSqsEvent([{ body: { type: 'order' } }, { body: 'x' }]));
    const { kept, dropped } = filterBatch(criteria({ body: { type: ['order'] } }), batch, { source: 'pipes:sqs' });
    expect(kept).toEqual([batch[0]]);
    expect(dropped.map((d) => d.record)).toEqual([batch[1]]);
  });
});

describe('Kinesis: data is base64 JSON', () => {
  const event = makeKinesisEvent([{ city: 'Los Angeles', temperature: 55 }, 'not json', new Uint8Array([0xff, 0xfe])], {
    partitionKey: 'p1',
  });

  it('a record as Lambda delivers it (payload under kinesis) and as Pipes flattens it', () => {
    const p = criteria({ partitionKey: ['p1'], data: { temperature: [{ numeric: ['>', 50, '<=', 60] }] } });
    expect(matchesFilterCriteria(p, event.Records[0], { source: 'kinesis' })).toBe(true);
    expect(matchesFilterCriteria(p, toPipesSourceBatch(event)[0], { source: 'pipes:kinesis' })).toBe(true);
    expect(
      matchesFilterCriteria(criteria({ data: { temperature: [{ numeric: ['>', 60] }] } }), event.Records[0], {
        source: 'kinesis',
      }),
    ).toBe(false);
  });

  it('data that is not JSON (or not UTF-8) matches no pattern on data; metadata patterns still apply', () => {
    const onData = criteria({ data: { temperature: [{ exists: false }] } });
    expect(matchesFilterCriteria(onData, event.Records[1], { source: 'kinesis' })).toBe(false);
    expect(matchesFilterCriteria(onData, event.Records[2], { source: 'kinesis' })).toBe(false);
    expect(matchesFilterCriteria(criteria({ partitionKey: ['p1'] }), event.Records[1], { source: 'kinesis' })).toBe(
      true,
    );
  });

  it('a plain-value pattern on data is rejected at create time', () => {
    expect(() => compileFilterCriteria(criteria({ data: ['not json'] }), { source: 'kinesis' })).toThrow(
      FilterCriteriaError,
    );
    expect(() =>
      compileFilterCriteria(criteria({ $or: [{ data: ['x'] }, { partitionKey: ['p'] }] }), { source: 'kinesis' }),
    ).toThrow('Invalid filter pattern definition.');
    expect(() => compileFilterCriteria(criteria({ data: ['x'] }), { source: 'sqs' })).not.toThrow();
  });
});

describe('DynamoDB: the stream record as delivered', () => {
  const event = makeDynamoDBStreamEvent(
    [
      dynamodbChange.insert({ Id: 101, Message: 'New item!' }),
      dynamodbChange.modify({ Id: 102, n: 1 }, { Id: 102, n: 2 }),
    ],
    { keys: ['Id'] },
  );

  it('filters on AttributeValue JSON (N values are strings) and on eventName', () => {
    expect(
      matchesFilterCriteria(criteria({ dynamodb: { Keys: { Id: { N: ['101'] } } } }), event.Records[0], {
        source: 'dynamodb',
      }),
    ).toBe(true);
    expect(
      matchesFilterCriteria(criteria({ dynamodb: { Keys: { Id: { N: [101] } } } }), event.Records[0], {
        source: 'dynamodb',
      }),
    ).toBe(false);
    expect(matchesFilterBatchNames(criteria({ eventName: ['MODIFY'] }), event.Records)).toEqual([1]);
  });

  function matchesFilterBatchNames(c: FilterCriteria, records: readonly unknown[]): number[] {
    const { kept } = filterBatch(c, records, { source: 'dynamodb' });
    return kept.map((r) => records.indexOf(r));
  }
});

describe('MQ and Kafka: a format mismatch falls back to metadata-only filtering', () => {
  const message = (data: string | Uint8Array, id = 'ID:1') => ({
    messageID: id,
    messageType: 'jms/text-message',
    data: b64(data),
    redelivered: false,
  });

  it('JSON with JSON and text with text filter on data', () => {
    expect(
      matchesFilterCriteria(criteria({ data: { temp: [{ numeric: ['>', 30] }] } }), message('{"temp": 35}'), {
        source: 'mq',
      }),
    ).toBe(true);
    expect(
      matchesFilterCriteria(criteria({ data: { temp: [{ numeric: ['>', 30] }] } }), message('{"temp": 25}'), {
        source: 'mq',
      }),
    ).toBe(false);
    expect(matchesFilterCriteria(criteria({ data: ['hello'] }), message('hello'), { source: 'activemq' })).toBe(true);
    expect(matchesFilterCriteria(criteria({ data: ['hello'] }), message('bye'), { source: 'rabbitmq' })).toBe(false);
  });

  it('a mismatch ignores the data part: only metadata filters', () => {
    const p = criteria({ messageID: ['ID:1'], data: { temp: [{ numeric: ['>', 30] }] } });
    expect(matchesFilterCriteria(p, message('plain text'), { source: 'mq' })).toBe(true);
    expect(matchesFilterCriteria(p, message('plain text', 'ID:2'), { source: 'mq' })).toBe(false);
    expect(
      matchesFilterCriteria(criteria({ messageID: ['ID:1'], data: ['hello'] }), message('{"a": 1}'), { source: 'mq' }),
    ).toBe(true);
    // Not UTF-8: metadata only, whatever the pattern's form.
    expect(matchesFilterCriteria(p, message(new Uint8Array([0xc3, 0x28])), { source: 'mq' })).toBe(true);
    // Nothing but data in the pattern: nothing left to filter on.
    expect(matchesFilterCriteria(criteria({ data: { temp: [1] } }), message('text'), { source: 'mq' })).toBe(true);
  });

  it('Kafka: key and value are decoded and judged separately', () => {
    const record = {
      topic: 'orders',
      partition: 0,
      offset: 15,
      timestamp: 1545084650987,
      timestampType: 'CREATE_TIME',
      key: b64('order-1'),
      value: b64('{"total": 40}'),
      headers: [],
    };
    const p = criteria({ key: [{ prefix: 'order-' }], value: { total: [{ numeric: ['>=', 40] }] } });
    expect(matchesFilterCriteria(p, record, { source: 'kafka' })).toBe(true);
    expect(matchesFilterCriteria(p, { ...record, key: b64('refund-1') }, { source: 'msk' })).toBe(false);
    expect(matchesFilterCriteria(p, { ...record, value: b64('not json') }, { source: 'self-managed-kafka' })).toBe(
      true,
    );
    expect(
      matchesFilterCriteria(p, { ...record, value: b64('not json'), key: b64('x') }, { source: 'pipes:kafka' }),
    ).toBe(false);
  });
});

describe('FilterCriteria: shape, limits and Lambda errors', () => {
  const [record] = makeSqsEvent(['hello']).Records;

  it('no filters: every record passes', () => {
    expect(matchesFilterCriteria({}, record, { source: 'sqs' })).toBe(true);
    expect(matchesFilterCriteria({ Filters: [] }, record, { source: 'sqs' })).toBe(true);
  });

  it('filters are ORed; 5 by default, up to 10 with maxFilters', () => {
    const six = criteria(...Array.from({ length: 6 }, (_, i) => ({ body: [`m${i}`] })));
    expect(() => compileFilterCriteria(six, { source: 'sqs' })).toThrow(FilterCriteriaError);
    expect(matchesFilterCriteria(six, record, { source: 'sqs', maxFilters: 10 })).toBe(false);
    expect(matchesFilterCriteria(criteria({ body: ['x'] }, { body: ['hello'] }), record, { source: 'sqs' })).toBe(true);
    expect(() => compileFilterCriteria(six, { source: 'sqs', maxFilters: 11 })).toThrow(
      /maxFilters must be an integer from 1 to 10/,
    );
  });

  it('a pattern over 4,096 characters, empty, not a string or invalid', () => {
    const long = JSON.stringify({ body: ['x'.repeat(4100)] });
    const error = (() => {
      try {
        compileFilterCriteria(criteria(long), { source: 'sqs' });
      } catch (e) {
        return e as FilterCriteriaError;
      }
      throw new Error('no error');
    })();
    expect(error.code).toBe('ValidationException');
    expect(error.message).toContain('Member must have length less than or equal to 4096');
    expect(() =>
      compileFilterCriteria(criteria(JSON.stringify({ body: ['x'.repeat(4080)] })), { source: 'sqs' }),
    ).not.toThrow();
    for (const bad of [
      { Filters: [{ Pattern: '' }] },
      { Filters: [{}] },
      { Filters: [{ Pattern: { body: ['x'] } }] },
      { Filters: 'x' },
    ] as unknown as FilterCriteria[]) {
      expect(() => compileFilterCriteria(bad, { source: 'sqs' })).toThrow('Invalid filter pattern definition.');
    }
    try {
      compileFilterCriteria(criteria('{"body": [{"prefx": "a"}]}'), { source: 'sqs' });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(FilterCriteriaError);
      expect((e as FilterCriteriaError).message).toBe('Invalid filter pattern definition.');
      expect((e as FilterCriteriaError).code).toBe('InvalidParameterValueException');
      expect((e as FilterCriteriaError).reason).toBe('Unrecognized match type prefx');
      expect((e as FilterCriteriaError).filterIndex).toBe(0);
    }
  });

  it('the source names are the kit’s, with the short forms and pipes: variants; others are refused', () => {
    expect(FILTER_SOURCES).toEqual(
      expect.arrayContaining([
        'sqs',
        'sqs-fifo',
        'kinesis',
        'dynamodb',
        'activemq',
        'rabbitmq',
        'msk',
        'self-managed-kafka',
        'mq',
        'kafka',
        'pipes:sqs',
        'pipes:kafka',
      ]),
    );
    expect(FILTER_SOURCES).not.toContain('eventbridge');
    expect(() => matchesFilterCriteria({}, record, { source: 'eventbridge' as never })).toThrow(
      /options.source must name the event source/,
    );
    expect(() => matchesFilterCriteria({}, record, undefined as never)).toThrow(TypeError);
  });

  it('a record that is not an object, records that are not an array', () => {
    expect(() => matchesFilterCriteria(criteria({ body: ['x'] }), [record], { source: 'sqs' })).toThrow(
      EventPatternInputError,
    );
    expect(() => matchesFilterCriteria(criteria({ body: ['x'] }), 'x', { source: 'sqs' })).toThrow(
      /record must be a JSON object/,
    );
    expect(() => filterBatch(criteria({ body: ['x'] }), { Records: [] } as never, { source: 'sqs' })).toThrow(
      /records must be an array/,
    );
    expect(() => filterBatch(criteria({ body: ['x'] }), [record, 5], { source: 'sqs' })).toThrow(/records\[1\]/);
  });
});

describe('filterBatch', () => {
  it('keeps order and explains every drop with the closest filter', () => {
    const records = makeSqsEvent([
      { body: { type: 'order', total: 5 } },
      { body: { type: 'refund' } },
      { body: 'plain' },
      { body: { type: 'order', total: 50 } },
    ]).Records;
    const c = criteria({ body: { type: ['order'], total: [{ numeric: ['>', 10] }] } }, { body: ['other'] });
    const { kept, dropped } = filterBatch(c, records, { source: 'sqs' });
    expect(kept).toEqual([records[3]]);
    expect(dropped.map((d) => d.record)).toEqual([records[0], records[1], records[2]]);
    for (const d of dropped) expect(d.explanation.matches).toBe(false);
    // The first record matches the type but not the total: filter 1 explains it.
    expect(dropped[0]!.explanation.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.type', matched: true }),
        expect.objectContaining({ path: 'body.total', matched: false, actual: 5 }),
      ]),
    );
    expect(dropped[0]!.reason).toMatch(/^filter 1: does not match/);
    expect(dropped.map((d) => d.filter)).toEqual([0, 0, 0]);
    // A plain body is closest to the plain-value filter when that one shares a field with it.
    const two = filterBatch(
      criteria({ body: { type: ['order'] } }, { body: ['plain'], messageId: ['x'] }),
      [records[2]!],
      { source: 'sqs' },
    );
    expect(two.dropped[0]!.filter).toBe(1);
    expect(dropped[2]!.reason).toMatch(/body is not a JSON object/);
  });
});

describe('hostile records', () => {
  it('a 10,000-deep record and a 10,000-deep JSON body are matched, a cyclic record is a clear error', () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const [record] = makeSqsEvent(['{}']).Records;
    expect(
      matchesFilterCriteria(
        criteria({ messageId: [record!.messageId] }),
        { ...record, attributes: deep },
        { source: 'sqs' },
      ),
    ).toBe(true);
    const body = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(
      matchesFilterCriteria(criteria({ body: { a: [{ exists: true }] } }), { ...record, body }, { source: 'sqs' }),
    ).toBe(false);
    expect(
      matchesFilterCriteria(
        criteria({ body: { a: { a: [{ exists: false }] } } }),
        { ...record, body },
        { source: 'sqs' },
      ),
    ).toBe(true);
    const cyclic: Record<string, unknown> = { ...record };
    cyclic.self = cyclic;
    expect(() => matchesFilterCriteria(criteria({ body: ['x'] }), cyclic, { source: 'sqs' })).toThrow(
      EventPatternInputError,
    );
  });
});

describe('properties: a filter is the event pattern on the decoded record', () => {
  const words = ['order', 'refund', 'Order', 'or', ''];
  const leaf = fc.oneof(fc.constantFrom(...words), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null));
  const body = fc.dictionary(fc.constantFrom('type', 'n', 'tag'), fc.oneof(leaf, fc.array(leaf, { maxLength: 3 })), {
    maxKeys: 3,
  });
  const matcher = fc.oneof(
    leaf,
    fc.constantFrom(...words).map((w) => ({ prefix: w })),
    fc.integer({ min: -5, max: 5 }).map((n) => ({ numeric: ['>', n] })),
    fc.boolean().map((b) => ({ exists: b })),
    fc.constantFrom(...words.filter((w) => w !== '')).map((w) => ({ 'anything-but': [w] })),
  );
  const fields = fc.dictionary(fc.constantFrom('type', 'n', 'tag'), fc.array(matcher, { minLength: 1, maxLength: 3 }), {
    minKeys: 1,
    maxKeys: 3,
  });
  const [base] = makeSqsEvent(['{}']).Records;
  const { eventSource: _s, eventSourceARN: _a, awsRegion: _r, ...unfiltered } = base!;

  it('SQS: a JSON body matches as the pattern matches the record with the body parsed', () => {
    fc.assert(
      fc.property(body, fields, (b, f) => {
        const pattern = { body: f };
        const record = { ...base, body: JSON.stringify(b) };
        const expected = testEventPattern(pattern, { ...unfiltered, body: b });
        expect(matchesFilterCriteria(criteria(pattern), record, { source: 'sqs' })).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('Kinesis: base64 data and the same data decoded give the same verdict as the engine', () => {
    fc.assert(
      fc.property(body, fields, fc.boolean(), (b, f, withKey) => {
        const pattern = withKey ? { partitionKey: ['p1'], data: f } : { data: f };
        const [record] = makeKinesisEvent([b], { partitionKey: 'p1' }).Records;
        const flat = { ...record!.kinesis, data: b };
        const expected = testEventPattern(pattern, flat);
        expect(matchesFilterCriteria(criteria(pattern), record, { source: 'kinesis' })).toBe(expected);
        expect(
          matchesFilterCriteria(
            criteria(pattern),
            { ...record, kinesis: { ...record!.kinesis, data: b } },
            { source: 'kinesis' },
          ),
        ).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('MQ: text data with a JSON pattern filters exactly as the pattern without its data part', () => {
    fc.assert(
      fc.property(fields, fc.constantFrom('ID:1', 'ID:2'), fc.string({ maxLength: 8 }), (f, id, text) => {
        fc.pre(!/^\s*\{/.test(text));
        const message = { messageID: id, data: b64(text) };
        const verdict = matchesFilterCriteria(criteria({ messageID: ['ID:1'], data: f }), message, { source: 'mq' });
        expect(verdict).toBe(id === 'ID:1');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('dotted keys name the data field too', () => {
  it('"body.type" is a JSON pattern on body; "data.temp" on MQ data', () => {
    const [json, plain] = makeSqsEvent([{ body: { type: 'order' } }, { body: 'order' }]).Records;
    expect(matchesFilterCriteria(criteria({ 'body.type': ['order'] }), json, { source: 'sqs' })).toBe(true);
    expect(matchesFilterCriteria(criteria({ 'body.type': [{ exists: false }] }), plain, { source: 'sqs' })).toBe(false);
    const message = { messageID: 'ID:1', data: b64('plain') };
    expect(
      matchesFilterCriteria(criteria({ messageID: ['ID:1'], 'data.temp': [{ numeric: ['>', 1] }] }), message, {
        source: 'mq',
      }),
    ).toBe(true);
  });
});

describe("fields: 'data-only'", () => {
  it('patterns see only the data field', () => {
    const [record] = makeKinesisEvent([{ n: 1 }], { partitionKey: 'p1' }).Records;
    expect(matchesFilterCriteria(criteria({ partitionKey: ['p1'] }), record, { source: 'kinesis' })).toBe(true);
    expect(
      matchesFilterCriteria(criteria({ partitionKey: ['p1'] }), record, { source: 'kinesis', fields: 'data-only' }),
    ).toBe(false);
    expect(
      matchesFilterCriteria(criteria({ partitionKey: [{ exists: false }], data: { n: [1] } }), record, {
        source: 'kinesis',
        fields: 'data-only',
      }),
    ).toBe(true);
    expect(() =>
      matchesFilterCriteria(criteria({ data: { n: [1] } }), record, { source: 'kinesis', fields: 'all' as never }),
    ).toThrow(/options.fields/);
  });
});
