/**
 * Generators of SQS ids from a seeded {@link Random}: factories, arbitraries and the msw
 * mocks draw ids through these so every id has one format.
 */
import { sha256Hex } from '../../_internals/hash.js';
import { idLayout, type Random } from '../../_internals/random.js';

// IAM unique ids use upper-case letters and the digits 2–7 (e.g. AIDAISMY7JYY5F7RTT6AO).
const IAM_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// Prefix and characters written together: one flat string, no concatenation.
const SENDER_ID = idLayout('AIDA', { chars: 17, alphabet: IAM_ID_ALPHABET });

// Every real handle's first three bytes, whose base64 is AQEB.
const HANDLE_START = new Uint8Array([1, 1, 1]);

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
  // One native encoding: one flat string (concatenation would leave ropes that cost GC time in large batches).
  return random.base64(random.int(211, 324) - 3, HANDLE_START);
}

/** An IAM user's unique id as SQS reports it in `SenderId`: `AIDA` + 17 characters (21 in all). */
export function sqsSenderId(random: Random): string {
  return random.format(SENDER_ID);
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
  if (!Number.isSafeInteger(sentTimestamp) || sentTimestamp < 0)
    throw new RangeError(`sqsSequenceNumber: sentTimestamp must be epoch milliseconds, got ${String(sentTimestamp)}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > 999)
    throw new RangeError(`sqsSequenceNumber: counter must be an integer 0–999, got ${String(counter)}`);
  return (SEQUENCE_BASE + (BigInt(sentTimestamp) * 1000n + BigInt(counter)) * 256n).toString();
}

/**
 * A FIFO queue's content-based `MessageDeduplicationId`: the SHA-256 hex of the body (the
 * message attributes do not count).
 */
export function sqsContentDeduplicationId(body: string): string {
  return sha256Hex(body);
}
