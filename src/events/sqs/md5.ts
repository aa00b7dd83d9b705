/** The two MD5 digests SQS puts in every record. */
import { fail, show } from '../../_internals/errors.js';
import { isBase64, md5Hex } from '../../_internals/hash.js';
import { isPlainObject } from '../../_internals/objects.js';
import type { SqsMessageAttributes } from './types.js';

/** `md5OfBody`: lower-case hex MD5 of the body's UTF-8 bytes. */
export function md5OfBody(body: string): string {
  if (typeof body !== 'string')
    fail('md5OfBody', 'body', `must be a string (the message body as SQS carries it), got ${show(body)}`);
  return md5Hex(body);
}

const STRING_TRANSPORT = 1;
const BINARY_TRANSPORT = 2;

/**
 * `md5OfMessageAttributes`, AWS's algorithm (the one the Java SDK and SQS use): over the
 * attribute names sorted ascending, concatenate for each attribute
 * `u32be(len name) name · u32be(len dataType) dataType · transport byte (1 = stringValue,
 * 2 = binaryValue) · u32be(len value) value`, with UTF-8 strings and decoded binary bytes;
 * return the hex MD5 of the whole. Returns `null` when there are no attributes, as Lambda does.
 * Reproduces the real value `d25a6aea97eb8f585bfa92d314504a92` of a recorded Lambda event.
 * Throws an EventInputError for anything but an object of attributes in the record's form.
 * @example md5OfMessageAttributes({ Title: { stringValue: 'x', stringListValues: [], binaryListValues: [], dataType: 'String' } })
 */
export function md5OfMessageAttributes(attributes: SqsMessageAttributes): string | null {
  if (!isPlainObject(attributes))
    fail(
      API,
      'attributes',
      `must be an object of message attributes by name, as in an SQS record, got ${show(attributes)}`,
    );
  const names = Object.keys(attributes);
  if (names.length === 0) return null;
  names.sort();
  const parts: { name: Buffer; type: Buffer; value: Buffer; transport: number }[] = [];
  let total = 0;
  for (const name of names) {
    const attribute = checkAttribute(name, attributes[name]);
    const binary = attribute.binaryValue !== undefined && attribute.binaryValue !== null;
    const value = binary
      ? Buffer.from(attribute.binaryValue as string, 'base64')
      : Buffer.from(attribute.stringValue ?? '', 'utf8');
    const part = {
      name: Buffer.from(name, 'utf8'),
      type: Buffer.from(attribute.dataType, 'utf8'),
      value,
      transport: binary ? BINARY_TRANSPORT : STRING_TRANSPORT,
    };
    total += 4 + part.name.length + 4 + part.type.length + 1 + 4 + value.length;
    parts.push(part);
  }
  const buffer = Buffer.allocUnsafe(total);
  let offset = 0;
  const put = (bytes: Buffer): void => {
    offset = buffer.writeUInt32BE(bytes.length, offset);
    offset += bytes.copy(buffer, offset);
  };
  for (const part of parts) {
    put(part.name);
    put(part.type);
    offset = buffer.writeUInt8(part.transport, offset);
    put(part.value);
  }
  return md5Hex(buffer);
}

type SqsMessageAttribute = SqsMessageAttributes[string];

const API = 'md5OfMessageAttributes';

/** Throws unless `attribute` has a `dataType` and a string `stringValue` or base64 `binaryValue`. */
function checkAttribute(name: string, attribute: unknown): SqsMessageAttribute {
  const at = `attributes[${JSON.stringify(name)}]`;
  if (!isPlainObject(attribute))
    fail(API, at, `must be an attribute object { dataType, stringValue | binaryValue }, got ${show(attribute)}`);
  if (typeof attribute.dataType !== 'string' || attribute.dataType.length === 0)
    fail(
      API,
      `${at}.dataType`,
      `must be a non-empty string (String, Number, Binary …), got ${show(attribute.dataType)}`,
    );
  const binary = attribute.binaryValue;
  if (binary !== undefined && binary !== null) {
    if (typeof binary !== 'string' || !isBase64(binary))
      fail(API, `${at}.binaryValue`, `must be standard base64, got ${show(binary)}`);
  } else if (typeof attribute.stringValue !== 'string') {
    fail(API, `${at}.stringValue`, `must be a string when there is no binaryValue, got ${show(attribute.stringValue)}`);
  }
  return attribute as unknown as SqsMessageAttribute;
}
