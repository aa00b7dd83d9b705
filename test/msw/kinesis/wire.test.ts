/** Kinesis JSON 1.1 through the real `@aws-sdk/client-kinesis`. */
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  InvalidArgumentException,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  ValidationException,
  type GetRecordsCommandOutput,
} from '@aws-sdk/client-kinesis';
import { http } from 'msw';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareKinesisSequenceNumbers, decodeKinesisSequenceNumber } from '../../../src/events/kinesis/index.js';
import { createAwsMocks } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { kinesisClient, rawKinesis } from './_clients.js';

const harness = useAwsMocks();
const { mocks } = harness;
const kinesis = kinesisClient();
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

/** The shard AWS would pick: the MD5 of the key as a 128-bit unsigned integer, in the shard's range. */
function expectedShard(
  partitionKey: string,
  shards: readonly { shardId: string; startingHashKey: string; endingHashKey: string }[],
): string {
  const hash = BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
  return (
    shards.find((s) => BigInt(s.startingHashKey) <= hash && hash <= BigInt(s.endingHashKey)) as { shardId: string }
  ).shardId;
}

describe('streams and shards', () => {
  it('CreateStream splits the 128-bit hash key space evenly, as DescribeStream and ListShards report', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'orders', ShardCount: 3 }));
    const { StreamDescription } = await kinesis.send(new DescribeStreamCommand({ StreamName: 'orders' }));
    expect(StreamDescription?.StreamStatus).toBe('ACTIVE');
    expect(StreamDescription?.StreamARN).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/orders');
    expect(StreamDescription?.StreamCreationTimestamp).toEqual(mocks.clock.now());
    const ranges = StreamDescription?.Shards?.map((s) => [
      s.ShardId,
      s.HashKeyRange?.StartingHashKey,
      s.HashKeyRange?.EndingHashKey,
    ]);
    // The ranges a real 3-shard stream has.
    expect(ranges).toEqual([
      ['shardId-000000000000', '0', '113427455640312821154458202477256070484'],
      ['shardId-000000000001', '113427455640312821154458202477256070485', '226854911280625642308916404954512140969'],
      ['shardId-000000000002', '226854911280625642308916404954512140970', '340282366920938463463374607431768211455'],
    ]);
    const listed = await kinesis.send(new ListShardsCommand({ StreamName: 'orders' }));
    expect(listed.Shards?.map((s) => s.ShardId)).toEqual(ranges?.map((r) => r[0]));
    const paged = await kinesis.send(new ListShardsCommand({ StreamName: 'orders', MaxResults: 2 }));
    expect(paged.Shards).toHaveLength(2);
    const rest = await kinesis.send(new ListShardsCommand({ NextToken: paged.NextToken }));
    expect(rest.Shards?.map((s) => s.ShardId)).toEqual(['shardId-000000000002']);
    expect(rest.NextToken).toBeUndefined();
    const summary = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'orders' }));
    expect(summary.StreamDescriptionSummary?.OpenShardCount).toBe(3);
  });

  it('a stream without ShardCount is on-demand with 4 shards; a second CreateStream is ResourceInUseException', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'auto' }));
    const { StreamDescriptionSummary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'auto' }));
    expect(StreamDescriptionSummary?.StreamModeDetails?.StreamMode).toBe('ON_DEMAND');
    expect(StreamDescriptionSummary?.OpenShardCount).toBe(4);
    await expect(kinesis.send(new CreateStreamCommand({ StreamName: 'auto', ShardCount: 1 }))).rejects.toBeInstanceOf(
      ResourceInUseException,
    );
  });

  it('an unknown stream is ResourceNotFoundException, by name and by ARN', async () => {
    const byName = await kinesis
      .send(new PutRecordCommand({ StreamName: 'nope', Data: new Uint8Array([1]), PartitionKey: 'k' }))
      .catch((e: unknown) => e);
    expect(byName).toBeInstanceOf(ResourceNotFoundException);
    expect((byName as Error).message).toBe('Stream nope under account 123456789012 not found.');
    const byArn = await kinesis
      .send(new ListShardsCommand({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/nope' }))
      .catch((e: unknown) => e);
    expect(byArn).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('writing', () => {
  it('PutRecord maps partition keys to shards by MD5, and ExplicitHashKey overrides it', async () => {
    const info = mocks.kinesis.createStream('clicks', { shardCount: 4 });
    for (let i = 0; i < 40; i++) {
      const key = `user-${i}`;
      const out = await kinesis.send(
        new PutRecordCommand({ StreamName: 'clicks', Data: new TextEncoder().encode(`click ${i}`), PartitionKey: key }),
      );
      expect(out.ShardId).toBe(expectedShard(key, info.shards));
    }
    const explicit = await kinesis.send(
      new PutRecordCommand({
        StreamName: 'clicks',
        Data: new Uint8Array([1]),
        PartitionKey: 'user-0',
        ExplicitHashKey: info.shards[3]?.startingHashKey,
      }),
    );
    expect(explicit.ShardId).toBe('shardId-000000000003');
    const last = await kinesis.send(
      new PutRecordCommand({
        StreamName: 'clicks',
        Data: new Uint8Array([1]),
        PartitionKey: 'k',
        ExplicitHashKey: ((1n << 128n) - 1n).toString(),
      }),
    );
    expect(last.ShardId).toBe('shardId-000000000003');
    const over = await kinesis
      .send(
        new PutRecordCommand({
          StreamName: 'clicks',
          Data: new Uint8Array([1]),
          PartitionKey: 'k',
          ExplicitHashKey: (1n << 128n).toString(),
        }),
      )
      .catch((e: unknown) => e);
    expect(over).toBeInstanceOf(InvalidArgumentException);
  });

  it('PutRecords of 500 records: per-shard sequence numbers strictly increase and embed the shard and time', async () => {
    const info = mocks.kinesis.createStream('bulk', { shardCount: 2 });
    const Records = Array.from({ length: 500 }, (_, i) => ({
      Data: new TextEncoder().encode(`r${i}`),
      PartitionKey: `pk-${i % 37}`,
    }));
    const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'bulk', Records }));
    expect(out.FailedRecordCount).toBe(0);
    expect(out.Records).toHaveLength(500);
    const last = new Map<string, string>();
    out.Records?.forEach((r, i) => {
      expect(r.ShardId).toBe(expectedShard(`pk-${i % 37}`, info.shards));
      const previous = last.get(r.ShardId as string);
      if (previous !== undefined)
        expect(compareKinesisSequenceNumbers(r.SequenceNumber as string, previous)).toBeGreaterThan(0);
      last.set(r.ShardId as string, r.SequenceNumber as string);
      const decoded = decodeKinesisSequenceNumber(r.SequenceNumber as string);
      expect(decoded?.shardIndex).toBe(Number((r.ShardId as string).slice(-1)));
      expect(decoded?.timestampSeconds).toBe(Math.floor(mocks.clock.now().getTime() / 1000));
    });
    const stored = mocks.kinesis.records('bulk');
    expect(stored).toHaveLength(500);
    expect(new Set(stored.map((r) => r.sequenceNumber))).toEqual(new Set(out.Records?.map((r) => r.SequenceNumber)));
  });

  it('stream-ARN calls go to the account-specific data-kinesis / control-kinesis hosts and are answered', async () => {
    const info = mocks.kinesis.createStream('by-arn', { shardCount: 1 });
    const hosts: string[] = [];
    harness.server.use(http.all(/.*/, ({ request }) => void hosts.push(new URL(request.url).host)));
    const put = await kinesis.send(
      new PutRecordCommand({ StreamARN: info.arn, Data: new TextEncoder().encode('x'), PartitionKey: 'k' }),
    );
    await kinesis.send(new ListShardsCommand({ StreamARN: info.arn }));
    const it = await kinesis.send(
      new GetShardIteratorCommand({ StreamARN: info.arn, ShardId: put.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const got = await kinesis.send(new GetRecordsCommand({ StreamARN: info.arn, ShardIterator: it.ShardIterator }));
    expect(text(got.Records?.[0]?.Data)).toBe('x');
    harness.server.resetHandlers();
    expect(hosts).toEqual([
      '123456789012.data-kinesis.us-east-1.amazonaws.com',
      '123456789012.control-kinesis.us-east-1.amazonaws.com',
      '123456789012.data-kinesis.us-east-1.amazonaws.com',
      '123456789012.data-kinesis.us-east-1.amazonaws.com',
    ]);
  });
});

describe('reading', () => {
  async function iterator(
    input: Omit<ConstructorParameters<typeof GetShardIteratorCommand>[0], 'StreamName'>,
  ): Promise<string> {
    const out = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'reads', ...input }));
    return out.ShardIterator as string;
  }

  it('every iterator type, Limit, NextShardIterator and MillisBehindLatest', async () => {
    mocks.kinesis.createStream('reads', { shardCount: 1 });
    const seqs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const out = await kinesis.send(
        new PutRecordCommand({ StreamName: 'reads', Data: new TextEncoder().encode(`m${i}`), PartitionKey: 'k' }),
      );
      seqs.push(out.SequenceNumber as string);
      mocks.clock.advance(1000);
    }
    const ShardId = 'shardId-000000000000';
    const first = await kinesis.send(
      new GetRecordsCommand({
        ShardIterator: await iterator({ ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
        Limit: 2,
      }),
    );
    expect(first.Records?.map((r) => text(r.Data))).toEqual(['m0', 'm1']);
    expect(first.Records?.[0]?.ApproximateArrivalTimestamp).toEqual(new Date(mocks.clock.now().getTime() - 5000));
    expect(first.Records?.[0]?.PartitionKey).toBe('k');
    // Behind by the age of the next unread record (m2, written 3 s ago).
    expect(first.MillisBehindLatest).toBe(3000);
    const second: GetRecordsCommandOutput = await kinesis.send(
      new GetRecordsCommand({ ShardIterator: first.NextShardIterator }),
    );
    expect(second.Records?.map((r) => text(r.Data))).toEqual(['m2', 'm3', 'm4']);
    expect(second.MillisBehindLatest).toBe(0);
    const empty = await kinesis.send(new GetRecordsCommand({ ShardIterator: second.NextShardIterator }));
    expect(empty.Records).toEqual([]);
    expect(empty.NextShardIterator).toBeTypeOf('string');

    const at = await kinesis.send(
      new GetRecordsCommand({
        ShardIterator: await iterator({
          ShardId,
          ShardIteratorType: 'AT_SEQUENCE_NUMBER',
          StartingSequenceNumber: seqs[2],
        }),
      }),
    );
    expect(at.Records?.map((r) => text(r.Data))).toEqual(['m2', 'm3', 'm4']);
    const after = await kinesis.send(
      new GetRecordsCommand({
        ShardIterator: await iterator({
          ShardId,
          ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
          StartingSequenceNumber: seqs[2],
        }),
      }),
    );
    expect(after.Records?.map((r) => text(r.Data))).toEqual(['m3', 'm4']);
    const start = mocks.clock.now().getTime() - 5000;
    const byTime = await kinesis.send(
      new GetRecordsCommand({
        ShardIterator: await iterator({
          ShardId,
          ShardIteratorType: 'AT_TIMESTAMP',
          Timestamp: new Date(start + 1500),
        }),
      }),
    );
    expect(byTime.Records?.map((r) => text(r.Data))).toEqual(['m2', 'm3', 'm4']);

    const latest = await iterator({ ShardId, ShardIteratorType: 'LATEST' });
    await kinesis.send(
      new PutRecordCommand({ StreamName: 'reads', Data: new TextEncoder().encode('new'), PartitionKey: 'k' }),
    );
    const fresh = await kinesis.send(new GetRecordsCommand({ ShardIterator: latest }));
    expect(fresh.Records?.map((r) => text(r.Data))).toEqual(['new']);
  });

  it('iterators expire after 5 virtual minutes; a foreign sequence number or iterator is InvalidArgumentException', async () => {
    mocks.kinesis.createStream('reads', { shardCount: 1 });
    const ShardId = 'shardId-000000000000';
    const it = await iterator({ ShardId, ShardIteratorType: 'TRIM_HORIZON' });
    mocks.clock.advance(5 * 60 * 1000 + 1);
    await expect(kinesis.send(new GetRecordsCommand({ ShardIterator: it }))).rejects.toBeInstanceOf(
      ExpiredIteratorException,
    );
    await expect(
      iterator({
        ShardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        StartingSequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      }),
    ).rejects.toBeInstanceOf(InvalidArgumentException);
    await expect(kinesis.send(new GetRecordsCommand({ ShardIterator: 'not-an-iterator' }))).rejects.toBeInstanceOf(
      InvalidArgumentException,
    );
    await expect(iterator({ ShardId: 'shardId-000000000009', ShardIteratorType: 'LATEST' })).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe('malformed requests get the AWS error type and status', () => {
  it('over the limits: a record over 1 MiB, more than 500 records, a partition key over 256 characters', async () => {
    mocks.kinesis.createStream('limits', { shardCount: 1 });
    const big = await kinesis
      .send(new PutRecordCommand({ StreamName: 'limits', Data: new Uint8Array(1024 * 1024 + 1), PartitionKey: 'k' }))
      .catch((e: unknown) => e);
    expect(big).toBeInstanceOf(ValidationException);
    expect((big as ValidationException).$metadata.httpStatusCode).toBe(400);
    expect((big as Error).message).toMatch(
      /^1 validation error detected: .* at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576$/,
    );
    const records = Array.from({ length: 501 }, () => ({ Data: new Uint8Array([1]), PartitionKey: 'k' }));
    await expect(
      kinesis.send(new PutRecordsCommand({ StreamName: 'limits', Records: records })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      kinesis.send(
        new PutRecordCommand({ StreamName: 'limits', Data: new Uint8Array([1]), PartitionKey: 'k'.repeat(257) }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
    // Exactly at the limit is fine: 1 MiB of data and key together.
    await kinesis.send(
      new PutRecordCommand({ StreamName: 'limits', Data: new Uint8Array(1024 * 1024 - 1), PartitionKey: 'k' }),
    );
    // A PutRecords with one bad record writes nothing.
    await expect(
      kinesis.send(
        new PutRecordsCommand({
          StreamName: 'limits',
          Records: [
            { Data: new Uint8Array([1]), PartitionKey: 'k' },
            { Data: new Uint8Array([1]), PartitionKey: '' },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
    expect(mocks.kinesis.records('limits')).toHaveLength(1);
  });

  it('bad JSON, wrong member types and missing members', async () => {
    mocks.kinesis.createStream('raw', { shardCount: 1 });
    expect(await rawKinesis('PutRecord', '{"StreamName":')).toMatchObject({
      status: 400,
      json: { __type: 'SerializationException' },
    });
    expect(await rawKinesis('PutRecord', '{"StreamName":"raw","Data":"AQ==","PartitionKey":7}')).toMatchObject({
      status: 400,
      json: { __type: 'SerializationException' },
    });
    expect(await rawKinesis('PutRecord', '{"StreamName":"raw","Data":"not base64!","PartitionKey":"k"}')).toMatchObject(
      { status: 400, json: { __type: 'SerializationException' } },
    );
    const missing = await rawKinesis('PutRecord', '{"StreamName":"raw","Data":"AQ=="}');
    expect(missing).toMatchObject({ status: 400, json: { __type: 'ValidationException' } });
    expect(missing.json.message).toBe(
      "1 validation error detected: Value null at 'partitionKey' failed to satisfy constraint: Member must not be null",
    );
    expect(
      await rawKinesis(
        'GetShardIterator',
        '{"StreamName":"raw","ShardId":"shardId-000000000000","ShardIteratorType":"SIDEWAYS"}',
      ),
    ).toMatchObject({ status: 400, json: { __type: 'ValidationException' } });
    expect(mocks.kinesis.records('raw')).toEqual([]);
  });
});

describe('state', () => {
  it('reset() forgets streams; two instances never share state', async () => {
    mocks.kinesis.createStream('mine', { shardCount: 1 });
    mocks.kinesis.putRecord('mine', 'hello', 'k');
    const other = createAwsMocks({ guardHttp2: false });
    expect(() => other.kinesis.records('mine')).toThrow(/not a stream of these mocks/);
    other.kinesis.createStream('mine', { shardCount: 1 });
    expect(other.kinesis.records('mine')).toEqual([]);
    expect(mocks.kinesis.records('mine').map((r) => text(r.data))).toEqual(['hello']);
    mocks.reset();
    await expect(kinesis.send(new DescribeStreamCommand({ StreamName: 'mine' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('the same seed gives the same sequence numbers', async () => {
    const a = createAwsMocks({ seed: 7, guardHttp2: false });
    const b = createAwsMocks({ seed: 7, guardHttp2: false });
    for (const m of [a, b]) {
      m.kinesis.createStream('s', { shardCount: 2 });
      for (let i = 0; i < 10; i++) m.kinesis.putRecord('s', `d${i}`, `k${i}`);
    }
    expect(a.kinesis.records('s')).toEqual(b.kinesis.records('s'));
  });
});
