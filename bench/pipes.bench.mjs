// Template oracle benchmarks. Run after the build: `node bench/pipes.bench.mjs`.
// Every figure is a ratio against a baseline measured in the same run (see _lib.mjs).
// AWS_EVENT_KIT_DIST points it at another build (e.g. `tsc --outDir /tmp/build`); default ../dist.
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { formatNs, measure, report } from './_lib.mjs';

const dist = process.env.AWS_EVENT_KIT_DIST
  ? pathToFileURL(`${process.env.AWS_EVENT_KIT_DIST.replace(/\/$/, '')}/`).href
  : new URL('../dist/', import.meta.url).href;
const { checkPipeTemplate } = await import(`${dist}arbitraries/checkPipeTemplate.js`);
const { templateRecords } = await import(`${dist}arbitraries/_internals/templateRecords.js`);
const { compilePipeTemplate, lintPipeTemplate, renderPipeTemplate } = await import(`${dist}src/pipes/index.js`);
const { decodedView } = await import(`${dist}src/pipes/decode.js`);
const { formatValue } = await import(`${dist}src/pipes/format.js`);
const { DEFAULT_RENDER_OPTIONS } = await import(`${dist}src/pipes/options.js`);
const { MISSING } = await import(`${dist}src/pipes/path.js`);

const ec2Event = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING' },
};
const ec2Template =
  '{\n  "instance" : <$.detail.instance-id>,\n  "state": <$.detail.state>,\n  "pipeArn" : <aws.pipes.pipe-arn>,\n  "pipeName" : <aws.pipes.pipe-name>,\n  "originalEvent" : <aws.pipes.event.json>\n}';
const context = { pipeArn: 'arn:aws:pipes:us-east-1:123456789012:pipe/example', pipeName: 'example' };
const sqsRecord = {
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
  body: JSON.stringify({
    order: {
      id: 42,
      lines: [
        { sku: 'A-1', qty: 2 },
        { sku: 'B-7', qty: 1 },
      ],
      customer: { name: 'Ana', tier: 'gold' },
    },
  }),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1545082649183',
    SenderId: 'AIDAIENQZJOLO23YVJ4VO',
    ApproximateFirstReceiveTimestamp: '1545082649185',
  },
  messageAttributes: {},
  md5OfBody: 'x',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:q',
  awsRegion: 'us-east-1',
};
const sqsTemplate =
  '{"id": <$.messageId>, "order": <$.body.order.id>, "customer": <$.body.order.customer.name>, "lines": <$.body.order.lines>, "sent": <$.attributes.SentTimestamp>}';

const ec2 = compilePipeTemplate(ec2Template);
const sqs = compilePipeTemplate(sqsTemplate);
const bodyOf = (r) => (r.delivered ? r.body : '');
const ec2Value = JSON.parse(bodyOf(renderPipeTemplate(ec2, ec2Event, context)));
const sqsValue = JSON.parse(bodyOf(renderPipeTemplate(sqs, sqsRecord)));

// The naive alternative (target 2): evaluate every placeholder with jsonpath-plus on every render.
// Only path evaluation differs from the compiled render: the template is split into literals and
// paths once (as compiling does), the record goes through the same implicit body parsing (the
// oracle's decodedView: parsed once per record, then reused), and each value is formatted by the
// oracle's own formatter (every placeholder of this template is a JSON value) into one string.
const naiveParts = sqsTemplate.split(/<([^<>]+)>/);
function naive(record) {
  const root = decodedView(record);
  let body = naiveParts[0];
  for (let k = 1; k < naiveParts.length; k += 2) {
    const found = JSONPath({ path: naiveParts[k], json: root, wrap: true, eval: false });
    body += formatValue(found.length > 0 ? found[0] : MISSING, 'value', DEFAULT_RENDER_OPTIONS);
    body += naiveParts[k + 1];
  }
  return { delivered: true, body };
}
if (naive(sqsRecord).body !== bodyOf(renderPipeTemplate(sqs, sqsRecord)))
  throw new Error('the jsonpath-plus baseline does not render what the oracle renders');

