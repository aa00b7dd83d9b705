// Issue 2 figures: factories vs lambda-event-mock, vs a constant object literal of the same
// event (the allocation floor) and vs structuredClone of a static fixture; batch scaling;
// arbitraries vs fc.json(); cold-start import cost. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import lambdaEventMock from 'lambda-event-mock';
import { formatNs, measure, report } from './_lib.mjs';

const kit = await import('../dist/bundle/index.js');
const arbitraries = await import('../dist/bundle/arbitraries.js');

/** A function that allocates an object literal equal to `value` on every call. */
const literalOf = (value) => new Function(`return ${JSON.stringify(value)};`);

// ---- S3 and SQS against lambda-event-mock -------------------------------------------------
// Two rows per factory: the same seed every call (the common test pattern; a factory keeps the
// last seed's ids) and a fresh seed every call (every id drawn anew: the uncached cost).
let freshSeed = 0;
{
  const s3 = kit.makeS3PutEvent('my-bucket', { key: 'photos/cat.jpg', size: 1024 });
  const s3Literal = literalOf(s3);
  const results = await measure({
    makeS3PutEvent: () => kit.makeS3PutEvent('my-bucket', { key: 'photos/cat.jpg', size: 1024 }),
    'makeS3PutEvent (fresh seed per call)': () =>
      kit.makeS3PutEvent('my-bucket', { key: 'photos/cat.jpg', size: 1024, seed: ++freshSeed }),
    'lambda-event-mock s3().object().bucket().build()': () =>
      lambdaEventMock.s3().object('photos/cat.jpg').bucket('my-bucket').build(),
    'structuredClone(static S3 fixture)': () => structuredClone(s3),
    'object literal of the same S3 event': s3Literal,
  });
  report('S3 put event', results, 'makeS3PutEvent');
  console.log(
    `lambda-event-mock / makeS3PutEvent = ${(results['lambda-event-mock s3().object().bucket().build()'] / results.makeS3PutEvent).toFixed(1)}× (target ≥ 5×)`,
  );
  console.log(
    `lambda-event-mock / makeS3PutEvent (fresh seed per call) = ${(results['lambda-event-mock s3().object().bucket().build()'] / results['makeS3PutEvent (fresh seed per call)']).toFixed(1)}×`,
  );
  console.log(
    `structuredClone / makeS3PutEvent = ${(results['structuredClone(static S3 fixture)'] / results.makeS3PutEvent).toFixed(1)}× (target > 1×)`,
  );
}
{
  const sqs = kit.makeSqsEvent(['hello world']);
  const results = await measure({
    'makeSqsEvent (1 message)': () => kit.makeSqsEvent(['hello world']),
    'makeSqsEvent (1 message, fresh seed per call)': () => kit.makeSqsEvent(['hello world'], { seed: ++freshSeed }),
    'lambda-event-mock sqs().body().build()': () => lambdaEventMock.sqs().body('hello world').build(),
    'structuredClone(static SQS fixture)': () => structuredClone(sqs),
    'object literal of the same SQS event': literalOf(sqs),
  });
  report('SQS event, one message', results, 'makeSqsEvent (1 message)');
  console.log(
    `lambda-event-mock / makeSqsEvent = ${(results['lambda-event-mock sqs().body().build()'] / results['makeSqsEvent (1 message)']).toFixed(1)}× (target ≥ 3×)`,
  );
  console.log(
    `lambda-event-mock / makeSqsEvent (fresh seed per call) = ${(results['lambda-event-mock sqs().body().build()'] / results['makeSqsEvent (1 message, fresh seed per call)']).toFixed(1)}×`,
  );
}

// ---- each factory against its allocation floor and structuredClone -------------------------
const tenMessages = Array.from({ length: 10 }, (_, i) => ({
  orderId: i,
  status: 'PLACED',
  items: [{ sku: `SKU-${i}`, qty: 1 }],
}));
const tenChanges = Array.from({ length: 10 }, (_, i) =>
  kit.dynamodbChange.insert({ id: `order-${i}`, total: 10 + i, status: 'PLACED' }),
);
const hundredRecords = Array.from({ length: 100 }, (_, i) => ({ sensor: `s-${i % 7}`, reading: i * 0.5 }));
for (const [title, make] of [
  ['makeS3PutEvent', () => kit.makeS3PutEvent('my-bucket', { key: 'photos/cat.jpg', size: 1024 })],
  ['makeSqsEvent (10 messages)', () => kit.makeSqsEvent(tenMessages)],
  [
    'makeDynamoDBStreamEvent (10 changes)',
    () => kit.makeDynamoDBStreamEvent(tenChanges, { table: 'orders', keys: ['id'] }),
  ],
  ['makeKinesisEvent (100 records)', () => kit.makeKinesisEvent(hundredRecords)],
]) {
  const event = make();
  const results = await measure({
    [title]: make,
    'object literal (allocation floor)': literalOf(event),
    'structuredClone(static fixture)': () => structuredClone(event),
  });
  report(title, results, 'object literal (allocation floor)');
}

