/**
 * SNS subscription filter policies: the event-pattern language with SNS's differences. A policy
 * applies to the message attributes (the default scope, flat policies only) or to the message body
 * (a JSON object, nesting allowed). Validation gives SNS's `InvalidParameter` texts and limits.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
 * @see https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
 */
import { utf8Length } from '../_internals/limits.js';
import { isPlainObject } from '../_internals/objects.js';
import type { PatternAst, ValueMatcher } from './ast.js';
import { compiledFromAst, type CompiledEventPattern } from './compile.js';
import { EventPatternError, EventPatternInputError } from './errors.js';
import {
  isNumberLiteral,
  JsonTextError,
  parseJsonText,
  stringifyLossless,
  toLossless,
  type LosslessJson,
} from './json.js';
import { compileCondition, matcherAccepts } from './match.js';
import { parseEventPattern } from './parse.js';
import { snsAttributeValues, type FlatLeafValue } from './snsAttributes.js';
import {
  nestedInAttributesError,
  policyError,
  scopeError,
  SNS_POLICY_REASONS,
  type FilterPolicyApi,
} from './snsErrors.js';

export { FilterPolicyError, type FilterPolicyApi } from './snsErrors.js';
export type { SnsFilterMessage, SnsMessageAttribute } from './snsAttributes.js';

/** What a filter policy applies to (the subscription attribute `FilterPolicyScope`). */
export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

/** SNS's limit on the keys of a policy (top-level keys; `$or` counts as one). */
export const SNS_POLICY_MAX_KEYS = 5;
/** SNS's limit on a policy's value combinations. */
export const SNS_POLICY_MAX_COMBINATIONS = 150;
/** SNS's limit on a policy's size: 256 KB, counted in UTF-8 bytes. */
export const SNS_POLICY_MAX_BYTES = 256 * 1024;

/** Options of the filter-policy functions. */
export interface FilterPolicyOptions {
  /**
   * What the policy filters.
   * @defaultValue `'MessageAttributes'`
   */
  scope?: FilterPolicyScope;
  /**
   * Whose wording errors take: `SetSubscriptionAttributes` (`Invalid parameter: FilterPolicy: …`)
   * or `Subscribe` (`Invalid parameter: Attributes Reason: FilterPolicy: …`).
   * @defaultValue `'SetSubscriptionAttributes'`
   */
  api?: FilterPolicyApi;
  /**
   * How `anything-but` reads a `String.Array` (or `Number.Array`) attribute: `'any-element'`
   * matches when some element is not excluded (AWS's engine, and SNS's 2022 documentation example
   * `["rugby", "baseball"]` against `anything-but ["rugby", "tennis"]`); `'no-element'` matches only
   * when no element is excluded (the current SNS page: "it matches if none of the array elements are
   * listed in the policy property"). AWS has not been observed here.
   * @defaultValue `'any-element'`
   */
  stringArrayAnythingBut?: 'any-element' | 'no-element';
  /**
   * Which operators the policy may use: `'sns'` rejects what SNS rejects (`anything-but` with
   * `suffix`, `equals-ignore-case` or `wildcard`: `Unsupported anything-but pattern: <op>`;
   * `wildcard` and `exactly`: `Unrecognized match type <op>`); `'eventbridge'` accepts the whole
   * event-pattern language.
   * @defaultValue `'sns'`
   */
  operators?: 'sns' | 'eventbridge';
}

/** What {@link validateFilterPolicy} reports about a valid policy. */
export interface FilterPolicyInfo {
  /** Whether there is a policy at all (`""` and `{}` remove the policy: every message passes). */
  readonly active: boolean;
  /** Top-level keys, counted against the limit of 5. */
  readonly keys: number;
  /** Value combinations as SNS counts them, against the limit of 150. */
  readonly combinations: number;
}

