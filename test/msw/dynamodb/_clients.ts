/** Real DynamoDB and DynamoDB Streams clients, and raw requests for malformed bodies. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { awsTestClientConfig } from '../../../src/msw/index.js';

/** A real DynamoDB client (JSON 1.0, one attempt, fake credentials). */
export function dynamoClient(region = 'us-east-1'): DynamoDBClient {
  return new DynamoDBClient(awsTestClientConfig({ region }));
}

/** A real DynamoDB Streams client. */
export function streamsClient(region = 'us-east-1'): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient(awsTestClientConfig({ region }));
}

/** A raw JSON 1.0 request to DynamoDB, for bodies the SDK would never send. */
export async function rawDynamo(
  operation: string,
  body: string,
  region = 'us-east-1',
): Promise<{ status: number; json: { __type?: string; message?: string } }> {
  const response = await fetch(`https://dynamodb.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` },
    body,
  });
  return { status: response.status, json: (await response.json()) as { __type?: string; message?: string } };
}
