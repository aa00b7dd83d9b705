/**
 * The kinds `aws-event-kit generate` knows: one entry per kind, with a one-line description, the
 * family of factory inputs it takes (`--bucket`, `--queue` …) and the factory call that builds it.
 * Every event comes from the library's factories, seeded; inputs reach the factory, so derived
 * fields follow them.
 */
import { makeCloudWatchLogsEvent } from '../../fixtures/cloudwatchLogs.js';
import { dynamodbChange, makeDynamoDBKinesisEvent, makeDynamoDBStreamEvent } from '../../fixtures/dynamodb.js';
import { makeEventBridgeEvent, makeScheduledEvent } from '../../fixtures/eventbridge.js';
import { makeKinesisEvent } from '../../fixtures/kinesis.js';
import { toPipesSourceBatch } from '../../fixtures/pipes.js';
import {
  makeS3DeleteEvent,
  makeS3Event,
  makeS3EventBridgeEvent,
  makeS3PutEvent,
  makeS3TestEvent,
  S3_EVENT_NAMES,
  S3_EVENTBRIDGE_DETAIL_TYPES,
} from '../../fixtures/s3.js';
import { makeSqsEvent, type SqsEventOptions, type SqsMessageInput } from '../../fixtures/sqs.js';
import {
  makeSnsEvent,
  makeSqsEventFromEventBridge,
  makeSqsEventFromSns,
  type SnsMessageInput,
  type SqsFromSnsOptions,
} from '../../fixtures/sns.js';
import type { KinesisData } from '../../fixtures/kinesis.js';
import { UsageError } from './command.js';
import { show } from '../_internals/errors.js';
import {
  inputFlags,
  integerValue,
  jsonValue,
  listValue,
  NO_INPUTS,
  type FactoryInputs,
  type KindFamily,
  type KindInput,
} from './inputs.js';

/** One kind of event the CLI can generate. */
export interface EventKind {
  /** The name on the command line, e.g. `sqs:fifo`. */
  readonly name: string;
  /** One line for `aws-event-kit list`. */
  readonly description: string;
  /** The inputs it takes, shared by the kinds one factory call builds. */
  readonly family: KindFamily;
  /** Builds one event with the given seed, from the given factory inputs (default: none). */
  make(seed: number, inputs?: FactoryInputs): unknown;
}

const BUCKET = 'my-bucket';
const KEY = 'photos/my photo.jpg';
const ORDER = { orderId: 'order-1001', customerId: 'customer-42', total: 42.5, currency: 'EUR' };
const LOG_LINES = ['START RequestId: 1 Version: $LATEST\n', 'processing order-1001\n', 'END RequestId: 1\n'];

/** `{ ...defaults, ...inputs.options, seed }`, typed as the factory's options (which check them). */
function withOptions<T>(defaults: object, inputs: FactoryInputs, seed: number): T {
  return { ...defaults, ...inputs.options, seed } as T;
}

/** A positional argument from the command line, or the kind's default. */
function arg<T>(inputs: FactoryInputs, name: string, fallback: T): T {
  return Object.hasOwn(inputs.args, name) ? (inputs.args[name] as T) : fallback;
}

// ---- Families: the flags each factory call takes. A flag's value reaches the factory unchanged
// (or parsed as noted), and the factory validates it: an EventInputError exits 2 with its message.

const ALL_SHARED = ['region', 'account', 'partition', 'time'] as const;
const S3_OBJECT_OPTIONS = [
  'key',
  'size',
  'eTag',
  'versionId',
  'versioned',
  'sequencer',
  'sourceIPAddress',
  'keyEncoding',
  'restoreExpiryTime',
  'sourceStorageClass',
  'destinationStorageClass',
  'destinationAccessTier',
];

