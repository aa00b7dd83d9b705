/** `createS3Service`: the in-memory S3 of `createAwsMocks`, its msw handler and test-side API. */
import { http } from 'msw';
import type { Random } from '../../_internals/random.js';
import { md5Hex } from '../../_internals/hash.js';
import { fail, show } from '../../_internals/errors.js';
import { assertS3BucketName, assertS3Key } from '../../events/s3/validate.js';
import { sqsSenderId } from '../../events/sqs/ids.js';
import {
  s3CanonicalUserId,
  s3EventBridgeEventId,
  s3HostId,
  s3IamPrincipalId,
  s3RequestId,
  s3SequencerAt,
  s3SourceIPv4,
  s3VersionId,
} from '../../events/s3/ids.js';
import { buildS3EventBridgeEvent, s3EventBridgeTypeOf } from '../../events/s3/eventBridge.js';
import type { S3EventBridgeEventOf } from '../../events/s3/types.js';
import { AwsServiceError, internalFailure } from '../_internals/awsError.js';
import { endpointsFromEnvironment } from '../_internals/hosts.js';
import { contextRandom, type MockContext, type MockService } from '../context.js';
import { S3Error, errorResponse, type S3RequestIds } from './errors.js';
import { S3Hosts, type S3Route } from './hosts.js';
import type { S3Call } from './http.js';
import {
  S3Notifier,
  type AwsLambdaS3Handler,
  type S3FailedDelivery,
  type S3NotificationHandler,
  type S3SubscribeOptions,
  type S3Subscription,
} from './notifications.js';
import { createBucketIn } from './operations/buckets.js';
import {
  S3ConfiguredNotifier,
  type S3FunctionDestination,
  type S3QueueDestination,
  type S3TopicDestination,
} from './notificationConfiguration.js';
import { deleteOne } from './operations/objects.js';
import { assertNotExpired, isPresigned, withHoistedHeaders } from './presign.js';
import { notImplemented, resolve } from './router.js';
import { changeParts, type S3Change, type S3Runtime } from './runtime.js';
import { S3Store, type ObjectVersion, type VersioningState } from './store.js';

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

const UPLOAD_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-';

function view(bucket: string, version: ObjectVersion): S3StoredObject {
  return {
    bucket,
    key: version.key,
    body: Buffer.from(version.body.buffer, version.body.byteOffset, version.body.byteLength),
    size: version.body.length,
    eTag: version.eTag,
    contentType: version.headers.contentType,
    metadata: version.metadata,
    lastModified: version.lastModified,
    storageClass: version.storageClass,
    ...(version.versionId === 'null' ? {} : { versionId: version.versionId }),
    ...(version.checksum === undefined ? {} : { checksum: version.checksum }),
  };
}

/**
 * Creates an in-memory S3 for `createAwsMocks` (or for composing by hand:
 * `setupServer(...s3.handlers)` and `s3.runDue()`). Two instances never share state.
 */
