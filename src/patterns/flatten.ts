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

/**
 * The paths a walk needs: for each path prefix (at a dot boundary), the event keys that can
 * continue it towards a wanted path. Built once per compiled pattern or rule set.
 */
export interface PathSelection {
  /** Every dot-boundary prefix of every wanted path, and the wanted paths themselves. */
  readonly prefixes: ReadonlySet<string>;
  /** The event keys that may start a wanted path, e.g. `detail`, `detail.state` for `detail.state`. */
  readonly root: readonly string[];
  /** For a prefix, the keys that may follow it, e.g. `detail` → `state`, `state.status`. */
  readonly next: ReadonlyMap<string, readonly string[]>;
}

/**
 * Builds the selection for a set of dot-joined paths. A key in the event is walked into only if
 * its joined path is a wanted path or a dot-boundary prefix of one, so a subtree no pattern
 * mentions is never visited. Event keys with dots are covered: `{"a.b": 1}` continues the root
 * towards `a.b` exactly as `{"a": {"b": 1}}` does.
 */
export function selectPaths(paths: Iterable<string>): PathSelection {
  const prefixes = new Set<string>();
  const next = new Map<string, Set<string>>();
  const root = new Set<string>();
  const add = (prefix: string | undefined, key: string) => {
    if (prefix === undefined) {
      root.add(key);
      return;
    }
    let keys = next.get(prefix);
    if (keys === undefined) next.set(prefix, (keys = new Set()));
    keys.add(key);
  };
  for (const path of paths) {
    // Cut points: every '.' in the path, and its end.
    const cuts: number[] = [];
    for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) cuts.push(i);
    cuts.push(path.length);
    for (let a = -1; a < cuts.length; a++) {
      const from = a === -1 ? 0 : cuts[a]! + 1;
      const prefix = a === -1 ? undefined : path.slice(0, cuts[a]);
      if (prefix !== undefined) prefixes.add(prefix);
      if (from > path.length) continue;
      for (let b = a + 1; b < cuts.length; b++) add(prefix, path.slice(from, cuts[b]));
    }
  }
  const frozen = new Map<string, readonly string[]>();
  for (const [prefix, keys] of next) frozen.set(prefix, [...keys]);
  return { prefixes, root: [...root], next: frozen };
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
 * Turns an event argument into the root object to walk: JSON text is parsed keeping number text;
 * anything that is not a JSON object is an {@link EventPatternInputError} naming `api`.
 */
export function eventRoot(event: unknown, api: string): object {
  let root: unknown = event;
  if (typeof event === 'string') {
    try {
      root = parseJsonText(event, 'event');
    } catch (error) {
      throw new EventPatternInputError(api, `event is not valid JSON text: ${(error as Error).message}`);
    }
    if (root === null || typeof root !== 'object' || Array.isArray(root) || isNumberLiteral(root)) {
      throw new EventPatternInputError(api, `event must be a JSON object, got ${Array.isArray(root) ? 'an array' : root === null ? 'null' : `a JSON ${isNumberLiteral(root) ? 'number' : typeof root}`} as JSON text`);
    }
    return root;
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root) || isNumberLiteral(root)) {
    throw new EventPatternInputError(api, `event must be a JSON object or JSON object text, got ${describe(root)}`);
  }
  return root;
}

/** One pending container of the walk. `exit` marks the end of a container (for cycle detection). */
interface Work {
  readonly node: unknown;
  readonly path: string;
  readonly arrays: ArrayTrail | null;
  readonly exit: boolean;
  /** The event's root object (its keys start paths; an empty key is the path `""`, not the root). */
  readonly root?: boolean;
}

/**
 * Flattens an event (object or JSON text) into leaves. With `selection`, only the wanted paths are
 * walked. Throws {@link EventPatternInputError} (prefixed with `api`) for a non-object event, a
 * cycle, or a value JSON cannot hold (`NaN`, `Infinity`, a bigint).
 */
export function flattenEvent(event: unknown, api: string, selection?: PathSelection): FlatEvent {
  return flattenRoot(eventRoot(event, api), api, selection);
}

