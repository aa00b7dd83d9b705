/**
 * Unknown option keys: `{ keyy: 'a.jpg' }` from JavaScript (or through `as any`) would otherwise be
 * ignored silently; TypeScript would have refused it, so the factories refuse it too, naming the
 * nearest option.
 */
import type { CommonOptions } from './options.js';
import { fail } from './errors.js';
import { nearest } from './suggest.js';

/**
 * Every key of `T`, optional ones included, mapped to `true`. Writing a factory's runtime key list
 * as this type makes the compiler fail when the options interface gains a key the list lacks
 * (a missing property) or when the list names a key the interface does not have (an excess one).
 */
export type OptionKeyList<T> = { readonly [K in keyof T]-?: true };

/** The set of a factory's option keys, from a list the compiler checks against `T` (see {@link OptionKeyList}). */
export function optionKeys<T>(keys: OptionKeyList<T>): ReadonlySet<string> {
  return new Set(Object.keys(keys));
}

/** The keys of {@link CommonOptions}, for spreading into a factory's list. */
export const COMMON_OPTION_KEYS = {
  region: true,
  account: true,
  partition: true,
  seed: true,
  time: true,
  overrides: true,
} as const satisfies OptionKeyList<CommonOptions<unknown>>;

/**
 * Throws an EventInputError for the first own key of `options` that is not in `known`:
 * `makeS3PutEvent: options.keyy is not an option; did you mean "key"?`. A key whose value is
 * `undefined` counts too: it is still a misspelt option. Anything but a plain object is left to
 * the factory's own "must be an object" check.
 */
export function assertKnownOptions(
  api: string,
  options: unknown,
  known: ReadonlySet<string>,
  argument = 'options',
): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return;
  for (const key of Object.keys(options)) {
    if (known.has(key)) continue;
    const close = nearest(key, [...known], 1);
    const hint =
      close.length > 0 ? `did you mean ${JSON.stringify(close[0])}?` : `the options are ${[...known].join(', ')}`;
    fail(api, `${argument}.${key}`, `is not an option; ${hint}`);
  }
}
