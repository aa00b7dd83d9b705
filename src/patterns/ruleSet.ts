/**
 * Many named patterns matched at once, for routing. The cost of an event does not grow with the
 * rules that cannot match it: every branch is filed under one "anchor" field whose alternatives are
 * all exact values or prefixes (a value → branches map, a character trie of prefixes, per path);
 * a branch with no such field is filed under a path it needs a leaf at (`anything-but`, `numeric`,
 * `exists: true` … all need one). An event's leaves look their values and paths up, and only the
 * branches found, plus those made only of `exists: false` fields, are checked in full.
 */
import type { ValueMatcher } from './ast.js';
import { parseIpAddress } from './cidr.js';
import { planOf, type CompiledEventPattern } from './compile.js';
import { EventPatternInputError } from './errors.js';
import { eventRoot, flattenRoot, selectPaths, type LeafValue, type PathSelection } from './flatten.js';
import { branchMatches, dottedIpv4, type CompiledBranch } from './match.js';
import type { ParseOptions } from './parse.js';

/** A compiled set of named patterns. */
export interface EventPatternSet {
  /** The rule names, in the order {@link EventPatternSet.match} reports them. */
  readonly names: readonly string[];
  /**
   * The names of the rules the event (object or JSON text) matches, in the order the rules were
   * given (`Object.keys` order for an object: integer-like names first, as JavaScript orders them;
   * insertion order for a Map). Each name at most once.
   * @throws EventPatternInputError when the event is not a JSON object.
   */
  match(event: unknown): string[];
}

/** A trie node of prefixes, by UTF-16 unit. */
interface TrieNode {
  readonly next: Map<number, TrieNode>;
  /** Branches whose anchor has a prefix ending here. */
  readonly here: number[];
}

/** The index of one path. */
interface PathIndex {
  /** Exact strings, booleans and null (a Map keeps `"true"` and `true` apart). */
  readonly scalars: Map<string | boolean | null, number[]>;
  /** Comparable numbers, by value (`300` = `3.0e2`; the Map's key equality makes `-0` = `0`). */
  readonly numbers: Map<number, number[]>;
  /** Numbers beyond double precision, by text. */
  readonly texts: Map<string, number[]>;
  /** One-address IP patterns (IP-literal strings), by version and address. */
  readonly ips: Map<string, number[]>;
  /** The IPv4 ones again by dotted text (an event string without ':' is read without parsing). */
  readonly dotted: Map<string, number[]>;
  trie?: TrieNode;
}

interface Entry {
  readonly rule: number;
  readonly branch: CompiledBranch;
}

/** Where an indexable matcher is filed. */
type IndexKey =
  | { readonly map: 'scalars'; readonly key: string | boolean | null }
  | { readonly map: 'numbers'; readonly key: number }
  | { readonly map: 'texts'; readonly key: string }
  | { readonly map: 'ips'; readonly key: string; readonly dotted?: string }
  | { readonly map: 'trie'; readonly key: string };

/** The index key of a matcher, or undefined when the matcher cannot be indexed. */
function indexKey(matcher: ValueMatcher): IndexKey | undefined {
  switch (matcher.kind) {
    case 'equals':
      if (matcher.ip !== undefined) {
        const key = `${matcher.ip.version}:${matcher.ip.low}`;
        return matcher.ip.version === 4 ? { map: 'ips', key, dotted: dottedIpv4(matcher.ip.low) } : { map: 'ips', key };
      }
      return { map: 'scalars', key: matcher.value };
    case 'exactly':
      return { map: 'scalars', key: matcher.value };
    case 'equals-number':
      return matcher.number.comparable
        ? { map: 'numbers', key: matcher.number.value }
        : { map: 'texts', key: matcher.number.text };
    case 'prefix':
      return matcher.ignoreCase ? undefined : { map: 'trie', key: matcher.value };
    default:
      return undefined;
  }
}

/** A stable string for counting how many branches share an index key. */
function countKey(path: string, key: IndexKey): string {
  return `${key.map}\u0000${path}\u0000${typeof key.key}:${String(key.key)}`;
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** Per-event scratch state, reused between events (matching is synchronous). */
interface Scratch {
  readonly marks: Int32Array;
  readonly ruleMarks: Int32Array;
  epoch: number;
  readonly candidates: number[];
}

function addCandidates(scratch: Scratch, ids: readonly number[]): void {
  const { marks, epoch, candidates } = scratch;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (marks[id] !== epoch) {
      marks[id] = epoch;
      candidates.push(id);
    }
  }
}

