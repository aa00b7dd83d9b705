/**
 * Generators of SQS ids from a seeded {@link Random}: factories, arbitraries and the msw
 * mocks draw ids through these so every id has one format.
 */
import type { Random } from '../../_internals/random.js';

// Scratch space for one handle's bytes: encoded in one native call, so the handle is one flat
// string (string concatenation would leave ropes that cost GC time in large batches).
const HANDLE_BYTES = Buffer.alloc(328);
HANDLE_BYTES[0] = 1;
HANDLE_BYTES[1] = 1;
HANDLE_BYTES[2] = 1;
// IAM unique ids use upper-case letters and the digits 2–7 (e.g. AIDAISMY7JYY5F7RTT6AO).
const IAM_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Shortest and longest receipt handles seen in real Lambda events (characters). */
export const SQS_RECEIPT_HANDLE_LENGTHS = { min: 284, max: 432 } as const;

/** An SQS `messageId`: an RFC 4122 version-4 UUID. */
export function sqsMessageId(random: Random): string {
  return random.uuidV4();
}

/**
 * An SQS receipt handle: standard base64 of `01 01 01` followed by random bytes, so it starts
 * with `AQEB` like every real handle, with a length drawn from the range seen in real events
 * (284–432 characters, padded with `=` when the byte count asks for it).
 */
export function sqsReceiptHandle(random: Random): string {
  // Total bytes 211–324 → 284–432 base64 characters; the first three bytes (01 01 01) encode as AQEB.
  const length = random.int(211, 324);
  for (let i = 3; i < length; i += 4) {
    const n = random.next();
    HANDLE_BYTES[i] = n;
    HANDLE_BYTES[i + 1] = n >>> 8;
    HANDLE_BYTES[i + 2] = n >>> 16;
    HANDLE_BYTES[i + 3] = n >>> 24;
  }
  return HANDLE_BYTES.toString('base64', 0, length);
}

/** An IAM user's unique id as SQS reports it in `SenderId`: `AIDA` + 17 characters (21 in all). */
export function sqsSenderId(random: Random): string {
  return `AIDA${random.chars(17, IAM_ID_ALPHABET)}`;
}

const SEQUENCE_BASE = 2n ** 64n;

/**
 * A FIFO `SequenceNumber` for a message sent at `sentTimestamp` (epoch ms): the layout two real
 * captures follow exactly, `2^64 + (sentTimestamp × 1000 + counter) × 256`, a 20-digit decimal.
 * `counter` (0–999) orders messages sent in the same millisecond; numbers increase with
 * (sentTimestamp, counter).
 * @example sqsSequenceNumber(1573251510774, 2) // '18849496460467696128' (the AWS docs FIFO sample)
 */
export function sqsSequenceNumber(sentTimestamp: number, counter: number): string {
  if (!Number.isSafeInteger(sentTimestamp) || sentTimestamp < 0) throw new RangeError(`sqsSequenceNumber: sentTimestamp must be epoch milliseconds, got ${String(sentTimestamp)}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > 999) throw new RangeError(`sqsSequenceNumber: counter must be an integer 0–999, got ${String(counter)}`);
  return (SEQUENCE_BASE + (BigInt(sentTimestamp) * 1000n + BigInt(counter)) * 256n).toString();
}
