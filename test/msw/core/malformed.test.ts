/**
 * Malformed requests get the AWS error type and status the services return, parsed by the real
 * SDK into the right error; the mock never throws inside msw. Bodies are broken with SDK
 * middleware, after serialisation, so the real client still signs, sends and parses.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();

type Args = { request: { body: unknown; headers: Record<string, string> } };
type BuildMiddleware = (next: (args: Args) => Promise<unknown>) => (args: Args) => Promise<unknown>;

/** A client whose serialised request body is replaced by `body`. */
function withBody<T extends SQSClient | EventBridgeClient>(client: T, body: string): T {
  const middleware: BuildMiddleware = (next) => async (args) => {
    args.request.body = body;
    args.request.headers['content-length'] = String(Buffer.byteLength(body));
    return next(args);
  };
  (client.middlewareStack.add as unknown as (m: BuildMiddleware, o: { step: 'build'; priority: 'low' }) => void)(
    middleware,
    { step: 'build', priority: 'low' },
  );
  return client;
}

describe('SQS', () => {
  const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/q';

  it('a body that is not JSON is a 400 SerializationException', async () => {
    mocks.sqs.createQueue('q');
    const error = await withBody(new SQSClient(awsTestClientConfig()), '{"QueueUrl": ')
      .send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({ name: 'SerializationException', $metadata: { httpStatusCode: 400 } });
    const array = await withBody(new SQSClient(awsTestClientConfig()), '[]')
      .send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }))
      .catch((e: unknown) => e);
    expect(array).toMatchObject({ name: 'SerializationException' });
  });

  it('a missing required member is MissingParameter; a member of the wrong type is SerializationException', async () => {
    mocks.sqs.createQueue('q');
    const sqs = new SQSClient(awsTestClientConfig());
    await expect(sqs.send(new SendMessageCommand({ QueueUrl: url } as never))).rejects.toMatchObject({
      name: 'MissingParameter',
      Code: 'MissingParameter',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(sqs.send(new SendMessageCommand({ MessageBody: 'x' } as never))).rejects.toMatchObject({
      name: 'MissingParameter',
      message: 'The request must contain the parameter QueueUrl.',
    });
    await expect(
      sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 'ten' as never })),
    ).rejects.toMatchObject({ name: 'SerializationException' });
    await expect(
      sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 1.5 })),
    ).rejects.toMatchObject({ name: 'SerializationException' });
    const numericUrl = withBody(new SQSClient(awsTestClientConfig()), '{"QueueUrl":42,"MessageBody":"x"}');
    await expect(numericUrl.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }))).rejects.toMatchObject({
      name: 'SerializationException',
      message: expect.stringContaining('QueueUrl'),
    });
  });

  it('a message over the size limit is InvalidParameterValue, and a bad queue URL is InvalidAddress or QueueDoesNotExist', async () => {
    mocks.sqs.createQueue('q');
    const sqs = new SQSClient(awsTestClientConfig());
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(1_048_577) })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue', $metadata: { httpStatusCode: 400 } });
    await expect(
      sqs.send(
        new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/a/b', MessageBody: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidAddress' });
    await expect(
      sqs.send(
        new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/999999999999/q', MessageBody: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });
});

describe('EventBridge', () => {
  it('bad JSON, a missing Entries member and a wrong type', async () => {
    const broken = await withBody(new EventBridgeClient(awsTestClientConfig()), 'nope')
      .send(new PutEventsCommand({ Entries: [] }))
      .catch((e: unknown) => e);
    expect(broken).toMatchObject({ name: 'SerializationException', $metadata: { httpStatusCode: 400 } });
    const events = new EventBridgeClient(awsTestClientConfig());
    await expect(events.send(new PutEventsCommand({} as never))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("'entries'"),
    });
    await expect(
      events.send(
        new PutEventsCommand({ Entries: [{ Source: 'a', DetailType: 'b', Detail: { not: 'a string' } as never }] }),
      ),
    ).rejects.toMatchObject({ name: 'SerializationException' });
  });
});
