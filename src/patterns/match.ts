/**
 * The matching engine: what each value matcher accepts, and whether a pattern branch holds for a
 * flattened event with event-ruler's array consistency.
 *
 * Leaf rules (each one AWS's engine behaviour, see the README's patterns section):
 * - Strings, numbers, booleans and null are different types: `"true"` is not `true`, `"300"` is not `300`.
 * - Numbers are equal by value when both are comparable (`300` = `300.0` = `3.0e2`), else by text.
 * - `prefix`, `suffix`, `equals-ignore-case`, `wildcard`, `cidr` only ever accept strings.
 * - `numeric` only accepts comparable numbers.
 * - Every `anything-but` form accepts every value of another type (a number for a string list,
 *   a string or null for a number list …); for several leaves (an array) one accepted leaf is enough.
 * - `exists: true` accepts any leaf, null included; a path that ends at an object or an empty array
 *   has no leaf. `exists: false` holds when the path has no leaf (consistent with the array elements
 *   already chosen for the preceding fields, as event-ruler checks it).
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/ByteMachine.java
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/ACFinder.java
 */
import type { FieldCondition, NumberLiteral, PatternBranch, ValueMatcher } from './ast.js';
import { ipInRange, parseIpAddress } from './cidr.js';
import type { ArrayTrail, FlatEvent, FlatLeaf, LeafValue } from './flatten.js';
import { foldEndsWith, foldEquals, foldPattern, foldStartsWith } from './matchFold.js';
import { isNumberLiteral } from './numbers.js';

/** A compiled test of one leaf value. */
export type LeafTest = (value: LeafValue) => boolean;

/** The value of a comparable event number, or undefined for anything else. */
function comparableValue(value: LeafValue): number | undefined {
  if (typeof value === 'number') return value;
  if (isNumberLiteral(value) && value.comparable) return value.value;
  return undefined;
}

function numberEquals(pattern: NumberLiteral, value: LeafValue): boolean {
  if (typeof value === 'number') return pattern.comparable ? pattern.value === value : pattern.text === String(value);
  if (!isNumberLiteral(value)) return false;
  if (pattern.comparable && value.comparable) return pattern.value === value.value;
  return pattern.text === value.text;
}

/** Whole-value wildcard match with greedy segments: linear in the text for a fixed pattern. */
export function wildcardMatches(segments: readonly string[], text: string): boolean {
  const last = segments.length - 1;
  if (last === 0) return text === segments[0];
  const head = segments[0]!;
  const tail = segments[last]!;
  if (text.length < head.length + tail.length || !text.startsWith(head) || !text.endsWith(tail)) return false;
  let position = head.length;
  const end = text.length - tail.length;
  for (let i = 1; i < last; i++) {
    const segment = segments[i]!;
    if (segment === '') continue;
    const at = text.indexOf(segment, position);
    if (at === -1 || at + segment.length > end) return false;
    position = at + segment.length;
  }
  return true;
}

