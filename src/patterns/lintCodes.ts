/**
 * Every event-pattern lint code with one line on the pitfall (docs/guide/patterns.md, "Linting patterns", has a
 * wrong and a right example for each).
 */
export const PATTERN_LINT_CODES = Object.freeze({
  'invalid-pattern': 'AWS rejects the pattern (the message is AWS’s).',
  'pattern-too-long': 'Over 4,096 characters: PutRule, TestEventPattern and Lambda/Pipes filters reject it.',
  'never-matches':
    'A part of the pattern that no event can satisfy: an empty numeric range, a field that must be both a value and an object, conditions AWS would have to AND on one field.',
  'overridden-field':
    'The same field written twice in one object (dotted and nested keys, or a field repeated in a $or branch): AWS keeps only the last.',
  'envelope-near-miss':
    'A top-level field that is almost an envelope field (detailType, Source, account-id …): it never exists, so the pattern never matches.',
  'unknown-field': 'With a source: a top-level field that no record of that source has.',
  'type-mismatch': 'With a source: a string pattern on a number field or the reverse (DynamoDB N values are strings).',
  'empty-prefix':
    'prefix "" (or suffix "") matches every string: the condition only checks that the field is a string.',
  'or-as-field-name':
    '$or that AWS reads as a plain field name (not an array of two or more objects, or a reserved name inside).',
  'metadata-field':
    'Lambda/Pipes filters: a field the poller adds after filtering (eventSource, eventSourceARN, awsRegion …): the pattern never sees it.',
  'body-not-json':
    'Lambda/Pipes filters: a pattern on body/data fields of records whose data is not JSON, or a plain-value pattern on Kinesis/DynamoDB data.',
  'too-many-filters': 'Lambda/Pipes filters: more filters than the quota (5 by default, 10 at most).',
  'unsupported-operator':
    'An operator the surface does not support or document (Pipes: anything-but with prefix, suffix, equals-ignore-case or wildcard).',
} as const);

/** An event-pattern lint code. */
export type PatternLintCode = keyof typeof PATTERN_LINT_CODES;
