/**
 * `generate <kind>` factory inputs (--bucket, --queue, --region, --option …): they reach the
 * factories, so derived fields follow; errors are one-line usage errors (exit 2).
 */
import {
  DynamoDBStreamSchema,
  EventBridgeSchema,
  KinesisDataStreamSchema,
  S3Schema,
  SqsSchema,
} from '@aws-lambda-powertools/parser/schemas';
import { docSection } from '../_helpers/readme.js';
import { describe, expect, it } from 'vitest';
import { decodeCloudWatchLogsEvent, makeCloudWatchLogsEvent } from '../../fixtures/cloudwatchLogs.js';
import { dynamodbChange, makeDynamoDBKinesisEvent, makeDynamoDBStreamEvent } from '../../fixtures/dynamodb.js';
import { makeEventBridgeEvent, makeScheduledEvent } from '../../fixtures/eventbridge.js';
import { makeKinesisEvent } from '../../fixtures/kinesis.js';
import { makeS3EventBridgeEvent, makeS3PutEvent, makeS3TestEvent } from '../../fixtures/s3.js';
import { md5OfBody, md5OfMessageAttributes, makeSqsEvent } from '../../fixtures/sqs.js';
import { generateCommand } from '../../src/cli/commands/generate.js';
import { familyFlags, jsonOrText, NO_INPUTS } from '../../src/cli/inputs.js';
import { findKind, INPUT_FLAGS, KINDS } from '../../src/cli/kinds.js';
import { cli } from './_io.js';

/** Runs `generate …`, expects exit 0 and no stderr, returns the parsed JSON. */
async function generate(...args: string[]): Promise<any> {
  const { code, stdout, stderr } = await cli('generate', ...args);
  expect(stderr, args.join(' ')).toBe('');
  expect(code, args.join(' ')).toBe(0);
  return JSON.parse(stdout);
}

/** Runs `generate …`, expects a one-line usage error matching `message`. */
async function usageError(args: string[], message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await cli('generate', ...args);
  expect(code, args.join(' ')).toBe(2);
  expect(stdout, args.join(' ')).toBe('');
  expect(stderr, args.join(' ')).toMatch(/^aws-event-kit generate: /);
  expect(stderr.trimEnd(), args.join(' ')).toMatch(message);
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd(), args.join(' ')).not.toContain('\n');
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('generate: S3 inputs', () => {
  it('--bucket and --key reach the factory: the bucket ARN follows and the key is encoded', async () => {
    const event = await generate('s3:put', '--bucket', 'photo-uploads', '--key', 'my photos/cat+dog.jpg');
    const { s3 } = event.Records[0];
    expect(s3.bucket.name).toBe('photo-uploads');
    expect(s3.bucket.arn).toBe('arn:aws:s3:::photo-uploads');
    expect(s3.object.key).toBe('my+photos/cat%2Bdog.jpg');
    expect(event).toEqual(json(makeS3PutEvent('photo-uploads', { key: 'my photos/cat+dog.jpg', size: 1024, seed: 0 })));
    expect(S3Schema.safeParse(event).success).toBe(true);
  });

  it('--size, --version-id, --source-ip, --region and --time set the record', async () => {
    const versionId = '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd12';
    const event = await generate(
      's3:put',
      '--size=7',
      '--version-id',
      versionId,
      '--source-ip',
      '2001:db8::1',
      '--region',
      'eu-west-1',
      '--time',
      '2026-03-01T00:00:00.000Z',
    );
    const [record] = event.Records;
    expect(record.s3.object).toMatchObject({ size: 7, versionId });
    expect(record.requestParameters.sourceIPAddress).toBe('2001:db8::1');
    expect(record.awsRegion).toBe('eu-west-1');
    expect(record.eventTime).toBe('2026-03-01T00:00:00.000Z');
    expect((await generate('s3:put', '--time', '1767225600000')).Records[0].eventTime).toBe('2026-01-01T00:00:00.000Z');
  });

  it('the EventBridge S3 kinds share the inputs: resources follow the bucket; s3:test takes --bucket', async () => {
    const event = await generate(
      's3:eventbridge:object-deleted',
      '--bucket',
      'photo-uploads',
      '--key',
      'a b.jpg',
      '--option',
      'reason=Lifecycle Expiration',
    );
    expect(event.resources).toEqual(['arn:aws:s3:::photo-uploads']);
    expect(event.detail.object.key).toBe('a+b.jpg');
    expect(event).toEqual(
      json(
        makeS3EventBridgeEvent('Object Deleted', 'photo-uploads', {
          key: 'a b.jpg',
          reason: 'Lifecycle Expiration',
          seed: 0,
        }),
      ),
    );
    expect(await generate('s3:test', '--bucket', 'photo-uploads', '--time', '2026-02-02T00:00:00Z')).toEqual(
      json(makeS3TestEvent('photo-uploads', { seed: 0, time: '2026-02-02T00:00:00Z' })),
    );
  });

  it('--partition must agree with the region (the factory checks)', async () => {
    const event = await generate('s3:put', '--region', 'cn-north-1', '--partition', 'aws-cn', '--bucket', 'b-cn');
    expect(event.Records[0].s3.bucket.arn).toBe('arn:aws-cn:s3:::b-cn');
    await usageError(
      ['s3:put', '--partition', 'aws-cn'],
      /makeS3PutEvent: options\.partition "aws-cn" does not match region "us-east-1"/,
    );
  });
});

