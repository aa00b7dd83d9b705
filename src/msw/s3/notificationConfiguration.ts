/**
 * A bucket's notification configuration, as PutBucketNotificationConfiguration saves it: SQS
 * queues, SNS topics, Lambda functions (each with event types and key filters) and EventBridge.
 * The document is validated as S3 validates it (ARNs, event names, filter rules, overlapping
 * configurations, destinations that exist), the SQS and SNS destinations receive the
 * `s3:TestEvent` when it is saved, and every matching change is delivered with the record built
 * by the S3 family's mapper (`buildS3Record`).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
 */
import { buildS3Record } from '../../events/s3/record.js';
import { toS3TestEvent } from '../../events/s3/testEvent.js';
import type { S3TestEvent } from '../../events/s3/types.js';
import { S3_NOTIFICATION_SUBJECT } from '../../events/sns/index.js';
import type { MockContext } from '../context.js';
import type { S3Identities, S3NotificationEvent } from './notifications.js';
import type { S3RequestIds } from './errors.js';
import { changeParts, type S3Change } from './runtime.js';
import type { Bucket } from './store.js';

/** Where S3 publishes TopicConfigurations: the SNS service of the same mocks. */
export interface S3TopicDestination {
  /** Publishes `message` to the topic `topicArn` on S3's behalf; false when no such topic exists. */
  publish(topicArn: string, message: string, subject: string): boolean;
  /** Whether a topic S3 can publish to has this ARN. */
  exists(topicArn: string): boolean;
}

/** Where S3 sends QueueConfigurations: the SQS service of the same mocks (its `deliver`). */
export interface S3QueueDestination {
  /**
   * Enqueues a message S3 sends; false when no queue has this ARN. May throw the error the
   * queue answers with (a FIFO queue refuses a message without a group id).
   */
  deliver(
    queueArn: string,
    message: { body: string; messageAttributes: Record<string, never>; senderId: string },
  ): boolean;
}

/**
 * Where S3 invokes LambdaFunctionConfigurations: the Lambda service of the same mocks
 * (asynchronous invocations, with Lambda's retries).
 */
export interface S3FunctionDestination {
  /** Whether a function (ARN, optionally qualified) exists that S3 may invoke. */
  exists(functionArn: string): boolean;
  /** Invokes the function asynchronously with `event`, as S3 does (`InvocationType: Event`). */
  invokeAsync(functionArn: string, event: unknown): void;
}

/** The destinations S3's notification configurations reach. */
export interface S3NotificationDestinations {
  readonly sns?: S3TopicDestination | undefined;
  readonly sqs?: S3QueueDestination | undefined;
  readonly lambda?: S3FunctionDestination | undefined;
}

/** The kinds of configuration, with their XML element and destination element names. */
export type S3DestinationKind = 'queue' | 'topic' | 'function';

/** One saved configuration (a `QueueConfiguration`, `TopicConfiguration` or `CloudFunctionConfiguration`). */
export interface S3DestinationConfiguration {
  readonly kind: S3DestinationKind;
  readonly id: string;
  readonly arn: string;
  /** Event types in S3's notation (`s3:ObjectCreated:*`), as given. */
  readonly events: readonly string[];
  /** Filter rules as given, names capitalised (`Prefix`, `Suffix`); empty when there is no filter. */
  readonly rules: readonly { readonly name: 'Prefix' | 'Suffix'; readonly value: string }[];
}

/** A bucket's whole notification configuration. */
export interface S3BucketNotificationConfiguration {
  readonly destinations: readonly S3DestinationConfiguration[];
  readonly eventBridge: boolean;
}

const EMPTY: S3BucketNotificationConfiguration = { destinations: [], eventBridge: false };

/** Whether the configured type (`s3:ObjectCreated:*` or an exact name) covers `eventName` (no `s3:`). */
export function eventTypeCovers(type: string, eventName: string): boolean {
  const name = type.slice(3);
  return name.endsWith(':*') ? eventName.startsWith(name.slice(0, -1)) : eventName === name;
}

/** The prefix and suffix of a configuration's filter ('' when absent). */
export function filterOf(configuration: S3DestinationConfiguration): { prefix: string; suffix: string } {
  let prefix = '';
  let suffix = '';
  for (const rule of configuration.rules) {
    if (rule.name === 'Prefix') prefix = rule.value;
    else suffix = rule.value;
  }
  return { prefix, suffix };
}

