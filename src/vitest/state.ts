/**
 * The part of vitest's matcher `this` the kit's matchers use, declared structurally so that the
 * matchers' types do not depend on one vitest version.
 */
export interface MatcherContext {
  readonly isNot: boolean;
  equals(a: unknown, b: unknown): boolean;
  readonly utils: {
    printReceived(value: unknown): string;
    printExpected(value: unknown): string;
    diff(expected: unknown, received: unknown): string | null | undefined;
    matcherHint(name: string, received?: string, expected?: string, options?: { isNot?: boolean }): string;
  };
}

/** What a matcher returns. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/** Thrown for a matcher's misuse (a wrong argument or received value), naming the matcher. */
export function misuse(matcher: string, text: string): never {
  throw new TypeError(`${matcher}: ${text}`);
}
