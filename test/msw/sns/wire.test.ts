/**
 * SNS over its query protocol, driven by the real @aws-sdk/client-sns: operations, attributes,
 * paging, tags, and AWS's error codes, statuses, texts and SDK exception classes. Texts are SNS's
 * as recorded against AWS by LocalStack's SNS test snapshots
 * (https://github.com/localstack/localstack/tree/master/tests/aws/services/sns) unless noted.
 */
import {
  BatchEntryIdsNotDistinctException,
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  DeleteTopicCommand,
  EmptyBatchRequestException,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  InvalidBatchEntryIdException,
  InvalidParameterException,
  InvalidParameterValueException,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  NotFoundException,
  PublishBatchCommand,
  PublishCommand,
  ResourceNotFoundException,
  SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand,
  SNSClient,
  SNSServiceException,
  SubscribeCommand,
  TagResourceCommand,
  TooManyEntriesInBatchRequestException,
  UnsubscribeCommand,
  UntagResourceCommand,
  BatchRequestTooLongException,
  AddPermissionCommand,
} from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sns = new SNSClient(awsTestClientConfig());

async function topic(name = 'orders', attributes?: Record<string, string>): Promise<string> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes }));
  return TopicArn as string;
}

async function failure(promise: Promise<unknown>): Promise<SNSServiceException & { Code?: string; Type?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SNSServiceException);
  return error as SNSServiceException & { Code?: string; Type?: string };
}

