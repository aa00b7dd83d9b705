/**
 * The DynamoDB Streams tumbling-window event (`toDynamoDBTumblingWindowEvent`): its key set against
 * the real sample's, the window fields and the rules on its parts.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html
 */
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import {
  toDynamoDBTumblingWindowEvent,
  type DynamoDBStreamEntryParts,
  type DynamoDBStreamSourceParts,
  type DynamoDBWindowParts,
} from '../../../src/events/dynamodb/index.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import { keySet } from '../../_helpers/keySets.js';

/**
 * The key set of aws-lambda-go's `events/testdata/dynamodb-tumbling-window.json` (the sample
 * Powertools also documents for its DynamoDB schema), images cut as opaque data. The sample's
 * records carry no `userIdentity` (none is a TTL deletion).
 */
const REAL_WINDOW_KEYS = [
  'Records',
  'Records[].awsRegion',
  'Records[].dynamodb',
  'Records[].dynamodb.ApproximateCreationDateTime',
  'Records[].dynamodb.Keys',
  'Records[].dynamodb.NewImage',
  'Records[].dynamodb.OldImage',
  'Records[].dynamodb.SequenceNumber',
  'Records[].dynamodb.SizeBytes',
  'Records[].dynamodb.StreamViewType',
  'Records[].eventID',
  'Records[].eventName',
  'Records[].eventSource',
  'Records[].eventSourceARN',
  'Records[].eventVersion',
  'eventSourceARN',
  'isFinalInvokeForWindow',
  'isWindowTerminatedEarly',
  'shardId',
  'state',
  'window',
  'window.end',
  'window.start',
];
const OPAQUE = ['Records[].dynamodb.Keys', 'Records[].dynamodb.NewImage', 'Records[].dynamodb.OldImage', 'state'];

const source: DynamoDBStreamSourceParts = {
  keyNames: ['Id'],
  streamViewType: 'NEW_AND_OLD_IMAGES',
  table: 'Messages',
  streamLabel: '2020-07-01T00:00:00.000',
  region: 'us-east-1',
  account: '123456789012',
  partition: 'aws',
};
const START = Date.parse('2020-07-30T17:00:00Z');
const item = (message: string) => ({ Id: { N: '101' }, Message: { S: message } });
// The sample's three changes of one item: INSERT, MODIFY, REMOVE, a second apart.
const entries: DynamoDBStreamEntryParts[] = [
  {
    eventName: 'INSERT',
    newImage: item('New item!'),
    sequenceNumber: '111000000000000000000',
    eventId: 'a'.repeat(32),
    time: new Date(START + 20_000),
  },
  {
    eventName: 'MODIFY',
    oldImage: item('New item!'),
    newImage: item('This item has changed'),
    sequenceNumber: '222000000000000000000',
    eventId: 'b'.repeat(32),
    time: new Date(START + 21_000),
  },
  {
    eventName: 'REMOVE',
    oldImage: item('This item has changed'),
    sequenceNumber: '333000000000000000000',
    eventId: 'c'.repeat(32),
    time: new Date(START + 22_000),
  },
];
const window: DynamoDBWindowParts = {
  shardId: 'shardId-00000001593561600000-8a3f0c1d',
  start: START,
  end: START + 300_000,
  state: { 1: 'state1' },
  isFinalInvokeForWindow: false,
  isWindowTerminatedEarly: false,
};