/** {@link flattenEvent} for a root already checked by {@link eventRoot}. */
export function flattenRoot(root: object, api: string, selection?: PathSelection): FlatEvent {
  const fields = new Map<string, FlatLeaf[]>();
  let hasArrays = false;
  let arrayCount = 0;
  const onPath = new Set<object>();
  const stack: Work[] = [{ node: root, path: '', arrays: null, exit: false, root: true }];
  const wanted = selection?.prefixes;

  const leaf = (path: string, value: LeafValue, arrays: ArrayTrail | null) => {
    const list = fields.get(path);
    const item: FlatLeaf = { path, value, arrays };
    if (list === undefined) fields.set(path, [item]);
    else list.push(item);
    if (arrays !== null) hasArrays = true;
  };

  /** Handles one value found at `path`; containers are queued (`order` keeps document order). */
  const visit = (raw: unknown, path: string, arrays: ArrayTrail | null, inArray: boolean, queue: Work[]) => {
    let value = raw;
    if (value !== null && typeof value === 'object' && !isNumberLiteral(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      // As JSON.stringify does (Date → ISO string).
      value = (value as { toJSON(key: string): unknown }).toJSON(path);
    }
    switch (typeof value) {
      case 'string':
      case 'boolean':
        leaf(path, value, arrays);
        return;
      case 'number':
        if (!Number.isFinite(value)) throw new EventPatternInputError(api, `event value at ${path} is ${value}, which JSON cannot hold`);
        leaf(path, value, arrays);
        return;
      case 'bigint':
        throw new EventPatternInputError(api, `event value at ${path} is a bigint, which JSON cannot hold`);
      case 'undefined':
      case 'function':
      case 'symbol':
        // JSON.stringify drops such members of objects and writes null for such array elements.
        if (inArray) leaf(path, null, arrays);
        return;
      default:
        break;
    }
    if (value === null) {
      leaf(path, null, arrays);
      return;
    }
    if (isNumberLiteral(value)) {
      leaf(path, value, arrays);
      return;
    }
    queue.push({ node: value, path, arrays, exit: false });
  };

  const queue: Work[] = [];
  while (stack.length > 0) {
    const work = stack.pop()!;
    const node = work.node as object;
    if (work.exit) {
      onPath.delete(node);
      continue;
    }
    if (onPath.has(node)) throw new EventPatternInputError(api, `event is cyclic: the value at ${work.root === true ? 'the root' : work.path} contains itself`);
    onPath.add(node);
    stack.push({ node, path: work.path, arrays: work.arrays, exit: true });
    queue.length = 0;
    if (Array.isArray(node)) {
      const id = arrayCount++;
      for (let index = 0; index < node.length; index++) {
        const element: unknown = node[index];
        const isContainer = element !== null && typeof element === 'object' && !isNumberLiteral(element);
        visit(element, work.path, isContainer ? { array: id, index, parent: work.arrays } : work.arrays, true, queue);
      }
    } else {
      const prefix = work.path;
      const atRoot = work.root === true;
      const candidates = selection === undefined ? undefined : atRoot ? selection.root : selection.next.get(prefix);
      if (selection !== undefined && candidates === undefined) continue;
      if (candidates !== undefined && candidates.length <= PROBE_LIMIT) {
        for (const key of candidates) {
          if (hasOwn.call(node, key)) visit((node as Record<string, unknown>)[key], atRoot ? key : `${prefix}.${key}`, work.arrays, false, queue);
        }
      } else {
        for (const key of Object.keys(node)) {
          const path = atRoot ? key : `${prefix}.${key}`;
          if (wanted !== undefined && !wanted.has(path)) continue;
          visit((node as Record<string, unknown>)[key], path, work.arrays, false, queue);
        }
      }
    }
    // Reverse so the stack pops containers in document order.
    for (let i = queue.length - 1; i >= 0; i--) stack.push(queue[i]!);
  }
  return { fields, hasArrays };
}
