/**
 * S3 → SNS: the `TopicConfiguration`s of PutBucketNotificationConfiguration. Each matching object
 * change is published to the topic as S3 publishes it: the S3 event JSON (`{"Records":[…]}`, built
 * by the S3 family's mapper) as the message, Subject `Amazon S3 Notification`; saving a
 * configuration publishes an `s3:TestEvent` to each topic, as S3 does.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
import { buildS3Record } from '../../events/s3/record.js';
import { toS3TestEvent } from '../../events/s3/testEvent.js';
import { S3_NOTIFICATION_SUBJECT } from '../../events/sns/index.js';
import type { MockContext } from '../context.js';
import { readXml } from './body.js';
import { invalidArgument, malformedXml, S3Error, type S3RequestIds } from './errors.js';
import { respond, respondXml, type S3Call } from './http.js';
import { S3_NOTIFICATION_EVENT_TYPES, type S3Identities } from './notifications.js';
import { changeParts, type S3Change, type S3Runtime } from './runtime.js';
import type { Bucket } from './store.js';
import { assertRoot, el, elements, text, xmlDocument } from './xml.js';

/** Where S3 publishes: the SNS service of the same mocks. */
export interface S3TopicDestination {
  /** Publishes `message` to the topic `topicArn` on S3's behalf; false when no such topic exists. */
  publish(topicArn: string, message: string, subject: string): boolean;
  /** Whether a topic with this ARN exists. */
  exists(topicArn: string): boolean;
}

interface TopicConfiguration {
  readonly id: string;
  readonly topicArn: string;
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

const EVENT_TYPES = new Set<string>(S3_NOTIFICATION_EVENT_TYPES);

function matches(configuration: TopicConfiguration, change: S3Change): boolean {
  const wanted = configuration.events.some((type) => {
    const name = type.slice(3);
    return name.endsWith(':*') ? change.eventName.startsWith(name.slice(0, -1)) : change.eventName === name;
  });
  return wanted && change.key.startsWith(configuration.prefix) && change.key.endsWith(configuration.suffix);
}

/** The topic configurations of one S3 mock's buckets. */
export class S3TopicNotifier {
  readonly #configurations = new Map<string, TopicConfiguration[]>();
  #ids = 0;

  constructor(
    private readonly context: MockContext,
    private readonly identities: S3Identities,
    readonly destination: S3TopicDestination | undefined,
  ) {}

  /** Publishes one event per matching configuration of `bucket`. */
  notify(bucket: Bucket, change: S3Change, ids: S3RequestIds, now: Date): void {
    const configurations = this.#configurations.get(bucket.name);
    if (configurations === undefined || this.destination === undefined) return;
    for (const configuration of configurations) {
      if (!matches(configuration, change)) continue;
      const record = buildS3Record(
        {
          ...changeParts(bucket, change, ids, now, this.context),
          eventName: change.eventName,
          hostId: ids.hostId,
          principalId: change.principalId ?? this.identities.principalId,
          sourceIPAddress: this.identities.sourceIPAddress,
          configurationId: configuration.id,
          bucketOwnerId: this.identities.bucketOwnerId,
        },
        'S3 mock',
      );
      // A topic deleted since the configuration was saved: S3's publish fails and the event is lost.
      this.destination.publish(configuration.topicArn, JSON.stringify({ Records: [record] }), S3_NOTIFICATION_SUBJECT);
    }
  }

  /** Replaces the bucket's topic configurations (PutBucketNotificationConfiguration replaces the whole configuration). */
  set(bucket: string, configurations: TopicConfiguration[]): void {
    if (configurations.length === 0) this.#configurations.delete(bucket);
    else this.#configurations.set(bucket, configurations);
  }

  /** The bucket's topic configurations. */
  get(bucket: string): readonly TopicConfiguration[] {
    return this.#configurations.get(bucket) ?? [];
  }

  /** A generated configuration id, as S3 gives one without `Id`. */
  nextId(): string {
    return `notification-topic-${++this.#ids}`;
  }

