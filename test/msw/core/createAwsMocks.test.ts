/** createAwsMocks: composition, isolation, reset, the catch-all and custom endpoints. */
import { ListArchivesCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  ListDeadLetterSourceQueuesCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { awsTestClientConfig, createAwsMocks } from '../../../src/msw/index.js';
import { eventBridgeClient, sqsClient } from '../_helpers/clients.js';
import { listenStrict } from '../_helpers/msw.js';
import { docSection } from '../../_helpers/readme.js';

describe('options', () => {
  it('bad options are EventInputErrors naming the option', () => {
    expect(() => createAwsMocks({ region: 'moon-1' })).toThrow(EventInputError);
    expect(() => createAwsMocks({ account: '123' })).toThrow(/options\.account/);
    expect(() => createAwsMocks({ clock: 'yesterday' })).toThrow(/options\.clock/);
    expect(() => createAwsMocks({ endpoints: ['not a url'] })).toThrow(/options\.endpoints\[0\]/);
  });

  it('region, account, clock and seed shape what the mocks produce', () => {
    const mocks = createAwsMocks({
      region: 'ap-southeast-2',
      account: '111122223333',
      clock: '2030-05-06T07:08:09.000Z',
      seed: 'abc',
      guardHttp2: false,
    });
    const queue = mocks.sqs.createQueue('q');
    expect(queue.arn).toBe('arn:aws:sqs:ap-southeast-2:111122223333:q');
    expect(mocks.clock.now().toISOString()).toBe('2030-05-06T07:08:09.000Z');
    const a = mocks.sqs.send('q', 'x').messageId;
    const again = createAwsMocks({ seed: 'abc', region: 'ap-southeast-2', account: '111122223333', guardHttp2: false });
    again.sqs.createQueue('q');
    expect(again.sqs.send('q', 'x').messageId).toBe(a);
    const other = createAwsMocks({ seed: 'abd', guardHttp2: false });
    other.sqs.createQueue('q');
    expect(other.sqs.send('q', 'x').messageId).not.toBe(a);
  });
});

describe('state', () => {
  it('two instances never share state; reset gives a clean slate with the same ids again', async () => {
    const one = createAwsMocks({ guardHttp2: false });
    const two = createAwsMocks({ guardHttp2: false });
    one.sqs.createQueue('shared-name');
    const first = one.sqs.send('shared-name', 'x').messageId;
    expect(() => two.sqs.messages('shared-name')).toThrow(/not a queue/);
    one.clock.advance(5000);
    expect(two.clock.now()).not.toEqual(one.clock.now());
    one.sqs.subscribe('shared-name', () => {});
    one.reset();
    expect(() => one.sqs.messages('shared-name')).toThrow(/not a queue/);
    expect(one.clock.now()).toEqual(two.clock.now());
    one.sqs.createQueue('shared-name');
    expect(one.sqs.send('shared-name', 'x').messageId).toBe(first);
    // The subscription made before reset is gone: nothing is delivered.
    expect(await one.drain()).toEqual({ steps: 0, time: one.clock.now() });
    expect(one.sqs.messages('shared-name')).toHaveLength(1);
  });

  it('both instances answer their own requests when composed in one server, distinguished by account', async () => {
    const a = createAwsMocks({ account: '111111111111', guardHttp2: false });
    const b = createAwsMocks({ account: '222222222222', guardHttp2: false });
    a.sqs.createQueue('q');
    // One server, a's handlers first: a's SQS handler answers every SQS request, so b's queue is unknown to it.
    const server = listenStrict([...a.handlers]);
    try {
      const sqs = sqsClient();
      await sqs.send(
        new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/111111111111/q', MessageBody: 'x' }),
      );
      await expect(
        sqs.send(
          new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/222222222222/q', MessageBody: 'x' }),
        ),
      ).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
      expect(a.sqs.messages('q')).toHaveLength(1);
      expect(() => b.sqs.messages('q')).toThrow(/not a queue/);
    } finally {
      server.close();
    }
  });
});

describe('catch-all', () => {
  const mocks = createAwsMocks({ guardHttp2: false, endpoints: ['http://localhost:4566'] });

  it('unimplemented JSON operations are UnknownOperationException naming service and operation', async () => {
    const server = listenStrict(mocks.handlers);
    try {
      const sqsError = await sqsClient()
        .send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q' }))
        .catch((e: unknown) => e);
      expect(sqsError).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
      expect((sqsError as Error).message).toMatch(/SQS operation ListDeadLetterSourceQueues is not implemented/);
      const ebError = await eventBridgeClient()
        .send(new ListArchivesCommand({}))
        .catch((e: unknown) => e);
      expect(ebError).toMatchObject({ name: 'UnknownOperationException' });
      expect((ebError as Error).message).toMatch(/EventBridge operation ListArchives/);
    } finally {
      server.close();
    }
  });

  it('REST and query requests to AWS hosts get AWS-shaped XML errors, never the network', async () => {
    const server = listenStrict(mocks.handlers.slice(-1)); // the catch-all alone (no S3 service composed)
    try {
      const s3Error = await new S3Client(awsTestClientConfig())
        .send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
        .catch((e: unknown) => e);
      expect(s3Error).toMatchObject({ name: 'UnknownOperationException', $metadata: { httpStatusCode: 400 } });
      expect((s3Error as Error).message).toMatch(/S3 operation GetObject/);
      const query = await fetch('https://sns.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=Publish&Version=2010-03-31',
      });
      expect(query.status).toBe(400);
      expect(await query.text()).toMatch(
        /<Code>UnknownOperationException<\/Code><Message>aws-event-kit\/msw: sns operation Publish/,
      );
      const cn = await fetch('https://kinesis.cn-north-1.amazonaws.com.cn/', {
        method: 'POST',
        headers: { 'x-amz-target': 'Kinesis_20131202.ListStreams', 'content-type': 'application/x-amz-json-1.1' },
        body: '{}',
      });
      expect(await cn.json()).toMatchObject({
        __type: 'UnknownOperationException',
        message: expect.stringMatching(/Kinesis operation ListStreams/),
      });
    } finally {
      server.close();
    }
  });

  it('custom endpoints are owned too: an SDK pointed at localhost:4566 is answered by the mocks', async () => {
    const server = listenStrict(mocks.handlers);
    try {
      const sqs = new SQSClient(awsTestClientConfig({ endpoint: 'http://localhost:4566' }));
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'local' }));
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: 'http://localhost:4566/123456789012/local',
          MessageBody: 'via custom endpoint',
        }),
      );
      expect(QueueUrl).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/local');
      expect(mocks.sqs.messages('local').map((m) => m.body)).toEqual(['via custom endpoint']);
      // S3 on the same endpoint, virtual-hosted: answered by the mocks (an S3 XML error), not the network.
      const virtualHosted = await fetch('http://bucket.localhost:4566/key');
      expect(virtualHosted.status).toBeGreaterThanOrEqual(400);
      expect(await virtualHosted.text()).toContain('<Error>');
      // Anything else stays unhandled (and so fails under onUnhandledRequest: 'error').
      await expect(fetch('http://localhost:4567/')).rejects.toThrow();
    } finally {
      server.close();
      mocks.reset();
    }
  });

  it('AWS_ENDPOINT_URL is owned from the environment at creation', async () => {
    process.env['AWS_ENDPOINT_URL_SQS'] = 'http://127.0.0.1:9324';
    try {
      const fromEnv = createAwsMocks({ guardHttp2: false });
      expect(fromEnv.handlers.length).toBeGreaterThan(1);
      const server = listenStrict(fromEnv.handlers);
      try {
        const response = await fetch('http://127.0.0.1:9324/', {
          method: 'POST',
          headers: { 'x-amz-target': 'AmazonSQS.ListQueues', 'content-type': 'application/x-amz-json-1.0' },
          body: '{}',
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({});
      } finally {
        server.close();
      }
    } finally {
      delete process.env['AWS_ENDPOINT_URL_SQS'];
    }
  });
});

describe('the guide', () => {
  it('lists exactly the members createAwsMocks() returns', () => {
    const api = docSection('docs/guide/msw.md', '### API');
    const listed = /It returns `\{ ([^}]+) \}`/.exec(api)?.[1]?.split(', ');
    const mocks = createAwsMocks();
    try {
      expect(listed?.sort()).toEqual(Object.keys(mocks).sort());
    } finally {
      mocks.dispose();
    }
  });
});
