/**
 * Parts generators shared by the `sqsRecord` and `sqsEvent` arbitraries. Every value is mapped
 * into validity (never filtered), so shrunk values keep every SQS invariant.
 */
import {
  array,
  constant,
  constantFrom,
  integer,
  nat,
  oneof,
  option,
  record,
  string,
  stringMatching,
  tuple,
  uniqueArray,
  uuid,
  type Arbitrary,
} from 'fast-check';
import { fail, show } from '../../src/_internals/errors.js';
import { assertJsonValue, type JsonValue } from '../../src/_internals/json.js';
import { isPlainObject } from '../../src/_internals/objects.js';
import { assertSqsText } from '../../src/events/sqs/body.js';
import { createRandom } from '../../src/_internals/random.js';
import { LAMBDA_PAYLOAD_LIMIT } from '../../src/_internals/limits.js';
import { normaliseSqsMessageAttributes, type SqsMessageAttributesInput } from '../../src/events/sqs/attributes.js';
import { sqsContentDeduplicationId, sqsReceiptHandle, sqsSequenceNumber } from '../../src/events/sqs/ids.js';
import { SQS_MAX_FIFO_BATCH, SQS_MAX_MESSAGE_BYTES, SQS_MAX_STANDARD_BATCH } from '../../src/events/sqs/limits.js';
import { sqsRecordJsonBytes } from '../../src/events/sqs/payload.js';
import { sqsQueue, type SqsQueue } from '../../src/events/sqs/queue.js';
import { toSqsRecord, type SqsRecordParts } from '../../src/events/sqs/record.js';
import type { SqsEmptyMd5OfMessageAttributes, SqsRecord } from '../../src/events/sqs/types.js';
import { partitionOfRegion } from '../../src/_internals/aws.js';
import { utf8Length } from '../../src/_internals/limits.js';
import { awsAccountId } from '../awsAccountId.js';
import { awsRegion } from '../awsRegion.js';
import { jsonPayload } from '../jsonPayload.js';
import { sqsQueueName } from '../sqsQueueName.js';
import { fakerValue } from './faker.js';
import { pinned, type Pin } from './pin.js';

// Characters SQS rejects, one code point at a time (lone surrogates included).
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Maps any string to a body SQS accepts: characters it rejects become U+FFFD (what current SQS
 * docs say SQS itself does), and the empty string, which SendMessage rejects, becomes `" "`.
 */
export function toSqsText(text: string): string {
  const clean = text.replace(INVALID, '\uFFFD');
  return clean.length === 0 ? ' ' : clean;
}

/** Bodies that break naive code, all of them valid for SQS. */
const HARD_BODIES = [
  '"',
  '\\',
  '\\"',
  '""',
  "'",
  '\t',
  '\n',
  '\r\n',
  ' ',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  '\uFEFF',
  '\u2028\u2029',
  '\uFFFD',
  '{}',
  '[]',
  'null',
  '0',
  '{"a":',
  '<xml attr="1"/>',
  '%2F',
  'a+b c',
  '${x}',
  'C:\\path',
  '\u{10FFFF}',
  '\uE000',
];

/** The default body: JSON payloads (serialised), hard cases, arbitrary text, human-looking text. */
export function defaultBody(): Arbitrary<string> {
  return oneof(
    { arbitrary: jsonPayload().map((value) => JSON.stringify(value)), weight: 4 },
    { arbitrary: constantFrom(...HARD_BODIES), weight: 2 },
    { arbitrary: string({ unit: 'binary' }).map(toSqsText), weight: 2 },
    {
      arbitrary: tuple(string({ maxLength: 6 }), constantFrom(...HARD_BODIES), string({ maxLength: 6 })).map(
        ([a, b, c]) => toSqsText(a + b + c),
      ),
      weight: 1,
    },
    {
      arbitrary: fakerValue((faker) =>
        faker.helpers.arrayElement([
          () => faker.lorem.paragraph(),
          () =>
            JSON.stringify({ id: faker.string.uuid(), name: faker.person.fullName(), email: faker.internet.email() }),
          () => faker.commerce.productDescription(),
        ])(),
      ),
      weight: 2,
    },
  );
}

