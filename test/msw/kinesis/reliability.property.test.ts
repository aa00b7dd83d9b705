/**
 * Reliability of the stream event source mapping under random puts, handler failures and partial
 * failures: no record is skipped (each is processed or discarded to the on-failure destination,
 * exactly once and in shard order), and checkpoints only move forward.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KinesisStreamEvent } from '../../../src/events/kinesis/index.js';
import { createAwsMocks, type StreamFailureRecord } from '../../../src/msw/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

/** What the handler does on one invocation. */
type Behaviour = { kind: 'ok' } | { kind: 'throw' } | { kind: 'partial'; at: number } | { kind: 'garbage' };

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Behaviour>({ kind: 'ok' }) },
  { weight: 2, arbitrary: fc.constant<Behaviour>({ kind: 'throw' }) },
  { weight: 2, arbitrary: fc.nat(20).map<Behaviour>((at) => ({ kind: 'partial', at })) },
  { weight: 1, arbitrary: fc.constant<Behaviour>({ kind: 'garbage' }) },
);

const scenario = fc.record({
  shardCount: fc.integer({ min: 1, max: 4 }),
  // Rounds of puts, each a list of partition keys; a drain (partial, by time) runs between rounds.
  rounds: fc.array(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 25 }), {
    minLength: 1,
    maxLength: 4,
  }),
  behaviours: fc.array(behaviour, { minLength: 0, maxLength: 40 }),
  batchSize: fc.integer({ min: 1, max: 12 }),
  bisect: fc.boolean(),
  report: fc.boolean(),
  maximumRetryAttempts: fc.constantFrom(-1, 0, 1, 3),
  maximumRecordAgeInSeconds: fc.constantFrom(-1, 60, 120),
});

describe('Kinesis stream delivery reliability', () => {
  it('no record skipped, per-shard order kept, checkpoints monotonic', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const mocks = createAwsMocks({ guardHttp2: false });
        mocks.kinesis.createStream('prop', { shardCount: s.shardCount });
        let call = 0;
        const checkpointLog: Array<Record<string, string>> = [];
        /** Per shard, the sequence numbers settled (processed or discarded), in the order they settled. */
        const settled = new Map<string, string[]>();
        const settle = (shardId: string, seqs: readonly string[]) =>
          settled.set(shardId, [...(settled.get(shardId) ?? []), ...seqs]);
        const failures: StreamFailureRecord[] = [];
        const subscription = mocks.kinesis.subscribe(
          'prop',
          async (event: KinesisStreamEvent) => {
            checkpointLog.push({ ...subscription.checkpoints() });
            // After the scripted behaviours the handler succeeds, so every drain ends.
            const b = s.behaviours[call++] ?? { kind: 'ok' };
            const seqs = event.Records.map((r) => r.kinesis.sequenceNumber);
            const shardId = (event.Records[0] as { eventID: string }).eventID.split(':')[0] as string;
            if (b.kind === 'throw') throw new Error('scripted failure');
            // An invalid response fails the batch under ReportBatchItemFailures, and is ignored otherwise.
            if (b.kind === 'garbage' && s.report) return { batchItemFailures: [{ wrong: 'key' }] };
            if (b.kind === 'partial' && s.report) {
              const at = b.at % seqs.length;
              settle(shardId, seqs.slice(0, at));
              return { batchItemFailures: [{ itemIdentifier: seqs[at] }] };
            }
            settle(shardId, seqs);
            return undefined;
          },
          {
            batchSize: s.batchSize,
            bisectBatchOnFunctionError: s.bisect,
            reportBatchItemFailures: s.report,
            maximumRetryAttempts: s.maximumRetryAttempts,
            maximumRecordAgeInSeconds: s.maximumRecordAgeInSeconds,
            onFailure: (r) => {
              // Called when the batch is discarded, so it settles in order with processed records.
              failures.push(r);
              const info = r.KinesisBatchInfo as NonNullable<StreamFailureRecord['KinesisBatchInfo']>;
              const inShard = mocks.kinesis
                .records('prop')
                .filter((x) => x.shardId === info.shardId)
                .map((x) => x.sequenceNumber);
              const from = inShard.indexOf(info.startSequenceNumber);
              expect(inShard.indexOf(info.endSequenceNumber) - from + 1).toBe(info.batchSize);
              settle(info.shardId, inShard.slice(from, from + info.batchSize));
            },
          },
        );
        let i = 0;
        for (const round of s.rounds) {
          for (const key of round) mocks.kinesis.putRecord('prop', `d${i++}`, key);
          // A partial drain: deliveries interleave with later puts.
          await mocks.drain({ until: new Date(mocks.clock.now().getTime() + 2000) });
        }
        await mocks.drain();
        const records = mocks.kinesis.records('prop');
        for (let shard = 0; shard < s.shardCount; shard++) {
          const shardId = `shardId-${String(shard).padStart(12, '0')}`;
          const expected = records.filter((r) => r.shardId === shardId).map((r) => r.sequenceNumber);
          // Every record settled exactly once, in shard order.
          expect(settled.get(shardId) ?? []).toEqual(expected);
          if (expected.length > 0) expect(subscription.checkpoints()[shardId]).toBe(expected.at(-1));
          // Checkpoints never move back.
          let previous = -1;
          for (const log of checkpointLog) {
            const at = log[shardId] === undefined ? -1 : expected.indexOf(log[shardId] as string);
            expect(at).toBeGreaterThanOrEqual(previous);
            previous = at;
          }
        }
        // Every batch is contiguous from the shard's checkpoint: nothing in between is skipped.
        for (const invocation of subscription.invocations) {
          const seqs = invocation.event.Records.map((r) => r.kinesis.sequenceNumber);
          const shardSeqs = records.filter((r) => r.shardId === invocation.shardId).map((r) => r.sequenceNumber);
          const start = shardSeqs.indexOf(seqs[0] as string);
          expect(seqs).toEqual(shardSeqs.slice(start, start + seqs.length));
        }
        expect(failures).toEqual(subscription.failures);
        mocks.dispose();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
