/** The streams of one Kinesis mock, by region and name, and how requests name them. */
import { partitionOfRegion } from '../../_internals/aws.js';
import { parseKinesisStreamArn, STREAM_NAME_PATTERN } from '../../events/kinesis/index.js';
import { readString, type JsonObject } from '../_internals/input.js';
import {
  constraintViolation,
  constraintViolations,
  invalidArgument,
  KINESIS_INPUT_ERRORS,
  kinesisError,
  streamNotFound,
} from './errors.js';
import { MockStream } from './stream.js';

/** Largest shard count of one stream the mocks accept (the default account quota is 500 or more). */
const MAX_SHARDS = 1000;
/** Shards of an on-demand stream at creation. */
export const ON_DEMAND_SHARDS = 4;

/** Every stream of one mock. */
export class StreamRegistry {
  private readonly streams = new Map<string, MockStream>();

  constructor(
    readonly account: string,
    private readonly seed: string,
  ) {}

  /** Forgets every stream (marking them deleted, so subscriptions stop). */
  clear(): void {
    for (const stream of this.streams.values()) stream.deleted = true;
    this.streams.clear();
  }

  /** Every stream, in creation order. */
  all(): MockStream[] {
    return [...this.streams.values()];
  }

  /** The stream `name` in `region`. */
  find(region: string, name: string): MockStream | undefined {
    return this.streams.get(`${region}\u0000${name}`);
  }

  /** Creates a stream; `ResourceInUseException` when it exists. */
  create(name: string, region: string, shardCount: number, nowMs: number, onDemand: boolean): MockStream {
    if (!STREAM_NAME_PATTERN.test(name)) {
      const violations: { member: string; value: string; constraint: string }[] = [];
      if (!/^[a-zA-Z0-9_.-]+$/.test(name))
        violations.push({
          member: 'streamName',
          value: `'${name}'`,
          constraint: 'must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
        });
      if (name.length < 1 || name.length > 128)
        violations.push({
          member: 'streamName',
          value: `'${name}'`,
          constraint: `must have length ${name.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 128'}`,
        });
      throw constraintViolations(violations);
    }
    if (!Number.isInteger(shardCount) || shardCount < 1)
      throw constraintViolation('shardCount', String(shardCount), 'must have value greater than or equal to 1');
    if (shardCount > MAX_SHARDS)
      throw kinesisError(
        'LimitExceededException',
        `This request would exceed the shard limit for the account ${this.account} in ${region}. Current shard count for the account: 0. Limit: ${MAX_SHARDS}.`,
      );
    if (this.find(region, name) !== undefined)
      throw kinesisError('ResourceInUseException', `Stream ${name} under account ${this.account} already exists.`);
    const stream = new MockStream(
      name,
      region,
      this.account,
      partitionOfRegion(region),
      shardCount,
      nowMs,
      this.seed,
      onDemand,
    );
    this.streams.set(`${region}\u0000${name}`, stream);
    return stream;
  }

  /** Deletes a stream. */
  delete(stream: MockStream): void {
    stream.deleted = true;
    this.streams.delete(`${stream.region}\u0000${stream.name}`);
  }

  /**
   * The stream a request names by `StreamName` (in the request's region) or `StreamARN` (whose
   * region and account win, as the SDK routes such calls to `<account>.data-kinesis.<region>` hosts).
   */
  fromRequest(input: JsonObject, region: string): MockStream {
    const name = readString(input, 'StreamName', KINESIS_INPUT_ERRORS);
    const arn = readString(input, 'StreamARN', KINESIS_INPUT_ERRORS);
    if (arn !== undefined) {
      const parts = parseKinesisStreamArn(arn);
      if (parts === undefined || !STREAM_NAME_PATTERN.test(parts.name)) {
        throw constraintViolation(
          'streamARN',
          `'${arn}'`,
          'must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+',
        );
      }
      const streamName = parts.name;
      if (name !== undefined && name !== streamName)
        throw invalidArgument(`StreamARN ${arn} and StreamName ${name} do not name the same stream.`);
      const stream = parts.account === this.account ? this.find(parts.region, streamName) : undefined;
      if (stream === undefined) throw streamNotFound(streamName, parts.account);
      return stream;
    }
    if (name === undefined) throw invalidArgument('Either StreamName or StreamARN must be provided.');
    const stream = this.find(region, name);
    if (stream === undefined) throw streamNotFound(name, this.account);
    return stream;
  }
}
