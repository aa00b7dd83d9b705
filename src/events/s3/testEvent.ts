/** The mapper of `s3:TestEvent`, which has no `Records`: S3 sends it once when a notification configuration is saved. */
import { isoMillis } from '../../_internals/aws.js';
import type { S3TestEvent } from './types.js';

/** Parts of an `s3:TestEvent`. */
export interface S3TestEventParts {
  bucket: string;
  time: Date;
  /** See `s3RequestId`. */
  requestId: string;
  /** See `s3HostId`. */
  hostId: string;
}

/** Maps parts to the `s3:TestEvent` S3 sends to SQS/SNS destinations when a notification configuration is saved. */
export function toS3TestEvent(parts: S3TestEventParts): S3TestEvent {
  return {
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: isoMillis(parts.time),
    Bucket: parts.bucket,
    RequestId: parts.requestId,
    HostId: parts.hostId,
  };
}
