/**
 * The S3 family's CLI kinds: `s3:put`, `s3:delete`, one per S3 event name and per EventBridge
 * detail type (read from the family's tables, so a new row is a new kind), and `s3:test`.
 */
import {
  makeS3DeleteEvent,
  makeS3Event,
  makeS3EventBridgeEvent,
  makeS3PutEvent,
  makeS3TestEvent,
  S3_EVENT_NAMES,
  S3_EVENTBRIDGE_DETAIL_TYPES,
} from '../../../fixtures/s3.js';
import { integerValue, NO_INPUTS, type FactoryInputs, type KindFamily, type KindInput } from '../inputs.js';
import { ALL_SHARED, arg, defineCliFamily, withOptions, type EventKind } from './_shared.js';

/** The default bucket of the S3 kinds. */
export const BUCKET = 'my-bucket';
/** The default object key of the S3 kinds (a space, to show the key encoding). */
export const KEY = 'photos/my photo.jpg';

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

/** The S3 kinds (notification and EventBridge) share these; `--bucket` and `--key` come first. */
export const S3_INPUTS: readonly KindInput[] = [
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

const s3Put = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeS3PutEvent(arg(inputs, 'bucket', BUCKET), withOptions({ key: KEY, size: 1024 }, inputs, seed));

/** `Object Created` → `object-created`. */
function kebab(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The S3 family's CLI descriptor. */
export const s3CliFamily = defineCliFamily({
  name: 's3',
  kinds: [
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
        makeS3EventBridgeEvent(
          'Object Created',
          arg(inputs, 'bucket', BUCKET),
          withOptions({ key: KEY }, inputs, seed),
        ),
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
  ],
});
