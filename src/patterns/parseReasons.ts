/**
 * AWS's reason texts for invalid event patterns, as its engine (aws/event-ruler) writes them,
 * typos and reused texts included: they are what AWS answers. The texts of the limits AWS does
 * not publish are this kit's own and say so.
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/JsonRuleCompiler.java
 */

/** Reason texts of the pattern compiler, keyed by the rule they enforce. */
export const REASONS = {
  notAnObject: 'Filter is not an object',
  notObjectOrArray: (key: string) => `"${key}" must be an object or an array`,
  emptyObject: 'Empty objects are not allowed',
  emptyArray: 'Empty arrays are not allowed',
  badMatchValue: 'Match value must be String, number, true, false, or null',
  noMatchName: 'Match expression name not found',
  unknownMatchType: (op: string) => `Unrecognized match type ${op}`,
  onlyOneKey: 'Only one key allowed in match expression',
  /** Also AWS's text for a second key next to `anything-but`. */
  tooManyElements: 'Too many elements in numeric expression',
  exactNotString: 'exact match pattern must be a string',
  /** Also AWS's text for a `cidr` value that is not a string. */
  prefixNotString: 'prefix match pattern must be a string',
  suffixNotString: 'suffix match pattern must be a string',
  eicNotString: 'equals-ignore-case match pattern must be a string',
  wildcardNotString: 'wildcard match pattern must be a string',
  prefixNameNotFound: 'Prefix expression name not found',
  suffixNameNotFound: 'Suffix expression name not found',
  unsupportedPrefix: (op: string) => `Unsupported prefix pattern: ${op}`,
  unsupportedSuffix: (op: string) => `Unsupported suffix pattern: ${op}`,
  numericNotArray: 'Value of numeric must be an array.',
  invalidNumericMember: (text: string) => `Invalid member in numeric match: ${text}`,
  unknownNumericOperator: (op: string) => `Unrecognized numeric range operator: ${op}`,
  /** `what` is `equals` for `=`, else the operator (`>=` …). */
  valueMustBeNumeric: (what: string) => `Value of ${what} must be numeric`,
  badRangeValue: (text: string) => `Bad value in numeric range: ${text}`,
  badRangeOperator: (op: string) => `Bad numeric range operator: ${op}`,
  tooManyTerms: 'Too many terms in numeric range expression',
  bottomNotBelowTop: 'Bottom must be less than top',
  cannotCompare: (text: string) => `Cannot compare number : ${text}`,
  existsNotBoolean: 'exists match pattern must be either true or false.',
  anythingButBadValue: 'Value of anything-but must be an array or single string/number value.',
  anythingButListMixed: 'Inside anything but list, either all values are number or string, mixed type is not supported',
  anythingButListBadType: 'Inside anything but list, start|null|boolean is not supported.',
  anythingButNameNotFound: 'Anything-But expression name not found',
  unsupportedAnythingBut: (op: string) => `Unsupported anything-but pattern: ${op}`,
  nullPrefixSuffix: 'Null prefix/suffix not allowed',
  prefixSuffixNotString: 'prefix/suffix match pattern must be a string',
  anythingButEicBadType: 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  /** The legacy compiler's wording of the same rule (what AWS answers, as the legacy error wins). */
  legacyAnythingButIgnoreCaseBadType:
    'Inside anything-but/ignore-case list, number|start|null|boolean is not supported.',
  orNotArray: 'It must be an Array followed with $or.',
  orNotObject: 'Only JSON object is allowed in array of $or relationship.',
  orTooFew: 'There must have at least 2 Objects in $or relationship.',
  reservedInOr: (name: string) => `${name} is Ruler reserved fieldName which cannot be used inside $or.`,
  /** AWS's engine text (README validation sample); the threshold AWS applies is not published. */
  tooComplex: 'Rule is too complex',
} as const;

/**
 * Reason texts for limits whose AWS wording is not published. These are this kit's own texts
 * (unverified against AWS); compare on the limit, not the words.
 */
export const UNVERIFIED_REASONS = {
  tooLong: (length: number, max: number) => `Event pattern is ${length} characters long; the maximum is ${max}`,
  tooManyCombinations: (max: number) => `The use of $or results in over ${max} rule combinations`,
  tooManyFields: (count: number, max: number) =>
    `Rule has ${count} fields in one $or combination; the maximum is ${max}`,
} as const;

/** Field names that may not appear inside a `$or` object (AWS reserves them for operators). */
export const RESERVED_IN_OR: ReadonlySet<string> = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);
