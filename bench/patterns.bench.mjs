// Event-pattern matching benchmarks. Run after the build: `node bench/patterns.bench.mjs`.
// Every figure is a ratio against a baseline measured in the same run (see _lib.mjs):
// JSON.parse of the same event's text, or the 5-rule set.
// AWS_EVENT_KIT_DIST points it at another build; AWS_EVENT_KIT_PATTERNS at a module exporting the
// patterns API directly (e.g. an esbuild bundle of src/patterns/index.ts).
import { pathToFileURL } from 'node:url';
import { formatNs, measure, report } from './_lib.mjs';

const dist = process.env.AWS_EVENT_KIT_DIST
  ? pathToFileURL(`${process.env.AWS_EVENT_KIT_DIST.replace(/\/$/, '')}/`).href
  : new URL('../dist/', import.meta.url).href;
const entry = process.env.AWS_EVENT_KIT_PATTERNS
  ? pathToFileURL(process.env.AWS_EVENT_KIT_PATTERNS).href
  : `${dist}bundle/patterns.js`;
const { compileEventPattern, compileEventPatterns } = await import(entry);

// A ~1 KB EventBridge event (EC2 state change with a realistic detail).
const event = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: {
    'instance-id': 'i-abcd1111',
    state: 'running',
    'previous-state': 'pending',
    'source-ip': '10.0.0.33',
    'c-count': 5,
    'x-limit': 301.8,
    user: { name: 'Alice', role: 'Admin', email: 'alice@example.com' },
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'payments' },
      { key: 'cost-center', value: 'cc-1234' },
    ],
    'launch-template': { id: 'lt-0123456789abcdef0', version: '7', name: 'web-server-template-production' },
    'network-interfaces': [
      {
        id: 'eni-0a1b2c3d4e5f',
        'private-ip': '10.0.0.33',
        subnet: 'subnet-0123abcd',
        'security-groups': ['sg-0a1b2c3d', 'sg-1b2c3d4e'],
      },
      {
        id: 'eni-1b2c3d4e5f6a',
        'private-ip': '10.0.1.12',
        subnet: 'subnet-4567efab',
        'security-groups': ['sg-2c3d4e5f'],
      },
    ],
    'image-id': 'ami-0abcdef1234567890',
    'instance-type': 'm5.large',
    'availability-zone': 'us-east-1a',
    'key-name': 'prod-web-key-2015',
    architecture: 'x86_64',
    hypervisor: 'xen',
    'root-device': '/dev/xvda',
  },
};
const text = JSON.stringify(event);
const parse = () => JSON.parse(text);

// 5 exact and prefix rules, a typical bus (one of them matches).
const fiveRules = {
  ec2Running: { source: ['aws.ec2'], detail: { state: ['running'] } },
  s3: { source: ['aws.s3'], 'detail-type': ['Object Created'] },
  prodEast: { region: [{ prefix: 'us-' }], detail: { 'instance-type': [{ prefix: 'c5.' }] } },
  admins: { detail: { user: { role: ['Root'] } } },
  images: { detail: { 'image-id': [{ prefix: 'ami-1' }] } },
};
const set5 = compileEventPatterns(fiveRules);

// 1,000 rules of the same kinds, spread over many values (a handful can match this event).
const thousand = {};
for (let i = 0; i < 1000; i++) {
  switch (i % 4) {
    case 0:
      thousand[`src${i}`] = { source: [`aws.service${i}`], detail: { state: ['running'] } };
      break;
    case 1:
      thousand[`type${i}`] = { 'detail-type': [`Custom Event ${i}`] };
      break;
    case 2:
      thousand[`inst${i}`] = { detail: { 'instance-id': [{ prefix: `i-${i.toString(16)}x` }] } };
      break;
    default:
      thousand[`acct${i}`] = { account: [String(100000000000 + i)], region: [{ prefix: 'eu-' }] };
  }
}
Object.assign(thousand, fiveRules);
const set1000 = compileEventPatterns(thousand);

if (set5.match(event).join() !== 'ec2Running' || set1000.match(event).join() !== 'ec2Running')
  throw new Error('bench: unexpected matches');

