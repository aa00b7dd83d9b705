/**
 * Variants of a filter pattern for records whose data field and the pattern disagree on JSON.
 * AWS decides per data field: a pattern part on the field written as an object expects JSON data,
 * one written as an array expects plain data. When the record has the other kind, AWS either drops
 * the record (SQS, Kinesis) or ignores that part of the pattern (MQ, Kafka: "metadata-only
 * filtering"). Both are rewrites of the pattern's JSON: remove the field, or make the branch that
 * names it impossible. `$or` branches are rewritten one by one, so a pattern whose other branch
 * does not name the field still filters on it.
 */
import { isNumberLiteral, stringifyLossless, type LosslessJson } from './json.js';

/** What to do with a top-level data field of a given form. */
export type FieldRewrite =
  /** Remove the field when written as an object (JSON pattern on plain data, metadata-only). */
  | 'ignore-object'
  /** Remove the field when written as an array (plain pattern on JSON data, metadata-only). */
  | 'ignore-array'
  /** Remove the field whatever its form (data that is not UTF-8, metadata-only). */
  | 'ignore-all'
  /** A branch naming the field as an object cannot match (JSON pattern on plain data, drop). */
  | 'fail-object';

/** The rewritten pattern: JSON text, or a pattern left without conditions (`all`) or without branches (`none`). */
export type RewrittenPattern =
  | { readonly kind: 'pattern'; readonly text: string }
  | { readonly kind: 'all' }
  | { readonly kind: 'none' };

type JsonObject = { [key: string]: LosslessJson };

function isObject(value: LosslessJson | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isNumberLiteral(value);
}

function formOf(value: LosslessJson): 'object' | 'array' | 'other' {
  return Array.isArray(value) ? 'array' : isObject(value) ? 'object' : 'other';
}

function applies(rewrite: FieldRewrite, form: 'object' | 'array' | 'other'): 'remove' | 'fail' | undefined {
  switch (rewrite) {
    case 'ignore-object':
      return form === 'object' ? 'remove' : undefined;
    case 'ignore-array':
      return form === 'array' ? 'remove' : undefined;
    case 'ignore-all':
      return 'remove';
    case 'fail-object':
      return form === 'object' ? 'fail' : undefined;
  }
}

type Result = JsonObject | 'all' | 'none';

/**
 * The rewrite for a key and the form in which it names the data field: the field itself, or a
 * dotted key below it (`"body.type"` is a JSON pattern on body, as `{"body": {"type": …}}` is).
 */
function rewriteOf(
  key: string,
  value: LosslessJson,
  rewrites: ReadonlyMap<string, FieldRewrite>,
): [FieldRewrite | undefined, 'object' | 'array' | 'other'] {
  const exact = rewrites.get(key);
  if (exact !== undefined) return [exact, formOf(value)];
  const dot = key.indexOf('.');
  if (dot > 0) {
    const below = rewrites.get(key.slice(0, dot));
    if (below !== undefined) return [below, 'object'];
  }
  return [undefined, 'other'];
}

// Patterns reaching this point passed AWS's 4,096-character limit, so their nesting is shallow
// enough for recursion.
function rewriteObject(
  object: JsonObject,
  rewrites: ReadonlyMap<string, FieldRewrite>,
  orIsPrimitive: boolean,
): Result {
  const out: JsonObject = {};
  let kept = 0;
  for (const key of Object.keys(object)) {
    const value = object[key] as LosslessJson;
    const [rewrite, form] = rewriteOf(key, value, rewrites);
    const action = rewrite === undefined ? undefined : applies(rewrite, form);
    if (action === 'fail') return 'none';
    if (action === 'remove') continue;
    if (key === '$or' && orIsPrimitive && Array.isArray(value) && value.every(isObject)) {
      const branches: JsonObject[] = [];
      let satisfied = false;
      for (const branch of value as JsonObject[]) {
        const r = rewriteObject(branch, rewrites, orIsPrimitive);
        if (r === 'all') satisfied = true;
        else if (r !== 'none') branches.push(r);
      }
      // One branch without conditions makes the whole OR true: drop it from the AND.
      if (satisfied) continue;
      if (branches.length === 0) return 'none';
      // `$or` needs two objects; a lone survivor is repeated (b OR b is b).
      Object.defineProperty(out, '$or', {
        value: branches.length === 1 ? [branches[0]!, branches[0]!] : branches,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      kept++;
      continue;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    kept++;
  }
  return kept === 0 ? 'all' : out;
}

/**
 * Rewrites a pattern (its lossless JSON, a top-level object) for the given data-field rewrites.
 * `orIsPrimitive` is false when AWS reads `$or` as a plain field name in this pattern.
 */
export function rewritePattern(
  pattern: LosslessJson,
  rewrites: ReadonlyMap<string, FieldRewrite>,
  orIsPrimitive: boolean,
): RewrittenPattern {
  if (!isObject(pattern)) return { kind: 'pattern', text: stringifyLossless(pattern) };
  const r = rewriteObject(pattern, rewrites, orIsPrimitive);
  if (r === 'all' || r === 'none') return { kind: r };
  return { kind: 'pattern', text: stringifyLossless(r) };
}

/**
 * The forms in which a pattern names a top-level field, looking into `$or` branches: `object`
 * (a JSON pattern on the field), `array` (a plain pattern).
 */
export function fieldForms(pattern: LosslessJson, key: string, orIsPrimitive: boolean): Set<'object' | 'array'> {
  const forms = new Set<'object' | 'array'>();
  const stack: LosslessJson[] = [pattern];
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (!isObject(object)) continue;
    for (const k of Object.keys(object)) {
      if (k === key) {
        const form = formOf(object[k] as LosslessJson);
        if (form !== 'other') forms.add(form);
      } else if (k.startsWith(`${key}.`)) {
        forms.add('object');
      }
    }
    const or = Object.hasOwn(object, '$or') ? object.$or : undefined;
    if (orIsPrimitive && Array.isArray(or)) stack.push(...or);
  }
  return forms;
}
