/**
 * DynamoDB answers recorded against real AWS, replayed through the real @aws-sdk/client-dynamodb.
 *
 * Source of every expectation, unless a case says otherwise: localstack's snapshots recorded
 * against AWS, tests/aws/services/dynamodb/test_dynamodb.snapshot.json, with the requests in
 * tests/aws/services/dynamodb/test_dynamodb.py (github.com/localstack/localstack). Times, ids and
 * ARNs there are placeholders; the key sets and values below are what AWS sent.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  UpdateItemCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient, rawDynamo } from './_clients.js';

useAwsMocks();
const dynamo = dynamoClient();

const provisioned: CreateTableCommandInput = {
  TableName: 'crud',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
};
const onDemand: CreateTableCommandInput = {
  ...provisioned,
  TableName: 'on-demand',
  ProvisionedThroughput: undefined,
  BillingMode: 'PAY_PER_REQUEST',
};

/** The keys of a description, sorted as the snapshots list them. */
const keys = (value: object | undefined): string[] => Object.keys(value ?? {}).sort();

describe('table lifecycle (test_table_crud)', () => {
  it('CreateTable answers CREATING with the recorded key set; DescribeTable says ACTIVE with WarmThroughput', async () => {
    const created = (await dynamo.send(new CreateTableCommand(provisioned))).TableDescription;
    expect(created?.TableStatus).toBe('CREATING');
    expect(keys(created)).toEqual([
      'AttributeDefinitions',
      'CreationDateTime',
      'DeletionProtectionEnabled',
      'ItemCount',
      'KeySchema',
      'ProvisionedThroughput',
      'TableArn',
      'TableId',
      'TableName',
      'TableSizeBytes',
      'TableStatus',
    ]);
    expect(created?.ProvisionedThroughput).toEqual({
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 5,
    });

    const described = (await dynamo.send(new DescribeTableCommand({ TableName: 'crud' }))).Table;
    expect(described?.TableStatus).toBe('ACTIVE');
    expect(keys(described)).toEqual([
      'AttributeDefinitions',
      'CreationDateTime',
      'DeletionProtectionEnabled',
      'ItemCount',
      'KeySchema',
      'ProvisionedThroughput',
      'TableArn',
      'TableId',
      'TableName',
      'TableSizeBytes',
      'TableStatus',
      'WarmThroughput',
    ]);
    expect(described?.WarmThroughput).toEqual({ ReadUnitsPerSecond: 5, WriteUnitsPerSecond: 5, Status: 'ACTIVE' });
  });

  it('DeleteTable answers DELETING with the reduced key set', async () => {
    await dynamo.send(new CreateTableCommand(provisioned));
    const deleted = (await dynamo.send(new DeleteTableCommand({ TableName: 'crud' }))).TableDescription;
    expect(keys(deleted)).toEqual([
      'DeletionProtectionEnabled',
      'ItemCount',
      'ProvisionedThroughput',
      'TableArn',
      'TableId',
      'TableName',
      'TableSizeBytes',
      'TableStatus',
    ]);
    expect(deleted).toMatchObject({
      TableStatus: 'DELETING',
      TableName: 'crud',
      ItemCount: 0,
      TableSizeBytes: 0,
      DeletionProtectionEnabled: false,
    });
    const missing = await dynamo.send(new DeleteTableCommand({ TableName: 'non-existent' })).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: non-existent not found',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("the SDK's waiters work: waitUntilTableExists after CreateTable, waitUntilTableNotExists after DeleteTable", async () => {
    await dynamo.send(new CreateTableCommand(provisioned));
    const exists = await waitUntilTableExists(
      { client: dynamo, maxWaitTime: 5, minDelay: 1, maxDelay: 1 },
      { TableName: 'crud' },
    );
    expect(exists.state).toBe('SUCCESS');
    await dynamo.send(new DeleteTableCommand({ TableName: 'crud' }));
    const gone = await waitUntilTableNotExists(
      { client: dynamo, maxWaitTime: 5, minDelay: 1, maxDelay: 1 },
      { TableName: 'crud' },
    );
    expect(gone.state).toBe('SUCCESS');
  });
});

describe('on-demand tables (test_gsi_with_billing_mode[PAY_PER_REQUEST])', () => {
  it("CreateTable's BillingModeSummary has no update time yet; DescribeTable's has it, and on-demand warm throughput", async () => {
    const created = (await dynamo.send(new CreateTableCommand(onDemand))).TableDescription;
    expect(created?.BillingModeSummary).toEqual({ BillingMode: 'PAY_PER_REQUEST' });
    expect(created?.ProvisionedThroughput).toEqual({
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: 0,
      WriteCapacityUnits: 0,
    });
    const described = (await dynamo.send(new DescribeTableCommand({ TableName: 'on-demand' }))).Table;
    expect(keys(described?.BillingModeSummary)).toEqual(['BillingMode', 'LastUpdateToPayPerRequestDateTime']);
    expect(described?.WarmThroughput).toEqual({
      ReadUnitsPerSecond: 12000,
      WriteUnitsPerSecond: 4000,
      Status: 'ACTIVE',
    });
  });
});

