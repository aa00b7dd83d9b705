/** EventBridge buses, rules and targets through the real @aws-sdk/client-eventbridge: routing, inputs, retries, DLQs, schedules. */
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  TestEventPatternCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { makeScheduledEvent } from '../../../src/index.js';
import { testEventPattern, EventPatternError } from '../../../src/patterns/index.js';
import { renderRuleTemplate } from '../../../src/pipes/index.js';
import { eventBridgeClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks({ region: 'eu-west-1', account: '210987654321' });
const events = eventBridgeClient('eu-west-1');
const entry = (overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  Source: 'shop.orders',
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify({ id: 7, total: 120 }),
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error;
    return { name: e.name, message: e.message };
  }
  throw new Error('expected a rejection');
}

function queue(name: string, attributes?: Record<string, string>) {
  return mocks.sqs.createQueue(name, attributes);
}

describe('buses', () => {
  it('the default bus always exists; custom buses are created, listed, described and deleted', async () => {
    expect((await events.send(new DescribeEventBusCommand({}))).Arn).toBe(
      'arn:aws:events:eu-west-1:210987654321:event-bus/default',
    );
    const created = await events.send(new CreateEventBusCommand({ Name: 'orders', Description: 'shop' }));
    expect(created.EventBusArn).toBe('arn:aws:events:eu-west-1:210987654321:event-bus/orders');
    expect(await failure(events.send(new CreateEventBusCommand({ Name: 'orders' })))).toEqual({
      name: 'ResourceAlreadyExistsException',
      message: 'Event bus orders already exists.',
    });
    const listed = await events.send(new ListEventBusesCommand({}));
    expect(listed.EventBuses?.map((b) => b.Name)).toEqual(['default', 'orders']);
    expect((await events.send(new ListEventBusesCommand({ NamePrefix: 'or' }))).EventBuses?.map((b) => b.Name)).toEqual(
      ['orders'],
    );
    await events.send(new DeleteEventBusCommand({ Name: 'orders' }));
    expect(await failure(events.send(new DescribeEventBusCommand({ Name: 'orders' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Event bus orders does not exist.',
    });
    expect((await failure(events.send(new DeleteEventBusCommand({ Name: 'default' })))).name).toBe(
      'ValidationException',
    );
  });
});

describe('rules', () => {
  it('PutRule validates the pattern as the engine does and rules are described, listed and paged', async () => {
    const bad = { source: [{ prefix: 1 }] };
    let engine: EventPatternError | undefined;
    try {
      testEventPattern(bad, {});
    } catch (error) {
      engine = error as EventPatternError;
    }
    expect(engine).toBeInstanceOf(EventPatternError);
    expect(await failure(events.send(new PutRuleCommand({ Name: 'r', EventPattern: JSON.stringify(bad) })))).toEqual({
      name: 'InvalidEventPatternException',
      message: engine!.message,
    });
    expect(await failure(events.send(new PutRuleCommand({ Name: 'r' })))).toEqual({
      name: 'ValidationException',
      message: 'Parameter(s) EventPattern or ScheduleExpression must be specified.',
    });
    for (const name of ['c', 'a', 'b'])
      await events.send(new PutRuleCommand({ Name: name, EventPattern: '{"source":["shop.orders"]}' }));
    const described = await events.send(new DescribeRuleCommand({ Name: 'a' }));
    expect(described).toMatchObject({
      Name: 'a',
      Arn: 'arn:aws:events:eu-west-1:210987654321:rule/a',
      State: 'ENABLED',
      EventBusName: 'default',
      EventPattern: '{"source":["shop.orders"]}',
    });
    const first = await events.send(new ListRulesCommand({ Limit: 2 }));
    expect(first.Rules?.map((r) => r.Name)).toEqual(['a', 'b']);
    const second = await events.send(new ListRulesCommand({ Limit: 2, NextToken: first.NextToken }));
    expect(second.Rules?.map((r) => r.Name)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
    expect((await events.send(new ListRulesCommand({ NamePrefix: 'b' }))).Rules?.map((r) => r.Name)).toEqual(['b']);
    expect(await failure(events.send(new DescribeRuleCommand({ Name: 'zz' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Rule zz does not exist on EventBus default.',
    });
  });

  it('a rule with targets cannot be deleted; without them it can', async () => {
    const q = queue('q');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 't', Arn: q.arn }] }));
    expect(await failure(events.send(new DeleteRuleCommand({ Name: 'r' })))).toEqual({
      name: 'ValidationException',
      message: "Rule can't be deleted since it has targets.",
    });
    await events.send(new RemoveTargetsCommand({ Rule: 'r', Ids: ['t'] }));
    await events.send(new DeleteRuleCommand({ Name: 'r' }));
    expect((await events.send(new ListRulesCommand({}))).Rules).toEqual([]);
  });

  it('TestEventPattern answers as testEventPattern and refuses an event without the envelope fields', async () => {
    const event = {
      id: '1',
      account: '1',
      source: 'shop.orders',
      time: '2026-01-01T00:00:00Z',
      region: 'eu-west-1',
      resources: [],
      'detail-type': 'X',
      detail: { total: 120 },
    };
    for (const pattern of [
      { detail: { total: [{ numeric: ['>', 100] }] } },
      { detail: { total: [{ numeric: ['<', 100] }] } },
    ]) {
      const answer = await events.send(
        new TestEventPatternCommand({ EventPattern: JSON.stringify(pattern), Event: JSON.stringify(event) }),
      );
      expect(answer.Result).toBe(testEventPattern(pattern, event));
    }
    for (const field of ['id', 'account', 'source', 'time', 'region', 'detail-type']) {
      const broken: Record<string, unknown> = { ...event };
      delete broken[field];
      expect(
        await failure(
          events.send(
            new TestEventPatternCommand({ EventPattern: '{"source":["shop.orders"]}', Event: JSON.stringify(broken) }),
          ),
        ),
      ).toEqual({ name: 'ValidationException', message: 'Parameter Event is not valid.' });
    }
    // resources may be absent (AWS accepts it, whatever the API reference says).
    const { resources: _, ...noResources } = event;
    expect(
      (
        await events.send(
          new TestEventPatternCommand({
            EventPattern: '{"source":["shop.orders"]}',
            Event: JSON.stringify(noResources),
          }),
        )
      ).Result,
    ).toBe(true);
    expect(
      (
        await failure(
          events.send(new TestEventPatternCommand({ EventPattern: '{"source":"x"}', Event: JSON.stringify(event) })),
        )
      ).name,
    ).toBe('InvalidEventPatternException');
  });
});

describe('routing', () => {
  it('PutEvents routes each entry to the targets of the rules it matches, on its bus, and disabled rules match nothing', async () => {
    const big = queue('big');
    const all = queue('all');
    const other = queue('other');
    await events.send(new CreateEventBusCommand({ Name: 'shop' }));
    await events.send(
      new PutRuleCommand({
        Name: 'big',
        EventBusName: 'shop',
        EventPattern: JSON.stringify({ detail: { total: [{ numeric: ['>=', 100] }] } }),
      }),
    );
    await events.send(
      new PutRuleCommand({
        Name: 'all',
        EventBusName: 'shop',
        EventPattern: JSON.stringify({ source: ['shop.orders'] }),
      }),
    );
    await events.send(new PutRuleCommand({ Name: 'all', EventPattern: JSON.stringify({ source: ['shop.orders'] }) }));
    await events.send(
      new PutTargetsCommand({ Rule: 'big', EventBusName: 'shop', Targets: [{ Id: '1', Arn: big.arn }] }),
    );
    await events.send(
      new PutTargetsCommand({ Rule: 'all', EventBusName: 'shop', Targets: [{ Id: '1', Arn: all.arn }] }),
    );
    await events.send(new PutTargetsCommand({ Rule: 'all', Targets: [{ Id: '1', Arn: other.arn }] }));
    const put = await events.send(
      new PutEventsCommand({
        Entries: [
          entry({ EventBusName: 'shop' }),
          entry({ EventBusName: 'shop', Detail: '{"total":5}' }),
          entry({ Source: 'x.y', EventBusName: 'shop' }),
        ],
      }),
    );
    await mocks.drain();
    // The third entry's source differs, but `big` only asks for the total.
    expect(mocks.sqs.messages(big.arn).map((m) => JSON.parse(m.body).id)).toEqual([
      put.Entries?.[0]?.EventId,
      put.Entries?.[2]?.EventId,
    ]);
    expect(mocks.sqs.messages(all.arn).map((m) => JSON.parse(m.body).id)).toEqual([
      put.Entries?.[0]?.EventId,
      put.Entries?.[1]?.EventId,
    ]);
    expect(mocks.sqs.messages(other.arn)).toEqual([]);
    // The body is the envelope the event log holds.
    expect(JSON.parse(mocks.sqs.messages(big.arn)[0]!.body)).toEqual(
      mocks.eventBridge.events({ eventBusName: 'shop' })[0],
    );
    await events.send(new DisableRuleCommand({ Name: 'big', EventBusName: 'shop' }));
    await events.send(new PutEventsCommand({ Entries: [entry({ EventBusName: 'shop' })] }));
    await mocks.drain();
    expect(mocks.sqs.messages(big.arn)).toHaveLength(2);
    expect(mocks.sqs.messages(all.arn)).toHaveLength(3);
    await events.send(new EnableRuleCommand({ Name: 'big', EventBusName: 'shop' }));
    await events.send(new PutEventsCommand({ Entries: [entry({ EventBusName: 'shop' })] }));
    await mocks.drain();
    expect(mocks.sqs.messages(big.arn)).toHaveLength(3);
  });

  it('Input, InputPath and InputTransformer give exactly what renderRuleTemplate gives', async () => {
    const [a, b, c] = [queue('a'), queue('b'), queue('c')];
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    const transformer = {
      InputPathsMap: { id: '$.detail.id', t: '$.detail.total' },
      InputTemplate: '{"order": <id>, "text": "total <t>", "rule": "<aws.events.rule-name>"}',
    };
    await events.send(
      new PutTargetsCommand({
        Rule: 'r',
        Targets: [
          { Id: 'a', Arn: a.arn, Input: '{"fixed":true}' },
          { Id: 'b', Arn: b.arn, InputPath: '$.detail' },
          { Id: 'c', Arn: c.arn, InputTransformer: transformer },
        ],
      }),
    );
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    const [event] = mocks.eventBridge.events();
    expect(mocks.sqs.messages(a.arn)[0]?.body).toBe('{"fixed":true}');
    expect(JSON.parse(mocks.sqs.messages(b.arn)[0]!.body)).toEqual({ id: 7, total: 120 });
    const expected = renderRuleTemplate(
      { inputPathsMap: transformer.InputPathsMap, inputTemplate: transformer.InputTemplate },
      event,
      { ruleName: 'r', ruleArn: 'arn:aws:events:eu-west-1:210987654321:rule/r', targetId: 'c' },
    );
    expect(expected.delivered && mocks.sqs.messages(c.arn)[0]?.body).toBe(
      expected.delivered ? expected.body : undefined,
    );
    expect(mocks.sqs.messages(c.arn)[0]?.body).toBe('{"order": 7, "text": "total 120", "rule": "r"}');
    const listed = await events.send(new ListTargetsByRuleCommand({ Rule: 'r' }));
    expect(listed.Targets?.map((t) => t.Id)).toEqual(['a', 'b', 'c']);
    expect(listed.Targets?.[2]?.InputTransformer).toEqual(transformer);
  });

  it('PutTargets reports unusable targets in FailedEntries and stores the rest', async () => {
    const fifo = queue('f.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'false' });
    const plain = queue('p');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    const answer = await events.send(
      new PutTargetsCommand({
        Rule: 'r',
        Targets: [
          { Id: 'fifo', Arn: fifo.arn },
          { Id: 'both', Arn: plain.arn, Input: '{}', InputPath: '$.detail' },
          { Id: 'tpl', Arn: plain.arn, InputTransformer: { InputTemplate: '{"a": <missing>}' } },
          { Id: 'ok', Arn: plain.arn },
          { Id: 'okfifo', Arn: fifo.arn, SqsParameters: { MessageGroupId: 'g' } },
        ],
      }),
    );
    expect(answer.FailedEntryCount).toBe(3);
    expect(answer.FailedEntries?.map((f) => [f.TargetId, f.ErrorCode])).toEqual([
      ['fifo', 'ValidationException'],
      ['both', 'ValidationException'],
      ['tpl', 'ValidationException'],
    ]);
    expect(answer.FailedEntries?.[0]?.ErrorMessage).toBe(
      'Parameter(s) SqsParameters must be specified for target: fifo.',
    );
    expect(answer.FailedEntries?.[2]?.ErrorMessage).toBe(
      'InputTemplate for target tpl contains invalid placeholder missing.',
    );
    expect((await events.send(new ListTargetsByRuleCommand({ Rule: 'r' }))).Targets?.map((t) => t.Id)).toEqual([
      'ok',
      'okfifo',
    ]);
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    expect(mocks.sqs.messages(fifo.arn)).toMatchObject([
      { messageGroupId: 'g', messageDeduplicationId: mocks.eventBridge.events()[0]?.id },
    ]);
    expect(
      (await events.send(new RemoveTargetsCommand({ Rule: 'r', Ids: ['ok', 'nope'] }))).FailedEntries?.map(
        (f) => f.TargetId,
      ),
    ).toEqual(['nope']);
  });

  it('a bus target re-routes the event on the other bus; a Kinesis target uses PartitionKeyPath', async () => {
    const stream = mocks.kinesis.createStream('s', { shardCount: 1 });
    await events.send(new CreateEventBusCommand({ Name: 'audit' }));
    await events.send(new PutRuleCommand({ Name: 'fwd', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(
      new PutTargetsCommand({
        Rule: 'fwd',
        Targets: [{ Id: 'bus', Arn: 'arn:aws:events:eu-west-1:210987654321:event-bus/audit' }],
      }),
    );
    await events.send(
      new PutRuleCommand({ Name: 'k', EventBusName: 'audit', EventPattern: '{"source":["shop.orders"]}' }),
    );
    await events.send(
      new PutTargetsCommand({
        Rule: 'k',
        EventBusName: 'audit',
        Targets: [{ Id: 'k', Arn: stream.arn, KinesisParameters: { PartitionKeyPath: '$.detail.id' } }],
      }),
    );
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    const records = mocks.kinesis.records(stream.arn);
    expect(records).toHaveLength(1);
    expect(records[0]?.partitionKey).toBe('7');
    expect(JSON.parse(Buffer.from(records[0]!.data).toString('utf8')).id).toBe(mocks.eventBridge.events()[0]?.id);
  });
});

describe('Lambda and SNS targets', () => {
  it('a Lambda target is invoked asynchronously with the event; a missing function dead-letters', async () => {
    const got: unknown[] = [];
    const fn = mocks.lambda.createFunction('audit', async (event: { id: string }) => void got.push(event.id));
    const dlq = queue('dlq');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(
      new PutTargetsCommand({
        Rule: 'r',
        Targets: [
          { Id: 'fn', Arn: fn.arn },
          {
            Id: 'ghost',
            Arn: 'arn:aws:lambda:eu-west-1:210987654321:function:ghost',
            DeadLetterConfig: { Arn: dlq.arn },
          },
        ],
      }),
    );
    const put = await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    expect(got).toEqual([put.Entries?.[0]?.EventId]);
    expect(mocks.lambda.invocations('audit')).toHaveLength(1);
    expect(mocks.sqs.messages(dlq.arn).map((m) => m.messageAttributes['TARGET_ARN']?.stringValue)).toEqual([
      'arn:aws:lambda:eu-west-1:210987654321:function:ghost',
    ]);
  });

  it('an SNS topic target publishes the rendered input', async () => {
    const topic = mocks.sns.createTopic('orders');
    const received: string[] = [];
    mocks.sns.subscribe(
      topic.arn,
      async (event: { Records: Array<{ Sns: { Message: string } }> }) =>
        void received.push(...event.Records.map((r) => r.Sns.Message)),
    );
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(
      new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 't', Arn: topic.arn, InputPath: '$.detail' }] }),
    );
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    expect(received.map((m) => JSON.parse(m))).toEqual([{ id: 7, total: 120 }]);
  });
});

describe('hostile input', () => {
  it('wrong member types and ranges are AWS validation errors, not crashes', async () => {
    const q = queue('q');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    const put = (target: object) =>
      events.send(new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 't', Arn: q.arn, ...target }] }));
    // A member of the wrong JSON type fails deserialisation, as coral answers it.
    expect((await failure(put({ InputTransformer: { InputPathsMap: { a: 1 }, InputTemplate: '<a>' } }))).name).toBe(
      'SerializationException',
    );
    expect((await failure(put({ RetryPolicy: { MaximumRetryAttempts: 186 } }))).name).toBe('ValidationException');
    expect((await failure(put({ RetryPolicy: { MaximumEventAgeInSeconds: 59 } }))).name).toBe('ValidationException');
    expect((await failure(put({ Input: 'x'.repeat(8193) }))).name).toBe('ValidationException');
    expect((await put({ Input: 'not json' })).FailedEntries?.[0]?.ErrorCode).toBe('ValidationException');
    expect((await failure(events.send(new ListRulesCommand({ Limit: 101 })))).name).toBe('ValidationException');
    expect((await failure(events.send(new ListRulesCommand({ NextToken: 'garbage' })))).name).toBe(
      'ValidationException',
    );
    expect(
      await failure(events.send(new TestEventPatternCommand({ EventPattern: '{"source":["a"]}', Event: '[1]' }))),
    ).toEqual({ name: 'ValidationException', message: 'Parameter Event is not valid.' });
    expect((await failure(events.send(new PutRuleCommand({ Name: 'x'.repeat(65), EventPattern: '{}' })))).name).toBe(
      'ValidationException',
    );
    expect(
      (
        await failure(
          events.send(new PutRuleCommand({ Name: 'r2', EventPattern: '{"source":["a"]}', EventBusName: 'nope' })),
        )
      ).name,
    ).toBe('ResourceNotFoundException');
    expect((await events.send(new ListTargetsByRuleCommand({ Rule: 'r' }))).Targets).toEqual([]);
  });
});

