// SNS fan-out through the real clients: 1,000 Publish calls to a topic with 3 SQS subscriptions
// (one with a filter policy matching half the messages, enveloped and signed deliveries), drained
// into a handler subscribed to each queue, as a ratio against sending the same 3,000 messages
// (1,000 per queue) straight to the queues with SendMessage and draining them the same way,
// measured in the same run. Target: fan-out ≤ 3× the direct sends. The same pair without HTTP
// (test-side publish and send) shows the fan-out's own cost: envelopes, signatures, filtering.
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { setupServer } from 'msw/node';
import { awsTestClientConfig, createAwsMocks } from '../dist/bundle/msw.js';
import { formatNs, report } from './_lib.mjs';

const MESSAGES = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const mocks = createAwsMocks({ guardHttp2: false });
const server = setupServer(...mocks.handlers);
server.listen({ onUnhandledRequest: 'error' });
const sns = new SNSClient(awsTestClientConfig());
const sqs = new SQSClient(awsTestClientConfig());

let received = 0;
function setUp() {
  mocks.reset();
  const topic = mocks.sns.createTopic('bench');
  const queues = ['all', 'also-all', 'even'].map((name) => mocks.sqs.createQueue(name));
  mocks.sns.subscribeQueue(topic.arn, queues[0].arn);
  mocks.sns.subscribeQueue(topic.arn, queues[1].arn);
  mocks.sns.subscribeQueue(topic.arn, queues[2].arn, { filterPolicy: { parity: ['even'] } });
  for (const queue of queues) mocks.sqs.subscribe(queue.arn, (event) => void (received += event.Records.length));
  return { topic, queues };
}
const attributes = (i) => ({ parity: { DataType: 'String', StringValue: i % 2 === 0 ? 'even' : 'odd' } });

async function fanOut() {
  const { topic } = setUp();
  received = 0;
  for (let i = 0; i < MESSAGES; i++)
    await sns.send(
      new PublishCommand({ TopicArn: topic.arn, Message: `message ${i}`, MessageAttributes: attributes(i) }),
    );
  await mocks.drain();
  if (received !== MESSAGES * 2 + MESSAGES / 2) throw new Error(`bench: fan-out delivered ${received}`);
}

async function direct() {
  const { queues } = setUp();
  received = 0;
  for (let i = 0; i < MESSAGES; i++) {
    for (const queue of queues)
      await sqs.send(
        new SendMessageCommand({ QueueUrl: queue.url, MessageBody: `message ${i}`, MessageAttributes: attributes(i) }),
      );
  }
  await mocks.drain();
  if (received !== MESSAGES * 3) throw new Error(`bench: direct delivered ${received}`);
}

// The same scenarios without HTTP (test-side calls): the fan-out's own cost against the queues' own.
async function fanOutInProcess() {
  const { topic } = setUp();
  received = 0;
  for (let i = 0; i < MESSAGES; i++) mocks.sns.publish(topic.arn, `message ${i}`, { messageAttributes: attributes(i) });
  await mocks.drain();
  if (received !== MESSAGES * 2 + MESSAGES / 2) throw new Error(`bench: in-process fan-out delivered ${received}`);
}

async function directInProcess() {
  const { queues } = setUp();
  received = 0;
  for (let i = 0; i < MESSAGES; i++)
    for (const queue of queues) mocks.sqs.send(queue.arn, `message ${i}`, { messageAttributes: attributes(i) });
  await mocks.drain();
  if (received !== MESSAGES * 3) throw new Error(`bench: in-process direct delivered ${received}`);
}

// Whole scenarios, alternated, so both see the same machine state; the median of the rounds.
async function time(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start);
}
const scenarios = { direct, fanOut, directInProcess, fanOutInProcess };
for (const fn of Object.values(scenarios)) await fn();
const samples = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const [name, fn] of Object.entries(scenarios)) samples[name].push(await time(fn));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {
  [`SendMessage ×${MESSAGES * 3} straight to 3 queues + drain`]: median(samples.direct),
  [`Publish ×${MESSAGES} → 3 SQS subscriptions (1 filtered) + drain`]: median(samples.fanOut),
};
report(
  'SNS fan-out vs direct SQS sends (per whole scenario)',
  results,
  `SendMessage ×${MESSAGES * 3} straight to 3 queues + drain`,
  { [`Publish ×${MESSAGES} → 3 SQS subscriptions (1 filtered) + drain`]: 3 },
);
const inProcess = {
  [`mocks.sqs.send ×${MESSAGES * 3} + drain (no HTTP)`]: median(samples.directInProcess),
  [`mocks.sns.publish ×${MESSAGES} → 3 queues + drain (no HTTP)`]: median(samples.fanOutInProcess),
};
report(
  'The same without HTTP: the fan-out’s own cost',
  inProcess,
  `mocks.sqs.send ×${MESSAGES * 3} + drain (no HTTP)`,
  { [`mocks.sns.publish ×${MESSAGES} → 3 queues + drain (no HTTP)`]: 3 },
);
for (const [name, ns] of Object.entries({ ...results, ...inProcess }))
  console.log(`${name.padEnd(58)} ${formatNs(ns / MESSAGES).padStart(11)} per published message`);
server.close();
