import { oneof, tuple, type Arbitrary } from 'fast-check';
import { isArbitrary } from './_internals/pin.js';
import {
  breakable,
  copyEvent,
  defaultBase,
  missPlan,
  nearMiss,
  patternAst,
  type MissChoices,
  type PatternInput,
} from './_internals/patternPlans.js';

const API = 'eventNotMatching';
const MAX_PLANS = 64;

/**
 * Near misses of an EventBridge event pattern: events that match every field of one alternative
 * but one, moved just outside its operator (a prefix one character off, a number just past a
 * range bound, an address just outside the CIDR block, a member of the anything-but set, a case
 * change of an exact string, the other JSON type such as `"300"` for `300`, a missing field for
 * `exists: true`). Every other alternative of an `$or` is made to fail as well, so no event
 * matches. Built by mapping, never filtering: every shrunk event is still a miss.
 *
 * `pattern` is JSON text, an object, or a `CompiledEventPattern`; `base` defaults to
 * `eventBridgeEvent()`. A pattern that every event matches is a TypeError.
 * @example eventNotMatching({ detail: { state: [{ prefix: 'run' }] } })
 */
// @__NO_SIDE_EFFECTS__
export function eventNotMatching<T = Record<string, unknown>>(
  pattern: PatternInput,
  base?: Arbitrary<T>,
): Arbitrary<T> {
  const ast = patternAst(API, pattern);
  if (base !== undefined && !isArbitrary(base))
    throw new TypeError(`${API}: base must be a fast-check arbitrary of events, got ${typeof base}`);
  const plans: Arbitrary<MissChoices>[] = [];
  ast.branches.forEach((branch, b) => {
    if (!branch.conditions.some(breakable))
      throw new TypeError(`${API}: every event matches alternative ${b + 1} of this pattern, so no event can miss it`);
    branch.conditions.forEach((condition, c) => {
      if (!breakable(condition)) return;
      const plan = missPlan(ast, b, c);
      if (plan !== undefined) plans.push(plan);
    });
  });
  // Thousands of (alternative, field) pairs after a large `$or`: an even spread of them is plenty.
  const spread =
    plans.length <= MAX_PLANS
      ? plans
      : Array.from({ length: MAX_PLANS }, (_, i) => plans[Math.floor((i * plans.length) / MAX_PLANS)]!);
  if (plans.length === 0)
    throw new TypeError(`${API}: no event can match this pattern, so there is no near miss to build`);
  const events = (base ?? defaultBase()) as Arbitrary<unknown>;
  return tuple(events, spread.length === 1 ? spread[0]! : oneof(...spread)).map(
    ([event, choices]) => nearMiss(API, ast, copyEvent(API, event), choices) as T,
  );
}
