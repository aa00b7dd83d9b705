import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { itemSizeBytes } from '../../../src/events/dynamodb/attributeValue.js';
import { dynamoDBKinesisPartitionKey, toDynamoDBKinesisPayload } from '../../../src/events/dynamodb/kinesisPayload.js';
import {
  firstSequenceNumber,
  isSequenceNumber,
  nextSequenceNumber,
  parseDynamoDBArn,
  streamEventId,
  streamLabel,
} from '../../../src/events/dynamodb/ids.js';
import {
  buildDynamoDBStreamRecord,
  toDynamoDBStreamEvent,
  toDynamoDBStreamRecord,
  type DynamoDBStreamRecordParts,
} from '../../../src/events/dynamodb/streamRecord.js';
import type { AttributeMap, StreamViewType } from '../../../src/events/dynamodb/types.js';
import { createRandom } from '../../../src/_internals/random.js';
import { expectValidStreamEvent, expectValidStreamRecord, mapSize } from './_invariants.js';

/**
 * SizeBytes of real records, kept as our own data: Keys, images and SizeBytes from
 * aws-sam-cli DynamoDBUpdate.json (= aws-lambda-java-libs dynamo_event.json), aws-lambda-go
 * dynamodb-event.json record 1, and the Powertools DynamoDB → Kinesis capture (kinesis/dynamodb-stream.json).
 */
const REAL_SIZES: { sample: string; maps: AttributeMap[]; sizeBytes: number }[] = [
  {
    sample: 'sam INSERT',
    maps: [{ Id: { N: '101' } }, { Message: { S: 'New item!' }, Id: { N: '101' } }],
    sizeBytes: 26,
  },
  {
    sample: 'sam MODIFY',
    maps: [
      { Id: { N: '101' } },
      { Message: { S: 'This item has changed' }, Id: { N: '101' } },
      { Message: { S: 'New item!' }, Id: { N: '101' } },
    ],
    sizeBytes: 59,
  },
  {
    sample: 'sam REMOVE',
    maps: [{ Id: { N: '101' } }, { Message: { S: 'This item has changed' }, Id: { N: '101' } }],
    sizeBytes: 38,
  },
  {
    sample: 'lambda-go record 1',
    maps: [
      { val: { S: 'data' }, key: { S: 'binary' } },
      { val: { S: 'data' }, asdf1: { B: 'AAEqQQ==' }, asdf2: { BS: ['AAEqQQ==', 'QSoBAA=='] }, key: { S: 'binary' } },
    ],
    sizeBytes: 54,
  },
  {
    sample: 'powertools KDS capture',
    maps: [{ id: { S: 'record-1qit2y819gi' } }, { id: { S: 'record-1qit2y819gi' }, data: { S: 'data-x6aq7ckdpgk' } }],
    sizeBytes: 60,
  },
];

const PARTS: DynamoDBStreamRecordParts = {
  eventName: 'MODIFY',
  keyNames: ['Id'],
  newImage: { Message: { S: 'This item has changed' }, Id: { N: '101' } },
  oldImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
  streamViewType: 'NEW_AND_OLD_IMAGES',
  sequenceNumber: '4421584500000000017450439092',
  eventId: 'c81e728d9d4c2f636f067f89cc14862c',
  time: new Date('2015-07-09T00:00:00Z'),
  table: 'ExampleTableWithStream',
  streamLabel: '2015-06-27T00:48:05.899',
  region: 'us-east-1',
  account: '123456789012',
  partition: 'aws',
};

describe('item-size formula', () => {
  it.each(REAL_SIZES)('reproduces SizeBytes of the real $sample record', ({ maps, sizeBytes }) => {
    expect(maps.reduce((sum, map) => sum + itemSizeBytes(map), 0)).toBe(sizeBytes);
    expect(maps.reduce((sum, map) => sum + mapSize(map), 0)).toBe(sizeBytes);
  });

  it('counts L/M overhead, set members and canonical significant digits', () => {
    expect(itemSizeBytes({ m: { M: { a: { N: '100' }, b: { L: [{ NULL: true }, { BOOL: true }] } } } })).toBe(
      1 + 3 + (1 + 1 + 2) + (1 + 1 + 3 + 1 + 1 + 1 + 1),
    );
    expect(itemSizeBytes({ n: { N: '0.00120' } })).toBe(1 + 2);
    expect(itemSizeBytes({ s: { NS: ['1', '22', '333'] } })).toBe(1 + 2 + 2 + 3);
  });
});

