/** SNS on a custom endpoint (LocalStack-style `http://localhost:4566`): requests signed for `sns` are SNS's. */
import { CreateTopicCommand, ListTopicsCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks({ endpoints: ['http://localhost:4566'], region: 'eu-central-1' });

it('an SNS client pointed at a custom endpoint is answered by the mocks, in its signing region', async () => {
  const sns = new SNSClient(awsTestClientConfig({ region: 'eu-central-1', endpoint: 'http://localhost:4566' }));
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'local' }));
  expect(TopicArn).toBe('arn:aws:sns:eu-central-1:123456789012:local');
  const queue = mocks.sqs.createQueue('q');
  mocks.sns.subscribeQueue('local', queue.arn, { rawMessageDelivery: true });
  await sns.send(new PublishCommand({ TopicArn, Message: 'via localhost' }));
  expect(mocks.sqs.messages('q').map((m) => m.body)).toEqual(['via localhost']);
  expect((await sns.send(new ListTopicsCommand({}))).Topics).toEqual([{ TopicArn }]);
});