const render = await measure({
  'JSON.stringify(EC2 rendered value)': () => JSON.stringify(ec2Value),
  'render EC2 example (compiled)': () => renderPipeTemplate(ec2, ec2Event, context),
  'JSON.stringify(SQS rendered value)': () => JSON.stringify(sqsValue),
  'render SQS JSON-body template (compiled, parse once)': () => renderPipeTemplate(sqs, sqsRecord),
  'render SQS JSON-body template (new record: decode body)': () => renderPipeTemplate(sqs, { ...sqsRecord }),
  'jsonpath-plus per placeholder per render (SQS)': () => naive(sqsRecord),
});
report(
  'Rendering vs JSON.stringify of the rendered value',
  {
    'JSON.stringify(EC2 rendered value)': render['JSON.stringify(EC2 rendered value)'],
    'render EC2 example (compiled)': render['render EC2 example (compiled)'],
  },
  'JSON.stringify(EC2 rendered value)',
  { 'render EC2 example (compiled)': 2 },
);
report(
  'Rendering vs JSON.stringify of the rendered value',
  {
    'JSON.stringify(SQS rendered value)': render['JSON.stringify(SQS rendered value)'],
    'render SQS JSON-body template (compiled, parse once)':
      render['render SQS JSON-body template (compiled, parse once)'],
    'render SQS JSON-body template (new record: decode body)':
      render['render SQS JSON-body template (new record: decode body)'],
  },
  'JSON.stringify(SQS rendered value)',
  { 'render SQS JSON-body template (compiled, parse once)': 2 },
);
const speedup =
  render['jsonpath-plus per placeholder per render (SQS)'] /
  render['render SQS JSON-body template (compiled, parse once)'];
console.log(
  `\ncompiled accessors vs jsonpath-plus per render: ${speedup.toFixed(1)}× faster ${speedup >= 10 ? ' ok (≥ 10×)' : ' UNDER (target ≥ 10×)'}`,
);

// Compile time: linear in size, including pathological inputs.
function sized(bytes) {
  const members = [];
  let length = 2;
  for (let i = 0; length < bytes - 60; i++) {
    const m = `"field${i}": <$.detail.items[${i % 10}].value-${i}>, "s${i}": "x <$.id> y"`;
    members.push(m);
    length += m.length + 2;
  }
  return `{${members.join(', ')}}`;
}
const templates = {
  'typical 1 KiB': sized(1024),
  'typical 4 KiB': sized(4096),
  'typical 8 KiB': sized(8100),
  'pathological 8,000 "<"': '<'.repeat(8000),
  'pathological 4,000-deep [[…]]': '['.repeat(4000) + ']'.repeat(4000),
  'pathological 1,600 placeholders in a string': `"${'<$.a>'.repeat(1600)}"`,
};
const compileTasks = {};
for (const [name, t] of Object.entries(templates)) compileTasks[name] = () => lintPipeTemplate(t);
const compileTimes = await measure(compileTasks);
console.log('\n## Compile (lint: parse + resolve + lint) time per character (baseline: typical 1 KiB)');
const perChar = (name) => compileTimes[name] / templates[name].length;
for (const name of Object.keys(templates)) {
  const ratio = perChar(name) / perChar('typical 1 KiB');
  console.log(
    `${name.padEnd(46)} ${String(templates[name].length).padStart(5)} chars ${formatNs(compileTimes[name]).padStart(11)}  ${ratio.toFixed(2)}× per char${ratio <= 3 ? '  ok (linear)' : '  CHECK'}`,
  );
}

// checkPipeTemplate vs generating the same records alone (same seed, same count): the check draws
// template-aware records (templateRecords: the template's paths put into SQS records), so the
// baseline draws those too, not plain pipeSourceRecord('sqs') records. The check must
// really run all 1,000 records: with EventBridge's unescaped values some generated bodies (a `"` in
// a string) break the JSON and the check would stop at its first counterexample, timing far fewer
// runs. `escape: 'json'` keeps the same template and records while every output stays valid JSON.
const runs = 1000;
const seed = 1234;
const checkOptions = { source: 'sqs', numRuns: runs, seed, options: { escape: 'json' } };
const probe = checkPipeTemplate(sqsTemplate, checkOptions);
if (!probe.ok || probe.numRuns !== runs)
  throw new Error(`checkPipeTemplate stopped after ${probe.numRuns} runs: the comparison needs all ${runs}`);
const checkTimes = await measure(
  {
    'generate 1,000 SQS records alone': () =>
      fc.check(
        fc.property(templateRecords(sqs, 'sqs'), () => true),
        { numRuns: runs, seed },
      ),
    'checkPipeTemplate, 1,000 runs, SQS': () => checkPipeTemplate(sqsTemplate, checkOptions),
  },
  { time: 3000, warmupTime: 500 },
);
report('checkPipeTemplate vs generation alone', checkTimes, 'generate 1,000 SQS records alone', {
  'checkPipeTemplate, 1,000 runs, SQS': 1.5,
});
