/** The options every factory shares, and their one resolver. */
import {
  assertAccount,
  assertRegion,
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  resolvePartition,
  resolveTime,
  type AwsPartition,
} from './aws.js';
import { fail, show } from './errors.js';
import type { DeepPartial } from './overrides.js';
import { createRandom, type Random } from './random.js';

/** Options shared by every factory. */
export interface CommonOptions<TEvent> {
  /**
   * The AWS region of the event and of every ARN in it.
   * @defaultValue `"us-east-1"`
   */
  region?: string;
  /**
   * The 12-digit AWS account id used in ARNs.
   * @defaultValue `"123456789012"`
   */
  account?: string;
  /**
   * The partition of ARNs; must agree with the region.
   * @defaultValue derived from the region (`aws`, `aws-cn` or `aws-us-gov`)
   */
  partition?: AwsPartition;
  /**
   * Seed of the generated ids (message ids, request ids, sequence numbers …).
   * The same call with the same seed returns the same event in every process.
   * @defaultValue `0`
   */
  seed?: number | string;
  /**
   * The event's "now": a Date, an ISO-8601 string or epoch milliseconds.
   * @defaultValue `2026-01-15T12:30:45.123Z`, a fixed instant
   */
  time?: Date | string | number;
  /**
   * Raw fields applied last, after every derived field: the escape hatch for anything,
   * including a deliberately broken event. Arrays and map-like objects (`Records`,
   * `messageAttributes`, `Keys`, `NewImage`, `OldImage`, …) are replaced whole; other
   * objects are merged field by field.
   */
  overrides?: DeepPartial<TEvent>;
}

/** {@link CommonOptions} after validation and defaults. */
export interface ResolvedCommon {
  region: string;
  account: string;
  partition: AwsPartition;
  time: Date;
  seed: number | string;
  /** A Random for one purpose (`stream`) of this call. */
  random(stream: string): Random;
}

/** Validates the shared options; errors name `api` and the option. */
export function resolveCommon(api: string, options: CommonOptions<unknown> | undefined): ResolvedCommon {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    fail(api, 'options', `must be an object, got ${show(options)}`);
  }
  const region = options?.region === undefined ? DEFAULT_REGION : assertRegion(api, 'options.region', options.region);
  const account =
    options?.account === undefined ? DEFAULT_ACCOUNT : assertAccount(api, 'options.account', options.account);
  const partition = resolvePartition(api, region, options?.partition);
  const time = resolveTime(api, 'options.time', options?.time);
  const seed = options?.seed ?? 0;
  if (typeof seed !== 'number' && typeof seed !== 'string')
    fail(api, 'options.seed', `must be a number or a string, got ${show(seed)}`);
  return new Common(region, account, partition, time, seed);
}

// A class, so that `random` is one prototype method rather than a closure allocated per call.
class Common implements ResolvedCommon {
  region: string;
  account: string;
  partition: AwsPartition;
  time: Date;
  seed: number | string;

  constructor(region: string, account: string, partition: AwsPartition, time: Date, seed: number | string) {
    this.region = region;
    this.account = account;
    this.partition = partition;
    this.time = time;
    this.seed = seed;
  }

  random(stream: string): Random {
    return createRandom(this.seed, stream);
  }
}
