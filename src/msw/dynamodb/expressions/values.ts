/**
 * What expressions do with AttributeValues: exact decimal arithmetic and ordering of DynamoDB
 * numbers (38 significant digits, no floating point), byte-wise ordering of strings and binaries,
 * and document paths read, written and removed on stored items.
 */
import {
  attributeValuesEqual,
  canonicalNumber,
  type AttributeMap,
  type AttributeValue,
} from '../../../events/dynamodb/index.js';
import { validation } from '../errors.js';
import type { DocumentPath } from './parse.js';

/** A decimal as an integer mantissa and a power-of-ten scale: value = mantissa / 10^scale. */
interface Decimal {
  mantissa: bigint;
  scale: number;
}

function toDecimal(text: string): Decimal {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) throw validation(`The parameter cannot be converted to a numeric value: ${text}`);
  const [, sign, int = '', frac = '', exp = '0'] = match;
  let scale = frac.length - Number(exp);
  let digits = `${int}${frac}` || '0';
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { mantissa: BigInt(`${sign}${digits}`), scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(scale - a.scale), b.mantissa * 10n ** BigInt(scale - b.scale), scale];
}

function fromDecimal(mantissa: bigint, scale: number): string {
  const negative = mantissa < 0n;
  let digits = (negative ? -mantissa : mantissa).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  const text = `${negative ? '-' : ''}${digits}`;
  const canonical = canonicalNumber(text);
  if (canonical === undefined) {
    // Over 38 significant digits or out of range: what DynamoDB answers for such a result.
    throw validation('Number overflow. Attempting to store a number with magnitude larger than supported range');
  }
  return canonical;
}

/** `a + b` or `a - b` of two DynamoDB numbers, exactly. */
export function addNumbers(a: string, b: string, subtract = false): string {
  const [x, y, scale] = align(toDecimal(a), toDecimal(b));
  return fromDecimal(subtract ? x - y : x + y, scale);
}

