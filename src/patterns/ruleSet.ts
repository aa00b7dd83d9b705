/**
 * Many named patterns matched at once, for routing. The cost of an event does not grow with the
 * rules that cannot match it: every branch is filed under one "anchor" field whose alternatives are
 * all exact values or prefixes (a value → branches map, a character trie of prefixes, per path);
 * an event's leaves look their values up, and only the branches found, plus the few branches with
 * no such field (`anything-but`, `numeric`, `exists` … only), are checked in full.
 */
import type { FieldCondition, ValueMatcher } from './ast.js';
import { parseIpAddress } from './cidr.js';
import { planOf, type CompiledEventPattern } from './compile.js';
import { EventPatternInputError } from './errors.js';
import { eventRoot, flattenRoot, selectPaths, type LeafValue, type PathSelection } from './flatten.js';
import { branchMatches, type CompiledBranch } from './match.js';
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
  readonly exact: Map<string, number[]>;
  /** One-address IP patterns (IP-literal strings), by version and address. */
  readonly ips: Map<string, number[]>;
  trie?: TrieNode;
}

interface Entry {
  readonly rule: number;
  readonly branch: CompiledBranch;
}

/** The lookup key of an event leaf (undefined: no exact pattern can equal it). */
function leafKey(value: LeafValue): string {
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'number':
      return `v${String(value)}`;
    default:
      if (value === null) return 'n';
      return value.comparable ? `v${String(value.value)}` : `t${value.text}`;
  }
}

/** The lookup key of an exact matcher, or undefined when the matcher is not indexable. */
function matcherKey(matcher: ValueMatcher): { exact?: string; ip?: string; prefix?: string } | undefined {
  switch (matcher.kind) {
    case 'equals':
      if (matcher.ip !== undefined) return { ip: `${matcher.ip.version}:${matcher.ip.low}` };
      return { exact: leafKey(matcher.value) };
    case 'exactly':
      return { exact: `s${matcher.value}` };
    case 'equals-number':
      return { exact: matcher.number.comparable ? `v${String(matcher.number.value)}` : `t${matcher.number.text}` };
    case 'prefix':
      return matcher.ignoreCase ? undefined : { prefix: matcher.value };
    default:
      return undefined;
  }
}

/** How selective an anchor is (higher is better), or -1 when the condition cannot be an anchor. */
function anchorScore(condition: FieldCondition): number {
  let shortestPrefix = Infinity;
  for (const matcher of condition.matchers) {
    const key = matcherKey(matcher);
    if (key === undefined) return -1;
    if (key.prefix !== undefined) shortestPrefix = Math.min(shortestPrefix, key.prefix.length);
  }
  // Exact values beat prefixes; fewer alternatives and longer prefixes are more selective.
  return shortestPrefix === Infinity ? 1_000_000 - condition.matchers.length : Math.min(shortestPrefix, 999) * 100 - Math.min(condition.matchers.length, 99);
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
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
  patterns: Readonly<Record<string, string | object | CompiledEventPattern>> | ReadonlyMap<string, string | object | CompiledEventPattern>,
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

  for (const [name, pattern] of pairs) {
    if (typeof name !== 'string') throw new EventPatternInputError(api, `rule names must be strings, got ${typeof name}`);
    const rule = names.length;
    names.push(name);
    const { plan } = planOf(pattern, api, options);
    for (const branch of plan.branches) {
      const id = entries.length;
      entries.push({ rule, branch });
      let anchor: FieldCondition | undefined;
      let best = -1;
      for (const { condition } of branch.conditions) {
        paths.add(condition.path);
        const score = anchorScore(condition);
        if (score > best) {
          best = score;
          anchor = condition;
        }
      }
      if (anchor === undefined) {
        fallback.push(id);
        continue;
      }
      let pathIndex = index.get(anchor.path);
      if (pathIndex === undefined) index.set(anchor.path, (pathIndex = { exact: new Map(), ips: new Map() }));
      for (const matcher of anchor.matchers) {
        const key = matcherKey(matcher)!;
        if (key.exact !== undefined) push(pathIndex.exact, key.exact, id);
        else if (key.ip !== undefined) push(pathIndex.ips, key.ip, id);
        else if (key.prefix !== undefined) {
          let node: TrieNode = (pathIndex.trie ??= { next: new Map(), here: [] });
          for (let i = 0; i < key.prefix.length; i++) {
            const code = key.prefix.charCodeAt(i);
            let child = node.next.get(code);
            if (child === undefined) node.next.set(code, (child = { next: new Map(), here: [] as number[] }));
            node = child;
          }
          if (node.here[node.here.length - 1] !== id) node.here.push(id);
        }
      }
    }
  }

  const selection: PathSelection = selectPaths(paths);
  // Reused per event: marks[id] === epoch means "already a candidate".
  const marks = new Int32Array(entries.length);
  const ruleMarks = new Int32Array(names.length);
  let epoch = 0;
  const frozenNames = Object.freeze([...names]);

  const match = (event: unknown): string[] => {
    const flat = flattenRoot(eventRoot(event, 'EventPatternSet.match'), 'EventPatternSet.match', selection);
    epoch = epoch === 0x7fffffff ? 1 : epoch + 1;
    if (epoch === 1) {
      marks.fill(0);
      ruleMarks.fill(0);
    }
    const candidates: number[] = [];
    const add = (ids: readonly number[]) => {
      for (const id of ids) {
        if (marks[id] !== epoch) {
          marks[id] = epoch;
          candidates.push(id);
        }
      }
    };
    for (const [path, leaves] of flat.fields) {
      const pathIndex = index.get(path);
      if (pathIndex === undefined) continue;
      for (const leaf of leaves) {
        const value = leaf.value;
        const ids = pathIndex.exact.get(leafKey(value));
        if (ids !== undefined) add(ids);
        if (typeof value !== 'string') continue;
        if (pathIndex.ips.size > 0) {
          const ip = parseIpAddress(value);
          if (ip !== undefined) {
            const byIp = pathIndex.ips.get(`${ip.version}:${ip.low}`);
            if (byIp !== undefined) add(byIp);
          }
        }
        let node = pathIndex.trie;
        for (let i = 0; node !== undefined; i++) {
          if (node.here.length > 0) add(node.here);
          if (i === value.length) break;
          node = node.next.get(value.charCodeAt(i));
        }
      }
    }
    // Only the candidates are touched, so the cost does not depend on how many rules there are.
    const matched: number[] = [];
    const check = (id: number) => {
      const entry = entries[id]!;
      if (ruleMarks[entry.rule] === epoch) return;
      if (branchMatches(entry.branch, flat)) {
        ruleMarks[entry.rule] = epoch;
        matched.push(entry.rule);
      }
    };
    for (const id of candidates) check(id);
    for (const id of fallback) check(id);
    if (matched.length > 1) matched.sort((a, b) => a - b);
    return matched.map((rule) => names[rule]!);
  };

  return Object.freeze({ names: frozenNames, match });
}