export function createS3Service(context: MockContext, options: S3ServiceOptions = {}): S3Service {
  const hosts = new S3Hosts();
  // createAwsMocks hands over its endpoints (environment included); a hand-made context gets the environment's.
  for (const endpoint of context.endpoints ?? endpointsFromEnvironment(process.env))
    hosts.add(endpoint, 'createS3Service');
  for (const endpoint of options.endpoints ?? []) hosts.add(endpoint, 'createS3Service');
  const store = new S3Store();
  let randoms: { request: Random; version: Random; upload: Random; eventBridge: Random };
  let sequence = 0;
  let notificationIds: Random;
  const seedRandoms = (): void => {
    randoms = {
      request: contextRandom(context, 's3.requestId'),
      version: contextRandom(context, 's3.versionId'),
      upload: contextRandom(context, 's3.uploadId'),
      eventBridge: contextRandom(context, 's3.eventBridgeId'),
    };
    notificationIds = contextRandom(context, 's3.notificationId');
    sequence = 0;
  };
  seedRandoms();
  const identityRandom = contextRandom(context, 's3.identity');
  const identities = {
    bucketOwnerId: s3CanonicalUserId(identityRandom),
    principalId: s3IamPrincipalId(identityRandom),
    sourceIPAddress: s3SourceIPv4(identityRandom),
  };
  const notifier = new S3Notifier(context, identities);
  const configured = new S3ConfiguredNotifier(
    context,
    { ...identities, sqsSenderId: sqsSenderId(identityRandom) },
    { sns: options.sns, sqs: options.sqs, lambda: options.lambda },
  );

  const emitEventBridge = (
    bucket: { name: string; region: string },
    change: S3Change,
    ids: S3RequestIds,
    now: Date,
  ): void => {
    const type = s3EventBridgeTypeOf(change.eventName);
    if (type === undefined || options.eventBridge === undefined) return;
    const event = buildS3EventBridgeEvent(
      {
        detailType: type.detailType as 'Object Created',
        ...(type.reason === undefined ? {} : { reason: type.reason }),
        ...(type.deletionType === undefined ? {} : { deletionType: type.deletionType }),
        ...changeParts(bucket, change, ids, now, context),
        sourceIPAddress: identities.sourceIPAddress,
        eventId: s3EventBridgeEventId(randoms.eventBridge),
        requester: context.account,
      },
      'S3 mock',
    );
    options.eventBridge(event as S3MockEventBridgeEvent);
  };

  const runtime: S3Runtime = {
    store,
    context,
    versionId: () => s3VersionId(randoms.version),
    uploadId: () => randoms.upload.chars(64, UPLOAD_ID_ALPHABET),
    sequencer: (now) => s3SequencerAt(now, ++sequence),
    requestIds: () => ({ requestId: s3RequestId(randoms.request), hostId: s3HostId(randoms.request) }),
    notify: (bucket, change, ids, now) => {
      if (notifier.listens(bucket.name)) notifier.notify(bucket, change, ids, now);
      if (configured.sendsToEventBridge(bucket.name)) emitEventBridge(bucket, change, ids, now);
      configured.notify(bucket, change, ids, now);
    },
    configured,
    // S3 names a configuration saved without Id with a base64 string (of a UUID).
    notificationId: () => Buffer.from(notificationIds.uuidV4(), 'utf8').toString('base64'),
    hasEventBridge: options.eventBridge !== undefined,
    forgetBucket: (bucket) => {
      notifier.forgetBucket(bucket);
      configured.forgetBucket(bucket);
    },
  };

  // The predicate and the resolver see the same Request: route it once.
  const routes = new WeakMap<Request, S3Route>();
  const handler = http.all(
    ({ request }) => {
      const route = hosts.match(request);
      if (route === undefined) return false;
      routes.set(request, route);
      return true;
    },
    async ({ request }) => {
      const ids = runtime.requestIds();
      try {
        const route = routes.get(request) ?? hosts.match(request);
        if (route === undefined) return undefined;
        assertHeaderSection(request.headers);
        const now = context.clock.now();
        const presigned = isPresigned(route.url.searchParams);
        if (presigned) assertNotExpired(route.url.searchParams, now.getTime());
        const served = presigned ? withHoistedHeaders(request, route.url.searchParams) : request;
        const call: S3Call = {
          request: served,
          route,
          method: request.method.toUpperCase(),
          query: route.url.searchParams,
          ids,
          now,
        };
        if (route.invalidUri)
          throw new S3Error('InvalidURI', 400, "Couldn't parse the specified URI.", { URI: route.url.pathname });
        const operation = resolve(call);
        if (operation.run === undefined) throw notImplemented(operation.name);
        return await operation.run(runtime, call);
      } catch (error) {
        // Never throw inside msw: every failure becomes an S3-shaped error response.
        const s3Error =
          error instanceof S3Error
            ? error
            : error instanceof AwsServiceError
              ? new S3Error(error.code, error.status, error.message)
              : fromUnexpected(error);
        return errorResponse(s3Error, ids, request.method.toUpperCase());
      }
    },
  );

  const api = (name: string): string => `s3.${name}`;
  const existingBucket = (name: string, bucket: unknown) => {
    if (typeof bucket !== 'string') fail(api(name), 'bucket', `must be a bucket name string, got ${show(bucket)}`);
    const found = store.buckets.get(bucket);
    if (found === undefined)
      fail(
        api(name),
        'bucket',
        `${show(bucket)} does not exist (create it with s3.createBucket or CreateBucketCommand first)`,
      );
    return found;
  };

  return {
    handlers: [handler],
    runDue: () => notifier.runDue(),
    nextDueTime: () => notifier.nextDueTime(),
    reset() {
      store.clear();
      notifier.reset();
      configured.reset();
      seedRandoms();
    },
    createBucket(bucket, bucketOptions = {}) {
      assertS3BucketName(api('createBucket'), 'bucket', bucket);
      if (store.buckets.has(bucket)) fail(api('createBucket'), 'bucket', `${show(bucket)} already exists`);
      const versioning = bucketOptions.versioning ?? 'Unversioned';
      if (versioning !== 'Unversioned' && versioning !== 'Enabled' && versioning !== 'Suspended') {
        fail(
          api('createBucket'),
          'options.versioning',
          `must be "Unversioned", "Enabled" or "Suspended", got ${show(versioning)}`,
        );
      }
      createBucketIn(runtime, bucket, bucketOptions.region ?? context.region, context.clock.now());
      (store.buckets.get(bucket) as { versioning: VersioningState }).versioning = versioning;
    },
    putObject(bucket, key, body, putOptions = {}) {
      const target = existingBucket('putObject', bucket);
      assertS3Key(api('putObject'), 'key', key);
      if (typeof body !== 'string' && !(body instanceof Uint8Array))
        fail(api('putObject'), 'body', `must be a string or a Uint8Array, got ${show(body)}`);
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Uint8Array.from(body);
      const now = context.clock.now();
      const sequencer = runtime.sequencer(now);
      const metadata: Record<string, string> = {};
      for (const [name, value] of Object.entries(putOptions.metadata ?? {}))
        metadata[name.toLowerCase()] = String(value);
      const stored = store.write(
        target,
        {
          key,
          isDeleteMarker: false,
          body: bytes,
          eTag: md5Hex(bytes),
          lastModified: now,
          headers: { contentType: putOptions.contentType ?? 'binary/octet-stream' },
          metadata,
          storageClass: 'STANDARD',
          sequencer,
        },
        () => runtime.versionId(),
      );
      if (putOptions.notify !== false) {
        const versionId = stored.versionId === 'null' ? {} : { versionId: stored.versionId };
        runtime.notify(
          target,
          { eventName: 'ObjectCreated:Put', key, size: bytes.length, eTag: stored.eTag, sequencer, ...versionId },
          runtime.requestIds(),
          now,
        );
      }
      return view(bucket, stored);
    },
    deleteObject(bucket, key) {
      const target = existingBucket('deleteObject', bucket);
      assertS3Key(api('deleteObject'), 'key', key);
      const now = context.clock.now();
      const ids = runtime.requestIds();
      const call = { now, ids } as S3Call;
      deleteOne(runtime, call, target, key, undefined);
    },
    getObject(bucket, key, getOptions = {}) {
      const target = existingBucket('getObject', bucket);
      const version =
        getOptions.versionId === undefined
          ? store.current(target, key)
          : store.version(target, key, getOptions.versionId);
      return version === undefined || version.isDeleteMarker ? undefined : view(bucket, version);
    },
    objects(bucket) {
      const target = existingBucket('objects', bucket);
      return store.currentKeys(target).map((key) => view(bucket, store.current(target, key) as ObjectVersion));
    },
    buckets: () => [...store.buckets.keys()].sort(),
    subscribe(
      bucket: string,
      subscriber: S3NotificationHandler | AwsLambdaS3Handler,
      subscribeOptions?: S3SubscribeOptions,
    ) {
      existingBucket('subscribe', bucket);
      return notifier.subscribe(bucket, subscriber, subscribeOptions);
    },
    failedDeliveries: () => notifier.failedDeliveries(),
    enableEventBridge(bucket) {
      existingBucket('enableEventBridge', bucket);
      if (options.eventBridge === undefined) {
        fail(
          api('enableEventBridge'),
          'bucket',
          'cannot send to EventBridge: this S3 mock was created without an EventBridge bus (createS3Service options.eventBridge)',
        );
      }
      configured.enableEventBridge(bucket);
    },
    addEndpoint(endpoint) {
      hosts.add(endpoint, api('addEndpoint'));
    },
  };
}

/** S3's limit on the request's header section. */
const MAX_HEADER_BYTES = 8192;

/**
 * `RequestHeaderSectionTooLarge` for a header section over 8 KB (an `x-amz-tagging` of thousands
 * of pairs, huge metadata), counted as `name: value\r\n` lines.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
function assertHeaderSection(headers: Headers): void {
  let bytes = 0;
  for (const [name, value] of headers) bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 4;
  if (bytes > MAX_HEADER_BYTES) {
    throw new S3Error(
      'RequestHeaderSectionTooLarge',
      400,
      'Your request header section exceeds the maximum allowed size.',
      { MaxSizeAllowed: String(MAX_HEADER_BYTES) },
    );
  }
}

function fromUnexpected(error: unknown): S3Error {
  const failure = internalFailure(error);
  return new S3Error(failure.code, failure.status, failure.message);
}
