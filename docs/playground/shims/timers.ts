/** The part of `node:timers` the kit uses, for the browser: a macrotask after pending work. */
export function setImmediate(callback: () => void): void {
  setTimeout(callback, 0);
}
