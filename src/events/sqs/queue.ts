/** SQS queues: names, ARNs, URLs. */
import {
  arn,
  assertAccount,
  assertRegion,
  parseArn,
  resolvePartition,
  type AwsPartition,
} from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { SQS_MAX_QUEUE_NAME_LENGTH } from './limits.js';

/** A queue, resolved: everything the record mapper needs about it. */
export interface SqsQueue {
  /** The queue name, e.g. `orders` or `orders.fifo`. */
  readonly name: string;
  /** Whether the queue is FIFO (its name ends in `.fifo`). */
  readonly fifo: boolean;
  readonly region: string;
  readonly account: string;
  readonly partition: AwsPartition;
  /** `arn:<partition>:sqs:<region>:<account>:<name>`. */
  readonly arn: string;
  /** `https://sqs.<region>.amazonaws.com[.cn]/<account>/<name>`. */
  readonly url: string;
}

const STANDARD_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;
// https://sqs.<region>.amazonaws.com[.cn]/<account>/<name> and the legacy https://<region>.queue.amazonaws.com/… form.
const HTTP_URL = /^https?:/;
const QUEUE_URL =
  /^https?:\/\/(?:sqs\.([a-z0-9-]+)|([a-z0-9-]+)\.queue)\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([^/?#]+)$/;

/** Why `name` breaks SQS's queue naming rules, or undefined when it is valid. */
export function sqsQueueNameProblem(name: string): string | undefined {
  if (STANDARD_NAME.test(name) || FIFO_NAME.test(name)) return undefined;
  if (name.length === 0) return 'must not be empty';
  if (name.length > SQS_MAX_QUEUE_NAME_LENGTH)
    return `is ${name.length} characters; SQS allows 1–80 (including ".fifo")`;
  if (name.endsWith('.fifo'))
    return name === '.fifo'
      ? 'needs at least one character before ".fifo"'
      : "may contain only A–Z, a–z, 0–9, '-' and '_' before the \".fifo\" suffix";
  return "may contain only A–Z, a–z, 0–9, '-' and '_' (a '.' is allowed only in the \".fifo\" suffix of a FIFO queue)";
}

/** Whether `name` is a valid SQS queue name (1–80 chars of `[A-Za-z0-9_-]`, FIFO names ending in `.fifo`). */
export function isSqsQueueName(name: string): boolean {
  return typeof name === 'string' && (STANDARD_NAME.test(name) || FIFO_NAME.test(name));
}

/** Throws unless `name` is a valid SQS queue name. */
function assertSqsQueueName(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string') fail(api, argument, `must be a queue name or ARN string, got ${show(name)}`);
  const problem = sqsQueueNameProblem(name);
  if (problem !== undefined)
    fail(api, argument, `${show(name)} breaks SQS's queue naming rules: a queue name ${problem}`);
  return name;
}

/** `arn:<partition>:sqs:<region>:<account>:<name>`. */
export function sqsQueueArn(partition: string, region: string, account: string, name: string): string {
  return arn(partition, 'sqs', region, account, name);
}

/** The queue URL the SQS API uses: `https://sqs.<region>.amazonaws.com/<account>/<name>` (`.com.cn` in China). */
export function sqsQueueUrl(region: string, account: string, name: string): string {
  return `https://sqs.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/${account}/${name}`;
}

/** Parses an SQS queue ARN, or returns undefined when `text` is not one. Does not validate the name. */
export function parseSqsQueueArn(
  text: string,
): { partition: string; region: string; account: string; name: string } | undefined {
  const parsed = parseArn(text);
  if (parsed === undefined || parsed.service !== 'sqs') return undefined;
  return { partition: parsed.partition, region: parsed.region, account: parsed.account, name: parsed.resource };
}

/** Parses an SQS queue URL (regional or legacy form), or returns undefined when `text` is not one. */
export function parseSqsQueueUrl(text: string): { region: string; account: string; name: string } | undefined {
  const match = QUEUE_URL.exec(text);
  if (match === null) return undefined;
  return { region: (match[1] ?? match[2]) as string, account: match[3] as string, name: match[4] as string };
}

/**
 * Builds an {@link SqsQueue} from already validated parts.
 * @example sqsQueue('orders.fifo', 'eu-west-1', '123456789012', 'aws').arn // 'arn:aws:sqs:eu-west-1:123456789012:orders.fifo'
 */
export function sqsQueue(name: string, region: string, account: string, partition: AwsPartition): SqsQueue {
  return {
    name,
    fifo: name.endsWith('.fifo'),
    region,
    account,
    partition,
    arn: sqsQueueArn(partition, region, account, name),
    url: sqsQueueUrl(region, account, name),
  };
}

/** What {@link resolveSqsQueue} needs besides the queue. */
export interface SqsQueueContext {
  /** Region given by the caller (or undefined to take the ARN's or the default). */
  region?: string | undefined;
  account?: string | undefined;
  partition?: AwsPartition | undefined;
  /** Used when neither the queue nor the caller gives a region/account. */
  defaultRegion: string;
  defaultAccount: string;
}

/**
 * Resolves a queue given as a name, an ARN or a URL. An ARN's or URL's region and account must
 * agree with `context.region` / `context.account` when those are given, and supply them when not.
 * Throws an EventInputError naming `api` and `argument` otherwise.
 */
export function resolveSqsQueue(api: string, argument: string, queue: unknown, context: SqsQueueContext): SqsQueue {
  if (typeof queue !== 'string') fail(api, argument, `must be a queue name, ARN or URL string, got ${show(queue)}`);
  let name = queue;
  let region = context.region;
  let account = context.account;
  let partition = context.partition;
  const fromArn = queue.startsWith('arn:') ? parseSqsQueueArn(queue) : undefined;
  const fromUrl = fromArn === undefined && HTTP_URL.test(queue) ? parseSqsQueueUrl(queue) : undefined;
  if (queue.startsWith('arn:') && fromArn === undefined)
    fail(api, argument, `${show(queue)} is not an SQS queue ARN (arn:<partition>:sqs:<region>:<account>:<name>)`);
  if (HTTP_URL.test(queue) && fromUrl === undefined)
    fail(api, argument, `${show(queue)} is not an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>)`);
  const parsed = fromArn ?? fromUrl;
  if (parsed !== undefined) {
    name = parsed.name;
    assertRegion(api, `${argument} (region)`, parsed.region);
    assertAccount(api, `${argument} (account)`, parsed.account);
    if (region !== undefined && region !== parsed.region)
      fail(api, argument, `names region ${show(parsed.region)} but options.region is ${show(region)}; they must agree`);
    if (account !== undefined && account !== parsed.account)
      fail(
        api,
        argument,
        `names account ${show(parsed.account)} but options.account is ${show(account)}; they must agree`,
      );
    region = parsed.region;
    account = parsed.account;
    if (fromArn !== undefined) {
      if (partition !== undefined && partition !== fromArn.partition)
        fail(
          api,
          argument,
          `names partition ${show(fromArn.partition)} but options.partition is ${show(partition)}; they must agree`,
        );
      partition = resolvePartition(api, region, fromArn.partition);
    }
  }
  assertSqsQueueName(api, argument, name);
  const finalRegion = region ?? context.defaultRegion;
  return sqsQueue(name, finalRegion, account ?? context.defaultAccount, resolvePartition(api, finalRegion, partition));
}
