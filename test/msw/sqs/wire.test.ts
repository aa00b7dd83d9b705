/** SQS over the JSON 1.0 protocol, driven by the real @aws-sdk/client-sqs. */
import { createHash } from 'node:crypto';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  EmptyBatchRequest,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  InvalidAttributeName,
  InvalidBatchEntryId,
  InvalidMessageContents,
  ListQueuesCommand,
  MessageNotInflight,
  PurgeQueueCommand,
  PurgeQueueInProgress,
  QueueDoesNotExist,
  QueueNameExists,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSServiceException,
  TooManyEntriesInBatchRequest,
  BatchEntryIdsNotDistinct,
  BatchRequestTooLong,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { md5OfMessageAttributes } from '../../../src/events/sqs/index.js';
import { sqsClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sqs = sqsClient();
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

async function queue(name = 'orders', attributes?: Record<string, string>): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return QueueUrl as string;
}

async function receiveAll(
  QueueUrl: string,
  extra: Partial<ConstructorParameters<typeof ReceiveMessageCommand>[0]> = {},
) {
  const { Messages } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl,
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
      ...extra,
    }),
  );
  return Messages ?? [];
}

describe('queues', () => {
  it('CreateQueue returns the regional URL, is idempotent, and rejects a changed attribute', async () => {
    const url = await queue('orders', { VisibilityTimeout: '45' });
    expect(url).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/orders');
    expect(await queue('orders', { VisibilityTimeout: '45' })).toBe(url);
    const error = await sqs
      .send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '46' } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueNameExists);
    expect((error as SQSServiceException & { Code?: string }).Code).toBe('QueueAlreadyExists');
  });

  it('queue names and FIFO suffixes follow the SQS rules', async () => {
    for (const [QueueName, Attributes] of [
      ['bad name', undefined],
      ['x'.repeat(81), undefined],
      ['jobs.fifo', undefined],
      ['jobs', { FifoQueue: 'true' }],
    ] as const) {
      const error = await sqs.send(new CreateQueueCommand({ QueueName, Attributes })).catch((e: unknown) => e);
      expect(error, QueueName).toBeInstanceOf(SQSServiceException);
      expect((error as Error).name).toBe('InvalidParameterValue');
      expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    }
    expect(await queue('jobs.fifo', { FifoQueue: 'true' })).toMatch(/\/jobs\.fifo$/);
  });

  it('GetQueueUrl, ListQueues and DeleteQueue; unknown queues are QueueDoesNotExist with the legacy code', async () => {
    const url = await queue('a-1');
    await queue('b-1');
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'a-1' }))).QueueUrl).toBe(url);
    expect((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'a' }))).QueueUrls).toEqual([url]);
    await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    const error = await sqs.send(new GetQueueUrlCommand({ QueueName: 'a-1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error).toMatchObject({ Code: 'AWS.SimpleQueueService.NonExistentQueue', Type: 'Sender' });
  });

  it('GetQueueAttributes reports configuration and message counts; unknown names are InvalidAttributeName', async () => {
    const url = await queue('counted', { DelaySeconds: '0', VisibilityTimeout: '30' });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'one' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'two' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', DelaySeconds: 60 }));
    await receiveAll(url, { MaxNumberOfMessages: 1 });
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:us-east-1:123456789012:counted',
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      ApproximateNumberOfMessagesDelayed: '1',
      VisibilityTimeout: '30',
      MessageRetentionPeriod: '345600',
    });
    const picked = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['VisibilityTimeout'] }),
    );
    expect(picked.Attributes).toEqual({ VisibilityTimeout: '30' });
    await expect(
      sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Nope' as 'All'] })),
    ).rejects.toBeInstanceOf(InvalidAttributeName);
  });

  it('SetQueueAttributes validates ranges and the redrive target', async () => {
    const url = await queue('configurable');
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '5' } }));
    expect(
      (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['VisibilityTimeout'] })))
        .Attributes,
    ).toEqual({ VisibilityTimeout: '5' });
    const tooLong = await sqs
      .send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '43201' } }))
      .catch((e: unknown) => e);
    expect((tooLong as Error).name).toBe('InvalidAttributeValue');
    const noTarget = await sqs
      .send(
        new SetQueueAttributesCommand({
          QueueUrl: url,
          Attributes: {
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:missing',
              maxReceiveCount: 3,
            }),
          },
        }),
      )
      .catch((e: unknown) => e);
    expect(noTarget).toMatchObject({
      name: 'InvalidParameterValue',
      message: expect.stringContaining('Dead letter target does not exist'),
    });
    const unknown = await sqs
      .send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { ContentBasedDeduplication: 'true' } }))
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(InvalidAttributeName);
  });
});

