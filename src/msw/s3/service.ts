/**
 * `createS3Service`: the public interface of the in-memory S3 and a short factory wiring its state
 * (`state.ts`), msw handler (`wire.ts`) and test side (`testSide.ts`).
 */
import type { S3EventBridgeEventOf } from '../../events/s3/types.js';
import type { MockContext, MockService } from '../context.js';
import type {
  AwsLambdaS3Handler,
  S3FailedDelivery,
  S3NotificationHandler,
  S3SubscribeOptions,
  S3Subscription,
} from './notifications.js';
import type { S3FunctionDestination, S3QueueDestination, S3TopicDestination } from './notificationConfiguration.js';
import { createS3State, resetS3State } from './state.js';
import type { VersioningState } from './store.js';
import * as testSide from './testSide.js';
import { createS3Handler } from './wire.js';

/** An S3 EventBridge event as the mock emits it. */
export type S3MockEventBridgeEvent = S3EventBridgeEventOf<
  'Object Created' | 'Object Deleted' | 'Object Tags Added' | 'Object Tags Deleted'
>;

/** Options of {@link createS3Service}. */
export interface S3ServiceOptions {
  /**
   * Custom endpoints the SDK is pointed at (`'http://localhost:4566'`), served path-style and
   * virtual-hosted (`http://<bucket>.localhost:4566`), in addition to `context.endpoints`
   * (createAwsMocks' `endpoints` option and `AWS_ENDPOINT_URL*`; the environment is read here
   * when the context has none). AWS hosts never need registering.
   */
  endpoints?: readonly string[];
  /**
   * Where S3 EventBridge events go for buckets with `enableEventBridge`: `createAwsMocks` passes
   * its EventBridge bus here. Without it, `enableEventBridge` throws.
   */
  eventBridge?: (event: S3MockEventBridgeEvent) => void;
  /**
   * Where `TopicConfiguration`s of PutBucketNotificationConfiguration publish: `createAwsMocks`
   * passes its SNS. Without it, a configuration with topics is refused.
   */
  sns?: S3TopicDestination;
  /**
   * Where `QueueConfiguration`s deliver: `createAwsMocks` passes its SQS. Without it, every queue
   * destination fails validation, as a queue that does not exist does.
   */
  sqs?: S3QueueDestination;
  /**
   * Where `CloudFunctionConfiguration`s (the SDK's `LambdaFunctionConfigurations`) invoke:
   * `createAwsMocks` passes its Lambda service. Without it, every function destination fails
   * validation, as a function that does not exist does.
   */
  lambda?: S3FunctionDestination;
}

/** Options of `s3.createBucket`. */
export interface S3CreateBucketOptions {
  /** @defaultValue the mocks' region */
  region?: string;
  /** Turn versioning on (`'Enabled'`) from the start. @defaultValue `'Unversioned'` */
  versioning?: VersioningState;
}

/** Options of `s3.putObject`. */
export interface S3PutObjectOptions {
  /** @defaultValue `'binary/octet-stream'` (S3's default) */
  contentType?: string;
  /** User metadata (`x-amz-meta-*`), by name. */
  metadata?: Record<string, string>;
  /**
   * Whether subscribers get an `ObjectCreated:Put` event, as for a real PutObject. Pass false to
   * seed silently.
   * @defaultValue `true`
   */
  notify?: boolean;
}

/** An object as the mock stores it (for inspection; do not mutate `body`). */
export interface S3StoredObject {
  readonly bucket: string;
  readonly key: string;
  /** The bytes, exactly as stored (aws-chunked framing never reaches here). */
  readonly body: Buffer;
  readonly size: number;
  /** Without quotes: the MD5 hex, or `<md5 of part md5s>-<parts>` after a multipart upload. */
  readonly eTag: string;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly lastModified: Date;
  readonly storageClass: string;
  /** Set in versioning-enabled buckets. */
  readonly versionId?: string;
  /** The flexible checksum the upload carried (verified), e.g. `{ algorithm: 'CRC32', value: 'NhCmhg==' }`. */
  readonly checksum?: { readonly algorithm: string; readonly value: string };
}

