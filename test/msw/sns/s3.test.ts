/**
 * S3 → SNS → SQS → Lambda through PutBucketNotificationConfiguration's TopicConfigurations, with
 * the real S3, SNS and SQS clients. What S3 publishes: the S3 event JSON as the message, Subject
 * "Amazon S3 Notification", and an s3:TestEvent when the configuration is saved
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
import {
  CreateBucketCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import type { S3Event, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const s3 = new S3Client({ ...awsTestClientConfig(), forcePathStyle: false });
const sns = new SNSClient(awsTestClientConfig());

describe('S3 TopicConfigurations', () => {
  it('an upload reaches the topic’s queue (double-encoded) and its handler; the configuration test event comes first', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'uploads' }));
    const queue = mocks.sqs.createQueue('thumbnails');
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queue.arn }));
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: 'uploads',
        NotificationConfiguration: {
          TopicConfigurations: [
            {
              Id: 'to-sns',
              TopicArn,
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } },
            },
          ],
        },
      }),
    );
    const saved = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'uploads' }));
    expect(saved.TopicConfigurations).toEqual([
      {
        Id: 'to-sns',
        TopicArn,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'images/' }] } },
      },
    ]);
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'images/cat.png', Body: 'meow' }));
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'docs/readme.txt', Body: 'not an image' }));
    const records: SQSEvent['Records'] = [];
    mocks.sqs.subscribe('thumbnails', (event) => {
      records.push(...event.Records);
    });
    await mocks.drain();
    expect(records).toHaveLength(2);
    const [test, upload] = records.map((r) => JSON.parse(r.body));
    expect(test.Subject).toBe('Amazon S3 Notification');
    expect(JSON.parse(test.Message)).toMatchObject({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'uploads' });
    expect(upload.Subject).toBe('Amazon S3 Notification');
    const event = JSON.parse(upload.Message) as S3Event;
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: { configurationId: 'to-sns', bucket: { name: 'uploads' }, object: { key: 'images/cat.png', size: 4 } },
    });
  });

  it('a topic that does not exist (or is FIFO) fails validation as S3 words it', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'bkt' }));
    mocks.sns.createTopic('f.fifo', { FifoTopic: 'true' });
    for (const TopicArn of [
      'arn:aws:sns:us-east-1:123456789012:missing',
      'arn:aws:sns:us-east-1:123456789012:f.fifo',
    ]) {
      const error = await s3
        .send(
          new PutBucketNotificationConfigurationCommand({
            Bucket: 'bkt',
            NotificationConfiguration: { TopicConfigurations: [{ TopicArn, Events: ['s3:ObjectCreated:*'] }] },
          }),
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(S3ServiceException);
      expect((error as S3ServiceException).name).toBe('InvalidArgument');
      expect((error as Error).message).toBe('Unable to validate the following destination configurations');
    }
  });

  it('an empty configuration removes the topics; an unknown event type is refused', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'bkt' }));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 't' }));
    const bad = await s3
      .send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: 'bkt',
          NotificationConfiguration: {
            TopicConfigurations: [{ TopicArn, Events: ['s3:ObjectCreated:Nope' as never] }],
          },
        }),
      )
      .catch((e: unknown) => e);
    expect((bad as Error).message).toBe('The event is not supported for notifications');
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: 'bkt',
        NotificationConfiguration: { TopicConfigurations: [{ TopicArn, Events: ['s3:ObjectCreated:*'] }] },
      }),
    );
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'bkt', NotificationConfiguration: {} }));
    expect(
      (await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'bkt' }))).TopicConfigurations,
    ).toBeUndefined();
    const handler = mocks.sns.subscribe('t', () => undefined);
    mocks.s3.putObject('bkt', 'k', 'x');
    await mocks.drain();
    // Only the test event of the first save reached the topic before the subscription: nothing since.
    expect(handler.invocationCount).toBe(0);
  });
});
