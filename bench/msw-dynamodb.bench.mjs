// DynamoDB through the real @aws-sdk/client-dynamodb: the in-memory mock (in process, and through
// msw) against dynalite (a DynamoDB server in this process, on localhost) serving the same calls.
// 1. 1,000 PutItem + 1,000 Query on a GSI, each answered by the mock and by dynalite.
// 2. Query cost against table size: 1,000 GSI queries returning 10 items each on a 1,000-item
//    table and on a 100,000-item table (the mock reads one index partition by binary search).
import { CreateTableCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { setupServer } from 'msw/node';
import { awsTestClientConfig, createAwsMocks } from '../dist/bundle/msw.js';
import { formatNs } from './_lib.mjs';

const N = 1000;
const table = (TableName) => ({
  TableName,
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
    { AttributeName: 'g', AttributeType: 'S' },
    { AttributeName: 'v', AttributeType: 'N' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'byG',
      KeySchema: [
        { AttributeName: 'g', KeyType: 'HASH' },
        { AttributeName: 'v', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
  BillingMode: 'PAY_PER_REQUEST',
});
const item = (i) => ({
  pk: { S: `p${i % 97}` },
  sk: { N: String(i) },
  g: { S: `g${i % 10}` },
  v: { N: String(i) },
  body: { S: 'x'.repeat(100) },
});
// g0 holds every tenth item; v BETWEEN lo AND lo+99 selects 10 of them whatever the table size.
const query = (TableName, q) =>
  new QueryCommand({
    TableName,
    IndexName: 'byG',
    KeyConditionExpression: 'g = :g AND v BETWEEN :lo AND :hi',
    ExpressionAttributeValues: {
      ':g': { S: 'g0' },
      ':lo': { N: String((q * 10) % 900) },
      ':hi': { N: String(((q * 10) % 900) + 99) },
    },
  });

async function workload(client, TableName) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await client.send(new PutItemCommand({ TableName, Item: item(i) }));
  let returned = 0;
  for (let q = 0; q < N; q++) returned += (await client.send(query(TableName, q))).Count;
  if (returned !== N * 10) throw new Error(`expected ${N * 10} items from the queries, got ${returned}`);
  return Number(process.hrtime.bigint() - started);
}

// Each transport runs the workload twice (alternating, best of two: the machines are noisy).
async function dynaliteRun(name) {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new DynamoDBClient({
    ...awsTestClientConfig(),
    endpoint: `http://127.0.0.1:${server.address().port}`,
  });
  await client.send(new CreateTableCommand(table(name)));
  const ns = await workload(client, name);
  await new Promise((resolve) => server.close(resolve));
  return ns;
}
const mocks = createAwsMocks({ guardHttp2: false, seed: 1 });
const inProcess = new DynamoDBClient({ ...awsTestClientConfig(), requestHandler: mocks.dynamodb.requestHandler() });
async function mockRun(client, name) {
  await client.send(new CreateTableCommand(table(name)));
  return workload(client, name);
}
await dynaliteRun('warm');
await mockRun(inProcess, 'warm');
const dynaliteNs = Math.min(await dynaliteRun('bench1'), await dynaliteRun('bench2'));
const inProcessNs = Math.min(await mockRun(inProcess, 'bench1'), await mockRun(inProcess, 'bench2'));
// msw last: once it listens it intercepts every request of the process, dynalite's included.
const msw = setupServer(...mocks.handlers);
msw.listen({ onUnhandledRequest: 'error' });
const viaMsw = new DynamoDBClient(awsTestClientConfig());
await mockRun(viaMsw, 'warm2');
const mswNs = Math.min(await mockRun(viaMsw, 'bench3'), await mockRun(viaMsw, 'bench4'));
msw.close();

console.log('\n## DynamoDB: 1,000 PutItem + 1,000 GSI Query through the real client (best of two)');
console.log(`${'dynalite (localhost HTTP)'.padEnd(48)} ${formatNs(dynaliteNs).padStart(11)}`);
console.log(
  `${'mock, in process (mocks.dynamodb.requestHandler)'.padEnd(48)} ${formatNs(inProcessNs).padStart(11)}  ${(dynaliteNs / inProcessNs).toFixed(2)}× faster than dynalite (target ≥ 2×)`,
);
console.log(
  `${'mock through msw interception'.padEnd(48)} ${formatNs(mswNs).padStart(11)}  ${(dynaliteNs / mswNs).toFixed(2)}× faster than dynalite`,
);

// Query cost against table size (in process: the figure is the mock's, not the transport's).
async function queries(TableName, size) {
  await inProcess.send(new CreateTableCommand(table(TableName)));
  for (let i = 0; i < size; i++)
    mocks.dynamodb.putItem(TableName, { pk: `p${i % 97}`, sk: i, g: `g${i % 10}`, v: i, body: 'x'.repeat(100) });
  // Warm up on this table (seeding 100,000 items leaves garbage for the collector to clear first).
  for (let q = 0; q < 200; q++) await inProcess.send(query(TableName, q));
  const started = process.hrtime.bigint();
  for (let q = 0; q < N; q++) {
    const out = await inProcess.send(query(TableName, q));
    if (out.Count !== 10) throw new Error(`expected 10 items, got ${out.Count}`);
  }
  return Number(process.hrtime.bigint() - started);
}
await queries('warmup', 1_000);
const sizes = [
  await queries('small2', 1_000),
  await queries('large1', 100_000),
  await queries('small3', 1_000),
  await queries('large2', 100_000),
];
const smallNs = Math.min(sizes[0], sizes[2]);
const largeNs = Math.min(sizes[1], sizes[3]);
console.log('\n## DynamoDB: 1,000 GSI queries (10 items each) by table size (in process, best of two)');
console.log(`${'1,000-item table'.padEnd(48)} ${formatNs(smallNs).padStart(11)}`);
console.log(
  `${'100,000-item table'.padEnd(48)} ${formatNs(largeNs).padStart(11)}  ${(largeNs / smallNs).toFixed(2)}× (target ≤ 2×)`,
);
mocks.dispose();