describe('topics', () => {
  it('CreateTopic returns the ARN, is idempotent for the same attributes, and refuses different ones', async () => {
    const arn = await topic('orders', { DisplayName: 'Orders' });
    expect(arn).toBe('arn:aws:sns:us-east-1:123456789012:orders');
    expect(await topic('orders', { DisplayName: 'Orders' })).toBe(arn);
    const error = await failure(
      sns.send(new CreateTopicCommand({ Name: 'orders', Attributes: { DisplayName: 'Other' } })),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toBe('Invalid parameter: Attributes Reason: Topic already exists with different attributes');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$fault).toBe('client');
  });

  it('CreateTopic with different tags is refused', async () => {
    await sns.send(new CreateTopicCommand({ Name: 't', Tags: [{ Key: 'a', Value: '1' }] }));
    const error = await failure(sns.send(new CreateTopicCommand({ Name: 't', Tags: [{ Key: 'a', Value: '2' }] })));
    expect(error.message).toBe('Invalid parameter: Tags Reason: Topic already exists with different tags');
  });

  it.each([
    ['bad name!', {}],
    ['x'.repeat(257), {}],
    ['orders.fifo', {}],
    ['orders', { FifoTopic: 'true' }],
    ['', {}],
  ])('CreateTopic refuses name %j with %j', async (name, attributes) => {
    const error = await failure(sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes })));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toBe('Invalid parameter: Topic Name');
  });

  it('FIFO topics: FifoTopic and ContentBasedDeduplication show in GetTopicAttributes', async () => {
    const arn = await topic('orders.fifo', { FifoTopic: 'true', ContentBasedDeduplication: 'true' });
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }));
    expect(Attributes).toMatchObject({
      FifoTopic: 'true',
      ContentBasedDeduplication: 'true',
      TopicArn: arn,
      Owner: '123456789012',
    });
  });

  it('GetTopicAttributes has AWS’s attribute set and counts subscriptions', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: queue.arn }));
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }));
    expect(Object.keys(Attributes ?? {}).sort()).toEqual(
      [
        'DisplayName',
        'EffectiveDeliveryPolicy',
        'Owner',
        'Policy',
        'SubscriptionsConfirmed',
        'SubscriptionsDeleted',
        'SubscriptionsPending',
        'TopicArn',
      ].sort(),
    );
    expect(Attributes?.['SubscriptionsConfirmed']).toBe('1');
    expect(JSON.parse(Attributes?.['Policy'] as string).Statement[0].Resource).toBe(arn);
    expect(Attributes?.['FifoTopic']).toBeUndefined();
  });

  it('SetTopicAttributes changes DisplayName and SignatureVersion; unknown names and values are refused', async () => {
    const arn = await topic();
    await sns.send(
      new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: 'DisplayName', AttributeValue: 'Shop' }),
    );
    await sns.send(
      new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: 'SignatureVersion', AttributeValue: '2' }),
    );
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }));
    expect(Attributes).toMatchObject({ DisplayName: 'Shop', SignatureVersion: '2' });
    expect(
      (
        await failure(
          sns.send(new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: 'Colour', AttributeValue: 'x' })),
        )
      ).message,
    ).toBe('Invalid parameter: AttributeName');
    expect(
      (
        await failure(
          sns.send(
            new SetTopicAttributesCommand({ TopicArn: arn, AttributeName: 'SignatureVersion', AttributeValue: '3' }),
          ),
        )
      ).message,
    ).toBe('Invalid parameter: SignatureVersion');
    // ContentBasedDeduplication belongs to FIFO topics.
    expect(
      await failure(
        sns.send(
          new SetTopicAttributesCommand({
            TopicArn: arn,
            AttributeName: 'ContentBasedDeduplication',
            AttributeValue: 'true',
          }),
        ),
      ),
    ).toBeInstanceOf(InvalidParameterException);
  });

  it('a missing topic is NotFoundException (404), a malformed ARN InvalidParameterException', async () => {
    const missing = await failure(
      sns.send(new GetTopicAttributesCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:nope' })),
    );
    expect(missing).toBeInstanceOf(NotFoundException);
    expect(missing.message).toBe('Topic does not exist');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(missing.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const malformed = await failure(sns.send(new GetTopicAttributesCommand({ TopicArn: 'not:an:arn' })));
    expect(malformed).toBeInstanceOf(InvalidParameterException);
    expect(malformed.message).toBe('Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 3');
    // A topic of another region than the request's.
    const other = await failure(
      sns.send(new GetTopicAttributesCommand({ TopicArn: 'arn:aws:sns:eu-west-1:123456789012:orders' })),
    );
    expect(other.message).toBe('Invalid parameter: TopicArn');
  });

  it('DeleteTopic removes the topic and its subscriptions; deleting again succeeds', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: queue.arn }),
    );
    await sns.send(new DeleteTopicCommand({ TopicArn: arn }));
    await sns.send(new DeleteTopicCommand({ TopicArn: arn }));
    expect(await failure(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn })))).toBeInstanceOf(
      NotFoundException,
    );
    const { Topics } = await sns.send(new ListTopicsCommand({}));
    expect(Topics).toEqual([]);
  });

  it('ListTopics pages by 100 with NextToken, only the request region’s topics', async () => {
    for (let i = 0; i < 205; i++) mocks.sns.createTopic(`t${i}`);
    const eu = new SNSClient(awsTestClientConfig({ region: 'eu-west-1' }));
    await eu.send(new CreateTopicCommand({ Name: 'elsewhere' }));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await sns.send(new ListTopicsCommand({ NextToken: token }));
      seen.push(...(page.Topics ?? []).map((t) => t.TopicArn as string));
      token = page.NextToken;
      pages++;
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(205);
    expect(new Set(seen).size).toBe(205);
    expect((await eu.send(new ListTopicsCommand({}))).Topics).toEqual([
      { TopicArn: 'arn:aws:sns:eu-west-1:123456789012:elsewhere' },
    ]);
  });
});

