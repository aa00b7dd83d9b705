/**
 * The SQS invariants (region in the ARN, one queue per batch, md5s, receive counts and times,
 * unique ids, FIFO attributes exactly on `.fifo` queues), checked by an
 * implementation written independently of the mapper: a reference MD5 of message attributes
 * built on the AWS SDK's own pure-JS MD5 (`Md5Js`, what `@aws-sdk/client-sqs` hashes with).
 */
import { createHash } from 'node:crypto';
import { Md5Js } from '@smithy/core/checksum';
import { toHex } from '@smithy/core/serde';
import { expect } from 'vitest';
import type {
  SqsEmptyMd5OfMessageAttributes,
  SqsEvent,
  SqsMessageAttributes,
  SqsRecord,
} from '../../../src/events/sqs/index.js';

/** Reference MD5 of message attributes, via the SDK's Md5Js and a DataView-built buffer. */
export async function referenceMd5OfAttributes(attributes: SqsMessageAttributes): Promise<string | null> {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return null;
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  const withLength = (bytes: Uint8Array) => {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, bytes.length, false);
    chunks.push(length, bytes);
  };
  for (const name of names) {
    const attribute = attributes[name]!;
    withLength(encoder.encode(name));
    withLength(encoder.encode(attribute.dataType));
    if (attribute.binaryValue !== undefined) {
      chunks.push(Uint8Array.of(2));
      withLength(Uint8Array.from(atob(attribute.binaryValue), (c) => c.charCodeAt(0)));
    } else {
      chunks.push(Uint8Array.of(1));
      withLength(encoder.encode(attribute.stringValue));
    }
  }
  const hash = new Md5Js();
  for (const chunk of chunks) hash.update(chunk);
  return toHex(await hash.digest());
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EPOCH_MS = /^\d{13}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ARN = /^arn:(aws|aws-cn|aws-us-gov):sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\.fifo)$/;
const VALID_TEXT = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u;
const FIFO_KEYS = ['SequenceNumber', 'MessageGroupId', 'MessageDeduplicationId'] as const;

/**
 * Asserts every per-record invariant. `emptyMd5`, when given, is the one form an empty
 * `md5OfMessageAttributes` must take (`'omit'`: no field; `'null'`: `null`); else either real form.
 */
