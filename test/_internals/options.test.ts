import { describe, expect, it } from 'vitest';
import {
  arn,
  assertAccount,
  assertRegion,
  isoMillis,
  isoSeconds,
  parseArn,
  partitionOfRegion,
  resolveTime,
} from '../../src/_internals/aws.js';
import { EventInputError } from '../../src/_internals/errors.js';
import { resolveCommon } from '../../src/_internals/options.js';

describe('resolveCommon', () => {
  it('fills documented defaults', () => {
    const c = resolveCommon('makeX', undefined);
    expect(c).toMatchObject({ region: 'us-east-1', account: '123456789012', partition: 'aws', seed: 0 });
    expect(c.time.toISOString()).toBe('2026-01-15T12:30:45.123Z');
  });

  it('derives the partition from the region', () => {
    expect(resolveCommon('makeX', { region: 'cn-north-1' }).partition).toBe('aws-cn');
    expect(resolveCommon('makeX', { region: 'us-gov-west-1' }).partition).toBe('aws-us-gov');
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
  });

  it.each([
    [{ region: 'US-EAST-1' }, /makeX: options.region "US-EAST-1" is not an AWS region code/],
    [{ region: 'useast1' }, /options.region/],
    [{ account: '12345' }, /makeX: options.account "12345" is not an AWS account id \(exactly 12 digits/],
    [{ account: 123456789012 }, /options.account 123456789012 is not an AWS account id/],
    [{ partition: 'aws-cn', region: 'us-east-1' }, /options.partition "aws-cn" does not match region "us-east-1"/],
    [{ partition: 'azure' }, /options.partition "azure" is not an AWS partition/],
    [{ time: 'yesterday' }, /options.time "yesterday" is not a valid time/],
    [{ seed: {} }, /options.seed must be a number or a string/],
  ])('rejects %j with a message naming the option and the rule', (options, message) => {
    expect(() => resolveCommon('makeX', options as never)).toThrow(EventInputError);
    expect(() => resolveCommon('makeX', options as never)).toThrow(message);
  });
});

describe('AWS formats', () => {
  it('accepts real region codes', () => {
    for (const region of [
      'us-east-1',
      'ap-southeast-5',
      'eu-central-2',
      'cn-northwest-1',
      'us-gov-east-1',
      'us-isob-east-1',
      'il-central-1',
    ]) {
      expect(assertRegion('t', 'region', region)).toBe(region);
    }
  });

  it('accepts only 12-digit account strings', () => {
    expect(assertAccount('t', 'a', '000000000000')).toBe('000000000000');
    expect(() => assertAccount('t', 'a', '1234567890123')).toThrow(/exactly 12 digits/);
  });

  it('builds and parses ARNs', () => {
    const text = arn('aws', 'sqs', 'eu-west-1', '111122223333', 'orders.fifo');
    expect(text).toBe('arn:aws:sqs:eu-west-1:111122223333:orders.fifo');
    expect(parseArn(text)).toEqual({
      partition: 'aws',
      service: 'sqs',
      region: 'eu-west-1',
      account: '111122223333',
      resource: 'orders.fifo',
    });
    expect(parseArn('arn:aws:s3:::bucket')).toMatchObject({ region: '', account: '', resource: 'bucket' });
    expect(parseArn('not-an-arn')).toBeUndefined();
  });

  it('formats times as each source does', () => {
    const t = resolveTime('t', 'time', '2023-04-12T20:43:38.021Z');
    expect(isoMillis(t)).toBe('2023-04-12T20:43:38.021Z');
    expect(isoSeconds(t)).toBe('2023-04-12T20:43:38Z');
    expect(resolveTime('t', 'time', 0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
});
