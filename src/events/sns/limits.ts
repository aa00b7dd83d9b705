/** SNS limits. @see https://docs.aws.amazon.com/general/latest/gr/sns.html */

/** Message + every attribute's name, DataType and value, UTF-8 bytes: 256 KiB. */
export const SNS_MAX_MESSAGE_BYTES = 262_144;
/** Attributes SNS can deliver to SQS with raw message delivery. */
export const SNS_MAX_RAW_SQS_ATTRIBUTES = 10;
/** Longest `Subject`. */
export const SNS_MAX_SUBJECT_LENGTH = 100;
/** The Subject S3 gives its notifications published to a topic. */
export const S3_NOTIFICATION_SUBJECT = 'Amazon S3 Notification';
