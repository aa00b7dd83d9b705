/**
 * SQS answers recorded against real AWS, replayed through the real @aws-sdk/client-sqs.
 *
 * Source of every expectation, unless a case says otherwise: localstack's snapshots recorded
 * against AWS (JSON protocol), tests/aws/services/sqs/test_sqs.snapshot.json and the requests in
 * tests/aws/services/sqs/test_sqs.py (github.com/localstack/localstack). botocore shows the
 * `x-amzn-query-error` code as `Error.Code` and the JSON `__type` as `Error.QueryErrorCode`.
 */
import {
  CreateQueueCommand,
  PurgeQueueCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { sqsClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sqs = sqsClient();

/** What AWS's answer is compared on: the SDK's error name, `Code`, message and HTTP status. */
interface Answer {
  name: string;
  Code: string;
  message: string;
  status: number;
}

async function answer(promise: Promise<unknown>): Promise<Answer> {
  const error = (await promise.then(
    () => {
      throw new Error('the request succeeded; AWS rejected it');
    },
    (e: unknown) => e,
  )) as { name: string; Code: string; message: string; $metadata: { httpStatusCode: number } };
  return { name: error.name, Code: error.Code, message: error.message, status: error.$metadata.httpStatusCode };
}

/** The raw JSON error body, for the `__type` the SDK hides. */
async function rawError(
  operation: string,
  body: unknown,
): Promise<{ status: number; type: string; queryError: string | null }> {
  const response = await fetch('https://sqs.us-east-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${operation}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { __type: string };
  return { status: response.status, type: json.__type, queryError: response.headers.get('x-amzn-query-error') };
}

async function queue(QueueName: string, Attributes?: Record<string, string>): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({ QueueName, Attributes }))).QueueUrl as string;
}

const fifo = (name = 'jobs.fifo', extra: Record<string, string> = {}): Promise<string> =>
  queue(name, { FifoQueue: 'true', ...extra });

