/**
 * Parts generators shared by the SNS arbitraries (`snsRecord`, `snsEvent`, `snsNotificationBody`,
 * `sqsEventFromSns`). Every value is mapped into validity (never filtered), so shrunk values keep
 * every SNS invariant; events are built by the SNS mappers (and `toSqsRecord` on the SQS side).
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
  stringMatching,
  tuple,
  uniqueArray,
  uuid,
  type Arbitrary,
} from 'fast-check';
import { partitionOfRegion } from '../../src/_internals/aws.js';
import type { JsonValue } from '../../src/_internals/json.js';
import { utf8Length } from '../../src/_internals/limits.js';
import { normaliseSnsMessageAttributes, type SnsMessageAttributesInput } from '../../src/events/sns/attributes.js';
import { formatSnsMessageId, snsSequenceNumber } from '../../src/events/sns/ids.js';
import {
  S3_NOTIFICATION_SUBJECT,
  SNS_MAX_MESSAGE_BYTES,
  SNS_MAX_RAW_SQS_ATTRIBUTES,
} from '../../src/events/sns/limits.js';
import type { SnsNotificationParts } from '../../src/events/sns/record.js';
import { snsTopic, snsTopicNameProblem, type SnsTopic } from '../../src/events/sns/topic.js';
import type { SnsSignatureVersion } from '../../src/events/sns/types.js';
import { awsAccountId } from '../awsAccountId.js';
import { awsRegion } from '../awsRegion.js';
import { eventBridgeEvent } from '../eventBridgeEvent.js';
import { s3Event } from '../s3Event.js';
import { pinned, type Pin } from './pin.js';
import { defaultBody, toSqsText } from './sqs.js';

const NAME_HARD = ['a', 'A', '_', '-', 'MyTopic', 'x'.repeat(256)];

/**
 * Topic names valid for SNS: A–Z a–z 0–9 _ - (1–256 characters), `.fifo` appended for FIFO topics
 * (the suffix counts towards the 256).
 */
function snsTopicNameArbitrary(fifo: boolean): Arbitrary<string> {
  return oneof(stringMatching(/^[A-Za-z0-9_-]{1,40}$/), constantFrom(...NAME_HARD)).map((name) =>
    fifo ? `${name.slice(0, 251)}.fifo` : name,
  );
}

/** The topic-wide constraints. */
export interface TopicConstraints {
  topicName?: Pin<string> | undefined;
  region?: Pin<string> | undefined;
  account?: Pin<string> | undefined;
  signatureVersion?: Pin<SnsSignatureVersion> | undefined;
}

/** A topic and the choices every message of it shares. */
export interface TopicChoice {
  topic: SnsTopic;
  subscriptionId: string;
  signatureVersion: SnsSignatureVersion;
}

/** A topic (standard or FIFO, per `fifo`) with its subscription, for the arbitrary `api`. */
export function topicChoice(api: string, constraints: TopicConstraints, fifo: boolean): Arbitrary<TopicChoice> {
  const check = (name: string) => {
    const problem = snsTopicNameProblem(name);
    if (problem !== undefined)
      throw new TypeError(
        `${api}: topicName ${JSON.stringify(name)} breaks SNS's topic naming rules: a name ${problem}`,
      );
    if (name.endsWith('.fifo') !== fifo)
      throw new TypeError(
        `${api}: topicName ${JSON.stringify(name)} is ${fifo ? 'not a FIFO topic name (add ".fifo")' : 'a FIFO topic name; Lambda cannot subscribe to FIFO topics'}`,
      );
  };
  return record({
    name: pinned(api, 'topicName', constraints.topicName, snsTopicNameArbitrary(fifo), check),
    region: pinned(api, 'region', constraints.region, awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })),
    account: pinned(api, 'account', constraints.account, awsAccountId()),
    subscriptionId: uuid({ version: 4 }),
    signatureVersion: pinned<SnsSignatureVersion>(
      api,
      'signatureVersion',
      constraints.signatureVersion,
      constantFrom('1', '2'),
    ),
  }).map(({ name, region, account, subscriptionId, signatureVersion }) => {
    // A generated (or pinned-arbitrary) name that does not fit is mapped into the rules.
    const fixed =
      snsTopicNameProblem(name) === undefined && name.endsWith('.fifo') === fifo ? name : fifo ? 'topic.fifo' : 'topic';
    return { topic: snsTopic(fixed, region, account, partitionOfRegion(region)), subscriptionId, signatureVersion };
  });
}

