/**
 * The plans behind `eventMatching` and `eventNotMatching`: which edits turn a base event into
 * one a pattern's branch accepts, and which near misses make every branch reject it.
 */
import { constant, oneof, tuple, type Arbitrary } from 'fast-check';
import type { FieldCondition, PatternAst, PatternBranch, ValueMatcher } from '../../src/patterns/ast.js';
import { matcherAccepts } from '../../src/patterns/compile.js';
import { EventPatternError } from '../../src/patterns/errors.js';
import { parseEventPattern } from '../../src/patterns/parse.js';
import { isPlainObject } from '../../src/_internals/objects.js';
import { eventBridgeEvent } from '../eventBridgeEvent.js';
import { removeAt, safeKeys, setAt, type PatternLeaf } from './patternPaths.js';
import {
  ABSENT,
  acceptedValue,
  GENERIC_MISSES,
  missChoices,
  missValue,
  type PatternCandidate,
} from './patternValues.js';

/** What the generators take as a pattern: JSON text, an object, or an already compiled or parsed pattern. */
export type PatternInput = string | object;

/** The pattern's AST, from text, an object, a `CompiledEventPattern` or a `PatternAst`; an invalid pattern is a TypeError naming the API. */
export function patternAst(api: string, pattern: PatternInput): PatternAst {
  if (isAst(pattern)) return pattern;
  if (typeof pattern === 'object' && pattern !== null && isAst((pattern as { ast?: unknown }).ast))
    return (pattern as { ast: PatternAst }).ast;
  if (typeof pattern !== 'string' && !isPlainObject(pattern))
    throw new TypeError(
      `${api}: pattern must be JSON text or an object, got ${pattern === null ? 'null' : Array.isArray(pattern) ? 'an array' : typeof pattern}`,
    );
  try {
    return parseEventPattern(pattern);
  } catch (error) {
    if (error instanceof EventPatternError) throw new TypeError(`${api}: ${error.message}`, { cause: error });
    throw error;
  }
}

function isAst(value: unknown): value is PatternAst {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as PatternAst).branches) &&
    typeof (value as PatternAst).text === 'string'
  );
}

/** One edit of an event: set a leaf (or several, for two conditions on one path) at keys, or remove every leaf at a path. */
export type PatternEdit =
  | { readonly path: string; readonly keys: readonly string[]; readonly value: PatternLeaf | readonly PatternLeaf[] }
  | { readonly path: string; readonly remove: true };

let sharedBase: Arbitrary<unknown> | undefined;

/** `eventBridgeEvent()`, built once: arbitraries hold no state, and building this one takes tens of milliseconds. */
export function defaultBase(): Arbitrary<unknown> {
  sharedBase ??= eventBridgeEvent();
  return sharedBase;
}

/** A copy of a generated event, checked to be a JSON object. */
export function copyEvent(api: string, event: unknown): Record<string, unknown> {
  if (!isPlainObject(event))
    throw new TypeError(
      `${api}: the base arbitrary must generate JSON objects (events or records), got ${event === null ? 'null' : Array.isArray(event) ? 'an array' : typeof event}`,
    );
  return structuredClone(event);
}

/** Applies edits: removals first, then sets, in order. */
export function applyEdits(event: Record<string, unknown>, edits: readonly PatternEdit[]): Record<string, unknown> {
  for (const edit of edits) if ('remove' in edit) removeAt(event, edit.path);
  for (const edit of edits) if (!('remove' in edit)) setAt(event, edit.keys, edit.value);
  return event;
}

/** Does the matcher accept the leaf or absence? (`exists` is decided here; values by the engine.) */
function accepts(matcher: ValueMatcher, candidate: PatternCandidate): boolean {
  if (candidate === ABSENT) return matcher.kind === 'exists' && !matcher.value;
  if (matcher.kind === 'exists') return matcher.value;
  return matcherAccepts(matcher, candidate);
}

/** Whether no matcher of the condition accepts the candidate. */
function rejects(condition: FieldCondition, candidate: PatternCandidate): boolean {
  return !condition.matchers.some((m) => accepts(m, candidate));
}