report(
  'Rule sets against a parsed ~1 KB event (target: 5 rules ≤ 1× JSON.parse; 1,000 rules ≤ 3× 5 rules)',
  await measure({
    [`JSON.parse of the event's text (${text.length} chars)`]: parse,
    'compileEventPatterns (5 exact/prefix rules).match(event)': () => set5.match(event),
    'compileEventPatterns (1,000 rules).match(event)': () => set1000.match(event),
    'compileEventPatterns (5 rules).match(JSON text)': () => set5.match(text),
  }),
  `JSON.parse of the event's text (${text.length} chars)`,
  { 'compileEventPatterns (5 exact/prefix rules).match(event)': 1 },
);
// 1,000 rules with no exact or prefix field (numeric, anything-but, exists), each on its own path:
// filed under a path they need, so rules on paths the event lacks cost nothing.
const others = { ...fiveRules };
for (let i = 0; i < 1000; i++) {
  const path = `metric${i}`;
  others[`other${i}`] =
    i % 3 === 0
      ? { detail: { [path]: [{ numeric: ['>', i] }] } }
      : i % 3 === 1
        ? { detail: { [path]: [{ 'anything-but': 'x' }] } }
        : { detail: { [path]: [{ exists: true }] } };
}
const setOthers = compileEventPatterns(others);
if (setOthers.match(event).join() !== 'ec2Running') throw new Error('bench: unexpected matches (others)');
report(
  '1,000 rules vs 5 rules',
  await measure({
    '5 rules': () => set5.match(event),
    '1,000 rules': () => set1000.match(event),
    '1,000 numeric/anything-but/exists rules + the 5': () => setOthers.match(event),
  }),
  '5 rules',
  { '1,000 rules': 3, '1,000 numeric/anything-but/exists rules + the 5': 3 },
);

// Compiling a 4,096-character pattern.
const fields = {};
let big = '';
for (let i = 0; (big = JSON.stringify({ detail: fields })).length < 4000; i++)
  fields[`field-${i}`] = [`value-${i}`, { prefix: `p${i}` }];
const padded = big.slice(0, -2) + ' '.repeat(4096 - big.length) + '}}';
if (padded.length !== 4096) throw new Error(`bench: pattern is ${padded.length} chars`);
const compileResults = await measure({
  'JSON.parse of the pattern text': () => JSON.parse(padded),
  'compileEventPattern (4,096 chars)': () => compileEventPattern(padded),
});
report('Compiling a 4,096-character pattern (target: < 1 ms)', compileResults, 'JSON.parse of the pattern text');
console.log(
  `compileEventPattern (4,096 chars): ${formatNs(compileResults['compileEventPattern (4,096 chars)'])} ${compileResults['compileEventPattern (4,096 chars)'] < 1e6 ? 'ok (< 1 ms)' : 'OVER 1 ms'}`,
);

// Matching time vs event size: arrays of objects with array consistency, and a wide array no
// element of which satisfies both fields (the worst case for the search).
const consistent = compileEventPattern({
  items: { sku: ['B-7'], qty: [{ numeric: ['>', 5] }] },
  other: { k: [{ prefix: 'v' }] },
});
const sizes = {};
for (const n of [10, 100, 1000, 10000]) {
  const items = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { sku: 'B-7', qty: 1 } : { sku: 'A-1', qty: 9 }));
  const other = Array.from({ length: n }, (_, i) => ({ k: `v${i}` }));
  const e = { items, other };
  const chars = JSON.stringify(e).length;
  sizes[n] = { e, chars };
}
const linear = {};
for (const [n, { e, chars }] of Object.entries(sizes))
  linear[`${n} elements (${chars} chars)`] = () => consistent.matches(e);
const linearResults = await measure(linear, { time: 300 });
console.log('\n## Matching time vs event size (no consistent element: the whole search runs)');
for (const [name, ns] of Object.entries(linearResults)) {
  const chars = Number(/\((\d+) chars\)/.exec(name)[1]);
  console.log(`${name.padEnd(40)} ${formatNs(ns).padStart(11)}  ${(ns / chars).toFixed(2).padStart(7)} ns/char`);
}