/** A validated policy, ready to match messages. */
export interface CompiledFilterPolicy extends FilterPolicyInfo {
  readonly scope: FilterPolicyScope;
  /** The pattern behind the policy (absent when the policy is empty). */
  readonly pattern?: CompiledEventPattern;
  /** Whether SNS delivers `message` to the subscription. */
  matches(message: unknown): boolean;
}

// SNS answers with its compiler's reason for these, as EventBridge does, but rejects operators
// SNS's compiler lacks (recorded: `{"anything-but": {"suffix": "test"}}` → `Unsupported anything-but pattern: suffix`).
const SNS_UNSUPPORTED: Partial<Record<ValueMatcher['kind'], string>> = {
  'anything-but-suffix': 'Unsupported anything-but pattern: suffix',
  'anything-but-ignore-case': 'Unsupported anything-but pattern: equals-ignore-case',
  'anything-but-wildcard': 'Unsupported anything-but pattern: wildcard',
  wildcard: 'Unrecognized match type wildcard',
  exactly: 'Unrecognized match type exactly',
};

// SNS's compiler words some reasons as the engine's earlier releases did; it has anything-but
// prefix only (recorded: `{"anything-but": {"prefix": false}}` → `prefix match pattern must be a string`).
const SNS_REASON_WORDING: Readonly<Record<string, string>> = {
  'prefix/suffix match pattern must be a string': 'prefix match pattern must be a string',
};

// A policy's `$or` cross product is bounded by the combination limit; this only keeps expansion finite.
const MAX_OR_EXPANSION = 100_000;

interface Checked {
  readonly api: FilterPolicyApi;
  readonly scope: FilterPolicyScope;
  readonly anyElement: boolean;
  readonly snsOperators: boolean;
}

function checkOptions(fn: string, options: unknown): Checked {
  if (options === undefined)
    return { api: 'SetSubscriptionAttributes', scope: 'MessageAttributes', anyElement: true, snsOperators: true };
  if (!isPlainObject(options))
    throw new TypeError(
      `${fn}: options must be an object such as { scope: 'MessageBody' }, got ${options === null ? 'null' : typeof options}`,
    );
  const api = options.api ?? 'SetSubscriptionAttributes';
  if (api !== 'SetSubscriptionAttributes' && api !== 'Subscribe')
    throw new TypeError(`${fn}: options.api must be 'SetSubscriptionAttributes' or 'Subscribe', got ${String(api)}`);
  const scope = options.scope ?? 'MessageAttributes';
  if (scope !== 'MessageAttributes' && scope !== 'MessageBody') throw scopeError(api, String(scope));
  const element = options.stringArrayAnythingBut ?? 'any-element';
  if (element !== 'any-element' && element !== 'no-element')
    throw new TypeError(
      `${fn}: options.stringArrayAnythingBut must be 'any-element' or 'no-element', got ${String(element)}`,
    );
  const operators = options.operators ?? 'sns';
  if (operators !== 'sns' && operators !== 'eventbridge')
    throw new TypeError(`${fn}: options.operators must be 'sns' or 'eventbridge', got ${String(operators)}`);
  return { api, scope, anyElement: element === 'any-element', snsOperators: operators === 'sns' };
}

/** The policy as JSON text and lossless value, or undefined for "no policy". */
function readPolicy(
  fn: string,
  policy: unknown,
  api: FilterPolicyApi,
): { text: string; json: LosslessJson } | undefined {
  if (typeof policy === 'string') {
    if (policy.trim() === '') return undefined;
    if (utf8Length(policy) > SNS_POLICY_MAX_BYTES) throw policyError(api, SNS_POLICY_REASONS.tooLarge);
    let json: LosslessJson;
    try {
      json = parseJsonText(policy, 'FilterPolicy');
    } catch (error) {
      if (error instanceof JsonTextError) throw policyError(api, SNS_POLICY_REASONS.invalidJson, error);
      throw error;
    }
    return { text: policy, json };
  }
  if (policy === null || typeof policy !== 'object') {
    throw new EventPatternInputError(
      fn,
      `policy must be a JSON object or its JSON text, got ${policy === null ? 'null' : typeof policy}`,
    );
  }
  const json = toLossless(policy, `${fn}: policy`);
  const text = stringifyLossless(json);
  if (utf8Length(text) > SNS_POLICY_MAX_BYTES) throw policyError(api, SNS_POLICY_REASONS.tooLarge);
  return { text, json };
}