describe('toDynamoDBStreamRecord', () => {
  it('maps the SAM MODIFY record field for field', () => {
    const record = toDynamoDBStreamRecord(PARTS);
    expect(record).toEqual({
      eventID: 'c81e728d9d4c2f636f067f89cc14862c',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: 1436400000,
        Keys: { Id: { N: '101' } },
        NewImage: PARTS.newImage,
        OldImage: PARTS.oldImage,
        SequenceNumber: '4421584500000000017450439092',
        SizeBytes: 59,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN:
        'arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899',
    });
    expect(DynamoDBStreamSchema.safeParse({ Records: [record] }).success).toBe(true);
  });

  it.each<[StreamViewType, 'INSERT' | 'MODIFY' | 'REMOVE']>([
    ['KEYS_ONLY', 'INSERT'],
    ['KEYS_ONLY', 'MODIFY'],
    ['KEYS_ONLY', 'REMOVE'],
    ['NEW_IMAGE', 'INSERT'],
    ['NEW_IMAGE', 'MODIFY'],
    ['NEW_IMAGE', 'REMOVE'],
    ['OLD_IMAGE', 'INSERT'],
    ['OLD_IMAGE', 'MODIFY'],
    ['OLD_IMAGE', 'REMOVE'],
    ['NEW_AND_OLD_IMAGES', 'INSERT'],
    ['NEW_AND_OLD_IMAGES', 'MODIFY'],
    ['NEW_AND_OLD_IMAGES', 'REMOVE'],
  ])('%s %s follows the image matrix and the invariants', (streamViewType, eventName) => {
    const parts = {
      ...PARTS,
      streamViewType,
      eventName,
      ...(eventName === 'INSERT' && { oldImage: undefined }),
      ...(eventName === 'REMOVE' && { newImage: undefined, ttl: true }),
    };
    expectValidStreamRecord(toDynamoDBStreamRecord(parts));
  });

  it('stores numbers canonically and sizes them by significant digits', () => {
    const record = toDynamoDBStreamRecord({
      ...PARTS,
      eventName: 'INSERT',
      oldImage: undefined,
      newImage: { Id: { N: '0101.0' }, x: { NS: ['1.50', '2'] } },
    });
    expect(record.dynamodb.Keys).toEqual({ Id: { N: '101' } });
    expect(record.dynamodb.NewImage).toEqual({ Id: { N: '101' }, x: { NS: ['1.5', '2'] } });
  });

  const bad: [string, Partial<DynamoDBStreamRecordParts>, string][] = [
    ['a missing key attribute', { newImage: { Message: { S: 'x' } } }, 'parts.newImage.Id is missing'],
    [
      'a key of type BOOL',
      { newImage: { Id: { BOOL: true } }, oldImage: { Id: { BOOL: true } } },
      'key attributes are S, N or B',
    ],
    [
      'an empty string key',
      { eventName: 'INSERT', oldImage: undefined, newImage: { Id: { S: '' } } },
      'must not be empty',
    ],
    [
      'a MODIFY that changes nothing',
      {
        newImage: { Id: { N: '101' }, n: { N: '1.0' }, s: { SS: ['a', 'b'] } },
        oldImage: { s: { SS: ['b', 'a'] }, n: { N: '1' }, Id: { N: '101' } },
      },
      'old and new items are equal',
    ],
    ['a MODIFY that changes the key', { newImage: { Id: { N: '102' } } }, 'cannot change key attributes'],
    ['an INSERT with an old item', { eventName: 'INSERT' }, 'must be absent for INSERT'],
    [
      'a REMOVE without an old item',
      { eventName: 'REMOVE', oldImage: undefined, newImage: undefined },
      'is required for REMOVE',
    ],
    ['TTL on an INSERT', { eventName: 'INSERT', oldImage: undefined, ttl: true }, 'only Time to Live deletions'],
    ['an unknown view type', { streamViewType: 'NEW' as StreamViewType }, 'is not a stream view type'],
    ['a short SequenceNumber', { sequenceNumber: '111' }, 'is not a SequenceNumber'],
    ['a placeholder eventID', { eventId: '1' }, 'is not a stream eventID'],
    ['a bad table name', { table: 'my table' }, "breaks DynamoDB's table naming rules"],
    ['a bad stream label', { streamLabel: '2015-06-27T00:48:05Z' }, 'is not a stream label'],
    ['a change before the stream existed', { time: new Date('2015-01-01T00:00:00Z') }, 'before the stream was created'],
    ['an item over 400 KB', { newImage: { Id: { N: '101' }, big: { S: 'x'.repeat(400 * 1024) } } }, 'over the 400 KB'],
    ['a duplicate set member', { newImage: { Id: { N: '101' }, s: { NS: ['1', '1.0'] } } }, 'twice'],
    ['an empty set', { newImage: { Id: { N: '101' }, s: { SS: [] } } }, 'is empty'],
    [
      'a value with two type keys',
      { newImage: { Id: { N: '101' }, s: { S: 'a', N: '1' } as never } },
      'exactly one type key',
    ],
    ['non-base64 binary', { newImage: { Id: { N: '101' }, b: { B: 'not base64!' } } }, 'standard base64'],
    [
      'nesting deeper than 32',
      {
        newImage: {
          Id: { N: '101' },
          deep: Array.from({ length: 33 }).reduce<object>((inner) => ({ L: [inner] }), { NULL: true }) as never,
        },
      },
      'deeper than',
    ],
    ['a region that disagrees with the partition', { partition: 'aws-cn' }, 'does not match region'],
  ];
  it.each(bad)('throws an EventInputError naming the argument on %s', (_name, change, message) => {
    const run = () => toDynamoDBStreamRecord({ ...PARTS, ...change });
    expect(run).toThrow(EventInputError);
    expect(run).toThrow(`toDynamoDBStreamRecord: parts`);
    expect(run).toThrow(message);
  });
});

