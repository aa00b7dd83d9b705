import { describe, expect, it } from 'vitest';
import { docSection } from '../_helpers/readme.js';
import { lintEventPattern, PATTERN_LINT_CODES, type PatternLintOptions } from '../../src/patterns/lint.js';

const codes = (pattern: string | object, options?: PatternLintOptions) =>
  lintEventPattern(pattern, options).map((d) => `${d.code}:${d.severity}`);
const six = { Filters: Array.from({ length: 6 }, (_, i) => ({ Pattern: JSON.stringify({ body: { n: [i] } }) })) };

// Every code with a wrong and a right example (the README documents the same pairs).
const EXAMPLES: readonly (readonly [
  code: string,
  wrong: string | object,
  right: string | object,
  options?: PatternLintOptions,
])[] = [
  ['invalid-pattern', '{"source": [{"prefx": "aws."}]}', '{"source": [{"prefix": "aws."}]}'],
  [
    'pattern-too-long',
    { detail: { id: Array.from({ length: 400 }, (_, i) => `order-${i}`) } },
    { detail: { id: [{ prefix: 'order-' }] } },
  ],
  [
    'never-matches',
    { detail: { n: [{ numeric: ['>', 1, '<', 1.0000000000000002] }] } },
    { detail: { n: [{ numeric: ['>=', 1, '<', 1.0000000000000002] }] } },
  ],
  [
    'never-matches',
    { detail: { state: ['running'] }, 'detail.state': [{ exists: false }] },
    { detail: { state: ['running', { exists: false }] } },
  ],
  [
    'never-matches',
    { detail: { state: ['a', 'b'], $or: [{ state: [{ 'anything-but': ['a', 'b'] }] }, { x: ['1'] }] } },
    { detail: { state: ['a', 'b'], $or: [{ y: ['1'] }, { x: ['1'] }] } },
  ],
  [
    'never-matches',
    { detail: { state: ['running'], 'state.code': [16] } },
    { detail: { state: { name: ['running'], code: [16] } } },
  ],
  [
    'overridden-field',
    { detail: { state: ['running'] }, 'detail.state': ['pending'] },
    { detail: { state: ['running', 'pending'] } },
  ],
  ['overridden-field', '{"source": ["aws.ec2"], "source": ["aws.s3"]}', '{"source": ["aws.ec2", "aws.s3"]}'],
  ['envelope-near-miss', { detailType: ['Order Placed'] }, { 'detail-type': ['Order Placed'] }],
  ['envelope-near-miss', { 'account-id': ['123456789012'] }, { account: ['123456789012'] }],
  ['envelope-near-miss', { messageID: ['059f36b4'] }, { messageId: ['059f36b4'] }, { source: 'sqs' }],
  ['unknown-field', { message: { text: ['x'] } }, { body: { text: ['x'] } }, { source: 'sqs' }],
  [
    'type-mismatch',
    { dynamodb: { Keys: { Id: { N: [101] } } } },
    { dynamodb: { Keys: { Id: { N: ['101'] } } } },
    { source: 'dynamodb' },
  ],
  [
    'type-mismatch',
    { detail: { object: { size: ['1024'] } } },
    { detail: { object: { size: [1024] } } },
    { source: 's3-eventbridge' },
  ],
  [
    'type-mismatch',
    { attributes: { ApproximateReceiveCount: [{ numeric: ['>', 3] }] } },
    { attributes: { ApproximateReceiveCount: [{ 'anything-but': ['1', '2', '3'] }] } },
    { source: 'sqs' },
  ],
  ['empty-prefix', { source: [{ prefix: '' }] }, { source: [{ prefix: 'aws.' }] }],
  [
    'or-as-field-name',
    { detail: { $or: [{ numeric: ['>', 100] }, { numeric: ['<', 0] }] } },
    { detail: { amount: [{ numeric: ['>', 100] }, { numeric: ['<', 0] }] } },
  ],
  [
    'metadata-field',
    { eventSource: ['aws:sqs'], body: { type: ['order'] } },
    { body: { type: ['order'] } },
    { source: 'sqs' },
  ],
  ['metadata-field', { eventName: ['aws:kinesis:record'] }, { partitionKey: ['p1'] }, { source: 'pipes:kinesis' }],
  [
    'body-not-json',
    { body: { type: ['order'] } },
    { body: [{ prefix: 'order' }] },
    { source: 'sqs', dataFormat: 'text' },
  ],
  ['body-not-json', { data: ['hello'] }, { data: { greeting: ['hello'] } }, { source: 'kinesis' }],
  ['body-not-json', { 'body.type': ['order'] }, { body: [{ prefix: 'order' }] }, { source: 'sqs', dataFormat: 'text' }],
  ['too-many-filters', six, { Filters: six.Filters.slice(0, 5) }, { source: 'sqs' }],
  [
    'unsupported-operator',
    { body: { type: [{ 'anything-but': { prefix: 'test-' } }] } },
    { body: { type: [{ 'anything-but': ['test-a', 'test-b'] }] } },
    { source: 'pipes:sqs' },
  ],
];

