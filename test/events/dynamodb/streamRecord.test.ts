/**
 * The DynamoDB Streams record and batch mappers (`streamRecord.ts`): every part a record is made
 * of is checked at the call and named in the error; the batch limits (1 to 10,000 records, Lambda's
 * 6 MB payload) hold at their edges; the JSON-length bound the payload check trusts is never below
 * the real length; the tumbling-window parts are checked too.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeValue } from '../../../arbitraries/attributeValue.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import {
  buildDynamoDBStreamRecord,
  dynamoDBStreamSizeBytes,
  toDynamoDBStreamEvent,
  toDynamoDBStreamRecord,
  toDynamoDBTumblingWindowEvent,
  type DynamoDBStreamEntryParts,
  type DynamoDBStreamRecordParts,
  type DynamoDBStreamSourceParts,
} from '../../../src/events/dynamodb/streamRecord.js';
import type { AttributeMap, DynamoDBWindowParts, StreamViewType } from '../../../src/events/dynamodb/types.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

const SOURCE: DynamoDBStreamSourceParts = {
  keyNames: ['Id'],
  streamViewType: 'NEW_AND_OLD_IMAGES',
  table: 'Orders',
  streamLabel: '2020-07-01T00:00:00.000',
  region: 'eu-west-1',
  account: '123456789012',
  partition: 'aws',
};
const CREATED = Date.parse('2020-07-01T00:00:00.000Z');
const entry = (i: number, change: Partial<DynamoDBStreamEntryParts> = {}): DynamoDBStreamEntryParts => ({
  eventName: 'INSERT',
  newImage: { Id: { N: String(i) } },
  sequenceNumber: String(100000000000000000000n + BigInt(i)),
  eventId: i.toString(16).padStart(32, '0'),
  time: new Date(CREATED + 1000),
  ...change,
});
const PARTS: DynamoDBStreamRecordParts = { ...SOURCE, ...entry(1) };

/** The EventInputError `call` throws (fails the test if it throws anything else, or nothing). */
function thrown(call: () => unknown): EventInputError {
  try {
    call();
  } catch (error) {
    if (error instanceof EventInputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('toDynamoDBStreamRecord: parts DynamoDB could not have produced', () => {
  it.each<[string, Partial<DynamoDBStreamRecordParts>, string, string]>([
    // A 21-digit number prints as 21 digits: only its type gives it away.
    [
      'a SequenceNumber given as a number',
      { sequenceNumber: 1e20 as never },
      'parts.sequenceNumber',
      'is not a SequenceNumber (21 to 40 digits',
    ],
    [
      'a SequenceNumber with a leading zero',
      { sequenceNumber: `0${'1'.repeat(20)}` },
      'parts.sequenceNumber',
      'no leading zero',
    ],
    [
      'a SequenceNumber of 41 digits',
      { sequenceNumber: '1'.repeat(41) },
      'parts.sequenceNumber',
      'is not a SequenceNumber',
    ],
    [
      'an eventID in an array',
      { eventId: ['a'.repeat(32)] as never },
      'parts.eventId',
      'is not a stream eventID (32 lower-case hex digits)',
    ],
    ['an upper-case eventID', { eventId: 'A'.repeat(32) }, 'parts.eventId', 'is not a stream eventID'],
    [
      'a stream label in an array',
      { streamLabel: ['2020-07-01T00:00:00.000'] as never },
      'parts.streamLabel',
      'is not a stream label (YYYY-MM-DDTHH:MM:SS.mmm)',
    ],
    [
      'a time given as a string',
      { time: '2020-07-01T00:00:01Z' as never },
      'parts.time',
      'must be a valid Date, got "2020-07-01T00:00:01Z"',
    ],
    ['an invalid Date', { time: new Date(Number.NaN) }, 'parts.time', 'must be a valid Date, got an invalid Date'],
    [
      'a time 1 ms before the stream existed',
      { time: new Date(CREATED - 1) },
      'parts.time',
      'is before the stream was created (label 2020-07-01T00:00:00.000)',
    ],
    [
      'an unknown event version',
      { eventVersion: '2.0' as never },
      'parts.eventVersion',
      'must be "1.1" or "1.0", got "2.0"',
    ],
    ['bad key names', { keyNames: [] }, 'parts.keyNames', ''],
    ['a bad region', { region: 'mars-1' }, 'parts.region', ''],
    ['a bad account', { account: '123' }, 'parts.account', ''],
    [
      'a partition the region is not in',
      { partition: 'aws-cn' },
      'parts.partition',
      'does not match region "eu-west-1", which is in partition "aws"',
    ],
    [
      'TTL on a MODIFY',
      { eventName: 'MODIFY', oldImage: { Id: { N: '1' }, a: { S: 'x' } }, ttl: true },
      'parts.ttl',
      'is set on MODIFY; only Time to Live deletions (REMOVE)',
    ],
  ])('refuses %s, naming it', (_name, change, argument, rule) => {
    const error = thrown(() => toDynamoDBStreamRecord({ ...PARTS, ...change }));
    expect(error.api).toBe('toDynamoDBStreamRecord');
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(rule);
  });

  it('accepts a change at the very millisecond the stream was created', () => {
    const record = toDynamoDBStreamRecord({ ...PARTS, time: new Date(CREATED) });
    expect(record.dynamodb.ApproximateCreationDateTime).toBe(CREATED / 1000);
  });

  it('writes eventVersion 1.1 by default and 1.0 when asked', () => {
    expect(toDynamoDBStreamRecord(PARTS).eventVersion).toBe('1.1');
    expect(toDynamoDBStreamRecord({ ...PARTS, eventVersion: '1.0' }).eventVersion).toBe('1.0');
    expect(toDynamoDBStreamRecord({ ...PARTS, eventVersion: '1.1' }).eventVersion).toBe('1.1');
  });

  it('adds the DynamoDB service identity to Time to Live deletions only', () => {
    const remove = { ...PARTS, eventName: 'REMOVE' as const, newImage: undefined, oldImage: { Id: { N: '1' } } };
    expect(toDynamoDBStreamRecord({ ...remove, ttl: true }).userIdentity).toEqual({
      type: 'Service',
      principalId: 'dynamodb.amazonaws.com',
    });
    expect(toDynamoDBStreamRecord({ ...remove, ttl: false })).not.toHaveProperty('userIdentity');
    expect(toDynamoDBStreamRecord(remove)).not.toHaveProperty('userIdentity');
    expect(toDynamoDBStreamRecord(PARTS)).not.toHaveProperty('userIdentity');
  });
});

describe('dynamoDBStreamSizeBytes', () => {
  it('adds the sizes of the maps a record carries, an absent one counting 0', () => {
    expect(dynamoDBStreamSizeBytes({ size: 4 }, { size: 10 }, { size: 12 })).toBe(26);
    expect(dynamoDBStreamSizeBytes(undefined, { size: 10 }, undefined)).toBe(10);
    expect(dynamoDBStreamSizeBytes({ size: 4 }, undefined, { size: 12 })).toBe(16);
    expect(dynamoDBStreamSizeBytes(undefined, undefined, undefined)).toBe(0);
  });
});

describe('toDynamoDBStreamEvent: batch limits', () => {
  it('names the source part that is wrong', () => {
    const error = thrown(() => toDynamoDBStreamEvent({ ...SOURCE, table: 'a b' }, [entry(1)]));
    expect(error.argument).toBe('source.table');
    expect(thrown(() => toDynamoDBStreamEvent(SOURCE, [entry(1, { eventId: 'x' })])).argument).toBe(
      'entries[0].eventId',
    );
  });

  it('builds 10,000 records and refuses 10,001', () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => entry(i));
    const event = toDynamoDBStreamEvent(SOURCE, entries.slice(0, 10_000));
    expect(event.Records).toHaveLength(10_000);
    expect(event.Records[9_999]?.dynamodb.SequenceNumber).toBe('100000000000000009999');
    expect(() => toDynamoDBStreamEvent(SOURCE, entries)).toThrow(
      "toDynamoDBStreamEvent: entries holds 10001 records, over Lambda's DynamoDB Streams batch maximum of 10000",
    );
  });

  it('refuses a batch of lists of false just over 6 MB (each {"BOOL":false} is 14 bytes of JSON)', () => {
    // Two MODIFYs carrying a 110,000-element list in both images: about 6.6 MB of JSON, items of 220 KB.
    const list = { L: Array.from({ length: 110_000 }, () => ({ BOOL: false })) };
    const entries = [0, 1].map((i) =>
      entry(i, {
        eventName: 'MODIFY',
        oldImage: { Id: { N: '1' }, l: list },
        newImage: { Id: { N: '1' }, l: list, changed: { S: String(i) } },
      }),
    );
    const bytes = Buffer.byteLength(
      JSON.stringify({ Records: entries.map((e) => toDynamoDBStreamRecord({ ...SOURCE, ...e })) }),
    );
    expect(bytes).toBeGreaterThan(6 * 1024 * 1024);
    expect(() => toDynamoDBStreamEvent(SOURCE, entries)).toThrow(`serialises to ${bytes} bytes, over Lambda's 6 MB`);
  });
});

/** Table names from 3 to 255 characters, so the ARN's share of a record varies. */
const tableName = fc.constantFrom('abc', 'Orders', 'a.b-c_D', 'T'.repeat(255));
const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-5', 'us-gov-west-1', 'cn-northwest-1');
const keyValue = fc.oneof(
  fc.string({ minLength: 1, maxLength: 300 }).map((S) => ({ S })),
  fc.string({ unit: fc.constantFrom('\u0000', '"', 'é', '😀'), minLength: 1, maxLength: 200 }).map((S) => ({ S })),
  fc.constantFrom({ N: '1' }, { N: '-9.9999999999999999999999999999999999999E+125' }, { B: 'AQ==' }),
);
const otherAttributes = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 5 }).filter((name) => name !== 'Id'),
  attributeValue(),
  { maxKeys: 3 },
);
const recordParts = fc
  .record({
    table: tableName,
    region,
    streamViewType: fc.constantFrom<StreamViewType>('KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'),
    eventName: fc.constantFrom('INSERT', 'MODIFY', 'REMOVE'),
    key: keyValue,
    before: otherAttributes,
    after: otherAttributes,
    ttl: fc.boolean(),
    sequenceNumber: fc.bigInt({ min: 10n ** 20n, max: 10n ** 40n - 1n }).map(String),
    seconds: fc.integer({ min: 0, max: 2 ** 32 }),
  })
  .map(({ table, region, streamViewType, eventName, key, before, after, ttl, sequenceNumber, seconds }) => {
    const oldImage: AttributeMap = { ...before, Id: key };
    // A MODIFY changes something: a marker attribute only the new image has.
    const newImage: AttributeMap = { ...after, Id: key, ...(eventName === 'MODIFY' && { marker: { NULL: true } }) };
    const parts: DynamoDBStreamRecordParts = {
      ...SOURCE,
      table,
      region,
      partition: region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
      streamViewType,
      eventName,
      newImage: eventName === 'REMOVE' ? undefined : newImage,
      oldImage: eventName === 'INSERT' ? undefined : oldImage,
      ttl: eventName === 'REMOVE' && ttl,
      sequenceNumber,
      eventId: 'f'.repeat(32),
      time: new Date(CREATED + seconds * 1000),
    };
    return parts;
  });

