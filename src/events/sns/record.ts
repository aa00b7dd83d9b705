/**
 * The "parts → event" mappers of SNS: the Lambda record ({@link toSnsRecord}), the JSON body SQS
 * queues and HTTP endpoints receive ({@link toSnsNotificationBody}, {@link formatSnsNotificationBody})
 * and what an SQS subscription receives, raw or not ({@link toSnsSqsDelivery}). Factories,
 * arbitraries and the msw SNS mock build SNS deliveries only through these.
 */
import { isoMillis } from '../../_internals/aws.js';
import { sha256Hex } from '../../_internals/hash.js';
import type { SqsMessageAttribute, SqsMessageAttributes } from '../sqs/types.js';
import { signSnsMessage } from './signature.js';
import { SNS_TEST_CERTIFICATE_ID } from './signingKey.js';
import { snsSigningCertUrl, snsSubscriptionArn, snsUnsubscribeUrl, type SnsTopic } from './topic.js';
import type {
  SnsEvent,
  SnsMessage,
  SnsMessageAttributes,
  SnsNotificationBody,
  SnsRecord,
  SnsSignatureVersion,
} from './types.js';
import { SNS_MAX_RAW_SQS_ATTRIBUTES } from './limits.js';

/** FIFO-topic parts of a publish. */
interface SnsFifoParts {
  /** The topic's sequence number for this message (`snsSequenceNumber`). */
  sequenceNumber: string;
  messageGroupId: string;
  /** The published id; undefined: content-based deduplication (SHA-256 hex of the message). */
  messageDeduplicationId?: string | undefined;
}

/**
 * One published message delivered to one subscription, as plain data. Values must already be
 * valid (see `normaliseSnsMessageAttributes`, `resolveSnsTopic`): the mappers trust them.
 */
export interface SnsNotificationParts {
  topic: SnsTopic;
  /** The UUID ending the subscription ARN. */
  subscriptionId: string;
  messageId: string;
  /** Undefined when no Subject was published. */
  subject: string | undefined;
  message: string;
  /** Publish time, epoch milliseconds. */
  timestamp: number;
  /** In the delivered form. */
  messageAttributes: SnsMessageAttributes;
  /** The topic's `SignatureVersion` attribute. */
  signatureVersion: SnsSignatureVersion;
  /** Required for a FIFO topic, absent for a standard topic. */
  fifo?: SnsFifoParts | undefined;
}

function assertFifoAgrees(api: string, parts: SnsNotificationParts): void {
  if (parts.topic.fifo !== (parts.fifo !== undefined)) {
    throw new TypeError(
      `${api}: topic ${parts.topic.name} is ${parts.topic.fifo ? 'FIFO, so parts.fifo is required' : 'standard, so parts.fifo must be absent'}`,
    );
  }
}

/**
 * The record SNS sends a Lambda subscription. Throws a TypeError for a FIFO topic: FIFO topics
 * deliver to SQS queues only.
 */
export function toSnsRecord(parts: SnsNotificationParts): SnsRecord {
  if (parts.topic.fifo)
    throw new TypeError(
      `toSnsRecord: topic ${parts.topic.name} is FIFO; FIFO topics deliver to SQS queues only, never to Lambda`,
    );
  const subscriptionArn = snsSubscriptionArn(parts.topic.arn, parts.subscriptionId);
  const sns = {
    Type: 'Notification',
    MessageId: parts.messageId,
    TopicArn: parts.topic.arn,
    // Lambda keeps the key, null, when no Subject was published.
    Subject: parts.subject ?? null,
    Message: parts.message,
    Timestamp: isoMillis(new Date(parts.timestamp)),
    SignatureVersion: parts.signatureVersion,
    Signature: '',
    SigningCertUrl: snsSigningCertUrl(parts.topic.region, SNS_TEST_CERTIFICATE_ID),
    UnsubscribeUrl: snsUnsubscribeUrl(parts.topic.region, subscriptionArn),
    MessageAttributes: parts.messageAttributes,
  };
  sns.Signature = signSnsMessage(sns, parts.signatureVersion);
  return {
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: subscriptionArn,
    Sns: sns as unknown as SnsMessage,
  };
}

/** Wraps a record into the event Lambda receives (SNS invokes once per message: one record). */
export function toSnsEvent(record: SnsRecord): SnsEvent {
  return { Records: [record] };
}

/**
 * The JSON notification an SQS subscription (raw delivery off) or an HTTP/S endpoint receives,
 * keys in AWS's order. FIFO topics: `SequenceNumber` after `MessageId`, no signature fields.
 */
