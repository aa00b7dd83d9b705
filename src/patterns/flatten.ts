/**
 * Events as AWS's engine sees them: a list of leaves (string, number, boolean or null), each under
 * its dot-joined path, with the trail of array elements it sits in. Objects are walked into, arrays
 * are flattened (every element is a value of the same path), and objects inside arrays are "crushed"
 * into the same paths. The trail lets the matcher refuse combinations of fields taken from two
 * different elements of one array, as event-ruler's array-consistent matching does.
 *
 * The walk is iterative (10,000-deep events are fine), rejects cyclic objects with a clear error,
 * and can be limited to the paths a pattern mentions, so the cost of an event is the cost of the
 * parts the pattern looks at.
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/Event.java
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/ArrayMembership.java
 */
import type { NumberLiteral } from './ast.js';
import { EventPatternInputError } from './errors.js';
import { parseJsonText } from './json.js';
import { isNumberLiteral } from './numbers.js';

/**
 * A leaf value of an event. Numbers are JavaScript numbers when the event was given as an object
 * (their text is `String(n)`, and they are always comparable by value) and {@link NumberLiteral}s
 * when it was given as JSON text (the text as written is kept).
 */
export type LeafValue = string | number | boolean | null | NumberLiteral;

/**
 * Where a leaf sits among the event's arrays: the innermost array element first, then its parents.
 * Each array occurrence in the event has its own `array` id. One trail object exists per array
 * element, so leaves in the same element share it (identity is enough to tell trails apart).
 */
export interface ArrayTrail {
  readonly array: number;
  readonly index: number;
  readonly parent: ArrayTrail | null;
}

/** One leaf of a flattened event. */
export interface FlatLeaf {
  /** The dot-joined path (`detail.state.status`). Keys containing dots join the same way. */
  readonly path: string;
  readonly value: LeafValue;
  /**
   * The array elements the leaf sits in (`null` outside every array of objects). As in event-ruler,
   * an array's scalar elements carry no entry for that array: only object and array elements do.
   */
  readonly arrays: ArrayTrail | null;
}

/** A flattened event: leaves grouped by path, each group in document order. */
export interface FlatEvent {
  readonly fields: ReadonlyMap<string, readonly FlatLeaf[]>;
  /** Whether some leaf has a non-empty trail (only then can array consistency reject a match). */
  readonly hasArrays: boolean;
}

/** The event keys that can continue one path prefix towards a wanted path, with the joined paths. */
interface PathStep {
  readonly keys: readonly string[];
  /** `paths[i]` is the prefix joined with `keys[i]` (one string per path, so Map lookups hash it once). */
  readonly paths: readonly string[];
  readonly byKey: ReadonlyMap<string, string>;
}

/**
 * The paths a walk needs: for each path prefix (at a dot boundary), the event keys that can
 * continue it towards a wanted path. Built once per compiled pattern or rule set.
 */
export interface PathSelection {
  /** The keys that may start a wanted path, e.g. `detail`, `detail.state` for `detail.state`. */
  readonly root: PathStep;
  /** For a prefix, the keys that may follow it, e.g. `detail` → `state`, `state.status`. */
  readonly next: ReadonlyMap<string, PathStep>;
}

/**
 * Builds the selection for a set of dot-joined paths. A key in the event is walked into only if
 * its joined path is a wanted path or a dot-boundary prefix of one, so a subtree no pattern
 * mentions is never visited. Event keys with dots are covered: `{"a.b": 1}` continues the root
 * towards `a.b` exactly as `{"a": {"b": 1}}` does.
 */