describe('the JSON-length bound of records and batches', () => {
  it("is never below a record's real JSON length, and not loose beyond a fixed allowance", () => {
    fc.assert(
      fc.property(recordParts, (parts) => {
        const built = buildDynamoDBStreamRecord('test', parts);
        const bytes = Buffer.byteLength(JSON.stringify(built.record));
        expect(built.jsonBound).toBeGreaterThanOrEqual(bytes);
        expect(built.jsonBound).toBeLessThanOrEqual(6 * bytes + 1024);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('holds for the largest record envelope: a Time to Live REMOVE, 40-digit SequenceNumber, 255-character table', () => {
    const built = buildDynamoDBStreamRecord('test', {
      ...SOURCE,
      table: 'T'.repeat(255),
      region: 'ap-southeast-5',
      streamViewType: 'KEYS_ONLY',
      eventName: 'REMOVE',
      oldImage: { Id: { N: '1' } },
      ttl: true,
      sequenceNumber: '9'.repeat(40),
      eventId: 'f'.repeat(32),
      time: new Date('2100-01-01T00:00:00Z'),
    });
    expect(built.jsonBound).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(built.record)));
  });
});

describe('toDynamoDBTumblingWindowEvent: window parts', () => {
  const START = CREATED + 3_600_000;
  const window: DynamoDBWindowParts = {
    shardId: 'shardId-00000001593561600000-8a3f0c1d',
    start: START,
    end: START + 60_000,
    state: {},
    isFinalInvokeForWindow: false,
    isWindowTerminatedEarly: false,
  };
  const inWindow = [entry(1, { time: new Date(START) })];

  it('accepts shard ids of 28 and 65 characters, refuses 27 and 66', () => {
    for (const length of [28, 65]) {
      const shardId = `shardId-${'0'.repeat(length - 8)}`;
      expect(toDynamoDBTumblingWindowEvent(SOURCE, inWindow, { ...window, shardId }).shardId).toBe(shardId);
    }
    for (const length of [27, 66]) {
      const shardId = `shardId-${'0'.repeat(length - 8)}`;
      expect(thrown(() => toDynamoDBTumblingWindowEvent(SOURCE, inWindow, { ...window, shardId })).message).toContain(
        `window.shardId "${shardId.slice(0, 77)}`,
      );
    }
  });

  it('refuses window parts that are not an object, naming the window', () => {
    for (const bad of ['window', 42, null]) {
      const error = thrown(() => toDynamoDBTumblingWindowEvent(SOURCE, inWindow, bad as never));
      expect(error.argument).toBe('window');
      expect(error.message).toContain('must be the window parts { shardId, start, end, state');
    }
    // No records and no window: an EventInputError, not a TypeError.
    expect(() => toDynamoDBTumblingWindowEvent(SOURCE, [], null as never)).toThrow(EventInputError);
  });

  it('keeps the records of a final invocation that has some', () => {
    const final = { ...window, isFinalInvokeForWindow: true };
    expect(toDynamoDBTumblingWindowEvent(SOURCE, inWindow, final).Records).toHaveLength(1);
    expect(toDynamoDBTumblingWindowEvent(SOURCE, [], final).Records).toEqual([]);
  });

  it('says records are assigned to windows by their creation time', () => {
    const late = [entry(1, { time: new Date(START + 60_000) })];
    expect(thrown(() => toDynamoDBTumblingWindowEvent(SOURCE, late, window)).message).toContain(
      'is outside the window [2020-07-01T01:00:00.000Z, 2020-07-01T01:01:00.000Z): Lambda assigns records to windows by their creation time',
    );
  });

  it('names the source part that is wrong', () => {
    expect(thrown(() => toDynamoDBTumblingWindowEvent({ ...SOURCE, account: 'x' }, inWindow, window)).argument).toBe(
      'source.account',
    );
  });
});