/** The S3 kinds (notification and EventBridge) share these. */
const S3_INPUTS: readonly KindInput[] = [
  {
    flag: 'bucket',
    value: 'NAME',
    target: 'bucket',
    argument: true,
    description: `the bucket (S3 naming rules); the bucket ARN follows (default ${BUCKET})`,
  },
  {
    flag: 'key',
    value: 'KEY',
    target: 'key',
    description: `the object key, decoded: 'my photos/a+b.jpg' is sent as my+photos/a%2Bb.jpg (default '${KEY}')`,
  },
  {
    flag: 'size',
    value: 'BYTES',
    target: 'size',
    parse: integerValue('size'),
    description: 'the object size in bytes (kinds that carry a size)',
  },
  {
    flag: 'version-id',
    value: 'ID',
    target: 'versionId',
    description: "the object's version id; implies a versioned bucket",
  },
  {
    flag: 'source-ip',
    value: 'IP',
    target: 'sourceIPAddress',
    description: "the caller's IPv4 or IPv6 address (requests only)",
  },
];

const S3_NOTIFICATION: KindFamily = {
  title: 'S3 notification',
  inputs: S3_INPUTS,
  shared: ALL_SHARED,
  options: [...S3_OBJECT_OPTIONS, 'principalId', 'configurationId', 'bucketOwnerId', 'eventVersion', 'replication'],
};
const S3_EVENTBRIDGE: KindFamily = {
  title: 'S3 through EventBridge',
  inputs: S3_INPUTS,
  shared: ALL_SHARED,
  options: [...S3_OBJECT_OPTIONS, 'reason', 'deletionType', 'requester'],
};
const S3_TEST: KindFamily = {
  title: 'S3 test event',
  inputs: [S3_INPUTS[0] as KindInput],
  shared: ['time'],
  options: [],
};

/** A message attribute's explicit type prefix: `String`, `Number` or `Binary`, with an optional `.label`. */
const ATTRIBUTE_TYPE = /^((?:String|Number|Binary)(?:\.[A-Za-z0-9_.-]+)?):/;

/**
 * The type assumed for `--message-attribute name=value` given without one: `Number` when the value
 * is a canonical JSON number (one that reads back as the same text: `5`, `-2.5`, not `007`, `1.50`
 * or `1e3`), else `String`; `undefined` when the text names its type. Canonical only, so that a
 * zip code or a version string is never silently sent as a number.
 */
export function assumedAttributeType(text: string): 'Number' | 'String' | undefined {
  const rest = text.slice(text.indexOf('=') + 1);
  if (ATTRIBUTE_TYPE.test(rest)) return undefined;
  return /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/.test(rest) && String(Number(rest)) === rest ? 'Number' : 'String';
}

/** `name=Type:value`: a message attribute (Type String, Number or Binary (base64), with an optional .label; no Type: see {@link assumedAttributeType}). */
function messageAttribute(text: string): readonly [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new UsageError(
      `--message-attribute needs name=Type:value (e.g. priority=Number:5), got ${JSON.stringify(text)}`,
    );
  const name = text.slice(0, eq);
  const rest = text.slice(eq + 1);
  const typed = ATTRIBUTE_TYPE.exec(rest);
  if (typed === null) return [name, { DataType: assumedAttributeType(text), StringValue: rest }];
  const dataType = typed[1] as string;
  const value = rest.slice(typed[0].length);
  return [
    name,
    dataType.startsWith('Binary')
      ? { DataType: dataType, BinaryValue: value }
      : { DataType: dataType, StringValue: value },
  ];
}