describe('lint: one code per pitfall, each with a wrong and a right example', () => {
  it.each(EXAMPLES.map(([code, wrong, right, options], i) => [`${code} #${i}`, code, wrong, right, options] as const))(
    '%s',
    (_name, code, wrong, right, options) => {
      expect(lintEventPattern(wrong, options).map((d) => d.code)).toContain(code);
      expect(lintEventPattern(right, options)).toEqual([]);
      expect(PATTERN_LINT_CODES).toHaveProperty(code);
    },
  );

  it('every code has an example here', () => {
    expect(new Set(EXAMPLES.map(([code]) => code))).toEqual(new Set(Object.keys(PATTERN_LINT_CODES)));
  });

  it('every code in PATTERN_LINT_CODES is documented in the patterns guide with a wrong and a right example', () => {
    const doc = docSection('docs/guide/patterns.md', '### Linting patterns');
    for (const code of Object.keys(PATTERN_LINT_CODES)) {
      const section = doc.split(/\n#### /).find((s) => s.startsWith(`\`${code}\``));
      expect(section, code).toBeDefined();
      expect(section, code).toMatch(/Wrong/);
      expect(section, code).toMatch(/Right/);
    }
  });
});

describe('lint: details', () => {
  it('realistic patterns get no finding', () => {
    const cases: [object, PatternLintOptions?][] = [
      [
        {
          source: ['aws.ec2'],
          'detail-type': ['EC2 Instance State-change Notification'],
          detail: { state: ['running'] },
        },
      ],
      [
        {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: ['b'] }, object: { key: [{ prefix: 'in/' }], size: [{ numeric: ['>', 0] }] } },
        },
        { source: 's3-eventbridge' },
      ],
      [
        {
          body: { a: ['x'] },
          attributes: { ApproximateReceiveCount: ['1'] },
          messageAttributes: { x: { stringValue: ['y'] } },
        },
        { source: 'sqs' },
      ],
      [
        { partitionKey: ['p'], data: { a: [1] }, approximateArrivalTimestamp: [{ numeric: ['>', 0] }] },
        { source: 'kinesis' },
      ],
      [
        {
          eventName: ['INSERT'],
          dynamodb: {
            NewImage: { status: { S: ['x'] }, addr: { M: { city: { S: ['x'] } } }, n: { N: [{ prefix: '1' }] } },
            Keys: { id: { S: ['a'] } },
          },
        },
        { source: 'dynamodb' },
      ],
      [{ $or: [{ source: ['a'] }, { 'detail-type': ['b'] }], detail: { $or: [{ a: ['1'] }, { b: ['2'] }] } }],
      [{ detail: { source: ['x'], detailType: ['y'] } }],
      [{ data: { temp: [{ numeric: ['>', 1] }] }, messageID: ['x'] }, { source: 'mq' }],
      [{ key: ['k'], value: { a: ['1'] }, topic: ['t'] }, { source: 'kafka' }],
      [{ Filters: [{ Pattern: '{"body": {"a": ["x"]}}' }, { Pattern: '{"body": {"b": ["y"]}}' }] }, { source: 'sqs' }],
      [
        {
          account: ['123456789012'],
          region: ['us-east-1'],
          resources: [{ prefix: 'arn:' }],
          time: [{ prefix: '2024' }],
          id: [{ exists: true }],
          version: ['0'],
        },
      ],
      [{ detail: { a: [{ exists: false }], 'a.b': ['x'] } }],
    ];
    for (const [p, o] of cases) expect(lintEventPattern(p, o), JSON.stringify(p)).toEqual([]);
  });

  it("dataFormat 'json' flags a plain-value pattern on the data", () => {
    expect(codes({ body: ['order'] }, { source: 'sqs', dataFormat: 'json' })).toEqual(['body-not-json:warning']);
    expect(codes({ body: ['order'] }, { source: 'sqs' })).toEqual([]);
  });

  it('messages name the field, the operator as written and the fix', () => {
    const [d] = lintEventPattern(
      { dynamodb: { NewImage: { price: { N: [{ numeric: ['>', 10] }] } } } },
      { source: 'dynamodb' },
    );
    expect(d).toEqual({
      code: 'type-mismatch',
      severity: 'error',
      path: 'dynamodb.NewImage.price.N',
      message:
        'dynamodb.NewImage.price.N: numeric {"numeric":[">",10]} never matches: in dynamodb records dynamodb.NewImage.price.N is a string (e.g. "1")',
      docsUrl: 'https://aws-event-kit.dev/lint/patterns/type-mismatch',
    });
    expect(lintEventPattern({ detailType: ['x'] })[0]!.message).toBe(
      '"detailType" is not a field of an EventBridge event; did you mean "detail-type"? No event has "detailType", so this condition never holds',
    );
    for (const near of ['DetailType', 'detail_type', 'Source', 'regoin', 'Resources'])
      expect(codes({ [near]: ['x'] }), near).toEqual(['envelope-near-miss:error']);
    // Payload fields are the user's: no finding without a source.
    expect(codes({ detail: { detailType: ['x'] }, 'replay-name': ['r'] })).toEqual([]);
  });

  it('metadata fields: exists:false always holds, a value never does', () => {
    expect(lintEventPattern({ awsRegion: [{ exists: false }] }, { source: 'sqs' })[0]!.message).toMatch(/always holds/);
    expect(lintEventPattern({ eventSourceARN: [{ prefix: 'arn:' }] }, { source: 'kinesis' })[0]!.message).toMatch(
      /never holds/,
    );
    // eventName is DynamoDB's own field (AWS's example filters on it); Pipes lists it as unusable.
    expect(codes({ eventName: ['INSERT'] }, { source: 'dynamodb' })).toEqual([]);
    expect(codes({ eventName: ['INSERT'] }, { source: 'pipes:dynamodb' })).toEqual(['metadata-field:error']);
  });

  it('filter criteria: findings carry the filter index; Pattern must be a string', () => {
    const found = lintEventPattern(
      { Filters: [{ Pattern: '{"body": {"a": ["x"]}}' }, { Pattern: '{"eventSource": ["aws:sqs"]}' }, { Pattern: 5 }] },
      { source: 'sqs' },
    );
    expect(found.map((d) => [d.code, d.filter])).toEqual([
      ['metadata-field', 1],
      ['invalid-pattern', 2],
    ]);
    expect(codes(six, { source: 'sqs', maxFilters: 10 })).toEqual([]);
  });

  it('an invalid pattern gives AWS’s message and stops there', () => {
    expect(lintEventPattern('{"a": []}')).toEqual([
      {
        code: 'invalid-pattern',
        severity: 'error',
        path: '',
        message: 'Event pattern is not valid. Reason: Empty arrays are not allowed',
        docsUrl: 'https://aws-event-kit.dev/lint/patterns/invalid-pattern',
      },
    ]);
    expect(lintEventPattern('not json')[0]!.code).toBe('invalid-pattern');
  });

  it('over 4,096 characters: reported, and the pattern is still linted', () => {
    const long = { detailType: ['x'], detail: { id: Array.from({ length: 400 }, (_, i) => `order-${i}`) } };
    expect(codes(long)).toEqual(['pattern-too-long:error', 'envelope-near-miss:error']);
  });

  it('bad options are TypeErrors', () => {
    expect(() => lintEventPattern({ a: ['x'] }, { source: 'sns' as never })).toThrow(/options.source must be one of/);
    expect(() => lintEventPattern({ a: ['x'] }, { maxFilters: 11 })).toThrow(/maxFilters/);
    expect(() => lintEventPattern({ a: ['x'] }, { dataFormat: 'xml' as never })).toThrow(/dataFormat/);
  });

  it('deep patterns lint without a stack overflow', () => {
    let text = '["x"]';
    for (let i = 0; i < 1500; i++) text = `{"a${i % 3}": ${text}}`;
    expect(() => lintEventPattern(text)).not.toThrow();
  });
});

