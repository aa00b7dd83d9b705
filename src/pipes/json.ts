/**
 * `JSON.stringify` for values of any depth. V8's serializer recurses natively and throws a
 * `RangeError` ("Maximum call stack size exceeded") a few thousand levels down, while events
 * nest deeper (a body of 10,000 nested arrays parses fine: `JSON.parse` is iterative). The native
 * call stays the fast path; only when it overflows is the value written again by an explicit-stack
 * serializer that follows the same algorithm (ECMA-262 SerializeJSONProperty, no replacer, no
 * indentation), so the text is the same, byte for byte.
 */

/** What one property serializes to: its JSON text, an object or array to descend into, or nothing. */
type Prepared = string | object | undefined;

/** SerializeJSONProperty up to the point where an object or array would recurse (`key`: a member name or an index). */
function prepare(input: unknown, key: string | number): Prepared {
  let value = input;
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, String(key)) as unknown;
  }
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value)) return value;
    if (value instanceof Number) value = Number(value);
    else if (value instanceof String) value = String(value);
    else if (value instanceof Boolean || value instanceof BigInt) value = value.valueOf();
    else return value;
  }
  // Primitives (and functions, symbols, undefined) do not recurse: the native serializer is exact.
  return JSON.stringify(value);
}

interface Frame {
  readonly value: object;
  /** Array: its length; object: its enumerable own string keys. */
  readonly keys: readonly string[] | number;
  next: number;
  /** Whether a member has been written (objects skip members whose value serializes to nothing). */
  wrote: boolean;
}

/** The explicit-stack serializer: the same text as `JSON.stringify(value)`, at any depth. */
export function stringifyDeep(value: unknown): string | undefined {
  const first = prepare(value, '');
  if (typeof first !== 'object') return first;
  const stack: Frame[] = [];
  const ancestors = new Set<object>();
  let out = '';
  const open = (node: object): void => {
    if (ancestors.has(node)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(node);
    if (Array.isArray(node)) {
      stack.push({ value: node, keys: node.length, next: 0, wrote: false });
      out += '[';
    } else {
      stack.push({ value: node, keys: Object.keys(node), next: 0, wrote: false });
      out += '{';
    }
  };
  open(first);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { keys } = frame;
    if (typeof keys === 'number') {
      if (frame.next === keys) {
        out += ']';
        stack.pop();
        ancestors.delete(frame.value);
        continue;
      }
      const index = frame.next++;
      if (index > 0) out += ',';
      const item = prepare((frame.value as unknown[])[index], index);
      if (item === undefined) out += 'null';
      else if (typeof item === 'string') out += item;
      else open(item);
    } else {
      if (frame.next === keys.length) {
        out += '}';
        stack.pop();
        ancestors.delete(frame.value);
        continue;
      }
      const key = keys[frame.next++]!;
      const member = prepare((frame.value as Record<string, unknown>)[key], key);
      if (member === undefined) continue;
      out += `${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`;
      frame.wrote = true;
      if (typeof member === 'string') out += member;
      else open(member);
    }
  }
  return out;
}

/**
 * `JSON.stringify(value)` that does not overflow the stack on deeply nested values: the native
 * call, then {@link stringifyDeep} if it ran out of stack. A value JSON cannot write (a BigInt, a
 * cycle) is a `TypeError` saying the event is not JSON.
 */
export function stringifyJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return stringifyDeep(value);
    throw notJson(error);
  }
}

/**
 * The error for an event JSON cannot write (a cycle, a bigint): the event reaches AWS as JSON, so
 * such an event cannot exist; say so instead of surfacing the serializer's message alone.
 */
function notJson(error: unknown): unknown {
  if (!(error instanceof TypeError)) return error;
  return new TypeError(`the event is not JSON, as every event AWS delivers is: ${error.message.split('\n')[0]}`);
}