describe('messages', () => {
  it('SendMessage answers the MD5s the SDK checks, including attributes and binary values', async () => {
    const url = await queue();
    const MessageAttributes = {
      kind: { DataType: 'String', StringValue: 'order' },
      blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 255]) },
      n: { DataType: 'Number', StringValue: '42' },
    };
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'héllo ✓', MessageAttributes }));
    expect(sent.MD5OfMessageBody).toBe(md5('héllo ✓'));
    expect(sent.MD5OfMessageAttributes).toBe(
      md5OfMessageAttributes({
        kind: { stringValue: 'order', stringListValues: [], binaryListValues: [], dataType: 'String' },
        blob: {
          binaryValue: Buffer.from([1, 2, 255]).toString('base64'),
          stringListValues: [],
          binaryListValues: [],
          dataType: 'Binary',
        },
        n: { stringValue: '42', stringListValues: [], binaryListValues: [], dataType: 'Number' },
      }),
    );
    const [message] = await receiveAll(url);
    expect(message).toMatchObject({
      MessageId: sent.MessageId,
      Body: 'héllo ✓',
      MD5OfBody: md5('héllo ✓'),
      MD5OfMessageAttributes: sent.MD5OfMessageAttributes,
    });
    expect(message?.MessageAttributes?.['blob']?.BinaryValue).toEqual(new Uint8Array([1, 2, 255]));
    expect(message?.Attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      SentTimestamp: String(mocks.clock.now().getTime()),
    });
  });

  it('ReceiveMessage filters system and message attributes as asked', async () => {
    const url = await queue();
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageAttributes: {
          'app.a': { DataType: 'String', StringValue: '1' },
          'app.b': { DataType: 'String', StringValue: '2' },
          other: { DataType: 'String', StringValue: '3' },
        },
      }),
    );
    const [message] = await sqs
      .send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MessageSystemAttributeNames: ['SentTimestamp'],
          MessageAttributeNames: ['app.*'],
        }),
      )
      .then((r) => r.Messages ?? []);
    expect(Object.keys(message?.Attributes ?? {})).toEqual(['SentTimestamp']);
    expect(Object.keys(message?.MessageAttributes ?? {}).sort()).toEqual(['app.a', 'app.b']);
    expect(message?.MD5OfMessageAttributes).toBe(
      md5OfMessageAttributes({
        'app.a': { stringValue: '1', stringListValues: [], binaryListValues: [], dataType: 'String' },
        'app.b': { stringValue: '2', stringListValues: [], binaryListValues: [], dataType: 'String' },
      }),
    );
  });

  it('a receipt handle hides the message for the visibility timeout; then it comes back with a higher receive count', async () => {
    const url = await queue('vt', { VisibilityTimeout: '30' });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    const [first] = await receiveAll(url);
    expect(first?.ReceiptHandle).toMatch(/^AQEB[A-Za-z0-9+/=]{280,428}$/);
    expect(await receiveAll(url, { WaitTimeSeconds: 20 })).toEqual([]);
    mocks.clock.advance(29_999);
    expect(await receiveAll(url)).toEqual([]);
    mocks.clock.advance(1);
    const [second] = await receiveAll(url, { VisibilityTimeout: 0 });
    expect(second?.Attributes?.['ApproximateReceiveCount']).toBe('2');
    expect(second?.ReceiptHandle).not.toBe(first?.ReceiptHandle);
    // A stale handle succeeds without deleting (SQS DeleteMessage reference).
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first?.ReceiptHandle }));
    expect(mocks.sqs.messages('vt')).toHaveLength(1);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second?.ReceiptHandle }));
    expect(mocks.sqs.messages('vt')).toEqual([]);
    // Deleting again is fine; a made-up handle is not.
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second?.ReceiptHandle }));
    await expect(
      sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'AQEBnope' })),
    ).rejects.toBeInstanceOf(ReceiptHandleIsInvalid);
  });

  it('ChangeMessageVisibility extends or ends the timeout; a visible message is not in flight', async () => {
    const url = await queue();
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    const [message] = await receiveAll(url);
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: message?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    expect(mocks.sqs.messages('orders')[0]?.state).toBe('visible');
    await expect(
      sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: message?.ReceiptHandle,
          VisibilityTimeout: 10,
        }),
      ),
    ).rejects.toBeInstanceOf(MessageNotInflight);
    const [again] = await receiveAll(url);
    const batch = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'ok', ReceiptHandle: again?.ReceiptHandle, VisibilityTimeout: 100 },
          { Id: 'bad', ReceiptHandle: 'garbage', VisibilityTimeout: 1 },
        ],
      }),
    );
    expect(batch.Successful).toEqual([{ Id: 'ok' }]);
    expect(batch.Failed).toEqual([
      { Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: expect.any(String) },
    ]);
    expect(mocks.sqs.messages('orders')[0]?.visibleAt).toEqual(new Date(mocks.clock.now().getTime() + 100_000));
  });

  it('batches: mixed success and failure, and the batch-level errors', async () => {
    const url = await queue();
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: 'one' },
          { Id: 'b', MessageBody: '\u0000bad' },
          { Id: 'c', MessageBody: 'three', DelaySeconds: 5 },
        ],
      }),
    );
    expect(result.Successful?.map((s) => [s.Id, s.MD5OfMessageBody])).toEqual([
      ['a', md5('one')],
      ['c', md5('three')],
    ]);
    expect(result.Failed).toEqual([
      { Id: 'b', SenderFault: true, Code: 'InvalidMessageContents', Message: expect.any(String) },
    ]);
    await expect(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [] }))).rejects.toBeInstanceOf(
      EmptyBatchRequest,
    );
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' }));
    await expect(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: eleven }))).rejects.toBeInstanceOf(
      TooManyEntriesInBatchRequest,
    );
    await expect(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'x', MessageBody: 'a' },
            { Id: 'x', MessageBody: 'b' },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(BatchEntryIdsNotDistinct);
    await expect(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'no spaces', MessageBody: 'a' }] })),
    ).rejects.toBeInstanceOf(InvalidBatchEntryId);
    const half = 'x'.repeat(600_000);
    await expect(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'a', MessageBody: half },
            { Id: 'b', MessageBody: half },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(BatchRequestTooLong);

    const received = await receiveAll(url);
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'd1', ReceiptHandle: received[0]?.ReceiptHandle },
          { Id: 'd2', ReceiptHandle: 'nope' },
        ],
      }),
    );
    expect(deleted.Successful).toEqual([{ Id: 'd1' }]);
    expect(deleted.Failed?.[0]).toMatchObject({ Id: 'd2', Code: 'ReceiptHandleIsInvalid', SenderFault: true });
  });

  it('body rules: invalid characters, the size limit, and ranges of receive parameters', async () => {
    const url = await queue('limits', { MaximumMessageSize: '1024' });
    await expect(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'a\u0001b' }))).rejects.toBeInstanceOf(
      InvalidMessageContents,
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(1024) }));
    const tooBig = await sqs
      .send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(1025) }))
      .catch((e: unknown) => e);
    expect(tooBig).toMatchObject({ name: 'InvalidParameterValue', $metadata: { httpStatusCode: 400 } });
    const withAttributes = await sqs
      .send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'x'.repeat(1000),
          MessageAttributes: { name: { DataType: 'String', StringValue: 'y'.repeat(20) } },
        }),
      )
      .catch((e: unknown) => e);
    expect(withAttributes).toMatchObject({ name: 'InvalidParameterValue' });
    for (const MaxNumberOfMessages of [0, 11]) {
      await expect(sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages }))).rejects.toMatchObject({
        name: 'InvalidParameterValue',
      });
    }
    await expect(sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 21 }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
    await expect(
      sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'x',
          MessageAttributes: { 'AWS.reserved': { DataType: 'String', StringValue: 'x' } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('PurgeQueue empties the queue once per 60 seconds', async () => {
    const url = await queue();
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect(mocks.sqs.messages('orders')).toEqual([]);
    await expect(sqs.send(new PurgeQueueCommand({ QueueUrl: url }))).rejects.toBeInstanceOf(PurgeQueueInProgress);
    mocks.clock.advance(60_000);
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
  });

  it('messages past the retention period disappear', async () => {
    const url = await queue('short', { MessageRetentionPeriod: '60' });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    mocks.clock.advance(59_999);
    expect(mocks.sqs.messages('short')).toHaveLength(1);
    mocks.clock.advance(1);
    expect(await receiveAll(url)).toEqual([]);
    expect(mocks.sqs.messages('short')).toEqual([]);
  });
});

