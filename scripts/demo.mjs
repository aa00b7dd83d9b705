// `npm run demo`: the kit at work, from the command line and from code. Runs on the build (dist/).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bundle/cli.js', import.meta.url));
const demoFile = (name) => fileURLToPath(new URL(`./demo/${name}`, import.meta.url));
const heading = (text) => console.log(`\n\x1b[1m== ${text}\x1b[0m`);

/** Runs the CLI as a user would and shows the command, its output and its exit code. */
function cli(args, { input, maxLines = 40 } = {}) {
  console.log(`\x1b[36m$ aws-event-kit ${args.map((a) => (/[\s"'{}<>$]/.test(a) ? `'${a}'` : a)).join(' ')}\x1b[0m`);
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input });
  const lines = (result.stdout + result.stderr).trimEnd().split('\n');
  console.log(
    lines.slice(0, maxLines).join('\n') +
      (lines.length > maxLines ? `\n… (${lines.length - maxLines} more lines)` : ''),
  );
  console.log(`\x1b[2m(exit ${result.status})\x1b[0m`);
}

heading('1. The CLI: realistic events on demand');
cli(['list'], { maxLines: 6 });
cli(['generate', 's3:put', '--bucket', 'photo-uploads', '--key', 'my photos/cat+dog.jpg', '--region', 'eu-west-1'], {
  maxLines: 40,
});
cli(['generate', 'sqs:fifo', '--count', '2', '--seed', '7', '--ndjson'], { maxLines: 2 });
cli(['generate', 'sqs:fif']);

heading('2. The library: factories keep every field consistent');
const kit = await import('../dist/bundle/index.js');
const s3 = kit.makeS3PutEvent('photo-uploads', { key: 'my photos/cat+dog.jpg', size: 2048 });
console.log('makeS3PutEvent key (decoded in, encoded as S3 sends it):', s3.Records[0].s3.object.key);
const sqs = kit.makeSqsEvent([{ orderId: 42 }, 'plain text'], { queue: 'orders.fifo', region: 'eu-west-1' });
for (const r of sqs.Records)
  console.log(
    `makeSqsEvent record: body=${JSON.stringify(r.body)} md5OfBody=${r.md5OfBody} group=${r.attributes.MessageGroupId} arn=${r.eventSourceARN}`,
  );
const ddb = kit.makeDynamoDBStreamEvent(
  [
    kit.dynamodbChange.insert({ id: 'o-1', total: 10 }),
    kit.dynamodbChange.modify({ id: 'o-1', total: 10 }, { id: 'o-1', total: 12 }),
    kit.dynamodbChange.remove({ id: 'o-1', total: 12 }, { ttl: true }),
  ],
  { table: 'orders', streamViewType: 'NEW_AND_OLD_IMAGES' },
);
for (const r of ddb.Records)
  console.log(
    `makeDynamoDBStreamEvent: ${r.eventName.padEnd(6)} seq=${r.dynamodb.SequenceNumber} SizeBytes=${r.dynamodb.SizeBytes} images=${['OldImage', 'NewImage'].filter((k) => k in r.dynamodb).join('+') || '-'}${r.userIdentity ? ' (TTL delete)' : ''}`,
  );
try {
  kit.makeSqsEvent(['x'], { queue: 'orders', attributes: { MessageGroupId: 'g1' } });
} catch (error) {
  console.log('Bad input is named, at the call:', error.message);
}

heading('3. Arbitraries: the same events as shrinkable fast-check generators');
const fc = (await import('fast-check')).default;
const arbitraries = await import('../dist/bundle/arbitraries.js');
const [sample] = fc.sample(arbitraries.s3Event({ bucket: 'photos' }), { numRuns: 1, seed: 3 });
console.log(
  's3Event sample key:',
  sample.Records[0].s3.object.key,
  '→',
  kit.decodeS3Key(sample.Records[0].s3.object.key),
);
const result = fc.check(
  fc.property(arbitraries.sqsEvent(), (event) => event.Records.every((r) => r.md5OfBody.length === 32)),
  { numRuns: 200, seed: 1 },
);
console.log(`property "md5OfBody is 32 hex digits" over 200 generated SQS events: ${result.failed ? 'FAILED' : 'ok'}`);

heading('4. The template oracle: what an EventBridge Pipes target really receives');
cli(['lint', demoFile('sqs-template.json'), '--source', 'sqs']);
const pipes = await import('../dist/bundle/pipes.js');
const [record] = kit.toPipesSourceBatch(kit.makeSqsEvent([{ orderId: 7, note: 'say "hi"' }]));
const rendered = pipes.renderPipeTemplate('{"orderId": <$.body.orderId>, "note": "<$.body.note>"}', record);
console.log('rendered for a body whose note holds quotes:', JSON.stringify(rendered));
console.log(
  '(AWS does not escape extracted values: that output is not valid JSON, and check-template finds such events)',
);
cli(['check-template', demoFile('sqs-template.json'), '--source', 'sqs', '--runs', '300', '--seed', '1'], {
  maxLines: 30,
});

heading('5. In-process AWS: the real SDK talks to msw mocks, handlers get Lambda-shaped events');
const { createAwsMocks, awsTestClientConfig } = await import('../dist/bundle/msw.js');
const { setupServer } = await import('msw/node');
const { SQSClient, CreateQueueCommand, SendMessageCommand } = await import('@aws-sdk/client-sqs');
const mocks = createAwsMocks({ region: 'eu-west-1' });
const server = setupServer(...mocks.handlers);
server.listen({ onUnhandledRequest: 'error' });
const client = new SQSClient(awsTestClientConfig({ region: 'eu-west-1' }));
const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'orders' }));
const seen = [];
mocks.sqs.subscribe(
  'orders',
  async (event) => {
    for (const r of event.Records) seen.push(`${r.body} (receive #${r.attributes.ApproximateReceiveCount})`);
  },
  { batchSize: 10 },
);
await client.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ orderId: 1 }) }));
await client.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ orderId: 2 }) }));
await mocks.drain();
console.log('SQS handler received, via SendMessage through the real @aws-sdk/client-sqs:', seen);
server.close();
console.log('\nMore: README.md. Tests: npm test.');