describe('SendMessageBatch', () => {
  it('the whole request is measured with its message attributes against 1 MiB (test_send_message_batch_with_oversized_contents)', async () => {
    const QueueUrl = await queue('big');
    // Attributes count name + data type + value: 'k' + 'String' + 'x' = 8 bytes.
    const body = 'a'.repeat(1_048_576 - 8);
    const entries = [
      { Id: '1', MessageBody: body, MessageAttributes: { k: { DataType: 'String', StringValue: 'x' } } },
      { Id: '2', MessageBody: 'a' },
    ];
    expect(await answer(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries })))).toEqual({
      name: 'BatchRequestTooLong',
      Code: 'AWS.SimpleQueueService.BatchRequestTooLong',
      message: 'Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.',
      status: 400,
    });
    expect(mocks.sqs.messages('big')).toEqual([]);
  });

  it("the batch limit is 1 MiB whatever the queue's MaximumMessageSize (…_with_updated_maximum_message_size)", async () => {
    const QueueUrl = await queue('small', { MaximumMessageSize: '2048' });
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          {
            Id: '1',
            MessageBody: 'a'.repeat(2048 - 8),
            MessageAttributes: { k: { DataType: 'String', StringValue: 'x' } },
          },
          { Id: '2', MessageBody: 'a' },
        ],
      }),
    );
    expect(result.Successful?.map((entry) => entry.Id)).toEqual(['1', '2']);
    expect(result.Successful?.[0]?.MD5OfMessageAttributes).toBe('a45daa70926828a2f0a1db3418e6feb4');
    expect(result.Successful?.[1]?.MD5OfMessageBody).toBe('0cc175b9c0f1b6a831c399e269772661');
    // AWS leaves Failed out when nothing failed.
    expect(result).not.toHaveProperty('Failed');
  });

  it('an oversized entry fails alone, worded for batches (test_send_batch_message_size)', async () => {
    const QueueUrl = await queue('limited', { MaximumMessageSize: '1024' });
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'ok', MessageBody: 'a'.repeat(1024) },
          { Id: 'big', MessageBody: 'a'.repeat(1025) },
        ],
      }),
    );
    expect(result.Successful?.map((entry) => [entry.Id, entry.MD5OfMessageBody])).toEqual([
      ['ok', 'c9a34cfc85d982698c6ac89f76071abd'],
    ]);
    expect(result.Failed).toEqual([
      {
        Id: 'big',
        SenderFault: true,
        Code: 'InvalidParameterValue',
        Message: 'One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.',
      },
    ]);
  });

  it('a FIFO entry without MessageGroupId fails the whole request (test_send_batch_missing_message_group_id_for_fifo_queue)', async () => {
    const QueueUrl = await fifo('jobs.fifo', { ContentBasedDeduplication: 'false' });
    const Entries = [
      { Id: 'a', MessageBody: 'messageBody', MessageGroupId: 'test-group', MessageDeduplicationId: 'dedup-a' },
      { Id: 'b', MessageBody: 'messageBody', MessageDeduplicationId: 'dedup-b' },
    ];
    expect(await answer(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries })))).toEqual({
      name: 'InvalidParameterValue',
      Code: 'InvalidParameterValue',
      message: 'The request must contain the parameter MessageGroupId.',
      status: 400,
    });
    expect(mocks.sqs.messages('jobs.fifo')).toEqual([]);
  });

  it('a FIFO entry without a deduplication id fails the whole request (test_send_batch_missing_deduplication_id_for_fifo_queue)', async () => {
    const QueueUrl = await fifo('jobs.fifo', { ContentBasedDeduplication: 'false' });
    const Entries = [
      { Id: 'a', MessageBody: 'messageBody', MessageGroupId: 'test-group', MessageDeduplicationId: 'dedup-a' },
      { Id: 'b', MessageBody: 'messageBody', MessageGroupId: 'test-group' },
    ];
    expect(await answer(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries })))).toEqual({
      name: 'InvalidParameterValue',
      Code: 'InvalidParameterValue',
      message:
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      status: 400,
    });
    expect(mocks.sqs.messages('jobs.fifo')).toEqual([]);
    // With content-based deduplication the same entry is fine.
    const withContent = await fifo('content.fifo', { ContentBasedDeduplication: 'true' });
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: withContent,
        Entries: [{ Id: 'b', MessageBody: 'messageBody', MessageGroupId: 'g' }],
      }),
    );
    expect(result.Successful).toHaveLength(1);
    expect(result).not.toHaveProperty('Failed');
  });

  // AWS's JSON services read (deserialise) the whole request before any rule runs: a member of the
  // wrong JSON type fails the request, never one entry.
  it('an entry member of the wrong JSON type fails the whole request', async () => {
    const QueueUrl = await queue('typed');
    const raw = async (operation: string, Entries: unknown[]) => {
      const response = await fetch('https://sqs.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${operation}` },
        body: JSON.stringify({ QueueUrl, Entries }),
      });
      return { status: response.status, type: ((await response.json()) as { __type: string }).__type };
    };
    const serialization = { status: 400, type: 'SerializationException' };
    expect(
      await raw('SendMessageBatch', [
        { Id: 'a', MessageBody: 'ok' },
        { Id: 'b', MessageBody: 'x', DelaySeconds: '5' },
      ]),
    ).toEqual(serialization);
    expect(
      await raw('SendMessageBatch', [
        { Id: 'a', MessageBody: 'ok' },
        { Id: 'b', MessageBody: 7 },
      ]),
    ).toEqual(serialization);
    expect(await raw('DeleteMessageBatch', [{ Id: 'a', ReceiptHandle: 1 }])).toEqual(serialization);
    expect(
      await raw('ChangeMessageVisibilityBatch', [{ Id: 'a', ReceiptHandle: 'h', VisibilityTimeout: 'soon' }]),
    ).toEqual(serialization);
    expect(mocks.sqs.messages('typed')).toEqual([]);
  });

  it('the other batch operations leave Failed out too when nothing failed', async () => {
    const QueueUrl = await queue('orders');
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const { ReceiveMessageCommand, DeleteMessageBatchCommand, ChangeMessageVisibilityBatchCommand } = await import(
      '@aws-sdk/client-sqs'
    );
    const [message] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages ?? [];
    const changed = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: [{ Id: 'c', ReceiptHandle: message?.ReceiptHandle, VisibilityTimeout: 10 }],
      }),
    );
    expect(changed).not.toHaveProperty('Failed');
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'd', ReceiptHandle: message?.ReceiptHandle }] }),
    );
    expect(deleted.Successful).toEqual([{ Id: 'd' }]);
    expect(deleted).not.toHaveProperty('Failed');
  });
});