function messageAttributes(entries: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of entries as ReadonlyArray<readonly [string, unknown]>) {
    if (Object.hasOwn(out, name)) throw new UsageError(`--message-attribute ${name} is given twice`);
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const SQS: KindFamily = {
  title: 'SQS',
  inputs: [
    {
      flag: 'queue',
      value: 'QUEUE',
      target: 'queue',
      description:
        'a queue name, ARN or URL; a name ending in .fifo makes a FIFO queue; ARNs, URL and awsRegion follow (default my-queue)',
    },
    {
      flag: 'body',
      value: 'TEXT',
      target: 'messages',
      argument: true,
      repeat: true,
      description: 'one message with this body, verbatim (JSON stays as typed); md5OfBody follows',
    },
    {
      flag: 'message-attribute',
      value: 'NAME=TYPE:VALUE',
      target: 'messageAttributes',
      repeat: true,
      parse: messageAttribute,
      collect: messageAttributes,
      description:
        'an attribute of every message, e.g. priority=Number:5 (String, Number or Binary as base64; no TYPE: Number for a plain number such as 5, else String, said on stderr)',
    },
  ],
  shared: ALL_SHARED,
  options: ['queue', 'messageAttributes', 'attributes', 'emptyMd5OfMessageAttributes'],
};

const STREAM: KindInput = {
  flag: 'stream',
  value: 'STREAM',
  target: 'stream',
  description: 'the stream: a name or a stream ARN; eventSourceARN follows (default lambda-stream)',
};
const SHARD_ID: KindInput = {
  flag: 'shard-id',
  value: 'ID',
  target: 'shardId',
  description: 'the shard of every record, shardId- and 12 digits; eventIDs follow (default shardId-000000000000)',
};
const KINESIS: KindFamily = {
  title: 'Kinesis',
  inputs: [
    STREAM,
    SHARD_ID,
    {
      flag: 'partition-key',
      value: 'KEY',
      target: 'partitionKey',
      description: 'the partition key of every record (default a seeded UUID each)',
    },
    {
      flag: 'data',
      value: 'TEXT',
      target: 'records',
      argument: true,
      repeat: true,
      description: 'one record whose data is the UTF-8 of TEXT, verbatim (base64 in the event)',
    },
  ],
  shared: ALL_SHARED,
  options: ['stream', 'shardId', 'partitionKey', 'role', 'encryptionType'],
};

const TABLE: KindInput = {
  flag: 'table',
  value: 'TABLE',
  target: 'table',
  description: 'the table: a name, a table ARN or a stream ARN; eventSourceARN follows (default lambda-table)',
};
const KEYS: KindInput = {
  flag: 'keys',
  value: 'PK[,SK]',
  target: 'keys',
  parse: listValue,
  description: "the table's key attributes; the sample items and Keys follow (default id)",
};
const DYNAMODB: KindFamily = {
  title: 'DynamoDB Streams',
  inputs: [
    TABLE,
    KEYS,
    {
      flag: 'stream-view-type',
      value: 'TYPE',
      target: 'streamViewType',
      description:
        'NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY; the images follow (default NEW_AND_OLD_IMAGES)',
    },
  ],
  shared: ALL_SHARED,
  options: ['table', 'keys', 'streamViewType', 'streamLabel', 'eventVersion'],
};
const DYNAMODB_KINESIS: KindFamily = {
  title: 'DynamoDB through Kinesis',
  inputs: [
    TABLE,
    KEYS,
    { ...STREAM, description: 'the Kinesis stream: a name or a stream ARN (default <table>-changes)' },
    SHARD_ID,
  ],
  shared: ALL_SHARED,
  options: ['table', 'keys', 'precision', 'stream', 'shardId', 'role'],
};

const SCHEDULED: KindFamily = {
  title: 'scheduled rule',
  inputs: [
    {
      flag: 'rule',
      value: 'NAME',
      target: 'rule',
      argument: true,
      description: 'the rule name; the rule ARN in resources follows (default my-schedule)',
    },
  ],
  shared: ALL_SHARED,
  options: [],
};
const EVENTBRIDGE: KindFamily = {
  title: 'EventBridge',
  inputs: [
    {
      flag: 'source',
      value: 'SOURCE',
      target: 'source',
      argument: true,
      description: 'the source (default com.example.orders)',
    },
    {
      flag: 'detail-type',
      value: 'TYPE',
      target: 'detailType',
      argument: true,
      description: 'the detail-type (default "Order Placed")',
    },
    {
      flag: 'detail',
      value: 'JSON',
      target: 'detail',
      argument: true,
      parse: jsonValue('detail'),
      description: 'the detail, a JSON object (default a sample order)',
    },
    {
      flag: 'resource',
      value: 'ARN',
      target: 'resources',
      repeat: true,
      description: "one resource ARN (in the event's partition)",
    },
  ],
  shared: ALL_SHARED,
  options: ['resources', 'replayName'],
};

const CLOUDWATCH_LOGS: KindFamily = {
  title: 'CloudWatch Logs',
  inputs: [
    {
      flag: 'log-group',
      value: 'GROUP',
      target: 'logGroup',
      description: 'the log group (default /aws/lambda/my-function)',
    },
    {
      flag: 'log-stream',
      value: 'STREAM',
      target: 'logStream',
      description: 'the log stream (default Lambda style, dated by the first line)',
    },
    {
      flag: 'message',
      value: 'TEXT',
      target: 'logEvents',
      argument: true,
      repeat: true,
      description: 'one log line, verbatim (default three Lambda lines)',
    },
  ],
  shared: ALL_SHARED,
  options: ['logGroup', 'logStream', 'subscriptionFilters', 'policyLevel'],
};
const CLOUDWATCH_LOGS_CONTROL: KindFamily = {
  title: 'CloudWatch Logs control message',
  inputs: [],
  shared: ['time'],
  options: [],
};

// ---- The factory calls.

const s3Put = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeS3PutEvent(arg(inputs, 'bucket', BUCKET), withOptions({ key: KEY, size: 1024 }, inputs, seed));

/** sqs:fifo builds a FIFO batch: a queue given to it must be one. */
function fifoQueue(options: { queue?: unknown }): void {
  if (typeof options.queue !== 'string' || !options.queue.endsWith('.fifo')) {
    throw new UsageError(
      `sqs:fifo needs a FIFO queue, a name ending in .fifo; got ${show(options.queue)} (generate sqs for a standard queue)`,
    );
  }
}
const sqs = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeSqsEvent(
    arg<SqsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER), 'Hello from SQS!']),
    withOptions({}, inputs, seed),
  );
