/** A real Kinesis client kept inside the mocks (HTTP/1.1 handler: msw cannot see HTTP/2). */
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { awsTestClientConfig } from '../../../src/msw/index.js';

/** A real Kinesis client (JSON 1.1, one attempt, fake credentials). */
export function kinesisClient(region = 'us-east-1'): KinesisClient {
  return new KinesisClient(awsTestClientConfig({ region }));
}

/** A raw JSON 1.1 request to the Kinesis endpoint, for malformed bodies the SDK would never send. */
export async function rawKinesis(
  operation: string,
  body: string,
  region = 'us-east-1',
): Promise<{ status: number; json: { __type?: string; message?: string } }> {
  const response = await fetch(`https://kinesis.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Kinesis_20131202.${operation}` },
    body,
  });
  return { status: response.status, json: (await response.json()) as { __type?: string; message?: string } };
}
