/** DynamoDB JSON 1.0 through the real `@aws-sdk/client-dynamodb`: tables, items, expressions, errors. */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { createAwsMocks } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient, rawDynamo } from './_clients.js';
import { rejection } from '../_helpers/rejection.js';

const { mocks } = useAwsMocks();
const dynamo = dynamoClient();

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
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

const key = (pk: string, sk: number) => marshall({ pk, sk });
async function update(input: Omit<UpdateItemCommandInput, 'TableName' | 'Key'>, k = key('a', 1)) {
  return dynamo.send(new UpdateItemCommand({ TableName: 'orders', Key: k, ...input }));
}
async function item(k = key('a', 1)): Promise<Record<string, unknown> | undefined> {
  const out = await dynamo.send(new GetItemCommand({ TableName: 'orders', Key: k }));
  return out.Item === undefined ? undefined : unmarshall(out.Item);
}

describe('tables', () => {
  it('CreateTable and DescribeTable; a second CreateTable is ResourceInUseException', async () => {
    await createOrders();
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: 'orders' }));
    expect(Table).toMatchObject({
      TableName: 'orders',
      TableStatus: 'ACTIVE',
      TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      ItemCount: 0,
    });
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.CreationDateTime).toEqual(mocks.clock.now());
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.LatestStreamArn).toBeUndefined();
    await expect(createOrders()).rejects.toBeInstanceOf(ResourceInUseException);
    await expect(dynamo.send(new DescribeTableCommand({ TableName: 'missing' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('CreateTable validates key schema, attribute definitions and billing', async () => {
    const base = {
      TableName: 'bad',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }],
    };
    const noThroughput = await rejection(dynamo.send(new CreateTableCommand(base)));
    expect(noThroughput.name).toBe('ValidationException');
    expect(noThroughput.message).toMatch(/ReadCapacityUnits and WriteCapacityUnits must both be specified/);
    const extra = await rejection(
      dynamo.send(
        new CreateTableCommand({
          ...base,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...base.AttributeDefinitions, { AttributeName: 'x', AttributeType: 'S' }],
        }),
      ),
    );
    expect(extra.message).toMatch(/does not exactly match number of attributes defined in AttributeDefinitions/);
    const range = await rejection(
      dynamo.send(
        new CreateTableCommand({
          ...base,
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'RANGE' }],
        }),
      ),
    );
    expect(range.message).toBe('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
    await dynamo.send(
      new CreateTableCommand({ ...base, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }),
    );
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: 'bad' }));
    expect(Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 5 });
  });
});

