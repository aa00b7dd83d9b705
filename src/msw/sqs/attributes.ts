/**
 * Queue attributes: defaults, validation and read-back (CreateQueue, SetQueueAttributes,
 * GetQueueAttributes). Ranges and defaults from the SQS API reference (SetQueueAttributes).
 */
import { SQS_MAX_MESSAGE_BYTES } from '../../events/sqs/index.js';
import type { AwsServiceError } from '../_internals/awsError.js';
import { invalidParameter, sqsError } from './errors.js';

/** A queue's RedrivePolicy, parsed. */
interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

/** A queue's configuration. */
export interface QueueConfig {
  delaySeconds: number;
  maximumMessageSize: number;
  messageRetentionPeriod: number;
  receiveMessageWaitTimeSeconds: number;
  visibilityTimeout: number;
  redrivePolicy: RedrivePolicy | undefined;
  contentBasedDeduplication: boolean;
  deduplicationScope: 'queue' | 'messageGroup';
  fifoThroughputLimit: 'perQueue' | 'perMessageGroupId';
  /** Attributes stored and echoed but without behaviour here (Policy, KMS, SSE, RedriveAllowPolicy). */
  passive: Record<string, string>;
}

/** Defaults of a new queue. */
export function defaultConfig(): QueueConfig {
  return {
    delaySeconds: 0,
    maximumMessageSize: SQS_MAX_MESSAGE_BYTES,
    messageRetentionPeriod: 345_600,
    receiveMessageWaitTimeSeconds: 0,
    visibilityTimeout: 30,
    redrivePolicy: undefined,
    contentBasedDeduplication: false,
    deduplicationScope: 'queue',
    fifoThroughputLimit: 'perQueue',
    passive: { SqsManagedSseEnabled: 'true' },
  };
}

