/**
 * SNS subscription filter-policy cases, from the examples of AWS's SNS developer guide. Attributes
 * are in the Lambda SNS event's `{ Type, Value }` form; body-scope cases give the message body as
 * an object (the tests send its JSON text).
 */

/** One filter-policy case. */
export interface SnsPolicyCase {
  readonly id: string;
  /** Where the case comes from. */
  readonly source: string;
  readonly policy: Record<string, unknown>;
  readonly scope: 'MessageAttributes' | 'MessageBody';
  readonly attributes?: Record<string, { Type: string; Value: string }>;
  readonly message?: Record<string, unknown>;
  /** The verdict, or the reason SNS gives after `Invalid parameter: FilterPolicy: `. */
  readonly expected: boolean | { readonly error: string };
  readonly notes?: string;
}

export const SNS_POLICY_CASES: readonly SnsPolicyCase[] = [
  {
    id: 'sns-exact-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: ['rugby', 'tennis'] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String', Value: 'rugby' } },
    expected: true,
  },
  {
    id: 'sns-exact-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: ['rugby', 'tennis'] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String', Value: 'baseball' } },
    expected: false,
  },
  {
    id: 'sns-exact-body',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: ['rugby', 'tennis'] },
    scope: 'MessageBody',
    message: { customer_interests: 'tennis' },
    expected: true,
  },
  {
    id: 'sns-prefix-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: [{ prefix: 'bas' }] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String', Value: 'basketball' } },
    expected: true,
  },
  {
    id: 'sns-prefix-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: [{ prefix: 'bas' }] },
    scope: 'MessageBody',
    message: { customer_interests: 'rugby' },
    expected: false,
  },
  {
    id: 'sns-ab-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String.Array', Value: '["rugby", "baseball"]' } },
    expected: true,
    notes: 'String.Array: any element not excluded suffices',
  },
  {
    id: 'sns-ab-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] },
    scope: 'MessageBody',
    message: { customer_interests: ['rugby'] },
    expected: false,
  },
  {
    id: 'sns-ab-3',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String', Value: 'rugby' } },
    expected: false,
  },
  {
    id: 'sns-ab-prefix-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { event: [{ 'anything-but': { prefix: 'order-' } }] },
    scope: 'MessageAttributes',
    attributes: { event: { Type: 'String', Value: 'order_number' } },
    expected: true,
  },
  {
    id: 'sns-ab-prefix-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { event: [{ 'anything-but': { prefix: 'order-' } }] },
    scope: 'MessageBody',
    message: { event: 'order-cancelled' },
    expected: false,
  },
  {
    id: 'sns-cidr-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { source_ip: [{ cidr: '10.0.0.0/24' }] },
    scope: 'MessageAttributes',
    attributes: { source_ip: { Type: 'String', Value: '10.0.0.255' } },
    expected: true,
  },
  {
    id: 'sns-cidr-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html',
    policy: { source_ip: [{ cidr: '10.0.0.0/24' }] },
    scope: 'MessageBody',
    message: { source_ip: '10.1.1.0' },
    expected: false,
  },
  {
    id: 'sns-num-eq-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html',
    policy: { price_usd: [{ numeric: ['=', 301.5] }] },
    scope: 'MessageAttributes',
    attributes: { price_usd: { Type: 'Number', Value: '3.015e2' } },
    expected: true,
  },
  {
    id: 'sns-num-eq-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html',
    policy: { price_usd: [{ numeric: ['=', 301.5] }] },
    scope: 'MessageBody',
    message: { price_usd: 301.5 },
    expected: true,
  },
  {
    id: 'sns-num-ab-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html',
    policy: { price: [{ 'anything-but': [100, 500] }] },
    scope: 'MessageAttributes',
    attributes: { price: { Type: 'Number', Value: '100.1' } },
    expected: true,
  },
  {
    id: 'sns-num-ab-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html',
    policy: { price: [{ 'anything-but': [100, 500] }] },
    scope: 'MessageAttributes',
    attributes: { price: { Type: 'Number.Array', Value: '[100, 50]' } },
    expected: true,
    notes: 'Number.Array type as shown in the doc',
  },
  {
    id: 'sns-num-ab-3',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html',
    policy: { price: [{ 'anything-but': [100, 500] }] },
    scope: 'MessageBody',
    message: { price: 100 },
    expected: false,
  },
  {
    id: 'sns-num-range-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html',
    policy: { price_usd: [{ numeric: ['>', 0, '<=', 150] }] },
    scope: 'MessageBody',
    message: { price_usd: 150 },
    expected: true,
  },
  {
    id: 'sns-num-range-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html',
    policy: { price_usd: [{ numeric: ['<', 0] }] },
    scope: 'MessageAttributes',
    attributes: { price_usd: { Type: 'Number', Value: '5' } },
    expected: false,
  },
  {
    id: 'sns-exists-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html',
    policy: { store: [{ exists: true }] },
    scope: 'MessageAttributes',
    attributes: { store: { Type: 'String', Value: 'fans' }, customer_interests: { Type: 'String.Array', Value: '["baseball", "basketball"]' } },
    expected: true,
  },
  {
    id: 'sns-exists-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html',
    policy: { store: [{ exists: true }] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String.Array', Value: '["baseball", "basketball"]' } },
    expected: false,
  },
  {
    id: 'sns-exists-3',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html',
    policy: { store: [{ exists: false }] },
    scope: 'MessageBody',
    message: { customer_interests: ['baseball', 'basketball'] },
    expected: true,
  },
  {
    id: 'sns-exists-4',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html',
    policy: { store: [{ exists: false }] },
    scope: 'MessageAttributes',
    attributes: { store: { Type: 'String', Value: 'fans' } },
    expected: false,
  },
  {
    id: 'sns-and-1',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/and-or-logic.html',
    policy: { customer_interests: ['rugby'], price_usd: [{ numeric: ['>', 100] }] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String', Value: 'rugby' }, price_usd: { Type: 'Number', Value: '101' } },
    expected: true,
  },
  {
    id: 'sns-and-2',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/and-or-logic.html',
    policy: { customer_interests: ['rugby'], price_usd: [{ numeric: ['>', 100] }] },
    scope: 'MessageAttributes',
    attributes: { customer_interests: { Type: 'String', Value: 'rugby' }, price_usd: { Type: 'Number', Value: '100' } },
    expected: false,
  },
  {
    id: 'sns-binary-ignored',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html',
    policy: { k: [{ exists: true }] },
    scope: 'MessageAttributes',
    attributes: { k: { Type: 'Binary', Value: 'AAEC' } },
    expected: false,
    notes: 'inferred: Binary attributes are ignored, so the key counts as absent',
  },
  {
    id: 'sns-no-attrs',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/example-filter-policies.html',
    policy: { customer_interests: ['rugby'] },
    scope: 'MessageAttributes',
    attributes: {},
    expected: false,
    notes: 'message without the attribute is rejected (a policy property not matched rejects the message)',
  },
  {
    id: 'sns-ex-policy',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/example-filter-policies.html',
    policy: { store: ['example_corp'], event: [{ 'anything-but': 'order_cancelled' }], customer_interests: ['rugby', 'football', 'baseball'], price_usd: [{ numeric: ['>=', 100] }] },
    scope: 'MessageAttributes',
    attributes: { store: { Type: 'String', Value: 'example_corp' }, event: { Type: 'String', Value: 'order_placed' }, customer_interests: { Type: 'String.Array', Value: '["soccer", "rugby", "hockey"]' }, price_usd: { Type: 'Number', Value: '210.75' } },
    expected: true,
  },
  {
    id: 'sns-ex-policy-body',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/example-filter-policies.html',
    policy: { store: ['example_corp'], event: [{ 'anything-but': 'order_cancelled' }], customer_interests: ['rugby', 'football', 'baseball'], price_usd: [{ numeric: ['>=', 100] }] },
    scope: 'MessageBody',
    message: { store: 'example_corp', event: 'order_placed', customer_interests: ['soccer', 'rugby', 'hockey'], price_usd: 210.75 },
    expected: true,
  },
  {
    id: 'sns-ex-mismatch',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/example-filter-policies.html',
    policy: { store: ['example_corp'], encrypted: [false] },
    scope: 'MessageAttributes',
    attributes: { store: { Type: 'String', Value: 'example_corp' } },
    expected: false,
    notes: 'encrypted absent -> rejected',
  },
  {
    id: 'sns-err-keys',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html',
    policy: { a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] },
    scope: 'MessageAttributes',
    attributes: {},
    expected: { error: 'Filter policy can not have more than 5 keys' },
    notes: 'Full AWS text observed: \'Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys\' (github ministryofjustice/cloud-platform-environments PR #30296 title)',
  },
  {
    id: 'sns-err-empty-array',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html',
    policy: { Amount: [] },
    scope: 'MessageAttributes',
    attributes: {},
    expected: { error: 'Empty arrays are not allowed' },
    notes: 'Observed full text: \'Invalid parameter: FilterPolicy: Empty arrays are not allowed\\nat [Source: (String)"{"Amount":[]}"; line: 1, column: 41]\' (aws/aws-cdk issue #16549)',
  },
];

