/**
 * The msw SQS service checks AWSTraceHeader and FIFO ids with the rules the record mapper checks,
 * so a message it accepts always maps to a Lambda record, and one it refuses gets AWS's error.
 */
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import type { SqsEvent } from '../../../src/events/sqs/index.js';
import { eventBridgeClient, sqsClient } from '../_helpers/clients.js';
import { rejectionWithStatus } from '../_helpers/rejection.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sqs = sqsClient();

const trace = (StringValue: string) => ({ AWSTraceHeader: { DataType: 'String', StringValue } });

// A load balancer's header (Self first, an application's field kept) and X-Ray's lineage field:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-request-tracing.html
// https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
const ALB = 'Self=1-67891233-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678;CalledFrom=app';
const LINEAGE =
  'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1|68fd508a:5|c512fbe3:2';

describe('AWSTraceHeader on the wire', () => {
  it("answers AWS's MD5OfMessageSystemAttributes, and the header leaves MD5OfMessageAttributes alone", async () => {
    // Recorded against AWS: localstack tests/aws/services/sqs/test_sqs.py, test_system_attributes_have_no_effect_on_attr_md5.
    const q = mocks.sqs.createQueue('traced');
    const MessageAttributes = { timestamp: { StringValue: '1493147359900', DataType: 'Number' } };
    const plain = await sqs.send(new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'test', MessageAttributes }));
    const traced = await sqs.send(
      new SendMessageCommand({
        QueueUrl: q.url,
        MessageBody: 'test',
        MessageAttributes,
        MessageSystemAttributes: trace('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'),
      }),
    );
    expect(traced.MD5OfMessageAttributes).toBe(plain.MD5OfMessageAttributes);
    expect(plain.MD5OfMessageSystemAttributes).toBeUndefined();
    expect(traced.MD5OfMessageSystemAttributes).toBe('5ae4d5d7636402d80f4eb6d213245a88');
  });

  it('a header in any documented form is stored, received and delivered to Lambda verbatim', async () => {
    const q = mocks.sqs.createQueue('traced');
    await sqs.send(new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'a', MessageSystemAttributes: trace(ALB) }));
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: q.url,
        MessageSystemAttributeNames: ['AWSTraceHeader'],
        VisibilityTimeout: 0,
      }),
    );
    expect(received.Messages?.[0]?.Attributes?.AWSTraceHeader).toBe(ALB);
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: q.url,
        Entries: [{ Id: 'b', MessageBody: 'b', MessageSystemAttributes: trace(LINEAGE) }],
      }),
    );
    const seen: SqsEvent[] = [];
    mocks.sqs.subscribe('traced', (event) => void seen.push(event), { batchSize: 10 });
    await mocks.drain();
    const headers = seen.flatMap((event) => event.Records.map((r) => [r.body, r.attributes.AWSTraceHeader]));
    expect(headers.sort()).toEqual([
      ['a', ALB],
      ['b', LINEAGE],
    ]);
  });

  it('stores a header whose trace id parts are not X-Ray lengths, as SQS did', async () => {
    // Recorded against AWS (floci-io/floci#909, eu-west-1): SendMessage with AWSTraceHeader "Root=1-abc-def",
    // then ReceiveMessage with MessageSystemAttributeNames All, answered the header unchanged.
    const q = mocks.sqs.createQueue('traced');
    await sqs.send(
      new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'hi', MessageSystemAttributes: trace('Root=1-abc-def') }),
    );
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: q.url, MessageSystemAttributeNames: ['All'] }),
    );
    expect(received.Messages?.[0]?.Attributes?.AWSTraceHeader).toBe('Root=1-abc-def');
  });

  it('a malformed header is InvalidParameterValue (400), in SendMessage and in a batch entry', async () => {
    const q = mocks.sqs.createQueue('traced');
    for (const header of ['garbage', 'Root=2-abc-def', 'Root=dummy;Sampled=0', `${LINEAGE};`]) {
      expect(
        await rejectionWithStatus(
          sqs.send(
            new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'a', MessageSystemAttributes: trace(header) }),
          ),
        ),
      ).toEqual({
        name: 'InvalidParameterValue',
        message:
          "Value for parameter MessageSystemAttributes is invalid. Reason: Message system attribute 'AWSTraceHeader' must be a correctly formatted AWS X-Ray trace header string.",
        status: 400,
      });
      const batch = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: q.url,
          Entries: [
            { Id: 'bad', MessageBody: 'a', MessageSystemAttributes: trace(header) },
            { Id: 'good', MessageBody: 'b', MessageSystemAttributes: trace(ALB) },
          ],
        }),
      );
      expect(batch.Failed?.map((f) => [f.Id, f.Code, f.SenderFault])).toEqual([['bad', 'InvalidParameterValue', true]]);
      expect(batch.Successful?.map((s) => s.Id)).toEqual(['good']);
    }
    // Nothing malformed reached the queue: every stored message maps to a record.
    const seen: SqsEvent[] = [];
    mocks.sqs.subscribe('traced', (event) => void seen.push(event), { batchSize: 10 });
    await mocks.drain();
    expect(seen.flatMap((e) => e.Records.map((r) => r.attributes.AWSTraceHeader))).toEqual([ALB, ALB, ALB, ALB]);
  });
});

describe('FIFO ids from another service', () => {
  it("an EventBridge target's MessageGroupId SQS would refuse fails the delivery with SQS's error; nothing is enqueued", async () => {
    const events = eventBridgeClient();
    const fifo = mocks.sqs.createQueue('jobs.fifo', { FifoQueue: 'true' });
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(
      new PutTargetsCommand({
        Rule: 'r',
        Targets: [
          {
            Id: 't',
            Arn: fifo.arn,
            SqsParameters: { MessageGroupId: 'group 1' },
            RetryPolicy: { MaximumRetryAttempts: 0 },
          },
        ],
      }),
    );
    await events.send(
      new PutEventsCommand({ Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{"id":1}' }] }),
    );
    await mocks.drain();
    expect(mocks.sqs.messages(fifo.arn)).toEqual([]);
    expect(mocks.eventBridge.failedDeliveries()).toMatchObject([
      {
        targetArn: fifo.arn,
        errorCode: expect.stringMatching(/^InvalidParameterValue/),
        errorMessage:
          'Value group 1 for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
      },
    ]);
  });
});