/** Maps a body constraint (string or JSON value) to SQS text. */
function bodyArbitrary(api: string, body: Pin<string | JsonValue> | undefined): Arbitrary<string> {
  if (body === undefined) return defaultBody();
  return pinned(api, 'body', body, defaultBody() as Arbitrary<string | JsonValue>).map((value) =>
    toSqsText(typeof value === 'string' ? value : JSON.stringify(value)),
  );
}

const NAME_HARD = [
  'a',
  'A',
  '_',
  '-',
  'x.y',
  'Content-Type',
  'trace_id',
  'a'.repeat(256),
  '__proto__',
  'constructor',
  'prototype',
  'amazonx',
  'AWSx',
];
const BAD_NAME_CHAR = /[^A-Za-z0-9_.-]/g;
const DOTS = /\.{2,}/g;
const EDGE_DOTS = /^\.+|\.+$/g;
const RESERVED = /^(?:aws|amazon)\./i;
const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.';

/** Attribute names valid for SQS: mapped into the rules (no leading/trailing or double '.', no AWS./Amazon. prefix). */
function attributeName(): Arbitrary<string> {
  const raw = array(constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 24 }).map((chars) => chars.join(''));
  return oneof(
    raw,
    constantFrom(...NAME_HARD),
    fakerValue((faker) => faker.word.noun()),
  ).map((name) => {
    let out = name.replace(BAD_NAME_CHAR, '_').replace(DOTS, '.').replace(EDGE_DOTS, '');
    if (RESERVED.test(out)) out = `x${out}`;
    out = out.slice(0, 256).replace(EDGE_DOTS, '');
    return out.length === 0 ? 'a' : out;
  });
}

const LABELS = ['', '', '', '.json', '.custom_label', '.uuid', '.int-64'];

/** One attribute in the caller form: String, Number or Binary, with or without a custom label. */
function attributeValue(): Arbitrary<SqsMessageAttributesInput[string]> {
  return oneof(
    tuple(constantFrom(...LABELS), defaultBody()).map(([label, value]) => ({
      dataType: `String${label}`,
      stringValue: value,
    })),
    tuple(
      constantFrom(...LABELS),
      oneof(
        integer().map(String),
        constantFrom(
          '0',
          '-1',
          '3.14',
          '1e10',
          '-0.000001',
          '99999999999999999999999999999999999999',
          '1E+126',
          '1e-128',
        ),
      ),
    ).map(([label, value]) => ({ dataType: `Number${label}`, stringValue: value })),
    tuple(constantFrom(...LABELS), array(nat({ max: 255 }), { minLength: 1, maxLength: 40 })).map(([label, bytes]) => ({
      dataType: `Binary${label}`,
      binaryValue: Uint8Array.from(bytes),
    })),
  );
}

/** 0–10 attributes (none about a third of the time). */
export function defaultAttributes(): Arbitrary<SqsMessageAttributesInput> {
  return oneof(
    constant({}),
    uniqueArray(tuple(attributeName(), attributeValue()), { maxLength: 10, selector: ([name]) => name }).map(
      (entries) => {
        const out: Record<string, SqsMessageAttributesInput[string]> = {};
        for (const [name, value] of entries)
          Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        return out;
      },
    ),
  );
}

const SENDERS = [
  stringMatching(/^AIDA[A-Z2-7]{17}$/),
  tuple(stringMatching(/^AROA[A-Z2-7]{17}$/), stringMatching(/^[\w+=,.@-]{2,32}$/)).map(
    ([id, session]) => `${id}:${session}`,
  ),
  awsAccountId(),
  constantFrom('AIDAISMY7JYY5F7RTT6AO'), // SNS (eu-west-1), as seen in real SNS→SQS events
];

