/**
 * The test-side S3 API (`mocks.s3.createBucket`, `putObject` …): one function per call, on an
 * explicit state, with the same rules as the SDK operations and `EventInputError`s naming the call.
 */
import { md5Hex } from '../../_internals/hash.js';
import { fail, show } from '../../_internals/errors.js';
import { assertS3BucketName, assertS3Key } from '../../events/s3/validate.js';
import type { S3Call } from './http.js';
import type { AwsLambdaS3Handler, S3NotificationHandler, S3SubscribeOptions, S3Subscription } from './notifications.js';
import { createBucketIn } from './operations/buckets.js';
import { deleteOne } from './operations/objects.js';
import type { S3CreateBucketOptions, S3PutObjectOptions, S3StoredObject } from './service.js';
import type { S3State } from './state.js';
import type { Bucket, ObjectVersion, VersioningState } from './store.js';

const api = (name: string): string => `s3.${name}`;

/** An object as the test side sees it (a view: the body shares the stored bytes). */
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

/** The bucket a test-side call names; `EventInputError` when it is not a name or does not exist. */
function existingBucket(state: S3State, name: string, bucket: unknown): Bucket {
  if (typeof bucket !== 'string') fail(api(name), 'bucket', `must be a bucket name string, got ${show(bucket)}`);
  const found = state.store.buckets.get(bucket);
  if (found === undefined)
    fail(
      api(name),
      'bucket',
      `${show(bucket)} does not exist (create it with s3.createBucket or CreateBucketCommand first)`,
    );
  return found;
}

/** `mocks.s3.createBucket`. */
export function createBucket(state: S3State, bucket: string, options: S3CreateBucketOptions = {}): void {
  assertS3BucketName(api('createBucket'), 'bucket', bucket);
  if (state.store.buckets.has(bucket)) fail(api('createBucket'), 'bucket', `${show(bucket)} already exists`);
  const versioning = options.versioning ?? 'Unversioned';
  if (versioning !== 'Unversioned' && versioning !== 'Enabled' && versioning !== 'Suspended') {
    fail(
      api('createBucket'),
      'options.versioning',
      `must be "Unversioned", "Enabled" or "Suspended", got ${show(versioning)}`,
    );
  }
  createBucketIn(state.runtime, bucket, options.region ?? state.context.region, state.context.clock.now());
  (state.store.buckets.get(bucket) as { versioning: VersioningState }).versioning = versioning;
}

/** `mocks.s3.putObject`: stores the object as PutObject does and notifies unless `notify: false`. */
export function putObject(
  state: S3State,
  bucket: string,
  key: string,
  body: string | Uint8Array,
  options: S3PutObjectOptions = {},
): S3StoredObject {
  const target = existingBucket(state, 'putObject', bucket);
  assertS3Key(api('putObject'), 'key', key);
  if (typeof body !== 'string' && !(body instanceof Uint8Array))
    fail(api('putObject'), 'body', `must be a string or a Uint8Array, got ${show(body)}`);
  const { runtime } = state;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Uint8Array.from(body);
  const now = state.context.clock.now();
  const sequencer = runtime.sequencer(now);
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.metadata ?? {})) metadata[name.toLowerCase()] = String(value);
  const stored = state.store.write(
    target,
    {
      key,
      isDeleteMarker: false,
      body: bytes,
      eTag: md5Hex(bytes),
      lastModified: now,
      headers: { contentType: options.contentType ?? 'binary/octet-stream' },
      metadata,
      storageClass: 'STANDARD',
      sequencer,
    },
    () => runtime.versionId(),
  );
  if (options.notify !== false) {
    const versionId = stored.versionId === 'null' ? {} : { versionId: stored.versionId };
    runtime.notify(
      target,
      { eventName: 'ObjectCreated:Put', key, size: bytes.length, eTag: stored.eTag, sequencer, ...versionId },
      runtime.requestIds(),
      now,
    );
  }
  return view(bucket, stored);
}

/** `mocks.s3.deleteObject`: as DeleteObject (a delete marker in a versioned bucket; notifies). */
export function deleteObject(state: S3State, bucket: string, key: string): void {
  const target = existingBucket(state, 'deleteObject', bucket);
  assertS3Key(api('deleteObject'), 'key', key);
  const now = state.context.clock.now();
  const ids = state.runtime.requestIds();
  const call = { now, ids } as S3Call;
  deleteOne(state.runtime, call, target, key, undefined);
}

/** `mocks.s3.getObject`: the current (or the named) version, undefined when absent or deleted. */
export function getObject(
  state: S3State,
  bucket: string,
  key: string,
  options: { versionId?: string } = {},
): S3StoredObject | undefined {
  const target = existingBucket(state, 'getObject', bucket);
  const version =
    options.versionId === undefined
      ? state.store.current(target, key)
      : state.store.version(target, key, options.versionId);
  return version === undefined || version.isDeleteMarker ? undefined : view(bucket, version);
}

/** `mocks.s3.objects`: the bucket's current objects in key order. */
export function objects(state: S3State, bucket: string): S3StoredObject[] {
  const target = existingBucket(state, 'objects', bucket);
  return state.store.currentKeys(target).map((key) => view(bucket, state.store.current(target, key) as ObjectVersion));
}

/** `mocks.s3.subscribe`: the bucket must exist. */
export function subscribe(
  state: S3State,
  bucket: string,
  subscriber: S3NotificationHandler | AwsLambdaS3Handler,
  options?: S3SubscribeOptions,
): S3Subscription {
  existingBucket(state, 'subscribe', bucket);
  return state.notifier.subscribe(bucket, subscriber, options);
}

/** `mocks.s3.enableEventBridge`: refused when the mock has no EventBridge bus. */
export function enableEventBridge(state: S3State, bucket: string): void {
  existingBucket(state, 'enableEventBridge', bucket);
  if (state.eventBridge === undefined) {
    fail(
      api('enableEventBridge'),
      'bucket',
      'cannot send to EventBridge: this S3 mock was created without an EventBridge bus (createS3Service options.eventBridge)',
    );
  }
  state.configured.enableEventBridge(bucket);
}

/** `mocks.s3.addEndpoint`. */
export function addEndpoint(state: S3State, endpoint: string): void {
  state.hosts.add(endpoint, api('addEndpoint'));
}
