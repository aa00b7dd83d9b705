import type { Arbitrary } from 'fast-check';
import type { S3EventName } from '../src/events/s3/eventTypes.js';
import { toS3Event } from '../src/events/s3/record.js';
import type { S3EventOf } from '../src/events/s3/types.js';
import { s3RecordParts, type S3RecordConstraints } from './s3Record.js';

/** Constraints of {@link s3Event}: those of `s3Record`. */
export type S3EventConstraints<N extends S3EventName = S3EventName> = S3RecordConstraints<N>;

/**
 * S3 notifications (`{ Records: [record] }`, one record per notification as S3 sends them),
 * mapped through the one mapper (`toS3Event`).
 * @example s3Event({ bucket: 'photos', eventNames: ['ObjectCreated:Put'] })
 */
// @__NO_SIDE_EFFECTS__
export function s3Event<N extends S3EventName = S3EventName>(constraints: S3EventConstraints<N> = {}): Arbitrary<S3EventOf<N>> {
  return s3RecordParts(constraints, 's3Event').map((parts) => toS3Event(parts));
}