describe('FIFO', () => {
  it('MessageGroupId is required; explicit or content-based deduplication for 5 minutes', async () => {
    const url = await queue('jobs.fifo', { FifoQueue: 'true' });
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'd' })),
    ).rejects.toMatchObject({ name: 'MissingParameter' });
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(
      sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'x',
          MessageGroupId: 'g',
          MessageDeduplicationId: 'd',
          DelaySeconds: 1,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    const first = await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd' }),
    );
    expect(first.SequenceNumber).toMatch(/^\d{20}$/);
    const dup = await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd' }),
    );
    expect(dup.MessageId).toBe(first.MessageId);
    expect(mocks.sqs.messages('jobs.fifo')).toHaveLength(1);
    mocks.clock.advance(5 * 60_000);
    const after = await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd' }),
    );
    expect(after.MessageId).not.toBe(first.MessageId);
    expect(BigInt(after.SequenceNumber as string)).toBeGreaterThan(BigInt(first.SequenceNumber as string));

    const cbd = await queue('cbd.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    const a = await sqs.send(new SendMessageCommand({ QueueUrl: cbd, MessageBody: 'same', MessageGroupId: 'g1' }));
    const b = await sqs.send(new SendMessageCommand({ QueueUrl: cbd, MessageBody: 'same', MessageGroupId: 'g2' }));
    expect(b.MessageId).toBe(a.MessageId);
    const [message] = await receiveAll(cbd);
    expect(message?.Attributes?.['MessageDeduplicationId']).toBe(createHash('sha256').update('same').digest('hex'));
  });

  it('one group is served in order and locked while a message is in flight; other groups continue', async () => {
    const url = await queue('ordered.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    for (const [body, group] of [
      ['a1', 'A'],
      ['b1', 'B'],
      ['a2', 'A'],
      ['b2', 'B'],
    ]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group }));
    }
    const first = await receiveAll(url, { MaxNumberOfMessages: 1 });
    expect(first.map((m) => m.Body)).toEqual(['a1']);
    const second = await receiveAll(url);
    expect(second.map((m) => m.Body)).toEqual(['b1', 'b2']);
    expect(await receiveAll(url)).toEqual([]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first[0]?.ReceiptHandle }));
    expect((await receiveAll(url)).map((m) => m.Body)).toEqual(['a2']);
  });

  it('a FIFO receipt handle expires with its visibility timeout', async () => {
    const url = await queue('strict.fifo', {
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
      VisibilityTimeout: '10',
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g' }));
    const [message] = await receiveAll(url);
    mocks.clock.advance(10_001);
    await expect(
      sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message?.ReceiptHandle })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });
});

describe('redrive', () => {
  it('a message received maxReceiveCount times moves to the dead-letter queue on the next receive', async () => {
    const dlqUrl = await queue('orders-dlq');
    const url = await queue('orders', {
      VisibilityTimeout: '0',
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq',
        maxReceiveCount: '2',
      }),
    });
    const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
    expect(await receiveAll(url)).toHaveLength(1);
    expect(await receiveAll(url)).toHaveLength(1);
    expect(await receiveAll(url)).toEqual([]);
    const [dead] = await receiveAll(dlqUrl);
    expect(dead).toMatchObject({ MessageId, Body: 'poison' });
    expect(dead?.Attributes?.['DeadLetterQueueSourceArn']).toBe('arn:aws:sqs:us-east-1:123456789012:orders');
    expect(mocks.sqs.messages('orders')).toEqual([]);
  });

  it('a FIFO source needs a FIFO dead-letter queue', async () => {
    await queue('plain-dlq');
    const error = await sqs
      .send(
        new CreateQueueCommand({
          QueueName: 'src.fifo',
          Attributes: {
            FifoQueue: 'true',
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:plain-dlq',
              maxReceiveCount: 1,
            }),
          },
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('same type') });
  });
});
