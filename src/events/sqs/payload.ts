/**
 * The exact JSON size of an SQS record, computed from its parts without building or serialising
 * it, so a batch is checked against Lambda's 6 MB invocation payload in time linear in its
 * strings (see `assertLambdaPayloadBytes`).
 *
 * A record's JSON is its fixed bytes (keys, punctuation, the two MD5s, the FIFO deduplication
 * hash, which optional fields are present) plus its variable strings and numbers. The fixed
 * bytes are not restated here: for each shape (a small signature) they are measured once, on a
 * record the real mapper builds, as its JSON size minus the variable bytes of its parts.
 */
import { utf8Length } from '../../_internals/limits.js';
import { lastMemo } from '../../_internals/memo.js';
import { normaliseSqsMessageAttributes } from './attributes.js';
import { toSqsRecord, type SqsRecordParts } from './record.js';
import type { SqsMessageAttribute, SqsMessageAttributes } from './types.js';

// Printable ASCII without '"' and '\': JSON copies these verbatim, one byte each.
const PLAIN_JSON_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Exactly `Buffer.byteLength(JSON.stringify(text))`, without serialising plain ASCII text. */
export function jsonStringBytes(text: string): number {
  return PLAIN_JSON_TEXT.test(text) ? text.length + 2 : utf8Length(JSON.stringify(text));
}

/** Characters of `String(value)` (a number's JSON string form, quotes excluded). */
function decimalLength(value: number): number {
  // Integers under 10^21 print as plain digits (no exponent); powers of 10 are exact doubles.
  if (Number.isInteger(value) && value >= 0 && value < 1e21) {
    // Epoch milliseconds (13 digits) skip the first twelve steps.
    let digits = value >= 1e12 ? 13 : 1;
    for (let power = value >= 1e12 ? 1e13 : 10; value >= power; power *= 10) digits++;
    return digits;
  }
  return String(value).length;
}

// The last queue and sender seen: a batch shares them, so each is scanned once per batch. A
// queue is keyed by identity: its parts are built once by the queue resolver and never edited.
const queueBytes = lastMemo<[SqsRecordParts['queue']], number>();
const senderBytes = lastMemo<[string], number>();

/**
 * The JSON bytes of the parts' strings and numbers, quotes included (numbers are JSON strings
 * in the record), message attributes excluded. `receiptHandle` is counted as plain text (length
 * + 2) without a scan: it is 284–432 characters of SQS's base64-like alphabet, as
 * `sqsReceiptHandle` makes it, and scanning it would be most of this function's cost.
 */
function variableBytes(parts: SqsRecordParts): number {
  const { queue, fifo } = parts;
  let bytes =
    queueBytes.get([queue], () => jsonStringBytes(queue.arn) + jsonStringBytes(queue.region)) +
    senderBytes.get([parts.senderId], () => jsonStringBytes(parts.senderId)) +
    jsonStringBytes(parts.messageId) +
    parts.receiptHandle.length +
    2 +
    jsonStringBytes(parts.body) +
    decimalLength(parts.receiveCount) +
    decimalLength(parts.sentTimestamp) +
    decimalLength(parts.firstReceiveTimestamp) +
    6;
  if (fifo !== undefined) {
    bytes += jsonStringBytes(fifo.messageGroupId) + jsonStringBytes(fifo.sequenceNumber);
    if (fifo.messageDeduplicationId !== undefined) bytes += jsonStringBytes(fifo.messageDeduplicationId);
  }
  if (parts.awsTraceHeader !== undefined) bytes += jsonStringBytes(parts.awsTraceHeader);
  if (parts.deadLetterQueueSourceArn !== undefined) bytes += jsonStringBytes(parts.deadLetterQueueSourceArn);
  return bytes;
}

