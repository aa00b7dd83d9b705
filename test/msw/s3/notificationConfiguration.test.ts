/**
 * PutBucketNotificationConfiguration with every destination kind, through createAwsMocks and the
 * real client-s3: queues get the s3:TestEvent then the records, functions are invoked
 * asynchronously, EventBridgeConfiguration sends the bucket's events to the default bus, and bad
 * configurations get S3's answers. The validation answers follow what localstack recorded against
 * AWS (tests/aws/services/s3/test_s3_notifications_{sqs,sns,lambda}.snapshot.json,
 * test_s3_api.snapshot.json) and the S3 user guide's filtering rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html).
 */
import {
  CreateBucketCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  S3ServiceException,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas';
import type { S3Event } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const s3 = new S3Client({ ...awsTestClientConfig(), forcePathStyle: false });
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:uploads';
const MISSING_QUEUE = 'arn:aws:sqs:us-east-1:123456789012:missing';

const put = (NotificationConfiguration: NotificationConfiguration, Bucket = 'bkt') =>
  s3.send(new PutBucketNotificationConfigurationCommand({ Bucket, NotificationConfiguration }));
const refusal = async (configuration: NotificationConfiguration) => {
  const error = await put(configuration).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(S3ServiceException);
  return error as S3ServiceException & Record<string, unknown>;
};

beforeEach(async () => {
  await s3.send(new CreateBucketCommand({ Bucket: 'bkt' }));
});

describe('destinations', () => {
  it('a queue gets the s3:TestEvent on save, then one record per matching change, built like the factories', async () => {
    mocks.sqs.createQueue('uploads');
    await put({
      QueueConfigurations: [
        {
          Id: 'to-queue',
          QueueArn: QUEUE_ARN,
          Events: ['s3:ObjectCreated:*', 's3:ObjectTagging:*'],
          Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.csv' }] } },
        },
      ],
    });
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'in/data 1.csv', Body: 'a,b' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'in/readme.txt', Body: 'skip' }));
    await s3.send(
      new PutObjectTaggingCommand({
        Bucket: 'bkt',
        Key: 'in/data 1.csv',
        Tagging: { TagSet: [{ Key: 'state', Value: 'new' }] },
      }),
    );
    const bodies = mocks.sqs.messages('uploads').map((m) => JSON.parse(m.body));
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toMatchObject({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'bkt' });
    const [created, tagged] = bodies.slice(1) as [S3Event, S3Event];
    expect(S3Schema.safeParse(created).success).toBe(true);
    expect(created.Records[0]).toMatchObject({
      eventName: 'ObjectCreated:Put',
      s3: { configurationId: 'to-queue', object: { key: 'in/data+1.csv', size: 3 } },
    });
    expect(tagged.Records[0]?.eventName).toBe('ObjectTagging:Put');
    expect(tagged.Records[0]?.s3.object).not.toHaveProperty('sequencer');
  });

  it('a function is invoked asynchronously with the event; the configuration reads back', async () => {
    const received: S3Event[] = [];
    const fn = mocks.lambda.createFunction('thumbnail', (event: S3Event) => void received.push(event));
    await put({
      LambdaFunctionConfigurations: [
        {
          LambdaFunctionArn: fn.arn,
          Events: ['s3:ObjectCreated:Put'],
          Filter: { Key: { FilterRules: [{ Name: 'Prefix' as 'prefix', Value: 'images/' }] } },
        },
      ],
    });
    const saved = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'bkt' }));
    expect(saved.LambdaFunctionConfigurations).toHaveLength(1);
    const id = saved.LambdaFunctionConfigurations?.[0]?.Id as string;
    // S3 names a configuration saved without Id itself.
    expect(id).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(saved.LambdaFunctionConfigurations?.[0]).toEqual({
      Id: id,
      LambdaFunctionArn: fn.arn,
      Events: ['s3:ObjectCreated:Put'],
      Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'images/' }] } },
    });
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'images/a.png', Body: 'png' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'docs/a.txt', Body: 'txt' }));
    expect(received).toEqual([]);
    await mocks.drain();
    expect(received.map((e) => e.Records[0]?.s3.object.key)).toEqual(['images/a.png']);
    expect(received[0]?.Records[0]?.s3.configurationId).toBe(id);
  });

  it('EventBridgeConfiguration sends Object Created to the default bus; an empty configuration turns it off', async () => {
    await put({ EventBridgeConfiguration: {} });
    expect(
      (await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'bkt' }))).EventBridgeConfiguration,
    ).toEqual({});
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'k', Body: 'x' }));
    expect(mocks.eventBridge.events().map((e) => [e.source, e['detail-type']])).toEqual([['aws.s3', 'Object Created']]);
    await put({});
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'k2', Body: 'x' }));
    expect(mocks.eventBridge.events()).toHaveLength(1);
    expect(
      (await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'bkt' }))).EventBridgeConfiguration,
    ).toBeUndefined();
  });

  it('x-amz-skip-destination-validation saves a configuration to a queue that does not exist, and sends no test event', async () => {
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: 'bkt',
        SkipDestinationValidation: true,
        NotificationConfiguration: {
          QueueConfigurations: [{ Id: 'q', QueueArn: MISSING_QUEUE, Events: ['s3:ObjectCreated:*'] }],
        },
      }),
    );
    expect(
      (await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'bkt' }))).QueueConfigurations,
    ).toEqual([{ Id: 'q', QueueArn: MISSING_QUEUE, Events: ['s3:ObjectCreated:*'] }]);
    // Deliveries to it are lost, as S3's are.
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'k', Body: 'x' }));
  });
});

