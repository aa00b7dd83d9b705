/**
 * A cheap upper bound of a record's JSON size, so batches well under Lambda's 6 MB invocation
 * payload never get serialised just to be measured (see `assertLambdaPayload`).
 */
import type { SqsRecordParts } from './record.js';

// Printable ASCII without '"' and '\': JSON copies these verbatim, one byte each.
const PLAIN_JSON_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes of `JSON.stringify(text)` or more: exact for plain ASCII, else 6 per UTF-16 unit (`\u001f`). */
export function jsonStringUpperBound(text: string): number {
  return PLAIN_JSON_TEXT.test(text) ? text.length + 2 : text.length * 6 + 2;
}

// Everything but the variable strings: 29 keys, quotes, punctuation, a UUID, two MD5s, four
// 13-to-20-digit numbers as strings, `aws:sqs`, generous slack.
const FIXED_RECORD_BYTES = 640;
// Per attribute: its keys (`stringValue`, the two empty lists, `dataType`) and punctuation.
const FIXED_ATTRIBUTE_BYTES = 90;

/** An upper bound of the JSON bytes of `toSqsRecord(parts)` (never under-counts). */
export function sqsRecordJsonUpperBound(parts: SqsRecordParts): number {
  let bytes = FIXED_RECORD_BYTES + jsonStringUpperBound(parts.body) + parts.receiptHandle.length + parts.senderId.length + parts.queue.arn.length + parts.queue.region.length;
  for (const name of Object.keys(parts.messageAttributes)) {
    const attribute = parts.messageAttributes[name];
    if (attribute === undefined) continue;
    bytes += FIXED_ATTRIBUTE_BYTES + jsonStringUpperBound(name) + attribute.dataType.length + jsonStringUpperBound(attribute.stringValue ?? attribute.binaryValue ?? '');
  }
  if (parts.fifo !== undefined) bytes += 200 + jsonStringUpperBound(parts.fifo.messageGroupId) + jsonStringUpperBound(parts.fifo.messageDeduplicationId ?? '') + 64;
  if (parts.awsTraceHeader !== undefined) bytes += 40 + parts.awsTraceHeader.length;
  if (parts.deadLetterQueueSourceArn !== undefined) bytes += 40 + parts.deadLetterQueueSourceArn.length;
  return bytes;
}
