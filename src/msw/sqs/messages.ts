/**
 * Message-level wire rules shared by SendMessage, SendMessageBatch entries and the test-side
 * `mocks.sqs.send`: body, attributes and FIFO ids, validated with the same SQS rules as the
 * factories (src/events/sqs), reported as the AWS errors the service returns.
 */
import { EventInputError } from '../../_internals/errors.js';
import {
  isSqsText,
  md5OfMessageAttributes,
  normaliseSqsMessageAttributes,
  sqsFifoIdProblem,
  sqsTraceHeaderProblem,
  type SqsMessageAttributes,
} from '../../events/sqs/index.js';
import type { AwsServiceError } from '../_internals/awsError.js';
import { readInteger, readObject, readString, type JsonObject } from '../_internals/input.js';
import { invalidParameter, SQS_INPUT_ERRORS, sqsError } from './errors.js';
import type { SendInput } from './queue.js';
import { setOwn } from '../../_internals/objects.js';

/** Sets an own data property: an attribute named `__proto__` is data, never a prototype change. */

/** Runs `fn`, turning the kit's own validation errors into SQS `InvalidParameterValue`. */
export function asSqsError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof EventInputError) throw sqsError('InvalidParameterValue', error.message);
    throw error;
  }
}

const INVALID_CHARACTERS =
  'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF';

function invalidBody(): AwsServiceError {
  return sqsError('InvalidMessageContents', INVALID_CHARACTERS);
}

/**
 * A FIFO id member (`MessageGroupId`, `MessageDeduplicationId`), checked with AWS's own wording:
 * `Value group 123 for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include
 * alphanumeric and punctuation characters. 1 to 128 in length.` (recorded against AWS, localstack
 * tests/aws/services/sqs/test_sqs.snapshot.json).
 */
function readFifoId(input: JsonObject, member: 'MessageGroupId' | 'MessageDeduplicationId'): string | undefined {
  const value = readString(input, member, SQS_INPUT_ERRORS);
  if (value !== undefined) checkFifoId(member, value);
  return value;
}