describe('retries and dead-letter queues', () => {
  it('a failing target is retried with backoff on the virtual clock, then the event goes to the DLQ with the AWS attributes', async () => {
    const target = queue('t');
    const dlq = queue('dlq');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(
      new PutTargetsCommand({
        Rule: 'r',
        Targets: [
          { Id: 't', Arn: target.arn, RetryPolicy: { MaximumRetryAttempts: 3 }, DeadLetterConfig: { Arn: dlq.arn } },
        ],
      }),
    );
    mocks.eventBridge.failDeliveries(target.arn, { times: 4 });
    const start = mocks.clock.now().getTime();
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    expect(mocks.sqs.messages(target.arn)).toEqual([]);
    const [dead] = mocks.sqs.messages(dlq.arn);
    expect(JSON.parse(dead!.body)).toEqual(mocks.eventBridge.events()[0]);
    const attribute = (name: string) => dead!.messageAttributes[name]?.stringValue;
    expect(attribute('RULE_ARN')).toBe('arn:aws:events:eu-west-1:210987654321:rule/r');
    expect(attribute('TARGET_ARN')).toBe(target.arn);
    expect(attribute('ERROR_CODE')).toBe('ThrottlingException');
    expect(attribute('ERROR_MESSAGE')).toBe('Rate exceeded');
    expect(attribute('EXHAUSTED_RETRY_CONDITION')).toBe('MaximumRetryAttempts');
    expect(attribute('RETRY_ATTEMPTS')).toBe('3');
    // 1 s + 2 s + 4 s of backoff passed on the virtual clock.
    expect(mocks.clock.now().getTime() - start).toBe(7000);
  });

  it('fewer failures than retries: the event arrives once, nothing is dead-lettered', async () => {
    const target = queue('t');
    const dlq = queue('dlq');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(
      new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 't', Arn: target.arn, DeadLetterConfig: { Arn: dlq.arn } }] }),
    );
    mocks.eventBridge.failDeliveries(target.arn, { times: 2 });
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    expect(mocks.sqs.messages(target.arn)).toHaveLength(1);
    expect(mocks.sqs.messages(dlq.arn)).toEqual([]);
    expect(mocks.eventBridge.failedDeliveries()).toEqual([]);
  });

  it('a target that does not exist is not retried: straight to the DLQ', async () => {
    const dlq = queue('dlq');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    const ghost = 'arn:aws:sqs:eu-west-1:210987654321:ghost';
    await events.send(
      new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 't', Arn: ghost, DeadLetterConfig: { Arn: dlq.arn } }] }),
    );
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    const before = mocks.clock.now().getTime();
    await mocks.drain();
    expect(mocks.clock.now().getTime()).toBe(before);
    const [dead] = mocks.sqs.messages(dlq.arn);
    expect(dead?.messageAttributes['ERROR_CODE']?.stringValue).toBe('ResourceNotFoundException');
    expect(dead?.messageAttributes['RETRY_ATTEMPTS']?.stringValue).toBe('0');
    expect(mocks.eventBridge.failedDeliveries()).toMatchObject([
      { targetArn: ghost, deadLetterArn: dlq.arn, retryAttempts: 0 },
    ]);
  });

  it('MaximumEventAgeInSeconds ends the retries', async () => {
    const target = queue('t');
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' }));
    await events.send(
      new PutTargetsCommand({
        Rule: 'r',
        Targets: [{ Id: 't', Arn: target.arn, RetryPolicy: { MaximumEventAgeInSeconds: 60 } }],
      }),
    );
    mocks.eventBridge.failDeliveries(target.arn, { times: 1000 });
    await events.send(new PutEventsCommand({ Entries: [entry()] }));
    await mocks.drain();
    const [failed] = mocks.eventBridge.failedDeliveries();
    expect(failed?.exhaustedRetryCondition).toBe('MaximumEventAgeInSeconds');
    // 1+2+4+8+16 = 31 s; the next retry (32 s later) would be past 60 s.
    expect(failed?.retryAttempts).toBe(5);
    expect(failed?.deadLetterArn).toBeUndefined();
  });
});