const BAD_NAME_CHAR = /[^A-Za-z0-9_.-]/g;
const DOTS = /\.{2,}/g;
const EDGE_DOTS = /^\.+|\.+$/g;
const RESERVED = /^(?:aws|amazon)\./i;
const ATTRIBUTE_NAMES = [
  'a',
  'Content-Type',
  'event_type',
  'x.y',
  '__proto__',
  'constructor',
  'store',
  'price',
  'a'.repeat(256),
];

function attributeName(): Arbitrary<string> {
  return oneof(stringMatching(/^[A-Za-z0-9_.-]{1,24}$/), constantFrom(...ATTRIBUTE_NAMES)).map((name) => {
    let out = name.replace(BAD_NAME_CHAR, '_').replace(DOTS, '.').replace(EDGE_DOTS, '');
    if (RESERVED.test(out)) out = `x${out}`;
    return out.length === 0 ? 'a' : out;
  });
}

const LABELS = ['', '', '', '.json', '.custom_label'];

function attributeValue(): Arbitrary<SnsMessageAttributesInput[string]> {
  return oneof(
    tuple(constantFrom(...LABELS), defaultBody()).map(([label, value]) => ({
      DataType: `String${label}`,
      StringValue: value,
    })),
    tuple(
      constantFrom(...LABELS),
      oneof(integer({ min: -1e9, max: 1e9 }).map(String), constantFrom('0', '-1', '3.14159', '1e9', '-0.00001')),
    ).map(([label, value]) => ({ DataType: `Number${label}`, StringValue: value })),
    tuple(constantFrom(...LABELS), array(nat({ max: 255 }), { minLength: 1, maxLength: 40 })).map(([label, bytes]) => ({
      DataType: `Binary${label}`,
      BinaryValue: Uint8Array.from(bytes),
    })),
    array(oneof(stringMatching(/^[ -~]{0,12}$/), integer(), constant(true), constant(null)), { maxLength: 5 }).map(
      (items) => ({ DataType: 'String.Array', StringValue: JSON.stringify(items) }),
    ),
  );
}

/** 0–`max` SNS message attributes (none about a third of the time). */
function snsAttributesArbitrary(max: number): Arbitrary<SnsMessageAttributesInput> {
  return oneof(
    constant({}),
    uniqueArray(tuple(attributeName(), attributeValue()), { maxLength: max, selector: ([name]) => name }).map(
      (entries) => {
        const out: Record<string, SnsMessageAttributesInput[string]> = {};
        for (const [name, value] of entries)
          Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        return out;
      },
    ),
  );
}

/** A message and the Subject its publisher gives it by default. */
interface MessageValue {
  message: string;
  /** S3 publishes with its own Subject. */
  defaultSubject: string | undefined;
}

/** The default message: text and JSON (as `sqsRecord` bodies), S3 notifications (with S3's Subject), EventBridge events. */
function defaultMessage(): Arbitrary<MessageValue> {
  return oneof(
    { arbitrary: defaultBody().map((message) => ({ message, defaultSubject: undefined })), weight: 6 },
    {
      arbitrary: s3Event().map((event) => ({
        message: JSON.stringify(event),
        defaultSubject: S3_NOTIFICATION_SUBJECT,
      })),
      weight: 1,
    },
    {
      arbitrary: eventBridgeEvent().map((event) => ({ message: JSON.stringify(event), defaultSubject: undefined })),
      weight: 1,
    },
  );
}

/** A message constraint: a string (verbatim) or a JSON value (serialised). */
function messageArbitrary(api: string, message: Pin<string | JsonValue> | undefined): Arbitrary<MessageValue> {
  if (message === undefined) return defaultMessage();
  return pinned(api, 'message', message, constant<string | JsonValue>('x')).map((value) => ({
    message: toSqsText(typeof value === 'string' ? value : JSON.stringify(value)),
    defaultSubject: undefined,
  }));
}

