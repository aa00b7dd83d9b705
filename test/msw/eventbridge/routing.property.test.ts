/**
 * Model-based: random buses, rules (a small pattern language, enabled or not), targets (queues,
 * some failing with a retry policy and a DLQ), and random interleavings of PutEvents, rule
 * toggles and partial drains, through the real client-eventbridge. After a final drain every
 * event reached exactly the targets of the enabled rules it matched when it was put (judged by
 * this file's own evaluator of the language, not by the engine), none was lost or doubled, and
 * the DLQ holds exactly the deliveries to failing targets, with their rule's ARN.
 */
import {
  DisableRuleCommand,
  EnableRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  CreateEventBusCommand,
} from '@aws-sdk/client-eventbridge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { eventBridgeClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks({ region: 'eu-west-1', account: '210987654321' });
const events = eventBridgeClient('eu-west-1');

const SOURCES = ['a', 'b', 'c'] as const;
const COLOURS = ['red', 'green', 'blue'] as const;
const TAGS = ['x1', 'x2', 'y1'] as const;
const BUSES = ['default', 'orders'] as const;

type Pattern =
  | { kind: 'source'; values: string[] }
  | { kind: 'above'; bound: number }
  | { kind: 'colour'; values: string[] }
  | { kind: 'sourceNoColour'; values: string[] }
  | { kind: 'tagPrefix'; prefix: string };

interface Detail {
  n?: number;
  colour?: string;
  tag?: string;
}
interface Entry {
  source: string;
  detail: Detail;
}
interface Target {
  queue: 0 | 1 | 2; // queue 2 always fails
  retries: number;
  dlq: boolean;
}
interface Rule {
  bus: number;
  pattern: Pattern;
  enabled: boolean;
  targets: Target[];
}
type Step =
  | { kind: 'put'; bus: number; entries: Entry[] }
  | { kind: 'toggle'; rule: number }
  | { kind: 'drain'; ms: number };

const patternArb: fc.Arbitrary<Pattern> = fc.oneof(
  fc.subarray([...SOURCES], { minLength: 1 }).map((values): Pattern => ({ kind: 'source', values })),
  fc.integer({ min: -3, max: 3 }).map((bound): Pattern => ({ kind: 'above', bound })),
  fc.subarray([...COLOURS], { minLength: 1 }).map((values): Pattern => ({ kind: 'colour', values })),
  fc.subarray([...SOURCES], { minLength: 1 }).map((values): Pattern => ({ kind: 'sourceNoColour', values })),
  fc.constantFrom('x', 'y', 'x1').map((prefix): Pattern => ({ kind: 'tagPrefix', prefix })),
);

function patternJson(p: Pattern): object {
  switch (p.kind) {
    case 'source':
      return { source: p.values };
    case 'above':
      return { detail: { n: [{ numeric: ['>', p.bound] }] } };
    case 'colour':
      return { detail: { colour: p.values } };
    case 'sourceNoColour':
      return { source: p.values, detail: { colour: [{ exists: false }] } };
    case 'tagPrefix':
      return { detail: { tag: [{ prefix: p.prefix }] } };
  }
}

/** The oracle: EventBridge's semantics for this language. */
function matches(p: Pattern, e: Entry): boolean {
  switch (p.kind) {
    case 'source':
      return p.values.includes(e.source);
    case 'above':
      return e.detail.n !== undefined && e.detail.n > p.bound;
    case 'colour':
      return e.detail.colour !== undefined && p.values.includes(e.detail.colour);
    case 'sourceNoColour':
      return p.values.includes(e.source) && e.detail.colour === undefined;
    case 'tagPrefix':
      return e.detail.tag !== undefined && e.detail.tag.startsWith(p.prefix);
  }
}

const entryArb: fc.Arbitrary<Entry> = fc.record({
  source: fc.constantFrom(...SOURCES),
  detail: fc.record(
    { n: fc.integer({ min: -4, max: 4 }), colour: fc.constantFrom(...COLOURS), tag: fc.constantFrom(...TAGS) },
    { requiredKeys: [] },
  ),
});
const targetArb: fc.Arbitrary<Target> = fc.record({
  queue: fc.constantFrom(0 as const, 1 as const, 2 as const),
  retries: fc.integer({ min: 0, max: 2 }),
  dlq: fc.boolean(),
});
const ruleArb: fc.Arbitrary<Rule> = fc.record({
  bus: fc.integer({ min: 0, max: 1 }),
  pattern: patternArb,
  enabled: fc.boolean(),
  targets: fc.array(targetArb, { minLength: 1, maxLength: 3 }),
});
const stepArb = (rules: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('put' as const),
        bus: fc.integer({ min: 0, max: 1 }),
        entries: fc.array(entryArb, { minLength: 1, maxLength: 4 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('toggle' as const),
        rule: fc.integer({ min: 0, max: Math.max(0, rules - 1) }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), ms: fc.integer({ min: 0, max: 3000 }) }) },
  );