const LOCALSTACK = 'localstack/localstack tests/aws/services/sns/test_sns_filter_policy.py @8b9a79f (AWS-validated snapshots)';

/**
 * Policies SNS rejected, with SNS's message as recorded against AWS (the JSON parser's location
 * suffix removed). `api` is the call that carried the policy.
 */
export interface SnsPolicyErrorCase {
  readonly id: string;
  readonly policy: Record<string, unknown>;
  readonly scope: 'MessageAttributes' | 'MessageBody';
  readonly api: 'Subscribe' | 'SetSubscriptionAttributes';
  readonly message: string;
}

/** Source of every {@link SNS_POLICY_ERROR_CASES} entry. */
export const SNS_POLICY_ERROR_SOURCE = LOCALSTACK;

export const SNS_POLICY_ERROR_CASES: readonly SnsPolicyErrorCase[] = [
  { id: 'ls-error-condition-list', policy: { key: [['value']] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Match value must be String, number, true, false, or null' },
  { id: 'ls-error-condition-operator', policy: { key: [{ 'wrong-operator': true }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unrecognized match type wrong-operator' },
  { id: 'ls-error-condition-two-operators', policy: { key: [{ suffix: 'value', prefix: 'value2' }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Only one key allowed in match expression' },
  { id: 'ls-error-condition-empty-array', policy: { key: [] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed' },
  { id: 'ls-error-condition-is-numeric', policy: { key: [{ suffix: 100 }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string' },
  { id: 'ls-error-condition-is-none', policy: { key: [{ suffix: null }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string' },
  { id: 'ls-error-condition-is-not-list-and-operator', policy: { key: { suffix: 'value' } }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: "suffix" must be an object or an array' },
  { id: 'ls-error-condition-empty-list', policy: { key: [{ suffix: [] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string' },
  { id: 'ls-error-condition-list-wrong-type', policy: { key: [{ suffix: ['test', 'test2'] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string' },
  { id: 'ls-error-condition-is-not-list-two-ops', policy: { key: { suffix: 'value', prefix: 'value' } }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: "suffix" must be an object or an array' },
  { id: 'ls-error-condition-is-not-list-and-no-operator', policy: { key: { 'not-an-operator': 'value' } }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: "not-an-operator" must be an object or an array' },
  { id: 'ls-error-condition-bad-type', policy: { key: [{ cidr: ['bad-filter'] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: prefix match pattern must be a string' },
  { id: 'ls-error-condition-bad-cidr-str', policy: { key: [{ cidr: 'bad-filter' }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Malformed CIDR, one \'/\' required' },
  { id: 'ls-error-condition-bad-cidr-str-slash', policy: { key: [{ cidr: 'bad-filter/64' }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Nonstandard IP address: bad-filter' },
  { id: 'ls-error-condition-bad-cidr-str-slash-2', policy: { key: [{ cidr: 'bad-/64filter' }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Malformed CIDR, mask bits must be an integer' },
  { id: 'ls-error-condition-bad-cidr-v4', policy: { key: [{ cidr: 'xx.11.xx/8' }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Nonstandard IP address: xx.11.xx' },
  { id: 'ls-error-condition-bad-cidr-v6', policy: { key: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Nonstandard IP address: xxxx:db8:1234:1a00::' },
  { id: 'ls-error-numeric-empty', policy: { key: [{ numeric: [] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Invalid member in numeric match: ]' },
  { id: 'ls-error-numeric-wrong-operator', policy: { key: [{ numeric: ['operator'] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unrecognized numeric range operator: operator' },
  { id: 'ls-error-numeric-operator-order', policy: { key: [{ numeric: [1, '<='] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Invalid member in numeric match: 1' },
  { id: 'ls-error-numeric-type', policy: { key: [{ numeric: ['=', '000'] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of equals must be numeric' },
  { id: 'ls-error-numeric-missing-value', policy: { key: [{ numeric: ['>='] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of >= must be numeric' },
  { id: 'ls-error-numeric-wrong-range-order', policy: { key: [{ numeric: ['<', 100, '>', 10] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Too many elements in numeric expression' },
  { id: 'ls-error-numeric-wrong-range-operators', policy: { key: [{ numeric: ['>=', 1, '>', 2] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bad numeric range operator: >' },
  { id: 'ls-error-numeric-wrong-value-order', policy: { key: [{ numeric: ['>', 3, '<', 1] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bottom must be less than top' },
  { id: 'ls-error-numeric-missing-range-value', policy: { key: [{ numeric: ['>', 20, '<='] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of <= must be numeric' },
  { id: 'ls-error-numeric-missing-range-operator', policy: { key: [{ numeric: ['>', 20, 30] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bad value in numeric range: 30' },
  { id: 'ls-error-numeric-wrong-second-range-operator', policy: { key: [{ numeric: ['>', 20, 'test'] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bad numeric range operator: test' },
  { id: 'ls-error-numeric-wrong-range-value-1-type', policy: { key: [{ numeric: ['>', '20', '<', '30'] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of > must be numeric' },
  { id: 'ls-error-numeric-wrong-range-value-2-type', policy: { key: [{ numeric: ['>', 20, '<', '30'] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of < must be numeric' },
  { id: 'ls-error-numeric-too-many-range', policy: { key: [{ numeric: ['>', 20, '<', 30, '<', 50] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Too many terms in numeric range expression' },
  { id: 'ls-error-condition-none', policy: { key: [{ exists: null }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: exists match pattern must be either true or false.' },
  { id: 'ls-error-condition-string', policy: { key: [{ exists: 'no' }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: exists match pattern must be either true or false.' },
  { id: 'ls-error-condition-wrong-operator', policy: { key: [{ 'anything-but': { 'wrong-operator': null } }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: wrong-operator' },
  { id: 'ls-error-condition-anything-but-suffix', policy: { key: [{ 'anything-but': { suffix: 'test' } }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: suffix' },
  { id: 'ls-error-condition-anything-but-exists', policy: { key: [{ 'anything-but': { exists: false } }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: exists' },
  { id: 'ls-error-condition-anything-but-prefix-wrong-type', policy: { key: [{ 'anything-but': { prefix: false } }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: prefix match pattern must be a string' },
  { id: 'ls-complexity-151-values', policy: { key: ['value0', 'value1', 'value2', 'value3', 'value4', 'value5', 'value6', 'value7', 'value8', 'value9', 'value10', 'value11', 'value12', 'value13', 'value14', 'value15', 'value16', 'value17', 'value18', 'value19', 'value20', 'value21', 'value22', 'value23', 'value24', 'value25', 'value26', 'value27', 'value28', 'value29', 'value30', 'value31', 'value32', 'value33', 'value34', 'value35', 'value36', 'value37', 'value38', 'value39', 'value40', 'value41', 'value42', 'value43', 'value44', 'value45', 'value46', 'value47', 'value48', 'value49', 'value50', 'value51', 'value52', 'value53', 'value54', 'value55', 'value56', 'value57', 'value58', 'value59', 'value60', 'value61', 'value62', 'value63', 'value64', 'value65', 'value66', 'value67', 'value68', 'value69', 'value70', 'value71', 'value72', 'value73', 'value74', 'value75', 'value76', 'value77', 'value78', 'value79', 'value80', 'value81', 'value82', 'value83', 'value84', 'value85', 'value86', 'value87', 'value88', 'value89', 'value90', 'value91', 'value92', 'value93', 'value94', 'value95', 'value96', 'value97', 'value98', 'value99', 'value100', 'value101', 'value102', 'value103', 'value104', 'value105', 'value106', 'value107', 'value108', 'value109', 'value110', 'value111', 'value112', 'value113', 'value114', 'value115', 'value116', 'value117', 'value118', 'value119', 'value120', 'value121', 'value122', 'value123', 'value124', 'value125', 'value126', 'value127', 'value128', 'value129', 'value130', 'value131', 'value132', 'value133', 'value134', 'value135', 'value136', 'value137', 'value138', 'value139', 'value140', 'value141', 'value142', 'value143', 'value144', 'value145', 'value146', 'value147', 'value148', 'value149', 'value150'] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { id: 'ls-complexity-100x51', policy: { key1: ['value0', 'value1', 'value2', 'value3', 'value4', 'value5', 'value6', 'value7', 'value8', 'value9', 'value10', 'value11', 'value12', 'value13', 'value14', 'value15', 'value16', 'value17', 'value18', 'value19', 'value20', 'value21', 'value22', 'value23', 'value24', 'value25', 'value26', 'value27', 'value28', 'value29', 'value30', 'value31', 'value32', 'value33', 'value34', 'value35', 'value36', 'value37', 'value38', 'value39', 'value40', 'value41', 'value42', 'value43', 'value44', 'value45', 'value46', 'value47', 'value48', 'value49', 'value50', 'value51', 'value52', 'value53', 'value54', 'value55', 'value56', 'value57', 'value58', 'value59', 'value60', 'value61', 'value62', 'value63', 'value64', 'value65', 'value66', 'value67', 'value68', 'value69', 'value70', 'value71', 'value72', 'value73', 'value74', 'value75', 'value76', 'value77', 'value78', 'value79', 'value80', 'value81', 'value82', 'value83', 'value84', 'value85', 'value86', 'value87', 'value88', 'value89', 'value90', 'value91', 'value92', 'value93', 'value94', 'value95', 'value96', 'value97', 'value98', 'value99'], key2: ['value0', 'value1', 'value2', 'value3', 'value4', 'value5', 'value6', 'value7', 'value8', 'value9', 'value10', 'value11', 'value12', 'value13', 'value14', 'value15', 'value16', 'value17', 'value18', 'value19', 'value20', 'value21', 'value22', 'value23', 'value24', 'value25', 'value26', 'value27', 'value28', 'value29', 'value30', 'value31', 'value32', 'value33', 'value34', 'value35', 'value36', 'value37', 'value38', 'value39', 'value40', 'value41', 'value42', 'value43', 'value44', 'value45', 'value46', 'value47', 'value48', 'value49', 'value50'] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { id: 'ls-complexity-6-keys', policy: { key1: ['value1'], key2: ['value2'], key3: ['value3'], key4: ['value4'], key5: ['value5'], key6: ['value6'] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy can not have more than 5 keys' },
  { id: 'ls-complexity-or-flat-152', policy: { source: ['aws.cloudwatch', 'aws.events', 'aws.test', 'aws.test2'], $or: [{ metricName: ['CPUUtilization', 'ReadLatency', 't1', 't2', 't3', 't4'] }, { metricType: ['MetricType', 'TestType', 'TestType2', 'TestType3'], $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4] }] }] }, scope: 'MessageAttributes', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { id: 'ls-complexity-or-nested-160', policy: { $or: [{ metricName: ['CPUUtilization', 'ReadLatency', 'TestValue'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }], detail: { scope: ['Service', 'Test'], $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change', 'TestValue', 'TestValue2'] }] } }, scope: 'MessageBody', api: 'Subscribe', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { id: 'ls-nested-216', policy: { key_a: { key_b: { key_c: ['value_one', 'value_two', 'value_three', 'value_four'] } }, key_d: { key_e: ['value_one', 'value_two', 'value_three'] }, key_f: ['value_one', 'value_two', 'value_three'] }, scope: 'MessageBody', api: 'SetSubscriptionAttributes', message: 'Invalid parameter: FilterPolicy: Filter policy is too complex' },
  { id: 'ls-max-keys-set', policy: { key_a: ['value_one'], key_b: ['value_two'], key_c: ['value_three'], key_d: ['value_four'], key_e: ['value_five'], key_f: ['value_six'] }, scope: 'MessageBody', api: 'SetSubscriptionAttributes', message: 'Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys' },
  { id: 'ls-rule-no-list', policy: { key_a: 'value_one' }, scope: 'MessageBody', api: 'SetSubscriptionAttributes', message: 'Invalid parameter: FilterPolicy: "key_a" must be an object or an array' },
  { id: 'ls-nested-in-attributes', policy: { object: { key: [{ prefix: 'auto-' }] } }, scope: 'MessageAttributes', api: 'SetSubscriptionAttributes', message: 'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy' },
];

/**
 * Policies SNS accepts, with their combination count: SNS's constraint page (6 and 72) and the
 * AWS-validated LocalStack test (a `$or` policy of exactly 150).
 * @see https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
 */
export const SNS_POLICY_ACCEPTED_CASES: readonly { id: string; policy: Record<string, unknown>; scope: 'MessageAttributes' | 'MessageBody'; combinations: number }[] = [
  { id: 'ls-complexity-or-flat-150', policy: { source: ['aws.cloudwatch', 'aws.events', 'aws.test'], $or: [{ metricName: ['CPUUtilization', 'ReadLatency', 'TestVal', 'TestVal2', 'TestVal3', 'TestVal4'] }, { metricType: ['MetricType', 'TestType', 'TestType2', 'TestType3'], $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4, 5, 6, 7] }] }] }, scope: 'MessageAttributes', combinations: 150 },
  { id: 'ls-anything-but-prefix', policy: { key: [{ 'anything-but': { prefix: 'test-' } }] }, scope: 'MessageAttributes', combinations: 1 },
  { id: 'ls-anything-but-list', policy: { key: [{ 'anything-but': ['test', 'test2'] }] }, scope: 'MessageAttributes', combinations: 1 },
  { id: 'sns-doc-nested-72', policy: { key_a: { key_b: { key_c: ['value_one', 'value_two', 'value_three', 'value_four'] } }, key_d: { key_e: ['value_one', 'value_two', 'value_three'] } }, scope: 'MessageBody', combinations: 72 },
  { id: 'sns-doc-flat-6', policy: { key_a: ['value_one', 'value_two', 'value_three'], key_b: ['value_one'], key_c: ['value_one', 'value_two'] }, scope: 'MessageAttributes', combinations: 6 },
];

/**
 * Body-scope verdicts recorded against AWS (LocalStack's AWS-validated body-policy tests: arrays of
 * objects keep their fields together, dotted keys match nested and dotted fields, empty arrays).
 */
export const SNS_BODY_CASES: readonly SnsPolicyCase[] = [
  { id: 'ls-body-array-objects-1', source: LOCALSTACK, policy: { Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } }, scope: 'MessageBody', message: { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: [[{ key: 'auto-insurance-2314.xml', size: 17 }]] } }, { eventSource: 'aws:s3', eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'home-insurance-2314.xml', size: 17 } } }] }, expected: true },
  { id: 'ls-body-array-objects-2', source: LOCALSTACK, policy: { Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } }, scope: 'MessageBody', message: { Records: [{ eventSource: 'aws:s3', eventTime: '2022-11-21T03:41:29.743Z', eventName: 'ObjectRemoved:Delete', s3: { bucket: { name: 'insurance-bucket-demo', arn: 'arn:aws:s3:::insurance-bucket-demo' }, object: { key: 'auto-insurance-2314.xml', size: 17 } } }] }, expected: false },
  { id: 'ls-body-array-objects-3', source: LOCALSTACK, policy: { Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } }, scope: 'MessageBody', message: { Records: [{ eventSource: 'aws:s3', eventTime: '2022-11-21T03:41:29.743Z', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'insurance-bucket-demo', arn: 'arn:aws:s3:::insurance-bucket-demo' }, object: { key: 'home-insurance-2314.xml', size: 17 } } }] }, expected: false },
  { id: 'ls-body-array-objects-4', source: LOCALSTACK, policy: { Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } }, scope: 'MessageBody', message: { Records: [{ eventSource: 'aws:s3', eventTime: '2022-11-21T03:41:29.743Z', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'insurance-bucket-demo', arn: 'arn:aws:s3:::insurance-bucket-demo' }, object: { key: 'auto-insurance-2314.xml', size: 17 } } }] }, expected: true },
  { id: 'ls-body-array-1', source: LOCALSTACK, policy: { headers: { 'route-to': ['queue1'] } }, scope: 'MessageBody', message: { headers: { 'route-to': ['queue3'] } }, expected: false },
  { id: 'ls-body-array-2', source: LOCALSTACK, policy: { headers: { 'route-to': ['queue1'] } }, scope: 'MessageBody', message: { headers: { 'route-to': ['queue1', 'queue2'] } }, expected: true },
  { id: 'ls-body-dot-1', source: LOCALSTACK, policy: { 'object.nested': ['string.value'] }, scope: 'MessageBody', message: { object: { nested: 'string.value' } }, expected: true },
  { id: 'ls-body-dot-2', source: LOCALSTACK, policy: { 'object.nested': ['string.value'] }, scope: 'MessageBody', message: { 'object.nested': 'string.value' }, expected: true },
  { id: 'ls-body-dot-3', source: LOCALSTACK, policy: { 'object.nested.test': ['string.value'] }, scope: 'MessageBody', message: { 'object.nested': { test: 'string.value' } }, expected: true },
  { id: 'ls-body-dot-4', source: LOCALSTACK, policy: { 'object.nested.test': ['string.value'] }, scope: 'MessageBody', message: { object: { 'nested.test': 'string.value' } }, expected: true },
  { id: 'ls-body-dot-5', source: LOCALSTACK, policy: { 'object.nested.test': ['string.value'] }, scope: 'MessageBody', message: { object: { nested: { test: 'string.notvalue' } } }, expected: false },
  { id: 'ls-body-empty-array', source: LOCALSTACK, policy: { detail: { eventVersion: [''] } }, scope: 'MessageBody', message: { version: '0', id: '3e3c153a-8339-4e30-8c35-687ebef853fe', 'detail-type': 'EC2 Instance Launch Successful', source: 'aws.autoscaling', account: '123456789012', time: '2015-11-11T21:31:47Z', region: 'my-region', resources: [], detail: { eventVersion: '', responseElements: null } }, expected: true },
];

/** Attribute-scope verdicts recorded against AWS (LocalStack's AWS-validated attribute-policy tests). */
export const SNS_ATTRIBUTE_CASES: readonly SnsPolicyCase[] = [
  { id: 'ls-attr-range-1', source: LOCALSTACK, policy: { attr1: [{ numeric: ['>', 0, '<=', 100] }] }, scope: 'MessageAttributes', attributes: { attr1: { Type: 'Number', Value: '99' } }, expected: true },
  { id: 'ls-attr-range-2', source: LOCALSTACK, policy: { attr1: [{ numeric: ['>', 0, '<=', 100] }] }, scope: 'MessageAttributes', attributes: { attr1: { Type: 'Number', Value: '111' } }, expected: false },
  { id: 'ls-attr-null-or-anything-but', source: LOCALSTACK, policy: { attr1: [null, { 'anything-but': 'whatever' }] }, scope: 'MessageAttributes', attributes: {}, expected: false },
  { id: 'ls-attr-exists-1', source: LOCALSTACK, policy: { store: [{ exists: true }] }, scope: 'MessageAttributes', attributes: { store: { Type: 'Number', Value: '99' }, def: { Type: 'Number', Value: '99' } }, expected: true },
  { id: 'ls-attr-exists-2', source: LOCALSTACK, policy: { store: [{ exists: true }] }, scope: 'MessageAttributes', attributes: { attr1: { Type: 'Number', Value: '111' } }, expected: false },
  { id: 'ls-attr-not-exists-1', source: LOCALSTACK, policy: { store: [{ exists: false }] }, scope: 'MessageAttributes', attributes: { def: { Type: 'Number', Value: '99' } }, expected: true },
  { id: 'ls-attr-not-exists-2', source: LOCALSTACK, policy: { store: [{ exists: false }] }, scope: 'MessageAttributes', attributes: { store: { Type: 'Number', Value: '99' }, def: { Type: 'Number', Value: '99' } }, expected: false },
  { id: 'ls-attr-string-array-1', source: LOCALSTACK, policy: { store: ['value1'] }, scope: 'MessageAttributes', attributes: { store: { Type: 'String', Value: 'value1' } }, expected: true },
  { id: 'ls-attr-string-array-2', source: LOCALSTACK, policy: { store: ['value1'] }, scope: 'MessageAttributes', attributes: { store: { Type: 'String.Array', Value: '["value1", "value2"]' } }, expected: true },
  { id: 'ls-attr-string-array-3', source: LOCALSTACK, policy: { store: ['value1'] }, scope: 'MessageAttributes', attributes: { store: { Type: 'String.Array', Value: '["value2", "value3"]' } }, expected: false },
];