/** The order of two DynamoDB numbers (-1, 0, 1). */
export function compareNumbers(a: string, b: string): number {
  const [x, y] = align(toDecimal(a), toDecimal(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The type key of a value (`S`, `N`, …). */
export function typeOf(value: AttributeValue): string {
  return Object.keys(value)[0] as string;
}

/**
 * The order of two values of one scalar type (S by UTF-8 bytes, N numerically, B by bytes), or
 * undefined when they cannot be ordered (different types, or not S/N/B).
 */
export function compareValues(a: AttributeValue, b: AttributeValue): number | undefined {
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('S' in a && 'S' in b) return Buffer.compare(Buffer.from(a.S, 'utf8'), Buffer.from(b.S, 'utf8'));
  if ('B' in a && 'B' in b) return Buffer.compare(Buffer.from(a.B, 'base64'), Buffer.from(b.B, 'base64'));
  return undefined;
}

/** Equality as DynamoDB compares values (sets unordered, numbers by value). */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N) === 0;
  return attributeValuesEqual(a, b);
}

/** The value at `path` in `item`, or undefined when any step is missing or of the wrong type. */
export function getPath(item: AttributeMap, path: DocumentPath): AttributeValue | undefined {
  let current: AttributeValue | undefined;
  path.elements.forEach((element, i) => {
    if (i === 0) {
      current = 'name' in element && Object.hasOwn(item, element.name) ? item[element.name] : undefined;
      return;
    }
    if (current === undefined) return;
    if ('name' in element)
      current = 'M' in current && Object.hasOwn(current.M, element.name) ? current.M[element.name] : undefined;
    else current = 'L' in current ? current.L[element.index] : undefined;
  });
  return current;
}

/** A deep copy of a value (stored items are never shared with callers or other versions). */
export function cloneValue<T extends AttributeValue | AttributeMap>(value: T): T {
  return structuredClone(value);
}

const INVALID_PATH = 'The document path provided in the update expression is invalid for update';

/** The container (map or list) holding the last element of `path`, creating nothing. */
function parentOf(item: AttributeMap, path: DocumentPath): AttributeMap | AttributeValue[] {
  if (path.elements.length === 1) return item;
  const parent = getPath(item, { elements: path.elements.slice(0, -1) });
  const last = path.elements[path.elements.length - 1] as { name: string } | { index: number };
  if (parent !== undefined && 'name' in last && 'M' in parent) return parent.M;
  if (parent !== undefined && 'index' in last && 'L' in parent) return parent.L;
  throw validation(INVALID_PATH);
}

/** Sets `path` in `item` (mutating it): a list index past the end appends, as DynamoDB does. */
export function setPath(item: AttributeMap, path: DocumentPath, value: AttributeValue): void {
  const container = parentOf(item, path);
  const last = path.elements[path.elements.length - 1] as { name: string } | { index: number };
  if (Array.isArray(container)) {
    const index = (last as { index: number }).index;
    if (index >= container.length) container.push(value);
    else container[index] = value;
  } else {
    Object.defineProperty(container, (last as { name: string }).name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/** Removes `path` from `item` (mutating it); a missing path is not an error. */
export function removePath(item: AttributeMap, path: DocumentPath): void {
  let container: AttributeMap | AttributeValue[];
  try {
    container = parentOf(item, path);
  } catch {
    return;
  }
  const last = path.elements[path.elements.length - 1] as { name: string } | { index: number };
  if (Array.isArray(container)) {
    const index = (last as { index: number }).index;
    if (index < container.length) container.splice(index, 1);
  } else {
    delete container[(last as { name: string }).name];
  }
}

/**
 * The part of `item` the paths name, nested as in the item (a projection, or the attributes an
 * update touched for UPDATED_OLD / UPDATED_NEW). List elements keep their order, compacted.
 */
export function projectPaths(item: AttributeMap, paths: readonly DocumentPath[]): AttributeMap {
  const out: AttributeMap = {};
  for (const path of paths) {
    const value = getPath(item, path);
    if (value === undefined) continue;
    let target: AttributeMap | AttributeValue[] = out;
    let source: AttributeMap | AttributeValue[] = item;
    path.elements.forEach((element, i) => {
      const key = 'name' in element ? element.name : element.index;
      const sourceValue = Array.isArray(source) ? source[key as number] : (source as AttributeMap)[key as string];
      if (sourceValue === undefined) return;
      const isLast = i === path.elements.length - 1;
      const existing: AttributeValue | undefined = Array.isArray(target)
        ? target[key as number]
        : Object.hasOwn(target, key as string)
          ? (target as AttributeMap)[key as string]
          : undefined;
      let next: AttributeValue;
      if (isLast) next = cloneValue(sourceValue);
      else if (existing !== undefined) next = existing;
      else next = 'M' in sourceValue ? { M: {} } : { L: [] };
      if (Array.isArray(target)) target[key as number] = next;
      else
        Object.defineProperty(target, key as string, {
          value: next,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      if (!isLast) {
        target = 'M' in next ? next.M : 'L' in next ? next.L : target;
        source = 'M' in sourceValue ? sourceValue.M : 'L' in sourceValue ? sourceValue.L : source;
      }
    });
  }
  // Sparse list slots (projected indexes) are compacted, as DynamoDB returns them.
  const compact = (value: AttributeValue): AttributeValue => {
    if ('L' in value) return { L: value.L.filter((v) => v !== undefined).map(compact) };
    if ('M' in value) {
      const m: AttributeMap = {};
      for (const [k, v] of Object.entries(value.M))
        Object.defineProperty(m, k, { value: compact(v), enumerable: true, writable: true, configurable: true });
      return { M: m };
    }
    return value;
  };
  const result: AttributeMap = {};
  for (const [k, v] of Object.entries(out))
    Object.defineProperty(result, k, { value: compact(v), enumerable: true, writable: true, configurable: true });
  return result;
}