describe('SendMessage', () => {
  it.each([
    ['empty', ''],
    ['too_long', 'a'.repeat(129)],
    ['spaces', 'group 123'],
  ])(
    "an invalid MessageGroupId (%s) has AWS's message (test_send_message_to_standard_queue_with_invalid_message_group_id)",
    async (_, MessageGroupId) => {
      const QueueUrl = await queue('standard');
      expect(
        await answer(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'message', MessageGroupId }))),
      ).toEqual({
        name: 'InvalidParameterValue',
        Code: 'InvalidParameterValue',
        message: `Value ${MessageGroupId} for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
        status: 400,
      });
    },
  );

  it.each([
    ['empty', ''],
    ['too_long', 'a'.repeat(129)],
    ['spaces', 'group 123'],
  ])(
    "an invalid MessageDeduplicationId (%s) has AWS's message (test_message_deduplication_id_invalid)",
    async (_, MessageDeduplicationId) => {
      const QueueUrl = await fifo();
      expect(
        await answer(
          sqs.send(
            new SendMessageCommand({
              QueueUrl,
              MessageBody: 'Hello World!',
              MessageGroupId: 'test',
              MessageDeduplicationId,
            }),
          ),
        ),
      ).toEqual({
        name: 'InvalidParameterValue',
        Code: 'InvalidParameterValue',
        message: `Value ${MessageDeduplicationId} for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
        status: 400,
      });
    },
  );

  it('an empty String attribute value (test_send_message_with_empty_string_attribute)', async () => {
    const QueueUrl = await queue('standard');
    const MessageAttributes = { ErrorDetails: { StringValue: '', DataType: 'String' } };
    expect(
      await answer(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'test', MessageAttributes }))),
    ).toEqual({
      name: 'InvalidParameterValue',
      Code: 'InvalidParameterValue',
      message: "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.",
      status: 400,
    });
  });

  // test_send_message_with_invalid_string_attributes: AWS rejects control characters in a String
  // attribute; localstack (modelled on AWS) answers InvalidParameterValue with the body's message.
  it("a String attribute with a character SQS rejects is InvalidParameterValue with the body's message", async () => {
    const QueueUrl = await queue('standard');
    const MessageAttributes = {
      attr1: { StringValue: `Invalid-${String.fromCharCode(8)},${String.fromCharCode(11)}`, DataType: 'String' },
    };
    expect(
      await answer(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'test', MessageAttributes }))),
    ).toEqual({
      name: 'InvalidParameterValue',
      Code: 'InvalidParameterValue',
      message:
        'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
      status: 400,
    });
  });

  it('DelaySeconds on a FIFO queue ends with a period; an explicit 0 is accepted (test_fifo_queue_send_message_with_delay_seconds_fails, test_send_message_with_delay_0_works_for_fifo)', async () => {
    const QueueUrl = await fifo();
    expect(
      await answer(
        sqs.send(
          new SendMessageCommand({
            QueueUrl,
            MessageBody: 'x',
            MessageGroupId: 'g',
            MessageDeduplicationId: 'd',
            DelaySeconds: 2,
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterValue',
      Code: 'InvalidParameterValue',
      message:
        'Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
      status: 400,
    });
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'Hello World!',
        MessageGroupId: 'test',
        MessageDeduplicationId: '42',
        DelaySeconds: 0,
      }),
    );
    expect(sent.MD5OfMessageBody).toBe('ed076287532e86365e841e92bfc50d8c');
  });

  it('a missing MessageGroupId on a FIFO queue is MissingParameter (test_posting_to_fifo_requires_deduplicationid_group_id)', async () => {
    const QueueUrl = await fifo();
    expect(
      await answer(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageDeduplicationId: 'd' }))),
    ).toEqual({
      name: 'MissingParameter',
      Code: 'MissingParameter',
      message: 'The request must contain the parameter MessageGroupId.',
      status: 400,
    });
  });

  it('common codes carry the JSON __type AWS sends (QueryErrorCode in the recordings)', async () => {
    const QueueUrl = await queue('standard');
    expect(await rawError('SendMessage', { QueueUrl, MessageBody: 'x', MessageGroupId: '' })).toEqual({
      status: 400,
      type: 'com.amazonaws.sqs#InvalidParameterValueException',
      queryError: 'InvalidParameterValue;Sender',
    });
    expect(await rawError('SendMessage', { QueueUrl })).toEqual({
      status: 400,
      type: 'com.amazonaws.sqs#MissingRequiredParameterException',
      queryError: 'MissingParameter;Sender',
    });
  });
});

