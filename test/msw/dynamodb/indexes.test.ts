/**
 * Secondary indexes, Query/Scan paging and UpdateTable through the real `@aws-sdk/client-dynamodb`
 * and `@aws-sdk/lib-dynamodb`: sparse GSIs, projections, LSIs, LastEvaluatedKey with index keys,
 * Limit before FilterExpression, the 1 MB page, Select, parallel Scan, key-condition validation.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  LimitExceededException,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateTableCommand,
  type AttributeValue,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand as DocQueryCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient } from './_clients.js';
import { rejection } from '../_helpers/rejection.js';

const { mocks } = useAwsMocks();
const dynamo = dynamoClient();
const doc = DynamoDBDocumentClient.from(dynamo);

/** orders: pk/sk, a sparse GSI on status/total (INCLUDE customer), a KEYS_ONLY GSI on customer, an LSI on pk/created. */
async function createOrders(): Promise<void> {
  await dynamo.send(
    new CreateTableCommand({
      TableName: 'orders',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'total', AttributeType: 'N' },
        { AttributeName: 'customer', AttributeType: 'S' },
        { AttributeName: 'created', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'total', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['customer'] },
        },
        {
          IndexName: 'byCustomer',
          KeySchema: [{ AttributeName: 'customer', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'byCreated',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'created', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

const put = (item: Record<string, unknown>) =>
  dynamo.send(new PutItemCommand({ TableName: 'orders', Item: marshall(item) }));
const query = (input: Omit<QueryCommandInput, 'TableName'>) =>
  dynamo.send(new QueryCommand({ TableName: 'orders', ...input }));
const plain = (items: Record<string, AttributeValue>[] | undefined) => (items ?? []).map((i) => unmarshall(i));

describe('CreateTable and DescribeTable with indexes', () => {
  it('DescribeTable lists each index with key schema, projection, counts and ARN', async () => {
    await createOrders();
    await put({ pk: 'a', sk: 1, status: 'open', total: 10, customer: 'c1', created: '2024-01-01' });
    await put({ pk: 'a', sk: 2, customer: 'c2' });
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: 'orders' }));
    expect(Table?.AttributeDefinitions?.map((d) => d.AttributeName).sort()).toEqual([
      'created',
      'customer',
      'pk',
      'sk',
      'status',
      'total',
    ]);
    const byStatus = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'byStatus');
    expect(byStatus).toMatchObject({
      IndexStatus: 'ACTIVE',
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['customer'] },
      ItemCount: 1,
      IndexArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/byStatus',
    });
    expect(Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'byCustomer')?.ItemCount).toBe(2);
    expect(Table?.LocalSecondaryIndexes).toEqual([
      expect.objectContaining({ IndexName: 'byCreated', Projection: { ProjectionType: 'KEYS_ONLY' }, ItemCount: 1 }),
    ]);
    expect(Table?.LocalSecondaryIndexes?.[0]).not.toHaveProperty('IndexStatus');
  });

  it('index definitions are validated as DynamoDB validates them', async () => {
    const base = {
      TableName: 'tbl',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' as const },
        { AttributeName: 'g', AttributeType: 'S' as const },
      ],
      BillingMode: 'PAY_PER_REQUEST' as const,
    };
    const lsi = await rejection(
      dynamo.send(
        new CreateTableCommand({
          ...base,
          LocalSecondaryIndexes: [
            {
              IndexName: 'loc',
              KeySchema: [
                { AttributeName: 'pk', KeyType: 'HASH' },
                { AttributeName: 'g', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
        }),
      ),
    );
    expect(lsi.message).toBe(
      'One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
    );
    const undefinedKey = await rejection(
      dynamo.send(
        new CreateTableCommand({
          ...base,
          GlobalSecondaryIndexes: [
            {
              IndexName: 'gsi',
              KeySchema: [{ AttributeName: 'nope', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
        }),
      ),
    );
    expect(undefinedKey.message).toMatch(
      /^One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions/,
    );
    const nonKey = await rejection(
      dynamo.send(
        new CreateTableCommand({
          ...base,
          GlobalSecondaryIndexes: [
            {
              IndexName: 'gsi',
              KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL', NonKeyAttributes: ['x'] },
            },
          ],
        }),
      ),
    );
    expect(nonKey.message).toBe(
      'One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified',
    );
    const duplicate = await rejection(
      dynamo.send(
        new CreateTableCommand({
          ...base,
          GlobalSecondaryIndexes: [1, 2].map(() => ({
            IndexName: 'gsi',
            KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' as const }],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }),
      ),
    );
    expect(duplicate.message).toBe('One or more parameter values were invalid: Duplicate index name: gsi');
  });
});

describe('Query and Scan on an index', () => {
  it('a sparse GSI holds only items with its keys, projected; ConsistentRead is refused', async () => {
    await createOrders();
    await put({ pk: 'a', sk: 1, status: 'open', total: 30, customer: 'c1', note: 'secret' });
    await put({ pk: 'b', sk: 1, status: 'open', total: 10, customer: 'c2', note: 'secret' });
    await put({ pk: 'c', sk: 1, customer: 'c3' });
    await put({ pk: 'd', sk: 1, status: 'shipped', total: 5 });
    const open = await query({
      IndexName: 'byStatus',
      KeyConditionExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: marshall({ ':s': 'open' }),
    });
    expect(plain(open.Items)).toEqual([
      { pk: 'b', sk: 1, status: 'open', total: 10, customer: 'c2' },
      { pk: 'a', sk: 1, status: 'open', total: 30, customer: 'c1' },
    ]);
    const scan = await dynamo.send(new ScanCommand({ TableName: 'orders', IndexName: 'byStatus' }));
    expect(scan.Count).toBe(3);
    const consistent = await rejection(
      query({
        IndexName: 'byStatus',
        ConsistentRead: true,
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: marshall({ ':s': 'open' }),
      }),
    );
    expect([consistent.name, consistent.message]).toEqual([
      'ValidationException',
      'Consistent reads are not supported on global secondary indexes',
    ]);
    const all = await rejection(
      query({
        IndexName: 'byStatus',
        Select: 'ALL_ATTRIBUTES',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: marshall({ ':s': 'open' }),
      }),
    );
    expect(all.message).toBe(
      'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byStatus because its projection type is not ALL',
    );
    const missing = await rejection(
      query({
        IndexName: 'nope',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: marshall({ ':p': 'a' }),
      }),
    );
    expect(missing.message).toBe('The table does not have the specified index: nope');
    // An index entry follows its item: changing the status moves it, removing it drops it.
    await put({ pk: 'a', sk: 1, status: 'shipped', total: 30, customer: 'c1' });
    await put({ pk: 'b', sk: 1, customer: 'c2' });
    const after = await query({
      IndexName: 'byStatus',
      KeyConditionExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: marshall({ ':s': 'open' }),
    });
    expect(after.Items).toEqual([]);
  });

  it('an index key of the wrong type or empty is refused at write time', async () => {
    await createOrders();
    const wrong = await rejection(put({ pk: 'a', sk: 1, status: 7 }));
    expect(wrong.message).toBe(
      'One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: byStatus',
    );
    const empty = await rejection(put({ pk: 'a', sk: 1, customer: '' }));
    expect(empty.message).toBe(
      'One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byCustomer, IndexKey: customer',
    );
    expect(mocks.dynamodb.items('orders')).toEqual([]);
  });

  it('key sizes: a partition key over 2048 bytes and a sort key over 1024 bytes (UTF-8) are refused, also on an index', async () => {
    await createOrders();
    const hash = await rejection(put({ pk: 'é'.repeat(1025), sk: 1 }));
    expect(hash.message).toBe(
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    );
    await expect(put({ pk: 'a'.repeat(2048), sk: 1 })).resolves.toBeDefined();
    const range = await rejection(put({ pk: 'a', sk: 1, status: 'open', total: 1, created: 'x'.repeat(1025) }));
    expect(range.message).toBe(
      'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
    );
    const get = await rejection(
      dynamo.send(new GetItemCommand({ TableName: 'orders', Key: marshall({ pk: 'x'.repeat(2049), sk: 1 }) })),
    );
    expect(get.message).toBe(
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    );
    expect(mocks.dynamodb.items('orders').map((i) => (i['pk'] as string).length)).toEqual([2048]);
  });

  it('an LSI with KEYS_ONLY still returns every attribute for ALL_ATTRIBUTES (fetched from the table)', async () => {
    await createOrders();
    await put({ pk: 'a', sk: 1, created: '2024-03', note: 'x' });
    await put({ pk: 'a', sk: 2, created: '2024-01', note: 'y' });
    const keys = await query({
      IndexName: 'byCreated',
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: marshall({ ':p': 'a' }),
    });
    expect(plain(keys.Items)).toEqual([
      { pk: 'a', sk: 2, created: '2024-01' },
      { pk: 'a', sk: 1, created: '2024-03' },
    ]);
    const full = await query({
      IndexName: 'byCreated',
      Select: 'ALL_ATTRIBUTES',
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: marshall({ ':p': 'a' }),
    });
    expect(plain(full.Items).map((i) => i['note'])).toEqual(['y', 'x']);
  });

  it('paging an index: LastEvaluatedKey carries the table and index keys, pages join up', async () => {
    await createOrders();
    for (let i = 0; i < 7; i++) await put({ pk: `p${i}`, sk: i, status: 'open', total: i % 3, customer: 'c' });
    const seen: Record<string, unknown>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    let pages = 0;
    do {
      const page = await query({
        IndexName: 'byStatus',
        Limit: 3,
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: marshall({ ':s': 'open' }),
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      });
      seen.push(...plain(page.Items));
      start = page.LastEvaluatedKey;
      if (start !== undefined) expect(Object.keys(unmarshall(start)).sort()).toEqual(['pk', 'sk', 'status', 'total']);
      pages++;
    } while (start !== undefined);
    expect(seen.map((i) => i['total'])).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(new Set(seen.map((i) => i['pk'])).size).toBe(7);
    // 7 items in pages of 3: 3, 3, 1 (a full last page would say LastEvaluatedKey once more).
    expect(pages).toBe(3);
    // The DocumentClient's paginator sees the same items.
    const docItems: unknown[] = [];
    for await (const page of paginateQuery(
      { client: doc, pageSize: 2 },
      {
        TableName: 'orders',
        IndexName: 'byStatus',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'open' },
      },
    ))
      docItems.push(...(page.Items ?? []));
    expect(docItems).toEqual(seen);
  });
});

describe('Query and Scan paging', () => {
  it('Limit counts items read before the FilterExpression; ScannedCount and Count differ', async () => {
    await createOrders();
    for (let sk = 1; sk <= 10; sk++) await put({ pk: 'a', sk, odd: sk % 2 === 1 });
    const page = await query({
      KeyConditionExpression: 'pk = :p',
      FilterExpression: 'odd = :t',
      ExpressionAttributeValues: marshall({ ':p': 'a', ':t': true }),
      Limit: 4,
    });
    expect(page.ScannedCount).toBe(4);
    expect(page.Count).toBe(2);
    expect(plain(page.Items).map((i) => i['sk'])).toEqual([1, 3]);
    expect(unmarshall(page.LastEvaluatedKey as Record<string, AttributeValue>)).toEqual({ pk: 'a', sk: 4 });
    const back = await query({
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: marshall({ ':p': 'a', ':lo': 3, ':hi': 8 }),
      ScanIndexForward: false,
      Limit: 2,
    });
    expect(plain(back.Items).map((i) => i['sk'])).toEqual([8, 7]);
    const rest = await query({
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: marshall({ ':p': 'a', ':lo': 3, ':hi': 8 }),
      ScanIndexForward: false,
      ExclusiveStartKey: back.LastEvaluatedKey,
    });
    expect(plain(rest.Items).map((i) => i['sk'])).toEqual([6, 5, 4, 3]);
    expect(rest.LastEvaluatedKey).toBeUndefined();
    const count = await query({
      Select: 'COUNT',
      KeyConditionExpression: 'pk = :p AND sk > :s',
      ExpressionAttributeValues: marshall({ ':p': 'a', ':s': 7 }),
    });
    expect(count).toMatchObject({ Count: 3, ScannedCount: 3 });
    expect(count.Items).toBeUndefined();
  });

  it('a page stops after 1 MB of items read', async () => {
    await createOrders();
    const blob = 'x'.repeat(300_000);
    for (let sk = 1; sk <= 5; sk++) await put({ pk: 'big', sk, blob });
    const first = await query({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: marshall({ ':p': 'big' }),
      Select: 'COUNT',
    });
    // 300 KB items: the fourth crosses 1 MB, so the page holds four and goes on from there.
    expect(first.ScannedCount).toBe(4);
    expect(unmarshall(first.LastEvaluatedKey as Record<string, AttributeValue>)).toEqual({ pk: 'big', sk: 4 });
    const scan = await dynamo.send(
      new ScanCommand({ TableName: 'orders', Select: 'COUNT', ExclusiveStartKey: first.LastEvaluatedKey }),
    );
    expect(scan.ScannedCount).toBe(1);
  });

  it('parallel Scan: the segments partition the table', async () => {
    await createOrders();
    for (let i = 0; i < 40; i++) await put({ pk: `k${i}`, sk: i });
    const segments = await Promise.all(
      [0, 1, 2, 3].map((Segment) => dynamo.send(new ScanCommand({ TableName: 'orders', Segment, TotalSegments: 4 }))),
    );
    const keys = segments.flatMap((s) => plain(s.Items).map((i) => i['pk'] as string));
    expect(keys.length).toBe(40);
    expect(new Set(keys).size).toBe(40);
    expect(segments.filter((s) => (s.Count ?? 0) > 0).length).toBeGreaterThan(1);
    const bad = await rejection(dynamo.send(new ScanCommand({ TableName: 'orders', Segment: 4, TotalSegments: 4 })));
    expect(bad.message).toBe(
      'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4',
    );
    const alone = await rejection(dynamo.send(new ScanCommand({ TableName: 'orders', Segment: 1 })));
    expect(alone.message).toBe(
      'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
    );
  });

  it('key conditions are validated with DynamoDB messages', async () => {
    await createOrders();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'pk = :p OR sk = :s',
        { ':p': 'a', ':s': 1 },
        'Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR',
      ],
      [
        'pk <> :p',
        { ':p': 'a' },
        'Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: <>',
      ],
      ['sk = :s', { ':s': 1 }, 'Query condition missed key schema element: pk'],
      ['pk > :p', { ':p': 'a' }, 'Query key condition not supported'],
      ['pk = :p AND extra = :s', { ':p': 'a', ':s': 1 }, 'Query condition missed key schema element: sk'],
      [
        'pk = :p AND sk = :s',
        { ':p': 'a', ':s': 'one' },
        'One or more parameter values were invalid: Condition parameter type does not match schema type',
      ],
      [
        'pk = :p AND begins_with(sk, :s)',
        { ':p': 'a', ':s': 1 },
        'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
      ],
      [
        'pk = :p AND attribute_exists(sk)',
        { ':p': 'a' },
        'Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: attribute_exists',
      ],
      [
        'pk = :p AND sk BETWEEN :hi AND :lo',
        { ':p': 'a', ':hi': 5, ':lo': 1 },
        'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {"N":"5"}, upper bound operand: AttributeValue: {"N":"1"}',
      ],
    ];
    for (const [KeyConditionExpression, values, message] of cases) {
      const error = await rejection(query({ KeyConditionExpression, ExpressionAttributeValues: marshall(values) }));
      expect([KeyConditionExpression, error.name, error.message]).toEqual([
        KeyConditionExpression,
        'ValidationException',
        message,
      ]);
    }
    const filterOnKey = await rejection(
      query({
        KeyConditionExpression: 'pk = :p',
        FilterExpression: 'sk > :s',
        ExpressionAttributeValues: marshall({ ':p': 'a', ':s': 1 }),
      }),
    );
    expect(filterOnKey.message).toBe(
      'Filter Expression can only contain non-primary key attributes: Primary key attribute: sk',
    );
  });

  it('reserved words are refused in every expression, naming the keyword', async () => {
    await createOrders();
    const error = await rejection(
      query({
        KeyConditionExpression: 'pk = :p',
        FilterExpression: 'status = :s',
        ExpressionAttributeValues: marshall({ ':p': 'a', ':s': 'open' }),
      }),
    );
    expect(error.message).toBe(
      'Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status',
    );
    const projection = await rejection(
      query({
        KeyConditionExpression: 'pk = :p',
        ProjectionExpression: 'pk, Name',
        ExpressionAttributeValues: marshall({ ':p': 'a' }),
      }),
    );
    expect(projection.message).toBe(
      'Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Name',
    );
  });

  it('number sort keys order exactly, also where doubles cannot tell them apart', async () => {
    await createOrders();
    for (const sk of [
      '1.00000000000000000001',
      '1',
      '0.99999999999999999999',
      '-1e-30',
      '12345678901234567890123456789012345678',
    ]) {
      await dynamo.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: 'n' }, sk: { N: sk } } }));
    }
    const all = await query({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'n' } } });
    expect(all.Items?.map((i) => i['sk']?.N)).toEqual([
      '-0.000000000000000000000000000001',
      '0.99999999999999999999',
      '1',
      '1.00000000000000000001',
      '12345678901234567890123456789012345678',
    ]);
    const above = await query({
      KeyConditionExpression: 'pk = :p AND sk > :one',
      ExpressionAttributeValues: { ':p': { S: 'n' }, ':one': { N: '1' } },
    });
    expect(above.Items?.map((i) => i['sk']?.N)).toEqual([
      '1.00000000000000000001',
      '12345678901234567890123456789012345678',
    ]);
  });

  it('begins_with and string sort keys order by UTF-8 bytes', async () => {
    await dynamo.send(
      new CreateTableCommand({
        TableName: 'strs',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (const sk of ['b#2', 'a#1', '\u{1F600}', '\uFF5E', 'b#1', 'b'])
      await doc.send(new PutCommand({ TableName: 'strs', Item: { pk: 'x', sk } }));
    const all = await doc.send(
      new DocQueryCommand({
        TableName: 'strs',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'x' },
      }),
    );
    expect(all.Items?.map((i) => i['sk'])).toEqual(['a#1', 'b', 'b#1', 'b#2', '\uFF5E', '\u{1F600}']);
    const prefixed = await doc.send(
      new DocQueryCommand({
        TableName: 'strs',
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :b)',
        ExpressionAttributeValues: { ':p': 'x', ':b': 'b#' },
      }),
    );
    expect(prefixed.Items?.map((i) => i['sk'])).toEqual(['b#1', 'b#2']);
  });
});

describe('UpdateTable', () => {
  it('adds a GSI (backfilled) and deletes it; one index change per call', async () => {
    await createOrders();
    await put({ pk: 'a', sk: 1, region: 'eu' });
    const added = await dynamo.send(
      new UpdateTableCommand({
        TableName: 'orders',
        AttributeDefinitions: [{ AttributeName: 'region', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'byRegion',
              KeySchema: [{ AttributeName: 'region', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
    expect(added.TableDescription?.TableStatus).toBe('UPDATING');
    const found = await query({
      IndexName: 'byRegion',
      KeyConditionExpression: '#r = :r',
      ExpressionAttributeNames: { '#r': 'region' },
      ExpressionAttributeValues: marshall({ ':r': 'eu' }),
    });
    expect(plain(found.Items)).toEqual([{ pk: 'a', sk: 1, region: 'eu' }]);
    const two = await rejection(
      dynamo.send(
        new UpdateTableCommand({
          TableName: 'orders',
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byRegion' } }, { Delete: { IndexName: 'byStatus' } }],
        }),
      ),
    );
    expect(two).toBeInstanceOf(LimitExceededException);
    await dynamo.send(
      new UpdateTableCommand({
        TableName: 'orders',
        GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byRegion' } }],
      }),
    );
    const gone = await rejection(
      query({
        IndexName: 'byRegion',
        KeyConditionExpression: '#r = :r',
        ExpressionAttributeNames: { '#r': 'region' },
        ExpressionAttributeValues: marshall({ ':r': 'eu' }),
      }),
    );
    expect(gone.message).toBe('The table does not have the specified index: byRegion');
    const nothing = await rejection(dynamo.send(new UpdateTableCommand({ TableName: 'orders' })));
    expect(nothing.message).toBe(
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
    );
  });

  it('a new GSI leaves out items whose key attribute has another type; writing them again is refused', async () => {
    await createOrders();
    await put({ pk: 'a', sk: 1, region: 'eu' });
    await put({ pk: 'a', sk: 2, region: 7 });
    await dynamo.send(
      new UpdateTableCommand({
        TableName: 'orders',
        AttributeDefinitions: [{ AttributeName: 'region', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'byRegion',
              KeySchema: [{ AttributeName: 'region', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          },
        ],
      }),
    );
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: 'orders' }));
    expect(Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'byRegion')?.ItemCount).toBe(1);
    const scan = await dynamo.send(new ScanCommand({ TableName: 'orders', IndexName: 'byRegion' }));
    expect(plain(scan.Items)).toEqual([{ pk: 'a', sk: 1, region: 'eu' }]);
    const again = await rejection(put({ pk: 'a', sk: 2, region: 7 }));
    expect(again.message).toBe(
      'One or more parameter values were invalid: Type mismatch for Index Key region Expected: S Actual: N IndexName: byRegion',
    );
  });

  it('turning the stream off and on again gives a new label and ARN each time', async () => {
    await createOrders();
    const on1 = await dynamo.send(
      new UpdateTableCommand({
        TableName: 'orders',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    const first = on1.TableDescription?.LatestStreamArn as string;
    await put({ pk: 'a', sk: 1 });
    await dynamo.send(new UpdateTableCommand({ TableName: 'orders', StreamSpecification: { StreamEnabled: false } }));
    await put({ pk: 'a', sk: 2 });
    const on2 = await dynamo.send(
      new UpdateTableCommand({
        TableName: 'orders',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
      }),
    );
    const second = on2.TableDescription?.LatestStreamArn as string;
    expect(second).not.toBe(first);
    expect(on2.TableDescription?.LatestStreamLabel).not.toBe(on1.TableDescription?.LatestStreamLabel);
    await put({ pk: 'a', sk: 3 });
    expect(mocks.dynamodb.streamRecords('orders').map((r) => r.dynamodb.Keys)).toEqual([marshall({ pk: 'a', sk: 3 })]);
    const again = await rejection(
      dynamo.send(
        new UpdateTableCommand({
          TableName: 'orders',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
        }),
      ),
    );
    expect(again.name).toBe('ValidationException');
  });
});