/** The paths of a branch, so edits never turn one field into the object of another. */
function branchPaths(branch: PatternBranch): Set<string> {
  return new Set(branch.conditions.map((c) => c.path));
}

/** What one condition may become in a matching event: a leaf arbitrary per feasible matcher, or removal. */
function conditionOptions(condition: FieldCondition): { values: Arbitrary<PatternLeaf>[]; removable: boolean } {
  const values: Arbitrary<PatternLeaf>[] = [];
  let removable = false;
  for (const matcher of condition.matchers) {
    if (matcher.kind === 'exists' && !matcher.value) removable = true;
    else {
      const value = acceptedValue(matcher);
      if (value !== undefined) values.push(value);
    }
  }
  return { values, removable };
}

/** The edits that make a branch match, or why none can (`skip` leaves one condition out, for near misses). */
export function branchEdits(branch: PatternBranch, skip?: FieldCondition): Arbitrary<PatternEdit[]> | string {
  const groups = new Map<string, FieldCondition[]>();
  for (const condition of branch.conditions) {
    if (condition === skip) continue;
    groups.set(condition.path, [...(groups.get(condition.path) ?? []), condition]);
  }
  const paths = branchPaths(branch);
  const parts: Arbitrary<PatternEdit>[] = [];
  for (const [path, conditions] of groups) {
    const options = conditions.map(conditionOptions);
    const keys = safeKeys(conditions[0]!.keys, paths);
    if (conditions.length === 1) {
      const { values, removable } = options[0]!;
      const choices: Arbitrary<PatternEdit>[] = values.map((value) =>
        value.map((v): PatternEdit => ({ path, keys, value: v })),
      );
      if (removable) choices.push(constant<PatternEdit>({ path, remove: true }));
      if (choices.length === 0) return `no value satisfies ${path} ${describe(conditions[0]!)}`;
      parts.push(choices.length === 1 ? choices[0]! : oneof(...choices));
      continue;
    }
    // Several conditions on one path: one array holding a value for each.
    if (options.every((o) => o.removable)) {
      parts.push(constant<PatternEdit>({ path, remove: true }));
      continue;
    }
    const perCondition: Arbitrary<PatternLeaf>[] = [];
    for (let i = 0; i < conditions.length; i++) {
      const { values } = options[i]!;
      if (values.length === 0)
        return `no value satisfies ${path} ${describe(conditions[i]!)} together with the other conditions on ${path}`;
      perCondition.push(values.length === 1 ? values[0]! : oneof(...values));
    }
    parts.push(tuple(...perCondition).map((values): PatternEdit => ({ path, keys, value: values })));
  }
  return parts.length === 0 ? constant([]) : tuple(...parts);
}

function describe(condition: FieldCondition): string {
  return JSON.stringify(
    condition.matchers.map((m) => m.source),
    (_key, value: unknown) =>
      typeof value === 'object' && value !== null && 'text' in value && 'comparable' in value
        ? (value as unknown as { value: number }).value
        : value,
  );
}

/** A condition's near-miss candidates, in preference order: its matchers' misses, then plain values, then absence. */
function candidatesFor(condition: FieldCondition, choices: readonly (readonly [number, string])[]): PatternCandidate[] {
  const out: PatternCandidate[] = [];
  condition.matchers.forEach((matcher, i) => {
    const [index, text] = choices[i % choices.length] ?? [0, ''];
    out.push(...missValue(matcher, index, text));
  });
  return [...out, ...GENERIC_MISSES];
}

const breakableCache = new WeakMap<FieldCondition, boolean>();

/** Whether some near miss breaks the condition on its own. */
export function breakable(condition: FieldCondition): boolean {
  let result = breakableCache.get(condition);
  if (result === undefined) {
    result = candidatesFor(condition, [[0, '']]).some((c) => rejects(condition, c));
    breakableCache.set(condition, result);
  }
  return result;
}

/** The drawn choices of a near miss: which branch and condition, the base's edits, and the miss values. */
export interface MissChoices {
  readonly branch: number;
  readonly condition: number;
  readonly edits: readonly PatternEdit[];
  readonly misses: readonly (readonly [number, string])[];
}

