import fc from 'fast-check';
import { SqsRecordSchema, SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import { sqsEvent, sqsQueueName, sqsRecord } from '../../arbitraries/index.js';
import { isSqsQueueName } from '../../src/events/sqs/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { emptyMd5Form, expectValidEvent, expectValidRecord } from '../events/sqs/_invariants.js';

describe('sqsQueueName', () => {
  it('valid names of the asked kind', () => {
    fc.assert(
      fc.property(
        fc
          .option(fc.boolean(), { nil: undefined })
          .chain((fifo) => fc.tuple(fc.constant(fifo), sqsQueueName({ fifo }))),
        ([fifo, name]) => {
          expect(isSqsQueueName(name)).toBe(true);
          if (fifo !== undefined) expect(name.endsWith('.fifo')).toBe(fifo);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('sqsRecord', () => {
  it('every record keeps every invariant and passes SqsRecordSchema', async () => {
    await fc.assert(
      fc.asyncProperty(sqsRecord(), async (record) => {
        await expectValidRecord(record);
        expect(SqsRecordSchema.safeParse(record).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('pinned parts are honoured', async () => {
    await fc.assert(
      fc.asyncProperty(sqsRecord({ body: fc.json(), fifo: true, region: 'eu-west-1' }), async (record) => {
        await expectValidRecord(record);
        expect(record.eventSourceARN.endsWith('.fifo')).toBe(true);
        expect(record.awsRegion).toBe('eu-west-1');
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('a pinned emptyMd5OfMessageAttributes gives that one form', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('omit' as const, 'null' as const).chain((form) =>
          fc.tuple(
            fc.constant(form),
            sqsRecord({
              emptyMd5OfMessageAttributes: form,
              messageAttributes: fc.oneof(fc.constant({}), fc.constant({ k: 'v' })),
            }),
          ),
        ),
        async ([form, record]) => {
          await expectValidRecord(record, form);
          expect(SqsRecordSchema.safeParse(record).success).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
  it("by default ('either') both real forms appear, always with no attributes", async () => {
    const records = fc.sample(sqsRecord({ messageAttributes: {} }), { numRuns: 100, seed: 3 });
    for (const record of records) await expectValidRecord(record);
    expect(new Set(records.map(emptyMd5Form))).toEqual(new Set(['omit', 'null']));
    expect(() => sqsRecord({ emptyMd5OfMessageAttributes: 'absent' as never })).toThrow(
      /^sqsRecord: emptyMd5OfMessageAttributes must be 'omit', 'null' or 'either', got "absent"$/,
    );
  });
});

describe('sqsEvent', () => {
  it('every event keeps every invariant and passes SqsSchema', async () => {
    await fc.assert(
      fc.asyncProperty(sqsEvent(), async (event) => {
        await expectValidEvent(event);
        expect(SqsSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('FIFO batches of 1–10', async () => {
    await fc.assert(
      fc.asyncProperty(sqsEvent({ body: fc.json(), fifo: true, minRecords: 1, maxRecords: 10 }), async (event) => {
        await expectValidEvent(event);
        expect(event.Records.length).toBeLessThanOrEqual(10);
        for (const r of event.Records) expect(() => JSON.parse(r.body)).not.toThrow();
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('maximum batch sizes: up to 10,000 standard records, cut at 6 MB like Lambda', async () => {
    const [event] = fc.sample(
      sqsEvent({ fifo: false, minRecords: 3000, maxRecords: 10_000, body: 'x', messageAttributes: {} }),
      { numRuns: 1, seed: 1 },
    );
    await expectValidEvent(event!);
    expect(event!.Records.length).toBeGreaterThanOrEqual(3000);
  });
  it('shrunk values keep every invariant', async () => {
    // Fail on any event with 2+ records so fast-check shrinks; every value it tries along the way is checked.
    const seen: unknown[] = [];
    const result = fc.check(
      fc.property(sqsEvent(), (event) => {
        seen.push(event);
        return event.Records.length < 2;
      }),
      { numRuns: 50, seed: 42 },
    );
    expect(result.failed).toBe(true);
    expect(result.numShrinks).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(result.numRuns);
    expect((result.counterexample![0] as { Records: unknown[] }).Records).toHaveLength(2);
    for (const event of seen) await expectValidEvent(event as never);
  });
  it("emptyMd5OfMessageAttributes: one form per batch; 'either' (default) gives batches of both", async () => {
    for (const form of ['omit', 'null'] as const) {
      for (const event of fc.sample(sqsEvent({ emptyMd5OfMessageAttributes: form }), { numRuns: 30, seed: 5 }))
        await expectValidEvent(event, form);
    }
    const events = fc.sample(sqsEvent({ messageAttributes: {}, minRecords: 2 }), { numRuns: 100, seed: 4 });
    for (const event of events) await expectValidEvent(event);
    expect(new Set(events.map((e) => emptyMd5Form(e.Records[0]!)))).toEqual(new Set(['omit', 'null']));
  });
  it('nonsense constraints throw TypeErrors naming the arbitrary', () => {
    expect(() => sqsEvent({ emptyMd5OfMessageAttributes: false as never })).toThrow(
      /^sqsEvent: emptyMd5OfMessageAttributes must be 'omit', 'null' or 'either', got false$/,
    );
    expect(() => sqsEvent({ minRecords: 0 })).toThrow(/^sqsEvent: minRecords/);
    expect(() => sqsEvent({ fifo: true, maxRecords: 11 })).toThrow(/sqsEvent: maxRecords 11 is over/);
    expect(() => sqsEvent({ minRecords: 5, maxRecords: 4 })).toThrow(/maxRecords must be/);
  });
  it('same seed, same events', () => {
    expect(fc.sample(sqsEvent(), { numRuns: 5, seed: 9 })).toEqual(fc.sample(sqsEvent(), { numRuns: 5, seed: 9 }));
  });
});
