import type { S3Event } from 'aws-lambda';
import type { Arbitrary } from 'fast-check';
import type { S3EventName } from '../src/events/s3/eventTypes.js';
import { toS3Event } from '../src/events/s3/record.js';
import type { S3EventOf } from '../src/events/s3/types.js';
import { s3RecordParts, type S3RecordConstraints } from './s3Record.js';

/** Constraints of {@link s3Event}: those of `s3Record`. */
export type S3EventConstraints<N extends S3EventName = S3EventName> = S3RecordConstraints<N>;

/**
 * The type of `s3Event()` without `eventNames`: every kind of notification, typed so that it also
 * is `@types/aws-lambda`'s `S3Event`, as the real events reaching an `S3Handler` are. That type
 * claims `size` and `eTag` on every record, which `ObjectRemoved:*` (and some other) records do
 * not carry: at run time they are absent, as from S3. Pin `eventNames` for the exact type.
 */
export type S3EventOfAnyName = S3EventOf & S3Event;

/**
 * S3 notifications (`{ Records: [record] }`, one record per notification as S3 sends them),
 * mapped through the one mapper (`toS3Event`). Typed by `eventNames` (`S3EventOf<N>`, exact);
 * without them, {@link S3EventOfAnyName}, so a standard `S3Handler` takes the events as they are.
 * @example s3Event({ bucket: 'photos', eventNames: ['ObjectCreated:Put'] })
 */
export function s3Event(constraints?: S3EventConstraints & { eventNames?: undefined }): Arbitrary<S3EventOfAnyName>;
export function s3Event<N extends S3EventName = S3EventName>(
  constraints: S3EventConstraints<N>,
): Arbitrary<S3EventOf<N>>;
// @__NO_SIDE_EFFECTS__
export function s3Event<N extends S3EventName = S3EventName>(
  constraints: S3EventConstraints<N> = {},
): Arbitrary<S3EventOf<N>> {
  return s3RecordParts(constraints, 's3Event').map((parts) => toS3Event(parts));
}
