import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { SnsSqsEnvelope } from '@aws-lambda-powertools/parser/envelopes';
import { EventBridgeSchema, S3Schema, SnsSchema, SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import {
  makeSnsEvent,
  makeSqsEventFromSns,
  parseSnsNotificationBody,
  unwrapSqsEventFromEventBridge,
  unwrapSqsEventFromSns,
  verifySnsSignature,
} from '../../src/index.js';
import { cli } from './_io.js';

const run = async (...args: string[]) => {
  const { code, stdout, stderr } = await cli('generate', ...args);
  return { code, stderr, event: code === 0 ? JSON.parse(stdout) : undefined };
};

describe('aws-event-kit generate: SNS kinds', () => {
  it('sns: the Lambda SNS event; inputs reach the factory', async () => {
    const { code, event } = await run(
      'sns',
      '--topic',
      'alerts',
      '--subject',
      'Hi',
      '--message',
      '{"a":1}',
      '--message-attribute',
      'priority=Number:5',
      '--region',
      'eu-west-1',
      '--seed',
      '3',
    );
    expect(code).toBe(0);
    expect(event).toEqual(
      makeSnsEvent(['{"a":1}'], {
        topic: 'alerts',
        subject: 'Hi',
        messageAttributes: { priority: { DataType: 'Number', StringValue: '5' } },
        region: 'eu-west-1',
        seed: 3,
      }),
    );
    expect(SnsSchema.safeParse(event).success).toBe(true);
    expect(verifySnsSignature(event.Records[0])).toBe(true);
    const fifo = await run('sns', '--topic', 'x.fifo');
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/FIFO topic; SNS FIFO topics deliver only to SQS queues/);
  });
  it('sns:fifo: FIFO topic → FIFO queue; a standard topic is refused', async () => {
    const { code, event } = await run('sns:fifo');
    expect(code).toBe(0);
    expect(event.Records[0].attributes.MessageGroupId).toBe('orders');
    expect(parseSnsNotificationBody(event.Records[0].body).SequenceNumber).toMatch(/^\d{20}$/);
    const bad = await run('sns:fifo', '--topic', 'plain');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/sns:fifo needs a FIFO topic/);
  });
  it('sqs:sns and sqs:sns:raw', async () => {
    const { event } = await run('sqs:sns', '--message', 'hello', '--queue', 'inbox', '--seed', '1');
    expect(event).toEqual(makeSqsEventFromSns(['hello'], { queue: 'inbox', seed: 1 }));
    expect(SqsSchema.safeParse(event).success).toBe(true);
    expect(verifySnsSignature(event.Records[0].body)).toBe(true);
    const raw = await run('sqs:sns:raw', '--message', 'hello', '--message-attribute', 'k=v');
    expect(raw.event.Records[0].body).toBe('hello');
    expect(raw.event.Records[0].messageAttributes.k.stringValue).toBe('v');
  });
  it('sqs:s3-via-sns: the S3 notification comes back out; sqs:eventbridge: the event is the body', async () => {
    const { event } = await run('sqs:s3-via-sns', '--bucket', 'photos', '--key', 'a b.jpg', '--region', 'eu-central-1');
    expect(event.Records[0].awsRegion).toBe('eu-central-1');
    const [s3] = unwrapSqsEventFromSns<{
      Records: { s3: { bucket: { name: string }; object: { key: string } }; awsRegion: string }[];
    }>(event);
    expect(s3!.Records[0]!.s3.bucket.name).toBe('photos');
    expect(s3!.Records[0]!.s3.object.key).toBe('a+b.jpg');
    expect(s3!.Records[0]!.awsRegion).toBe('eu-central-1');
    expect(SnsSqsEnvelope.parse(event, JSONStringified(S3Schema))).toHaveLength(1);
    const eb = await run(
      'sqs:eventbridge',
      '--source',
      'com.example',
      '--detail-type',
      'Thing Happened',
      '--queue',
      'targets',
    );
    const [inner] = unwrapSqsEventFromEventBridge<{ source: string }>(eb.event);
    expect(inner!.source).toBe('com.example');
    expect(EventBridgeSchema.safeParse(inner).success).toBe(true);
    expect(eb.event.Records[0].eventSourceARN.endsWith(':targets')).toBe(true);
  });
});