/** Throws AWS's `InvalidParameterValue` unless `value` follows the FIFO id rule (the one the record mapper checks). */
export function checkFifoId(member: 'MessageGroupId' | 'MessageDeduplicationId', value: string): void {
  if (sqsFifoIdProblem(value) !== undefined) {
    throw invalidParameter(
      member,
      `${member} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
      value,
    );
  }
}

/** AWS's error for an attribute without a value (`Message (user) attribute 'x' must contain a non-empty value of type 'String'.`). */
function emptyAttributeValue(name: string, dataType: string): AwsServiceError {
  return sqsError(
    'InvalidParameterValue',
    `Message (user) attribute '${name}' must contain a non-empty value of type '${dataType}'.`,
  );
}

/**
 * Rejects a wire attribute whose value is empty or absent, or holds characters SQS rejects, with
 * AWS's wording, before the shared attribute rules (which speak the kit's language) see it. The
 * type named is the base type (`String`, `Number`, `Binary`).
 */
function checkAttributeValuesPresent(attributes: JsonObject): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const { DataType, StringValue, BinaryValue } = value as Record<string, unknown>;
    if (typeof DataType !== 'string') continue;
    const base = DataType.split('.')[0] as string;
    if (
      base === 'Binary'
        ? (BinaryValue === undefined || BinaryValue === null || BinaryValue === '') &&
          (StringValue === undefined || StringValue === null)
        : (base === 'String' || base === 'Number') &&
          (StringValue === undefined || StringValue === null || StringValue === '') &&
          (BinaryValue === undefined || BinaryValue === null)
    ) {
      throw emptyAttributeValue(name, base);
    }
    // A character SQS rejects in a string value: the body's message, as InvalidParameterValue.
    if (typeof StringValue === 'string' && !isSqsText(StringValue))
      throw sqsError('InvalidParameterValue', INVALID_CHARACTERS);
  }
}

/** Reads and validates one message of a SendMessage request (or batch entry). */
export function readSendInput(input: JsonObject, senderId: string, api: string): SendInput {
  const body = readString(input, 'MessageBody', SQS_INPUT_ERRORS);
  if (body === undefined || body === '') throw SQS_INPUT_ERRORS.missing('MessageBody');
  if (!isSqsText(body)) throw invalidBody();
  const delaySeconds = readInteger(input, 'DelaySeconds', SQS_INPUT_ERRORS);
  if (delaySeconds !== undefined && (delaySeconds < 0 || delaySeconds > 900)) {
    throw invalidParameter('DelaySeconds', 'DelaySeconds must be >= 0 and <= 900.', delaySeconds);
  }
  const rawAttributes = readObject(input, 'MessageAttributes', SQS_INPUT_ERRORS);
  if (rawAttributes !== undefined) checkAttributeValuesPresent(rawAttributes);
  const normalised = asSqsError(() => normaliseSqsMessageAttributes(api, 'MessageAttributes', rawAttributes as never));
  let awsTraceHeader: string | undefined;
  const system = readObject(input, 'MessageSystemAttributes', SQS_INPUT_ERRORS);
  if (system !== undefined) {
    for (const [name, value] of Object.entries(system)) {
      if (name !== 'AWSTraceHeader')
        throw invalidParameter('MessageSystemAttributes', `Message system attribute name '${name}' is invalid.`);
      const attribute = value as { DataType?: unknown; StringValue?: unknown } | null;
      if (
        attribute === null ||
        typeof attribute !== 'object' ||
        attribute.DataType !== 'String' ||
        typeof attribute.StringValue !== 'string' ||
        attribute.StringValue === ''
      ) {
        throw invalidParameter(
          'MessageSystemAttributes',
          "Message system attribute 'AWSTraceHeader' must contain a non-empty value of type 'String'.",
        );
      }
      // The kit's X-Ray header rule, shared with the factories and the record mapper.
      if (sqsTraceHeaderProblem(attribute.StringValue) !== undefined)
        throw invalidParameter(
          'MessageSystemAttributes',
          "Message system attribute 'AWSTraceHeader' must be a correctly formatted AWS X-Ray trace header string.",
        );
      awsTraceHeader = attribute.StringValue;
    }
  }
  const groupId = readFifoId(input, 'MessageGroupId');
  const deduplicationId = readFifoId(input, 'MessageDeduplicationId');
  return {
    body,
    messageAttributes: normalised.attributes,
    attributeBytes: normalised.bytes,
    awsTraceHeader,
    delaySeconds,
    groupId,
    deduplicationId,
    senderId,
  };
}

/** `MD5OfMessageSystemAttributes` of a trace header (same algorithm as message attributes). */
export function md5OfSystemAttributes(awsTraceHeader: string | undefined): string | undefined {
  if (awsTraceHeader === undefined) return undefined;
  return (
    md5OfMessageAttributes({
      AWSTraceHeader: { stringValue: awsTraceHeader, stringListValues: [], binaryListValues: [], dataType: 'String' },
    }) ?? undefined
  );
}

/**
 * The message attributes a receive asked for: `All` or `.*` for every one, `prefix.*` for names
 * starting with `prefix.`, otherwise exact names.
 */
export function selectMessageAttributes(
  all: SqsMessageAttributes,
  names: readonly string[] | undefined,
): SqsMessageAttributes {
  if (names === undefined || names.length === 0) return {};
  if (names.includes('All') || names.includes('.*')) return all;
  const out: SqsMessageAttributes = {};
  for (const name of Object.keys(all)) {
    const wanted = names.some((pattern) =>
      pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
    );
    if (wanted) setOwn(out, name, all[name]);
  }
  return out;
}

/** Message attributes in the SQS API form (`DataType`, `StringValue` / `BinaryValue`). */
export function toWireAttributes(
  attributes: SqsMessageAttributes,
): Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }> {
  const out: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    setOwn(
      out,
      name,
      attribute.binaryValue !== undefined
        ? { BinaryValue: attribute.binaryValue, DataType: attribute.dataType }
        : { StringValue: attribute.stringValue as string, DataType: attribute.dataType },
    );
  }
  return out;
}