describe('queues', () => {
  it('a second PurgeQueue within 60 s is PurgeQueueInProgress with status 403 (test_successive_purge_calls_fail)', async () => {
    const QueueUrl = await queue('purged');
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    expect(await answer(sqs.send(new PurgeQueueCommand({ QueueUrl })))).toEqual({
      name: 'PurgeQueueInProgress',
      Code: 'AWS.SimpleQueueService.PurgeQueueInProgress',
      message: 'Only one PurgeQueue operation on purged is allowed every 60 seconds.',
      status: 403,
    });
  });

  it("a deleted queue's name is QueueDeletedRecently for 60 s (test_create_queue_recently_deleted)", async () => {
    const { DeleteQueueCommand } = await import('@aws-sdk/client-sqs');
    const QueueUrl = await queue('reused');
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    mocks.clock.advance(59_999);
    expect(await answer(sqs.send(new CreateQueueCommand({ QueueName: 'reused' })))).toEqual({
      name: 'QueueDeletedRecently',
      Code: 'AWS.SimpleQueueService.QueueDeletedRecently',
      message: 'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
      status: 400,
    });
    expect(() => mocks.sqs.createQueue('reused')).toThrow(/QueueDeletedRecently/);
    mocks.clock.advance(1);
    expect(await queue('reused')).toBe(QueueUrl);
  });

  it('FIFO-only attributes on a standard queue (test_create_standard_queue_with_fifo_attribute_raises_error)', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ FifoQueue: 'false' }, 'Unknown Attribute FifoQueue.'],
      [{ ContentBasedDeduplication: 'false' }, 'Unknown Attribute ContentBasedDeduplication.'],
      [{ DeduplicationScope: 'queue' }, 'You can specify the DeduplicationScope only when FifoQueue is set to true.'],
      [
        { FifoThroughputLimit: 'perQueue' },
        'You can specify the FifoThroughputLimit only when FifoQueue is set to true.',
      ],
    ];
    for (const [Attributes, message] of cases) {
      expect(await answer(sqs.send(new CreateQueueCommand({ QueueName: 'standard', Attributes })))).toEqual({
        name: 'InvalidAttributeName',
        Code: 'InvalidAttributeName',
        message,
        status: 400,
      });
    }
  });

  it('the queue type cannot change (test_set_unsupported_attribute_fifo)', async () => {
    const standard = await queue('standard');
    expect(
      await answer(sqs.send(new SetQueueAttributesCommand({ QueueUrl: standard, Attributes: { FifoQueue: 'true' } }))),
    ).toEqual({
      name: 'InvalidAttributeName',
      Code: 'InvalidAttributeName',
      message: 'Unknown Attribute FifoQueue.',
      status: 400,
    });
    const jobs = await fifo();
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: jobs, Attributes: { FifoQueue: 'true' } }));
    expect(
      await answer(sqs.send(new SetQueueAttributesCommand({ QueueUrl: jobs, Attributes: { FifoQueue: 'false' } }))),
    ).toEqual({
      name: 'InvalidAttributeValue',
      Code: 'InvalidAttributeValue',
      message: 'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.',
      status: 400,
    });
  });
});

describe('queue attributes (test_set_queue_attributes_default_values)', () => {
  it('a KMS key turns SQS-managed encryption off; an empty key removes the key and its reuse period', async () => {
    const QueueUrl = await queue('kms');
    const all = async (): Promise<Record<string, string>> => {
      const { GetQueueAttributesCommand } = await import('@aws-sdk/client-sqs');
      const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
      const { CreatedTimestamp, LastModifiedTimestamp, QueueArn, ...rest } = Attributes;
      expect([CreatedTimestamp, LastModifiedTimestamp, QueueArn].every((v) => v !== undefined)).toBe(true);
      return rest;
    };
    const counts = {
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesDelayed: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    };
    const defaults = {
      DelaySeconds: '0',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '0',
      VisibilityTimeout: '30',
    };
    expect(await all()).toEqual({ ...counts, ...defaults, SqsManagedSseEnabled: 'true' });
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl,
        Attributes: { KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000' },
      }),
    );
    expect(await all()).toEqual({
      ...counts,
      ...defaults,
      KmsMasterKeyId: 'testKeyId',
      KmsDataKeyReusePeriodSeconds: '6000',
      SqsManagedSseEnabled: 'false',
    });
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl,
        Attributes: { KmsMasterKeyId: '', KmsDataKeyReusePeriodSeconds: '300' },
      }),
    );
    expect(await all()).toEqual({ ...counts, ...defaults, SqsManagedSseEnabled: 'false' });
  });

  it('KmsDataKeyReusePeriodSeconds outside 60–86,400 is InvalidAttributeValue', async () => {
    const QueueUrl = await queue('kms');
    for (const value of ['59', '86401', 'soon']) {
      expect(
        await answer(
          sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { KmsDataKeyReusePeriodSeconds: value } })),
        ),
      ).toMatchObject({
        name: 'InvalidAttributeValue',
        message: 'Invalid value for the parameter KmsDataKeyReusePeriodSeconds.',
      });
    }
  });
});