const sqsFifo = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<SqsEventOptions>({ queue: 'orders.fifo' }, inputs, seed);
  fifoQueue(options);
  return makeSqsEvent(arg<SqsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER)]), options);
};
const kinesis = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeKinesisEvent(
    arg<KinesisData[]>(inputs, 'records', [ORDER, 'Hello, this is a test.']),
    withOptions({}, inputs, seed),
  );

/** The sample order with the table's key attributes (`id` by default) first. */
function order(inputs: FactoryInputs, fields: Record<string, unknown>): Record<string, unknown> {
  const keys = inputs.options.keys;
  if (!Array.isArray(keys)) return { id: 'order-1001', ...fields };
  const item: Record<string, unknown> = {};
  const own = (key: string, value: unknown) =>
    Object.defineProperty(item, key, { value, enumerable: true, writable: true, configurable: true });
  keys.forEach((key, i) => {
    if (typeof key === 'string') own(key, i === 0 ? 'order-1001' : 'details');
  });
  for (const [key, value] of Object.entries(fields)) if (!Object.hasOwn(item, key)) own(key, value);
  return item;
}
const dynamodb = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeDynamoDBStreamEvent(
    [
      dynamodbChange.insert(order(inputs, { status: 'NEW', total: 42.5 })),
      dynamodbChange.modify(
        order(inputs, { status: 'NEW', total: 42.5 }),
        order(inputs, { status: 'PAID', total: 42.5 }),
      ),
      dynamodbChange.remove(order(inputs, { status: 'PAID', total: 42.5 })),
    ],
    withOptions({}, inputs, seed),
  );

