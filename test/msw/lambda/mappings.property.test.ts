/**
 * Model-based property of event source mappings with filters: random FilterCriteria, random
 * sends, random batch sizes, handlers that fail once on random records, drains interleaved with
 * sends. The model: a record reaches the function iff a filter matches it (every record without
 * filters); none is lost; each FIFO message group and each Kinesis shard sees its records in the
 * order they were written (a failed batch is retried before the group or shard moves on); the
 * dropped records are exactly the non-matching ones.
 */
import { CreateEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { KinesisStreamEvent, SQSEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const lambda = new LambdaClient(awsTestClientConfig({ region: 'us-east-1' }));

const TYPES = ['a', 'b', 'c'] as const;
interface Body {
  type: (typeof TYPES)[number];
  n: number;
  id: number;
}
/** One filter of the model: a type list, a numeric bound, or both (ANDed within a filter). */
interface ModelFilter {
  types?: readonly string[];
  min?: number;
}
const filterArb: fc.Arbitrary<ModelFilter> = fc
  .record({
    types: fc.option(fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1 }), { nil: undefined }),
    min: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  })
  .map((f) => ({
    ...(f.types === undefined ? {} : { types: f.types }),
    ...(f.min === undefined ? {} : { min: f.min }),
  }));
const matches = (filters: readonly ModelFilter[], body: Body): boolean =>
  filters.length === 0 ||
  filters.some(
    (f) => (f.types === undefined || f.types.includes(body.type)) && (f.min === undefined || body.n >= f.min),
  );
/** The AWS pattern of a model filter, on the data field `key`. */
const patternOf = (f: ModelFilter, key: 'body' | 'data'): string => {
  const fields: Record<string, unknown> = {};
  if (f.types !== undefined) fields['type'] = f.types;
  if (f.min !== undefined) fields['n'] = [{ numeric: ['>=', f.min] }];
  // A filter with no condition matches every JSON record that has the data field.
  if (Object.keys(fields).length === 0) fields['type'] = [{ exists: true }];
  return JSON.stringify({ [key]: fields });
};
const sendArb = fc.record({
  type: fc.constantFrom(...TYPES),
  n: fc.integer({ min: 0, max: 20 }),
  group: fc.integer({ min: 0, max: 2 }),
  failOnce: fc.boolean(),
  drainAfter: fc.boolean(),
});