describe("S3's validation", () => {
  it('destinations that do not exist: one ArgumentName/ArgumentValue pair each, nothing saved', async () => {
    const error = await refusal({
      QueueConfigurations: [{ QueueArn: MISSING_QUEUE, Events: ['s3:ObjectCreated:*'] }],
      LambdaFunctionConfigurations: [
        { LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:nope', Events: ['s3:ObjectRemoved:*'] },
      ],
    });
    expect([error.name, error.message]).toEqual([
      'InvalidArgument',
      'Unable to validate the following destination configurations',
    ]);
    expect([error.ArgumentName1, error.ArgumentValue1]).toEqual([
      MISSING_QUEUE,
      'The destination queue does not exist',
    ]);
    expect([error.ArgumentName2, error.ArgumentValue2]).toEqual([
      'arn:aws:lambda:us-east-1:123456789012:function:nope, null',
      'Not authorized to invoke function [arn:aws:lambda:us-east-1:123456789012:function:nope]',
    ]);
    expect(
      (await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'bkt' }))).QueueConfigurations,
    ).toBeUndefined();
  });

  it.each([
    [
      'an ARN that is not one',
      { QueueConfigurations: [{ QueueArn: 'invalid-queue', Events: ['s3:ObjectCreated:*'] }] },
      'The ARN could not be parsed',
      { ArgumentName: 'Queue', ArgumentValue: 'invalid-queue' },
    ],
    [
      'a topic ARN of another service',
      { TopicConfigurations: [{ TopicArn: QUEUE_ARN, Events: ['s3:ObjectCreated:*'] }] },
      'The ARN could not be parsed',
      { ArgumentName: 'Topic', ArgumentValue: QUEUE_ARN },
    ],
    [
      'an unknown event type',
      { QueueConfigurations: [{ QueueArn: QUEUE_ARN, Events: ['s3:ObjectCreated:Nope' as 's3:ObjectCreated:*'] }] },
      'The event is not supported for notifications',
      { ArgumentName: 'Event', ArgumentValue: 's3:ObjectCreated:Nope' },
    ],
    [
      'a filter rule that is neither prefix nor suffix',
      {
        QueueConfigurations: [
          {
            QueueArn: QUEUE_ARN,
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'INVALID' as 'prefix', Value: 'a' }] } },
          },
        ],
      },
      'filter rule name must be either prefix or suffix',
      { ArgumentName: 'FilterRule.Name', ArgumentValue: 'INVALID' },
    ],
    [
      'two unfiltered configurations sharing an event type',
      {
        QueueConfigurations: [
          { QueueArn: QUEUE_ARN, Events: ['s3:ObjectCreated:*'] },
          { QueueArn: QUEUE_ARN, Events: ['s3:ObjectCreated:Put'] },
        ],
      },
      'Configurations overlap. Configurations on the same bucket cannot share a common event type.',
      {},
    ],
    [
      'overlapping prefixes and suffixes for the same event type (across destination kinds)',
      {
        QueueConfigurations: [
          {
            QueueArn: QUEUE_ARN,
            Events: ['s3:ObjectCreated:Put'],
            Filter: {
              Key: {
                FilterRules: [
                  { Name: 'prefix', Value: 'images/' },
                  { Name: 'suffix', Value: '.jpg' },
                ],
              },
            },
          },
        ],
        TopicConfigurations: [
          {
            TopicArn: 'arn:aws:sns:us-east-1:123456789012:t',
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/2024/' }] } },
          },
        ],
      },
      'Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.',
      {},
    ],
    [
      'two ids alike',
      {
        QueueConfigurations: [
          { Id: 'same', QueueArn: QUEUE_ARN, Events: ['s3:ObjectCreated:*'] },
          { Id: 'same', QueueArn: QUEUE_ARN, Events: ['s3:ObjectRemoved:*'] },
        ],
      },
      'Same ID used for multiple configurations. IDs must be unique.',
      {},
    ],
  ] as [string, NotificationConfiguration, string, Record<string, string>][])(
    '%s is InvalidArgument',
    async (_name, configuration, message, extra) => {
      mocks.sqs.createQueue('uploads');
      const error = await refusal(configuration);
      expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual(['InvalidArgument', message, 400]);
      expect(error).toMatchObject(extra);
    },
  );

  it('configurations that share an event type but whose filters cannot both match are accepted', async () => {
    mocks.sqs.createQueue('uploads');
    await put({
      QueueConfigurations: [
        {
          Id: 'jpg',
          QueueArn: QUEUE_ARN,
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.jpg' }] } },
        },
        {
          Id: 'png',
          QueueArn: QUEUE_ARN,
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.png' }] } },
        },
        { Id: 'removed', QueueArn: QUEUE_ARN, Events: ['s3:ObjectRemoved:*'] },
      ],
    });
    expect(
      (await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'bkt' }))).QueueConfigurations?.map(
        (c) => c.Id,
      ),
    ).toEqual(['jpg', 'png', 'removed']);
    // One test event per queue, not per configuration.
    expect(mocks.sqs.messages('uploads')).toHaveLength(1);
  });
});
