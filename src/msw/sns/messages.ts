/**
 * A Publish request (or PublishBatch entry) read from the wire and checked with SNS's rules and
 * texts: message, Subject, MessageStructure, message attributes, FIFO ids and the 256 KiB limit.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
import { isFifoId } from '../../_internals/fifoId.js';
import { EventInputError } from '../../_internals/errors.js';
import { isBase64 } from '../../_internals/hash.js';
import { utf8Length } from '../../_internals/limits.js';
import {
  normaliseSnsMessageAttributes,
  SNS_MAX_MESSAGE_BYTES,
  SNS_MAX_SUBJECT_LENGTH,
  type SnsMessageAttributes,
} from '../../events/sns/index.js';
import { invalidParameter, missingMember, parameterValueInvalid } from './errors.js';
import type { QueryInput } from './query.js';

/** A validated message to publish. */
export interface PublishRequest {
  /** The `Message` as published (for MessageStructure=json, the JSON text). */
  readonly message: string;
  /** MessageStructure=json: the message per protocol (`default` always present). */
  readonly structure: Readonly<Record<string, string>> | undefined;
  readonly subject: string | undefined;
  /** In the delivered form (`{ Type, Value }`, Binary as base64). */
  readonly attributes: SnsMessageAttributes;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
  /** Message + attribute bytes, as SNS counts the 256 KiB limit. */
  readonly bytes: number;
}

// Printable ASCII starting with a letter, digit or punctuation; no line breaks or control characters.
const SUBJECT = /^[\x21-\x7e][\x20-\x7e]*$/;

/** The message a subscriber of `protocol` receives. */
export function messageFor(request: PublishRequest, protocol: string): string {
  if (request.structure === undefined) return request.message;
  return request.structure[protocol] ?? (request.structure['default'] as string);
}

/** SNS's texts for a bad attribute name. */
function attributeNameProblem(name: string): string | undefined {
  if (name.startsWith('.')) return "Invalid message attribute name starting with character '.' was found.";
  if (name.endsWith('.')) return "Invalid message attribute name ending with character '.' was found.";
  if (name.includes('..')) return "Message attribute name can not have successive '.' character.";
  for (const c of name) {
    if (!/[A-Za-z0-9_.-]/.test(c))
      return `Invalid non-alphanumeric character '#x${(c.codePointAt(0) as number).toString(16).toUpperCase()}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`;
  }
  if (utf8Length(name) >= 256) return 'Length of message attribute name must be less than 256 bytes.';
  if (/^(?:aws|amazon)\./i.test(name))
    return `Invalid attribute name: '${name}'. Names starting with 'AWS.' or 'Amazon.' are reserved.`;
  return undefined;
}

/** Reads `MessageAttributes.entry.N` into the Publish API form, checking what SNS checks first. */
function readAttributes(input: QueryInput): { attributes: SnsMessageAttributes; bytes: number } {
  const raw: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }> = {};
  for (const entry of input.list('MessageAttributes', 'entry')) {
    const name = entry.get('Name') ?? '';
    const problem = attributeNameProblem(name);
    if (problem !== undefined) throw parameterValueInvalid(problem);
    const type = entry.get('Value.DataType');
    if (type === undefined) throw missingMember(`messageAttributes.${name}.member.dataType`);
    const base = type.split('.')[0];
    if (base !== 'String' && base !== 'Number' && base !== 'Binary') {
      throw parameterValueInvalid(
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    const stringValue = entry.get('Value.StringValue');
    const binaryValue = entry.get('Value.BinaryValue');
    const field = base === 'Binary' ? 'Binary' : 'String';
    const own = base === 'Binary' ? binaryValue : stringValue;
    const other = base === 'Binary' ? stringValue : binaryValue;
    if ((own === undefined || own === '') && other !== undefined && other !== '')
      throw parameterValueInvalid(`The message attribute '${name}' with type '${type}' must use field '${field}'.`);
    if (own === undefined || own === '')
      throw parameterValueInvalid(
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`,
      );
    if (base === 'Number' && !/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(own))
      throw parameterValueInvalid(`Could not cast message attribute '${name}' value to number.`);
    if (base === 'Binary' && !isBase64(own))
      throw parameterValueInvalid(`The message attribute '${name}' with type '${type}' must use field '${field}'.`);
    if (Object.hasOwn(raw, name)) throw parameterValueInvalid(`Message attribute name '${name}' is repeated.`);
    Object.defineProperty(raw, name, {
      value: base === 'Binary' ? { DataType: type, BinaryValue: own } : { DataType: type, StringValue: own },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  try {
    const normalised = normaliseSnsMessageAttributes('Publish', 'MessageAttributes', raw);
    return { attributes: normalised.attributes, bytes: normalised.bytes };
  } catch (error) {
    if (error instanceof EventInputError) throw parameterValueInvalid(error.message);
    throw error;
  }
}

/** Parses MessageStructure=json's message: an object of protocol → message with a `default` string. */
function readStructure(message: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw invalidParameter('Message Structure - JSON message body failed to parse');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalidParameter('Message Structure - JSON message body failed to parse');
  const out: Record<string, string> = {};
  for (const [protocol, value] of Object.entries(parsed as Record<string, unknown>)) {
    // A non-string value is sent as its JSON text.
    Object.defineProperty(out, protocol, {
      value: typeof value === 'string' ? value : JSON.stringify(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (typeof (parsed as Record<string, unknown>)['default'] !== 'string')
    throw invalidParameter('Message Structure - No default entry in JSON message body');
  return out;
}

/** Reads one message (Publish, or a PublishBatch entry). */
export function readPublishRequest(input: QueryInput): PublishRequest {
  const message = input.get('Message');
  if (message === undefined) throw missingMember('Message');
  if (message === '') throw invalidParameter('Empty message');
  const subject = input.get('Subject');
  if (subject !== undefined && (subject.length > SNS_MAX_SUBJECT_LENGTH || !SUBJECT.test(subject)))
    throw invalidParameter('Subject');
  const structureName = input.get('MessageStructure');
  if (structureName !== undefined && structureName !== 'json') throw invalidParameter('MessageStructure');
  const structure = structureName === 'json' ? readStructure(message) : undefined;
  const { attributes, bytes: attributeBytes } = readAttributes(input);
  const bytes = utf8Length(message) + attributeBytes;
  if (bytes > SNS_MAX_MESSAGE_BYTES) throw invalidParameter('Message too long');
  const groupId = input.get('MessageGroupId');
  if (groupId !== undefined && !isFifoId(groupId))
    throw invalidParameter(
      'MessageGroupId Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
    );
  const deduplicationId = input.get('MessageDeduplicationId');
  if (deduplicationId !== undefined && !isFifoId(deduplicationId)) {
    throw invalidParameter(
      'MessageDeduplicationId Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
    );
  }
  return { message, structure, subject, attributes, groupId, deduplicationId, bytes };
}
