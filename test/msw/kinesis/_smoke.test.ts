import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordCommand, PutRecordsCommand, DescribeStreamCommand } from '@aws-sdk/client-kinesis';
import { test, expect } from 'vitest';
import { createClock } from '../../../src/msw/_internals/clock.js';
import { createKinesisService } from '../../../src/msw/kinesis/index.js';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { listenStrict } from '../_helpers/msw.js';

test('smoke', async () => {
  const clock = createClock(new Date('2026-01-15T12:30:45.123Z'));
  const k = createKinesisService({ region: 'us-east-1', account: '123456789012', partition: 'aws', seed: 0, clock });
  const server = listenStrict(k.handlers);
  const c = new KinesisClient(awsTestClientConfig());
  await c.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 2 }));
  const d = await c.send(new DescribeStreamCommand({ StreamName: 's' }));
  console.log(JSON.stringify(d.StreamDescription));
  const p = await c.send(new PutRecordCommand({ StreamName: 's', Data: new TextEncoder().encode('hi'), PartitionKey: 'a' }));
  console.log(p);
  const arn = d.StreamDescription!.StreamARN!;
  const pr = await c.send(new PutRecordsCommand({ StreamARN: arn, Records: [{ Data: new Uint8Array([1]), PartitionKey: 'b' }] }));
  console.log(pr);
  const shards = await c.send(new ListShardsCommand({ StreamARN: arn }));
  const it = await c.send(new GetShardIteratorCommand({ StreamARN: arn, ShardId: p.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }));
  const r = await c.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator!, StreamARN: arn }));
  console.log(r);
  const err = await c.send(new PutRecordCommand({ StreamName: 'nope', Data: new Uint8Array(), PartitionKey: 'a' })).catch((e) => e);
  console.log(err.name, err.message, err.$metadata);
  server.close();
  expect(shards.Shards?.length).toBe(2);
});