function matches(configuration: S3DestinationConfiguration, change: S3Change): boolean {
  if (!configuration.events.some((type) => eventTypeCovers(type, change.eventName))) return false;
  const { prefix, suffix } = filterOf(configuration);
  return change.key.startsWith(prefix) && change.key.endsWith(suffix);
}

/** The notification configurations of one S3 mock's buckets, and their deliveries. */
export class S3ConfiguredNotifier {
  readonly #configurations = new Map<string, S3BucketNotificationConfiguration>();

  constructor(
    private readonly context: MockContext,
    private readonly identities: S3Identities & { readonly sqsSenderId: string },
    readonly destinations: S3NotificationDestinations,
  ) {}

  /** The bucket's configuration (empty when none was saved). */
  get(bucket: string): S3BucketNotificationConfiguration {
    return this.#configurations.get(bucket) ?? EMPTY;
  }

  /** Replaces the bucket's configuration (PutBucketNotificationConfiguration replaces it whole). */
  set(bucket: string, configuration: S3BucketNotificationConfiguration): void {
    if (configuration.destinations.length === 0 && !configuration.eventBridge) this.#configurations.delete(bucket);
    else this.#configurations.set(bucket, configuration);
  }

  /** Turns the bucket's EventBridge setting on (the test-side `enableEventBridge`), keeping the rest. */
  enableEventBridge(bucket: string): void {
    this.set(bucket, { ...this.get(bucket), eventBridge: true });
  }

  /** Whether the bucket sends its events to EventBridge. */
  sendsToEventBridge(bucket: string): boolean {
    return this.get(bucket).eventBridge;
  }

  /**
   * Sends the `s3:TestEvent` to a queue or topic, as S3 does when a configuration is saved;
   * false when the destination does not exist or refuses the message.
   */
  sendTestEvent(kind: 'queue' | 'topic', arn: string, event: S3TestEvent): boolean {
    const body = JSON.stringify(event);
    if (kind === 'topic')
      return (
        this.destinations.sns?.exists(arn) === true && this.destinations.sns.publish(arn, body, S3_NOTIFICATION_SUBJECT)
      );
    return this.#toQueue(arn, body);
  }

  #toQueue(queueArn: string, body: string): boolean {
    try {
      return (
        this.destinations.sqs?.deliver(queueArn, {
          body,
          messageAttributes: {},
          senderId: this.identities.sqsSenderId,
        }) === true
      );
    } catch {
      // The queue refused the message (too large, FIFO without a group id): S3's delivery fails.
      return false;
    }
  }

  /** Delivers one change to every matching configured destination of the bucket. */
  notify(bucket: Bucket, change: S3Change, ids: S3RequestIds, now: Date): void {
    const configuration = this.#configurations.get(bucket.name);
    if (configuration === undefined) return;
    for (const destination of configuration.destinations) {
      if (!matches(destination, change)) continue;
      const record = buildS3Record(
        {
          ...changeParts(bucket, change, ids, now, this.context),
          eventName: change.eventName,
          hostId: ids.hostId,
          principalId: change.principalId ?? this.identities.principalId,
          sourceIPAddress: this.identities.sourceIPAddress,
          configurationId: destination.id,
          bucketOwnerId: this.identities.bucketOwnerId,
        },
        'S3 mock',
      );
      const event = { Records: [record] } as S3NotificationEvent;
      // A destination deleted since the configuration was saved: S3's delivery fails and the event is lost.
      if (destination.kind === 'topic')
        this.destinations.sns?.publish(destination.arn, JSON.stringify(event), S3_NOTIFICATION_SUBJECT);
      else if (destination.kind === 'queue') this.#toQueue(destination.arn, JSON.stringify(event));
      else if (this.destinations.lambda?.exists(destination.arn) === true)
        this.destinations.lambda.invokeAsync(destination.arn, event);
    }
  }

  /** Forgets a deleted bucket's configuration. */
  forgetBucket(bucket: string): void {
    this.#configurations.delete(bucket);
  }

  /** Forgets everything. */
  reset(): void {
    this.#configurations.clear();
  }
}

/** The `s3:TestEvent` of a save. */
export function testEventOf(bucket: string, now: Date, ids: S3RequestIds): S3TestEvent {
  return toS3TestEvent({ bucket, time: now, requestId: ids.requestId, hostId: ids.hostId });
}