export function toSnsNotificationBody(parts: SnsNotificationParts): SnsNotificationBody {
  assertFifoAgrees('toSnsNotificationBody', parts);
  const body: Record<string, unknown> = { Type: 'Notification', MessageId: parts.messageId };
  if (parts.fifo !== undefined) body.SequenceNumber = parts.fifo.sequenceNumber;
  body.TopicArn = parts.topic.arn;
  if (parts.subject !== undefined) body.Subject = parts.subject;
  body.Message = parts.message;
  body.Timestamp = isoMillis(new Date(parts.timestamp));
  if (parts.fifo === undefined) {
    body.SignatureVersion = parts.signatureVersion;
    body.Signature = signSnsMessage(body, parts.signatureVersion);
    body.SigningCertURL = snsSigningCertUrl(parts.topic.region, SNS_TEST_CERTIFICATE_ID);
  }
  body.UnsubscribeURL = snsUnsubscribeUrl(
    parts.topic.region,
    snsSubscriptionArn(parts.topic.arn, parts.subscriptionId),
  );
  if (Object.keys(parts.messageAttributes).length > 0) body.MessageAttributes = parts.messageAttributes;
  return body as unknown as SnsNotificationBody;
}

// An escaped backslash, or a \u00XX escape (control characters without a short escape).
const HEX_ESCAPE = /\\\\|\\u00[0-9a-f]{2}/g;

/**
 * JSON text of `value` as SNS's JSON writer (Jackson, whose pretty printer the `"Key" : value`
 * layout is) escapes it: as JSON.stringify, but `\u00XX` escapes in upper-case hex (`\u001F`).
 */
function snsJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes('\\u00')
    ? text.replace(HEX_ESCAPE, (escape) => (escape.length === 2 ? escape : escape.toUpperCase().replace('\\U', '\\u')))
    : text;
}

/**
 * The text of a notification body as SNS writes it: 2-space indent, `"Key" : value`, `\n`
 * newlines, no trailing newline (the bytes of real SQS bodies, whose md5OfBody matches);
 * each attribute on its own line as compact `{"Type":…,"Value":…}`.
 */
export function formatSnsNotificationBody(body: SnsNotificationBody): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (key === 'MessageAttributes') {
      const entries = Object.entries(value as SnsMessageAttributes).map(
        ([name, a]) => `    ${snsJson(name)} : ${snsJson({ Type: a.Type, Value: a.Value })}`,
      );
      lines.push(`  "MessageAttributes" : {\n${entries.join(',\n')}\n  }`);
    } else {
      lines.push(`  ${snsJson(key)} : ${snsJson(value)}`);
    }
  }
  return `{\n${lines.join(',\n')}\n}`;
}

/** What an SQS subscription receives for one delivery: the body, its SQS message attributes and, to a FIFO queue, the FIFO ids. */
export interface SnsSqsDelivery {
  body: string;
  /** Raw delivery: the SNS attributes as SQS attributes; otherwise `{}` (they live in the body). */
  messageAttributes: SqsMessageAttributes;
  /** Present when a FIFO topic delivers to a FIFO queue. */
  fifo?: { messageGroupId: string; messageDeduplicationId: string } | undefined;
}

/**
 * What the SQS queue of a subscription receives. `raw: false` (the default of subscriptions):
 * the formatted JSON notification, no SQS attributes. `raw: true`: the message verbatim, the
 * SNS attributes as SQS attributes of the same name and DataType (Binary as bytes), at most 10
 * (a TypeError beyond: check first). `fifoQueue`: whether the queue is FIFO (a FIFO topic may
 * also feed standard queues); a FIFO queue gets the publish's group and deduplication ids
 * (content-based: SHA-256 hex of the message).
 */
export function toSnsSqsDelivery(
  parts: SnsNotificationParts,
  options: { raw: boolean; fifoQueue: boolean },
): SnsSqsDelivery {
  assertFifoAgrees('toSnsSqsDelivery', parts);
  if (options.fifoQueue && parts.fifo === undefined)
    throw new TypeError(
      `toSnsSqsDelivery: FIFO SQS queues can not be subscribed to standard SNS topics (topic ${parts.topic.name})`,
    );
  const fifo =
    options.fifoQueue && parts.fifo !== undefined
      ? {
          messageGroupId: parts.fifo.messageGroupId,
          messageDeduplicationId: parts.fifo.messageDeduplicationId ?? sha256Hex(parts.message),
        }
      : undefined;
  if (!options.raw)
    return { body: formatSnsNotificationBody(toSnsNotificationBody(parts)), messageAttributes: {}, fifo };
  const names = Object.keys(parts.messageAttributes);
  if (names.length > SNS_MAX_RAW_SQS_ATTRIBUTES)
    throw new TypeError(
      `toSnsSqsDelivery: ${names.length} message attributes; raw delivery to SQS carries at most ${SNS_MAX_RAW_SQS_ATTRIBUTES}`,
    );
  const messageAttributes: SqsMessageAttributes = {};
  for (const name of names) {
    const { Type, Value } = parts.messageAttributes[name] as { Type: string; Value: string };
    const attribute: SqsMessageAttribute = Type.startsWith('Binary')
      ? { binaryValue: Value, stringListValues: [], binaryListValues: [], dataType: Type }
      : { stringValue: Value, stringListValues: [], binaryListValues: [], dataType: Type };
    Object.defineProperty(messageAttributes, name, {
      value: attribute,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { body: parts.message, messageAttributes, fifo };
}