describe('toDynamoDBTumblingWindowEvent', () => {
  it('has the key set of the real sample, the window in whole-second ISO instants and the stream ARN', () => {
    const event = toDynamoDBTumblingWindowEvent(source, entries, window);
    expect(keySet(event, OPAQUE)).toEqual([...REAL_WINDOW_KEYS].sort());
    expect(event.window).toEqual({ start: '2020-07-30T17:00:00Z', end: '2020-07-30T17:05:00Z' });
    expect(event.state).toEqual({ 1: 'state1' });
    expect(event.shardId).toBe(window.shardId);
    expect(event.eventSourceARN).toBe(
      'arn:aws:dynamodb:us-east-1:123456789012:table/Messages/stream/2020-07-01T00:00:00.000',
    );
    expect(event.Records.every((r) => r.eventSourceARN === event.eventSourceARN)).toBe(true);
    expect(event.Records.map((r) => [r.eventName, r.dynamodb.ApproximateCreationDateTime])).toEqual([
      ['INSERT', START / 1000 + 20],
      ['MODIFY', START / 1000 + 21],
      ['REMOVE', START / 1000 + 22],
    ]);
    expect([event.isFinalInvokeForWindow, event.isWindowTerminatedEarly]).toEqual([false, false]);
  });

  it('passes the Powertools DynamoDB stream schema, which declares the window fields (its state holds strings only)', () => {
    const event = toDynamoDBTumblingWindowEvent(source, entries, window);
    const parsed = DynamoDBStreamSchema.parse(event);
    expect(parsed.window).toEqual(event.window);
    expect(parsed.shardId).toBe(event.shardId);
    expect(parsed.isFinalInvokeForWindow).toBe(false);
  });

  it('sends a final invocation with no records left as Records: [], and only a final one', () => {
    const final = toDynamoDBTumblingWindowEvent(source, [], {
      ...window,
      isFinalInvokeForWindow: true,
      isWindowTerminatedEarly: true,
    });
    expect(final.Records).toEqual([]);
    expect(final.isFinalInvokeForWindow).toBe(true);
    expect(final.isWindowTerminatedEarly).toBe(true);
    expect(() => toDynamoDBTumblingWindowEvent(source, [], window)).toThrow(
      /toDynamoDBTumblingWindowEvent: entries must be a non-empty array/,
    );
  });

  it('refuses window parts Lambda could not send, naming the part', () => {
    const bad = (w: Partial<DynamoDBWindowParts>, pattern: RegExp, list: DynamoDBStreamEntryParts[] = entries) => {
      const call = () => toDynamoDBTumblingWindowEvent(source, list, { ...window, ...w });
      expect(call).toThrow(EventInputError);
      expect(call).toThrow(pattern);
    };
    bad({ end: START + 901_000 }, /window.end is 901 s after window.start; tumbling windows last 1 to 900 s/);
    bad({ end: START }, /window.end is 0 s after window.start/);
    bad({ start: START + 500 }, /window.start must be epoch milliseconds on a whole second/);
    bad({ end: START + 20_000 }, /entries\[0\].time .* is outside the window/);
    bad({ start: START + 21_000, end: START + 60_000 }, /entries\[0\].time .* is outside the window/);
    bad({ state: [] as never }, /window.state must be a JSON object/);
    bad({ state: null as never }, /window.state must be a JSON object/);
    bad({ isFinalInvokeForWindow: 'yes' as never }, /window.isFinalInvokeForWindow must be a boolean/);
    bad({ isWindowTerminatedEarly: true }, /window.isWindowTerminatedEarly is true on an invocation that is not final/);
    bad({ shardId: 'shard123' }, /window.shardId "shard123" is not a DynamoDB Streams shard id/);
    bad({ shardId: 42 as never }, /window.shardId 42 is not a DynamoDB Streams shard id/);
    expect(() => toDynamoDBTumblingWindowEvent(source, entries, null as never)).toThrow(
      /window must be the window parts/,
    );
  });

  it('keeps the stream-record rules: records in sequence order, from the same stream', () => {
    const swapped = [entries[1], entries[0]] as DynamoDBStreamEntryParts[];
    expect(() => toDynamoDBTumblingWindowEvent(source, swapped, window)).toThrow(
      /entries\[1\].sequenceNumber .* is not greater than the previous record's/,
    );
    expect(() =>
      toDynamoDBTumblingWindowEvent({ ...source, streamLabel: '2020-07-31T00:00:00.000' }, entries, window),
    ).toThrow(/entries\[0\].time .* is before the stream was created/);
  });
});
