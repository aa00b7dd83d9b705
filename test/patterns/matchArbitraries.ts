/**
 * Small random patterns and events over one shared vocabulary (so that they often meet), for the
 * matcher's property tests: every operator, `$or`, arrays of scalars and of objects.
 */
import fc from 'fast-check';

const strings = ['x', 'xy', 'X', '', 'y', 'Xy', '10.0.0.1', '10.0.0.7', 'ß', 'SS'];
const numbers = [0, 1, 300, 2.5, -1];
const scalar = fc.oneof(fc.constantFrom(...strings), fc.constantFrom(...numbers), fc.boolean(), fc.constant(null));

const matcher: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...strings),
  fc.constantFrom(...numbers),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('x', 'X', '', 'ß').map((prefix) => ({ prefix })),
  fc.constantFrom('y', 'Y', 'x').map((suffix) => ({ suffix })),
  fc.constantFrom('x', 'XY', 'ss').map((value) => ({ prefix: { 'equals-ignore-case': value } })),
  fc.constantFrom('Y', 'xy').map((value) => ({ suffix: { 'equals-ignore-case': value } })),
  fc.constantFrom('xy', 'X', 'ß').map((value) => ({ 'equals-ignore-case': value })),
  fc.constantFrom('x*', '*y', '*', 'x*y', '10.*').map((wildcard) => ({ wildcard })),
  fc
    .oneof(
      fc.constantFrom('x', 'y'),
      fc.subarray(['x', 'xy', ''], { minLength: 1 }),
      fc.constantFrom(1, 300),
      fc.subarray([0, 2.5], { minLength: 1 }),
    )
    .map((value) => ({ 'anything-but': value })),
  fc
    .constantFrom({ prefix: 'x' }, { suffix: 'y' }, { 'equals-ignore-case': 'X' }, { wildcard: 'x*' })
    .map((value) => ({ 'anything-but': value })),
  fc.constantFrom(['>', 0], ['>=', 1, '<', 300], ['=', 300], ['<', 2.5]).map((numeric) => ({ numeric })),
  fc.constantFrom('10.0.0.0/29', '10.0.0.4/30').map((cidr) => ({ cidr })),
  fc.boolean().map((exists) => ({ exists })),
);

const paths = ['a', 'b', 'c.d', 'c.e', 'arr.x', 'arr.y', 'arr.in.z'];

function nest(fields: [string, unknown[]][]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, values] of fields) {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = values;
  }
  return root;
}

const fieldsOn = (pool: readonly string[]) =>
  fc.uniqueArray(fc.tuple(fc.constantFrom(...pool), fc.array(matcher, { minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 3,
    selector: ([path]) => path,
  });
const fields = fieldsOn(paths);
// A path both inside a `$or` branch and beside it is order-dependent in AWS's compiler (the later
// key overrides); the generated `$or` patterns keep `b` for the sibling only.
const branchFields = fieldsOn(paths.filter((path) => path !== 'b'));

/** A valid pattern object, sometimes with `$or` (two or three branches over the same vocabulary). */
export const patternArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 3, arbitrary: fields.map(nest) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.array(branchFields.map(nest), { minLength: 2, maxLength: 3 }),
        fc.option(fc.array(matcher, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      )
      .map(([branches, b]) => {
        const pattern: Record<string, unknown> = { $or: branches };
        if (b !== undefined) pattern.b = b;
        return pattern;
      }),
  },
);

const valueOrArray = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constant({}));
const inner = fc.record({ z: valueOrArray }, { requiredKeys: [] });
const element = fc.record(
  { x: valueOrArray, y: valueOrArray, in: fc.oneof(inner, fc.array(inner, { maxLength: 2 })) },
  { requiredKeys: [] },
);

/** An event over the same vocabulary: scalars, arrays of scalars, arrays of objects, nested arrays. */
export const eventArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    a: valueOrArray,
    b: valueOrArray,
    c: fc.oneof(
      fc.record({ d: valueOrArray, e: valueOrArray }, { requiredKeys: [] }),
      fc.array(fc.record({ d: scalar, e: scalar }, { requiredKeys: [] }), { maxLength: 3 }),
    ),
    arr: fc.oneof(fc.array(element, { maxLength: 4 }), element),
    'c.d': scalar,
  },
  { requiredKeys: [] },
);