// ---- batches scale linearly ----------------------------------------------------------------
// Lambda's SQS batch maximum is 10,000 messages, but also 6 MB: with real receipt handles
// (284–432 chars) a record is ≥ ~820 bytes, so 10,000 records never fit and the factory refuses
// them, as Lambda would never deliver them. Scaling is measured up to the largest batch that fits.
{
  const batch = (n) => Array.from({ length: n }, (_, i) => `m${i}`);
  let largest = 10_000;
  for (; largest > 1000; largest -= 250) {
    try {
      kit.makeSqsEvent(batch(largest));
      break;
    } catch {}
  }
  const sizes = [10, 1000, largest];
  const inputs = Object.fromEntries(sizes.map((n) => [n, batch(n)]));
  const results = await measure(
    Object.fromEntries(sizes.map((n) => [`makeSqsEvent ${n} messages`, () => kit.makeSqsEvent(inputs[n])])),
    { time: 1500 },
  );
  console.log(
    `\n## SQS batch scaling (cost per message; ${largest} is the largest batch of short messages under 6 MB)`,
  );
  const perMessage10 = results['makeSqsEvent 10 messages'] / 10;
  for (const n of sizes) {
    const ns = results[`makeSqsEvent ${n} messages`];
    console.log(
      `makeSqsEvent ${String(n).padStart(5)} messages ${formatNs(ns).padStart(10)} total  ${formatNs(ns / n).padStart(10)} per message  ${(ns / n / perMessage10).toFixed(2)}× the 10-message rate`,
    );
  }
}

// ---- arbitraries: events per second, against fc.json() generating values of similar byte size -
// fc.json() values average ~100 bytes, our events 1–7 KB: the baseline is an array of n fc.json()
// values, n chosen (per event type) so that its mean JSON size matches the event's.
{
  const RUNS = 2000;
  const bytesOf = (values) => values.reduce((sum, v) => sum + Buffer.byteLength(JSON.stringify(v)), 0) / values.length;
  const timeSample = (arb, runs) => {
    const start = process.hrtime.bigint();
    const values = fc.sample(arb, { numRuns: runs, seed: 42 });
    return { ns: Number(process.hrtime.bigint() - start) / runs, bytes: bytesOf(values) };
  };
  const jsonUnit = timeSample(fc.json(), RUNS).bytes;
  console.log(
    `\n## Arbitraries (fc.sample, ${RUNS.toLocaleString('en')} values each, against fc.array(fc.json()) of the same mean size)`,
  );
  for (const [name, arb] of [
    ['s3Event', arbitraries.s3Event()],
    ['sqsEvent', arbitraries.sqsEvent()],
    ['dynamoDBStreamEvent', arbitraries.dynamoDBStreamEvent()],
  ]) {
    timeSample(arb, 200); // warm-up
    const ours = timeSample(arb, RUNS);
    let n = Math.max(1, Math.round(ours.bytes / jsonUnit));
    let json = timeSample(fc.array(fc.json(), { minLength: n, maxLength: n }), RUNS);
    n = Math.max(1, Math.round((n * ours.bytes) / json.bytes)); // one correction step
    json = timeSample(fc.array(fc.json(), { minLength: n, maxLength: n }), RUNS);
    console.log(
      `${name.padEnd(22)} ${Math.round(1e9 / ours.ns)
        .toString()
        .padStart(
          7,
        )} events/s  ~${Math.round(ours.bytes)} B  vs ${n} × fc.json() ~${Math.round(json.bytes)} B: ${(ours.ns / json.ns).toFixed(2)}× per value (target ≤ 3×)`,
    );
  }
}

// ---- cold start --------------------------------------------------------------------------
{
  const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
  const wall = (args) => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const median = (args, n = 15) => {
    const times = Array.from({ length: n }, () => wall(args)).sort((a, b) => a - b);
    return times[Math.floor(n / 2)];
  };
  const empty = median(['-e', '']);
  const rootEntry = median(['--input-type=module', '-e', `import ${JSON.stringify(dist('bundle/index.js'))};`]);
  const arbEntry = median(['--input-type=module', '-e', `import ${JSON.stringify(dist('bundle/arbitraries.js'))};`]);
  console.log('\n## Cold start (median of 15 processes)');
  console.log(`node -e ""                          ${empty.toFixed(1)} ms`);
  console.log(`import 'aws-event-kit'              +${(rootEntry - empty).toFixed(1)} ms (target ≤ 40 ms)`);
  console.log(`import 'aws-event-kit/arbitraries'  +${(arbEntry - empty).toFixed(1)} ms (target ≤ 150 ms)`);
}
