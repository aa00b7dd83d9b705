/**
 * The state of one in-memory S3: its hosts, store, seeded id streams, identities and notifiers,
 * its create/reset helpers, and the {@link S3Runtime} its operations work with.
 */
import type { Random } from '../../_internals/random.js';
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
import { endpointsFromEnvironment } from '../_internals/hosts.js';
import { contextRandom, type MockContext } from '../context.js';
import type { S3RequestIds } from './errors.js';
import { S3Hosts } from './hosts.js';
import { S3Notifier, type S3Identities } from './notifications.js';
import { S3ConfiguredNotifier } from './notificationConfiguration.js';
import { changeParts, type S3Change, type S3Runtime } from './runtime.js';
import type { S3MockEventBridgeEvent, S3ServiceOptions } from './service.js';
import { S3Store, type Bucket } from './store.js';

/** The seeded id streams of one S3 mock: drawn afresh on `reset()`. */
interface S3Seeds {
  readonly request: Random;
  readonly version: Random;
  readonly upload: Random;
  readonly eventBridge: Random;
  readonly notificationId: Random;
}

/** Everything one S3 mock holds; operations reach it through {@link S3State.runtime}. */
export interface S3State {
  readonly context: MockContext;
  /** The AWS and custom hosts the handler serves. */
  readonly hosts: S3Hosts;
  readonly store: S3Store;
  seeds: S3Seeds;
  /** The last sequencer drawn: increasing across the instance, restarted on reset. */
  sequence: number;
  /** The bucket owner, principal and source IP every event of this mock names. */
  readonly identities: S3Identities;
  /** Handlers subscribed with `mocks.s3.subscribe`. */
  readonly notifier: S3Notifier;
  /** Saved notification configurations and the buckets that send to EventBridge. */
  readonly configured: S3ConfiguredNotifier;
  /** Where EventBridge events go (createS3Service's `eventBridge` option). */
  readonly eventBridge: ((event: S3MockEventBridgeEvent) => void) | undefined;
  readonly runtime: S3Runtime;
}

const UPLOAD_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-';

/** Draws the seeded id streams; the order of the draws is part of the seeded output. */
function seedS3(context: MockContext): S3Seeds {
  return {
    request: contextRandom(context, 's3.requestId'),
    version: contextRandom(context, 's3.versionId'),
    upload: contextRandom(context, 's3.uploadId'),
    eventBridge: contextRandom(context, 's3.eventBridgeId'),
    notificationId: contextRandom(context, 's3.notificationId'),
  };
}

/** The hosts of a new mock: the context's endpoints (or the environment's), then the options'. */
function createHosts(context: MockContext, options: S3ServiceOptions): S3Hosts {
  const hosts = new S3Hosts();
  // createAwsMocks hands over its endpoints (environment included); a hand-made context gets the environment's.
  for (const endpoint of context.endpoints ?? endpointsFromEnvironment(process.env))
    hosts.add(endpoint, 'createS3Service');
  for (const endpoint of options.endpoints ?? []) hosts.add(endpoint, 'createS3Service');
  return hosts;
}

/** Creates the state of one S3 mock. */
export function createS3State(context: MockContext, options: S3ServiceOptions): S3State {
  const hosts = createHosts(context, options);
  const store = new S3Store();
  const seeds = seedS3(context);
  // The identities are drawn once per instance: reset() keeps them.
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
  const parts = {
    context,
    hosts,
    store,
    seeds,
    sequence: 0,
    identities,
    notifier,
    configured,
    eventBridge: options.eventBridge,
  };
  // The runtime reads the state object itself, so a reset's new seeds reach it.
  return Object.assign(parts, { runtime: createS3Runtime(parts) });
}

/** Forgets every bucket, subscription and configuration and restarts the seeded ids. */
export function resetS3State(state: S3State): void {
  state.store.clear();
  state.notifier.reset();
  state.configured.reset();
  state.seeds = seedS3(state.context);
  state.sequence = 0;
}

/** The runtime the operations of `state` work with. */
function createS3Runtime(state: Omit<S3State, 'runtime'>): S3Runtime {
  return {
    store: state.store,
    context: state.context,
    versionId: () => s3VersionId(state.seeds.version),
    uploadId: () => state.seeds.upload.chars(64, UPLOAD_ID_ALPHABET),
    sequencer: (now) => s3SequencerAt(now, ++state.sequence),
    requestIds: () => ({ requestId: s3RequestId(state.seeds.request), hostId: s3HostId(state.seeds.request) }),
    notify: (bucket, change, ids, now) => {
      if (state.notifier.listens(bucket.name)) state.notifier.notify(bucket, change, ids, now);
      if (state.configured.sendsToEventBridge(bucket.name)) emitEventBridge(state, bucket, change, ids, now);
      state.configured.notify(bucket, change, ids, now);
    },
    configured: state.configured,
    // S3 names a configuration saved without Id with a base64 string (of a UUID).
    notificationId: () => Buffer.from(state.seeds.notificationId.uuidV4(), 'utf8').toString('base64'),
    hasEventBridge: state.eventBridge !== undefined,
    forgetBucket: (bucket) => {
      state.notifier.forgetBucket(bucket);
      state.configured.forgetBucket(bucket);
    },
  };
}

/** Sends the EventBridge event of one change, when it has one and the mock has a bus. */
function emitEventBridge(
  state: Omit<S3State, 'runtime'>,
  bucket: Bucket,
  change: S3Change,
  ids: S3RequestIds,
  now: Date,
): void {
  const type = s3EventBridgeTypeOf(change.eventName);
  if (type === undefined || state.eventBridge === undefined) return;
  const event = buildS3EventBridgeEvent(
    {
      detailType: type.detailType as 'Object Created',
      ...(type.reason === undefined ? {} : { reason: type.reason }),
      ...(type.deletionType === undefined ? {} : { deletionType: type.deletionType }),
      ...changeParts(bucket, change, ids, now, state.context),
      sourceIPAddress: state.identities.sourceIPAddress,
      eventId: s3EventBridgeEventId(state.seeds.eventBridge),
      requester: state.context.account,
    },
    'S3 mock',
  );
  state.eventBridge(event as S3MockEventBridgeEvent);
}
