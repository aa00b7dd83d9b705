/**
 * The choices AWS leaves open (undocumented, or documented unlike what AWS delivers), each an
 * explicit option whose default follows the best evidence: observed beats documented beats
 * inferred. README.md has the table.
 */
import { boundedMemo } from '../_internals/memo.js';

/** How the oracle resolves what AWS does not pin down. Every field is optional. */
export interface RenderOptions {
  /**
   * Whether extracted string values are JSON-escaped where they land inside JSON.
   * `'none'`: inserted as they are, so a `"` or `\` in a value can break the JSON (documented:
   * "EventBridge doesn't escape values extracted by Input Path").
   * `'json'`: escaped as `JSON.stringify` would (what you may wish AWS did).
   * @defaultValue `'none'`
   */
  escape?: 'none' | 'json';
  /**
   * What a path that is not in the event renders as.
   * `'empty'`: `""` as a JSON value, nothing inside a string (observed for rules; assumed for Pipes).
   * `'omit'`: JSON-template members and elements whose whole value is a missing placeholder are
   * left out (a literal reading of the Pipes page's "won't appear in the output"); elsewhere as `'empty'`.
   * @defaultValue `'empty'`
   */
  missingPath?: 'empty' | 'omit';
  /**
   * What a path with `*` yields. `'array'`: every match in document order, as a JSON array, as
   * JSON-path engines return indefinite paths (inferred). `'first'`: the first match.
   * @defaultValue `'array'`
   */
  wildcard?: 'array' | 'first';
  /**
   * The outer quotes of Pipes string and free-text templates (rules always keep a string template's
   * quotes: observed). `'template'`: the output has quotes exactly where the template has them
   * (a bare `<$.body>` arrives unquoted: observed in CDK integration tests). `'always'`: free-text
   * output is wrapped in `"…"` as the Pipes page prints `"{key: value}"`. `'never'`: a Pipes
   * template's quoted lines lose their quotes, reading the page's YAML `"Hello, sender"` as text.
   * @defaultValue `'template'`
   */
  outerQuotes?: 'template' | 'always' | 'never';
  /**
   * An object or array whose placeholder sits inside a quoted JSON string of a JSON template.
   * `'drop'`: nothing is delivered (observed for rules). `'strip-quotes'`: inserted with its quotes
   * removed, as the Pipes page describes for strings.
   * @defaultValue `'drop'`
   */
  objectInJsonString?: 'drop' | 'strip-quotes';
  /**
   * How an object or array is written inside a string before its quotes are removed.
   * `'compact'`: `JSON.stringify` without spaces (observed: `{acc_id:0a787ecb-4015,sf_id:baz}`).
   * `'source'`: for a decoded body, its original text (the Pipes page's `{key: value}`).
   * @defaultValue `'compact'`
   */
  embeddedJson?: 'compact' | 'source';
  /**
   * Implicit body parsing: SQS `body`, Kinesis / Active MQ / Rabbit MQ `data`, Kafka
   * `key` / `value` are decoded when they hold JSON. Turn off for an enrichment's output.
   * @defaultValue `true`
   */
  implicitBodyParsing?: boolean;
}

/** {@link RenderOptions} with every default filled in. */
export type ResolvedRenderOptions = Required<RenderOptions>;

/** The defaults, with the evidence behind each (see README.md). */
export const DEFAULT_RENDER_OPTIONS: Readonly<ResolvedRenderOptions> = Object.freeze({
  escape: 'none',
  missingPath: 'empty',
  wildcard: 'array',
  outerQuotes: 'template',
  objectInJsonString: 'drop',
  embeddedJson: 'compact',
  implicitBodyParsing: true,
});

const CHOICES: { [K in keyof RenderOptions]-?: readonly unknown[] } = {
  escape: ['none', 'json'],
  missingPath: ['empty', 'omit'],
  wildcard: ['array', 'first'],
  outerQuotes: ['template', 'always', 'never'],
  objectInJsonString: ['drop', 'strip-quotes'],
  embeddedJson: ['compact', 'source'],
  implicitBodyParsing: [true, false],
};

const KEYS = Object.keys(CHOICES) as Array<keyof RenderOptions>;
// Every combination resolves to one shared frozen object, so a render that passes options
// allocates nothing (and a caller mutating its options object between renders is still honoured).
// The memo holds every combination (its limit is their count), so none is ever dropped; an entry
// is a function of its combination's number alone.
const interned = boundedMemo<number, Readonly<ResolvedRenderOptions>>(
  KEYS.reduce((count, key) => count * CHOICES[key].length, 1),
);

/** Fills in defaults; an unknown value throws a `TypeError` naming the option. */
export function resolveRenderOptions(api: string, options: RenderOptions | undefined): ResolvedRenderOptions {
  if (options === undefined) return DEFAULT_RENDER_OPTIONS;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(
      `${api}: options must be an object such as { missingPath: 'omit' }, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
    );
  }
  let id = 0;
  for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k]!;
    const allowed = CHOICES[key];
    const value = (options as Record<string, unknown>)[key];
    // Mixed radix: option k contributes its choice's index; an unset option means its default.
    const index = value === undefined ? allowed.indexOf(DEFAULT_RENDER_OPTIONS[key]) : allowed.indexOf(value);
    if (index < 0)
      throw new TypeError(
        `${api}: options.${key} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`,
      );
    id = id * allowed.length + index;
  }
  return interned.get(id, () => {
    const out = { ...DEFAULT_RENDER_OPTIONS };
    for (const key of KEYS) {
      const value = (options as Record<string, unknown>)[key];
      if (value !== undefined) (out as Record<string, unknown>)[key] = value;
    }
    return Object.freeze(out);
  });
}