describe('toDynamoDBStreamEvent', () => {
  const source = {
    keyNames: ['Id'],
    streamViewType: 'NEW_AND_OLD_IMAGES' as const,
    table: 'T-1',
    streamLabel: '2015-06-27T00:48:05.899',
    region: 'eu-west-1',
    account: '123456789012',
    partition: 'aws' as const,
  };
  const entry = {
    eventName: 'INSERT' as const,
    newImage: { Id: { N: '1' } },
    sequenceNumber: '100000000000000000001',
    eventId: 'a'.repeat(32),
    time: new Date('2016-01-01T00:00:00Z'),
  };

  it('builds a valid batch', () => {
    expectValidStreamEvent(
      toDynamoDBStreamEvent(source, [
        entry,
        {
          ...entry,
          eventName: 'REMOVE',
          newImage: undefined,
          oldImage: { Id: { N: '1' } },
          sequenceNumber: '100000000000000000002',
          eventId: 'b'.repeat(32),
          ttl: true,
        },
      ]),
    );
  });

  it('refuses empty batches, decreasing SequenceNumbers and batches over 6 MB', () => {
    expect(() => toDynamoDBStreamEvent(source, [])).toThrow('non-empty array');
    expect(() => toDynamoDBStreamEvent(source, [entry, { ...entry, eventId: 'b'.repeat(32) }])).toThrow(
      'strictly increase',
    );
    const big = { Id: { N: '1' }, blob: { S: '\u0001'.repeat(390 * 1024) } };
    const entries = Array.from({ length: 4 }, (_, i) => ({
      ...entry,
      newImage: { ...big, Id: { N: String(i) } },
      sequenceNumber: String(100000000000000000001n + BigInt(i)),
      eventId: String(i).repeat(32),
    }));
    expect(() => toDynamoDBStreamEvent(source, entries)).toThrow("over Lambda's 6 MB");
  });
});