export async function expectValidRecord(record: SqsRecord, emptyMd5?: SqsEmptyMd5OfMessageAttributes): Promise<void> {
  expect(record.eventSource).toBe('aws:sqs');
  expect(record.messageId).toMatch(UUID_V4);
  expect(record.receiptHandle.startsWith('AQEB')).toBe(true);
  expect(record.receiptHandle).toMatch(BASE64);
  expect(record.receiptHandle.length).toBeGreaterThanOrEqual(284);
  expect(record.receiptHandle.length).toBeLessThanOrEqual(432);
  expect(record.body).toMatch(VALID_TEXT);
  expect(record.md5OfBody).toBe(createHash('md5').update(record.body, 'utf8').digest('hex'));
  // md5OfMessageAttributes follows the algorithm, or is null or absent (both real forms) exactly
  // when there are none: never present as undefined, never a string for no attributes.
  const expected = await referenceMd5OfAttributes(record.messageAttributes);
  if (expected === null) {
    if (Object.hasOwn(record, 'md5OfMessageAttributes')) expect(record.md5OfMessageAttributes).toBeNull();
    if (emptyMd5 !== undefined) expect(emptyMd5Form(record)).toBe(emptyMd5);
  } else expect(record.md5OfMessageAttributes).toBe(expected);
  for (const attribute of Object.values(record.messageAttributes)) {
    expect(attribute.stringListValues).toEqual([]);
    expect(attribute.binaryListValues).toEqual([]);
    expect((attribute.stringValue === undefined) !== (attribute.binaryValue === undefined)).toBe(true);
    expect(attribute.binaryValue === undefined).toBe(!attribute.dataType.startsWith('Binary'));
  }
  const a = record.attributes;
  for (const value of Object.values(a)) expect(typeof value).toBe('string');
  expect(Number(a.ApproximateReceiveCount)).toBeGreaterThanOrEqual(1);
  expect(a.SentTimestamp).toMatch(EPOCH_MS);
  expect(a.ApproximateFirstReceiveTimestamp).toMatch(EPOCH_MS);
  expect(Number(a.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(Number(a.SentTimestamp));
  const arn = ARN.exec(record.eventSourceARN);
  expect(arn, record.eventSourceARN).not.toBeNull();
  expect(record.awsRegion).toBe(arn![2]);
  const fifo = record.eventSourceARN.endsWith('.fifo');
  // FIFO attributes appear if and only if the queue ARN ends in .fifo.
  for (const key of FIFO_KEYS) expect(key in a && a[key] !== undefined).toBe(fifo);
  if (a.AWSTraceHeader !== undefined) expectTraceHeader(a.AWSTraceHeader);
  if (fifo) {
    expect(a.SequenceNumber).toMatch(/^\d{20}$/);
    expect(a.MessageGroupId).toMatch(/^[!-~]{1,128}$/);
    expect(a.MessageDeduplicationId).toMatch(/^[!-~]{1,128}$/);
  }
}

/**
 * Asserts `header` is an X-Ray trace header: `;`-separated `Key=value` fields of printable ASCII,
 * each key once, a `Root` trace id, and `Parent` / `Sampled` in their formats when present.
 */
export function expectTraceHeader(header: string): void {
  const fields = new Map<string, string>();
  for (const field of header.split(';')) {
    const at = field.indexOf('=');
    expect(at, `field ${JSON.stringify(field)} of ${JSON.stringify(header)}`).toBeGreaterThan(0);
    expect(field.length, `field ${JSON.stringify(field)} has a value`).toBeGreaterThan(at + 1);
    expect(field, 'printable ASCII, no spaces').toMatch(/^[\x21-\x7e]+$/);
    const key = field.slice(0, at);
    expect(fields.has(key), `one ${key} field`).toBe(false);
    fields.set(key, field.slice(at + 1));
  }
  // Version 1 and two alphanumeric parts: SQS stored `Root=1-abc-def`, so the digits are not counted.
  expect(fields.get('Root')).toMatch(/^1-[0-9a-z]+-[0-9a-z]+$/i);
  if (fields.has('Parent')) expect(fields.get('Parent')).toMatch(/^[0-9a-f]{16}$/i);
  if (fields.has('Sampled')) expect(['0', '1', '?']).toContain(fields.get('Sampled'));
}

/** The form of a record's `md5OfMessageAttributes` field: absent (`'omit'`) or present (`'null'` when there are no attributes). */
export function emptyMd5Form(record: SqsRecord): SqsEmptyMd5OfMessageAttributes {
  return Object.hasOwn(record, 'md5OfMessageAttributes') ? 'null' : 'omit';
}

/**
 * Asserts every per-record invariant and the batch invariants (one queue and region, unique ids, FIFO order,
 * one form of an empty `md5OfMessageAttributes` per batch: `emptyMd5` when given).
 */
export async function expectValidEvent(event: SqsEvent, emptyMd5?: SqsEmptyMd5OfMessageAttributes): Promise<void> {
  expect(event.Records.length).toBeGreaterThanOrEqual(1);
  for (const record of event.Records) await expectValidRecord(record, emptyMd5);
  const empty = event.Records.filter((r) => Object.keys(r.messageAttributes).length === 0);
  expect(new Set(empty.map(emptyMd5Form)).size).toBeLessThanOrEqual(1);
  expect(new Set(event.Records.map((r) => r.eventSourceARN)).size).toBe(1);
  expect(new Set(event.Records.map((r) => r.awsRegion)).size).toBe(1);
  expect(new Set(event.Records.map((r) => r.messageId)).size).toBe(event.Records.length);
  expect(new Set(event.Records.map((r) => r.receiptHandle)).size).toBe(event.Records.length);
  const fifo = event.Records[0]!.eventSourceARN.endsWith('.fifo');
  if (fifo) {
    expect(event.Records.length).toBeLessThanOrEqual(10);
    expect(new Set(event.Records.map((r) => r.attributes.SequenceNumber)).size).toBe(event.Records.length);
    expect(new Set(event.Records.map((r) => r.attributes.MessageDeduplicationId)).size).toBe(event.Records.length);
    // Within a group, records come in send order.
    const last = new Map<string, bigint>();
    for (const r of event.Records) {
      const seq = BigInt(r.attributes.SequenceNumber!);
      const previous = last.get(r.attributes.MessageGroupId!);
      if (previous !== undefined) expect(seq > previous).toBe(true);
      last.set(r.attributes.MessageGroupId!, seq);
    }
  }
  expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThanOrEqual(6 * 1024 * 1024);
}
