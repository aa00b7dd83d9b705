/** The SNS event shapes, field by field as AWS sends them: the Lambda event and the SNS → SQS / HTTP JSON body. */

/** `SignatureVersion`: `"1"` signs with SHA1withRSA, `"2"` with SHA256withRSA. */
export type SnsSignatureVersion = '1' | '2';

/**
 * One message attribute as SNS delivers it (Lambda event and JSON body): `Type` is the published
 * DataType (`String`, `Number`, `Binary`, `String.Array`, optionally `.label`), `Value` its text
 * (Binary: standard base64 of the bytes; String.Array: the JSON array text).
 */
export interface SnsMessageAttribute {
  Type: string;
  Value: string;
}

/** Message attributes by name. */
export type SnsMessageAttributes = Record<string, SnsMessageAttribute>;

/**
 * `Records[].Sns` of a Lambda SNS event: keys in the order Lambda delivers them.
 *
 * `Subject`: Lambda sends `"Subject": null` when none was published (the key stays). The type
 * says `Subject?: string`, as `@types/aws-lambda`'s `SNSMessage` does, so events reach an
 * `SNSHandler` without a cast; read it as `Subject ?? undefined` when the difference matters.
 */
export interface SnsMessage {
  Type: 'Notification';
  /** Lower-case 8-4-4-4-12 id (version nibble 5 in current SNS); the same for every subscriber of one publish. */
  MessageId: string;
  /** `arn:<partition>:sns:<region>:<account>:<topic>`. */
  TopicArn: string;
  /** The published subject; `null` at run time when none was published (see above). */
  Subject?: string;
  /** The message, exactly as published. */
  Message: string;
  /** Publish time, ISO-8601 UTC with 3 fractional digits. */
  Timestamp: string;
  SignatureVersion: SnsSignatureVersion;
  /** Base64 RSA PKCS#1 v1.5 signature over the canonical string (344 characters for RSA-2048). */
  Signature: string;
  /** Camel-case `Url` in Lambda events. */
  SigningCertUrl: string;
  /** Camel-case `Url` in Lambda events; names the subscription (`EventSubscriptionArn`). */
  UnsubscribeUrl: string;
  /** `{}` when none were published. */
  MessageAttributes: SnsMessageAttributes;
}

/** One record of a Lambda SNS event. */
export interface SnsRecord {
  EventSource: 'aws:sns';
  EventVersion: '1.0';
  /** The subscription ARN: `<TopicArn>:<uuid>`. */
  EventSubscriptionArn: string;
  Sns: SnsMessage;
}

/** A Lambda SNS event: SNS invokes a function once per message, so `Records` holds exactly one record. Assignable to `@types/aws-lambda`'s `SNSEvent`. */
export interface SnsEvent {
  Records: SnsRecord[];
}

/**
 * The JSON notification SNS sends to SQS queues (raw delivery off) and HTTP/S endpoints: upper-case
 * `URL` fields, `Subject` only when published, `MessageAttributes` only when there are some. FIFO
 * topics add `SequenceNumber` and carry no signature fields.
 */
export interface SnsNotificationBody {
  Type: 'Notification';
  MessageId: string;
  /** FIFO topics only: 20-digit decimal. */
  SequenceNumber?: string;
  TopicArn: string;
  /** Only when published. */
  Subject?: string;
  Message: string;
  Timestamp: string;
  /** Standard topics only. */
  SignatureVersion?: SnsSignatureVersion;
  /** Standard topics only. */
  Signature?: string;
  /** Standard topics only. */
  SigningCertURL?: string;
  UnsubscribeURL: string;
  /** Only when the publish had attributes. */
  MessageAttributes?: SnsMessageAttributes;
}
