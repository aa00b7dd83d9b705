/** Generators of SNS ids from a seeded {@link Random}, so factories, arbitraries and the msw mock share one format. */
import type { Random } from '../../_internals/random.js';

/** Current SNS message ids: lower-case 8-4-4-4-12 with version nibble 5 and the RFC 4122 variant (e.g. `95df01b4-ee98-5cb9-9903-4c221d41eb5e`). */
export const SNS_MESSAGE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A subscription id: the RFC 4122 v4 UUID that ends a subscription ARN. */
export const SNS_SUBSCRIPTION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Lays 32 hex digits out as an SNS message id, forcing version 5 and the RFC variant as real ids have them. */
export function formatSnsMessageId(hex32: string): string {
  const h = hex32.toLowerCase();
  const variant = '89ab'[parseInt(h[16] ?? '0', 16) & 3] as string;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An SNS `MessageId` (see {@link SNS_MESSAGE_ID_PATTERN}). */
export function snsMessageId(random: Random): string {
  return formatSnsMessageId(random.hex(32));
}

/** A subscription id (v4 UUID). */
export function snsSubscriptionId(random: Random): string {
  return random.uuidV4();
}

const SEQUENCE_BASE = 10n ** 19n;

/**
 * A FIFO topic's `SequenceNumber` for the topic's `n`-th message (n ≥ 1): a 20-digit decimal,
 * increasing with n, laid out like real ones (`10000000000000004000`: 10^19 + n × 1000).
 */
export function snsSequenceNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`snsSequenceNumber: n must be an integer ≥ 1, got ${String(n)}`);
  return (SEQUENCE_BASE + BigInt(n) * 1000n).toString();
}