const INTEGER_RANGES: Readonly<Record<string, readonly [keyof QueueConfig, number, number]>> = {
  DelaySeconds: ['delaySeconds', 0, 900],
  MaximumMessageSize: ['maximumMessageSize', 1024, SQS_MAX_MESSAGE_BYTES],
  MessageRetentionPeriod: ['messageRetentionPeriod', 60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: ['receiveMessageWaitTimeSeconds', 0, 20],
  VisibilityTimeout: ['visibilityTimeout', 0, 43_200],
};
const PASSIVE = new Set([
  'Policy',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'SqsManagedSseEnabled',
  'RedriveAllowPolicy',
]);
const FIFO_ONLY = new Set(['FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);
const DIGITS = /^\d+$/;

/** The names GetQueueAttributes knows (besides `All`). */
export const READABLE_ATTRIBUTES = new Set([
  ...Object.keys(INTEGER_RANGES),
  ...PASSIVE,
  ...FIFO_ONLY,
  'RedrivePolicy',
  'QueueArn',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
]);

function invalidValue(name: string): AwsServiceError {
  return sqsError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
}

/**
 * Stores an attribute without behaviour, as SQS echoes it (recorded against AWS, localstack
 * test_set_queue_attributes_default_values): a KMS key turns SQS-managed encryption off; an empty
 * KmsMasterKeyId removes the key and its reuse period; an empty Policy removes the policy.
 */
function setPassive(
  passive: Record<string, string>,
  name: string,
  value: string,
  request: Readonly<Record<string, string>>,
): void {
  if (name === 'KmsDataKeyReusePeriodSeconds') {
    const seconds = DIGITS.test(value) ? Number(value) : Number.NaN;
    if (!(seconds >= 60 && seconds <= 86_400)) throw invalidValue(name);
  }
  if (name === 'SqsManagedSseEnabled' && value !== 'true' && value !== 'false') throw invalidValue(name);
  if (value === '' && (name === 'KmsMasterKeyId' || name === 'Policy' || name === 'RedriveAllowPolicy')) {
    delete passive[name];
    if (name === 'KmsMasterKeyId') delete passive['KmsDataKeyReusePeriodSeconds'];
    return;
  }
  if (name === 'KmsDataKeyReusePeriodSeconds' && request['KmsMasterKeyId'] === '') return;
  passive[name] = value;
  if (name === 'KmsMasterKeyId' && request['SqsManagedSseEnabled'] === undefined)
    passive['SqsManagedSseEnabled'] = 'false';
}

/** Checks a RedrivePolicy's dead-letter target: returns a reason when it is unusable. */
export type DeadLetterCheck = (targetArn: string) => string | undefined;

function parseRedrivePolicy(text: string, check: DeadLetterCheck): RedrivePolicy | undefined {
  if (text === '') return undefined; // an empty value removes the policy
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter('RedrivePolicy', 'Redrive policy is not a valid JSON map.', text);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalidParameter('RedrivePolicy', 'Redrive policy is not a valid JSON map.', text);
  const { deadLetterTargetArn, maxReceiveCount } = parsed as Record<string, unknown>;
  if (typeof deadLetterTargetArn !== 'string')
    throw invalidParameter(
      'RedrivePolicy',
      'Redrive policy does not contain mandatory attribute: deadLetterTargetArn.',
      text,
    );
  if (maxReceiveCount === undefined)
    throw invalidParameter(
      'RedrivePolicy',
      'Redrive policy does not contain mandatory attribute: maxReceiveCount.',
      text,
    );
  const count =
    typeof maxReceiveCount === 'number'
      ? maxReceiveCount
      : typeof maxReceiveCount === 'string' && DIGITS.test(maxReceiveCount)
        ? Number(maxReceiveCount)
        : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw invalidParameter(
      'RedrivePolicy',
      `Invalid value for maxReceiveCount: ${String(maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`,
      text,
    );
  }
  const reason = check(deadLetterTargetArn);
  if (reason !== undefined) throw invalidParameter('RedrivePolicy', reason, text);
  return { deadLetterTargetArn, maxReceiveCount: count };
}

/**
 * Applies `attributes` to a copy of `config`. `fifo` is the queue's type; `FifoQueue` itself is
 * checked by the caller at creation (it cannot change).
 */
export function applyAttributes(
  config: QueueConfig,
  attributes: Readonly<Record<string, string>>,
  fifo: boolean,
  check: DeadLetterCheck,
): QueueConfig {
  const next: QueueConfig = { ...config, passive: { ...config.passive } };
  for (const [name, value] of Object.entries(attributes)) {
    const range = INTEGER_RANGES[name];
    if (range !== undefined) {
      const [key, min, max] = range;
      const number = DIGITS.test(value) ? Number(value) : Number.NaN;
      if (!(number >= min && number <= max)) throw invalidValue(name);
      (next as unknown as Record<string, number>)[key] = number;
    } else if (name === 'RedrivePolicy') {
      next.redrivePolicy = parseRedrivePolicy(value, check);
    } else if (PASSIVE.has(name)) {
      setPassive(next.passive, name, value, attributes);
    } else if (FIFO_ONLY.has(name) && fifo) {
      if (name === 'FifoQueue') {
        if (value !== 'true')
          throw sqsError(
            'InvalidAttributeValue',
            'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.',
          );
      } else if (name === 'ContentBasedDeduplication') {
        if (value !== 'true' && value !== 'false') throw invalidValue(name);
        next.contentBasedDeduplication = value === 'true';
      } else if (name === 'DeduplicationScope') {
        if (value !== 'queue' && value !== 'messageGroup') throw invalidValue(name);
        next.deduplicationScope = value;
      } else {
        if (value !== 'perQueue' && value !== 'perMessageGroupId') throw invalidValue(name);
        next.fifoThroughputLimit = value;
      }
    } else if (name === 'DeduplicationScope' || name === 'FifoThroughputLimit') {
      // High-throughput settings on a standard queue have their own message; FifoQueue and
      // ContentBasedDeduplication there are simply unknown (both recorded against AWS).
      throw sqsError('InvalidAttributeName', `You can specify the ${name} only when FifoQueue is set to true.`);
    } else {
      throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
    }
  }
  if (
    fifo &&
    next.fifoThroughputLimit === 'perMessageGroupId' &&
    next.deduplicationScope === 'queue' &&
    attributes['FifoThroughputLimit'] !== undefined
  ) {
    throw sqsError(
      'InvalidAttributeValue',
      'Invalid value for the parameter FifoThroughputLimit. Reason: perMessageGroupId is only valid with DeduplicationScope messageGroup.',
    );
  }
  return next;
}

/** The configured attributes as GetQueueAttributes returns them. */
export function configAttributes(config: QueueConfig, fifo: boolean): Record<string, string> {
  const out: Record<string, string> = {
    DelaySeconds: String(config.delaySeconds),
    MaximumMessageSize: String(config.maximumMessageSize),
    MessageRetentionPeriod: String(config.messageRetentionPeriod),
    ReceiveMessageWaitTimeSeconds: String(config.receiveMessageWaitTimeSeconds),
    VisibilityTimeout: String(config.visibilityTimeout),
    ...config.passive,
  };
  if (config.redrivePolicy !== undefined) {
    out['RedrivePolicy'] = JSON.stringify({
      deadLetterTargetArn: config.redrivePolicy.deadLetterTargetArn,
      maxReceiveCount: config.redrivePolicy.maxReceiveCount,
    });
  }
  if (fifo) {
    out['FifoQueue'] = 'true';
    out['ContentBasedDeduplication'] = String(config.contentBasedDeduplication);
    out['DeduplicationScope'] = config.deduplicationScope;
    out['FifoThroughputLimit'] = config.fifoThroughputLimit;
  }
  return out;
}
