import type { Arbitrary } from 'fast-check';
import { expectTypeOf, it } from 'vitest';
import {
  checkEventPattern,
  eventMatching,
  eventNotMatching,
  eventPattern,
  jsonPayload,
  sqsRecord,
  type EventPatternCheckResult,
} from '../../arbitraries/index.js';
import type { JsonValue } from '../../src/_internals/json.js';
import type { SqsRecord } from '../../src/index.js';

it('the generators keep the base arbitrary type', () => {
  expectTypeOf(eventMatching({ source: ['x'] })).toEqualTypeOf<Arbitrary<Record<string, unknown>>>();
  expectTypeOf(eventMatching({ body: ['x'] }, sqsRecord())).toEqualTypeOf<Arbitrary<SqsRecord>>();
  expectTypeOf(eventNotMatching('{"body": ["x"]}', sqsRecord())).toEqualTypeOf<Arbitrary<SqsRecord>>();
  // A payload arbitrary fits a record's body constraint.
  expectTypeOf(eventMatching({ a: ['x'] }, jsonPayload({ root: 'object' }))).toEqualTypeOf<Arbitrary<JsonValue>>();
  expectTypeOf(eventPattern()).toEqualTypeOf<Arbitrary<Record<string, unknown>>>();
});

it('checkEventPattern takes the event type from accepts', () => {
  const result = checkEventPattern(
    { detail: { n: [1] } },
    { accepts: (event: { detail: { n: number } }) => event.detail.n === 1 },
  );
  expectTypeOf(result).toEqualTypeOf<EventPatternCheckResult>();
  // @ts-expect-error numRuns is a number
  checkEventPattern({ a: ['x'] }, { numRuns: '5' });
  // @ts-expect-error a schema needs safeParse
  checkEventPattern({ a: ['x'] }, { accepts: { parse: () => true } });
});