export function selectPaths(paths: Iterable<string>): PathSelection {
  const next = new Map<string, Map<string, string>>();
  const root = new Map<string, string>();
  for (const path of paths) {
    // Cut points: every '.' in the path, and its end.
    const cuts: number[] = [];
    for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) cuts.push(i);
    cuts.push(path.length);
    for (let a = -1; a < cuts.length - 1; a++) {
      const from = a === -1 ? 0 : cuts[a]! + 1;
      let step = root;
      if (a >= 0) {
        const prefix = path.slice(0, cuts[a]);
        let found = next.get(prefix);
        if (found === undefined) next.set(prefix, (found = new Map()));
        step = found;
      }
      for (let b = a + 1; b < cuts.length; b++) step.set(path.slice(from, cuts[b]), path.slice(0, cuts[b]));
    }
  }
  const freeze = (byKey: Map<string, string>): PathStep => ({
    keys: [...byKey.keys()],
    paths: [...byKey.values()],
    byKey,
  });
  const frozen = new Map<string, PathStep>();
  for (const [prefix, byKey] of next) frozen.set(prefix, freeze(byKey));
  return { root: freeze(root), next: frozen };
}

/** Above this many candidate keys, walking the event's own keys is cheaper than probing each candidate. */
const PROBE_LIMIT = 12;

const hasOwn = Object.prototype.hasOwnProperty;

/** What `JSON.stringify` would write for a value that is not plain JSON data, or why it cannot. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string that is not JSON object text';
  return `${typeof value === 'object' ? 'an object' : `a ${typeof value}`}`;
}

/**
 * A number literal whose text may matter: 16 or more digits (with at most one '.' among them) or a
 * 3-digit exponent. Every other literal has at most 15 significant digits and a moderate exponent,
 * so its double equals the written decimal (it is comparable) and a JavaScript number stands for it
 * exactly. The test also fires on long digit runs inside strings; those take the slower path.
 */
const TEXT_MATTERS = /\d{16}|\d[\d.]{16}|[eE][+-]?\d{3}/;

/**
 * `JSON.parse` for event texts whose numbers are all plain (see {@link TEXT_MATTERS}): several
 * times faster than the lossless parser, same values. Undefined when the lossless parser is needed
 * (a number's text matters, or the text is invalid and the lossless parser's message is wanted).
 */
