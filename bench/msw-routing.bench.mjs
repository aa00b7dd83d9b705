// EventBridge routing in the msw mocks, as ratios measured in the same run:
// 1. 1,000 events through PutEvents → rule → SQS target → subscribed handler, against the same
//    events sent straight to the queue (SendMessageBatch) and delivered to the same handler
//    (target: at most 2×);
// 2. the routing cost per event with 10 and with 1,000 rules on the bus (each event matches one).
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { setupServer } from 'msw/node';
import { measure, report } from './_lib.mjs';

// The built entry by default; AWS_EVENT_KIT_MSW_ENTRY points elsewhere (e.g. a bundle of the sources).
const entry = process.env.AWS_EVENT_KIT_MSW_ENTRY ?? '../dist/bundle/msw.js';
const { awsTestClientConfig, createAwsMocks } = await import(entry);

const EVENTS = 1000;
const mocks = createAwsMocks({ guardHttp2: false, seed: 1 });
const server = setupServer(...mocks.handlers);
server.listen({ onUnhandledRequest: 'error' });
const config = awsTestClientConfig();
const events = new EventBridgeClient(config);
const sqs = new SQSClient(config);

const routed = mocks.sqs.createQueue('routed');
const direct = mocks.sqs.createQueue('direct');
let handled = 0;
const handler = async (event) => {
  for (const record of event.Records) if (JSON.parse(record.body).detail.n >= 0) handled++;
};
mocks.sqs.subscribe('routed', handler, { batchSize: 10 });
mocks.sqs.subscribe('direct', handler, { batchSize: 10 });
await events.send(
  new PutRuleCommand({
    Name: 'orders',
    EventPattern: JSON.stringify({ source: ['shop.orders'], 'detail-type': ['OrderPlaced'] }),
  }),
);
await events.send(new PutTargetsCommand({ Rule: 'orders', Targets: [{ Id: 'q', Arn: routed.arn }] }));

// What the direct path sends: the envelope a rule target would receive, so the handler does the same work.
const envelope = (n) =>
  JSON.stringify({
    version: '0',
    id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    'detail-type': 'OrderPlaced',
    source: 'shop.orders',
    account: '123456789012',
    time: '2026-01-15T12:30:45Z',
    region: 'us-east-1',
    resources: [],
    detail: { n },
  });

const results = await measure(
  {
    'SendMessageBatch → queue → handler (1,000 events)': async () => {
      for (let i = 0; i < EVENTS; i += 10) {
        await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: direct.url,
            Entries: Array.from({ length: 10 }, (_, k) => ({ Id: String(k), MessageBody: envelope(i + k) })),
          }),
        );
      }
      await mocks.drain();
    },
    'PutEvents → rule → SQS target → handler (1,000 events)': async () => {
      for (let i = 0; i < EVENTS; i += 10) {
        await events.send(
          new PutEventsCommand({
            Entries: Array.from({ length: 10 }, (_, k) => ({
              Source: 'shop.orders',
              DetailType: 'OrderPlaced',
              Detail: JSON.stringify({ n: i + k }),
            })),
          }),
        );
      }
      await mocks.drain();
    },
  },
  { time: 4000, warmupTime: 500 },
);
report(
  '1,000 events: PutEvents → rule → SQS → handler vs straight to the queue',
  results,
  'SendMessageBatch → queue → handler (1,000 events)',
  { 'PutEvents → rule → SQS target → handler (1,000 events)': 2 },
);
if (handled === 0) throw new Error('no event reached the handler');
server.close();

// Routing cost per event: a bus with N rules of several kinds (exact sources, numeric and prefix
// conditions); each event matches exactly one rule, whose target is one queue drained by a
// no-op handler (the same delivery work whatever N is).
async function routingCost(rules) {
  const m = createAwsMocks({ guardHttp2: false, seed: 2 });
  const s = setupServer(...m.handlers);
  s.listen({ onUnhandledRequest: 'error' });
  const client = new EventBridgeClient(awsTestClientConfig());
  const queue = m.sqs.createQueue('sink');
  let delivered = 0;
  m.sqs.subscribe('sink', async (event) => void (delivered += event.Records.length), { batchSize: 10 });
  for (let i = 0; i < rules; i++) {
    const pattern =
      i % 3 === 0
        ? { source: [`svc-${i}`] }
        : i % 3 === 1
          ? { source: [`svc-${i}`], detail: { n: [{ numeric: ['>=', 0] }] } }
          : { source: [{ prefix: `svc-${i}.` }] };
    await client.send(new PutRuleCommand({ Name: `r${i}`, EventPattern: JSON.stringify(pattern) }));
    await client.send(new PutTargetsCommand({ Rule: `r${i}`, Targets: [{ Id: 'q', Arn: queue.arn }] }));
  }
  s.close();
  const batch = Array.from({ length: EVENTS }, (_, n) => {
    const i = (n * 7) % rules;
    const source = i % 3 === 2 ? `svc-${i}.x` : `svc-${i}`;
    return {
      version: '0',
      id: String(n),
      'detail-type': 'T',
      source,
      account: '123456789012',
      time: '2026-01-15T12:30:45Z',
      region: 'us-east-1',
      resources: [],
      detail: { n },
    };
  });
  return async () => {
    const before = delivered;
    m.eventBridge.putEventsInternal(batch);
    await m.drain();
    if (delivered - before !== EVENTS)
      throw new Error(`expected ${EVENTS} deliveries with ${rules} rules, got ${delivered - before}`);
  };
}

const costs = await measure(
  {
    '10 rules: 1,000 events routed and delivered': await routingCost(10),
    '1,000 rules: 1,000 events routed and delivered': await routingCost(1000),
  },
  { time: 3000, warmupTime: 500 },
);
report('Routing cost per event vs rules on the bus', costs, '10 rules: 1,000 events routed and delivered');