  /** Forgets a deleted bucket's configurations. */
  forgetBucket(bucket: string): void {
    this.#configurations.delete(bucket);
  }

  /** Forgets everything. */
  reset(): void {
    this.#configurations.clear();
    this.#ids = 0;
  }
}

const UNSUPPORTED = ['QueueConfiguration', 'CloudFunctionConfiguration', 'EventBridgeConfiguration'] as const;

/** PutBucketNotificationConfiguration: TopicConfigurations only (the mocks' other destinations are test-side). */
export async function putBucketNotificationConfiguration(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const notifier = runtime.topics;
  const { xml } = await readXml(call.request);
  try {
    assertRoot(xml, 'NotificationConfiguration');
  } catch {
    throw malformedXml();
  }
  for (const kind of UNSUPPORTED) {
    if (elements(xml, kind).length > 0) {
      throw new S3Error('NotImplemented', 501, `aws-event-kit/msw: ${kind} is not supported by the mocks' PutBucketNotificationConfiguration (use mocks.s3.subscribe, mocks.s3.enableEventBridge, or a TopicConfiguration)`);
    }
  }
  const configurations: TopicConfiguration[] = [];
  for (const block of elements(xml, 'TopicConfiguration')) {
    const topicArn = text(block, 'Topic');
    const events = elements(block, 'Event').map((e) => text(`<Event>${e}</Event>`, 'Event') as string);
    if (topicArn === undefined || events.length === 0) throw malformedXml();
    for (const event of events) if (!EVENT_TYPES.has(event)) throw invalidArgument('The event is not supported for notifications', 'Event', event);
    let prefix = '';
    let suffix = '';
    for (const rule of elements(block, 'FilterRule')) {
      const name = (text(rule, 'Name') ?? '').toLowerCase();
      const value = text(rule, 'Value') ?? '';
      if (name === 'prefix') prefix = value;
      else if (name === 'suffix') suffix = value;
      else throw invalidArgument('FilterRule name must be either prefix or suffix', 'FilterRule', name);
    }
    configurations.push({ id: text(block, 'Id') ?? notifier?.nextId() ?? 'notification', topicArn, events, prefix, suffix });
  }
  if (configurations.length > 0 && (notifier === undefined || notifier.destination === undefined)) {
    throw new S3Error('NotImplemented', 501, 'aws-event-kit/msw: this S3 mock has no SNS to publish to (createS3Service options.sns)');
  }
  // S3 checks every destination before saving, then tests each one.
  const missing = configurations.filter((c) => !(notifier?.destination?.exists(c.topicArn) ?? false));
  if (missing.length > 0) {
    throw new S3Error('InvalidArgument', 400, 'Unable to validate the following destination configurations', Object.fromEntries(missing.map((c) => ['ArgumentName', c.topicArn])));
  }
  notifier?.set(bucket.name, configurations);
  for (const topicArn of new Set(configurations.map((c) => c.topicArn))) {
    const test = toS3TestEvent({ bucket: bucket.name, time: call.now, requestId: call.ids.requestId, hostId: call.ids.hostId });
    notifier?.destination?.publish(topicArn, JSON.stringify(test), S3_NOTIFICATION_SUBJECT);
  }
  return respond(call, 200);
}

/** GetBucketNotificationConfiguration: the saved TopicConfigurations. */
export function getBucketNotificationConfiguration(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  let body = '';
  for (const c of runtime.topics?.get(bucket.name) ?? []) {
    const rules = `${c.prefix === '' ? '' : `<FilterRule>${el('Name', 'Prefix')}${el('Value', c.prefix)}</FilterRule>`}${c.suffix === '' ? '' : `<FilterRule>${el('Name', 'Suffix')}${el('Value', c.suffix)}</FilterRule>`}`;
    body += `<TopicConfiguration>${el('Id', c.id)}${el('Topic', c.topicArn)}${c.events.map((e) => el('Event', e)).join('')}${rules === '' ? '' : `<Filter><S3Key>${rules}</S3Key></Filter>`}</TopicConfiguration>`;
  }
  return respondXml(call, xmlDocument('NotificationConfiguration', body));
}