/** Per-message choices, before the queue and the batch are known. */
export interface MessageChoice {
  body: string;
  attributes: SqsMessageAttributesInput;
  messageId: string;
  handleSeed: number;
  receiveCount: number;
  /** Milliseconds since the previous message was sent. */
  gap: number;
  lag: number;
  group: string;
  dedupId: string | undefined;
  traceHeader: string | undefined;
}

/** Constraints the parts generators understand (a subset of the public constraints). */
export interface MessageConstraints {
  body?: Pin<string | JsonValue> | undefined;
  messageAttributes?: Pin<SqsMessageAttributesInput> | undefined;
  receiveCount?: Pin<number> | undefined;
}

const GROUPS = ['default', 'g1', 'orders-42', 'a', 'x'.repeat(128), '!#$%&()*+,-./:;<=>?@[]^_`{|}~'];
const TRACE = tuple(
  stringMatching(/^[0-9a-f]{8}$/),
  stringMatching(/^[0-9a-f]{24}$/),
  stringMatching(/^[0-9a-f]{16}$/),
  constantFrom('0', '1'),
).map(([t, r, p, s]) => `Root=1-${t}-${r};Parent=${p};Sampled=${s}`);

/** One message's parts for the arbitrary `api` (`sqsRecord`, `sqsEvent`). */
export function messageChoice(api: string, constraints: MessageConstraints): Arbitrary<MessageChoice> {
  return record({
    body: bodyArbitrary(api, constraints.body),
    attributes: pinned(api, 'messageAttributes', constraints.messageAttributes, defaultAttributes()),
    messageId: uuid({ version: 4 }),
    handleSeed: integer(),
    receiveCount: pinned(
      api,
      'receiveCount',
      constraints.receiveCount,
      oneof({ arbitrary: constant(1), weight: 4 }, { arbitrary: integer({ min: 2, max: 1000 }), weight: 1 }),
    ),
    gap: oneof(constant(0), nat({ max: 2000 })),
    lag: nat({ max: 20_000 }),
    group: oneof(constantFrom(...GROUPS), stringMatching(/^[!-~]{1,128}$/)),
    dedupId: option(stringMatching(/^[!-~]{1,128}$/), { nil: undefined }),
    traceHeader: option(TRACE, { nil: undefined, freq: 4 }),
  });
}

/** The `emptyMd5OfMessageAttributes` constraint: one form, or `'either'` (both real forms). */
type SqsEmptyMd5Constraint = SqsEmptyMd5OfMessageAttributes | 'either';

