/** Pinned stream parts of the DynamoDB arbitraries are checked by the family's validators, at build time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dynamoDBStreamEvent } from '../../arbitraries/dynamoDBStreamEvent.js';
import { dynamoDBStreamRecord } from '../../arbitraries/dynamoDBStreamRecord.js';

describe.each([
  ['dynamoDBStreamEvent', dynamoDBStreamEvent],
  ['dynamoDBStreamRecord', dynamoDBStreamRecord],
] as const)('%s', (name, arbitrary) => {
  it.each([
    [{ region: 'nowhere' }, /region/],
    [{ account: '123' }, /account/],
    [{ table: 'x' }, /table/],
    [{ keys: [] }, /keys/],
    [{ streamViewType: 'ALL' }, /streamViewType/],
  ])('rejects %j with a TypeError named after the arbitrary and the field', (constraints, field) => {
    let error: unknown;
    try {
      arbitrary(constraints as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
    expect((error as Error).message).toMatch(field);
  });

  it('uses valid pinned parts as given', () => {
    const [value] = fc.sample<unknown>(
      arbitrary({
        region: 'eu-west-1',
        account: '111122223333',
        table: 'Orders',
        streamViewType: 'KEYS_ONLY',
      } as never),
      { numRuns: 1, seed: 3 },
    );
    const record = ('Records' in (value as object) ? (value as { Records: unknown[] }).Records[0] : value) as {
      awsRegion: string;
      eventSourceARN: string;
      dynamodb: { StreamViewType: string };
    };
    expect(record.awsRegion).toBe('eu-west-1');
    expect(record.eventSourceARN).toMatch(/^arn:aws:dynamodb:eu-west-1:111122223333:table\/Orders\/stream\//);
    expect(record.dynamodb.StreamViewType).toBe('KEYS_ONLY');
  });
});
