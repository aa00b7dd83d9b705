import { tuple, type Arbitrary } from 'fast-check';
import type { JsonValue } from '../src/_internals/json.js';
import type { SnsMessageAttributesInput } from '../src/events/sns/attributes.js';
import { toSnsRecord } from '../src/events/sns/record.js';
import type { SnsRecord, SnsSignatureVersion } from '../src/events/sns/types.js';
import type { Pin } from './_internals/pin.js';
import { publishChoice, topicChoice, toSnsParts } from './_internals/sns.js';

/** Constraints of {@link snsRecord}. Each field pins a part to a value or to an arbitrary. */
export interface SnsRecordConstraints {
  /**
   * The message: a string (verbatim; characters UTF-8 cannot carry become U+FFFD) or a JSON value (serialised).
   * @defaultValue text and JSON payloads (as `sqsRecord` bodies), S3 notifications (with S3's Subject) and EventBridge events
   */
  message?: Pin<string | JsonValue>;
  /**
   * The Subject; `null` for none.
   * @defaultValue none two times in three (S3 notifications: "Amazon S3 Notification"), else a printable-ASCII subject
   */
  subject?: Pin<string | null>;
  /**
   * Message attributes in any form `makeSnsEvent` accepts (validated: invalid ones throw).
   * @defaultValue none a third of the time, else 1–10 String/Number/Binary/String.Array attributes
   */
  messageAttributes?: Pin<SnsMessageAttributesInput>;
  /**
   * The topic name (standard topics only: Lambda cannot subscribe to FIFO topics).
   * @defaultValue names of 1–40 characters and hard cases (256 characters)
   */
  topicName?: Pin<string>;
  /**
   * The region.
   * @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })`
   */
  region?: Pin<string>;
  /**
   * The 12-digit account id.
   * @defaultValue `awsAccountId()`
   */
  account?: Pin<string>;
  /**
   * The topic's SignatureVersion.
   * @defaultValue `"1"` or `"2"`
   */
  signatureVersion?: Pin<SnsSignatureVersion>;
  /**
   * The publish time.
   * @defaultValue between 2010-04-07 (SNS's launch) and 2040
   */
  time?: Pin<Date>;
}

/**
 * One record of a Lambda SNS event, built by the same mapper as `makeSnsRecord`: every invariant
 * holds (subscription ARN = topic ARN + `:` + UUID, URLs on the region's SNS host, version-5
 * message id, 3-digit Timestamp, `Subject` null when none, a real signature by the kit's test key).
 * @example snsRecord({ message: jsonPayload({ root: 'object' }), region: 'eu-west-1' })
 */
// @__NO_SIDE_EFFECTS__
export function snsRecord(constraints: SnsRecordConstraints = {}): Arbitrary<SnsRecord> {
  return tuple(topicChoice('snsRecord', constraints, false), publishChoice('snsRecord', constraints, 10)).map(
    ([topic, publish]) => toSnsRecord(toSnsParts('snsRecord', topic, publish, publish.time)),
  );
}
