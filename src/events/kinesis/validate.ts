/** Input rules of Kinesis records and streams, from the Kinesis and Lambda API references. */
import { arn, parseArn, type AwsPartition } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import { ONE_MIB, utf8Length } from '../../_internals/limits.js';

/** Stream names: 1 to 128 of `[a-zA-Z0-9_.-]` (CreateStream `StreamName`). */
export const STREAM_NAME_PATTERN = /^[a-zA-Z0-9_.-]{1,128}$/;
/** Partition keys: 1 to 256 Unicode characters (PutRecord `PartitionKey`). */
export const MAX_PARTITION_KEY_LENGTH = 256;
/** A record's data bytes plus its partition key's UTF-8 bytes may not exceed 1 MiB (PutRecord). */
export const MAX_RECORD_SIZE = ONE_MIB;
/** Lambda's largest Kinesis batch (`BatchSize` maximum). */
export const MAX_KINESIS_BATCH_RECORDS = 10_000;
/** IAM role names: 1 to 64 of `[\w+=,.@-]`. */
const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

/** Throws unless `name` follows the stream naming rules. */
export function assertStreamName(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string' || !STREAM_NAME_PATTERN.test(name)) {
    fail(
      api,
      argument,
      `${show(name)} breaks Kinesis stream naming rules: 1 to 128 characters of letters, digits, '_', '.' and '-'`,
    );
  }
  return name;
}

/**
 * A partition key's length as the Kinesis API counts it: Unicode characters (code points). Only
 * keys over 256 UTF-16 units need the slow count; shorter ones report their UTF-16 length, which
 * decides the 1-to-256 rule just as well.
 */
export function partitionKeyLength(key: string): number {
  return key.length <= MAX_PARTITION_KEY_LENGTH ? key.length : [...key].length;
}

/** Throws unless `key` is a partition key of 1 to 256 characters. Returns its UTF-8 size. */
export function assertPartitionKey(api: string, argument: string, key: unknown): number {
  if (typeof key !== 'string') fail(api, argument, `must be a string (a Kinesis partition key), got ${show(key)}`);
  const length = partitionKeyLength(key);
  if (length === 0) fail(api, argument, 'must not be empty: Kinesis partition keys are 1 to 256 characters');
  if (length > MAX_PARTITION_KEY_LENGTH)
    fail(api, argument, `is ${length} characters long, over the 256-character limit of Kinesis partition keys`);
  return utf8Length(key);
}

/** Throws when data plus partition key exceed the 1 MiB record limit. */
export function assertRecordSize(api: string, argument: string, dataBytes: number, partitionKeyBytes: number): void {
  if (dataBytes + partitionKeyBytes > MAX_RECORD_SIZE) {
    fail(
      api,
      argument,
      `is ${dataBytes} bytes, which with the ${partitionKeyBytes}-byte partition key exceeds Kinesis's 1 MiB (${MAX_RECORD_SIZE} bytes) record limit`,
    );
  }
}

/**
 * Parses a Kinesis stream ARN (`arn:<partition>:kinesis:<region>:<account>:stream/<name>`), or
 * returns undefined when `text` is not one. Does not validate the name, region or account.
 * @example parseKinesisStreamArn('arn:aws:kinesis:us-east-1:123456789012:stream/orders')?.name // 'orders'
 */
export function parseKinesisStreamArn(
  text: string,
): { partition: string; region: string; account: string; name: string } | undefined {
  const parsed = parseArn(text);
  if (
    parsed === undefined ||
    parsed.service !== 'kinesis' ||
    !parsed.resource.startsWith('stream/') ||
    parsed.resource.length === 'stream/'.length
  )
    return undefined;
  return {
    partition: parsed.partition,
    region: parsed.region,
    account: parsed.account,
    name: parsed.resource.slice('stream/'.length),
  };
}

/** A stream given by name or ARN, resolved against the call's region, account and partition. */
export interface ResolvedStream {
  name: string;
  region: string;
  account: string;
  partition: AwsPartition;
}

/**
 * Resolves a `stream` option (a name or a stream ARN). An ARN supplies region, account and
 * partition; they must agree with the ones given explicitly (`explicit` holds only options the
 * caller set).
 */
export function resolveStream(
  api: string,
  argument: string,
  stream: unknown,
  defaults: { region: string; account: string; partition: AwsPartition },
  explicit: { region?: string | undefined; account?: string | undefined; partition?: string | undefined },
): ResolvedStream {
  if (typeof stream === 'string' && stream.startsWith('arn:')) {
    const parsed = parseKinesisStreamArn(stream);
    if (parsed === undefined)
      fail(
        api,
        argument,
        `${show(stream)} is not a Kinesis stream ARN (arn:<partition>:kinesis:<region>:<account>:stream/<name>)`,
      );
    const name = assertStreamName(api, argument, parsed.name);
    const checks = [
      ['region', parsed.region],
      ['account', parsed.account],
      ['partition', parsed.partition],
    ] as const;
    for (const [key, value] of checks) {
      const given = explicit[key];
      if (given !== undefined && given !== value)
        fail(api, argument, `${show(stream)} is in ${key} ${show(value)}, but options.${key} is ${show(given)}`);
    }
    if (!/^\d{12}$/.test(parsed.account))
      fail(api, argument, `${show(stream)} has account ${show(parsed.account)}, not 12 digits`);
    if (parsed.partition !== 'aws' && parsed.partition !== 'aws-cn' && parsed.partition !== 'aws-us-gov')
      fail(api, argument, `${show(stream)} has an unknown partition ${show(parsed.partition)}`);
    return { name, region: parsed.region, account: parsed.account, partition: parsed.partition };
  }
  return { name: assertStreamName(api, argument, stream), ...defaults };
}

/** Resolves a role given by name or IAM role ARN to the role ARN Lambda puts in `invokeIdentityArn`. */
export function resolveRoleArn(
  api: string,
  argument: string,
  role: unknown,
  partition: AwsPartition,
  account: string,
): string {
  if (typeof role === 'string' && role.startsWith('arn:')) {
    assertRoleArn(api, argument, role);
    return role;
  }
  if (typeof role !== 'string' || !ROLE_NAME_PATTERN.test(role))
    fail(
      api,
      argument,
      `${show(role)} is neither an IAM role ARN nor a role name (1 to 64 characters of letters, digits and +=,.@_-)`,
    );
  return arn(partition, 'iam', '', account, `role/${role}`);
}

/** Throws unless `value` is an IAM role ARN (`arn:aws:iam::123456789012:role/name`, paths allowed). */
export function assertRoleArn(api: string, argument: string, value: unknown): string {
  if (
    typeof value !== 'string' ||
    !/^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/.test(value)
  ) {
    fail(api, argument, `${show(value)} is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)`);
  }
  return value;
}
