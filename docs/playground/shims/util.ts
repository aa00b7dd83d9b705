/** The part of `node:util` the kit uses, for the browser. */
export const types = {
  /** Whether `value` is an Error made by the platform (any realm's Error has this tag). */
  isNativeError(value: unknown): value is Error {
    return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
  },
};
