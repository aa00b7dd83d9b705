/**
 * The way back: parse a notification body, and read the messages out of a Lambda SNS event or
 * an SQS event fed by SNS or EventBridge.
 */
import type { SnsEvent, SnsNotificationBody } from './types.js';

/** How a message is read back: `'json'` parses it (the default), `'text'` returns it verbatim. */
export type SnsUnwrapAs = 'json' | 'text';

function parse(where: string, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TypeError(`${where} is not JSON (${what}): ${(error as Error).message}`);
  }
}

function read(where: string, message: string, as: SnsUnwrapAs): unknown {
  return as === 'text' ? message : parse(where, message, "unwrap with { as: 'text' } for text messages");
}

/**
 * Parses an SNS notification body (what an SQS queue with raw delivery off, or an HTTP endpoint,
 * receives). Throws a TypeError unless it is JSON with `Type: "Notification"` and a string `Message`.
 */
export function parseSnsNotificationBody(body: string): SnsNotificationBody {
  const value = parse('parseSnsNotificationBody: body', body, 'an SNS notification body is JSON');
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('parseSnsNotificationBody: body is not a JSON object');
  const record = value as Record<string, unknown>;
  if (record.Type !== 'Notification')
    throw new TypeError(
      `parseSnsNotificationBody: body has Type ${JSON.stringify(record.Type)}, not "Notification" (raw delivery? unwrap with { raw: true })`,
    );
  if (typeof record.Message !== 'string') throw new TypeError('parseSnsNotificationBody: body has no string Message');
  return record as unknown as SnsNotificationBody;
}

/** The messages of a Lambda SNS event, parsed as JSON (default) or as text. */
export function unwrapSnsEvent<T = unknown>(
  event: SnsEvent | { Records: readonly { Sns: { Message: string } }[] },
  options?: { as?: SnsUnwrapAs },
): T[] {
  const as = options?.as ?? 'json';
  return event.Records.map(
    (record, i) => read(`unwrapSnsEvent: Records[${i}].Sns.Message`, record.Sns.Message, as) as T,
  );
}

/**
 * The SNS messages of an SQS event whose queue subscribes to a topic: each body's notification
 * is parsed (or, with `raw: true`, the body is the message), then the message is parsed as JSON
 * (default) or returned as text. An S3 event sent through SNS comes back as the S3 event.
 */
export function unwrapSqsEventFromSns<T = unknown>(
  event: { Records: readonly { body: string }[] },
  options?: { raw?: boolean; as?: SnsUnwrapAs },
): T[] {
  const as = options?.as ?? 'json';
  return event.Records.map((record, i) => {
    const message = options?.raw === true ? record.body : parseSnsNotificationBody(record.body).Message;
    return read(`unwrapSqsEventFromSns: Records[${i}] message`, message, as) as T;
  });
}

/** The notifications (envelopes) of an SQS event whose queue subscribes to a topic with raw delivery off. */
export function unwrapSnsNotificationsFromSqs(event: { Records: readonly { body: string }[] }): SnsNotificationBody[] {
  return event.Records.map((record) => parseSnsNotificationBody(record.body));
}

/** The events of an SQS event whose queue is an EventBridge rule's target (each body is one event's JSON). */
export function unwrapSqsEventFromEventBridge<T = unknown>(event: { Records: readonly { body: string }[] }): T[] {
  return event.Records.map(
    (record, i) =>
      parse(
        `unwrapSqsEventFromEventBridge: Records[${i}].body`,
        record.body,
        'EventBridge delivers the event as JSON',
      ) as T,
  );
}