/** `Object Created` → `object-created`. */
function kebab(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

// ---- SNS: the Lambda SNS event and the SQS events of the fan-out chains (SNS → SQS, S3 → SNS → SQS, EventBridge → SQS).

const TOPIC: KindInput = {
  flag: 'topic',
  value: 'TOPIC',
  target: 'topic',
  description:
    'the topic: a name or ARN; a name ending in .fifo is a FIFO topic; TopicArn, the subscription ARN and the URLs follow (default my-topic)',
};
const SNS_MESSAGE: KindInput = {
  flag: 'message',
  value: 'TEXT',
  target: 'messages',
  argument: true,
  repeat: true,
  description: 'one published message, verbatim (JSON stays as typed)',
};
const SUBJECT: KindInput = {
  flag: 'subject',
  value: 'TEXT',
  target: 'subject',
  description: 'the Subject of every message (default none: "Subject": null in the Lambda event)',
};
const SNS_ATTRIBUTE: KindInput = {
  ...(SQS.inputs[2] as KindInput),
  description:
    'an SNS message attribute of every message, e.g. priority=Number:5 (String, Number or Binary as base64; no TYPE: Number for a plain number such as 5, else String, said on stderr)',
};
const SNS_OPTIONS = ['topic', 'subject', 'messageAttributes', 'signatureVersion', 'subscriptionId'];
const SNS: KindFamily = {
  title: 'SNS',
  inputs: [
    TOPIC,
    {
      ...SNS_MESSAGE,
      description: 'the published message, verbatim (SNS invokes a function once per message: give one)',
    },
    SUBJECT,
    SNS_ATTRIBUTE,
  ],
  shared: ALL_SHARED,
  options: SNS_OPTIONS,
};
const SQS_FROM_SNS: KindFamily = {
  title: 'SQS subscribed to SNS',
  inputs: [TOPIC, SQS.inputs[0] as KindInput, SNS_MESSAGE, SUBJECT, SNS_ATTRIBUTE],
  shared: ALL_SHARED,
  options: [...SNS_OPTIONS, 'queue', 'raw', 'messageGroupId', 'attributes', 'emptyMd5OfMessageAttributes'],
};
const S3_VIA_SNS: KindFamily = {
  title: 'S3 → SNS → SQS',
  inputs: [S3_INPUTS[0] as KindInput, S3_INPUTS[1] as KindInput, TOPIC, SQS.inputs[0] as KindInput],
  shared: ALL_SHARED,
  options: ['key', 'topic', 'queue', 'raw', 'signatureVersion'],
};
const EVENTBRIDGE_SQS: KindFamily = {
  title: 'EventBridge → SQS',
  inputs: [...EVENTBRIDGE.inputs, SQS.inputs[0] as KindInput],
  shared: ALL_SHARED,
  options: ['queue', 'resources', 'replayName'],
};

/** The shared options (and seed) of a chain's inner event. */
function innerOptions(options: Record<string, unknown>): Record<string, unknown> {
  return {
    region: options.region,
    account: options.account,
    partition: options.partition,
    time: options.time,
    seed: options.seed,
  };
}
const sqsFromSns =
  (defaults: object) =>
  (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
    makeSqsEventFromSns(
      arg<SnsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER), 'Hello from SNS!']),
      withOptions<SqsFromSnsOptions>(defaults, inputs, seed),
    );
const snsFifo = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<SqsFromSnsOptions>({ topic: 'orders.fifo', messageGroupId: 'orders' }, inputs, seed);
  if (typeof options.topic !== 'string' || !options.topic.endsWith('.fifo'))
    throw new UsageError(
      `sns:fifo needs a FIFO topic, a name ending in .fifo; got ${show(options.topic)} (generate sqs:sns for a standard topic)`,
    );
  return makeSqsEventFromSns(arg<SnsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER)]), options);
};
const s3ViaSns = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<Record<string, unknown>>({}, inputs, seed);
  const s3 = makeS3PutEvent(arg(inputs, 'bucket', BUCKET), {
    ...innerOptions(options),
    key: options.key ?? KEY,
    size: 1024,
  } as never);
  return makeSqsEventFromSns([s3], {
    ...innerOptions(options),
    topic: options.topic,
    queue: options.queue,
    raw: options.raw,
    signatureVersion: options.signatureVersion,
  } as never);
};
const eventBridgeSqs = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<Record<string, unknown>>({}, inputs, seed);
  const event = makeEventBridgeEvent(
    arg(inputs, 'detailType', 'Order Placed'),
    arg(inputs, 'source', 'com.example.orders'),
    arg<object>(inputs, 'detail', ORDER),
    { ...innerOptions(options), resources: options.resources, replayName: options.replayName } as never,
  );
  return makeSqsEventFromEventBridge([event], { ...innerOptions(options), queue: options.queue } as never);
};