describe('ReturnValuesOnConditionCheckFailure (test_return_values_on_conditions_check_failure)', () => {
  const item = { id: { S: '456' }, price: { N: '650' }, product: { S: 'sporting goods' } };
  const failing = {
    ConditionExpression: 'price between :lo and :hi',
    ExpressionAttributeValues: { ':lo': { N: '500' }, ':hi': { N: '600' } },
  };

  it('ALL_OLD returns the old item with ConditionalCheckFailedException (DeleteItem, as recorded)', async () => {
    await dynamo.send(new CreateTableCommand(provisioned));
    await dynamo.send(new PutItemCommand({ TableName: 'crud', Item: item }));
    const error = await dynamo
      .send(
        new DeleteItemCommand({
          TableName: 'crud',
          Key: { id: { S: '456' } },
          ...failing,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(error).toMatchObject({
      message: 'The conditional request failed',
      Item: item,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('PutItem and UpdateItem return it too; NONE (the default) and a missing item return none', async () => {
    await dynamo.send(new CreateTableCommand(provisioned));
    await dynamo.send(new PutItemCommand({ TableName: 'crud', Item: item }));
    const put = await dynamo
      .send(
        new PutItemCommand({
          TableName: 'crud',
          Item: { id: { S: '456' } },
          ...failing,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((e: unknown) => e);
    expect(put).toMatchObject({ name: 'ConditionalCheckFailedException', Item: item });
    const updated = await dynamo
      .send(
        new UpdateItemCommand({
          TableName: 'crud',
          Key: { id: { S: '456' } },
          UpdateExpression: 'SET product = :p',
          ...failing,
          ExpressionAttributeValues: { ...failing.ExpressionAttributeValues, ':p': { S: 'x' } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((e: unknown) => e);
    expect(updated).toMatchObject({ name: 'ConditionalCheckFailedException', Item: item });
    const plain = await dynamo
      .send(new DeleteItemCommand({ TableName: 'crud', Key: { id: { S: '456' } }, ...failing }))
      .catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(ConditionalCheckFailedException);
    expect((plain as { Item?: unknown }).Item).toBeUndefined();
    const absent = await dynamo
      .send(
        new DeleteItemCommand({
          TableName: 'crud',
          Key: { id: { S: 'nothing' } },
          ConditionExpression: 'attribute_exists(id)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      .catch((e: unknown) => e);
    expect(absent).toBeInstanceOf(ConditionalCheckFailedException);
    expect((absent as { Item?: unknown }).Item).toBeUndefined();
  });

  // The kit's wording in DynamoDB's standard form; the order AWS lists the enum in is unverified.
  it('an unknown value is a ValidationException in the standard form', async () => {
    await dynamo.send(new CreateTableCommand(provisioned));
    const raw = await rawDynamo(
      'DeleteItem',
      JSON.stringify({ TableName: 'crud', Key: { id: { S: '1' } }, ReturnValuesOnConditionCheckFailure: 'ALL_NEW' }),
    );
    expect(raw).toEqual({
      status: 400,
      json: {
        __type: 'com.amazon.coral.validate#ValidationException',
        message:
          "1 validation error detected: Value 'ALL_NEW' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]",
      },
    });
  });
});

describe('missing tables', () => {
  // test_batch_write_not_existing_table: item operations answer the bare message, while
  // DescribeTable/DeleteTable name the table (test_table_crud above).
  it('item operations on a missing table answer "Requested resource not found"', async () => {
    for (const send of [
      () => dynamo.send(new PutItemCommand({ TableName: 'nowhere', Item: { id: { S: '1' } } })),
      () => dynamo.send(new DeleteItemCommand({ TableName: 'nowhere', Key: { id: { S: '1' } } })),
      () =>
        dynamo.send(
          new UpdateItemCommand({
            TableName: 'nowhere',
            Key: { id: { S: '1' } },
            UpdateExpression: 'SET a = :a',
            ExpressionAttributeValues: { ':a': { S: 'x' } },
          }),
        ),
    ]) {
      expect(await send().catch((e: unknown) => e)).toMatchObject({
        name: 'ResourceNotFoundException',
        message: 'Requested resource not found',
        $metadata: { httpStatusCode: 400 },
      });
    }
    const described = await dynamo.send(new DescribeTableCommand({ TableName: 'nowhere' })).catch((e: unknown) => e);
    expect(described).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: nowhere not found',
    });
  });
});

describe('ListTables', () => {
  // ListTables' Limit is 1–100 (DynamoDB API reference, ListTables); the message is coral's standard form.
  it('a Limit outside 1–100 is a ValidationException', async () => {
    const { ListTablesCommand } = await import('@aws-sdk/client-dynamodb');
    for (const [Limit, bound] of [
      [0, 'greater than or equal to 1'],
      [101, 'less than or equal to 100'],
    ] as const) {
      const error = await dynamo.send(new ListTablesCommand({ Limit })).catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: 'ValidationException',
        message: `1 validation error detected: Value '${Limit}' at 'limit' failed to satisfy constraint: Member must have value ${bound}`,
      });
    }
    expect((await dynamo.send(new ListTablesCommand({ Limit: 100 }))).TableNames).toEqual([]);
  });
});

describe('undefined substitutions', () => {
  // dynalite (github.com/architect/dynalite, written against DynamoDB) and moto both expect
  // "Invalid <Kind>: An expression attribute value used in expression is not defined; …".
  it('the message names the expression it is in', async () => {
    await dynamo.send(new CreateTableCommand(provisioned));
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const scan = await dynamo
      .send(
        new ScanCommand({
          TableName: 'crud',
          FilterExpression: 'a = :missing',
          ExpressionAttributeValues: { ':other': { S: 'x' } },
        }),
      )
      .catch((e: unknown) => e);
    expect(scan).toMatchObject({
      name: 'ValidationException',
      message:
        'Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :missing',
    });
    const put = await dynamo
      .send(
        new PutItemCommand({
          TableName: 'crud',
          Item: { id: { S: '1' } },
          ConditionExpression: 'attribute_exists(#n)',
        }),
      )
      .catch((e: unknown) => e);
    expect(put).toMatchObject({
      name: 'ValidationException',
      message:
        'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n',
    });
  });
});