describe('lint: fields written twice', () => {
  it('repeated JSON keys, dotted and nested keys, a $or branch repeating its parent', () => {
    expect(
      lintEventPattern('{"detail": {"a": ["x"], "b": {"c": [1]}, "a": ["y"]}}').map((d) => [d.code, d.path]),
    ).toEqual([['overridden-field', 'detail.a']]);
    expect(lintEventPattern('{"$or": [{"a": ["x"], "a": ["z"]}, {"b": ["y"]}]}').map((d) => [d.code, d.path])).toEqual([
      ['overridden-field', 'a'],
    ]);
    const [d] = lintEventPattern({ detail: { $or: [{ state: ['x'] }, { b: ['y'] }], state: ['q'] } });
    expect(d!.message).toBe(
      'detail.state is written twice ("detail" → "state" and "detail" → "$or" → "state"): AWS keeps only the one written last in the pattern; merge the values into one array',
    );
    // Alternatives of one $or are not an AND: no finding.
    expect(lintEventPattern({ $or: [{ state: ['x'] }, { state: ['y'] }] })).toEqual([]);
  });
});

describe('lint: size', () => {
  it('huge patterns are answered quickly', () => {
    const detail = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`f${i}`, [`v${i}`]]));
    expect(codes({ detail })).toEqual(['pattern-too-long:error', 'invalid-pattern:error']);
    // The AWS limit of fields per combination, each with a long list of values.
    const wide = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [`f${i}`, Array.from({ length: 40 }, (_, j) => `value-${j}`)]),
    );
    const started = performance.now();
    expect(codes({ detail: wide }).filter((c) => c !== 'pattern-too-long:error')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('lint: contradictory repeats', () => {
  it.each([
    [{ detail: { n: [1, 2] }, 'detail.n': [{ 'anything-but': [1, 2] }] }, 'never-matches'],
    [{ detail: { s: ['a', 'b'] }, 'detail.s': [{ 'anything-but': { prefix: 'a' } }] }, 'overridden-field'],
    [{ detail: { s: ['ab', 'ac'] }, 'detail.s': [{ 'anything-but': { prefix: 'a' } }] }, 'never-matches'],
    [{ detail: { s: ['a'] }, 'detail.s': ['b'] }, 'overridden-field'],
    [{ detail: { s: ['a', 'b'] }, 'detail.s': [{ prefix: 'b' }] }, 'overridden-field'],
    [{ detail: { s: [{ prefix: 'a' }] }, 'detail.s': [{ prefix: 'b' }] }, 'overridden-field'],
    [{ detail: { s: ['x'] }, 'detail.s': [{ exists: true }] }, 'overridden-field'],
  ] as const)('%j → %s', (pattern, code) => {
    expect(lintEventPattern(pattern).map((d) => d.code)).toEqual([code]);
  });
});