const scenarioArb = fc
  .array(ruleArb, { minLength: 1, maxLength: 5 })
  .chain((rules) =>
    fc.record({ rules: fc.constant(rules), steps: fc.array(stepArb(rules.length), { minLength: 1, maxLength: 6 }) }),
  );

const sorted = (xs: string[]): string[] => [...xs].sort();

describe('EventBridge routing, model-based', () => {
  it('every event reaches exactly the targets of the rules it matched, once; failing targets dead-letter exactly their share', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ rules, steps }) => {
        mocks.reset();
        const queues = [mocks.sqs.createQueue('q0'), mocks.sqs.createQueue('q1'), mocks.sqs.createQueue('q2')];
        const dlq = mocks.sqs.createQueue('dlq');
        mocks.eventBridge.failDeliveries(queues[2]!.arn, { times: 1_000_000 });
        await events.send(new CreateEventBusCommand({ Name: 'orders' }));
        const enabled = rules.map((r) => r.enabled);
        for (const [i, rule] of rules.entries()) {
          const bus = BUSES[rule.bus]!;
          await events.send(
            new PutRuleCommand({
              Name: `r${i}`,
              EventBusName: bus,
              EventPattern: JSON.stringify(patternJson(rule.pattern)),
              State: rule.enabled ? 'ENABLED' : 'DISABLED',
            }),
          );
          await events.send(
            new PutTargetsCommand({
              Rule: `r${i}`,
              EventBusName: bus,
              Targets: rule.targets.map((t, j) => ({
                Id: `t${j}`,
                Arn: queues[t.queue]!.arn,
                RetryPolicy: { MaximumRetryAttempts: t.retries },
                ...(t.dlq ? { DeadLetterConfig: { Arn: dlq.arn } } : {}),
                InputTransformer: {
                  InputPathsMap: { id: '$.id' },
                  InputTemplate: `{"id": <id>, "rule": "<aws.events.rule-name>", "target": "t${j}"}`,
                },
              })),
            }),
          );
        }
        const expected: string[][] = [[], [], []];
        const expectedDead: string[] = [];
        let expectedFailures = 0;
        for (const step of steps) {
          if (step.kind === 'drain') {
            await mocks.drain({ until: mocks.clock.now().getTime() + step.ms });
          } else if (step.kind === 'toggle') {
            const bus = BUSES[rules[step.rule]!.bus]!;
            enabled[step.rule] = !enabled[step.rule];
            await events.send(
              enabled[step.rule]
                ? new EnableRuleCommand({ Name: `r${step.rule}`, EventBusName: bus })
                : new DisableRuleCommand({ Name: `r${step.rule}`, EventBusName: bus }),
            );
          } else {
            const answer = await events.send(
              new PutEventsCommand({
                Entries: step.entries.map((e) => ({
                  Source: e.source,
                  DetailType: 'T',
                  Detail: JSON.stringify(e.detail),
                  EventBusName: BUSES[step.bus],
                })),
              }),
            );
            step.entries.forEach((entry, k) => {
              const id = answer.Entries![k]!.EventId!;
              rules.forEach((rule, i) => {
                if (rule.bus !== step.bus || !enabled[i] || !matches(rule.pattern, entry)) return;
                rule.targets.forEach((t, j) => {
                  if (t.queue === 2) {
                    expectedFailures++;
                    if (t.dlq)
                      expectedDead.push(
                        `${id} arn:aws:events:eu-west-1:210987654321:rule/${rule.bus === 0 ? '' : 'orders/'}r${i} ${t.retries}`,
                      );
                  } else expected[t.queue]!.push(`${id} r${i} t${j}`);
                });
              });
            });
          }
        }
        await mocks.drain();
        for (const q of [0, 1] as const) {
          const got = mocks.sqs.messages(queues[q]!.arn).map((m) => {
            const body = JSON.parse(m.body) as { id: string; rule: string; target: string };
            return `${body.id} ${body.rule} ${body.target}`;
          });
          expect(sorted(got)).toEqual(sorted(expected[q]!));
        }
        expect(mocks.sqs.messages(queues[2]!.arn)).toEqual([]);
        const dead = mocks.sqs
          .messages(dlq.arn)
          .map(
            (m) =>
              `${(JSON.parse(m.body) as { id: string }).id} ${m.messageAttributes['RULE_ARN']?.stringValue} ${m.messageAttributes['RETRY_ATTEMPTS']?.stringValue}`,
          );
        expect(sorted(dead)).toEqual(sorted(expectedDead));
        expect(mocks.eventBridge.failedDeliveries()).toHaveLength(expectedFailures);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 600_000);
});
