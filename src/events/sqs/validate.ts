/** Checks of message-level SQS rules shared by factories, the record mapper and the msw mock. */
import { fail, show } from '../../_internals/errors.js';
import { isFifoId } from '../../_internals/fifoId.js';
import { SQS_MAX_FIFO_ID_LENGTH, SQS_MAX_MESSAGE_BYTES } from './limits.js';

// A FIFO SequenceNumber: a decimal of at most 128 bits, no leading zero.
const SEQUENCE_NUMBER = /^[1-9][0-9]{0,38}$/;
const MAX_SEQUENCE_NUMBER = 2n ** 128n - 1n;
// One `Key=value` field of a trace header: printable ASCII without spaces; the key has no '=',
// neither part has ';' (the field separator).
const TRACE_FIELD = /^([!-:<>-~]+)=([!-:<-~]+)$/;
// X-Ray writes `1-<8 hex digits>-<24 hex digits>`, but SQS stored `Root=1-abc-def` unchanged when sent
// as AWSTraceHeader, and refused `Root=dummy`: it checks the version and the two parts, not their lengths.
const TRACE_ID = /^1-[0-9A-Za-z]+-[0-9A-Za-z]+$/;
const SEGMENT_ID = /^[0-9a-fA-F]{16}$/;
const SAMPLED = /^[01?]$/;

/** Why `value` is not a `MessageGroupId` / `MessageDeduplicationId`, or undefined when it is one. */
export function sqsFifoIdProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${show(value)}`;
  if (isFifoId(value)) return undefined;
  return `${show(value)} breaks SQS's rule for FIFO ids: 1–${SQS_MAX_FIFO_ID_LENGTH} characters of a–z, A–Z, 0–9 and ASCII punctuation (no spaces)`;
}

/**
 * Throws unless `value` is a valid `MessageGroupId` / `MessageDeduplicationId`: 1–128 characters,
 * each alphanumeric (a–z, A–Z, 0–9) or ASCII punctuation (`` !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ ``).
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
export function assertSqsFifoId(api: string, argument: string, value: unknown): string {
  const problem = sqsFifoIdProblem(value);
  if (problem !== undefined) fail(api, argument, problem);
  return value as string;
}

/**
 * Why `value` is not a FIFO `SequenceNumber`, or undefined when it is one: SQS gives a decimal
 * string of a 128-bit number (20 digits in every real record), without leading zeros.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
export function sqsSequenceNumberProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && SEQUENCE_NUMBER.test(value) && BigInt(value) <= MAX_SEQUENCE_NUMBER)
    return undefined;
  return `${show(value)} is not an SQS SequenceNumber (the decimal digits of a 128-bit number, no leading zero)`;
}

/**
 * Why `value` is not an X-Ray trace header as SQS's `AWSTraceHeader` carries it, or undefined
 * when it is one. The header is `;`-separated `Key=value` fields in any order (a load balancer
 * puts its `Self` field first, and an application may add fields of its own), each key once, in
 * printable ASCII without spaces. `Root` is required: `1-<time>-<id>`, alphanumeric parts (X-Ray
 * writes 8 and 24 hex digits; SQS was seen storing `Root=1-abc-def` and refusing `Root=dummy`);
 * `Parent`, when present, is 16 hex digits; `Sampled` is `0`, `1` or `?`. Other fields
 * (`Self`, `Lineage`, an application's own) are kept as given.
 * @see https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-request-tracing.html
 */
export function sqsTraceHeaderProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${show(value)}`;
  const seen = new Set<string>();
  for (const field of value.split(';')) {
    const match = TRACE_FIELD.exec(field);
    if (match === null)
      return `${show(value)} is not an X-Ray trace header: ${show(field)} is not a Key=value field (fields are separated by ';', printable ASCII, no spaces)`;
    const key = match[1] as string;
    const fieldValue = match[2] as string;
    if (seen.has(key)) return `${show(value)} is not an X-Ray trace header: it has two ${key} fields`;
    seen.add(key);
    if (key === 'Root' && !TRACE_ID.test(fieldValue))
      return `${show(value)} is not an X-Ray trace header: Root must be a trace id, 1-<time>-<id> (X-Ray writes 1-<8 hex digits>-<24 hex digits>)`;
    if (key === 'Parent' && !SEGMENT_ID.test(fieldValue))
      return `${show(value)} is not an X-Ray trace header: Parent must be a segment id of 16 hex digits`;
    if (key === 'Sampled' && !SAMPLED.test(fieldValue))
      return `${show(value)} is not an X-Ray trace header: Sampled must be 0, 1 or ?`;
  }
  if (!seen.has('Root'))
    return `${show(value)} is not an X-Ray trace header: it has no Root field (Root=1-<8 hex digits>-<24 hex digits>)`;
  return undefined;
}

/**
 * Throws unless `value` is an X-Ray trace header (e.g.
 * `Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1`); the rule is
 * {@link sqsTraceHeaderProblem}'s.
 */
export function assertSqsTraceHeader(api: string, argument: string, value: unknown): string {
  const problem = sqsTraceHeaderProblem(value);
  if (problem !== undefined) fail(api, argument, problem);
  return value as string;
}

/**
 * Throws when a message is over SQS's 1 MiB limit. `bodyBytes` + `attributeBytes` is what SQS
 * counts: the UTF-8 body plus every attribute's name, type and value.
 */
export function assertSqsMessageSize(api: string, argument: string, bodyBytes: number, attributeBytes: number): void {
  const total = bodyBytes + attributeBytes;
  if (total > SQS_MAX_MESSAGE_BYTES) {
    fail(
      api,
      argument,
      `is ${total} bytes (body ${bodyBytes} + attributes ${attributeBytes}), over SQS's 1 MiB (${SQS_MAX_MESSAGE_BYTES} bytes) message size limit`,
    );
  }
}
