/**
 * BatchGetItem, BatchWriteItem, TransactWriteItems, TransactGetItems and TTL through the real
 * `@aws-sdk/client-dynamodb` and `@aws-sdk/lib-dynamodb`: limits, duplicates, all-or-nothing
 * cancellation with reasons in request order, idempotency tokens, and the stream record of every
 * item written.
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  IdempotentParameterMismatchException,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateTimeToLiveCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { DynamoDBStreamEvent } from '../../../src/events/dynamodb/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient } from './_clients.js';
import { rejection } from '../_helpers/rejection.js';

const { mocks } = useAwsMocks();
const dynamo = dynamoClient();
const doc = DynamoDBDocumentClient.from(dynamo);

async function createTable(TableName = 'accounts'): Promise<void> {
  await dynamo.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
}
const events = (table = 'accounts') =>
  mocks.dynamodb.streamRecords(table).map((r) => [r.eventName, unmarshall(r.dynamodb.Keys as never)['id']]);

describe('BatchWriteItem and BatchGetItem', () => {
  it('writes every request in order, each with its stream record; gets return what exists', async () => {
    await createTable();
    await createTable('ledger');
    mocks.dynamodb.putItem('accounts', { id: 'old', balance: 1 });
    const out = await dynamo.send(
      new BatchWriteItemCommand({
        RequestItems: {
          accounts: [
            { PutRequest: { Item: marshall({ id: 'a', balance: 10 }) } },
            { DeleteRequest: { Key: marshall({ id: 'old' }) } },
            { DeleteRequest: { Key: marshall({ id: 'never' }) } },
          ],
          ledger: [{ PutRequest: { Item: marshall({ id: 'l1' }) } }],
        },
      }),
    );
    expect(out.UnprocessedItems).toEqual({});
    expect(events()).toEqual([
      ['INSERT', 'old'],
      ['INSERT', 'a'],
      ['REMOVE', 'old'],
    ]);
    expect(events('ledger')).toEqual([['INSERT', 'l1']]);
    const got = await dynamo.send(
      new BatchGetItemCommand({
        RequestItems: {
          accounts: { Keys: [marshall({ id: 'a' }), marshall({ id: 'old' })], ProjectionExpression: 'balance' },
          ledger: { Keys: [marshall({ id: 'l1' })] },
        },
      }),
    );
    expect(got.Responses?.['accounts']?.map((i) => unmarshall(i))).toEqual([{ balance: 10 }]);
    expect(got.Responses?.['ledger']?.map((i) => unmarshall(i))).toEqual([{ id: 'l1' }]);
    expect(got.UnprocessedKeys).toEqual({});
  });

  it('limits and duplicates are refused whole, and nothing is written', async () => {
    await createTable();
    const puts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: marshall({ id: `k${i}` }) } }));
    const tooMany = await rejection(dynamo.send(new BatchWriteItemCommand({ RequestItems: { accounts: puts(26) } })));
    expect([tooMany.name, tooMany.message]).toEqual([
      'ValidationException',
      'Too many items requested for the BatchWriteItem call',
    ]);
    const dup = await rejection(
      dynamo.send(
        new BatchWriteItemCommand({
          RequestItems: { accounts: [...puts(2), { DeleteRequest: { Key: marshall({ id: 'k0' }) } }] },
        }),
      ),
    );
    expect(dup.message).toBe('Provided list of item keys contains duplicates');
    const badItem = await rejection(
      dynamo.send(
        new BatchWriteItemCommand({
          RequestItems: { accounts: [...puts(2), { PutRequest: { Item: marshall({ nokey: 1 }) } }] },
        }),
      ),
    );
    expect(badItem.message).toBe('One or more parameter values were invalid: Missing the key id in the item');
    const missingTable = await rejection(
      dynamo.send(new BatchWriteItemCommand({ RequestItems: { accounts: puts(1), nope: puts(1) } })),
    );
    expect(missingTable.name).toBe('ResourceNotFoundException');
    expect(mocks.dynamodb.items('accounts')).toEqual([]);
    const keys = (n: number) => Array.from({ length: n }, (_, i) => marshall({ id: `k${i}` }));
    const tooManyKeys = await rejection(
      dynamo.send(new BatchGetItemCommand({ RequestItems: { accounts: { Keys: keys(101) } } })),
    );
    expect(tooManyKeys.message).toBe('Too many items requested for the BatchGetItem call');
    const dupKeys = await rejection(
      dynamo.send(
        new BatchGetItemCommand({ RequestItems: { accounts: { Keys: [...keys(2), marshall({ id: 'k1' })] } } }),
      ),
    );
    expect(dupKeys.message).toBe('Provided list of item keys contains duplicates');
    await expect(
      dynamo.send(new BatchGetItemCommand({ RequestItems: { accounts: { Keys: keys(100) } } })),
    ).resolves.toMatchObject({ Responses: { accounts: [] } });
  });

  it('BatchGetItem returns at most 16 MB; the other keys come back as UnprocessedKeys', async () => {
    await createTable();
    const blob = 'x'.repeat(390_000);
    for (let i = 0; i < 50; i++) mocks.dynamodb.putItem('accounts', { id: `k${i}`, blob });
    const keys = Array.from({ length: 50 }, (_, i) => marshall({ id: `k${i}` }));
    const out = await dynamo.send(
      new BatchGetItemCommand({
        RequestItems: {
          accounts: { Keys: keys, ProjectionExpression: 'id, #b', ExpressionAttributeNames: { '#b': 'blob' } },
        },
      }),
    );
    const got = out.Responses?.['accounts']?.length ?? 0;
    const left = out.UnprocessedKeys?.['accounts']?.Keys?.length ?? 0;
    expect(got).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
    expect(got + left).toBe(50);
    expect(got * 390_000).toBeLessThan(16 * 1024 * 1024 + 400_000);
    expect(out.UnprocessedKeys?.['accounts']?.ProjectionExpression).toBe('id, #b');
  });

  it('the DocumentClient BatchWrite works unchanged', async () => {
    await createTable();
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { accounts: [{ PutRequest: { Item: { id: 'x', tags: new Set(['a']) } } }] },
      }),
    );
    expect(mocks.dynamodb.items('accounts')).toEqual([{ id: 'x', tags: new Set(['a']) }]);
  });
});

describe('TransactWriteItems', () => {
  const transfer = (from: string, to: string, amount: number): TransactWriteItem[] => [
    {
      Update: {
        TableName: 'accounts',
        Key: marshall({ id: from }),
        UpdateExpression: 'SET balance = balance - :a',
        ConditionExpression: 'balance >= :a',
        ExpressionAttributeValues: marshall({ ':a': amount }),
      },
    },
    {
      Update: {
        TableName: 'accounts',
        Key: marshall({ id: to }),
        UpdateExpression: 'SET balance = if_not_exists(balance, :zero) + :a',
        ExpressionAttributeValues: marshall({ ':a': amount, ':zero': 0 }),
      },
    },
  ];

  it('applies every action, with one stream record per written item in request order', async () => {
    await createTable();
    mocks.dynamodb.putItem('accounts', { id: 'alice', balance: 100 });
    mocks.dynamodb.putItem('accounts', { id: 'bank', open: true });
    await dynamo.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          ...transfer('alice', 'bob', 30),
          {
            ConditionCheck: {
              TableName: 'accounts',
              Key: marshall({ id: 'bank' }),
              ConditionExpression: '#o = :t',
              ExpressionAttributeNames: { '#o': 'open' },
              ExpressionAttributeValues: marshall({ ':t': true }),
            },
          },
          { Put: { TableName: 'accounts', Item: marshall({ id: 'audit', n: 1 }) } },
        ],
      }),
    );
    expect(mocks.dynamodb.items('accounts')).toEqual([
      { id: 'alice', balance: 70 },
      { id: 'bank', open: true },
      { id: 'bob', balance: 30 },
      { id: 'audit', n: 1 },
    ]);
    expect(events()).toEqual([
      ['INSERT', 'alice'],
      ['INSERT', 'bank'],
      ['MODIFY', 'alice'],
      ['INSERT', 'bob'],
      ['INSERT', 'audit'],
    ]);
    const twice = await rejection(
      dynamo.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            ...transfer('alice', 'bob', 1),
            {
              ConditionCheck: {
                TableName: 'accounts',
                Key: marshall({ id: 'alice' }),
                ConditionExpression: 'attribute_exists(id)',
              },
            },
          ],
        }),
      ),
    );
    expect(twice.message).toBe('Transaction request cannot include multiple operations on one item');
  });

  it('a failed condition cancels everything: reasons in request order, nothing written or streamed', async () => {
    await createTable();
    mocks.dynamodb.putItem('accounts', { id: 'alice', balance: 10 });
    const before = mocks.dynamodb.streamRecords('accounts').length;
    const error = await rejection(
      dynamo.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'accounts', Item: marshall({ id: 'carol', balance: 5 }) } },
            ...transfer('alice', 'bob', 30),
            {
              ConditionCheck: {
                TableName: 'accounts',
                Key: marshall({ id: 'dave' }),
                ConditionExpression: 'attribute_exists(id)',
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      ),
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const canceled = error as TransactionCanceledException;
    expect(canceled.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None, ConditionalCheckFailed]',
    );
    expect(canceled.CancellationReasons?.map((r) => r.Code)).toEqual([
      'None',
      'ConditionalCheckFailed',
      'None',
      'ConditionalCheckFailed',
    ]);
    expect(mocks.dynamodb.items('accounts')).toEqual([{ id: 'alice', balance: 10 }]);
    expect(mocks.dynamodb.streamRecords('accounts').length).toBe(before);
  });

  it('ReturnValuesOnConditionCheckFailure ALL_OLD puts the item in its reason', async () => {
    await createTable();
    mocks.dynamodb.putItem('accounts', { id: 'alice', balance: 10 });
    const error = (await rejection(
      dynamo.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: 'accounts',
                Key: marshall({ id: 'alice' }),
                ConditionExpression: 'balance > :n',
                ExpressionAttributeValues: marshall({ ':n': 50 }),
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      ),
    )) as TransactionCanceledException;
    expect(error.CancellationReasons).toEqual([
      {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        Item: marshall({ id: 'alice', balance: 10 }),
      },
    ]);
  });

  it('limits: 100 actions, one action per item, exactly one operation per entry', async () => {
    await createTable();
    const puts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ Put: { TableName: 'accounts', Item: marshall({ id: `k${i}` }) } }));
    await dynamo.send(new TransactWriteItemsCommand({ TransactItems: puts(100) }));
    expect(mocks.dynamodb.items('accounts').length).toBe(100);
    const tooMany = await rejection(dynamo.send(new TransactWriteItemsCommand({ TransactItems: puts(101) })));
    expect(tooMany.message).toMatch(/Member must have length less than or equal to 100$/);
    const twice = await rejection(
      dynamo.send(
        new TransactWriteItemsCommand({
          TransactItems: [...puts(1), { Delete: { TableName: 'accounts', Key: marshall({ id: 'k0' }) } }],
        }),
      ),
    );
    expect(twice.message).toBe('Transaction request cannot include multiple operations on one item');
  });

  it('ClientRequestToken: a repeat within 10 minutes is a no-op; another request with the token is refused', async () => {
    await createTable();
    mocks.dynamodb.putItem('accounts', { id: 'alice', balance: 100 });
    const send = (amount: number) =>
      dynamo.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: 'transfer-1',
          TransactItems: transfer('alice', 'bob', amount),
        }),
      );
    await send(10);
    await send(10);
    expect(mocks.dynamodb.items('accounts')).toEqual([
      { id: 'alice', balance: 90 },
      { id: 'bob', balance: 10 },
    ]);
    await expect(send(20)).rejects.toBeInstanceOf(IdempotentParameterMismatchException);
    mocks.clock.advance(10 * 60 * 1000 + 1);
    await send(10);
    expect(mocks.dynamodb.items('accounts')).toEqual([
      { id: 'alice', balance: 80 },
      { id: 'bob', balance: 20 },
    ]);
  });

  it('ClientRequestToken: mocks.reset() forgets the tokens, so a test never takes its transaction for a replay', async () => {
    const send = () =>
      dynamo.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: 'seed-1',
          TransactItems: [{ Put: { TableName: 'accounts', Item: marshall({ id: 'a' }) } }],
        }),
      );
    await createTable();
    await send();
    mocks.reset();
    await createTable();
    await send();
    expect(mocks.dynamodb.items('accounts')).toEqual([{ id: 'a' }]);
  });

  it('the DocumentClient TransactWrite and TransactGetItems', async () => {
    await createTable();
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'accounts', Item: { id: 'a', n: 1 } } },
          { Put: { TableName: 'accounts', Item: { id: 'b', n: 2 } } },
        ],
      }),
    );
    const got = await dynamo.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: 'accounts', Key: marshall({ id: 'b' }) } },
          { Get: { TableName: 'accounts', Key: marshall({ id: 'zz' }) } },
          { Get: { TableName: 'accounts', Key: marshall({ id: 'a' }), ProjectionExpression: 'n' } },
        ],
      }),
    );
    expect(got.Responses?.map((r) => (r.Item === undefined ? undefined : unmarshall(r.Item)))).toEqual([
      { id: 'b', n: 2 },
      undefined,
      { n: 1 },
    ]);
  });
});

describe('Time to Live', () => {
  it('UpdateTimeToLive / DescribeTimeToLive and their errors', async () => {
    await createTable();
    expect((await dynamo.send(new DescribeTimeToLiveCommand({ TableName: 'accounts' }))).TimeToLiveDescription).toEqual(
      { TimeToLiveStatus: 'DISABLED' },
    );
    const on = await dynamo.send(
      new UpdateTimeToLiveCommand({
        TableName: 'accounts',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' },
      }),
    );
    expect(on.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'expires' });
    expect((await dynamo.send(new DescribeTimeToLiveCommand({ TableName: 'accounts' }))).TimeToLiveDescription).toEqual(
      { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' },
    );
    const again = await rejection(
      dynamo.send(
        new UpdateTimeToLiveCommand({
          TableName: 'accounts',
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' },
        }),
      ),
    );
    expect([again.name, again.message]).toEqual(['ValidationException', 'TimeToLive is already enabled']);
  });

  it('expired items stay readable until deleted after the delay; each deletion is a service REMOVE', async () => {
    await createTable();
    await dynamo.send(
      new UpdateTimeToLiveCommand({
        TableName: 'accounts',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' },
      }),
    );
    mocks.dynamodb.configureTtl({ deletionDelayMs: 60_000 });
    const now = Math.floor(mocks.clock.now().getTime() / 1000);
    await dynamo.send(new PutItemCommand({ TableName: 'accounts', Item: marshall({ id: 'soon', expires: now + 10 }) }));
    await dynamo.send(
      new PutItemCommand({ TableName: 'accounts', Item: marshall({ id: 'later', expires: now + 3600 }) }),
    );
    await dynamo.send(
      new PutItemCommand({ TableName: 'accounts', Item: marshall({ id: 'text', expires: 'not a number' }) }),
    );
    const delivered: DynamoDBStreamEvent[] = [];
    mocks.dynamodb.subscribe('accounts', (event) => {
      delivered.push(event);
    });
    await mocks.drain({ until: mocks.clock.now().getTime() + 30_000 });
    // Expired (10 s) but not yet deleted (60 s delay): still readable.
    expect(
      (await dynamo.send(new GetItemCommand({ TableName: 'accounts', Key: marshall({ id: 'soon' }) }))).Item,
    ).toBeDefined();
    await mocks.drain({ until: mocks.clock.now().getTime() + 60_000 });
    expect(
      (await dynamo.send(new GetItemCommand({ TableName: 'accounts', Key: marshall({ id: 'soon' }) }))).Item,
    ).toBeUndefined();
    expect(mocks.dynamodb.items('accounts').map((i) => i['id'])).toEqual(['later', 'text']);
    const removes = delivered.flatMap((e) => e.Records).filter((r) => r.eventName === 'REMOVE');
    expect(removes).toHaveLength(1);
    expect(removes[0]?.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(unmarshall(removes[0]?.dynamodb.OldImage as never)).toEqual({ id: 'soon', expires: now + 10 });
    // A plain drain does not jump the clock to the next expiry unless asked to.
    const at = mocks.clock.now().getTime();
    await mocks.drain();
    expect(mocks.clock.now().getTime()).toBe(at);
    mocks.dynamodb.configureTtl({ drainWaits: true });
    await mocks.drain();
    expect(mocks.dynamodb.items('accounts').map((i) => i['id'])).toEqual(['text']);
    expect(() => mocks.dynamodb.configureTtl({ deletionDelayMs: -1 })).toThrow(/deletionDelayMs/);
  });
});
