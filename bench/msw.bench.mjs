// 1,000 SendMessage + ReceiveMessage + DeleteMessage cycles through the real SQS client against
// the in-memory SQS mock, as a ratio against the same cycles answered by a canned-response msw
// handler (the floor: SDK + msw), measured in the same run; aws-sdk-client-mock (no HTTP, no
// middleware) is reported for reference. Target: mock ≤ 1.5× canned.
import { createHash } from 'node:crypto';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { awsTestClientConfig, createAwsMocks } from '../dist/bundle/msw.js';
import { formatNs, measure, report } from './_lib.mjs';

const CYCLES = 1000;
const BODY = 'bench message body';
const MD5 = createHash('md5').update(BODY).digest('hex');
const HANDLE = `AQEB${'x'.repeat(300)}`;

// The mock (us-east-1) and the canned floor (eu-west-1, matched first: the mock pays that extra predicate).
const mocks = createAwsMocks({ guardHttp2: false });
const queue = mocks.sqs.createQueue('bench');
const json = (body) =>
  HttpResponse.json(body, { headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'canned' } });
const canned = http.post('https://sqs.eu-west-1.amazonaws.com/', async ({ request }) => {
  const target = request.headers.get('x-amz-target');
  await request.text();
  if (target === 'AmazonSQS.SendMessage')
    return json({ MessageId: 'a3f4c1b2-0000-4000-8000-000000000000', MD5OfMessageBody: MD5 });
  if (target === 'AmazonSQS.ReceiveMessage')
    return json({
      Messages: [
        { MessageId: 'a3f4c1b2-0000-4000-8000-000000000000', ReceiptHandle: HANDLE, MD5OfBody: MD5, Body: BODY },
      ],
    });
  return json({});
});
const server = setupServer(canned, ...mocks.handlers);
server.listen({ onUnhandledRequest: 'error' });

const mockSqs = new SQSClient(awsTestClientConfig({ region: 'us-east-1' }));
const cannedSqs = new SQSClient(awsTestClientConfig({ region: 'eu-west-1' }));
const stubbedSqs = new SQSClient(awsTestClientConfig({ region: 'eu-west-1' }));
mockClient(stubbedSqs)
  .on(SendMessageCommand)
  .resolves({ MessageId: 'a3f4c1b2-0000-4000-8000-000000000000', MD5OfMessageBody: MD5 })
  .on(ReceiveMessageCommand)
  .resolves({
    Messages: [
      { MessageId: 'a3f4c1b2-0000-4000-8000-000000000000', ReceiptHandle: HANDLE, MD5OfBody: MD5, Body: BODY },
    ],
  })
  .on(DeleteMessageCommand)
  .resolves({});

async function cycle(client, QueueUrl) {
  await client.send(new SendMessageCommand({ QueueUrl, MessageBody: BODY }));
  const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
  const message = Messages?.[0];
  if (message === undefined) throw new Error('bench: nothing received');
  await client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
}
const cannedUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/bench';

// Each task is one cycle; ~1,000+ cycles per task at this duration.
const results = await measure(
  {
    'canned msw handler (SDK + msw floor)': () => cycle(cannedSqs, cannedUrl),
    'aws-event-kit SQS mock': () => cycle(mockSqs, queue.url),
    'aws-sdk-client-mock (no HTTP, no middleware)': () => cycle(stubbedSqs, cannedUrl),
  },
  { time: 3000, warmupTime: 500 },
);
report(`SQS send+receive+delete cycle`, results, 'canned msw handler (SDK + msw floor)', {
  'aws-event-kit SQS mock': 1.5,
});
for (const [name, ns] of Object.entries(results))
  console.log(`${name.padEnd(58)} ${formatNs(ns * CYCLES).padStart(11)} per ${CYCLES} cycles`);
if (mocks.sqs.messages('bench').length !== 0) throw new Error('bench: the mock queue should be empty');
server.close();
