/**
 * The SNS invariants, checked by code written apart from the mappers: AWS's documented canonical
 * string and the certificate's public key, ARN and URL layouts, id formats, and the SNS → SQS
 * delivery rules.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { expect } from 'vitest';
import { snsTestSigningCertificate } from '../../../src/index.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOPIC_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\.fifo)$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const publicKey = new X509Certificate(snsTestSigningCertificate()).publicKey;

/** AWS's verification: `<Key>\n<value>\n` over the present signed keys, SHA1 (v1) or SHA256 (v2) with RSA. */
export function referenceVerify(fields: Record<string, unknown>): boolean {
  const text = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
    .filter((k) => fields[k] !== undefined && fields[k] !== null)
    .map((k) => `${k}\n${String(fields[k])}\n`)
    .join('');
  return verify(
    fields.SignatureVersion === '2' ? 'sha256' : 'sha1',
    Buffer.from(text, 'utf8'),
    publicKey,
    Buffer.from(String(fields.Signature), 'base64'),
  );
}

function host(region: string): string {
  return `https://sns.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

function expectTopic(topicArn: string): { partition: string; region: string } {
  const match = TOPIC_ARN.exec(topicArn);
  expect(match, topicArn).not.toBeNull();
  const [, partition, region] = match as unknown as [string, string, string];
  expect(partition).toBe(region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
  return { partition, region };
}

/** Every invariant of one Lambda SNS record. */
export function expectValidSnsRecord(record: Record<string, unknown>): void {
  expect(Object.keys(record)).toEqual(['EventSource', 'EventVersion', 'EventSubscriptionArn', 'Sns']);
  expect(record.EventSource).toBe('aws:sns');
  expect(record.EventVersion).toBe('1.0');
  const sns = record.Sns as Record<string, unknown>;
  expect(Object.keys(sns)).toEqual([
    'Type',
    'MessageId',
    'TopicArn',
    'Subject',
    'Message',
    'Timestamp',
    'SignatureVersion',
    'Signature',
    'SigningCertUrl',
    'UnsubscribeUrl',
    'MessageAttributes',
  ]);
  expect(sns.Type).toBe('Notification');
  expect(sns.MessageId).toMatch(MESSAGE_ID);
  const topicArn = sns.TopicArn as string;
  const { region } = expectTopic(topicArn);
  // Lambda never receives from a FIFO topic.
  expect(topicArn.endsWith('.fifo')).toBe(false);
  const subscription = record.EventSubscriptionArn as string;
  expect(subscription.slice(0, topicArn.length + 1)).toBe(`${topicArn}:`);
  expect(subscription.slice(topicArn.length + 1)).toMatch(UUID_V4);
  expect(sns.Subject === null || (typeof sns.Subject === 'string' && /^[!-~][ -~]{0,99}$/.test(sns.Subject))).toBe(
    true,
  );
  expect(typeof sns.Message).toBe('string');
  expect((sns.Message as string).length).toBeGreaterThan(0);
  expect(sns.Timestamp).toMatch(TIMESTAMP);
  expect(new Date(sns.Timestamp as string).toISOString()).toBe(sns.Timestamp);
  expect(['1', '2']).toContain(sns.SignatureVersion);
  expect(sns.Signature).toHaveLength(344);
  expect(referenceVerify(sns)).toBe(true);
  expect(sns.SigningCertUrl).toMatch(
    new RegExp(`^${host(region).replaceAll('.', '\\.')}/SimpleNotificationService-[0-9a-f]{32}\\.pem$`),
  );
  expect(sns.UnsubscribeUrl).toBe(`${host(region)}/?Action=Unsubscribe&SubscriptionArn=${subscription}`);
  expectAttributes(sns.MessageAttributes);
}

function expectAttributes(attributes: unknown): void {
  expect(attributes !== null && typeof attributes === 'object').toBe(true);
  for (const [name, attribute] of Object.entries(attributes as object)) {
    expect(name).toMatch(/^[A-Za-z0-9_.-]{1,256}$/);
    expect(Object.keys(attribute as object)).toEqual(['Type', 'Value']);
    const { Type, Value } = attribute as { Type: string; Value: string };
    expect(Type).toMatch(/^(String\.Array|String|Number|Binary)(\.[A-Za-z0-9_.-]+)?$/);
    expect(Value.length).toBeGreaterThan(0);
    if (Type.startsWith('Binary')) expect(Buffer.from(Value, 'base64').toString('base64')).toBe(Value);
    if (Type.startsWith('Number')) expect(Number.isFinite(Number(Value))).toBe(true);
    if (Type.startsWith('String.Array')) expect(Array.isArray(JSON.parse(Value))).toBe(true);
  }
}

/** Every invariant of one notification body text (SNS → SQS raw off, SNS → HTTP). */
export function expectValidNotificationBody(text: string): Record<string, unknown> {
  const body = JSON.parse(text) as Record<string, unknown>;
  // SNS's layout: 2-space indent, "Key" : value, no trailing newline.
  const lines = text.split('\n');
  expect(lines[0]).toBe('{');
  expect(lines.at(-1)).toBe('}');
  for (const line of lines.slice(1, -1))
    expect(line).toMatch(/^ {2}"[A-Za-z]+" : |^ {4}".*" : \{"Type":".*","Value":".*"\},?$|^ {2}\},?$/s);
  const topicArn = body.TopicArn as string;
  const { region } = expectTopic(topicArn);
  const fifo = topicArn.endsWith('.fifo');
  const order = [
    'Type',
    'MessageId',
    ...(fifo ? ['SequenceNumber'] : []),
    'TopicArn',
    ...(body.Subject === undefined ? [] : ['Subject']),
    'Message',
    'Timestamp',
    ...(fifo ? [] : ['SignatureVersion', 'Signature', 'SigningCertURL']),
    'UnsubscribeURL',
    ...(body.MessageAttributes === undefined ? [] : ['MessageAttributes']),
  ];
  expect(Object.keys(body)).toEqual(order);
  expect(body.Type).toBe('Notification');
  expect(body.MessageId).toMatch(MESSAGE_ID);
  expect(body.Timestamp).toMatch(TIMESTAMP);
  if (body.Subject !== undefined) expect(body.Subject).toMatch(/^[!-~][ -~]{0,99}$/);
  if (fifo) expect(body.SequenceNumber).toMatch(/^\d{20}$/);
  else {
    expect(referenceVerify(body)).toBe(true);
    expect(body.SigningCertURL).toMatch(
      new RegExp(`^${host(region).replaceAll('.', '\\.')}/SimpleNotificationService-[0-9a-f]{32}\\.pem$`),
    );
  }
  const unsubscribe = body.UnsubscribeURL as string;
  const prefix = `${host(region)}/?Action=Unsubscribe&SubscriptionArn=${topicArn}:`;
  expect(unsubscribe.slice(0, prefix.length)).toBe(prefix);
  expect(unsubscribe.slice(prefix.length)).toMatch(UUID_V4);
  if (body.MessageAttributes !== undefined) {
    expect(Object.keys(body.MessageAttributes as object).length).toBeGreaterThan(0);
    expectAttributes(body.MessageAttributes);
  }
  return body;
}

/** Every invariant of an SQS event fed by one SNS subscription (raw or not). */
export function expectValidSqsFromSns(event: { Records: Record<string, unknown>[] }): void {
  const raw = !event.Records[0]!.body || !String(event.Records[0]!.body).startsWith('{\n  "Type" : "Notification"');
  const topics = new Set<string>();
  const subscriptions = new Set<string>();
  const ids = new Set<string>();
  let lastSequence = -1n;
  for (const record of event.Records) {
    const body = record.body as string;
    expect(record.md5OfBody).toBe(createHash('md5').update(body).digest('hex'));
    const attributes = record.attributes as Record<string, string>;
    if (!raw) {
      const notification = expectValidNotificationBody(body);
      expect(record.messageAttributes).toEqual({});
      topics.add(notification.TopicArn as string);
      subscriptions.add(notification.UnsubscribeURL as string);
      expect(ids.has(notification.MessageId as string)).toBe(false);
      ids.add(notification.MessageId as string);
      // SQS receives after the publish.
      expect(Number(attributes.SentTimestamp)).toBeGreaterThan(Date.parse(notification.Timestamp as string));
      const { region, partition } = expectTopic(notification.TopicArn as string);
      expect(record.awsRegion).toBe(region);
      expect(
        (record.eventSourceARN as string).startsWith(
          `arn:${partition}:sqs:${region}:${(notification.TopicArn as string).split(':')[4]}:`,
        ),
      ).toBe(true);
      if (notification.SequenceNumber !== undefined) {
        const sequence = BigInt(notification.SequenceNumber as string);
        expect(sequence).toBeGreaterThan(lastSequence);
        lastSequence = sequence;
      }
      // A FIFO queue only behind a FIFO topic.
      if ((record.eventSourceARN as string).endsWith('.fifo'))
        expect((notification.TopicArn as string).endsWith('.fifo')).toBe(true);
    } else {
      expect(Object.keys(record.messageAttributes as object).length).toBeLessThanOrEqual(10);
    }
  }
  expect(topics.size).toBeLessThanOrEqual(1);
  expect(subscriptions.size).toBeLessThanOrEqual(1);
}