/**
 * SNS's combination count: over the `$or` alternatives, the sum of the products, over each
 * field, of its number of values times its nesting depth (a top-level key is depth 1). The SNS
 * documentation's nested example gives 3 × 4 × 2 × 3 = 72 for 4 values at depth 3 and 3 at depth 2.
 */
export function filterPolicyCombinations(ast: PatternAst): number {
  let total = 0;
  for (const branch of ast.branches) {
    let product = 1;
    for (const condition of branch.conditions)
      product *= condition.matchers.length * Math.max(1, condition.keys.length);
    total += product;
  }
  return total;
}

function validate(fn: string, policy: unknown, o: Checked): { ast?: PatternAst; info: FilterPolicyInfo } {
  const read = readPolicy(fn, policy, o.api);
  if (read === undefined) return { info: { active: false, keys: 0, combinations: 0 } };
  const { text, json } = read;
  const isObject = json !== null && typeof json === 'object' && !Array.isArray(json) && !isNumberLiteral(json);
  const keys = isObject ? Object.keys(json).length : 0;
  if (isObject && keys === 0) return { info: { active: false, keys: 0, combinations: 0 } };
  if (keys > SNS_POLICY_MAX_KEYS) throw policyError(o.api, SNS_POLICY_REASONS.tooManyKeys);
  let ast: PatternAst;
  try {
    ast = parseEventPattern(text, { maxLength: Number.POSITIVE_INFINITY, maxOrCombinations: MAX_OR_EXPANSION });
  } catch (error) {
    if (error instanceof EventPatternError) {
      // The only location-less rejections with unlimited length are the `$or` expansion limit.
      if (error.location === undefined && /\$or|combination/i.test(error.reason))
        throw policyError(o.api, SNS_POLICY_REASONS.tooComplex, error);
      throw policyError(o.api, SNS_REASON_WORDING[error.reason] ?? error.reason, error);
    }
    throw error;
  }
  if (o.snsOperators) {
    for (const branch of ast.branches) {
      for (const condition of branch.conditions) {
        for (const matcher of condition.matchers) {
          const reason = SNS_UNSUPPORTED[matcher.kind];
          if (reason !== undefined) throw policyError(o.api, reason);
        }
      }
    }
  }
  if (o.scope === 'MessageAttributes' && ast.branches.some((b) => b.conditions.some((c) => c.keys.length > 1)))
    throw nestedInAttributesError(o.api);
  const combinations = filterPolicyCombinations(ast);
  if (combinations > SNS_POLICY_MAX_COMBINATIONS) throw policyError(o.api, SNS_POLICY_REASONS.tooComplex);
  return { ast, info: { active: true, keys, combinations } };
}

/**
 * Validates a filter policy (a JSON object or its text) as SNS's `SetSubscriptionAttributes` /
 * `Subscribe` do, and reports its key and combination counts.
 * @throws FilterPolicyError with SNS's `Invalid parameter: …` message.
 */
export function validateFilterPolicy(policy: string | object, options?: FilterPolicyOptions): FilterPolicyInfo {
  return validate('validateFilterPolicy', policy, checkOptions('validateFilterPolicy', options)).info;
}

function messageParts(fn: string, message: unknown): { attributes: unknown; body: unknown } {
  if (!isPlainObject(message))
    throw new EventPatternInputError(
      fn,
      `message must be an object { MessageAttributes?, Message? } (a PublishCommand input or a Lambda SNS record's Sns), got ${message === null ? 'null' : Array.isArray(message) ? 'an array' : typeof message}`,
    );
  // A whole Lambda SNS record: { EventSource: 'aws:sns', Sns: { Message, MessageAttributes } }.
  const m =
    isPlainObject(message.Sns) && message.MessageAttributes === undefined && message.Message === undefined
      ? message.Sns
      : message;
  return { attributes: m.MessageAttributes, body: m.Message };
}

