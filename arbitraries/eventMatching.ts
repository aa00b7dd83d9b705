import { oneof, tuple, type Arbitrary } from 'fast-check';
import { isArbitrary } from './_internals/pin.js';
import {
  applyEdits,
  branchEdits,
  copyEvent,
  defaultBase,
  patternAst,
  type PatternEdit,
  type PatternInput,
} from './_internals/patternPlans.js';

const API = 'eventMatching';

/**
 * Events that an EventBridge event pattern matches, for every operator, built on a base arbitrary
 * (default `eventBridgeEvent()`; any arbitrary of JSON objects works, e.g. `sqsRecord()`). Each
 * value picks one alternative of the pattern (after `$or`), then sets, at each of its fields, a
 * value the field accepts: the exact value; a string with the prefix or suffix; a case variant
 * for ignore-case; wildcard fills; a number inside the range, bounds included; an address inside
 * the CIDR block; a value outside an anything-but set; for `exists: false`, no value at all.
 * Fields under one array of objects go into the same element (AWS's array consistency). Built
 * by mapping, never filtering: every shrunk event still matches.
 *
 * `pattern` is JSON text, an object, a `CompiledEventPattern` or a parsed `PatternAst`. An invalid
 * pattern, or one no event can match, is a TypeError when the arbitrary is built. With a base of
 * payloads (`jsonPayload({ root: 'object' })`) it makes the body of Lambda/Pipes filter records:
 * `sqsRecord({ body: eventMatching(bodyPattern, jsonPayload({ root: 'object' })) })`.
 * @example eventMatching({ source: ['com.example.orders'], detail: { total: [{ numeric: ['>', 100] }] } })
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
// @__NO_SIDE_EFFECTS__
export function eventMatching<T = Record<string, unknown>>(pattern: PatternInput, base?: Arbitrary<T>): Arbitrary<T> {
  const ast = patternAst(API, pattern);
  if (base !== undefined && !isArbitrary(base))
    throw new TypeError(`${API}: base must be a fast-check arbitrary of events, got ${typeof base}`);
  const plans: Arbitrary<PatternEdit[]>[] = [];
  const reasons: string[] = [];
  for (const branch of ast.branches) {
    const plan = branchEdits(branch);
    if (typeof plan === 'string') reasons.push(plan);
    else plans.push(plan);
  }
  if (plans.length === 0)
    throw new TypeError(`${API}: no event can match this pattern (${[...new Set(reasons)].join('; ')})`);
  const events = (base ?? defaultBase()) as Arbitrary<unknown>;
  return tuple(events, plans.length === 1 ? plans[0]! : oneof(...plans)).map(
    ([event, edits]) => applyEdits(copyEvent(API, event), edits) as T,
  );
}
