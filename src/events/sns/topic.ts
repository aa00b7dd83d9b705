/** SNS topics: names, ARNs, subscription ARNs and the regional hosts of SNS URLs. */
import {
  arn,
  assertAccount,
  assertRegion,
  parseArn,
  partitionOfRegion,
  type AwsPartition,
} from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';

/** A resolved topic. */
export interface SnsTopic {
  name: string;
  arn: string;
  region: string;
  account: string;
  partition: AwsPartition;
  /** Whether the name ends in `.fifo` (a FIFO topic). */
  fifo: boolean;
}

// 1–256 of A–Z a–z 0–9 _ -, a FIFO topic's name ending in ".fifo" (the suffix counts).
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Why `name` breaks SNS's topic naming rules, or undefined when it is valid.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
 */
export function snsTopicNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 256)
    return 'must be 1–256 characters (a FIFO topic\'s ".fifo" suffix included)';
  const base = name.endsWith('.fifo') ? name.slice(0, -5) : name;
  if (base.length === 0 || !TOPIC_NAME.test(base))
    return "may contain only A–Z, a–z, 0–9, '_' and '-' (plus a final \".fifo\" for a FIFO topic)";
  return undefined;
}

/** The topic `name` in `region`/`account`. The name must be valid (see {@link snsTopicNameProblem}). */
export function snsTopic(
  name: string,
  region: string,
  account: string,
  partition: AwsPartition = partitionOfRegion(region),
): SnsTopic {
  return {
    name,
    arn: arn(partition, 'sns', region, account, name),
    region,
    account,
    partition,
    fifo: name.endsWith('.fifo'),
  };
}

/** What a topic input may be resolved against. */
export interface SnsTopicContext {
  region?: string | undefined;
  account?: string | undefined;
  partition?: AwsPartition | undefined;
  defaultRegion: string;
  defaultAccount: string;
}

/**
 * Resolves a topic given as a name or an ARN. An ARN's region, account and partition must agree
 * with those given in `context`, and supply them when absent. Throws an EventInputError naming
 * `api` and `argument`.
 */
export function resolveSnsTopic(api: string, argument: string, input: unknown, context: SnsTopicContext): SnsTopic {
  if (typeof input !== 'string') fail(api, argument, `must be a topic name or ARN, got ${show(input)}`);
  if (input.startsWith('arn:')) {
    const parts = parseArn(input);
    if (parts === undefined || parts.service !== 'sns' || parts.resource.includes(':'))
      fail(api, argument, `${show(input)} is not a topic ARN (arn:<partition>:sns:<region>:<account>:<topic>)`);
    const region = assertRegion(api, argument, parts.region);
    const account = assertAccount(api, argument, parts.account);
    if (parts.partition !== partitionOfRegion(region))
      fail(
        api,
        argument,
        `${show(input)} has partition ${show(parts.partition)} but region ${region} is in "${partitionOfRegion(region)}"`,
      );
    if (context.region !== undefined && context.region !== region)
      fail(api, argument, `${show(input)} is in region ${region} but options.region is ${show(context.region)}`);
    if (context.account !== undefined && context.account !== account)
      fail(api, argument, `${show(input)} is in account ${account} but options.account is ${show(context.account)}`);
    const problem = snsTopicNameProblem(parts.resource);
    if (problem !== undefined)
      fail(
        api,
        argument,
        `${show(input)} names topic ${show(parts.resource)}, which breaks SNS's topic naming rules: a name ${problem}`,
      );
    return snsTopic(parts.resource, region, account, parts.partition as AwsPartition);
  }
  const problem = snsTopicNameProblem(input);
  if (problem !== undefined) fail(api, argument, `${show(input)} breaks SNS's topic naming rules: a name ${problem}`);
  const region = context.region ?? context.defaultRegion;
  return snsTopic(
    input,
    region,
    context.account ?? context.defaultAccount,
    context.partition ?? partitionOfRegion(region),
  );
}

/** The subscription ARN of `subscriptionId` (a UUID) on `topic`: `<topic ARN>:<uuid>`. */
export function snsSubscriptionArn(topicArn: string, subscriptionId: string): string {
  return `${topicArn}:${subscriptionId}`;
}

/** `https://sns.<region>.amazonaws.com` (`.amazonaws.com.cn` in the China regions): the host of SNS's URLs. */
export function snsEndpoint(region: string): string {
  return `https://sns.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/** The `SigningCertURL` of the certificate `certificateId` (32 hex) in `region`. */
export function snsSigningCertUrl(region: string, certificateId: string): string {
  return `${snsEndpoint(region)}/SimpleNotificationService-${certificateId}.pem`;
}

/** The `UnsubscribeURL` of a subscription: its ARN, not URL-encoded, as AWS writes it. */
export function snsUnsubscribeUrl(region: string, subscriptionArn: string): string {
  return `${snsEndpoint(region)}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`;
}