/** Files every branch whose anchor one leaf can satisfy. */
function lookUp(scratch: Scratch, index: PathIndex, value: LeafValue): void {
  if (typeof value === 'string') {
    const ids = index.scalars.get(value);
    if (ids !== undefined) addCandidates(scratch, ids);
    if (index.ips.size > 0) {
      if (!value.includes(':')) {
        const byText = index.dotted.get(value);
        if (byText !== undefined) addCandidates(scratch, byText);
      } else {
        const ip = parseIpAddress(value);
        if (ip !== undefined) {
          const byIp = index.ips.get(`${ip.version}:${ip.low}`);
          if (byIp !== undefined) addCandidates(scratch, byIp);
        }
      }
    }
    let node = index.trie;
    for (let i = 0; node !== undefined; i++) {
      if (node.here.length > 0) addCandidates(scratch, node.here);
      if (i === value.length) break;
      node = node.next.get(value.charCodeAt(i));
    }
    return;
  }
  if (typeof value === 'number') {
    const ids = index.numbers.get(value);
    if (ids !== undefined) addCandidates(scratch, ids);
    return;
  }
  if (value === null || typeof value === 'boolean') {
    const ids = index.scalars.get(value);
    if (ids !== undefined) addCandidates(scratch, ids);
    return;
  }
  const ids = value.comparable ? index.numbers.get(value.value) : index.texts.get(value.text);
  if (ids !== undefined) addCandidates(scratch, ids);
}

/**
 * Compiles named patterns (text, objects or compiled patterns) into one matcher.
 * @throws EventPatternError (AWS's message) for the first invalid pattern; EventPatternInputError for a bad argument.
 * @example
 * ```ts
 * const routes = compileEventPatterns({ ec2: { source: ['aws.ec2'] }, s3: { source: [{ prefix: 'aws.s3' }] } });
 * routes.match({ source: 'aws.s3' }); // ['s3']
 * ```
 */