describe('the test-side helpers follow the same rules', () => {
  it('mocks.sqs.send rejects bodies SendMessage rejects (NUL, lone surrogates, empty)', async () => {
    await queue('orders');
    for (const body of ['a\u0000b', 'x\uD800', '\uDC00', '']) {
      expect(() => mocks.sqs.send('orders', body), JSON.stringify(body)).toThrow(EventInputError);
      expect(() => mocks.sqs.send('orders', body)).toThrow(/mocks\.sqs\.send: body/);
    }
    expect(mocks.sqs.messages('orders')).toEqual([]);
    mocks.sqs.send('orders', 'fine \uD83D\uDE00');
    expect(mocks.sqs.messages('orders')).toHaveLength(1);
  });

  it('mocks.sqs.send checks its options as SendMessage checks its members', async () => {
    await fifo();
    expect(() =>
      mocks.sqs.send('jobs.fifo', 'x', { messageGroupId: 'group 123', messageDeduplicationId: 'd' }),
    ).toThrow(/options\.messageGroupId/);
    expect(() => mocks.sqs.send('jobs.fifo', 'x', { messageGroupId: 'g', messageDeduplicationId: '' })).toThrow(
      /options\.messageDeduplicationId/,
    );
    await queue('orders');
    expect(() => mocks.sqs.send('orders', 'x', { delaySeconds: 901 })).toThrow(/options\.delaySeconds/);
    expect(() => mocks.sqs.send('orders', 'x', { delaySeconds: 1.5 })).toThrow(/options\.delaySeconds/);
    // Rejections by the queue name the argument they are about.
    expect(() => mocks.sqs.send('jobs.fifo', 'x', { messageDeduplicationId: 'd' })).toThrow(
      /^mocks\.sqs\.send: options\.messageGroupId was rejected by SQS: MissingParameter/,
    );
    expect(() => mocks.sqs.send('jobs.fifo', 'x', { messageGroupId: 'g' })).toThrow(
      /^mocks\.sqs\.send: options\.messageDeduplicationId was rejected by SQS: InvalidParameterValue/,
    );
    expect(() =>
      mocks.sqs.send('jobs.fifo', 'x', { messageGroupId: 'g', messageDeduplicationId: 'd', delaySeconds: 5 }),
    ).toThrow(/^mocks\.sqs\.send: options\.delaySeconds /);
    expect(() => mocks.sqs.send('orders', 'x', { messageDeduplicationId: 'd' })).toThrow(
      /^mocks\.sqs\.send: options\.messageDeduplicationId /,
    );
    mocks.sqs.createQueue('small', { MaximumMessageSize: '1024' });
    expect(() => mocks.sqs.send('small', 'x'.repeat(1025))).toThrow(
      /^mocks\.sqs\.send: body was rejected by SQS: InvalidParameterValue/,
    );
  });

  it('createQueue: an undefined attribute is absent, and errors blame the right argument', () => {
    const info = mocks.sqs.createQueue('orders', { RedrivePolicy: undefined, VisibilityTimeout: '45' });
    expect(info.url).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/orders');
    expect(() => mocks.sqs.createQueue('orders', { VisibilityTimeout: '46' })).toThrow(
      /mocks\.sqs\.createQueue: attributes .*QueueAlreadyExists/,
    );
    expect(() => mocks.sqs.createQueue('other', { VisibilityTimeout: 'soon' })).toThrow(
      /mocks\.sqs\.createQueue: attributes .*InvalidAttributeValue/,
    );
    expect(() => mocks.sqs.createQueue('other', { VisibilityTimeout: 45 as unknown as string })).toThrow(
      /mocks\.sqs\.createQueue: attributes\.VisibilityTimeout/,
    );
    expect(() => mocks.sqs.createQueue('bad name')).toThrow(/mocks\.sqs\.createQueue: name /);
    expect(() => mocks.sqs.createQueue('x', null as never)).toThrow(/mocks\.sqs\.createQueue: attributes /);
  });
});

describe('statuses from the SQS service model', () => {
  // @aws-sdk/client-sqs's model gives ReceiptHandleIsInvalid and InvalidAddress httpError 404
  // (the same model gives PurgeQueueInProgress the 403 recorded above).
  it('an unknown receipt handle is ReceiptHandleIsInvalid with status 404', async () => {
    const QueueUrl = await queue('orders');
    const { DeleteMessageCommand } = await import('@aws-sdk/client-sqs');
    expect(await answer(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: 'AQEBnope' })))).toEqual({
      name: 'ReceiptHandleIsInvalid',
      Code: 'ReceiptHandleIsInvalid',
      message: 'The input receipt handle "AQEBnope" is not a valid receipt handle.',
      status: 404,
    });
  });
});
