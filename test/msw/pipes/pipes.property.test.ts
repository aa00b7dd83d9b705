/**
 * Model-based: random SQS → SQS pipes (a small filter language, batch sizes, templates; a FIFO
 * source feeding a FIFO target through one message group), random messages (JSON or text), and
 * random interleavings of sends, stops, starts and partial drains. After a final drain the
 * target holds exactly the messages the filters keep (judged by this file's own evaluator), each
 * once, the pipe's dropped list is exactly the rest, the source is empty, and on FIFO queues the
 * target's order is the send order.
 */
import { PipesClient, StartPipeCommand, StopPipeCommand } from '@aws-sdk/client-pipes';
import fc from 'fast-check';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { describe, expect, it } from 'vitest';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks({ region: 'eu-west-1', account: '210987654321' });
const pipes = new PipesClient(awsTestClientConfig({ region: 'eu-west-1' }));

const COLOURS = ['red', 'green', 'blue'] as const;
type Filter = { colours?: string[]; above?: number };
type Body = { colour?: string; n?: number } | string;
type Step = { kind: 'send'; bodies: Body[] } | { kind: 'stop' } | { kind: 'start' } | { kind: 'drain'; ms: number };

// At least one field: `{"body":{}}` is not a valid filter.
const filterArb: fc.Arbitrary<Filter> = fc
  .record(
    { colours: fc.subarray([...COLOURS], { minLength: 1 }), above: fc.integer({ min: -3, max: 3 }) },
    { requiredKeys: [] },
  )
  .map((f) => (f.colours === undefined && f.above === undefined ? { colours: [...COLOURS] } : f));
const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { colour: fc.constantFrom(...COLOURS), n: fc.integer({ min: -5, max: 5 }) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('plain text', 'red') },
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      bodies: fc.array(bodyArb, { minLength: 1, maxLength: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'stop' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'start' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), ms: fc.integer({ min: 0, max: 5000 }) }) },
);

function filterJson(f: Filter): object {
  const body: Record<string, unknown> = {};
  if (f.colours !== undefined) body['colour'] = f.colours;
  if (f.above !== undefined) body['n'] = [{ numeric: ['>', f.above] }];
  return { body };
}

/** The oracle: a message passes when some filter's every field matches its JSON body (a text body has no fields). */
function passes(filters: Filter[], body: Body): boolean {
  if (filters.length === 0) return true;
  return filters.some((f) => {
    if (typeof body === 'string') return f.colours === undefined && f.above === undefined;
    if (f.colours !== undefined && (body.colour === undefined || !f.colours.includes(body.colour))) return false;
    if (f.above !== undefined && (body.n === undefined || !(body.n > f.above))) return false;
    return true;
  });
}

describe('Pipes, model-based', () => {
  it('the target gets exactly the kept messages, once, in order on FIFO queues; the filters drop exactly the rest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          filters: fc.array(filterArb, { maxLength: 3 }),
          batchSize: fc.integer({ min: 1, max: 10 }),
          fifo: fc.boolean(),
          steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        }),
        async ({ filters, batchSize, fifo, steps }) => {
          mocks.reset();
          const suffix = fifo ? '.fifo' : '';
          const fifoAttributes = fifo ? { FifoQueue: 'true', ContentBasedDeduplication: 'false' } : {};
          const source = mocks.sqs.createQueue(`in${suffix}`, { ...fifoAttributes, VisibilityTimeout: '5' });
          const target = mocks.sqs.createQueue(`out${suffix}`, fifoAttributes);
          const criteria =
            filters.length === 0
              ? {}
              : { FilterCriteria: { Filters: filters.map((f) => ({ Pattern: JSON.stringify(filterJson(f)) })) } };
          mocks.pipes.create('p', {
            Source: source.arn,
            Target: target.arn,
            SourceParameters: { SqsQueueParameters: { BatchSize: batchSize }, ...criteria },
            TargetParameters: {
              InputTemplate: '{"id": <$.messageId>}',
              ...(fifo ? { SqsQueueParameters: { MessageGroupId: 'g', MessageDeduplicationId: '$.messageId' } } : {}),
            },
          });
          const kept: string[] = [];
          const dropped: string[] = [];
          let counter = 0;
          for (const step of steps) {
            if (step.kind === 'send') {
              for (const body of step.bodies) {
                const text = typeof body === 'string' ? body : JSON.stringify(body);
                const { messageId } = mocks.sqs.send(
                  source.arn,
                  text,
                  fifo ? { messageGroupId: 'g', messageDeduplicationId: String(counter++) } : {},
                );
                (passes(filters, body) ? kept : dropped).push(messageId);
              }
            } else if (step.kind === 'drain') await mocks.drain({ until: mocks.clock.now().getTime() + step.ms });
            else
              await pipes.send(
                step.kind === 'stop' ? new StopPipeCommand({ Name: 'p' }) : new StartPipeCommand({ Name: 'p' }),
              );
          }
          await pipes.send(new StartPipeCommand({ Name: 'p' }));
          await mocks.drain();
          const got = mocks.sqs.messages(target.arn).map((m) => (JSON.parse(m.body) as { id: string }).id);
          if (fifo) expect(got).toEqual(kept);
          else expect([...got].sort()).toEqual([...kept].sort());
          expect(
            mocks.pipes
              .get('p')
              .filtered.map((f) => (f.record as { messageId: string }).messageId)
              .sort(),
          ).toEqual([...dropped].sort());
          expect(mocks.sqs.messages(source.arn)).toEqual([]);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 600_000);
});