/** Throws a TypeError naming `api` unless `value` is a valid `emptyMd5OfMessageAttributes` constraint. */
export function assertEmptyMd5Constraint(api: string, value: unknown): void {
  if (value !== undefined && value !== 'omit' && value !== 'null' && value !== 'either') {
    throw new TypeError(
      `${api}: emptyMd5OfMessageAttributes must be 'omit', 'null' or 'either', got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
}

/** The queue-wide choices of a batch. */
export interface QueueConstraints {
  fifo?: boolean | undefined;
  /** One form of an empty `md5OfMessageAttributes` for the whole batch; `'either'` picks one per batch. */
  emptyMd5OfMessageAttributes?: SqsEmptyMd5Constraint | undefined;
  queueName?: Pin<string> | undefined;
  region?: Pin<string> | undefined;
  account?: Pin<string> | undefined;
  time?: Pin<Date> | undefined;
}

export interface QueueChoice {
  queue: SqsQueue;
  /** The form of `md5OfMessageAttributes` on this batch's records without attributes (one poller, one form). */
  emptyMd5: SqsEmptyMd5OfMessageAttributes;
  sender: string;
  /** Epoch ms of the first message. */
  start: number;
}

const MIN_TIME = Date.UTC(2006, 6, 13); // SQS's general availability
const MAX_TIME = Date.UTC(2040, 0, 1);

/** A batch's queue-wide parts for the arbitrary `api` (`sqsRecord`, `sqsEvent`). */
export function queueChoice(api: string, constraints: QueueConstraints): Arbitrary<QueueChoice> {
  const fifo = constraints.fifo;
  const empty = constraints.emptyMd5OfMessageAttributes;
  const name =
    constraints.queueName !== undefined
      ? pinned(api, 'queueName', constraints.queueName, sqsQueueName())
      : fifo === undefined
        ? sqsQueueName()
        : sqsQueueName({ fifo });
  return record({
    name,
    region: pinned(api, 'region', constraints.region, awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })),
    account: pinned(api, 'account', constraints.account, awsAccountId()),
    sender: oneof(...SENDERS),
    start: pinned(
      api,
      'time',
      constraints.time,
      integer({ min: MIN_TIME, max: MAX_TIME }).map((ms) => new Date(ms)),
    ).map((date) => date.getTime()),
    // 'omit' first: it is what the factories default to, so shrinking lands there.
    emptyMd5:
      empty === undefined || empty === 'either'
        ? constantFrom<SqsEmptyMd5OfMessageAttributes>('omit', 'null')
        : constant(empty),
  }).map(({ name, region, account, sender, start, emptyMd5 }) => ({
    queue: sqsQueue(name, region, account, partitionOfRegion(region)),
    sender,
    start,
    emptyMd5,
  }));
}

/** A message of `sqsEvent({ messages })`, checked: its body as SQS text and its attributes. */
export interface PinnedMessage {
  readonly body: string;
  readonly attributes: SqsMessageAttributesInput;
}

/**
 * Checks the messages of `sqsEvent({ messages })` (`api`) as given: never rewritten. Throws an
 * EventInputError (a TypeError) naming the arbitrary and the message for an empty batch, one over
 * the FIFO batch limit, a body SQS rejects, a value that is not JSON, bad attributes, or a
 * message over SQS's size limit.
 */
export function pinnedMessages(api: string, list: unknown, fifo: boolean | undefined): PinnedMessage[] {
  if (!Array.isArray(list)) fail(api, 'messages', `must be an array of messages, got ${show(list)}`);
  if (list.length === 0) fail(api, 'messages', 'is empty; Lambda never invokes a function with an empty SQS batch');
  const limit = fifo === true ? SQS_MAX_FIFO_BATCH : SQS_MAX_STANDARD_BATCH;
  if (list.length > limit)
    fail(
      api,
      'messages',
      `has ${list.length} messages; Lambda's batch size limit for a ${fifo === true ? 'FIFO' : 'standard'} queue is ${limit}`,
    );
  return list.map((message: unknown, index): PinnedMessage => {
    const at = `messages[${index}]`;
    const form = isPlainObject(message) && Object.hasOwn(message, 'body');
    const value = form ? (message as { body: unknown }).body : message;
    const where = form ? `${at}.body` : at;
    let body: string;
    if (typeof value === 'string') body = assertSqsText(api, where, value);
    else {
      assertJsonValue(api, where, value);
      body = assertSqsText(api, where, JSON.stringify(value));
    }
    const given = form ? (message as { messageAttributes?: SqsMessageAttributesInput }).messageAttributes : undefined;
    const attributes = normaliseSqsMessageAttributes(api, `${at}.messageAttributes`, given);
    const size = utf8Length(body) + attributes.bytes;
    if (size > SQS_MAX_MESSAGE_BYTES)
      fail(api, at, `is ${size} bytes (body and attributes); SQS's message size limit is ${SQS_MAX_MESSAGE_BYTES}`);
    return { body, attributes: given ?? {} };
  });
}

/**
 * Turns a queue and message choices into records, keeping every batch invariant. With `exact`
 * (the arbitrary's name: the messages were given), nothing is trimmed or dropped: a batch over
 * Lambda's 6 MB payload throws instead.
 */
export function toRecords(
  queueChoice: QueueChoice,
  choices: readonly MessageChoice[],
  minRecords: number,
  exact?: string,
): SqsRecord[] {
  const { queue } = queueChoice;
  const ids = new Set<string>();
  const dedupIds = new Set<string>();
  const counters = new Map<number, number>();
  const records: SqsRecord[] = [];
  let sent = queueChoice.start;
  let bytes = 14; // {"Records":[]}
  for (let index = 0; index < choices.length; index++) {
    const choice = choices[index] as MessageChoice;
    // Unique message ids and handles, by construction.
    let messageId = choice.messageId;
    for (let k = 0; ids.has(messageId); k++)
      messageId = `${messageId.slice(0, 24)}${(k + index).toString(16).padStart(12, '0')}`;
    ids.add(messageId);
    const random = createRandom(choice.handleSeed, 'receiptHandle');
    let receiptHandle = sqsReceiptHandle(random);
    while (ids.has(receiptHandle)) receiptHandle = sqsReceiptHandle(random);
    ids.add(receiptHandle);

    let attributes = normaliseSqsMessageAttributes('sqsRecord', 'messageAttributes', choice.attributes);
    let body = choice.body;
    // The message size limit counts body + attributes: trim the body to fit (given messages were checked).
    if (exact === undefined && body.length * 3 + attributes.bytes > SQS_MAX_MESSAGE_BYTES) {
      while (utf8Length(body) + attributes.bytes > SQS_MAX_MESSAGE_BYTES)
        body = toSqsText(body.slice(0, Math.floor(body.length * 0.9)));
      if (utf8Length(body) + attributes.bytes > SQS_MAX_MESSAGE_BYTES)
        attributes = normaliseSqsMessageAttributes('sqsRecord', 'messageAttributes', {});
    }
    sent += choice.gap;
    const parts: SqsRecordParts = {
      queue,
      messageId,
      receiptHandle,
      body,
      messageAttributes: attributes.attributes,
      sentTimestamp: sent,
      firstReceiveTimestamp: sent + choice.lag,
      receiveCount: choice.receiveCount,
      senderId: queueChoice.sender,
      awsTraceHeader: choice.traceHeader,
      emptyMd5OfMessageAttributes: queueChoice.emptyMd5,
    };
    if (queue.fifo) {
      // A FIFO queue drops a repeated deduplication id: make each one unique by construction.
      let dedup = choice.dedupId ?? sqsContentDeduplicationId(body);
      for (let k = 0; dedupIds.has(dedup); k++) dedup = `${dedup.slice(0, 100)}~${k}`;
      dedupIds.add(dedup);
      const counter = counters.get(sent) ?? 0;
      counters.set(sent, counter + 1);
      parts.fifo = {
        messageGroupId: choice.group,
        messageDeduplicationId: dedup,
        sequenceNumber: sqsSequenceNumber(sent, counter),
      };
    }
    // Lambda closes a batch at 6 MB: keep the records that fit (at least minRecords were asked).
    // Exact: the record's JSON bytes, plus the comma before every record but the first.
    const size = sqsRecordJsonBytes(parts) + (records.length === 0 ? 0 : 1);
    if (exact !== undefined && bytes + size > LAMBDA_PAYLOAD_LIMIT) {
      fail(
        exact,
        'messages',
        `do not fit in one invocation: Lambda's payload limit (${LAMBDA_PAYLOAD_LIMIT} bytes) is reached at messages[${index}] (the JSON event would be at least ${bytes + size} bytes)`,
      );
    }
    if (index >= minRecords && bytes + size > LAMBDA_PAYLOAD_LIMIT) break;
    bytes += size;
    records.push(toSqsRecord(parts));
  }
  return records;
}