function fastParse(text: string): unknown {
  if (TEXT_MATTERS.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Turns an event argument into the root object to walk: JSON text is parsed keeping number text;
 * anything that is not a JSON object is an {@link EventPatternInputError} naming `api`.
 */
export function eventRoot(event: unknown, api: string): object {
  let root: unknown = event;
  if (typeof event === 'string') {
    try {
      root = fastParse(event) ?? parseJsonText(event, 'event');
    } catch (error) {
      throw new EventPatternInputError(api, `event is not valid JSON text: ${(error as Error).message}`);
    }
    if (root === null || typeof root !== 'object' || Array.isArray(root) || isNumberLiteral(root)) {
      throw new EventPatternInputError(
        api,
        `event must be a JSON object, got ${Array.isArray(root) ? 'an array' : root === null ? 'null' : `a JSON ${isNumberLiteral(root) ? 'number' : typeof root}`} as JSON text`,
      );
    }
    return root;
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root) || isNumberLiteral(root)) {
    throw new EventPatternInputError(api, `event must be a JSON object or JSON object text, got ${describe(root)}`);
  }
  return root;
}

/**
 * Flattens an event (object or JSON text) into leaves. With `selection`, only the wanted paths are
 * walked. Throws {@link EventPatternInputError} (prefixed with `api`) for a non-object event, a
 * cycle, or a value JSON cannot hold (`NaN`, `Infinity`, a bigint).
 */
export function flattenEvent(event: unknown, api: string, selection?: PathSelection): FlatEvent {
  return flattenRoot(eventRoot(event, api), api, selection);
}

/** Reads a value as JSON.stringify would (`toJSON` once), or throws for values JSON cannot hold. */
function jsonValue(raw: unknown, path: string, api: string): unknown {
  let value = raw;
  if (
    value !== null &&
    typeof value === 'object' &&
    !isNumberLiteral(value) &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    // As JSON.stringify does (Date → ISO string); the result's own toJSON is not called.
    value = (value as { toJSON(key: string): unknown }).toJSON(path);
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new EventPatternInputError(api, `event value at ${path} is ${value}, which JSON cannot hold`);
  if (typeof value === 'bigint')
    throw new EventPatternInputError(api, `event value at ${path} is a bigint, which JSON cannot hold`);
  return value;
}

/** Marks the end of an array (or, without a selection, an object) on the walk's stack. */
const EXIT = 1;
const ENTER = 0;

/**
 * {@link flattenEvent} for a root already checked by {@link eventRoot}.
 *
 * The walk uses an explicit stack. Cycles are caught by keeping the containers on the current
 * path; with a selection only arrays need it, since every object step consumes a key of a wanted
 * path (whose length is finite), while arrays nest without consuming one.
 */
export function flattenRoot(root: object, api: string, selection?: PathSelection): FlatEvent {
  const fields = new Map<string, FlatLeaf[]>();
  let hasArrays = false;
  let arrayCount = 0;
  const onPath = new Set<object>();
  // Parallel stacks: node, path, trail, ENTER/EXIT, whether the node is the root.
  const nodes: unknown[] = [root];
  const paths: string[] = [''];
  const trails: (ArrayTrail | null)[] = [null];
  const kinds: number[] = [ENTER];
  let rootPending = true;

  const leaf = (path: string, value: LeafValue, arrays: ArrayTrail | null): void => {
    const list = fields.get(path);
    const item: FlatLeaf = { path, value, arrays };
    if (list === undefined) fields.set(path, [item]);
    else list.push(item);
    if (arrays !== null) hasArrays = true;
  };

  while (nodes.length > 0) {
    const node = nodes.pop() as object;
    const path = paths.pop()!;
    const trail = trails.pop()!;
    const kind = kinds.pop()!;
    if (kind === EXIT) {
      onPath.delete(node);
      continue;
    }
    const atRoot = rootPending;
    rootPending = false;
    const isArray = Array.isArray(node);
    if (isArray || selection === undefined) {
      if (onPath.has(node))
        throw new EventPatternInputError(
          api,
          `event is cyclic: the value at ${atRoot ? 'the root' : path} contains itself`,
        );
      onPath.add(node);
      nodes.push(node);
      paths.push(path);
      trails.push(trail);
      kinds.push(EXIT);
    }
    // Containers found in this node, pushed afterwards in reverse so they pop in document order.
    const first = nodes.length;
    if (isArray) {
      const id = arrayCount++;
      for (let index = 0; index < node.length; index++) {
        const value = jsonValue(node[index], path, api);
        if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') {
          // JSON.stringify writes null for such array elements.
          leaf(path, null, trail);
        } else if (typeof value !== 'object' || isNumberLiteral(value)) {
          leaf(path, value as LeafValue, trail);
        } else {
          nodes.push(value);
          paths.push(path);
          trails.push({ array: id, index, parent: trail });
          kinds.push(ENTER);
        }
      }
    } else {
      const step = selection === undefined ? undefined : atRoot ? selection.root : selection.next.get(path);
      if (selection !== undefined && step === undefined) continue;
      const probe = step !== undefined && step.keys.length <= PROBE_LIMIT;
      const keys = probe ? step.keys : Object.keys(node);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        let childPath: string | undefined;
        if (probe) {
          if (!hasOwn.call(node, key)) continue;
          childPath = step.paths[k]!;
        } else if (step !== undefined) {
          childPath = step.byKey.get(key);
          if (childPath === undefined) continue;
        } else {
          childPath = atRoot ? key : `${path}.${key}`;
        }
        const value = jsonValue((node as Record<string, unknown>)[key], childPath, api);
        if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue; // JSON.stringify drops such members
        if (value === null || typeof value !== 'object' || isNumberLiteral(value)) {
          leaf(childPath, value as LeafValue, trail);
        } else {
          nodes.push(value);
          paths.push(childPath);
          trails.push(trail);
          kinds.push(ENTER);
        }
      }
    }
    // Reverse the containers just pushed so the stack pops them in document order.
    const last = nodes.length - 1;
    if (last - first >= 1) {
      for (let i = first, j = last; i < j; i++, j--) {
        swap(nodes, i, j);
        swap(paths, i, j);
        swap(trails, i, j);
      }
    }
  }
  return { fields, hasArrays };
}

function swap<T>(list: T[], i: number, j: number): void {
  const t = list[i]!;
  list[i] = list[j]!;
  list[j] = t;
}
