/**
 * Thrown when an argument breaks an AWS rule or a rule of this kit.
 * The message always names the API, the argument and the rule, e.g.
 * `makeS3PutEvent: bucket "My_Bucket" breaks S3's bucket naming rules: only lower-case letters, digits, '.' and '-' are allowed`.
 */
export class EventInputError extends TypeError {
  override readonly name = 'EventInputError';
  /** The API that rejected the input, e.g. `makeSqsEvent`. */
  readonly api: string;
  /** The argument (or path inside it) that broke the rule, e.g. `options.region`. */
  readonly argument: string;

  constructor(api: string, argument: string, rule: string) {
    super(`${api}: ${argument} ${rule}`);
    this.api = api;
    this.argument = argument;
  }
}

/** Shorthand for throwing an {@link EventInputError}. */
export function fail(api: string, argument: string, rule: string): never {
  throw new EventInputError(api, argument, rule);
}

/** The longest text `show` prints (then it ends with `...`). */
const SHOW_LIMIT = 80;

/**
 * Quotes a user value for an error message, shortening long values. Strings and JSON values
 * appear as JSON; what JSON cannot write appears as itself (NaN, Infinity, 1n, undefined,
 * a Map of 2, a Point object, a function), never as the `null` or `{}` JSON would print; a cycle
 * as [Circular]. Stops writing past the limit, so a huge value costs no more than a small one.
 */
export function show(value: unknown): string {
  const state = { text: '', seen: new Set<object>() };
  write(state, value);
  const text = state.text;
  return text.length > SHOW_LIMIT ? `${text.slice(0, SHOW_LIMIT - 3)}...` : text;
}

function write(state: { text: string; seen: Set<object> }, value: unknown): void {
  if (state.text.length > SHOW_LIMIT) return;
  switch (typeof value) {
    case 'string':
      state.text += JSON.stringify(value.length > SHOW_LIMIT ? value.slice(0, SHOW_LIMIT) : value);
      return;
    case 'number':
    case 'boolean':
      state.text += String(value);
      return;
    case 'bigint':
      state.text += `${value}n`;
      return;
    case 'symbol':
      state.text += String(value);
      return;
    case 'function':
      state.text += 'a function';
      return;
    case 'undefined':
      state.text += 'undefined';
      return;
    default:
      break;
  }
  if (value === null) {
    state.text += 'null';
    return;
  }
  const object = value as object;
  if (state.seen.has(object)) {
    state.text += '[Circular]';
    return;
  }
  if (object instanceof Map || object instanceof Set) {
    state.text += `a ${object instanceof Map ? 'Map' : 'Set'} of ${object.size}`;
    return;
  }
  if (object instanceof Date) {
    state.text += Number.isNaN(object.getTime()) ? 'an invalid Date' : JSON.stringify(object.toISOString());
    return;
  }
  state.seen.add(object);
  if (Array.isArray(object)) {
    state.text += '[';
    for (let i = 0; i < object.length && state.text.length <= SHOW_LIMIT; i++) {
      if (i > 0) state.text += ',';
      write(state, object[i]);
    }
    state.text += ']';
  } else {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      state.text += `a ${(object as { constructor?: { name?: string } }).constructor?.name || 'non-plain'} object`;
    } else {
      state.text += '{';
      let first = true;
      for (const key of Object.keys(object)) {
        if (state.text.length > SHOW_LIMIT) break;
        state.text += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        write(state, (object as Record<string, unknown>)[key]);
      }
      state.text += '}';
    }
  }
  state.seen.delete(object);
}