// A table per operator family: 5 rules of the family against the same event (one matches).
const families = {
  exact: [
    { source: ['aws.ec2'] },
    { 'detail-type': ['X'] },
    { region: ['eu-west-1'] },
    { account: ['1'] },
    { detail: { state: ['stopped'] } },
  ],
  'prefix/suffix': [
    { source: [{ prefix: 'aws.' }] },
    { region: [{ suffix: '-2' }] },
    { detail: { 'image-id': [{ prefix: 'ami-9' }] } },
    { id: [{ suffix: 'zz' }] },
    { account: [{ prefix: '9' }] },
  ],
  'equals-ignore-case': [
    { source: [{ 'equals-ignore-case': 'AWS.EC2' }] },
    { region: [{ 'equals-ignore-case': 'EU-WEST-1' }] },
    { detail: { state: [{ 'equals-ignore-case': 'STOPPED' }] } },
    { id: [{ prefix: { 'equals-ignore-case': 'ZZ' } }] },
    { account: [{ suffix: { 'equals-ignore-case': 'X' } }] },
  ],
  wildcard: [
    { source: [{ wildcard: 'aws.*2' }] },
    { region: [{ wildcard: 'eu-*-1' }] },
    { detail: { 'image-id': [{ wildcard: 'ami-*9*' }] } },
    { id: [{ wildcard: '*zz*' }] },
    { resources: [{ wildcard: 'arn:aws:s3:::*' }] },
  ],
  'anything-but': [
    { source: [{ 'anything-but': ['aws.s3', 'aws.sqs'] }] },
    { region: [{ 'anything-but': { prefix: 'us-' } }] },
    { detail: { 'c-count': [{ 'anything-but': [5] }] } },
    { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'RUNNING' } }] } },
    { account: [{ 'anything-but': { suffix: '12' } }] },
  ],
  numeric: [
    { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
    { detail: { 'x-limit': [{ numeric: ['<', 100] }] } },
    { detail: { 'c-count': [{ numeric: ['=', 7] }] } },
    { detail: { 'x-limit': [{ numeric: ['>=', 1000] }] } },
    { detail: { 'c-count': [{ numeric: ['<', 0] }] } },
  ],
  cidr: [
    { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    { detail: { 'source-ip': [{ cidr: '192.168.0.0/16' }] } },
    { detail: { 'source-ip': [{ cidr: '172.16.0.0/12' }] } },
    { detail: { 'source-ip': [{ cidr: '2001:db8::/32' }] } },
    { detail: { 'source-ip': ['10.0.0.34'] } },
  ],
  arrays: [
    { detail: { tags: { key: ['team'], value: ['payments'] } } },
    { detail: { tags: { key: ['env'], value: ['dev'] } } },
    { detail: { 'network-interfaces': { 'private-ip': ['10.0.1.12'], subnet: ['subnet-0123abcd'] } } },
    { detail: { 'network-interfaces': { 'security-groups': ['sg-2c3d4e5f'], subnet: ['subnet-4567efab'] } } },
    { resources: [{ prefix: 'arn:aws:ec2:' }], detail: { tags: { key: ['cost-center'], value: [{ prefix: 'cc-' }] } } },
  ],
};
const familyTasks = { 'JSON.parse': parse };
const familySets = {};
for (const [family, rules] of Object.entries(families)) {
  const set = compileEventPatterns(Object.fromEntries(rules.map((r, i) => [`${family}${i}`, r])));
  familySets[family] = set;
  if (set.match(event).length === 0) throw new Error(`bench: no ${family} rule matches`);
  familyTasks[family] = () => set.match(event);
  familyTasks[`${family} (from JSON text)`] = () => set.match(text);
}
const familyResults = await measure(familyTasks, { time: 250 });
console.log('\n## Per operator family: 5 rules, ~1 KB event (ratio: cost / JSON.parse of the text)');
console.log(
  `${'family'.padEnd(20)} ${'events/s (object)'.padStart(18)} ${'× JSON.parse'.padStart(13)} ${'events/s (text)'.padStart(16)} ${'× JSON.parse'.padStart(13)}`,
);
const base = familyResults['JSON.parse'];
for (const family of Object.keys(families)) {
  const obj = familyResults[family];
  const txt = familyResults[`${family} (from JSON text)`];
  console.log(
    `${family.padEnd(20)} ${Math.round(1e9 / obj)
      .toLocaleString('en-US')
      .padStart(18)} ${(obj / base).toFixed(2).padStart(13)} ${Math.round(1e9 / txt)
      .toLocaleString('en-US')
      .padStart(16)} ${(txt / base).toFixed(2).padStart(13)}`,
  );
}
console.log(
  `${'JSON.parse'.padEnd(20)} ${Math.round(1e9 / base)
    .toLocaleString('en-US')
    .padStart(18)}`,
);