describe('subscriptions', () => {
  it('Subscribe an sqs queue: confirmed at once, attributes as AWS lists them, idempotent', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: queue.arn, ReturnSubscriptionArn: true }),
    );
    expect(SubscriptionArn).toMatch(
      new RegExp(`^${arn}:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`),
    );
    const again = await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: queue.arn }));
    expect(again.SubscriptionArn).toBe(SubscriptionArn);
    const { Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    expect(Attributes).toEqual({
      ConfirmationWasAuthenticated: 'true',
      Endpoint: queue.arn,
      Owner: '123456789012',
      PendingConfirmation: 'false',
      Protocol: 'sqs',
      RawMessageDelivery: 'false',
      SubscriptionArn,
      TopicArn: arn,
    });
  });

  it('Subscribe again with different attributes is refused', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: queue.arn }));
    const error = await failure(
      sns.send(
        new SubscribeCommand({
          TopicArn: arn,
          Protocol: 'sqs',
          Endpoint: queue.arn,
          Attributes: { RawMessageDelivery: 'true' },
        }),
      ),
    );
    expect(error.message).toBe(
      'Invalid parameter: Attributes Reason: Subscription already exists with different attributes',
    );
  });

  it('protocols: unknown ones with AWS’s text, unsupported ones named, bad endpoints, FIFO queue on a standard topic', async () => {
    const arn = await topic();
    expect(
      (await failure(sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'carrier-pigeon', Endpoint: 'x' }))))
        .message,
    ).toBe('Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon');
    const http = await failure(
      sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'https', Endpoint: 'https://example.com/hook' })),
    );
    expect(http).toBeInstanceOf(InvalidParameterException);
    expect(http.message).toMatch(/mocks deliver to protocols sqs and lambda only, not https/);
    expect(
      (
        await failure(
          sns.send(
            new SubscribeCommand({
              TopicArn: arn,
              Protocol: 'sqs',
              Endpoint: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
            }),
          ),
        )
      ).message,
    ).toBe('Invalid parameter: SQS endpoint ARN');
    const fifo = mocks.sqs.createQueue('q.fifo', { FifoQueue: 'true' });
    expect(
      (await failure(sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: fifo.arn })))).message,
    ).toBe(
      'Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics',
    );
  });

  it('subscription attributes are validated with Subscribe’s and SetSubscriptionAttributes’ wording', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    const sub = (Attributes: Record<string, string>) =>
      sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: queue.arn, Attributes }));
    expect((await failure(sub({ FilterPolicy: '{' }))).message).toMatch(
      /^Invalid parameter: Attributes Reason: FilterPolicy: failed to parse JSON\./,
    );
    expect((await failure(sub({ RawMessageDelivery: 'yes' }))).message).toBe(
      'Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [yes]. Must be true or false.',
    );
    expect((await failure(sub({ FilterPolicyScope: 'Body' }))).message).toBe(
      'Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or MessageAttributes',
    );
    expect((await failure(sub({ RedrivePolicy: '{"deadLetterTargetArn":"nope"}' }))).message).toBe(
      'Invalid parameter: Attributes Reason: RedrivePolicy: deadLetterTargetArn is an invalid arn',
    );
    expect((await failure(sub({ Colour: 'red' }))).message).toBe('Invalid parameter: Attributes Reason: AttributeName');
    expect(
      (
        await failure(
          sub({ FilterPolicy: JSON.stringify({ a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] }) }),
        )
      ).message,
    ).toBe('Invalid parameter: Attributes Reason: FilterPolicy: Filter policy can not have more than 5 keys');
    const { SubscriptionArn } = await sub({});
    const set = (AttributeName: string, AttributeValue: string) =>
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName, AttributeValue }));
    expect((await failure(set('RawMessageDelivery', 'maybe'))).message).toBe(
      'Invalid parameter: RawMessageDelivery: Invalid value [maybe]. Must be true or false.',
    );
    expect((await failure(set('Protocol', 'lambda'))).message).toBe('Invalid parameter: AttributeName');
    expect((await failure(set('FilterPolicy', '{"a": "b"}'))).message).toMatch(
      /^Invalid parameter: FilterPolicy: "a" must be an object or an array/,
    );
    // A failed change leaves the subscription as it was.
    const { Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    expect(Attributes?.['FilterPolicy']).toBeUndefined();
  });

  it('SetSubscriptionAttributes: FilterPolicy with its scope shown, removed by ""; RawMessageDelivery', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: queue.arn }),
    );
    const set = (AttributeName: string, AttributeValue: string) =>
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName, AttributeValue }));
    await set('FilterPolicy', '{"store":["shop"]}');
    await set('RawMessageDelivery', 'true');
    let { Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    expect(Attributes).toMatchObject({
      FilterPolicy: '{"store":["shop"]}',
      FilterPolicyScope: 'MessageAttributes',
      RawMessageDelivery: 'true',
    });
    await set('FilterPolicy', '');
    ({ Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn })));
    expect(Attributes?.['FilterPolicy']).toBeUndefined();
    expect(Attributes?.['FilterPolicyScope']).toBeUndefined();
  });

  it('Unsubscribe, ListSubscriptions and ListSubscriptionsByTopic', async () => {
    const a = await topic('a');
    const b = await topic('b');
    const queues = [mocks.sqs.createQueue('q1'), mocks.sqs.createQueue('q2')];
    const subs: string[] = [];
    for (const q of queues)
      subs.push(
        (await sns.send(new SubscribeCommand({ TopicArn: a, Protocol: 'sqs', Endpoint: q.arn })))
          .SubscriptionArn as string,
      );
    await sns.send(new SubscribeCommand({ TopicArn: b, Protocol: 'sqs', Endpoint: queues[0]!.arn }));
    const byTopic = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: a }));
    expect(byTopic.Subscriptions).toEqual(
      queues.map((q, i) => ({
        SubscriptionArn: subs[i],
        Owner: '123456789012',
        Protocol: 'sqs',
        Endpoint: q.arn,
        TopicArn: a,
      })),
    );
    expect((await sns.send(new ListSubscriptionsCommand({}))).Subscriptions).toHaveLength(3);
    await sns.send(new UnsubscribeCommand({ SubscriptionArn: subs[0] }));
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: a }))).Subscriptions).toHaveLength(1);
    expect(await failure(sns.send(new UnsubscribeCommand({ SubscriptionArn: subs[0] })))).toBeInstanceOf(
      NotFoundException,
    );
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: a }));
    expect(Attributes).toMatchObject({ SubscriptionsConfirmed: '1', SubscriptionsDeleted: '1' });
  });

  it('ConfirmSubscription: nothing is pending for sqs and lambda subscriptions', async () => {
    const arn = await topic();
    expect((await failure(sns.send(new ConfirmSubscriptionCommand({ TopicArn: arn, Token: 'abc' })))).message).toBe(
      'Invalid parameter: Token',
    );
    expect(
      await failure(sns.send(new ConfirmSubscriptionCommand({ TopicArn: `${arn}x`, Token: 'abc' }))),
    ).toBeInstanceOf(NotFoundException);
  });

  it('a lambda subscription to a FIFO topic is refused (FIFO topics deliver to SQS only)', async () => {
    const arn = await topic('o.fifo', { FifoTopic: 'true' });
    const error = await failure(
      sns.send(
        new SubscribeCommand({
          TopicArn: arn,
          Protocol: 'lambda',
          Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:f',
        }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
  });
});

describe('publish', () => {
  it('Publish answers a v5-style MessageId and the request id in $metadata', async () => {
    const arn = await topic();
    const result = await sns.send(new PublishCommand({ TopicArn: arn, Message: 'hello' }));
    expect(result.MessageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.SequenceNumber).toBeUndefined();
    expect(result.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each<[string, Partial<ConstructorParameters<typeof PublishCommand>[0]>, string]>([
    ['empty message', { Message: '' }, 'Invalid parameter: Empty message'],
    ['empty subject', { Message: 'm', Subject: '' }, 'Invalid parameter: Subject'],
    ['subject with a line break', { Message: 'm', Subject: 'a\nb' }, 'Invalid parameter: Subject'],
    ['subject over 100', { Message: 'm', Subject: 's'.repeat(101) }, 'Invalid parameter: Subject'],
    [
      'json without default',
      { Message: '{"sqs":"x"}', MessageStructure: 'json' },
      'Invalid parameter: Message Structure - No default entry in JSON message body',
    ],
    [
      'json that does not parse',
      { Message: '{', MessageStructure: 'json' },
      'Invalid parameter: Message Structure - JSON message body failed to parse',
    ],
    [
      'a dedup id on a standard topic',
      { Message: 'm', MessageDeduplicationId: 'd' },
      'Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type',
    ],
    ['256 KiB + 1 byte', { Message: 'x'.repeat(262_145) }, 'Invalid parameter: Message too long'],
    [
      '256 KiB counting attributes',
      { Message: 'x'.repeat(262_140), MessageAttributes: { ab: { DataType: 'String', StringValue: 'x' } } },
      'Invalid parameter: Message too long',
    ],
  ])('Publish refuses %s', async (_name, input, message) => {
    const arn = await topic();
    const error = await failure(sns.send(new PublishCommand({ TopicArn: arn, ...input } as never)));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toBe(message);
  });

  it('exactly 256 KiB including attributes is accepted', async () => {
    const arn = await topic();
    await expect(
      sns.send(
        new PublishCommand({
          TopicArn: arn,
          Message: 'x'.repeat(262_144 - 11),
          MessageAttributes: { ab: { DataType: 'String', StringValue: 'xyz' } },
        }),
      ),
    ).resolves.toBeDefined();
  });

  it.each<[string, Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>, string]>([
    [
      'a bad type',
      { a: { DataType: 'Text', StringValue: 'x' } },
      "The message attribute 'a' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
    ],
    [
      'an empty value',
      { a: { DataType: 'String', StringValue: '' } },
      "The message attribute 'a' must contain non-empty message attribute value for message attribute type 'String'.",
    ],
    [
      'the wrong field',
      { a: { DataType: 'Binary', StringValue: 'x' } },
      "The message attribute 'a' with type 'Binary' must use field 'Binary'.",
    ],
    [
      'a leading dot',
      { '.a': { DataType: 'String', StringValue: 'x' } },
      "Invalid message attribute name starting with character '.' was found.",
    ],
    [
      'a trailing dot',
      { 'a.': { DataType: 'String', StringValue: 'x' } },
      "Invalid message attribute name ending with character '.' was found.",
    ],
    [
      'two dots',
      { 'a..b': { DataType: 'String', StringValue: 'x' } },
      "Message attribute name can not have successive '.' character.",
    ],
    [
      'a hash',
      { 'a#b': { DataType: 'String', StringValue: 'x' } },
      "Invalid non-alphanumeric character '#x23' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.",
    ],
  ])(
    'Publish refuses an attribute with %s (InvalidParameterValueException)',
    async (_name, MessageAttributes, message) => {
      const arn = await topic();
      const error = await failure(sns.send(new PublishCommand({ TopicArn: arn, Message: 'm', MessageAttributes })));
      expect(error).toBeInstanceOf(InvalidParameterValueException);
      expect(error.Code ?? error.name).toBeDefined();
      expect(error.message).toBe(message);
    },
  );

  it('FIFO topics: group id required, dedup required without content-based deduplication, sequence numbers increase', async () => {
    const arn = await topic('o.fifo', { FifoTopic: 'true' });
    expect(
      (await failure(sns.send(new PublishCommand({ TopicArn: arn, Message: 'm', MessageDeduplicationId: 'd' }))))
        .message,
    ).toBe('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
    expect(
      (await failure(sns.send(new PublishCommand({ TopicArn: arn, Message: 'm', MessageGroupId: 'g' })))).message,
    ).toBe(
      'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
    const first = await sns.send(
      new PublishCommand({ TopicArn: arn, Message: 'm', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }),
    );
    const second = await sns.send(
      new PublishCommand({ TopicArn: arn, Message: 'm', MessageGroupId: 'g', MessageDeduplicationId: 'd2' }),
    );
    expect(first.SequenceNumber).toMatch(/^\d{20}$/);
    expect(BigInt(second.SequenceNumber as string)).toBeGreaterThan(BigInt(first.SequenceNumber as string));
    // A duplicate within five minutes is answered with the first message's ids.
    const duplicate = await sns.send(
      new PublishCommand({ TopicArn: arn, Message: 'other', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }),
    );
    expect(duplicate.MessageId).toBe(first.MessageId);
    expect(duplicate.SequenceNumber).toBe(first.SequenceNumber);
    mocks.clock.advance(5 * 60 * 1000);
    const later = await sns.send(
      new PublishCommand({ TopicArn: arn, Message: 'other', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }),
    );
    expect(later.MessageId).not.toBe(first.MessageId);
  });

  it('PublishBatch: ids answered per entry; bad entries fail alone', async () => {
    const arn = await topic();
    const result = await sns.send(
      new PublishBatchCommand({
        TopicArn: arn,
        PublishBatchRequestEntries: [
          { Id: 'a', Message: 'one' },
          { Id: 'b', Message: '' },
          { Id: 'c', Message: 'three', MessageAttributes: { n: { DataType: 'Number', StringValue: '3' } } },
        ],
      }),
    );
    expect(result.Successful?.map((s) => s.Id)).toEqual(['a', 'c']);
    expect(result.Failed).toEqual([
      { Id: 'b', Code: 'InvalidParameter', Message: 'Invalid parameter: Empty message', SenderFault: true },
    ]);
  });

  it('PublishBatch limits: empty, more than 10, repeated or bad ids, total over 256 KiB', async () => {
    const arn = await topic();
    const batch = (entries: { Id: string; Message: string }[]) =>
      sns.send(new PublishBatchCommand({ TopicArn: arn, PublishBatchRequestEntries: entries }));
    expect(await failure(batch([]))).toBeInstanceOf(EmptyBatchRequestException);
    const eleven = await failure(batch(Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, Message: 'm' }))));
    expect(eleven).toBeInstanceOf(TooManyEntriesInBatchRequestException);
    expect(eleven.message).toBe('The batch request contains more entries than permissible.');
    const repeated = await failure(
      batch([
        { Id: 'x', Message: 'm' },
        { Id: 'x', Message: 'm' },
      ]),
    );
    expect(repeated).toBeInstanceOf(BatchEntryIdsNotDistinctException);
    expect(repeated.message).toBe('Two or more batch entries in the request have the same Id.');
    const bad = await failure(batch([{ Id: 'a b', Message: 'm' }]));
    expect(bad).toBeInstanceOf(InvalidBatchEntryIdException);
    expect(bad.message).toBe('The Id of a batch entry in the batch request contains an impermissible character: a b');
    const long = await failure(batch([{ Id: 'i'.repeat(81), Message: 'm' }]));
    expect(long.message).toBe(`The Id of a batch entry in the batch request is too long: ${'i'.repeat(81)}`);
    const big = await failure(
      batch([
        { Id: 'a', Message: 'x'.repeat(200_000) },
        { Id: 'b', Message: 'x'.repeat(70_000) },
      ]),
    );
    expect(big).toBeInstanceOf(BatchRequestTooLongException);
  });
});

describe('more publish and subscription rules', () => {
  it('PublishBatch on a FIFO topic: a sequence number per entry, a missing group id refuses the whole batch', async () => {
    const arn = await topic('b.fifo', { FifoTopic: 'true', ContentBasedDeduplication: 'true' });
    const ok = await sns.send(
      new PublishBatchCommand({
        TopicArn: arn,
        PublishBatchRequestEntries: [
          { Id: 'a', Message: '1', MessageGroupId: 'g' },
          { Id: 'b', Message: '2', MessageGroupId: 'g' },
        ],
      }),
    );
    const [first, second] = ok.Successful ?? [];
    expect(BigInt(second!.SequenceNumber!)).toBeGreaterThan(BigInt(first!.SequenceNumber!));
    const error = await failure(
      sns.send(
        new PublishBatchCommand({
          TopicArn: arn,
          PublishBatchRequestEntries: [
            { Id: 'a', Message: '3', MessageGroupId: 'g' },
            { Id: 'b', Message: '4' },
          ],
        }),
      ),
    );
    expect(error.message).toBe('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
  });

  it('Publish by TargetArn; neither TopicArn nor TargetArn is refused', async () => {
    const arn = await topic();
    await expect(sns.send(new PublishCommand({ TargetArn: arn, Message: 'm' }))).resolves.toMatchObject({
      MessageId: expect.any(String),
    });
    const error = await failure(sns.send(new PublishCommand({ Message: 'm' })));
    expect(error.message).toBe('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
  });

  it('a FIFO subscription to a FIFO topic needs a FIFO dead-letter queue', async () => {
    const arn = await topic('r.fifo', { FifoTopic: 'true' });
    const queue = mocks.sqs.createQueue('r.fifo', { FifoQueue: 'true' });
    const error = await failure(
      sns.send(
        new SubscribeCommand({
          TopicArn: arn,
          Protocol: 'sqs',
          Endpoint: queue.arn,
          Attributes: {
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' }),
          },
        }),
      ),
    );
    expect(error.message).toBe(
      'Invalid parameter: Attributes Reason: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.',
    );
  });
});

describe('tags and the rest', () => {
  it('TagResource, ListTagsForResource, UntagResource; a missing resource is ResourceNotFoundException', async () => {
    const arn = await topic();
    await sns.send(
      new TagResourceCommand({
        ResourceArn: arn,
        Tags: [
          { Key: 'team', Value: 'a' },
          { Key: 'env', Value: 'test' },
        ],
      }),
    );
    expect((await sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'team', Value: 'a' },
      { Key: 'env', Value: 'test' },
    ]);
    await sns.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team'] }));
    expect((await sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'env', Value: 'test' },
    ]);
    const missing = await failure(sns.send(new ListTagsForResourceCommand({ ResourceArn: `${arn}x` })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });

  it('an operation the mocks lack is an UnknownOperationException naming it, never a network call', async () => {
    const arn = await topic();
    const error = await failure(
      sns.send(
        new AddPermissionCommand({
          TopicArn: arn,
          Label: 'l',
          AWSAccountId: ['111122223333'],
          ActionName: ['Publish'],
        }),
      ),
    );
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toMatch(/SNS operation AddPermission is not implemented by the mocks/);
  });

  it('a missing required member is the service’s validation error', async () => {
    const error = await failure(sns.send(new CreateTopicCommand({} as never)));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('hostile requests', () => {
  it('a publish with 10,000 attribute entries is answered without quadratic parsing', async () => {
    const arn = await topic();
    const MessageAttributes: Record<string, { DataType: string; StringValue: string }> = {};
    for (let i = 0; i < 10_000; i++) MessageAttributes[`a${i}`] = { DataType: 'String', StringValue: 'x' };
    const start = Date.now();
    await expect(
      sns.send(new PublishCommand({ TopicArn: arn, Message: 'm', MessageAttributes })),
    ).resolves.toBeDefined();
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('attribute and tag names such as __proto__ are data', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    await sns.send(
      new SubscribeCommand({
        TopicArn: arn,
        Protocol: 'sqs',
        Endpoint: queue.arn,
        Attributes: { FilterPolicy: '{"__proto__":["x"]}' },
      }),
    );
    await sns.send(
      new PublishCommand({
        TopicArn: arn,
        Message: 'm',
        MessageAttributes: JSON.parse('{"__proto__":{"DataType":"String","StringValue":"x"}}'),
      }),
    );
    expect(JSON.parse(mocks.sqs.messages('q')[0]!.body).MessageAttributes).toEqual(
      JSON.parse('{"__proto__":{"Type":"String","Value":"x"}}'),
    );
    await sns.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: '__proto__', Value: 'v' }] }));
    expect((await sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: '__proto__', Value: 'v' },
    ]);
  });
});