export function compileEventPatterns(
  patterns:
    | Readonly<Record<string, string | object | CompiledEventPattern>>
    | ReadonlyMap<string, string | object | CompiledEventPattern>,
  options?: ParseOptions,
): EventPatternSet {
  const api = 'compileEventPatterns';
  if (patterns === null || typeof patterns !== 'object' || Array.isArray(patterns)) {
    throw new EventPatternInputError(api, 'patterns must be an object (or a Map) from rule name to pattern');
  }
  const pairs: [string, unknown][] = patterns instanceof Map ? [...patterns.entries()] : Object.entries(patterns);
  const names: string[] = [];
  const entries: Entry[] = [];
  const fallback: number[] = [];
  const index = new Map<string, PathIndex>();
  const paths = new Set<string>();

  // First pass: compile every rule and count how many branches could file under each key.
  const keyCounts = new Map<string, number>();
  const pathCounts = new Map<string, number>();
  /** Branches with no exact/prefix anchor, by a path they need a leaf at. */
  const presence = new Map<string, number[]>();
  for (const [name, pattern] of pairs) {
    if (typeof name !== 'string')
      throw new EventPatternInputError(api, `rule names must be strings, got ${typeof name}`);
    const rule = names.length;
    names.push(name);
    const { plan } = planOf(pattern, api, options);
    for (const branch of plan.branches) {
      entries.push({ rule, branch });
      for (const { condition } of branch.conditions) {
        paths.add(condition.path);
        pathCounts.set(condition.path, (pathCounts.get(condition.path) ?? 0) + 1);
        for (const matcher of condition.matchers) {
          const key = indexKey(matcher);
          if (key !== undefined) {
            const counted = countKey(condition.path, key);
            keyCounts.set(counted, (keyCounts.get(counted) ?? 0) + 1);
          }
        }
      }
    }
  }
  // Second pass: file each branch under the condition with the fewest expected fellow candidates
  // (the sum of its keys' counts; a short prefix is also hit by many event values, so it costs more).
  for (let id = 0; id < entries.length; id++) {
    const branch = entries[id]!.branch;
    let anchor: { path: string; keys: IndexKey[] } | undefined;
    let best = Infinity;
    for (const { condition } of branch.conditions) {
      const keys: IndexKey[] = [];
      let cost = 0;
      for (const matcher of condition.matchers) {
        const key = indexKey(matcher);
        if (key === undefined) {
          cost = Infinity;
          break;
        }
        keys.push(key);
        cost += keyCounts.get(countKey(condition.path, key))!;
        if (key.map === 'trie') cost += Math.max(0, 8 - key.key.length) * 4;
      }
      if (cost < best) {
        best = cost;
        anchor = { path: condition.path, keys };
      }
    }
    if (anchor === undefined) {
      // No exact or prefix field: file the branch under the presence of a path it needs (every
      // condition without exists:false needs a leaf there), the one fewest branches mention.
      let needed: string | undefined;
      for (const condition of branch.conditions) {
        if (condition.existsFalse) continue;
        if (needed === undefined || pathCounts.get(condition.path)! < pathCounts.get(needed)!) needed = condition.path;
      }
      if (needed === undefined) fallback.push(id);
      else push(presence, needed, id);
      continue;
    }
    let pathIndex = index.get(anchor.path);
    if (pathIndex === undefined)
      index.set(
        anchor.path,
        (pathIndex = { scalars: new Map(), numbers: new Map(), texts: new Map(), ips: new Map(), dotted: new Map() }),
      );
    for (const key of anchor.keys) {
      switch (key.map) {
        case 'scalars':
          push(pathIndex.scalars, key.key, id);
          break;
        case 'numbers':
          push(pathIndex.numbers, key.key, id);
          break;
        case 'texts':
          push(pathIndex.texts, key.key, id);
          break;
        case 'ips':
          push(pathIndex.ips, key.key, id);
          if (key.dotted !== undefined) push(pathIndex.dotted, key.dotted, id);
          break;
        case 'trie': {
          let node: TrieNode = (pathIndex.trie ??= { next: new Map(), here: [] });
          for (let i = 0; i < key.key.length; i++) {
            const code = key.key.charCodeAt(i);
            let child = node.next.get(code);
            if (child === undefined) node.next.set(code, (child = { next: new Map(), here: [] as number[] }));
            node = child;
          }
          if (node.here[node.here.length - 1] !== id) node.here.push(id);
          break;
        }
      }
    }
  }

  const selection: PathSelection = selectPaths(paths);
  const scratch: Scratch = {
    marks: new Int32Array(entries.length),
    ruleMarks: new Int32Array(names.length),
    epoch: 0,
    candidates: [],
  };
  const frozenNames = Object.freeze([...names]);
  const api2 = 'EventPatternSet.match';

  const match = (event: unknown): string[] => {
    const flat = flattenRoot(eventRoot(event, api2), api2, selection);
    scratch.epoch = scratch.epoch === 0x7fffffff ? 1 : scratch.epoch + 1;
    if (scratch.epoch === 1) {
      scratch.marks.fill(0);
      scratch.ruleMarks.fill(0);
    }
    const candidates = scratch.candidates;
    candidates.length = 0;
    for (const [path, leaves] of flat.fields) {
      const present = presence.get(path);
      if (present !== undefined) addCandidates(scratch, present);
      const pathIndex = index.get(path);
      if (pathIndex === undefined) continue;
      for (let i = 0; i < leaves.length; i++) lookUp(scratch, pathIndex, leaves[i]!.value);
    }
    // Only the candidates are touched, so the cost does not depend on how many rules there are.
    const epoch = scratch.epoch;
    const ruleMarks = scratch.ruleMarks;
    let matched: number[] | undefined;
    const count = candidates.length + fallback.length;
    for (let c = 0; c < count; c++) {
      const id = c < candidates.length ? candidates[c]! : fallback[c - candidates.length]!;
      const entry = entries[id]!;
      if (ruleMarks[entry.rule] === epoch) continue;
      if (branchMatches(entry.branch, flat)) {
        ruleMarks[entry.rule] = epoch;
        (matched ??= []).push(entry.rule);
      }
    }
    if (matched === undefined) return [];
    if (matched.length > 1) matched.sort((x, y) => x - y);
    return matched.map((rule) => names[rule]!);
  };

  return Object.freeze({ names: frozenNames, match });
}