/** The arbitrary of {@link MissChoices} for one branch with a breakable condition. */
export function missPlan(
  ast: PatternAst,
  branchIndex: number,
  conditionIndex: number,
): Arbitrary<MissChoices> | undefined {
  const branch = ast.branches[branchIndex]!;
  const target = branch.conditions[conditionIndex]!;
  const edits = branchEdits(branch, target);
  if (typeof edits === 'string') return undefined;
  const misses = tuple(missChoices(), missChoices(), missChoices());
  return tuple(edits, misses).map(([e, m]) => ({
    branch: branchIndex,
    condition: conditionIndex,
    edits: e,
    misses: m,
  }));
}

/**
 * Builds the near miss: the branch's other conditions satisfied, the chosen condition broken,
 * then every other branch broken too, each at a path whose only value (or absence) that branch
 * rejects. A broken path is never changed again, so no later edit can mend an earlier branch.
 * When the chosen condition's miss leaves another alternative unbreakable (`price` absent for one
 * alternative, present for another), the other conditions are tried as the first miss in turn.
 */
export function nearMiss(
  api: string,
  ast: PatternAst,
  event: Record<string, unknown>,
  choices: MissChoices,
): Record<string, unknown> {
  const first = attempt(ast, structuredClone(event), choices);
  if (first !== undefined) return first;
  for (let b = 0; b < ast.branches.length; b++) {
    for (let c = 0; c < ast.branches[b]!.conditions.length; c++) {
      if (b === choices.branch && c === choices.condition) continue;
      const retry = attempt(ast, structuredClone(event), { ...choices, branch: b, condition: c, edits: [] });
      if (retry !== undefined) return retry;
    }
  }
  throw new Error(`${api}: could not make every alternative of the pattern fail at once`);
}

/** One try of {@link nearMiss} with one first miss; undefined when some alternative cannot then be broken. */
function attempt(
  ast: PatternAst,
  event: Record<string, unknown>,
  choices: MissChoices,
): Record<string, unknown> | undefined {
  applyEdits(event, choices.edits);
  // A lock's conditions are every condition that relies on the path's value staying rejected.
  const locks = new Map<string, { candidate: PatternCandidate; conditions: FieldCondition[] }>();
  const breakAt = (condition: FieldCondition, keys: readonly string[]): boolean => {
    const lock = locks.get(condition.path);
    for (const candidate of candidatesFor(condition, choices.misses)) {
      if (!rejects(condition, candidate)) continue;
      if (lock !== undefined && !lock.conditions.every((c) => rejects(c, candidate))) continue;
      removeAt(event, condition.path);
      if (candidate !== ABSENT) setAt(event, keys, candidate);
      locks.set(condition.path, { candidate, conditions: [...(lock?.conditions ?? []), condition] });
      return true;
    }
    return false;
  };
  // Keys that never pass through another field of the pattern: setting one path cannot then turn
  // another, locked path's leaf into an object (or the reverse).
  const allPaths = new Set(ast.branches.flatMap((branch) => branch.conditions.map((c) => c.path)));
  const target = ast.branches[choices.branch]!.conditions[choices.condition]!;
  if (!breakAt(target, safeKeys(target.keys, allPaths))) return undefined;
  for (let b = 0; b < ast.branches.length; b++) {
    if (b === choices.branch) continue;
    const branch = ast.branches[b]!;
    // Already broken by a locked path? Then that path's value must keep breaking it.
    const held = branch.conditions.find((c) => locks.has(c.path) && rejects(c, locks.get(c.path)!.candidate));
    if (held !== undefined) {
      locks.get(held.path)!.conditions.push(held);
      continue;
    }
    const n = branch.conditions.length;
    let broken = false;
    for (let k = 0; k < n && !broken; k++) {
      const condition = branch.conditions[(k + choices.condition) % n]!;
      broken = breakAt(condition, safeKeys(condition.keys, allPaths));
    }
    if (!broken) return undefined;
  }
  return event;
}
