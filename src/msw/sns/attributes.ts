/**
 * Topic and subscription attributes: which names SNS accepts where, their values, and the error
 * texts (a subscription attribute's error is worded `Invalid parameter: Attributes Reason: <rest>`
 * inside Subscribe, `Invalid parameter: <rest>` in SetSubscriptionAttributes).
 * @see https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html
 * @see https://docs.aws.amazon.com/sns/latest/api/API_SetSubscriptionAttributes.html
 */
import { parseArn } from '../../_internals/aws.js';
import {
  compileFilterPolicy,
  FilterPolicyError,
  type FilterPolicyApi,
  type FilterPolicyScope,
} from '../../patterns/sns.js';
import { invalidParameter, snsError } from './errors.js';
import type { SubscriptionState } from './model.js';

/** Topic attributes CreateTopic and SetTopicAttributes accept. */
const TOPIC_SETTABLE = new Set([
  'DeliveryPolicy',
  'DisplayName',
  'Policy',
  'SignatureVersion',
  'TracingConfig',
  'KmsMasterKeyId',
  'ContentBasedDeduplication',
  'ArchivePolicy',
  'FifoThroughputScope',
  'DataProtectionPolicy',
]);
/** Subscription attributes Subscribe and SetSubscriptionAttributes accept. */
const SUBSCRIPTION_SETTABLE = new Set([
  'DeliveryPolicy',
  'FilterPolicy',
  'FilterPolicyScope',
  'RawMessageDelivery',
  'RedrivePolicy',
  'SubscriptionRoleArn',
  'ReplayPolicy',
]);

/**
 * Checks one topic attribute (CreateTopic passes `creating`, with FifoTopic allowed). Throws
 * `InvalidParameter: Invalid parameter: AttributeName` for a name SNS does not know.
 */
export function checkTopicAttribute(name: string, value: string, fifo: boolean, creating: boolean): void {
  if (name === 'FifoTopic' && creating) {
    if (value !== 'true' && value !== 'false')
      throw invalidParameter('FifoTopic Reason: FifoTopic must be true or false');
    return;
  }
  if (!TOPIC_SETTABLE.has(name)) throw invalidParameter('AttributeName');
  if (name === 'SignatureVersion' && value !== '1' && value !== '2') throw invalidParameter('SignatureVersion');
  if (name === 'ContentBasedDeduplication') {
    if (!fifo)
      throw invalidParameter(
        'ContentBasedDeduplication Reason: Content based deduplication can only be set for FIFO topics',
      );
    if (value !== 'true' && value !== 'false')
      throw invalidParameter('ContentBasedDeduplication Reason: ContentBasedDeduplication must be true or false');
  }
  if (name === 'FifoThroughputScope' && (!fifo || (value !== 'Topic' && value !== 'MessageGroup')))
    throw invalidParameter('FifoThroughputScope');
  if (
    (name === 'Policy' || name === 'DeliveryPolicy' || name === 'DataProtectionPolicy' || name === 'ArchivePolicy') &&
    value !== ''
  ) {
    try {
      JSON.parse(value);
    } catch {
      throw invalidParameter(`${name}: failed to parse JSON.`);
    }
  }
}

function wording(api: FilterPolicyApi): string {
  return api === 'Subscribe' ? 'Attributes Reason: ' : '';
}

/** What a subscription's attributes amount to once validated. */
export interface SubscriptionSettings {
  policy: ReturnType<typeof compileFilterPolicy> | undefined;
  scope: FilterPolicyScope;
  raw: boolean;
  deadLetterArn: string | undefined;
}

/**
 * Validates `changes` against a subscription's current attributes (`current`) and returns the
 * settings they give, or throws SNS's error worded for `api`. Nothing is changed here.
 */
export function resolveSubscriptionAttributes(
  api: FilterPolicyApi,
  protocol: 'sqs' | 'lambda',
  fifoTopic: boolean,
  current: ReadonlyMap<string, string>,
  changes: ReadonlyMap<string, string>,
): { attributes: Map<string, string>; settings: SubscriptionSettings } {
  const w = wording(api);
  const attributes = new Map(current);
  for (const [name, value] of changes) {
    if (!SUBSCRIPTION_SETTABLE.has(name))
      throw invalidParameter(api === 'Subscribe' ? 'Attributes Reason: AttributeName' : 'AttributeName');
    if (name === 'RawMessageDelivery') {
      const lower = value.toLowerCase();
      if (lower !== 'true' && lower !== 'false')
        throw invalidParameter(`${w}RawMessageDelivery: Invalid value [${value}]. Must be true or false.`);
      if (protocol === 'lambda')
        throw invalidParameter(`${w}Delivery protocol [lambda] does not support raw message delivery attribute`);
      attributes.set(name, lower);
      continue;
    }
    if ((name === 'FilterPolicy' || name === 'RedrivePolicy' || name === 'DeliveryPolicy') && value === '') {
      attributes.delete(name);
      continue;
    }
    attributes.set(name, value);
  }
  const scopeText = attributes.get('FilterPolicyScope') ?? 'MessageAttributes';
  if (scopeText !== 'MessageAttributes' && scopeText !== 'MessageBody') {
    throw invalidParameter(
      `${w}FilterPolicyScope: Invalid value [${scopeText}]. Please use either MessageBody or MessageAttributes`,
    );
  }
  const scope = scopeText as FilterPolicyScope;
  let policy: SubscriptionSettings['policy'];
  const policyText = attributes.get('FilterPolicy');
  if (policyText !== undefined) {
    try {
      policy = compileFilterPolicy(policyText, { scope, api });
    } catch (error) {
      if (error instanceof FilterPolicyError) throw snsError('InvalidParameter', error.message);
      throw error;
    }
    // "" and "{}" remove the policy.
    if (!policy.active) {
      attributes.delete('FilterPolicy');
      policy = undefined;
    }
  }
  let deadLetterArn: string | undefined;
  const redrive = attributes.get('RedrivePolicy');
  if (redrive !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(redrive);
    } catch {
      throw invalidParameter(`${w}RedrivePolicy: failed to parse JSON.`);
    }
    const target =
      parsed !== null && typeof parsed === 'object'
        ? (parsed as Record<string, unknown>)['deadLetterTargetArn']
        : undefined;
    const arn = typeof target === 'string' ? parseArn(target) : undefined;
    if (arn === undefined || arn.service !== 'sqs' || arn.resource === '')
      throw invalidParameter(`${w}RedrivePolicy: deadLetterTargetArn is an invalid arn`);
    if (fifoTopic && protocol === 'sqs' && !arn.resource.endsWith('.fifo'))
      throw invalidParameter(
        `${w}RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.`,
      );
    deadLetterArn = target as string;
  }
  return {
    attributes,
    settings: { policy, scope, raw: attributes.get('RawMessageDelivery') === 'true', deadLetterArn },
  };
}

/** Applies validated settings to a subscription. */
export function applySubscriptionSettings(
  subscription: SubscriptionState,
  attributes: Map<string, string>,
  settings: SubscriptionSettings,
): void {
  subscription.attributes.clear();
  for (const [k, v] of attributes) subscription.attributes.set(k, v);
  subscription.policy = settings.policy;
  subscription.scope = settings.scope;
  subscription.raw = settings.raw;
  subscription.deadLetterArn = settings.deadLetterArn;
}