/** Which optional fields a record has: the fixed bytes depend on nothing else. */
function recordShape(parts: SqsRecordParts, hasAttributes: boolean): number {
  const { fifo } = parts;
  return (
    (hasAttributes ? 2 : parts.emptyMd5OfMessageAttributes === 'null' ? 1 : 0) * 16 +
    (fifo === undefined ? 0 : fifo.messageDeduplicationId === undefined ? 8 : 4) +
    (parts.awsTraceHeader === undefined ? 0 : 2) +
    (parts.deadLetterQueueSourceArn === undefined ? 0 : 1)
  );
}

// Fixed bytes by record shape, and by attribute shape (0: stringValue, 1: binaryValue).
const recordFixedBytes: number[] = [];
const attributeFixedBytes: number[] = [];

function measureRecordShape(parts: SqsRecordParts, shape: number): number {
  // These parts with an empty receipt handle (the one string counted unscanned): every other
  // byte is counted exactly, so the difference is the shape's fixed bytes.
  const template: SqsRecordParts = { ...parts, receiptHandle: '' };
  const fixed =
    utf8Length(JSON.stringify(toSqsRecord(template))) -
    variableBytes(template) -
    attributesBytes(template.messageAttributes);
  recordFixedBytes[shape] = fixed;
  return fixed;
}

function measureAttributeShape(shape: number): number {
  const input = shape === 0 ? { a: 'a' } : { a: Uint8Array.of(0) };
  const attribute = normaliseSqsMessageAttributes('sqsRecordJsonBytes', 'messageAttributes', input).attributes[
    'a'
  ] as SqsMessageAttribute;
  const fixed = utf8Length(JSON.stringify(attribute)) - attributeVariableBytes(attribute);
  attributeFixedBytes[shape] = fixed;
  return fixed;
}

function attributeVariableBytes(attribute: SqsMessageAttribute): number {
  return (
    jsonStringBytes(attribute.dataType) + jsonStringBytes((attribute.stringValue ?? attribute.binaryValue) as string)
  );
}

/** Exactly the JSON bytes of a `messageAttributes` object. */
function attributesBytes(attributes: SqsMessageAttributes): number {
  let bytes = 2; // {}
  let count = 0;
  for (const name in attributes) {
    if (!Object.prototype.hasOwnProperty.call(attributes, name)) continue;
    const attribute = attributes[name] as SqsMessageAttribute;
    const { stringValue, binaryValue } = attribute;
    const eventForm =
      typeof stringValue === 'string'
        ? binaryValue === undefined
        : stringValue === undefined && typeof binaryValue === 'string';
    let attributeBytes: number;
    if (
      eventForm &&
      attribute.stringListValues?.length === 0 &&
      attribute.binaryListValues?.length === 0 &&
      typeof attribute.dataType === 'string'
    ) {
      const shape = stringValue === undefined ? 1 : 0;
      attributeBytes = (attributeFixedBytes[shape] ?? measureAttributeShape(shape)) + attributeVariableBytes(attribute);
    } else {
      // Not the event form (both or neither value, non-empty lists): measure it as it is.
      attributeBytes = utf8Length(JSON.stringify(attribute));
    }
    bytes += (count === 0 ? 0 : 1) + jsonStringBytes(name) + 1 + attributeBytes; // ,"name":{…}
    count++;
  }
  return bytes;
}

/**
 * Exactly `Buffer.byteLength(JSON.stringify(toSqsRecord(parts)))`, without building the record:
 * linear in the parts' strings, no serialisation. Parts must be valid, as `toSqsRecord` requires
 * (in particular `receiptHandle` as `sqsReceiptHandle` makes it).
 */
export function sqsRecordJsonBytes(parts: SqsRecordParts): number {
  const attributes = parts.messageAttributes;
  let hasAttributes = false;
  for (const name in attributes) {
    if (Object.prototype.hasOwnProperty.call(attributes, name)) {
      hasAttributes = true;
      break;
    }
  }
  const shape = recordShape(parts, hasAttributes);
  const fixed = recordFixedBytes[shape] ?? measureRecordShape(parts, shape);
  return fixed + variableBytes(parts) + (hasAttributes ? attributesBytes(attributes) : 2);
}
