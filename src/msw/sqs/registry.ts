/** The queues of one SQS mock: creation rules, lookup by URL, ARN or name. */
import { resolvePartition } from '../../_internals/aws.js';
import { parseSqsQueueArn, parseSqsQueueUrl, sqsQueue, sqsQueueNameProblem } from '../../events/sqs/index.js';
import { applyAttributes, configAttributes, defaultConfig, type DeadLetterCheck } from './attributes.js';
import { queueDoesNotExist, sqsError } from './errors.js';
import { MockQueue, type QueueIds } from './queue.js';

const key = (region: string, account: string, name: string): string => `${region}\u0000${account}\u0000${name}`;

/**
 * After DeleteQueue, CreateQueue of the same name is `QueueDeletedRecently` for 60 seconds
 * (recorded against AWS, localstack test_create_queue_recently_deleted).
 */
const QUEUE_NAME_REUSE_MS = 60 * 1000;

/** All queues of a mock, by region, account and name. */
export class QueueRegistry {
  private readonly queues = new Map<string, MockQueue>();
  private readonly byArn = new Map<string, MockQueue>();
  // When each deleted queue went, by key: SQS refuses its name for 60 seconds.
  private readonly deletedAt = new Map<string, number>();

  constructor(
    private readonly account: string,
    private readonly ids: QueueIds,
  ) {}

  /** Forgets every queue. */
  clear(): void {
    this.queues.clear();
    this.byArn.clear();
    this.deletedAt.clear();
  }

  /** Every queue, in creation order. */
  all(): MockQueue[] {
    return [...this.queues.values()];
  }

  /** The queue with this ARN, if it exists. */
  findByArn(arn: string): MockQueue | undefined {
    return this.byArn.get(arn);
  }

  /** The queue named `name` in `region`, if it exists. */
  find(region: string, account: string, name: string): MockQueue | undefined {
    return this.queues.get(key(region, account, name));
  }

  /**
   * The queue a `QueueUrl` names. The URL's path is `/<account>/<name>`; its region comes from an
   * AWS host (`sqs.<r>.amazonaws.com`, `<r>.queue.amazonaws.com`) or else from the request's
   * signing region, so queue URLs of custom endpoints (`http://localhost:4566/…`) work too.
   */
  fromUrl(queueUrl: string, requestRegion: string): MockQueue {
    if (!URL.canParse(queueUrl))
      throw sqsError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`);
    const aws = parseSqsQueueUrl(queueUrl);
    let region: string;
    let account: string;
    let name: string;
    if (aws !== undefined) {
      ({ region, account, name } = aws);
    } else {
      const segments = new URL(queueUrl).pathname.split('/').filter((segment) => segment !== '');
      if (segments.length !== 2)
        throw sqsError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`);
      [account, name] = segments as [string, string];
      region = requestRegion;
    }
    const queue = this.queues.get(key(region, account, name));
    if (queue === undefined) throw queueDoesNotExist();
    return queue;
  }

  /** Why a RedrivePolicy's target is unusable for `fifo` source queues, or undefined. */
  deadLetterCheck(fifo: boolean, sourceArn: string | undefined): DeadLetterCheck {
    return (targetArn) => {
      const target = this.byArn.get(targetArn);
      if (target === undefined) return 'Dead letter target does not exist.';
      if (target.info.fifo !== fifo) return 'Dead-letter queue must be same type of queue as the source.';
      if (sourceArn !== undefined && targetArn === sourceArn) return 'Dead-letter target must not be the source queue.';
      return undefined;
    };
  }

  /** CreateQueue's name rules: SQS's characters and length, `.fifo` exactly when `FifoQueue` is `true`. */
  checkName(name: string, attributes: Readonly<Record<string, string>>): void {
    const fifo = name.endsWith('.fifo');
    const wantsFifo = attributes['FifoQueue'] === 'true';
    if (sqsQueueNameProblem(name) !== undefined || fifo !== wantsFifo) {
      throw sqsError(
        'InvalidParameterValue',
        wantsFifo || fifo
          ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
          : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
  }

  /**
   * CreateQueue: validates the name and attributes; returns the existing queue when one with the
   * same name and the same attribute values exists, and `QueueNameExists` when a value differs.
   */
  create(name: string, attributes: Readonly<Record<string, string>>, region: string, now: number): MockQueue {
    this.checkName(name, attributes);
    const fifo = name.endsWith('.fifo');
    const info = sqsQueue(name, region, this.account, resolvePartition('CreateQueue', region, undefined));
    const config = applyAttributes(defaultConfig(), attributes, fifo, this.deadLetterCheck(fifo, info.arn));
    const existing = this.queues.get(key(region, this.account, name));
    if (existing !== undefined) {
      const current = configAttributes(existing.config, fifo);
      const wanted = configAttributes(config, fifo);
      for (const attribute of Object.keys(attributes)) {
        if (current[attribute] !== wanted[attribute]) {
          throw sqsError(
            'QueueNameExists',
            `A queue already exists with the same name and a different value for attribute ${attribute}`,
          );
        }
      }
      return existing;
    }
    const deleted = this.deletedAt.get(key(region, this.account, name));
    if (deleted !== undefined && now - deleted < QUEUE_NAME_REUSE_MS) {
      throw sqsError(
        'QueueDeletedRecently',
        'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
      );
    }
    const queue = new MockQueue(info, config, now, this.ids, (arn) => this.byArn.get(arn));
    this.queues.set(key(region, this.account, name), queue);
    this.byArn.set(info.arn, queue);
    return queue;
  }

  /** DeleteQueue at `now` (epoch ms): the name stays taken for 60 seconds. */
  delete(queue: MockQueue, now: number): void {
    const queueKey = key(queue.info.region, queue.info.account, queue.info.name);
    this.queues.delete(queueKey);
    this.byArn.delete(queue.info.arn);
    this.deletedAt.set(queueKey, now);
    for (const [name, at] of this.deletedAt) if (now - at >= QUEUE_NAME_REUSE_MS) this.deletedAt.delete(name);
  }

  /** Resolves a test-side queue reference (name, URL or ARN) in the default region. */
  resolve(reference: string, defaultRegion: string): MockQueue | undefined {
    if (reference.startsWith('arn:')) {
      const arn = parseSqsQueueArn(reference);
      return arn === undefined ? undefined : this.find(arn.region, arn.account, arn.name);
    }
    if (URL.canParse(reference)) {
      try {
        return this.fromUrl(reference, defaultRegion);
      } catch {
        return undefined;
      }
    }
    return this.find(defaultRegion, this.account, reference);
  }
}
