/** SQS service limits, with their sources. */
import { ONE_MIB } from '../../_internals/limits.js';

/**
 * Maximum message size: body plus every attribute's name, type and value, in bytes
 * (1 MiB since January 2026; SendMessage API reference).
 */
export const SQS_MAX_MESSAGE_BYTES = ONE_MIB;
/** At most 10 message attributes per message (SQS developer guide, message attributes). */
export const SQS_MAX_MESSAGE_ATTRIBUTES = 10;
/** Lambda's batch size limit for a FIFO queue's event source mapping. */
export const SQS_MAX_FIFO_BATCH = 10;
/** Lambda's batch size limit for a standard queue (with a batching window). */
export const SQS_MAX_STANDARD_BATCH = 10_000;
/** Queue names: 1–80 characters (including the `.fifo` suffix). */
export const SQS_MAX_QUEUE_NAME_LENGTH = 80;
/** MessageGroupId and MessageDeduplicationId: 1–128 characters. */
export const SQS_MAX_FIFO_ID_LENGTH = 128;