describe('items', () => {
  it('PutItem, GetItem (with a projection), DeleteItem and ReturnValues ALL_OLD round-trip every type', async () => {
    await createOrders();
    const full = {
      pk: 'a',
      sk: 1,
      name: 'Ada',
      price: 12.5,
      big: 12345678901234567890n,
      tags: new Set(['x', 'y']),
      nums: new Set([1, 2]),
      blob: new Uint8Array([1, 2, 3]),
      ok: true,
      nothing: null,
      list: [1, 'two', { three: 3 }],
      map: { nested: { deep: 'yes' } },
    };
    await dynamo.send(new PutItemCommand({ TableName: 'orders', Item: marshall(full) }));
    expect(
      unmarshall(
        (await dynamo.send(new GetItemCommand({ TableName: 'orders', Key: key('a', 1) }))).Item as Record<
          string,
          AttributeValue
        >,
        { wrapNumbers: false },
      ),
    ).toEqual({ ...full, big: 12345678901234567890n });
    const projected = await dynamo.send(
      new GetItemCommand({
        TableName: 'orders',
        Key: key('a', 1),
        ProjectionExpression: '#n, #m.nested.deep, #l[2]',
        ExpressionAttributeNames: { '#n': 'name', '#m': 'map', '#l': 'list' },
      }),
    );
    expect(unmarshall(projected.Item as Record<string, AttributeValue>)).toEqual({
      name: 'Ada',
      map: { nested: { deep: 'yes' } },
      list: [{ three: 3 }],
    });
    const replaced = await dynamo.send(
      new PutItemCommand({
        TableName: 'orders',
        Item: marshall({ pk: 'a', sk: 1, name: 'Bea' }),
        ReturnValues: 'ALL_OLD',
      }),
    );
    expect(unmarshall(replaced.Attributes as Record<string, AttributeValue>).name).toBe('Ada');
    const deleted = await dynamo.send(
      new DeleteItemCommand({ TableName: 'orders', Key: key('a', 1), ReturnValues: 'ALL_OLD' }),
    );
    expect(unmarshall(deleted.Attributes as Record<string, AttributeValue>)).toEqual({ pk: 'a', sk: 1, name: 'Bea' });
    expect(await item()).toBeUndefined();
  });

  it('items() shows the table unmarshalled, or marshalled as stored (numbers canonical)', async () => {
    await createOrders();
    await dynamo.send(
      new PutItemCommand({ TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: '01.50e1' }, n: { N: '-0.0100' } } }),
    );
    expect(mocks.dynamodb.items('orders')).toEqual([{ pk: 'a', sk: 15, n: -0.01 }]);
    expect(mocks.dynamodb.items('orders', { marshalled: true })).toEqual([
      { pk: { S: 'a' }, sk: { N: '15' }, n: { N: '-0.01' } },
    ]);
    // The same key in another spelling is the same item.
    expect(await item(key('a', 15))).toEqual({ pk: 'a', sk: 15, n: -0.01 });
  });

  it('key and item validation: missing key, wrong key type, extra key attributes, 400 KB', async () => {
    await createOrders();
    const missing = await rejection(
      dynamo.send(new PutItemCommand({ TableName: 'orders', Item: marshall({ pk: 'a' }) })),
    );
    expect([missing.name, missing.message]).toEqual([
      'ValidationException',
      'One or more parameter values were invalid: Missing the key sk in the item',
    ]);
    const wrongType = await rejection(
      dynamo.send(new PutItemCommand({ TableName: 'orders', Item: marshall({ pk: 'a', sk: 'one' }) })),
    );
    expect(wrongType.message).toBe(
      'One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S',
    );
    const extra = await rejection(
      dynamo.send(new GetItemCommand({ TableName: 'orders', Key: marshall({ pk: 'a', sk: 1, x: 1 }) })),
    );
    expect(extra.message).toBe('The provided key element does not match the schema');
    const emptyKey = await rejection(
      dynamo.send(new PutItemCommand({ TableName: 'orders', Item: marshall({ pk: '', sk: 1 }) })),
    );
    expect(emptyKey.message).toMatch(/cannot contain an empty string value. Key: pk/);
    const tooBig = await rejection(
      dynamo.send(
        new PutItemCommand({ TableName: 'orders', Item: marshall({ pk: 'a', sk: 1, blob: 'x'.repeat(400 * 1024) }) }),
      ),
    );
    expect([tooBig.name, tooBig.message, tooBig.$metadata?.httpStatusCode]).toEqual([
      'ValidationException',
      'Item size has exceeded the maximum allowed size',
      400,
    ]);
    const emptySet = await rejection(
      dynamo.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: '1' }, s: { SS: [] } } })),
    );
    expect(emptySet.name).toBe('ValidationException');
    await expect(
      dynamo.send(new PutItemCommand({ TableName: 'nope', Item: marshall({ pk: 'a', sk: 1 }) })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(mocks.dynamodb.items('orders')).toEqual([]);
  });

  it('bad JSON and wrong member types are SerializationException', async () => {
    await createOrders();
    expect(await rawDynamo('PutItem', '{"TableName":')).toMatchObject({
      status: 400,
      json: { __type: 'SerializationException' },
    });
    const wrong = await rawDynamo('PutItem', '{"TableName":"orders","Item":[]}');
    expect(wrong.status).toBe(400);
    expect(wrong.json.__type).toBe('com.amazon.coral.service#SerializationException');
    const missing = await rawDynamo('GetItem', '{"TableName":"orders"}');
    expect(missing.json.__type).toBe('com.amazon.coral.validate#ValidationException');
  });
});