describe('schedules', () => {
  it('rate and cron rules fire on the virtual clock with the scheduled event the factories build', async () => {
    const q = queue('ticks');
    const start = mocks.clock.now().getTime();
    await events.send(new PutRuleCommand({ Name: 'every5', ScheduleExpression: 'rate(5 minutes)' }));
    await events.send(new PutTargetsCommand({ Rule: 'every5', Targets: [{ Id: 'q', Arn: q.arn }] }));
    await mocks.drain({ until: start + 16 * 60_000 });
    const bodies = mocks.sqs.messages(q.arn).map((m) => JSON.parse(m.body));
    expect(bodies.map((b) => b.time)).toEqual(
      [5, 10, 15].map((m) => new Date(start + m * 60_000).toISOString().slice(0, 19) + 'Z'),
    );
    const expected = makeScheduledEvent('every5', {
      region: 'eu-west-1',
      account: '210987654321',
      time: new Date(start + 5 * 60_000),
      overrides: { id: bodies[0].id },
    });
    expect(bodies[0]).toEqual(expected);
  });

  it('cron expressions are validated and fire at their minutes (UTC)', async () => {
    for (const bad of [
      'cron(0 12 * * * *)',
      'cron(0 12 ? * ? *)',
      'cron(60 12 * * ? *)',
      'rate(1 minutes)',
      'rate(5 minute)',
      'rate(0 minutes)',
      'cron(0 12 * *)',
    ]) {
      expect(await failure(events.send(new PutRuleCommand({ Name: 'bad', ScheduleExpression: bad })))).toEqual({
        name: 'ValidationException',
        message: 'Parameter ScheduleExpression is not valid.',
      });
    }
    await events.send(new CreateEventBusCommand({ Name: 'custom' }));
    expect(
      (
        await failure(
          events.send(new PutRuleCommand({ Name: 'x', EventBusName: 'custom', ScheduleExpression: 'rate(1 minute)' })),
        )
      ).name,
    ).toBe('ValidationException');
    const q = queue('cron');
    // 12:30:45 now: "0/15 13 * * ? *" fires at 13:00, 13:15, 13:30, 13:45.
    await events.send(new PutRuleCommand({ Name: 'c', ScheduleExpression: 'cron(0/15 13 * * ? *)' }));
    await events.send(new PutTargetsCommand({ Rule: 'c', Targets: [{ Id: 'q', Arn: q.arn }] }));
    await mocks.drain({ until: '2026-01-15T15:00:00Z' });
    expect(mocks.sqs.messages(q.arn).map((m) => JSON.parse(m.body).time)).toEqual([
      '2026-01-15T13:00:00Z',
      '2026-01-15T13:15:00Z',
      '2026-01-15T13:30:00Z',
      '2026-01-15T13:45:00Z',
    ]);
  });
});

describe('subscribe with an event pattern', () => {
  it('a pattern subscription gets exactly the matching events; a bad pattern throws the engine error', async () => {
    const got: unknown[] = [];
    mocks.eventBridge.subscribe(
      { detail: { total: [{ numeric: ['>', 100] }] } },
      (event) => void got.push(event.detail),
    );
    await events.send(new PutEventsCommand({ Entries: [entry(), entry({ Detail: '{"total":3}' })] }));
    await mocks.drain();
    expect(got).toEqual([{ id: 7, total: 120 }]);
    expect(() => mocks.eventBridge.subscribe({ source: 'x', detail: {} }, () => undefined)).toThrow(EventPatternError);
  });
});
