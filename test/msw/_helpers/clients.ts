/** Real AWS SDK clients configured for the mocks. */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { awsTestClientConfig } from '../../../src/msw/index.js';

/** A real SQS client (JSON protocol, one attempt, fake credentials). */
export function sqsClient(region = 'us-east-1'): SQSClient {
  return new SQSClient(awsTestClientConfig({ region }));
}

/** A real EventBridge client. */
export function eventBridgeClient(region = 'us-east-1'): EventBridgeClient {
  return new EventBridgeClient(awsTestClientConfig({ region }));
}
