/** Checks of message-level SQS rules shared by factories and the msw mock. */
import { fail, show } from '../../_internals/errors.js';
import { SQS_MAX_FIFO_ID_LENGTH, SQS_MAX_MESSAGE_BYTES } from './limits.js';

// MessageGroupId / MessageDeduplicationId: 1–128 of a–z A–Z 0–9 and ASCII punctuation.
const FIFO_ID = /^[!-~]{1,128}$/;
// X-Ray: Root=1-<8 hex>-<24 hex>[;Parent=<16 hex>][;Sampled=0|1|?][;Lineage=…]
const TRACE_HEADER = /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}(?:;Parent=[0-9a-f]{16})?(?:;Sampled=[01?])?(?:;Lineage=[^;]+)?$/;

/** Throws unless `value` is a valid `MessageGroupId` / `MessageDeduplicationId` (1–128 chars of a–z A–Z 0–9 and punctuation). */
export function assertSqsFifoId(api: string, argument: string, value: unknown): string {
  if (typeof value !== 'string') fail(api, argument, `must be a string, got ${show(value)}`);
  if (!FIFO_ID.test(value)) {
    fail(
      api,
      argument,
      `${show(value)} breaks SQS's rule for FIFO ids: 1–${SQS_MAX_FIFO_ID_LENGTH} characters of a–z, A–Z, 0–9 and ASCII punctuation (no spaces)`,
    );
  }
  return value;
}

/** Throws unless `value` is an X-Ray trace header (`Root=1-<8hex>-<24hex>;Parent=<16hex>;Sampled=0|1`). */
export function assertSqsTraceHeader(api: string, argument: string, value: unknown): string {
  if (typeof value !== 'string' || !TRACE_HEADER.test(value)) {
    fail(
      api,
      argument,
      `${show(value)} is not an X-Ray trace header (Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=0|1)`,
    );
  }
  return value;
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