describe('ids', () => {
  it('makes labels, ARNs, strictly increasing SequenceNumbers and hex eventIDs', () => {
    expect(streamLabel(new Date('2015-06-27T00:48:05.899Z'))).toBe('2015-06-27T00:48:05.899');
    expect(
      parseDynamoDBArn('arn:aws:dynamodb:us-east-1:123456789012:table/T-1/stream/2015-06-27T00:48:05.899'),
    ).toEqual({
      partition: 'aws',
      region: 'us-east-1',
      account: '123456789012',
      table: 'T-1',
      streamLabel: '2015-06-27T00:48:05.899',
    });
    expect(parseDynamoDBArn('stream-ARN')).toBeUndefined();
    const random = createRandom(7, 'test');
    let previous = firstSequenceNumber(random);
    for (let i = 0; i < 1000; i++) {
      expect(isSequenceNumber(previous)).toBe(true);
      const next = nextSequenceNumber(previous, random);
      expect(BigInt(next) > BigInt(previous)).toBe(true);
      previous = next;
    }
    expect(streamEventId(random)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('toDynamoDBKinesisPayload', () => {
  it('reproduces the real KDS capture', () => {
    const payload = toDynamoDBKinesisPayload({
      eventName: 'INSERT',
      keyNames: ['id'],
      newImage: { id: { S: 'record-1qit2y819gi' }, data: { S: 'data-x6aq7ckdpgk' } },
      eventId: 'd9428029-0f63-4056-86da-ce10d545b1b9',
      time: new Date(1731924555370),
      precision: 'MILLISECOND',
      table: 'PowertoolsEventsStack-DynamoDBTable59784FC0-8NKAMTERTAXY',
      region: 'eu-west-1',
    });
    // The decoded capture, byte for byte (Powertools kinesis/dynamodb-stream.json, record 1).
    expect(JSON.stringify(payload)).toBe(
      '{"awsRegion":"eu-west-1","eventID":"d9428029-0f63-4056-86da-ce10d545b1b9","eventName":"INSERT","userIdentity":null,"recordFormat":"application/json","tableName":"PowertoolsEventsStack-DynamoDBTable59784FC0-8NKAMTERTAXY","dynamodb":{"ApproximateCreationDateTime":1731924555370,"Keys":{"id":{"S":"record-1qit2y819gi"}},"NewImage":{"id":{"S":"record-1qit2y819gi"},"data":{"S":"data-x6aq7ckdpgk"}},"SizeBytes":60},"eventSource":"aws:dynamodb"}',
    );
  });

  it('uses microseconds under MICROSECOND precision, the TTL identity on TTL removals, and a stable partition key', () => {
    const payload = toDynamoDBKinesisPayload({
      eventName: 'REMOVE',
      keyNames: ['id'],
      oldImage: { id: { S: 'a' } },
      eventId: 'd9428029-0f63-4056-86da-ce10d545b1b9',
      time: new Date(1731924555370),
      microseconds: 42,
      precision: 'MICROSECOND',
      table: 'Tbl',
      region: 'eu-west-1',
      ttl: true,
    });
    expect(payload.dynamodb.ApproximateCreationDateTime).toBe(1731924555370042);
    expect(payload.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(payload.dynamodb.NewImage).toBeUndefined();
    expect(dynamoDBKinesisPartitionKey('Tbl', { id: { S: 'a' } })).toMatch(/^[0-9A-F]{32}$/);
    expect(dynamoDBKinesisPartitionKey('Tbl', { id: { S: 'a' } })).toBe(
      dynamoDBKinesisPartitionKey('Tbl', { id: { S: 'a' } }),
    );
    expect(dynamoDBKinesisPartitionKey('Tbl', { id: { S: 'a' } })).not.toBe(
      dynamoDBKinesisPartitionKey('Tbl', { id: { S: 'b' } }),
    );
    expect(() =>
      toDynamoDBKinesisPayload({
        eventName: 'INSERT',
        keyNames: ['id'],
        newImage: { id: { S: 'a' } },
        eventId: 'x',
        time: new Date(0),
        precision: 'NANOSECOND' as never,
        table: 'Tbl',
        region: 'eu-west-1',
      }),
    ).toThrow('is not a timestamp precision');
  });
});

describe('canonicalJson (test oracle)', () => {
  it('sorts set members but treats a map entry named SS, NS or BS as an AttributeValue', async () => {
    const { canonicalJson } = await import('./_invariants.js');
    expect(canonicalJson({ SS: ['b', 'a'] })).toBe(canonicalJson({ SS: ['a', 'b'] }));
    // Regression: a map key "SS" whose value is a binary set made the oracle throw (seed 1439297516).
    const nested = { M: { SS: { BS: ['AQ==', ''] } } };
    expect(() => canonicalJson(nested)).not.toThrow();
    expect(canonicalJson(nested)).toBe(canonicalJson({ M: { SS: { BS: ['', 'AQ=='] } } }));
    expect(canonicalJson({ M: { SS: { S: 'x' } } })).not.toBe(canonicalJson({ M: { SS: { S: 'y' } } }));
  });
});

describe('SequenceNumbers, MODIFY equality and the payload bound', () => {
  const source = {
    keyNames: ['Id'],
    streamViewType: 'NEW_AND_OLD_IMAGES' as const,
    table: 'T-1',
    streamLabel: '2015-06-27T00:48:05.899',
    region: 'eu-west-1',
    account: '123456789012',
    partition: 'aws' as const,
  };
  const entry = (sequenceNumber: string, i: number) => ({
    eventName: 'INSERT' as const,
    newImage: { Id: { N: String(i) } },
    sequenceNumber,
    eventId: i.toString(16).padStart(32, '0'),
    time: new Date('2016-01-01T00:00:00Z'),
  });

  it('orders SequenceNumbers of different digit counts by value, not as text', () => {
    // 21 digits, then 22: greater by value though "1…" sorts before "9…" as text.
    const event = toDynamoDBStreamEvent(source, [
      entry('999999999999999999999', 1),
      entry('1000000000000000000000', 2),
      entry('1000000000000000000001', 3),
    ]);
    expect(event.Records.map((r) => r.dynamodb.SequenceNumber)).toEqual([
      '999999999999999999999',
      '1000000000000000000000',
      '1000000000000000000001',
    ]);
    expect(() =>
      toDynamoDBStreamEvent(source, [entry('1000000000000000000000', 1), entry('999999999999999999999', 2)]),
    ).toThrow(
      "toDynamoDBStreamEvent: entries[1].sequenceNumber 999999999999999999999 is not greater than the previous record's 1000000000000000000000",
    );
    expect(() =>
      toDynamoDBStreamEvent(source, [entry('100000000000000000002', 1), entry('100000000000000000001', 2)]),
    ).toThrow('entries[1].sequenceNumber');
    expect(() =>
      toDynamoDBStreamEvent(source, [entry('100000000000000000001', 1), entry('100000000000000000001', 2)]),
    ).toThrow('strictly increase');
  });

  const modify = (oldImage: AttributeMap, newImage: AttributeMap) => () =>
    toDynamoDBStreamRecord({
      ...PARTS,
      oldImage: { Id: { N: '101' }, ...oldImage },
      newImage: { Id: { N: '101' }, ...newImage },
    });

  it('a MODIFY that changes one set member, one list element or one map value is a change', () => {
    expect(modify({ s: { SS: ['a', 'b'] } }, { s: { SS: ['a', 'c'] } })).not.toThrow();
    expect(modify({ s: { NS: ['1', '2'] } }, { s: { NS: ['1', '2', '3'] } })).not.toThrow();
    expect(modify({ s: { BS: ['AQ=='] } }, { s: { BS: ['Ag=='] } })).not.toThrow();
    expect(modify({ l: { L: [{ S: 'a' }, { S: 'b' }] } }, { l: { L: [{ S: 'b' }, { S: 'a' }] } })).not.toThrow(); // lists are ordered
    expect(modify({ l: { L: [{ S: 'a' }] } }, { l: { L: [{ S: 'a' }, { S: 'a' }] } })).not.toThrow();
    expect(modify({ m: { M: { a: { N: '1' } } } }, { m: { M: { a: { N: '2' } } } })).not.toThrow();
    expect(modify({ m: { M: { a: { N: '1' } } } }, { m: { M: { b: { N: '1' } } } })).not.toThrow();
    expect(modify({ m: { M: { a: { N: '1' } } } }, { m: { M: { a: { N: '1' }, b: { NULL: true } } } })).not.toThrow();
    expect(modify({ x: { S: '1' } }, { x: { N: '1' } })).not.toThrow(); // another type
    expect(modify({ x: { BOOL: true } }, { x: { BOOL: false } })).not.toThrow();
    expect(modify({ x: { S: 'a' } }, { y: { S: 'a' } })).not.toThrow(); // another name
  });

  it('a MODIFY whose images hold equal lists, maps and sets (in any member or key order) changes nothing', () => {
    const equal = 'old and new items are equal';
    expect(
      modify(
        { l: { L: [{ N: '1' }, { M: { a: { S: 'x' } } }] } },
        { l: { L: [{ N: '1.0' }, { M: { a: { S: 'x' } } }] } },
      ),
    ).toThrow(equal);
    expect(
      modify(
        { m: { M: { a: { N: '1' }, b: { SS: ['x', 'y'] } } } },
        { m: { M: { b: { SS: ['y', 'x'] }, a: { N: '1' } } } },
      ),
    ).toThrow(equal);
    expect(modify({ s: { BS: ['AQ==', 'Ag=='] } }, { s: { BS: ['Ag==', 'AQ=='] } })).toThrow(equal);
  });

  it("every record's JSON fits the bound the 6 MB check trusts (escaped strings, numbers, binaries, sets, nesting)", () => {
    const hostile = '"\\\u0001\u001f\u2028é😀<>&';
    const images: AttributeMap[] = [
      { Id: { N: '101' } },
      { Id: { N: '101' }, s: { S: hostile.repeat(50) }, [hostile]: { SS: [hostile, `${hostile}x`, '\u0000'] } },
      {
        Id: { N: '101' },
        n: { N: '-0.000000000000000000000000000000000001e-90' },
        ns: { NS: ['1', '-1.5', '99999999999999999999999999999999999999'] },
      },
      {
        Id: { N: '101' },
        b: { B: 'AAEqQQ==' },
        bs: { BS: ['AQ==', 'AgM=', 'BAUG'] },
        t: { BOOL: true },
        z: { NULL: true },
      },
      { Id: { N: '101' }, l: { L: [{ L: [] }, { M: {} }, { M: { '"': { L: [{ S: '\u0000' }, { N: '1' }] } } }] } },
    ];
    for (const newImage of images) {
      for (const eventName of ['INSERT', 'MODIFY', 'REMOVE'] as const) {
        const oldImage = { ...newImage, extra: { S: hostile } };
        const parts = {
          ...PARTS,
          eventName,
          newImage: eventName === 'REMOVE' ? undefined : newImage,
          oldImage: eventName === 'INSERT' ? undefined : oldImage,
          ttl: eventName === 'REMOVE',
        };
        const built = buildDynamoDBStreamRecord('test', parts);
        expect(built.jsonBound).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(built.record)));
      }
    }
  });

  it('a batch whose JSON is just over 6 MB is refused, one just under is built', () => {
    // 21 INSERTs, each with one ~300 KB string attribute (items stay under 400 KB): about 6 MB.
    const blob = (n: number) => 'x'.repeat(n);
    const batch = (n: number) =>
      Array.from({ length: 21 }, (_, i) => ({
        eventName: 'INSERT' as const,
        newImage: { Id: { N: String(i) }, b: { S: blob(n) } },
        sequenceNumber: String(100000000000000000001n + BigInt(i)),
        eventId: i.toString(16).padStart(32, '0'),
        time: new Date('2016-01-01T00:00:00Z'),
      }));
    const sized = (n: number) =>
      Buffer.byteLength(JSON.stringify({ Records: batch(n).map((e) => toDynamoDBStreamRecord({ ...source, ...e })) }));
    const limit = 6 * 1024 * 1024;
    // The largest blob size whose event fits (the JSON grows by about 21 bytes per unit, SizeBytes' digits aside).
    let atLimit = Math.floor((limit - sized(0)) / 21);
    while (sized(atLimit) > limit) atLimit--;
    while (sized(atLimit + 1) <= limit) atLimit++;
    expect(sized(atLimit)).toBeLessThanOrEqual(limit);
    expect(() => toDynamoDBStreamEvent(source, batch(atLimit))).not.toThrow();
    expect(sized(atLimit + 1)).toBeGreaterThan(limit);
    expect(() => toDynamoDBStreamEvent(source, batch(atLimit + 1))).toThrow(
      /serialises to \d+ bytes, over Lambda's 6 MB/,
    );
  });
});