function attributesMatch(
  ast: PatternAst,
  values: ReadonlyMap<string, { values: readonly FlatLeafValue[]; array: boolean }>,
  anyElement: boolean,
): boolean {
  return ast.branches.some((branch) =>
    branch.conditions.every((condition) => {
      const attribute = values.get(condition.path);
      const leaves = attribute?.values ?? [];
      if (leaves.length === 0) return condition.matchers.some((m) => m.kind === 'exists' && !m.value);
      if (anyElement || !attribute!.array) return leaves.some(compileCondition(condition).accepts);
      return condition.matchers.some((m) =>
        m.kind.startsWith('anything-but')
          ? leaves.every((v) => matcherAccepts(m, v))
          : leaves.some((v) => matcherAccepts(m, v)),
      );
    }),
  );
}

/**
 * Validates a policy once for matching many messages.
 * @throws FilterPolicyError with SNS's message for a policy SNS rejects.
 */
export function compileFilterPolicy(policy: string | object, options?: FilterPolicyOptions): CompiledFilterPolicy {
  const fn = 'compileFilterPolicy';
  const o = checkOptions(fn, options);
  const { ast, info } = validate(fn, policy, o);
  const pattern = ast === undefined ? undefined : compiledFromAst(ast);
  return {
    ...info,
    scope: o.scope,
    ...(pattern === undefined ? {} : { pattern }),
    matches(message: unknown): boolean {
      const { attributes, body } = messageParts('matchesFilterPolicy', message);
      if (o.scope === 'MessageAttributes') {
        const values = snsAttributeValues('matchesFilterPolicy', attributes);
        return ast === undefined ? true : attributesMatch(ast, values, o.anyElement);
      }
      if (body !== undefined && body !== null && typeof body !== 'string') {
        throw new EventPatternInputError(
          'matchesFilterPolicy',
          `message.Message must be the message text (a string; JSON.stringify an object), got ${Array.isArray(body) ? 'an array' : typeof body}`,
        );
      }
      if (ast === undefined) return true;
      // A body policy needs a JSON object body; anything else matches no policy.
      if (typeof body !== 'string' || !/^[ \t\n\r]*\{/.test(body)) return false;
      try {
        return pattern!.matches(body);
      } catch (error) {
        if (error instanceof EventPatternInputError) return false;
        throw error;
      }
    },
  };
}

// Policies are usually constants: keep the last compiled ones by text and options.
const recent = new Map<string, CompiledFilterPolicy>();

/**
 * Whether SNS delivers `message` to a subscription with this filter policy. `message` is a
 * `PublishCommand` input (`MessageAttributes: { name: { DataType, StringValue | BinaryValue } }`,
 * `Message`), a Lambda SNS record's `Sns` (`{ Type, Value }` attributes) or the whole record.
 * Attribute types: `String`; `Number` (compared by value); `String.Array` (JSON array text, any
 * element may match); `Binary` (ignored, as if absent). A message without the policy's attribute
 * matches only `{"exists": false}`.
 * @throws FilterPolicyError for a policy SNS rejects.
 * @example matchesFilterPolicy({ store: ['example_corp'] }, { MessageAttributes: { store: { DataType: 'String', StringValue: 'example_corp' } } }) === true
 */
export function matchesFilterPolicy(policy: string | object, message: unknown, options?: FilterPolicyOptions): boolean {
  if (typeof policy !== 'string') return compileFilterPolicy(policy, options).matches(message);
  const key = `${JSON.stringify(options ?? {})}\u0000${policy}`;
  let compiled = recent.get(key);
  if (compiled === undefined) {
    compiled = compileFilterPolicy(policy, options);
    if (recent.size >= 64) recent.delete(recent.keys().next().value!);
    recent.set(key, compiled);
  }
  return compiled.matches(message);
}