/** Every kind, in the order `list` prints them. */
export const KINDS: readonly EventKind[] = [
  {
    name: 's3:put',
    description: 'S3 notification, ObjectCreated:Put (typed S3Event)',
    family: S3_NOTIFICATION,
    make: s3Put,
  },
  {
    name: 's3:delete',
    description: 'S3 notification, ObjectRemoved:Delete (no size, no eTag)',
    family: S3_NOTIFICATION,
    make: (seed, inputs = NO_INPUTS) =>
      makeS3DeleteEvent(arg(inputs, 'bucket', BUCKET), withOptions({ key: KEY }, inputs, seed)),
  },
  ...S3_EVENT_NAMES.map(
    (eventName): EventKind => ({
      name: `s3:${eventName}`,
      description: `S3 notification, ${eventName}`,
      family: S3_NOTIFICATION,
      make: (seed, inputs = NO_INPUTS) =>
        makeS3Event(eventName, arg(inputs, 'bucket', BUCKET), withOptions({ key: KEY }, inputs, seed)),
    }),
  ),
  {
    name: 's3:eventbridge',
    description: 'S3 event through EventBridge, "Object Created"',
    family: S3_EVENTBRIDGE,
    make: (seed, inputs = NO_INPUTS) =>
      makeS3EventBridgeEvent('Object Created', arg(inputs, 'bucket', BUCKET), withOptions({ key: KEY }, inputs, seed)),
  },
  ...S3_EVENTBRIDGE_DETAIL_TYPES.map(
    (detailType): EventKind => ({
      name: `s3:eventbridge:${kebab(detailType)}`,
      description: `S3 event through EventBridge, "${detailType}"`,
      family: S3_EVENTBRIDGE,
      make: (seed, inputs = NO_INPUTS) =>
        makeS3EventBridgeEvent(detailType, arg(inputs, 'bucket', BUCKET), withOptions({ key: KEY }, inputs, seed)),
    }),
  ),
  {
    name: 's3:test',
    description: 'the s3:TestEvent S3 sends to SQS/SNS when notifications are configured',
    family: S3_TEST,
    make: (seed, inputs = NO_INPUTS) => makeS3TestEvent(arg(inputs, 'bucket', BUCKET), withOptions({}, inputs, seed)),
  },
  { name: 'sqs', description: 'SQS batch of 2 messages (standard queue), md5s computed', family: SQS, make: sqs },
  {
    name: 'sqs:fifo',
    description: 'SQS batch from a FIFO queue (MessageGroupId, SequenceNumber …)',
    family: SQS,
    make: sqsFifo,
  },
  {
    name: 'sns',
    description:
      "SNS notification to Lambda (one record, Subject null when none, real signature by the kit's test key)",
    family: SNS,
    make: (seed, inputs = NO_INPUTS) =>
      makeSnsEvent(arg<SnsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER)]), withOptions({}, inputs, seed)),
  },
  {
    name: 'sns:fifo',
    description: 'SNS FIFO topic → FIFO queue → Lambda: the SQS event (FIFO topics deliver only to SQS)',
    family: SQS_FROM_SNS,
    make: snsFifo,
  },
  {
    name: 'sqs:sns',
    description: 'SQS batch from a queue subscribed to an SNS topic (JSON notification bodies)',
    family: SQS_FROM_SNS,
    make: sqsFromSns({}),
  },
  {
    name: 'sqs:sns:raw',
    description:
      'SQS batch from an SNS subscription with raw message delivery (body = message, SNS attributes as SQS attributes)',
    family: SQS_FROM_SNS,
    make: sqsFromSns({ raw: true }),
  },
  {
    name: 'sqs:s3-via-sns',
    description: 'S3 → SNS → SQS: an S3 notification (Subject "Amazon S3 Notification") double-encoded in an SQS body',
    family: S3_VIA_SNS,
    make: s3ViaSns,
  },
  {
    name: 'sqs:eventbridge',
    description: 'EventBridge → SQS: the event JSON as the SQS body',
    family: EVENTBRIDGE_SQS,
    make: eventBridgeSqs,
  },
  {
    name: 'kinesis',
    description: 'Kinesis Data Streams batch of 2 records from one shard',
    family: KINESIS,
    make: kinesis,
  },
  {
    name: 'dynamodb',
    description: 'DynamoDB Streams batch: INSERT, MODIFY, REMOVE (NEW_AND_OLD_IMAGES)',
    family: DYNAMODB,
    make: dynamodb,
  },
  {
    name: 'dynamodb:kinesis',
    description: 'DynamoDB change data delivered through Kinesis Data Streams',
    family: DYNAMODB_KINESIS,
    make: (seed, inputs = NO_INPUTS) =>
      makeDynamoDBKinesisEvent(
        [dynamodbChange.insert(order(inputs, { status: 'NEW' }))],
        withOptions({}, inputs, seed),
      ),
  },
  {
    name: 'scheduled',
    description: 'EventBridge scheduled-rule event ("Scheduled Event")',
    family: SCHEDULED,
    make: (seed, inputs = NO_INPUTS) =>
      makeScheduledEvent(arg(inputs, 'rule', 'my-schedule'), withOptions({}, inputs, seed)),
  },
  {
    name: 'eventbridge',
    description: 'EventBridge custom event ("Order Placed" from com.example.orders)',
    family: EVENTBRIDGE,
    make: (seed, inputs = NO_INPUTS) =>
      makeEventBridgeEvent(
        arg(inputs, 'detailType', 'Order Placed'),
        arg(inputs, 'source', 'com.example.orders'),
        arg<object>(inputs, 'detail', ORDER),
        withOptions({}, inputs, seed),
      ),
  },
  {
    name: 'cloudwatch-logs',
    description: 'CloudWatch Logs subscription event (gzipped, base64 awslogs.data)',
    family: CLOUDWATCH_LOGS,
    make: (seed, inputs = NO_INPUTS) =>
      makeCloudWatchLogsEvent(arg(inputs, 'logEvents', LOG_LINES), withOptions({}, inputs, seed)),
  },
  {
    name: 'cloudwatch-logs:control',
    description: 'CloudWatch Logs CONTROL_MESSAGE (destination health check)',
    family: CLOUDWATCH_LOGS_CONTROL,
    make: (seed, inputs = NO_INPUTS) =>
      makeCloudWatchLogsEvent([], withOptions({ messageType: 'CONTROL_MESSAGE' }, inputs, seed)),
  },
  {
    name: 'pipes:sqs',
    description: 'EventBridge Pipes batch from an SQS source (bare array)',
    family: SQS,
    make: (seed, inputs) => toPipesSourceBatch(sqs(seed, inputs)),
  },
  {
    name: 'pipes:kinesis',
    description: 'EventBridge Pipes batch from a Kinesis source (flattened records)',
    family: KINESIS,
    make: (seed, inputs) => toPipesSourceBatch(kinesis(seed, inputs)),
  },
  {
    name: 'pipes:dynamodb',
    description: 'EventBridge Pipes batch from a DynamoDB Streams source',
    family: DYNAMODB,
    make: (seed, inputs) => toPipesSourceBatch(dynamodb(seed, inputs)),
  },
];

/** Every input flag a kind takes, by name (for the parser: one arity per flag). */
export const INPUT_FLAGS = inputFlags([...new Set(KINDS.map((kind) => kind.family))]);

const byName = new Map(KINDS.map((kind) => [kind.name, kind]));

/** The kind named `name`, if any. */
export function findKind(name: string): EventKind | undefined {
  return byName.get(name);
}
