/**
 * `mocks.dynamodb.requestHandler()`: the real DynamoDB and DynamoDB Streams clients served in
 * process, with the same answers and errors as through msw.
 */
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient } from './_clients.js';

const { mocks } = useAwsMocks();

describe('mocks.dynamodb.requestHandler()', () => {
  it('serves the DocumentClient and the Streams client in process, sharing state with the msw transport', async () => {
    const fast = new DynamoDBClient({ ...awsTestClientConfig(), requestHandler: mocks.dynamodb.requestHandler() });
    const created = await fast.send(
      new CreateTableCommand({
        TableName: 'fast',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    const doc = DynamoDBDocumentClient.from(fast);
    await doc.send(new PutCommand({ TableName: 'fast', Item: { id: 'a', n: 1n, when: 'now' } }));
    // The msw transport sees the same table.
    const viaMsw = await dynamoClient().send(new GetItemCommand({ TableName: 'fast', Key: { id: { S: 'a' } } }));
    expect(viaMsw.Item).toEqual({ id: { S: 'a' }, n: { N: '1' }, when: { S: 'now' } });
    expect((await doc.send(new GetCommand({ TableName: 'fast', Key: { id: 'a' } }))).Item).toEqual({
      id: 'a',
      n: 1,
      when: 'now',
    });
    const streams = new DynamoDBStreamsClient({
      ...awsTestClientConfig(),
      requestHandler: mocks.dynamodb.requestHandler(),
    });
    const described = await streams.send(
      new DescribeStreamCommand({ StreamArn: created.TableDescription?.LatestStreamArn }),
    );
    expect(described.StreamDescription?.TableName).toBe('fast');
    expect(mocks.dynamodb.streamRecords('fast')).toHaveLength(1);
  });

  it('errors arrive as the SDK exception classes, with status and request id', async () => {
    const fast = new DynamoDBClient({ ...awsTestClientConfig(), requestHandler: mocks.dynamodb.requestHandler() });
    const error = await fast
      .send(new PutItemCommand({ TableName: 'missing', Item: { id: { S: 'a' } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata).toMatchObject({ httpStatusCode: 400 });
    expect((error as ResourceNotFoundException).$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a call for another service fails loudly, naming the request', async () => {
    const s3 = new S3Client({ ...awsTestClientConfig(), requestHandler: mocks.dynamodb.requestHandler() });
    await expect(s3.send(new ListBucketsCommand({}))).rejects.toThrow(
      /mocks\.dynamodb\.requestHandler: no mock answers GET https:\/\/s3\./,
    );
  });
});
