import { describe, expect, it } from 'vitest';
import type { ValueMatcher } from '../../src/patterns/ast.js';
import { EventPatternError, EventPatternInputError } from '../../src/patterns/errors.js';
import { isNumberLiteral } from '../../src/patterns/json.js';
import {
  PATTERN_LIMITS,
  PATTERN_REASONS,
  PATTERN_UNVERIFIED_REASONS,
  parseEventPattern,
  wildcardComplexityOf,
} from '../../src/patterns/parse.js';
import { VALIDATION_CASES } from './cases/errors.js';

/** The reason AWS would give, or `'valid'`. */
function outcome(pattern: string | object, options?: Parameters<typeof parseEventPattern>[1]): string {
  try {
    parseEventPattern(pattern, options);
    return 'valid';
  } catch (error) {
    if (error instanceof EventPatternError) return error.reason;
    throw error;
  }
}

function errorOf(pattern: string | object, options?: Parameters<typeof parseEventPattern>[1]): EventPatternError {
  try {
    parseEventPattern(pattern, options);
  } catch (error) {
    if (error instanceof EventPatternError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
}

function matchers(pattern: string, path: string, branch = 0): readonly ValueMatcher[] {
  const condition = parseEventPattern(pattern).branches[branch]!.conditions.find((c) => c.path === path);
  if (condition === undefined) throw new Error(`no condition on ${path}`);
  return condition.matchers;
}

describe('parseEventPattern: validation cases', () => {
  it.each(VALIDATION_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const expected = c.expected === 'valid' ? 'valid' : c.expected.error;
    expect(outcome(c.pattern)).toBe(expected);
  });
});

describe('EventPatternError', () => {
  it("has AWS's name, code and message", () => {
    const error = errorOf('{"a": []}');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EventPatternError');
    expect(error.code).toBe('InvalidEventPatternException');
    expect(error.reason).toBe('Empty arrays are not allowed');
    expect(error.message).toBe('Event pattern is not valid. Reason: Empty arrays are not allowed');
  });

  it('locates the token where the check failed (1-based line and column)', () => {
    expect(errorOf('{"a": []}').location).toEqual({ line: 1, column: 8 });
    expect(errorOf('{\n  "a": ["x"],\n  "b": [ {"prefix": 5} ]\n}').location).toEqual({ line: 3, column: 21 });
    expect(errorOf('{"a": [tru]}').location).toEqual({ line: 1, column: 8 });
  });

  it('has no location for limits that are about the whole pattern', () => {
    expect(errorOf(`{"a": ["${'x'.repeat(5000)}"]}`).location).toBeUndefined();
  });
});

describe('the AST', () => {
  it('keeps the text it was given and reads one branch without $or', () => {
    const text = '{ "source": ["aws.ec2"], "detail": { "state": ["running", "pending"] } }';
    const ast = parseEventPattern(text);
    expect(ast.text).toBe(text);
    expect(ast.orAsFieldName).toEqual([]);
    expect(ast.branches).toHaveLength(1);
    expect(ast.branches[0]!.conditions.map((c) => [c.path, c.keys])).toEqual([
      ['source', ['source']],
      ['detail.state', ['detail', 'state']],
    ]);
  });

  it('joins dotted keys and nested keys into the same path', () => {
    const nested = parseEventPattern('{"detail": {"state": {"status": ["running"]}}}').branches[0]!.conditions[0]!;
    const dotted = parseEventPattern('{"detail": {"state.status": ["running"]}}').branches[0]!.conditions[0]!;
    expect(nested.path).toBe('detail.state.status');
    expect(dotted.path).toBe('detail.state.status');
    expect(dotted.keys).toEqual(['detail', 'state.status']);
  });

  it('keeps the last of duplicate paths, including a dotted key and its nested twin', () => {
    expect(matchers('{"a": ["x"], "a": ["y"]}', 'a')).toEqual([{ kind: 'equals', value: 'y', source: 'y' }]);
    const ast = parseEventPattern('{"a.b": ["x"], "a": {"b": ["y"]}}');
    expect(ast.branches[0]!.conditions).toHaveLength(1);
    expect(ast.branches[0]!.conditions[0]!.matchers).toEqual([{ kind: 'equals', value: 'y', source: 'y' }]);
  });

  it('keeps both paths when a duplicate key holds an object and then an array (AWS compiles them in turn)', () => {
    const ast = parseEventPattern('{"a": {"b": ["x"]}, "a": ["y"]}');
    expect(ast.branches[0]!.conditions.map((c) => c.path)).toEqual(['a.b', 'a']);
  });

  it('joins an empty key as AWS does (no separator after an empty base)', () => {
    expect(parseEventPattern('{"": {"x": [1]}}').branches[0]!.conditions[0]!.path).toBe('x');
    expect(parseEventPattern('{"a": {"": {"x": [1]}}}').branches[0]!.conditions[0]!.path).toBe('a..x');
  });

  it('compiles every matcher kind', () => {
    const m = matchers(
      `{"f": ["s", 3.0e2, true, false, null, "10.0.0.1", {"exactly": "10.0.0.1"}, {"prefix": "p"}, {"prefix": {"equals-ignore-case": "P"}},
        {"suffix": "s"}, {"suffix": {"equals-ignore-case": "S"}}, {"equals-ignore-case": "E"}, {"wildcard": "a*b\\\\*c"},
        {"anything-but": "x"}, {"anything-but": [1, 2, 1.0]}, {"anything-but": {"prefix": "p"}}, {"anything-but": {"suffix": ["s", "t"]}},
        {"anything-but": {"equals-ignore-case": ["A"]}}, {"anything-but": {"wildcard": ["*x", "y*"]}},
        {"numeric": [">", 0, "<=", 5]}, {"numeric": ["=", 301.8]}, {"numeric": ["<", 10]}, {"cidr": "10.0.0.0/24"}, {"exists": false}]}`,
      'f',
    );
    const number = m[1]!;
    expect(number.kind).toBe('equals-number');
    if (number.kind === 'equals-number')
      expect([number.number.text, number.number.value, number.number.comparable]).toEqual(['3.0e2', 300, true]);
    expect(m.slice(2, 5).map((x) => x.kind === 'equals' && x.value)).toEqual([true, false, null]);
    expect(m[5]).toEqual({
      kind: 'equals',
      value: '10.0.0.1',
      ip: { version: 4, low: 167772161n, high: 167772161n },
      source: '10.0.0.1',
    });
    expect(m[6]).toEqual({ kind: 'exactly', value: '10.0.0.1', source: { exactly: '10.0.0.1' } });
    expect(m[7]).toMatchObject({ kind: 'prefix', value: 'p', ignoreCase: false });
    expect(m[8]).toMatchObject({
      kind: 'prefix',
      value: 'P',
      ignoreCase: true,
      source: { prefix: { 'equals-ignore-case': 'P' } },
    });
    expect(m[9]).toMatchObject({ kind: 'suffix', value: 's', ignoreCase: false });
    expect(m[10]).toMatchObject({ kind: 'suffix', value: 'S', ignoreCase: true });
    expect(m[11]).toMatchObject({ kind: 'equals-ignore-case', value: 'E' });
    expect(m[12]).toMatchObject({ kind: 'wildcard', value: 'a*b\\*c', segments: ['a', 'b*c'] });
    expect(m[13]).toMatchObject({ kind: 'anything-but', strings: ['x'], numbers: [] });
    const ab = m[14]!;
    expect(ab.kind === 'anything-but' && ab.numbers.map((n) => n.text)).toEqual(['1', '2']);
    expect(m[15]).toMatchObject({ kind: 'anything-but-prefix', values: ['p'] });
    expect(m[16]).toMatchObject({ kind: 'anything-but-suffix', values: ['s', 't'] });
    expect(m[17]).toMatchObject({ kind: 'anything-but-ignore-case', values: ['A'] });
    expect(m[18]).toMatchObject({
      kind: 'anything-but-wildcard',
      values: ['*x', 'y*'],
      segments: [
        ['', 'x'],
        ['y', ''],
      ],
    });
    expect(m[19]).toMatchObject({
      kind: 'numeric',
      lower: { value: 0, inclusive: false },
      upper: { value: 5, inclusive: true },
    });
    expect(m[20]).toMatchObject({
      kind: 'numeric',
      lower: { value: 301.8, inclusive: true },
      upper: { value: 301.8, inclusive: true },
    });
    expect(m[21]).toMatchObject({ kind: 'numeric', upper: { value: 10, inclusive: false } });
    expect(m[21]).not.toHaveProperty('lower');
    expect(m[22]).toMatchObject({
      kind: 'cidr',
      block: '10.0.0.0/24',
      range: { version: 4, low: 167772160n, high: 167772415n },
    });
    expect(m[23]).toMatchObject({ kind: 'exists', value: false });
    expect(m).toHaveLength(24);
  });

  it('keeps number text in sources and exact numbers that are not comparable', () => {
    const [big] = matchers('{"account": [123456789012345678901]}', 'account');
    expect(big!.kind).toBe('equals-number');
    if (big?.kind === 'equals-number') {
      expect(big.number.text).toBe('123456789012345678901');
      expect(big.number.comparable).toBe(false);
      expect(isNumberLiteral(big.source)).toBe(true);
    }
  });

  it('reads IPv6 literals in exact strings as one-address ranges', () => {
    const [m] = matchers('{"ip": ["2001:db8:0:0:0:0:0:1"]}', 'ip');
    expect(m).toMatchObject({
      kind: 'equals',
      ip: { version: 6, low: 0x20010db8000000000000000000000001n, high: 0x20010db8000000000000000000000001n },
    });
    const [name] = matchers('{"ip": ["cafe"]}', 'ip');
    expect(name).not.toHaveProperty('ip');
  });

  it('is frozen', () => {
    const ast = parseEventPattern('{"a": ["x"]}');
    expect(Object.isFrozen(ast)).toBe(true);
    expect(Object.isFrozen(ast.branches)).toBe(true);
  });
});

describe('$or', () => {
  it('expands into branches (cross product with siblings, nested $or too)', () => {
    const ast = parseEventPattern(
      '{"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPU"]}, {"metricType": ["M"], "namespace": ["AWS/EC2"]}, {"$or": [{"x": [1]}, {"y": [2]}]}]}',
    );
    expect(ast.branches.map((b) => b.conditions.map((c) => c.path).sort())).toEqual([
      ['metricName', 'source'],
      ['metricType', 'namespace', 'source'],
      ['source', 'x'],
      ['source', 'y'],
    ]);
    expect(ast.orAsFieldName).toEqual([]);
  });

  it('multiplies sequential $or arrays and applies the path prefix where $or sits', () => {
    const ast = parseEventPattern(
      '{"detail": {"$or": [{"a": [1]}, {"b": [1]}], "c": [1]}, "$or": [{"d": [1]}, {"e": [1]}]}',
    );
    expect(
      ast.branches.map((b) =>
        b.conditions
          .map((c) => c.path)
          .sort()
          .join(' '),
      ),
    ).toEqual(['d detail.a detail.c', 'd detail.b detail.c', 'detail.a detail.c e', 'detail.b detail.c e']);
  });

  it('reads $or as a field name where AWS does, and says where', () => {
    const ast = parseEventPattern('{"source": ["x"], "$or": {"metricType": ["M"]}}');
    expect(ast.branches).toHaveLength(1);
    expect(ast.branches[0]!.conditions.map((c) => c.path)).toEqual(['source', '$or.metricType']);
    expect(ast.orAsFieldName).toEqual([['$or']]);
    const numeric = parseEventPattern('{"detail": {"$or": [{"numeric": [">", 0, "<=", 5]}, {"numeric": [">", 10]}]}}');
    expect(numeric.orAsFieldName).toEqual([['detail', '$or']]);
    expect(numeric.branches[0]!.conditions[0]!.matchers.map((m) => m.kind)).toEqual(['numeric', 'numeric']);
  });

  it('uses the current compiler alone with legacyFallback: false', () => {
    expect(outcome('{"$or": [{"metricName": ["CPU"]}]}', { legacyFallback: false })).toBe(PATTERN_REASONS.orTooFew);
    expect(outcome('{"$or": {"a": ["1"]}}', { legacyFallback: false })).toBe(PATTERN_REASONS.orNotArray);
    expect(outcome('{"$or": [{"a": ["1"]}, 5]}', { legacyFallback: false })).toBe(PATTERN_REASONS.orNotObject);
    expect(outcome('{"$or": [{"a": ["1"]}, {"prefix": ["1"]}]}', { legacyFallback: false })).toBe(
      PATTERN_REASONS.reservedInOr('prefix'),
    );
    expect(outcome('{"a": [{"anything-but": {"equals-ignore-case": 5}}]}', { legacyFallback: false })).toBe(
      PATTERN_REASONS.anythingButEicBadType,
    );
    expect(outcome('{"a": [{"anything-but": {"wildcard": "a**"}}]}', { legacyFallback: false })).toBe(
      'Consecutive wildcard characters at pos 2',
    );
  });

  it('rejects every reserved name inside $or objects (AWS then reads $or as a field and fails on it)', () => {
    for (const name of [
      'exactly',
      'equals-ignore-case',
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
    ]) {
      expect(outcome(`{"$or": [{"a": ["1"]}, {"${name}": ["1"]}]}`, { legacyFallback: false })).toBe(
        PATTERN_REASONS.reservedInOr(name),
      );
    }
    expect(outcome('{"$or": [{"a": ["1"]}, {"b": {"regexp": ["1"]}}]}')).toBe('valid');
  });
});

describe('limits', () => {
  it('documents its defaults', () => {
    expect(PATTERN_LIMITS).toEqual({
      maxLength: 4096,
      maxOrCombinations: 1000,
      maxWildcardComplexity: 100,
      maxNestingDepth: 1000,
      maxNumberLength: 1000,
      maxFieldsPerBranch: 256,
    });
    expect(Object.isFrozen(PATTERN_LIMITS)).toBe(true);
  });

  it('accepts 4,096 characters and rejects 4,097 (configurable)', () => {
    const pad = (n: number) => {
      const base = '{"a": [""]}';
      return `{"a": ["${'x'.repeat(n - base.length)}"]}`;
    };
    expect(pad(4096)).toHaveLength(4096);
    expect(outcome(pad(4096))).toBe('valid');
    expect(outcome(pad(4097))).toBe(PATTERN_UNVERIFIED_REASONS.tooLong(4097, 4096));
    expect(outcome(pad(4097), { maxLength: 5000 })).toBe('valid');
  });

  it('checks the length before the content', () => {
    expect(outcome(`{"a": [${'1,'.repeat(3000)}tru]}`)).toBe(PATTERN_UNVERIFIED_REASONS.tooLong(6012, 4096));
  });

  it('allows 1,000 $or combinations and rejects 1,024', () => {
    const or = (n: number) => `"$or": [${Array.from({ length: n }, (_, i) => `{"k${i}": [1]}`).join(',')}]`;
    const nested = (counts: number[]) => `{${counts.map((n, i) => `"l${i}": {${or(n)}}`).join(',')}}`;
    expect(parseEventPattern(nested([10, 10, 10])).branches).toHaveLength(1000);
    expect(outcome(nested([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]))).toBe(PATTERN_UNVERIFIED_REASONS.tooManyCombinations(1000));
    expect(
      parseEventPattern(nested([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]), { maxOrCombinations: 1024 }).branches,
    ).toHaveLength(1024);
  });

  it('stops expanding $or early: 2^100 combinations are rejected quickly', () => {
    const pattern = `{${Array.from({ length: 100 }, (_, i) => `"l${i}": {"$or": [{"a": [1]}, {"b": [1]}]}`).join(',')}}`;
    const started = performance.now();
    expect(outcome(pattern, { maxLength: 100_000 })).toBe(PATTERN_UNVERIFIED_REASONS.tooManyCombinations(1000));
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('still reports a syntax error that follows too many combinations', () => {
    const pattern = `{${Array.from({ length: 11 }, (_, i) => `"l${i}": {"$or": [{"a": [1]}, {"b": [1]}]}`).join(',')}, "z": []}`;
    expect(outcome(pattern, { legacyFallback: false })).toBe(PATTERN_REASONS.emptyArray);
    // With the fallback, the legacy compiler reads the first $or as a field of match expressions and fails there.
    expect(outcome(pattern)).toBe(PATTERN_REASONS.unknownMatchType('a'));
  });

  it('rejects more than 256 fields in one combination', () => {
    const fields = (n: number) => `{${Array.from({ length: n }, (_, i) => `"f${i}":[1]`).join(',')}}`;
    expect(outcome(fields(256))).toBe('valid');
    expect(outcome(fields(257))).toBe(PATTERN_UNVERIFIED_REASONS.tooManyFields(257, 256));
  });

  it('rejects over-complex wildcards with "Rule is too complex" (threshold configurable)', () => {
    const stars = (n: number) => `{"a": [{"wildcard": "${'*a'.repeat(n)}*"}]}`;
    expect(wildcardComplexityOf(parseEventPattern(stars(8)).branches)).toBe(17);
    expect(outcome(stars(8), { maxWildcardComplexity: 17 })).toBe('valid');
    expect(outcome(stars(8), { maxWildcardComplexity: 16 })).toBe(PATTERN_REASONS.tooComplex);
    expect(outcome(stars(60))).toBe(PATTERN_REASONS.tooComplex);
    expect(
      outcome(
        '{"a": [{"anything-but": {"wildcard": ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*"]}}]}',
      ),
    ).toBe(PATTERN_REASONS.tooComplex);
    expect(outcome('{"a": [{"wildcard": "*.png"}], "b": [{"wildcard": "arn:aws:s3:::*/*.jpg"}]}')).toBe('valid');
  });

  it('counts the wildcard patterns of one field across $or branches', () => {
    const ast = parseEventPattern('{"$or": [{"a": [{"wildcard": "a*aaa"}]}, {"a": [{"wildcard": "aa*aa"}]}]}');
    expect(wildcardComplexityOf(ast.branches)).toBe(7);
  });

  it('rejects nesting deeper than the JSON reader allows, without a stack overflow', () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}["x"]${'}'.repeat(n)}`;
    expect(outcome(deep(999), { maxLength: Infinity })).toBe('valid');
    expect(outcome(deep(1000), { maxLength: Infinity })).toBe(
      'Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)',
    );
    const ast = parseEventPattern(deep(10_000), { maxLength: Infinity, maxNestingDepth: Infinity });
    expect(ast.branches[0]!.conditions[0]!.keys).toHaveLength(10_000);
  });

  it('rejects a number longer than the JSON reader allows', () => {
    expect(outcome(`{"a": [${'1'.repeat(1000)}]}`)).toBe('valid');
    expect(outcome(`{"a": [${'1'.repeat(1001)}]}`)).toBe(
      'Number value length (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)',
    );
  });

  it('rejects nonsense options with a clear error', () => {
    expect(() => parseEventPattern('{"a":["x"]}', { maxLength: -1 })).toThrow(EventPatternInputError);
    expect(() => parseEventPattern('{"a":["x"]}', { maxOrCombinations: Number.NaN })).toThrow(
      /options.maxOrCombinations/,
    );
  });
});

describe('patterns given as values', () => {
  it('serialises objects first, keeping NumberLiteral text', () => {
    const ast = parseEventPattern({ detail: { 'x-limit': [{ numeric: ['>', 0] }] }, source: ['a'] });
    expect(ast.text).toBe('{"detail":{"x-limit":[{"numeric":[">",0]}]},"source":["a"]}');
    expect(ast.branches[0]!.conditions.map((c) => c.path)).toEqual(['detail.x-limit', 'source']);
  });

  it('validates serialised values like text (a string value is JSON text, an array is not an object)', () => {
    expect(outcome([])).toBe('Filter is not an object');
    expect(outcome({})).toBe('Empty objects are not allowed');
    expect(outcome({ a: 'x' })).toBe('"a" must be an object or an array');
  });

  it.each([
    ['undefined', { a: [undefined] }, /pattern\.a\[0\] is undefined/],
    ['a function', { a: () => 1 }, /pattern\.a is a function/],
    ['NaN', { a: [Number.NaN] }, /pattern\.a\[0\] is NaN/],
    ['Infinity', { a: [Infinity] }, /pattern\.a\[0\] is Infinity/],
    ['a bigint', { a: [1n] }, /pattern\.a\[0\] is a bigint/],
    ['a symbol', { a: [Symbol('s')] }, /pattern\.a\[0\] is a symbol/],
  ])('rejects %s with a clear error', (_what, value, message) => {
    expect(() => parseEventPattern(value as object)).toThrow(EventPatternInputError);
    expect(() => parseEventPattern(value as object)).toThrow(message);
  });

  it('rejects cycles with a clear error', () => {
    const cyclic: Record<string, unknown> = { a: ['x'] };
    cyclic.self = cyclic;
    expect(() => parseEventPattern(cyclic)).toThrow(
      'parseEventPattern: pattern.self is a circular reference, which JSON cannot represent',
    );
  });

  it('handles a 10,000-deep object without a stack overflow', () => {
    let value: Record<string, unknown> = { leaf: ['x'] };
    for (let i = 0; i < 10_000; i++) value = { n: value };
    expect(outcome(value)).toBe(PATTERN_UNVERIFIED_REASONS.tooLong(60_014, 4096));
    const ast = parseEventPattern(value, { maxLength: Infinity, maxNestingDepth: Infinity });
    expect(ast.branches[0]!.conditions[0]!.path.endsWith('n.n.leaf')).toBe(true);
  });
});