/** Subjects SNS accepts: 1–100 printable ASCII characters, the first not a space. */
function subjectArbitrary(): Arbitrary<string> {
  return oneof(
    stringMatching(/^[!-~][ -~]{0,99}$/),
    constantFrom('Amazon S3 Notification', 'Order placed', 'ALARM: "cpu" in US East', '!', 'x'.repeat(100)),
  );
}

/** Per-message constraints. */
export interface PublishConstraints {
  message?: Pin<string | JsonValue> | undefined;
  subject?: Pin<string | null> | undefined;
  messageAttributes?: Pin<SnsMessageAttributesInput> | undefined;
  time?: Pin<Date> | undefined;
}

/** One publish's choices. */
export interface PublishChoice {
  value: MessageValue;
  subject: string | null | undefined;
  attributes: SnsMessageAttributesInput;
  idHex: string;
  time: number;
  group: string;
  dedupId: string | undefined;
}

const MIN_TIME = Date.UTC(2010, 3, 7); // SNS's launch
const MAX_TIME = Date.UTC(2040, 0, 1);
const GROUPS = ['default', 'g1', 'orders-42', 'x'.repeat(128), '!#$%&()*+,-./:;<=>?@[]^_`{|}~'];

/** One publish for the arbitrary `api`; `maxAttributes` 10 when raw delivery to SQS carries them. */
export function publishChoice(
  api: string,
  constraints: PublishConstraints,
  maxAttributes: number,
): Arbitrary<PublishChoice> {
  return record({
    value: messageArbitrary(api, constraints.message),
    // undefined: the publisher's default (none, or S3's Subject for an S3 notification).
    subject:
      constraints.subject !== undefined
        ? pinned<string | null>(api, 'subject', constraints.subject, constant(null))
        : option(subjectArbitrary(), { nil: undefined, freq: 2 }),
    attributes: pinned(api, 'messageAttributes', constraints.messageAttributes, snsAttributesArbitrary(maxAttributes)),
    idHex: stringMatching(/^[0-9a-f]{32}$/),
    time: pinned(
      api,
      'time',
      constraints.time,
      integer({ min: MIN_TIME, max: MAX_TIME }).map((ms) => new Date(ms)),
    ).map((date) => date.getTime()),
    group: oneof(constantFrom(...GROUPS), stringMatching(/^[!-~]{1,128}$/)),
    dedupId: option(stringMatching(/^[!-~]{1,128}$/), { nil: undefined }),
  });
}

/**
 * Parts of one publish. A message too large for SNS (message + attributes over 256 KiB) is cut to
 * fit; a Subject is checked as SNS does (pinned ones that break the rules throw).
 */
export function toSnsParts(
  api: string,
  topic: TopicChoice,
  choice: PublishChoice,
  timestamp: number,
  fifo?: SnsNotificationParts['fifo'],
): SnsNotificationParts {
  const attributes = normaliseSnsMessageAttributes(api, 'messageAttributes', choice.attributes);
  let message = choice.value.message;
  if (message.length * 3 + attributes.bytes > SNS_MAX_MESSAGE_BYTES) {
    while (utf8Length(message) + attributes.bytes > SNS_MAX_MESSAGE_BYTES)
      message = toSqsText(message.slice(0, Math.floor(message.length * 0.9)));
  }
  const subject = choice.subject === null ? undefined : (choice.subject ?? choice.value.defaultSubject);
  if (subject !== undefined && !/^[!-~][ -~]{0,99}$/.test(subject))
    throw new TypeError(
      `${api}: subject ${JSON.stringify(subject)} is not a Subject SNS accepts (1–100 printable ASCII characters, the first not a space)`,
    );
  return {
    topic: topic.topic,
    subscriptionId: topic.subscriptionId,
    messageId: formatSnsMessageId(choice.idHex),
    subject,
    message,
    timestamp,
    messageAttributes: attributes.attributes,
    signatureVersion: topic.signatureVersion,
    fifo,
  };
}

/** A FIFO topic's parts of the `index`-th publish of a batch starting at sequence `start`. */
export function fifoParts(
  choice: PublishChoice,
  start: number,
  index: number,
): NonNullable<SnsNotificationParts['fifo']> {
  return {
    sequenceNumber: snsSequenceNumber(start + index),
    messageGroupId: choice.group,
    messageDeduplicationId: choice.dedupId,
  };
}

export { SNS_MAX_RAW_SQS_ATTRIBUTES };