/** The one dotted text of an IPv4 address (the address reader refuses leading zeros). */
export function dottedIpv4(address: bigint): string {
  const n = Number(address);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

const ACCEPT_ALL: LeafTest = () => true;
const ACCEPT_NONE: LeafTest = () => false;

function isString(value: LeafValue): value is string {
  return typeof value === 'string';
}

function compileMatcher(matcher: ValueMatcher): LeafTest {
  switch (matcher.kind) {
    case 'equals': {
      const expected = matcher.value;
      const range = matcher.ip;
      if (range !== undefined) {
        // The engine compiles an IP literal to a one-address range and reads event strings as IPs.
        const dotted = range.version === 4 ? dottedIpv4(range.low) : undefined;
        return (value) => {
          if (!isString(value)) return false;
          // An IP string without ':' is a dotted IPv4 address, whose text is unique: no parse needed.
          if (!value.includes(':')) return value === dotted;
          const ip = parseIpAddress(value);
          return ip !== undefined && ipInRange(ip, range);
        };
      }
      return (value) => value === expected;
    }
    case 'equals-number': {
      const expected = matcher.number;
      return (value) => numberEquals(expected, value);
    }
    case 'exactly': {
      const expected = matcher.value;
      return (value) => value === expected;
    }
    case 'prefix': {
      const expected = matcher.value;
      if (!matcher.ignoreCase) return (value) => isString(value) && value.startsWith(expected);
      const folded = foldPattern(expected);
      return (value) => isString(value) && foldStartsWith(folded, value);
    }
    case 'suffix': {
      const expected = matcher.value;
      if (!matcher.ignoreCase) return (value) => isString(value) && value.endsWith(expected);
      const folded = foldPattern(expected);
      return (value) => isString(value) && foldEndsWith(folded, value);
    }
    case 'equals-ignore-case': {
      const folded = foldPattern(matcher.value);
      return (value) => isString(value) && foldEquals(folded, value);
    }
    case 'wildcard': {
      const segments = matcher.segments;
      return (value) => isString(value) && wildcardMatches(segments, value);
    }
    case 'anything-but': {
      const strings = new Set(matcher.strings);
      const numbers = matcher.numbers;
      return (value) => {
        if (isString(value)) return !strings.has(value);
        const n = comparableValue(value);
        if (n === undefined) return true;
        for (const excluded of numbers) if (excluded.value === n) return false;
        return true;
      };
    }
    case 'anything-but-prefix': {
      const values = matcher.values;
      return (value) => !isString(value) || !values.some((p) => value.startsWith(p));
    }
    case 'anything-but-suffix': {
      const values = matcher.values;
      return (value) => !isString(value) || !values.some((p) => value.endsWith(p));
    }
    case 'anything-but-ignore-case': {
      const folded = matcher.values.map(foldPattern);
      return (value) => !isString(value) || !folded.some((p) => foldEquals(p, value));
    }
    case 'anything-but-wildcard': {
      const all = matcher.segments;
      return (value) => !isString(value) || !all.some((segments) => wildcardMatches(segments, value));
    }
    case 'numeric': {
      const { lower, upper } = matcher;
      return (value) => {
        const n = comparableValue(value);
        if (n === undefined) return false;
        if (lower !== undefined && (lower.inclusive ? n < lower.value : n <= lower.value)) return false;
        if (upper !== undefined && (upper.inclusive ? n > upper.value : n >= upper.value)) return false;
        return true;
      };
    }
    case 'cidr': {
      const range = matcher.range;
      return (value) => {
        if (!isString(value)) return false;
        const ip = parseIpAddress(value);
        return ip !== undefined && ipInRange(ip, range);
      };
    }
    case 'exists':
      // A present leaf exists; `exists: false` is about absence, which the branch search decides.
      return matcher.value ? ACCEPT_ALL : ACCEPT_NONE;
    default:
      return ACCEPT_NONE;
  }
}

const compiledMatchers = new WeakMap<ValueMatcher, LeafTest>();

/** The compiled leaf test of a matcher (cached per matcher object). */
export function leafTest(matcher: ValueMatcher): LeafTest {
  let test = compiledMatchers.get(matcher);
  if (test === undefined) {
    test = compileMatcher(matcher);
    compiledMatchers.set(matcher, test);
  }
  return test;
}

/**
 * Whether one matcher accepts one present leaf value. `exists: false` never accepts a present value
 * (absence is a property of the whole event, not of a value). JavaScript numbers are read as JSON
 * numbers (`String(n)` is their text).
 */
export function matcherAccepts(
  matcher: ValueMatcher,
  value: string | number | NumberLiteral | boolean | null,
): boolean {
  return leafTest(matcher)(value);
}

/** One field condition, ready to run. */
export interface CompiledCondition {
  readonly condition: FieldCondition;
  readonly path: string;
  /** Accepts a present leaf (the OR of every matcher but `exists: false`). */
  readonly accepts: LeafTest;
  /** Holds when the path has no (consistent) leaf. */
  readonly existsFalse: boolean;
}

/** A branch with its conditions in the engine's order (paths sorted by UTF-16 code units, as Java sorts strings). */
export interface CompiledBranch {
  readonly branch: PatternBranch;
  readonly conditions: readonly CompiledCondition[];
}

/** Compiles a condition's matchers into one leaf test. */
export function compileCondition(condition: FieldCondition): CompiledCondition {
  const tests: LeafTest[] = [];
  let existsFalse = false;
  let any = false;
  for (const matcher of condition.matchers) {
    if (matcher.kind === 'exists') {
      if (matcher.value) any = true;
      else existsFalse = true;
      continue;
    }
    // Compiled afresh (not through leafTest's cache): a WeakMap entry per matcher costs more
    // garbage-collection work than compiling a matcher does.
    tests.push(compileMatcher(matcher));
  }
  let accepts: LeafTest;
  if (any) accepts = ACCEPT_ALL;
  else if (tests.length === 0) accepts = ACCEPT_NONE;
  else if (tests.length === 1) accepts = tests[0]!;
  else accepts = (value) => tests.some((test) => test(value));
  return { condition, path: condition.path, accepts, existsFalse };
}

/** Compiles a branch (conditions sorted as the engine walks them). */
export function compileBranch(branch: PatternBranch): CompiledBranch {
  const conditions = branch.conditions.map(compileCondition);
  conditions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { branch, conditions };
}

const NO_LEAVES: readonly FlatLeaf[] = [];

/** Whether a condition holds on its own (ignoring array consistency with the other fields). */
export function conditionHolds(condition: CompiledCondition, event: FlatEvent): boolean {
  const leaves = event.fields.get(condition.path) ?? NO_LEAVES;
  if (leaves.length === 0) return condition.existsFalse;
  const accepts = condition.accepts;
  for (const leaf of leaves) if (accepts(leaf.value)) return true;
  return false;
}

/** Whether every condition of a branch holds with one consistent choice of array elements. */
export function branchMatches(branch: CompiledBranch, event: FlatEvent): boolean {
  const conditions = branch.conditions;
  for (const condition of conditions) {
    if (conditionHolds(condition, event)) continue;
    // exists:false next to leaves that all sit in array elements may still hold: the leaves may be
    // in other elements than the ones the other fields use.
    if (
      condition.existsFalse &&
      event.hasArrays &&
      (event.fields.get(condition.path) ?? NO_LEAVES).every((leaf) => leaf.arrays !== null)
    )
      continue;
    return false;
  }
  if (!event.hasArrays) return true;
  return consistentChoice(conditions, event);
}

/** Whether a leaf's trail agrees with the elements chosen so far. */
function agrees(chosen: Map<number, number>, trail: ArrayTrail | null): boolean {
  for (let t = trail; t !== null; t = t.parent) {
    const index = chosen.get(t.array);
    if (index !== undefined && index !== t.index) return false;
  }
  return true;
}

/** A condition that depends on array elements: the distinct trails of its accepted leaves. */
interface Constrained {
  readonly trails: TrailSet;
  /** For `exists: false`: every leaf's trail (the path is absent when none agrees). */
  readonly absentUnless?: TrailSet;
}

const NO_TRAILS: readonly ArrayTrail[] = [];

/** Searches this small finish without the failure memo (whose keys cost more than they save). */
const MEMO_AFTER_STEPS = 32;

/**
 * Distinct trails of one condition, with a shortcut to the ones that can agree with a choice: for
 * each array that every trail goes through, the trails per element. Once such an array's element
 * is chosen, only that element's trails are looked at, so a wide array is not rescanned for every
 * choice made before (which would make the search quadratic in the array's length).
 */
class TrailSet {
  readonly all: readonly ArrayTrail[];
  /** Built on first need: small sets are scanned directly. */
  private shared: Map<number, Map<number, ArrayTrail[]>> | undefined;

  constructor(all: readonly ArrayTrail[]) {
    this.all = all;
  }

  private index(): Map<number, Map<number, ArrayTrail[]>> {
    const shared = new Map<number, Map<number, ArrayTrail[]>>();
    let common: Set<number> | undefined;
    for (const trail of this.all) {
      const arrays = new Set<number>();
      for (let t: ArrayTrail | null = trail; t !== null; t = t.parent)
        if (common === undefined || common.has(t.array)) arrays.add(t.array);
      common = arrays;
      if (common.size === 0) return shared;
    }
    for (const array of common!) shared.set(array, new Map());
    for (const trail of this.all) {
      for (let t: ArrayTrail | null = trail; t !== null; t = t.parent) {
        const byIndex = shared.get(t.array);
        if (byIndex === undefined) continue;
        const list = byIndex.get(t.index);
        if (list === undefined) byIndex.set(t.index, [trail]);
        else list.push(trail);
      }
    }
    return shared;
  }

  /** The trails that may agree with `chosen` (a superset of those that do). */
  candidates(chosen: ReadonlyMap<number, number>): readonly ArrayTrail[] {
    if (this.all.length <= SCAN_LIMIT || chosen.size === 0) return this.all;
    this.shared ??= this.index();
    for (const [array, byIndex] of this.shared) {
      const index = chosen.get(array);
      if (index !== undefined) return byIndex.get(index) ?? NO_TRAILS;
    }
    return this.all;
  }

  /** The arrays the trails go through. */
  forEachArray(visit: (array: number) => void): void {
    for (const trail of this.all) for (let t: ArrayTrail | null = trail; t !== null; t = t.parent) visit(t.array);
  }
}

/** Trail sets this small are scanned rather than indexed. */
const SCAN_LIMIT = 8;

/** The distinct trails of the leaves `keep` accepts; null when one of them is outside every array of objects. */
function distinctTrails(leaves: readonly FlatLeaf[], keep: LeafTest | undefined): ArrayTrail[] | null {
  const trails: ArrayTrail[] = [];
  let seen: Set<ArrayTrail> | undefined;
  for (const leaf of leaves) {
    if (keep !== undefined && !keep(leaf.value)) continue;
    const trail = leaf.arrays;
    if (trail === null) return null;
    if (seen !== undefined) {
      if (seen.has(trail)) continue;
      seen.add(trail);
    } else if (trails.includes(trail)) {
      continue;
    } else if (trails.length >= SCAN_LIMIT) {
      seen = new Set(trails);
      seen.add(trail);
    }
    trails.push(trail);
  }
  return trails;
}

/**
 * Array consistency, as event-ruler's ArrayMembership: pick one accepted leaf per condition so that
 * no two picked leaves sit in different elements of the same array. Conditions satisfiable by a leaf
 * outside every array of objects are dropped first (such a leaf agrees with any choice). The search
 * is depth-first in the engine's condition order and remembers failed states (the condition and the
 * chosen elements of the arrays the remaining conditions can still see), so no state is tried twice.
 */
function consistentChoice(conditions: readonly CompiledCondition[], event: FlatEvent): boolean {
  const constrained: Constrained[] = [];
  for (const condition of conditions) {
    const leaves = event.fields.get(condition.path) ?? NO_LEAVES;
    if (leaves.length === 0) continue; // only exists:false gets here, and it holds whatever is chosen
    const trails = distinctTrails(leaves, condition.accepts);
    if (trails === null) continue; // an accepted leaf outside every array agrees with any choice
    const all = condition.existsFalse ? distinctTrails(leaves, undefined) : null;
    // A leaf outside every array is never absent: then exists:false cannot help this condition.
    constrained.push(
      all === null
        ? { trails: new TrailSet(trails) }
        : { trails: new TrailSet(trails), absentUnless: new TrailSet(all) },
    );
  }
  if (constrained.length === 0) return true;

  // With nothing chosen yet, any trail agrees: one condition holds when it has a trail.
  if (constrained.length === 1) return constrained[0]!.trails.all.length > 0;

  const chosen = new Map<number, number>();
  const failed = new Set<string>();
  // The arrays each suffix of the conditions can see, for the failure memo's keys (built when the
  // memo is first needed: small searches finish before that).
  let visible: Set<number>[] | undefined;
  const visibleFrom = (i: number): Set<number> => {
    if (visible === undefined) {
      visible = new Array<Set<number>>(constrained.length + 1);
      visible[constrained.length] = new Set();
      for (let j = constrained.length - 1; j >= 0; j--) {
        const set = new Set(visible[j + 1]);
        const c = constrained[j]!;
        const add = (array: number) => set.add(array);
        c.trails.forEachArray(add);
        c.absentUnless?.forEachArray(add);
        visible[j] = set;
      }
    }
    return visible[i]!;
  };
  let steps = 0;
  const stateKey = (i: number): string => {
    const seen = visibleFrom(i);
    const parts: number[] = [];
    for (const [array, index] of chosen) if (seen.has(array)) parts.push(array, index);
    // Map iteration order depends on the path taken; sort the pairs for a canonical key.
    const pairs: string[] = [];
    for (let j = 0; j < parts.length; j += 2) pairs.push(`${parts[j]}:${parts[j + 1]}`);
    pairs.sort();
    return `${i}|${pairs.join(',')}`;
  };

  // Explicit stack: option -1 is "absent" (exists:false), then trails 0..n-1.
  interface Frame {
    readonly i: number;
    /** The memo key of the state entered (undefined while the search is still small). */
    readonly key: string | undefined;
    /** The trails that may agree with the choice made before this condition. */
    readonly options: readonly ArrayTrail[];
    option: number;
    added: number[];
  }
  const undo = (frame: Frame) => {
    for (const array of frame.added) chosen.delete(array);
    frame.added = [];
  };
  const enter = (i: number): Frame | undefined => {
    const key = ++steps > MEMO_AFTER_STEPS ? stateKey(i) : undefined;
    if (key !== undefined && failed.has(key)) return undefined;
    return { i, key, options: constrained[i]!.trails.candidates(chosen), option: -2, added: [] };
  };
  const stack: Frame[] = [];
  const first = enter(0);
  if (first === undefined) return false;
  stack.push(first);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    undo(frame);
    const c = constrained[frame.i]!;
    let advanced = false;
    while (!advanced) {
      frame.option++;
      if (frame.option === -1) {
        if (c.absentUnless === undefined || c.absentUnless.candidates(chosen).some((trail) => agrees(chosen, trail)))
          continue;
      } else if (frame.option >= frame.options.length) {
        break;
      } else {
        const trail = frame.options[frame.option]!;
        if (!agrees(chosen, trail)) continue;
        for (let t: ArrayTrail | null = trail; t !== null; t = t.parent) {
          if (!chosen.has(t.array)) {
            chosen.set(t.array, t.index);
            frame.added.push(t.array);
          }
        }
      }
      if (frame.i + 1 === constrained.length) return true;
      const next = enter(frame.i + 1);
      if (next === undefined) {
        undo(frame);
        continue;
      }
      stack.push(next);
      advanced = true;
    }
    if (!advanced) {
      if (frame.key !== undefined) failed.add(frame.key);
      stack.pop();
    }
  }
  return false;
}