describe('UpdateItem', () => {
  it('SET (arithmetic, if_not_exists, list_append, nested paths), REMOVE, ADD and DELETE', async () => {
    await createOrders();
    await update({
      UpdateExpression:
        'SET #c = if_not_exists(#c, :zero) + :one, events = list_append(if_not_exists(events, :empty), :first), profile = :profile ADD tags :tags, visits :one',
      ExpressionAttributeNames: { '#c': 'count' },
      ExpressionAttributeValues: marshall({
        ':zero': 0,
        ':one': 1,
        ':empty': [],
        ':first': ['created'],
        ':profile': { city: 'Oslo', langs: ['no'] },
        ':tags': new Set(['a', 'b']),
      }),
    });
    expect(await item()).toEqual({
      pk: 'a',
      sk: 1,
      count: 1,
      events: ['created'],
      profile: { city: 'Oslo', langs: ['no'] },
      tags: new Set(['a', 'b']),
      visits: 1,
    });
    await update({
      UpdateExpression:
        'SET #c = #c + :two, events = list_append(:head, events), profile.city = :city, profile.langs[5] = :en REMOVE visits DELETE tags :a',
      ExpressionAttributeNames: { '#c': 'count' },
      ExpressionAttributeValues: marshall({
        ':two': 2,
        ':head': ['first'],
        ':city': 'Bergen',
        ':en': 'en',
        ':a': new Set(['a']),
      }),
    });
    expect(await item()).toEqual({
      pk: 'a',
      sk: 1,
      count: 3,
      events: ['first', 'created'],
      profile: { city: 'Bergen', langs: ['no', 'en'] },
      tags: new Set(['b']),
    });
    // Removing the last set members removes the attribute; list elements go by their old indexes.
    await update({
      UpdateExpression: 'DELETE tags :all REMOVE events[0], events[1]',
      ExpressionAttributeValues: marshall({ ':all': new Set(['b', 'c']) }),
    });
    // ADD and DELETE on one attribute in one expression overlap, as in DynamoDB.
    expect(
      (
        await rejection(
          update({
            UpdateExpression: 'ADD tags :x DELETE tags :x',
            ExpressionAttributeValues: marshall({ ':x': new Set(['x']) }),
          }),
        )
      ).message,
    ).toMatch(/Two document paths overlap/);
    expect(await item()).toEqual({
      pk: 'a',
      sk: 1,
      count: 3,
      events: [],
      profile: { city: 'Bergen', langs: ['no', 'en'] },
    });
  });

  it('numbers are exact decimals: 0.1 + 0.2 and 38-digit values', async () => {
    await createOrders();
    await update({
      UpdateExpression: 'SET x = :a + :b, y = :big - :one',
      ExpressionAttributeValues: {
        ':a': { N: '0.1' },
        ':b': { N: '0.2' },
        ':big': { N: '12345678901234567890123456789012345678' },
        ':one': { N: '1' },
      },
    });
    const out = await dynamo.send(new GetItemCommand({ TableName: 'orders', Key: key('a', 1) }));
    expect(out.Item?.['x']).toEqual({ N: '0.3' });
    expect(out.Item?.['y']).toEqual({ N: '12345678901234567890123456789012345677' });
  });

  it('ReturnValues NONE, ALL_OLD, ALL_NEW, UPDATED_OLD, UPDATED_NEW', async () => {
    await createOrders();
    await dynamo.send(
      new PutItemCommand({
        TableName: 'orders',
        Item: marshall({ pk: 'a', sk: 1, n: 1, keep: 'k', m: { a: 1, b: 2 } }),
      }),
    );
    const run = async (ReturnValues: UpdateItemCommandInput['ReturnValues']) => {
      const out = await update({
        UpdateExpression: 'SET n = n + :one, m.b = :three',
        ExpressionAttributeValues: marshall({ ':one': 1, ':three': 3 }),
        ReturnValues,
      });
      return out.Attributes === undefined ? undefined : unmarshall(out.Attributes);
    };
    expect(await run('NONE')).toBeUndefined();
    expect(await run('ALL_OLD')).toEqual({ pk: 'a', sk: 1, n: 2, keep: 'k', m: { a: 1, b: 3 } });
    expect(await run('ALL_NEW')).toEqual({ pk: 'a', sk: 1, n: 4, keep: 'k', m: { a: 1, b: 3 } });
    expect(await run('UPDATED_OLD')).toEqual({ n: 4, m: { b: 3 } });
    expect(await run('UPDATED_NEW')).toEqual({ n: 6, m: { b: 3 } });
  });

  it('an UpdateItem on a new key creates the item from its key', async () => {
    await createOrders();
    const out = await update(
      {
        UpdateExpression: 'SET greeting = :hi',
        ExpressionAttributeValues: marshall({ ':hi': 'hello' }),
        ReturnValues: 'ALL_OLD',
      },
      key('new', 9),
    );
    expect(out.Attributes).toBeUndefined();
    expect(await item(key('new', 9))).toEqual({ pk: 'new', sk: 9, greeting: 'hello' });
  });

  it("bad update expressions are ValidationException with DynamoDB's messages, and change nothing", async () => {
    await createOrders();
    await dynamo.send(
      new PutItemCommand({ TableName: 'orders', Item: marshall({ pk: 'a', sk: 1, s: 'text', n: 1, l: [1] }) }),
    );
    const cases: Array<[Omit<UpdateItemCommandInput, 'TableName' | 'Key'>, string | RegExp]> = [
      [
        { UpdateExpression: 'SET = :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        'Invalid UpdateExpression: Syntax error; token: "=", near: "SET = :v"',
      ],
      // DynamoDB prefixes these with the expression's kind (dynalite's tests against AWS, moto).
      [
        { UpdateExpression: 'SET a = :v' },
        'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v',
      ],
      [
        { UpdateExpression: 'SET #a = :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        'Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a',
      ],
      [
        { UpdateExpression: 'SET a = :v', ExpressionAttributeValues: marshall({ ':v': 1, ':w': 2 }) },
        'Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}',
      ],
      [
        {
          UpdateExpression: 'SET a = :v',
          ExpressionAttributeValues: marshall({ ':v': 1 }),
          ExpressionAttributeNames: { '#x': 'x' },
        },
        'Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}',
      ],
      [
        { UpdateExpression: 'SET a = :v REMOVE a', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]',
      ],
      [
        { UpdateExpression: 'SET m = :v, m.x = :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        /Two document paths overlap with each other; .* path one: \[m\], path two: \[m, x\]/,
      ],
      [
        { UpdateExpression: 'SET pk = :v', ExpressionAttributeValues: marshall({ ':v': 'b' }) },
        'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key',
      ],
      [
        { UpdateExpression: 'SET n = absent + :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        'The provided expression refers to an attribute that does not exist in the item',
      ],
      [
        { UpdateExpression: 'SET n = s + :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        'An operand in the update expression has an incorrect data type',
      ],
      [
        { UpdateExpression: 'ADD s :v', ExpressionAttributeValues: marshall({ ':v': 'x' }) },
        'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING',
      ],
      [
        { UpdateExpression: 'ADD n :v', ExpressionAttributeValues: marshall({ ':v': new Set(['x']) }) },
        'An operand in the update expression has an incorrect data type',
      ],
      [
        { UpdateExpression: 'DELETE n :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER',
      ],
      [
        { UpdateExpression: 'SET x.y.z = :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        'The document path provided in the update expression is invalid for update',
      ],
      [
        { UpdateExpression: 'SET a = size(l)' },
        /Invalid UpdateExpression: The function is not allowed in an update expression; function: size/,
      ],
      [{ UpdateExpression: 'SET a = nope(l)' }, 'Invalid UpdateExpression: Invalid function name; function: nope'],
      [
        { UpdateExpression: 'SET a = :v SET b = :v', ExpressionAttributeValues: marshall({ ':v': 1 }) },
        /The "SET" section can only be used once/,
      ],
      [
        {
          UpdateExpression: 'SET a = :v',
          ExpressionAttributeValues: marshall({ ':v': 1 }),
          ConditionExpression: 'n >',
        },
        'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "n >"',
      ],
      [{ UpdateExpression: 'SET a = 5' }, /^Invalid UpdateExpression: Syntax error; token: "5"/],
      [
        { UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': { SS: [] } } },
        /^ExpressionAttributeValues contains invalid value: /,
      ],
      [
        { UpdateExpression: 'SET big = :v', ExpressionAttributeValues: marshall({ ':v': 'x'.repeat(400 * 1024) }) },
        'Item size to update has exceeded the maximum allowed size',
      ],
    ];
    for (const [input, message] of cases) {
      const error = await rejection(update(input));
      expect(error.name, JSON.stringify(input)).toBe('ValidationException');
      expect(error.$metadata?.httpStatusCode).toBe(400);
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
    }
    expect(mocks.dynamodb.items('orders')).toEqual([{ pk: 'a', sk: 1, s: 'text', n: 1, l: [1] }]);
  });
});

describe('ConditionExpression', () => {
  it('functions, comparisons, AND/OR/NOT and parentheses decide; a false condition is ConditionalCheckFailedException', async () => {
    await createOrders();
    await dynamo.send(
      new PutItemCommand({
        TableName: 'orders',
        Item: marshall({
          pk: 'a',
          sk: 1,
          status: 'open',
          qty: 5,
          tags: new Set(['red', 'blue']),
          note: 'urgent: call back',
          letters: ['x', 'y'],
        }),
      }),
    );
    const check = async (
      ConditionExpression: string,
      values: Record<string, unknown> = {},
      names?: Record<string, string>,
    ) => {
      const out = await update({
        UpdateExpression: 'SET touched = :t',
        ConditionExpression,
        ExpressionAttributeValues: marshall({ ':t': true, ...values }),
        ...(names === undefined ? {} : { ExpressionAttributeNames: names }),
      }).then(
        () => true,
        (e: unknown) => {
          if (e instanceof ConditionalCheckFailedException) return false;
          throw e;
        },
      );
      return out;
    };
    expect(await check('attribute_exists(pk)')).toBe(true);
    expect(await check('attribute_not_exists(pk)')).toBe(false);
    expect(await check('attribute_not_exists(absent)')).toBe(true);
    expect(await check('#s = :open', { ':open': 'open' }, { '#s': 'status' })).toBe(true);
    expect(await check('#s <> :open', { ':open': 'open' }, { '#s': 'status' })).toBe(false);
    expect(await check('qty < :n', { ':n': 10 })).toBe(true);
    expect(await check('qty <= :n', { ':n': 5 })).toBe(true);
    expect(await check('qty > :n', { ':n': 5 })).toBe(false);
    expect(await check('qty >= :n', { ':n': 5.0 })).toBe(true);
    expect(await check('qty BETWEEN :lo AND :hi', { ':lo': 1, ':hi': 5 })).toBe(true);
    expect(await check('#s IN (:a, :b)', { ':a': 'closed', ':b': 'open' }, { '#s': 'status' })).toBe(true);
    expect(await check('begins_with(note, :p)', { ':p': 'urgent' })).toBe(true);
    expect(await check('contains(tags, :t2)', { ':t2': 'red' })).toBe(true);
    expect(await check('contains(letters, :t2)', { ':t2': 'z' })).toBe(false);
    expect(await check('contains(note, :t2)', { ':t2': 'call' })).toBe(true);
    expect(await check('size(letters) = :two', { ':two': 2 })).toBe(true);
    expect(await check('attribute_type(qty, :n)', { ':n': 'N' })).toBe(true);
    expect(
      await check(
        'NOT (qty > :n OR #s = :c) AND attribute_exists(tags)',
        { ':n': 9, ':c': 'closed' },
        { '#s': 'status' },
      ),
    ).toBe(true);
    expect(
      await check('qty > :n AND (#s = :c OR attribute_exists(nope))', { ':n': 1, ':c': 'closed' }, { '#s': 'status' }),
    ).toBe(false);
    expect(await check('absent = :n', { ':n': 1 })).toBe(false);
    // Strings order by UTF-8 bytes, not as numbers.
    expect(await check('note > :s', { ':s': 'urgent' })).toBe(true);
    // A new item is checked against no attributes at all.
    const created = await update(
      {
        UpdateExpression: 'SET v = :one',
        ConditionExpression: 'attribute_not_exists(pk)',
        ExpressionAttributeValues: marshall({ ':one': 1 }),
      },
      key('b', 2),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    const failed = await rejection(
      dynamo.send(
        new PutItemCommand({
          TableName: 'orders',
          Item: marshall({ pk: 'b', sk: 2 }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    expect(failed).toBeInstanceOf(ConditionalCheckFailedException);
    expect([failed.message, failed.$metadata?.httpStatusCode]).toEqual(['The conditional request failed', 400]);
    await expect(
      dynamo.send(
        new DeleteItemCommand({
          TableName: 'orders',
          Key: key('b', 2),
          ConditionExpression: 'v = :two',
          ExpressionAttributeValues: marshall({ ':two': 2 }),
        }),
      ),
    ).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect(await item(key('b', 2))).toEqual({ pk: 'b', sk: 2, v: 1 });
  });

  it('bad conditions are ValidationException', async () => {
    await createOrders();
    const bad = async (ConditionExpression: string, values?: Record<string, unknown>) =>
      rejection(
        dynamo.send(
          new PutItemCommand({
            TableName: 'orders',
            Item: marshall({ pk: 'a', sk: 1 }),
            ConditionExpression,
            ...(values === undefined ? {} : { ExpressionAttributeValues: marshall(values) }),
          }),
        ),
      );
    expect((await bad('attribute_exists(:v)', { ':v': 1 })).message).toBe(
      'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists',
    );
    expect((await bad('begins_with(a, :v)', { ':v': 1 })).message).toBe(
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: NUMBER',
    );
    expect((await bad('a < :v', { ':v': [1] })).message).toBe(
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: LIST',
    );
    expect((await bad('a BETWEEN :hi AND :lo', { ':hi': 5, ':lo': 1 })).message).toMatch(
      /^Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound/,
    );
    expect((await bad('(a = :v', { ':v': 1 })).message).toBe(
      'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= :v"',
    );
    expect((await bad('a = :v AND', { ':v': 1 })).message).toMatch(
      /^Invalid ConditionExpression: Syntax error; token: "<EOF>"/,
    );
    expect((await bad('a ~ :v', { ':v': 1 })).message).toBe(
      'Invalid ConditionExpression: Syntax error; token: "~", near: "a ~"',
    );
    expect((await bad('attribute_type(a, :t)', { ':t': 'X' })).message).toMatch(
      /Invalid attribute type name found; type: X/,
    );
    expect(mocks.dynamodb.items('orders')).toEqual([]);
  });
});

describe('Query and Scan', () => {
  it('Query by partition key and sort-key range, in sort order; Scan with a filter and paging', async () => {
    await createOrders();
    for (const [pk, sk] of [
      ['a', 3],
      ['a', 1],
      ['b', 1],
      ['a', 2],
    ] as const)
      await dynamo.send(new PutItemCommand({ TableName: 'orders', Item: marshall({ pk, sk, even: sk % 2 === 0 }) }));
    const q = await dynamo.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'pk = :a AND sk >= :two',
        ExpressionAttributeValues: marshall({ ':a': 'a', ':two': 2 }),
      }),
    );
    expect(q.Items?.map((i) => unmarshall(i)['sk'])).toEqual([2, 3]);
    const back = await dynamo.send(
      new QueryCommand({
        TableName: 'orders',
        KeyConditionExpression: 'pk = :a',
        ExpressionAttributeValues: marshall({ ':a': 'a' }),
        ScanIndexForward: false,
      }),
    );
    expect(back.Items?.map((i) => unmarshall(i)['sk'])).toEqual([3, 2, 1]);
    const scan = await dynamo.send(
      new ScanCommand({
        TableName: 'orders',
        FilterExpression: 'even = :t',
        ExpressionAttributeValues: marshall({ ':t': false }),
      }),
    );
    expect(scan.Count).toBe(3);
    expect(scan.ScannedCount).toBe(4);
    const page = await dynamo.send(new ScanCommand({ TableName: 'orders', Limit: 3 }));
    const rest = await dynamo.send(new ScanCommand({ TableName: 'orders', ExclusiveStartKey: page.LastEvaluatedKey }));
    expect((page.Items?.length ?? 0) + (rest.Items?.length ?? 0)).toBe(4);
    expect(rest.LastEvaluatedKey).toBeUndefined();
  });
});

describe('state', () => {
  it('reset() forgets tables; two instances never share state', async () => {
    mocks.dynamodb.createTable('solo', { partitionKey: 'id' });
    mocks.dynamodb.putItem('solo', { id: '1', v: 1 });
    const other = createAwsMocks({ guardHttp2: false });
    expect(() => other.dynamodb.items('solo')).toThrow(/not a table of these mocks/);
    expect(mocks.dynamodb.items('solo')).toEqual([{ id: '1', v: 1 }]);
    mocks.reset();
    await expect(dynamo.send(new DescribeTableCommand({ TableName: 'solo' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});