/** The in-memory S3: a {@link MockService} plus what tests use as `mocks.s3`. */
export interface S3Service extends MockService {
  /** Creates a bucket without the SDK. Throws `EventInputError` for a bad or existing name. */
  createBucket(bucket: string, options?: S3CreateBucketOptions): void;
  /** Stores an object without the SDK (and notifies subscribers unless `notify: false`). */
  putObject(bucket: string, key: string, body: string | Uint8Array, options?: S3PutObjectOptions): S3StoredObject;
  /** Deletes an object without the SDK, as DeleteObject does (notifies subscribers). */
  deleteObject(bucket: string, key: string): void;
  /** The current version of an object, or undefined. */
  getObject(bucket: string, key: string, options?: { versionId?: string }): S3StoredObject | undefined;
  /** The current objects of a bucket, in key order. */
  objects(bucket: string): S3StoredObject[];
  /** The bucket names. */
  buckets(): string[];
  /**
   * Subscribes a handler to a bucket's notifications, as an S3 → Lambda notification
   * configuration: `events` in S3's notation, `prefix`/`suffix` key filters. Delivery is
   * asynchronous (run by `drain()`), retried twice on a thrown error (1 and 2 minutes later).
   */
  subscribe(bucket: string, handler: S3NotificationHandler, options?: S3SubscribeOptions): S3Subscription;
  /** The same, for a handler typed with `@types/aws-lambda`'s `S3Event` (subscribe it to `s3:ObjectCreated:*` only). */
  subscribe(bucket: string, handler: AwsLambdaS3Handler, options?: S3SubscribeOptions): S3Subscription;
  /** Notification events whose every delivery attempt failed. */
  failedDeliveries(): S3FailedDelivery[];
  /**
   * Sends this bucket's `Object Created` / `Object Deleted` events to EventBridge (the bucket's
   * "Amazon EventBridge: On" setting), built by the family's EventBridge mapper.
   */
  enableEventBridge(bucket: string): void;
  /** Registers a custom endpoint after creation (see {@link S3ServiceOptions.endpoints}). */
  addEndpoint(endpoint: string): void;
}

/**
 * Creates an in-memory S3 for `createAwsMocks` (or for composing by hand:
 * `setupServer(...s3.handlers)` and `s3.runDue()`). Two instances never share state.
 */
export function createS3Service(context: MockContext, options: S3ServiceOptions = {}): S3Service {
  const state = createS3State(context, options);
  return {
    handlers: [createS3Handler(state)],
    runDue: () => state.notifier.runDue(),
    nextDueTime: () => state.notifier.nextDueTime(),
    reset: () => resetS3State(state),
    createBucket: (bucket, bucketOptions) => testSide.createBucket(state, bucket, bucketOptions),
    putObject: (bucket, key, body, putOptions) => testSide.putObject(state, bucket, key, body, putOptions),
    deleteObject: (bucket, key) => testSide.deleteObject(state, bucket, key),
    getObject: (bucket, key, getOptions) => testSide.getObject(state, bucket, key, getOptions),
    objects: (bucket) => testSide.objects(state, bucket),
    buckets: () => [...state.store.buckets.keys()].sort(),
    subscribe: (
      bucket: string,
      subscriber: S3NotificationHandler | AwsLambdaS3Handler,
      subscribeOptions?: S3SubscribeOptions,
    ) => testSide.subscribe(state, bucket, subscriber, subscribeOptions),
    failedDeliveries: () => state.notifier.failedDeliveries(),
    enableEventBridge: (bucket) => testSide.enableEventBridge(state, bucket),
    addEndpoint: (endpoint) => testSide.addEndpoint(state, endpoint),
  };
}