describe('event source mappings with filters: model', () => {
  it('SQS FIFO: deliveries are exactly the matching messages, per group in send order, none lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(filterArb, { maxLength: 3 }),
        fc.array(sendArb, { maxLength: 25 }),
        fc.integer({ min: 1, max: 10 }),
        async (filters, sends, batchSize) => {
          mocks.reset();
          const queue = mocks.sqs.createQueue('model.fifo', {
            FifoQueue: 'true',
            ContentBasedDeduplication: 'true',
            VisibilityTimeout: '5',
          });
          const processed: Body[] = [];
          const failed = new Set<number>();
          const failOnce = new Set(sends.flatMap((s, id) => (s.failOnce ? [id] : [])));
          mocks.lambda.createFunction('model', async (event: SQSEvent) => {
            const bodies = event.Records.map((r) => JSON.parse(r.body) as Body);
            const poison = bodies.find((b) => failOnce.has(b.id) && !failed.has(b.id));
            if (poison !== undefined) {
              failed.add(poison.id);
              throw new Error(`fail once ${poison.id}`);
            }
            processed.push(...bodies);
          });
          await lambda.send(
            new CreateEventSourceMappingCommand({
              FunctionName: 'model',
              EventSourceArn: queue.arn,
              BatchSize: batchSize,
              ...(filters.length === 0
                ? {}
                : { FilterCriteria: { Filters: filters.map((f) => ({ Pattern: patternOf(f, 'body') })) } }),
            }),
          );
          const bodies: Body[] = [];
          for (const [id, s] of sends.entries()) {
            const body: Body = { type: s.type, n: s.n, id };
            bodies.push(body);
            mocks.sqs.send(queue.arn, JSON.stringify(body), { messageGroupId: `g${s.group}` });
            if (s.drainAfter) await mocks.drain();
          }
          await mocks.drain();
          const expected = bodies.filter((b) => matches(filters, b));
          expect(processed.map((b) => b.id).sort((x, y) => x - y)).toEqual(expected.map((b) => b.id));
          for (let g = 0; g < 3; g++) {
            const inGroup = (b: Body) => sends[b.id]?.group === g;
            expect(processed.filter(inGroup).map((b) => b.id)).toEqual(expected.filter(inGroup).map((b) => b.id));
          }
          // Dropped: exactly the non-matching messages, each group's in send order (a group waits behind its failed batch).
          const [mapping] = mocks.lambda.eventSourceMappings();
          const dropped = (mapping?.filtered ?? []).map(
            (f) => (JSON.parse((f.record as { body: string }).body) as Body).id,
          );
          const notMatching = bodies.filter((b) => !matches(filters, b)).map((b) => b.id);
          expect([...dropped].sort((x, y) => x - y)).toEqual(notMatching);
          for (let g = 0; g < 3; g++)
            expect(dropped.filter((id) => sends[id]?.group === g)).toEqual(
              notMatching.filter((id) => sends[id]?.group === g),
            );
          expect(mocks.sqs.messages(queue.arn)).toEqual([]);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it('Kinesis: deliveries are exactly the matching records, per shard in sequence order, none lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(filterArb, { maxLength: 3 }),
        fc.array(sendArb, { maxLength: 25 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        async (filters, sends, batchSize, bisect) => {
          mocks.reset();
          const stream = mocks.kinesis.createStream('model', { shardCount: 2 });
          const processed: Array<{ body: Body; shard: string; seq: string }> = [];
          const failed = new Set<number>();
          const failOnce = new Set(sends.flatMap((s, id) => (s.failOnce ? [id] : [])));
          mocks.lambda.createFunction('model', async (event: KinesisStreamEvent) => {
            const records = event.Records.map((r) => ({
              body: JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()) as Body,
              shard: r.eventID.split(':')[0] as string,
              seq: r.kinesis.sequenceNumber,
            }));
            const poison = records.find((r) => failOnce.has(r.body.id) && !failed.has(r.body.id));
            if (poison !== undefined) {
              failed.add(poison.body.id);
              throw new Error('fail once');
            }
            processed.push(...records);
          });
          await lambda.send(
            new CreateEventSourceMappingCommand({
              FunctionName: 'model',
              EventSourceArn: stream.arn,
              StartingPosition: 'TRIM_HORIZON',
              BatchSize: batchSize,
              BisectBatchOnFunctionError: bisect,
              ...(filters.length === 0
                ? {}
                : { FilterCriteria: { Filters: filters.map((f) => ({ Pattern: patternOf(f, 'data') })) } }),
            }),
          );
          const bodies: Body[] = [];
          const shardOf = new Map<number, string>();
          for (const [id, s] of sends.entries()) {
            const body: Body = { type: s.type, n: s.n, id };
            bodies.push(body);
            shardOf.set(id, mocks.kinesis.putRecord(stream.arn, JSON.stringify(body), `pk${s.group}`).shardId);
            if (s.drainAfter) await mocks.drain();
          }
          await mocks.drain();
          const expected = bodies.filter((b) => matches(filters, b));
          // At least once: a record may be delivered again only inside a retried batch that failed; successes are distinct.
          expect(processed.map((p) => p.body.id).sort((x, y) => x - y)).toEqual(expected.map((b) => b.id));
          for (const shard of new Set(shardOf.values())) {
            const got = processed.filter((p) => shardOf.get(p.body.id) === shard).map((p) => p.body.id);
            expect(got).toEqual(expected.filter((b) => shardOf.get(b.id) === shard).map((b) => b.id));
          }
          const [mapping] = mocks.lambda.eventSourceMappings();
          expect(mapping?.filteredCount).toBe(bodies.length - expected.length);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);
});
