// Kinesis PutRecords + GetRecords of 500-record batches through msw and the real Kinesis client,
// as a ratio against a canned-response msw handler answering the same two calls with fixed JSON
// in the same run (so the figure is the mock's own overhead over msw + SDK, not the machine's speed).
import { GetRecordsCommand, GetShardIteratorCommand, KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { awsTestClientConfig, createAwsMocks } from '../dist/bundle/msw.js';
import { measure, report } from './_lib.mjs';

const BATCH = 500;
const mocks = createAwsMocks({ guardHttp2: false, seed: 1 });
mocks.kinesis.createStream('bench', { shardCount: 1 });

// The canned floor: fixed answers of the same shape and size as the mock's.
const data = Buffer.alloc(100, 7);
const records = Array.from({ length: BATCH }, (_, i) => ({ Data: data, PartitionKey: `pk-${i}` }));
const seq = '49670872145026523628320637000096018049074967750843039746';
const cannedPut = JSON.stringify({
  FailedRecordCount: 0,
  Records: records.map(() => ({ SequenceNumber: seq, ShardId: 'shardId-000000000000' })),
  EncryptionType: 'NONE',
});
const cannedGet = JSON.stringify({
  Records: records.map((r) => ({
    SequenceNumber: seq,
    ApproximateArrivalTimestamp: 1768480245.123,
    Data: data.toString('base64'),
    PartitionKey: r.PartitionKey,
    EncryptionType: 'NONE',
  })),
  NextShardIterator: 'AAAAAAAAAAE' + 'x'.repeat(120),
  MillisBehindLatest: 0,
});
const canned = http.post('https://canned.kinesis.us-east-1.amazonaws.com/', ({ request }) => {
  const body = request.headers.get('x-amz-target') === 'Kinesis_20131202.PutRecords' ? cannedPut : cannedGet;
  return new HttpResponse(body, {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'canned' },
  });
});
const server = setupServer(canned, ...mocks.handlers);
server.listen({ onUnhandledRequest: 'error' });

const client = new KinesisClient(awsTestClientConfig());
const cannedClient = new KinesisClient({
  ...awsTestClientConfig(),
  endpoint: 'https://canned.kinesis.us-east-1.amazonaws.com',
});

let iterator = (
  await client.send(
    new GetShardIteratorCommand({ StreamName: 'bench', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }),
  )
).ShardIterator;
let read = 0;

const results = await measure(
  {
    'canned msw PutRecords + GetRecords (500 records)': async () => {
      await cannedClient.send(new PutRecordsCommand({ StreamName: 'bench', Records: records }));
      await cannedClient.send(new GetRecordsCommand({ ShardIterator: 'AAAAAAAAAAE', Limit: 10_000 }));
    },
    'mock PutRecords + GetRecords (500 records)': async () => {
      await client.send(new PutRecordsCommand({ StreamName: 'bench', Records: records }));
      const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
      iterator = out.NextShardIterator;
      read += out.Records.length;
    },
  },
  { time: 2000 },
);
report(
  'Kinesis PutRecords + GetRecords, 500-record batches',
  results,
  'canned msw PutRecords + GetRecords (500 records)',
);
for (const [name, ns] of Object.entries(results))
  console.log(`${name.padEnd(58)} ${((1e9 / ns) * BATCH).toFixed(0).padStart(8)} records/s`);
if (read === 0 || read % BATCH !== 0) throw new Error(`the mock returned ${read} records, not whole batches`);
server.close();
