import { describe, expect, it } from 'vitest';
import {
  formatSnsMessageId,
  normaliseSnsMessageAttributes,
  resolveSnsTopic,
  snsEndpoint,
  snsSequenceNumber,
  snsTopic,
  snsTopicNameProblem,
  formatSnsNotificationBody,
  toSnsNotificationBody,
  toSnsRecord,
  toSnsSqsDelivery,
  type SnsNotificationParts,
} from '../../../src/events/sns/index.js';
import { EventInputError } from '../../../src/index.js';

const parts = (over: Partial<SnsNotificationParts> = {}): SnsNotificationParts => ({
  topic: snsTopic('t', 'us-east-1', '123456789012'),
  subscriptionId: '0e3b4a8e-4c1f-4b7a-9a55-8f7f2a2f1d11',
  messageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
  subject: undefined,
  message: 'm',
  timestamp: Date.parse('2019-01-02T12:45:07Z'),
  messageAttributes: {},
  signatureVersion: '1',
  ...over,
});

describe('ids and topics', () => {
  it('message ids: version 5, RFC variant, lower case', () => {
    expect(formatSnsMessageId('95DF01B4EE984CB999034C221D41EB5E')).toBe('95df01b4-ee98-5cb9-9903-4c221d41eb5e');
    expect(formatSnsMessageId('0'.repeat(32))).toBe('00000000-0000-5000-8000-000000000000');
    expect(formatSnsMessageId('f'.repeat(32))).toBe('ffffffff-ffff-5fff-bfff-ffffffffffff');
  });
  it('FIFO sequence numbers: 20 digits, increasing (real: 10000000000000004000)', () => {
    expect(snsSequenceNumber(4)).toBe('10000000000000004000');
    expect(snsSequenceNumber(1_000_000)).toMatch(/^\d{20}$/);
    expect(() => snsSequenceNumber(0)).toThrow(RangeError);
  });
  it('topic names and ARNs', () => {
    expect(snsTopicNameProblem('a'.repeat(256))).toBeUndefined();
    expect(snsTopicNameProblem(`${'a'.repeat(251)}.fifo`)).toBeUndefined();
    expect(snsTopicNameProblem(`${'a'.repeat(252)}.fifo`)).toMatch(/1–256/);
    expect(snsTopicNameProblem('.fifo')).toMatch(/only/);
    expect(snsTopicNameProblem('a.b')).toMatch(/only/);
    expect(
      resolveSnsTopic('f', 'topic', 'arn:aws-cn:sns:cn-north-1:111122223333:t.fifo', {
        defaultRegion: 'us-east-1',
        defaultAccount: '123456789012',
      }),
    ).toEqual({
      name: 't.fifo',
      arn: 'arn:aws-cn:sns:cn-north-1:111122223333:t.fifo',
      region: 'cn-north-1',
      account: '111122223333',
      partition: 'aws-cn',
      fifo: true,
    });
    expect(() =>
      resolveSnsTopic('f', 'topic', 'arn:aws:sns:cn-north-1:111122223333:t', {
        defaultRegion: 'us-east-1',
        defaultAccount: '123456789012',
      }),
    ).toThrow(EventInputError);
    expect(() =>
      resolveSnsTopic('f', 'topic', 'arn:aws:sqs:us-east-1:111122223333:t', {
        defaultRegion: 'us-east-1',
        defaultAccount: '123456789012',
      }),
    ).toThrow(/not a topic ARN/);
    expect(snsEndpoint('cn-northwest-1')).toBe('https://sns.cn-northwest-1.amazonaws.com.cn');
  });
});

