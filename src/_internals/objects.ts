/** Plain-object helpers shared by the override rule, the JSON checks and the codecs. */

/** Whether `value` is a plain object (`{}` literal, `JSON.parse` output, or `Object.create(null)`): not an array, class instance, Map, Date … */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Sets an own, enumerable data property, also for the key `__proto__`, where assignment would call
 * Object.prototype's setter and change the prototype instead. Every other key of a plain object
 * is a data property, so assignment creates the same own property, several times faster.
 */
export function setOwn(target: object, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}