describe('generate: SQS inputs', () => {
  it('--body gives one message each, verbatim; md5OfBody follows', async () => {
    const event = await generate('sqs', '--body', '{"orderId":1}', '--body', 'plain', '--body', '{ "spaced": true }');
    expect(event.Records.map((r: { body: string }) => r.body)).toEqual([
      '{"orderId":1}',
      'plain',
      '{ "spaced": true }',
    ]);
    for (const record of event.Records) expect(record.md5OfBody).toBe(md5OfBody(record.body));
    expect(event).toEqual(json(makeSqsEvent(['{"orderId":1}', 'plain', '{ "spaced": true }'], { seed: 0 })));
    expect(SqsSchema.safeParse(event).success).toBe(true);
  });

  it('--queue orders.fifo with --region: FIFO attributes, and every ARN and awsRegion follow', async () => {
    const event = await generate(
      'sqs',
      '--queue',
      'orders.fifo',
      '--region',
      'eu-west-1',
      '--body',
      '{"orderId":1}',
      '--body',
      'plain',
    );
    expect(event.Records).toHaveLength(2);
    for (const record of event.Records) {
      expect(record.eventSourceARN).toBe('arn:aws:sqs:eu-west-1:123456789012:orders.fifo');
      expect(record.awsRegion).toBe('eu-west-1');
      expect(record.attributes).toHaveProperty('MessageGroupId', 'default');
      expect(record.attributes).toHaveProperty('SequenceNumber');
      expect(record.attributes).toHaveProperty('MessageDeduplicationId');
    }
    expect(event).toEqual(
      json(makeSqsEvent(['{"orderId":1}', 'plain'], { queue: 'orders.fifo', region: 'eu-west-1', seed: 0 })),
    );
  });

  it('--queue takes an ARN (whose region applies) and --account moves the ARN', async () => {
    const fromArn = await generate('sqs', '--queue', 'arn:aws:sqs:ap-south-1:111122223333:jobs');
    expect(fromArn.Records[0]).toMatchObject({
      awsRegion: 'ap-south-1',
      eventSourceARN: 'arn:aws:sqs:ap-south-1:111122223333:jobs',
    });
    const account = await generate('sqs', '--account', '210987654321');
    expect(account.Records[0].eventSourceARN).toBe('arn:aws:sqs:us-east-1:210987654321:my-queue');
  });

  it('--message-attribute name=Type:value; md5OfMessageAttributes follows', async () => {
    const event = await generate(
      'sqs',
      '--body',
      'x',
      '--message-attribute',
      'priority=Number:5',
      '--message-attribute',
      'source=String:web:eu',
      '--message-attribute',
      'blob=Binary:AAE=',
    );
    const [record] = event.Records;
    expect(record.messageAttributes.priority).toMatchObject({ dataType: 'Number', stringValue: '5' });
    expect(record.messageAttributes.source).toMatchObject({ dataType: 'String', stringValue: 'web:eu' });
    expect(record.messageAttributes.blob).toMatchObject({ dataType: 'Binary', binaryValue: 'AAE=' });
    expect(record.md5OfMessageAttributes).toBe(md5OfMessageAttributes(record.messageAttributes));
  });

  it('sqs:fifo keeps its FIFO queue and takes another FIFO one; pipes:sqs takes the SQS inputs', async () => {
    const fifo = await generate('sqs:fifo', '--queue', 'payments.fifo', '--body', 'a', '--body', 'b');
    expect(fifo.Records[1].eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:payments.fifo');
    expect(fifo.Records[1].attributes.SequenceNumber).toBeDefined();
    const fifoRegion = await generate('sqs:fifo', '--region', 'eu-central-1');
    expect(fifoRegion.Records[0].eventSourceARN).toBe('arn:aws:sqs:eu-central-1:123456789012:orders.fifo');
    const pipes = await generate('pipes:sqs', '--queue', 'q', '--body', 'hello');
    expect(pipes).toHaveLength(1);
    expect(pipes[0]).toMatchObject({
      body: 'hello',
      md5OfBody: md5OfBody('hello'),
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:q',
    });
  });
});

describe('generate: Kinesis, DynamoDB, EventBridge and CloudWatch Logs inputs', () => {
  it('kinesis: --stream, --shard-id, --partition-key, --data, --region', async () => {
    const event = await generate(
      'kinesis',
      '--stream',
      'telemetry',
      '--shard-id',
      'shardId-000000000004',
      '--partition-key',
      'sensor-1',
      '--data',
      '{"reading":1.5}',
      '--data',
      'plain',
      '--region',
      'eu-west-2',
    );
    expect(event.Records).toHaveLength(2);
    for (const record of event.Records) {
      expect(record.eventSourceARN).toBe('arn:aws:kinesis:eu-west-2:123456789012:stream/telemetry');
      expect(record.awsRegion).toBe('eu-west-2');
      expect(record.eventID.startsWith('shardId-000000000004:')).toBe(true);
      expect(record.kinesis.partitionKey).toBe('sensor-1');
    }
    expect(
      event.Records.map((r: { kinesis: { data: string } }) => Buffer.from(r.kinesis.data, 'base64').toString('utf8')),
    ).toEqual(['{"reading":1.5}', 'plain']);
    expect(event).toEqual(
      json(
        makeKinesisEvent(['{"reading":1.5}', 'plain'], {
          stream: 'telemetry',
          shardId: 'shardId-000000000004',
          partitionKey: 'sensor-1',
          region: 'eu-west-2',
          seed: 0,
        }),
      ),
    );
    expect(KinesisDataStreamSchema.safeParse(event).success).toBe(true);
    const pipes = await generate('pipes:kinesis', '--stream', 'telemetry');
    expect(pipes[0].eventSourceARN).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/telemetry');
  });

  it('dynamodb: --table gives the stream ARN, --keys the Keys (and the sample items hold them), --stream-view-type the images', async () => {
    const event = await generate(
      'dynamodb',
      '--table',
      'Orders',
      '--keys',
      'pk,sk',
      '--stream-view-type',
      'KEYS_ONLY',
      '--region',
      'eu-west-1',
    );
    for (const record of event.Records) {
      expect(record.eventSourceARN).toMatch(
        /^arn:aws:dynamodb:eu-west-1:123456789012:table\/Orders\/stream\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/,
      );
      expect(record.awsRegion).toBe('eu-west-1');
      expect(record.dynamodb.Keys).toEqual({ pk: { S: 'order-1001' }, sk: { S: 'details' } });
      expect(record.dynamodb.StreamViewType).toBe('KEYS_ONLY');
      expect(record.dynamodb.NewImage).toBeUndefined();
    }
    expect(DynamoDBStreamSchema.safeParse(event).success).toBe(true);
    const table = await generate('dynamodb', '--table', 'Orders');
    const item = (status: string) => ({ id: 'order-1001', status, total: 42.5 });
    expect(table).toEqual(
      json(
        makeDynamoDBStreamEvent(
          [
            dynamodbChange.insert(item('NEW')),
            dynamodbChange.modify(item('NEW'), item('PAID')),
            dynamodbChange.remove(item('PAID')),
          ],
          { table: 'Orders', seed: 0 },
        ),
      ),
    );
    const pipes = await generate('pipes:dynamodb', '--table', 'Orders');
    expect(pipes[0].eventSourceARN).toMatch(/:table\/Orders\/stream\//);
  }, 10_000);

  it('dynamodb:kinesis: --table and --keys reach the payload; --stream the Kinesis ARN', async () => {
    const event = await generate('dynamodb:kinesis', '--table', 'Orders', '--keys', 'pk', '--stream', 'orders-cdc');
    expect(event.Records[0].eventSourceARN).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/orders-cdc');
    const payload = JSON.parse(Buffer.from(event.Records[0].kinesis.data, 'base64').toString('utf8'));
    expect(payload.tableName).toBe('Orders');
    expect(payload.dynamodb.Keys).toEqual({ pk: { S: 'order-1001' } });
    expect(event).toEqual(
      json(
        makeDynamoDBKinesisEvent([{ eventName: 'INSERT', newItem: { pk: 'order-1001', status: 'NEW' } }], {
          table: 'Orders',
          keys: ['pk'],
          stream: 'orders-cdc',
          seed: 0,
        }),
      ),
    );
  });

  it('eventbridge: --source, --detail-type, --detail, --resource; scheduled: --rule (the rule ARN follows --region)', async () => {
    const event = await generate(
      'eventbridge',
      '--source',
      'com.example.billing',
      '--detail-type',
      'Invoice Paid',
      '--detail',
      '{"invoiceId":"i-1","amount":5}',
      '--resource',
      'arn:aws:s3:::bills',
      '--resource',
      'arn:aws:s3:::bills/2026',
    );
    expect(event).toMatchObject({
      source: 'com.example.billing',
      'detail-type': 'Invoice Paid',
      detail: { invoiceId: 'i-1', amount: 5 },
      resources: ['arn:aws:s3:::bills', 'arn:aws:s3:::bills/2026'],
    });
    expect(event).toEqual(
      json(
        makeEventBridgeEvent(
          'Invoice Paid',
          'com.example.billing',
          { invoiceId: 'i-1', amount: 5 },
          { resources: ['arn:aws:s3:::bills', 'arn:aws:s3:::bills/2026'], seed: 0 },
        ),
      ),
    );
    expect(EventBridgeSchema.safeParse(event).success).toBe(true);
    const replay = await generate('eventbridge', '--option', 'replayName=nightly-replay');
    expect(replay['replay-name']).toBe('nightly-replay');
    const scheduled = await generate(
      'scheduled',
      '--rule',
      'nightly-report',
      '--region',
      'eu-west-1',
      '--account',
      '111122223333',
    );
    expect(scheduled).toEqual(
      makeScheduledEvent('nightly-report', { region: 'eu-west-1', account: '111122223333', seed: 0 }),
    );
    expect(scheduled.resources).toEqual(['arn:aws:events:eu-west-1:111122223333:rule/nightly-report']);
  });

  it('cloudwatch-logs: --log-group, --log-stream, --message; the control kind takes --time', async () => {
    const event = await generate(
      'cloudwatch-logs',
      '--log-group',
      '/aws/lambda/orders',
      '--log-stream',
      'stream-1',
      '--message',
      'hello',
      '--message',
      'world',
      '--account',
      '111122223333',
    );
    const data = decodeCloudWatchLogsEvent(event);
    expect(data).toMatchObject({ owner: '111122223333', logGroup: '/aws/lambda/orders', logStream: 'stream-1' });
    expect(data.logEvents.map((e) => e.message)).toEqual(['hello', 'world']);
    expect(event).toEqual(
      makeCloudWatchLogsEvent(['hello', 'world'], {
        logGroup: '/aws/lambda/orders',
        logStream: 'stream-1',
        account: '111122223333',
        seed: 0,
      }),
    );
    const control = decodeCloudWatchLogsEvent(
      await generate('cloudwatch-logs:control', '--time', '2026-05-05T00:00:00Z'),
    );
    expect(control.logEvents[0]!.timestamp).toBe(Date.parse('2026-05-05T00:00:00Z'));
  });
});

describe('generate: --option, --count and --set with inputs', () => {
  it('--option name=value sets any other factory option (JSON when it parses)', async () => {
    const versioned = await generate(
      's3:put',
      '--option',
      'versioned=true',
      '--option',
      'principalId=AWS:AIDAEXAMPLEUSER1234',
    );
    expect(versioned.Records[0].s3.object.versionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(versioned.Records[0].userIdentity.principalId).toBe('AWS:AIDAEXAMPLEUSER1234');
    const attrs = await generate('sqs', '--option', 'attributes={"ApproximateReceiveCount":3}');
    expect(attrs.Records[0].attributes.ApproximateReceiveCount).toBe('3');
    const region = await generate('sqs', '--option', 'region=eu-north-1');
    expect(region.Records[0].awsRegion).toBe('eu-north-1');
    const keys = await generate('dynamodb', '--option', 'keys=["orderId"]');
    expect(keys.Records[0].dynamodb.Keys).toEqual({ orderId: { S: 'order-1001' } });
  });

  it('--count N: every event uses the inputs, seeds S, S+1, …', async () => {
    const events = await generate('sqs', '--queue', 'orders.fifo', '--body', 'a', '--count', '3', '--seed', '5');
    expect(events).toHaveLength(3);
    events.forEach((event: unknown, i: number) =>
      expect(event).toEqual(json(makeSqsEvent(['a'], { queue: 'orders.fifo', seed: 5 + i }))),
    );
    expect(new Set(events.map((e: { Records: { messageId: string }[] }) => e.Records[0]!.messageId)).size).toBe(3);
    const { stdout } = await cli('generate', 's3:put', '--bucket', 'photo-uploads', '--count', '2', '--ndjson');
    for (const line of stdout.trimEnd().split('\n'))
      expect(JSON.parse(line).Records[0].s3.bucket.arn).toBe('arn:aws:s3:::photo-uploads');
  });

  it('--set edits apply after the inputs built the event, to every event, without sharing state', async () => {
    const event = await generate('sqs', '--body', 'hello', '--set', 'Records[0].body=bye');
    expect(event.Records[0].body).toBe('bye');
    expect(event.Records[0].md5OfBody).toBe(md5OfBody('hello')); // built from the input; --set is raw
    const s3 = await generate('s3:put', '--bucket', 'photo-uploads', '--set', 'Records[0].s3.bucket.name=edited');
    expect(s3.Records[0].s3.bucket).toMatchObject({ name: 'edited', arn: 'arn:aws:s3:::photo-uploads' });
    // The factory hands the resources array to the event: --set on one event must not reach the next.
    const events = await generate(
      'eventbridge',
      '--resource',
      'arn:aws:s3:::b',
      '--set',
      'resources[1]=extra',
      '--count',
      '3',
    );
    for (const e of events) expect(e.resources).toEqual(['arn:aws:s3:::b', 'extra']);
  });
});

describe('generate: input errors', () => {
  it('an input the kind does not take names it, what the kind takes and which kinds take it', async () => {
    await usageError(
      ['s3:put', '--queue', 'orders'],
      /--queue does not apply to s3:put, which takes --bucket, --key, .*--option; --queue is for sqs:\*, sns:fifo, pipes:sqs$/,
    );
    await usageError(
      ['sqs', '--bucket', 'b'],
      /--bucket does not apply to sqs, .*; --bucket is for s3:\*, sqs:s3-via-sns$/,
    );
    await usageError(['sqs', '--key', 'k'], /--key is for s3:\* \(not s3:test\), sqs:s3-via-sns$/);
    await usageError(
      ['s3:test', '--region', 'eu-west-1'],
      /--region does not apply to s3:test, which takes --bucket, --time, --option; --region is for every kind but s3:test, cloudwatch-logs:control$/,
    );
    await usageError(
      ['cloudwatch-logs:control', '--message', 'x'],
      /--message does not apply to cloudwatch-logs:control, which takes --time, --option; --message is for sqs:sns, sqs:sns:raw, sns, sns:fifo, cloudwatch-logs$/,
    );
    await usageError(['dynamodb', '--stream', 's'], /--stream is for kinesis, dynamodb:kinesis, pipes:kinesis$/);
  });

  it('a missing or malformed value is a usage error', async () => {
    await usageError(['s3:put', '--bucket'], /option --bucket needs a value/);
    await usageError(['sqs', '--body'], /option --body needs a value/);
    await usageError(['s3:put', '--bucket', 'a', '--bucket', 'b'], /option --bucket is given twice/);
    await usageError(['s3:put', '--size', '1kb'], /--size must be an integer, got "1kb"/);
    await usageError(['eventbridge', '--detail', '{orderId:1}'], /--detail must be JSON, got "\{orderId:1\}"/);
    await usageError(['sqs', '--message-attribute', 'novalue'], /--message-attribute needs name=Type:value/);
    await usageError(
      ['sqs', '--message-attribute', 'a=1', '--message-attribute', 'a=2'],
      /--message-attribute a is given twice/,
    );
    await usageError(
      ['sqs:fifo', '--queue', 'orders'],
      /sqs:fifo needs a FIFO queue, a name ending in \.fifo; got "orders"/,
    );
  });

  it("a value the factory rejects exits 2 with the factory's message on one line", async () => {
    await usageError(
      ['s3:put', '--bucket', 'My_Bucket'],
      /^aws-event-kit generate: makeS3PutEvent: bucket "My_Bucket" breaks S3's bucket naming rules/,
    );
    await usageError(
      ['s3:put', '--region', 'mars-1'],
      /makeS3PutEvent: options\.region "mars-1" is not an AWS region code/,
    );
    await usageError(['sqs', '--account', '123'], /makeSqsEvent: options\.account "123" is not an AWS account id/);
    await usageError(['sqs', '--time', 'yesterday'], /makeSqsEvent: options\.time "yesterday" is not a valid time/);
    await usageError(['s3:delete', '--size', '5'], /makeS3DeleteEvent: options\.size does not apply/);
    await usageError(['sqs', '--queue', 'bad name!'], /makeSqsEvent: options\.queue/);
    await usageError(['sqs', '--message-attribute', 'n=Number:abc'], /makeSqsEvent: options\.messageAttributes/);
    await usageError(
      ['dynamodb', '--stream-view-type', 'NEW'],
      /makeDynamoDBStreamEvent: options\.streamViewType "NEW"/,
    );
    await usageError(['dynamodb', '--table', 'x'], /makeDynamoDBStreamEvent: options\.table/);
    await usageError(['kinesis', '--shard-id', '1'], /makeKinesisEvent: options\.shardId "1"/);
    await usageError(['eventbridge', '--detail', '[1]'], /makeEventBridgeEvent: detail must be a JSON object/);
    await usageError(
      ['eventbridge', '--resource', 'arn:aws-cn:s3:::b'],
      /makeEventBridgeEvent: options\.resources\[0\]/,
    );
    await usageError(['scheduled', '--rule', 'bad rule'], /makeScheduledEvent: ruleName/);
    await usageError(
      ['cloudwatch-logs', '--log-group', 'bad group!'],
      /makeCloudWatchLogsEvent: parts\.logGroup|logGroup/,
    );
  });

  it('--option: refused names, unknown names, arguments, and two flags setting one option', async () => {
    await usageError(
      ['sqs', '--option', 'overrides={"Records":[]}'],
      /--option overrides is refused: edit the built event with --set path=value/,
    );
    for (const name of ['__proto__', 'constructor', 'prototype'])
      await usageError(['sqs', '--option', `${name}={"x":1}`], new RegExp(`--option ${name} is not allowed`));
    await usageError(['sqs', '--option', 'seed=3'], /--option seed is refused: use --seed/);
    await usageError(
      ['sqs', '--option', 'queu=x'],
      /--option queu is not an option of sqs \(did you mean queue\?\); it takes region, account, partition, time, queue, /,
    );
    await usageError(
      ['cloudwatch-logs:control', '--option', 'logGroup=x'],
      /--option logGroup is not an option of cloudwatch-logs:control; it takes time$/,
    );
    await usageError(
      ['eventbridge', '--option', 'detail={}'],
      /--option detail: detail is an argument of the factory, not an option; use --detail/,
    );
    await usageError(['sqs', '--option', 'novalue'], /--option needs name=value, got "novalue"/);
    await usageError(['sqs', '--option', '=x'], /--option needs name=value/);
    await usageError(
      ['sqs', '--queue', 'a', '--option', 'queue=b'],
      /--queue and --option queue both set queue; give one/,
    );
    await usageError(
      ['sqs', '--option', 'queue=a', '--option', 'queue=b'],
      /--option queue and --option queue both set queue/,
    );
    await usageError(
      ['sqs', '--region', 'eu-west-1', '--option', 'region=eu-west-2'],
      /--region and --option region both set region/,
    );
    await usageError(
      ['sqs', '--option', 'emptyMd5OfMessageAttributes=maybe'],
      /makeSqsEvent: options\.emptyMd5OfMessageAttributes must be 'omit'/,
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('generate <kind> --help and the kinds table', () => {
  it("prints the kind's inputs, one line each, and exits 0", async () => {
    const { code, stdout, stderr } = await cli('generate', 's3:put', '--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: aws-event-kit generate s3:put /);
    for (const flag of [
      '--bucket NAME',
      '--key KEY',
      '--size BYTES',
      '--version-id ID',
      '--source-ip IP',
      '--region REGION',
      '--account ACCOUNT',
      '--partition PARTITION',
      '--time TIME',
      '--option name=value',
    ])
      expect(stdout).toContain(flag);
    expect(stdout).toContain('eTag, versionId');
    expect((await cli('generate', 'sqs', '-h')).stdout).toMatch(/--body TEXT \.\.\.\s+one message/);
    expect((await cli('generate', 'sqs:fif', '--help')).code).toBe(2);
    expect((await cli('generate', '--help')).stdout).toBe(generateCommand.help);
  });

  it('every kind declares a family; every family flag is in generate --help; every description is one line', () => {
    for (const kind of KINDS) {
      for (const input of familyFlags(kind.family)) {
        expect(input.description, `${kind.name} --${input.flag}`).not.toContain('\n');
        expect(INPUT_FLAGS.get(input.flag)?.repeat ?? false).toBe(input.repeat ?? false);
        expect(generateCommand.help, input.flag).toContain(`--${input.flag}`);
      }
      expect(kind.family.options).not.toContain('overrides');
      expect(kind.family.options).not.toContain('seed');
    }
    // The S3 kinds share one declaration of their flags.
    expect(findKind('s3:put')!.family.inputs).toBe(findKind('s3:eventbridge')!.family.inputs);
    expect(findKind('s3:delete')!.family).toBe(findKind('s3:ObjectCreated:Copy')!.family);
  });

  it('kind.make(seed) and kind.make(seed, NO_INPUTS) are the defaults', () => {
    for (const kind of KINDS) expect(json(kind.make(3, NO_INPUTS)), kind.name).toEqual(json(kind.make(3)));
    expect(jsonOrText('{"a":1}')).toEqual({ a: 1 });
    expect(jsonOrText('plain')).toBe('plain');
  });
});

describe('README: Command line', () => {
  /** Splits a shell line into words: whitespace-separated, with '…' and "…" quoting; stops at # comments. */
  function words(line: string): string[] {
    const out: string[] = [];
    let word: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (c === "'" || c === '"') {
        const end = line.indexOf(c, i + 1);
        word = (word ?? '') + line.slice(i + 1, end);
        i = end;
      } else if (/\s/.test(c)) {
        if (word !== undefined) out.push(word);
        word = undefined;
      } else if (c === '#' && word === undefined) break;
      else word = (word ?? '') + c;
    }
    if (word !== undefined) out.push(word);
    return out;
  }

  it('every aws-event-kit example in a sh block runs, and $-prompted ones print what the doc shows', async () => {
    const doc = docSection('docs/guide/cli.md', '## Command line');
    const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] as string).split('\n'));
    let ran = 0;
    for (const lines of blocks) {
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        const prompted = line.startsWith('$ aws-event-kit ');
        if (!prompted && !line.startsWith('aws-event-kit ')) continue;
        if (/[>|]/.test(line.replace(/'[^']*'/g, ''))) continue; // redirected or piped: the spawn tests cover those
        const args = words(prompted ? line.slice(2) : line).slice(1);
        const { code, stdout, stderr } = await cli(...args);
        ran++;
        if (prompted && lines[i + 1]?.startsWith('aws-event-kit')) {
          expect(code, line).toBe(2);
          expect(stderr, line).toBe(`${lines[i + 1]}\n`);
          i++;
        } else {
          expect(stderr, line).toBe('');
          expect(code, line).toBe(0);
          expect(stdout.length, line).toBeGreaterThan(0);
        }
      }
    }
    expect(ran).toBeGreaterThan(15);
  });
});