describe('attributes', () => {
  it('forms and sizes (name + type + value bytes; Binary counts its bytes)', () => {
    const { attributes, bytes, count } = normaliseSnsMessageAttributes('f', 'a', {
      s: 'é',
      n: 1.5,
      b: new Uint8Array([1, 2]),
      l: ['x'],
      api: { DataType: 'Binary', BinaryValue: 'AQ==' },
      ev: { Type: 'Number.int', Value: '7' },
    });
    expect(attributes).toEqual({
      s: { Type: 'String', Value: 'é' },
      n: { Type: 'Number', Value: '1.5' },
      b: { Type: 'Binary', Value: 'AQI=' },
      l: { Type: 'String.Array', Value: '["x"]' },
      api: { Type: 'Binary', Value: 'AQ==' },
      ev: { Type: 'Number.int', Value: '7' },
    });
    expect(count).toBe(6);
    expect(bytes).toBe(1 + 6 + 2 + (1 + 6 + 3) + (1 + 6 + 2) + (1 + 12 + 5) + (3 + 6 + 1) + (2 + 10 + 1));
  });
  it('SNS rules', () => {
    const bad = (input: unknown) => () => normaliseSnsMessageAttributes('f', 'a', input as never);
    expect(bad({ 'a..b': 'x' })).toThrow(/'\.\.'/);
    expect(bad({ '.a': 'x' })).toThrow(/start or end/);
    expect(bad({ 'Amazon.x': 'x' })).toThrow(/reserved/);
    expect(bad({ 'a b': 'x' })).toThrow(/only/);
    expect(bad({ a: { DataType: 'Binary', StringValue: 'x' } })).toThrow(/must use field Binary/);
    expect(bad({ a: { DataType: 'String', BinaryValue: 'AQ==' } })).toThrow(/must use field String/);
    expect(bad({ a: { DataType: 'String.Array', StringValue: 'x' } })).toThrow(/not a JSON array/);
    expect(bad({ a: [undefined] })).toThrow(/cannot be in a String.Array/);
    expect(bad({ a: Number.POSITIVE_INFINITY })).toThrow(/finite/);
    expect(bad({ a: { DataType: 'Binary', BinaryValue: 'not base64!' } })).toThrow(/base64/);
  });
});

describe('mappers', () => {
  it('toSnsRecord refuses FIFO topics; toSnsNotificationBody needs FIFO parts exactly on FIFO topics', () => {
    expect(() => toSnsRecord(parts({ topic: snsTopic('t.fifo', 'us-east-1', '123456789012') }))).toThrow(
      /FIFO topics deliver to SQS queues only/,
    );
    expect(() => toSnsNotificationBody(parts({ topic: snsTopic('t.fifo', 'us-east-1', '123456789012') }))).toThrow(
      /parts.fifo is required/,
    );
    expect(() => toSnsNotificationBody(parts({ fifo: { sequenceNumber: '1', messageGroupId: 'g' } }))).toThrow(
      /must be absent/,
    );
  });
  it('toSnsSqsDelivery: FIFO queue needs a FIFO topic; raw carries at most 10 attributes; content-based dedup is SHA-256 of the message', () => {
    expect(() => toSnsSqsDelivery(parts(), { raw: false, fifoQueue: true })).toThrow(
      /FIFO SQS queues can not be subscribed to standard SNS topics/,
    );
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { Type: 'String', Value: 'v' }]));
    expect(() => toSnsSqsDelivery(parts({ messageAttributes: many }), { raw: true, fifoQueue: false })).toThrow(
      /at most 10/,
    );
    const fifo = parts({
      topic: snsTopic('t.fifo', 'us-east-1', '123456789012'),
      message: 'abc',
      fifo: { sequenceNumber: '10000000000000001000', messageGroupId: 'g' },
    });
    expect(toSnsSqsDelivery(fifo, { raw: true, fifoQueue: true }).fifo).toEqual({
      messageGroupId: 'g',
      messageDeduplicationId: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    expect(toSnsSqsDelivery(fifo, { raw: true, fifoQueue: false }).fifo).toBeUndefined();
  });
  it('formatSnsNotificationBody escapes control characters as Jackson does (upper-case \\u00XX); a literal backslash-u stays', () => {
    const message = 'a\u001fb\\u001f\u0001\n\t"';
    const text = formatSnsNotificationBody(
      toSnsNotificationBody(parts({ message, messageAttributes: { k: { Type: 'String', Value: '\u001e' } } })),
    );
    expect(text).toContain('"Message" : "a\\u001Fb\\\\u001f\\u0001\\n\\t\\""');
    expect(text).toContain('"k" : {"Type":"String","Value":"\\u001E"}');
    expect((JSON.parse(text) as { Message: string }).Message).toBe(message);
  });
});
