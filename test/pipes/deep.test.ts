/**
 * Deep nesting never overflows the stack. Templates may nest about 4,000 levels within the
 * 8,192-character limit; events nest as deep as JSON.parse allows (V8's is iterative), while
 * V8's JSON.stringify and any one-call-per-level walk overflow a few thousand levels down.
 * Deep values are built from repeated text and JSON.parse, and compared as strings: never walked
 * recursively here either (vitest's deep equality recurses too).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseRender, extractValues } from '../../src/pipes/explain.js';
import {
  compilePipeTemplate,
  lintPipeTemplate,
  lintRuleTemplate,
  renderPipeTemplate,
  renderRuleTemplate,
  TEMPLATE_MAX_LENGTH,
  TemplateSyntaxError,
  transformPipeBatch,
  type RenderOptions,
  type RenderResult,
} from '../../src/pipes/index.js';
import { stringifyDeep, stringifyJson } from '../../src/pipes/json.js';
import { NUM_RUNS } from '../_helpers/runs.js';

const DEPTH = 10_000;
const arrays = (n: number, inner: string): string => '['.repeat(n) + inner + ']'.repeat(n);
const objects = (n: number, inner: string, key = 'a'): string => `{"${key}":`.repeat(n) + inner + '}'.repeat(n);
const mixed = (n: number, inner: string, key = 'a'): string => `[{"${key}":`.repeat(n / 2) + inner + '}]'.repeat(n / 2);

const CHOICES: { [K in keyof Required<RenderOptions>]: readonly Required<RenderOptions>[K][] } = {
  missingPath: ['empty', 'omit'],
  outerQuotes: ['template', 'always', 'never'],
  escape: ['none', 'json'],
  wildcard: ['array', 'first'],
  objectInJsonString: ['drop', 'strip-quotes'],
  embeddedJson: ['compact', 'source'],
  implicitBodyParsing: [true, false],
};
/** The defaults (no options), then every combination of the named options' values. */
const combinations = (
  keys: ReadonlyArray<keyof RenderOptions> = Object.keys(CHOICES) as Array<keyof RenderOptions>,
): RenderOptions[] => {
  let all: RenderOptions[] = [{}];
  for (const key of keys)
    all = all.flatMap((o) => (CHOICES[key] as readonly unknown[]).map((v) => ({ ...o, [key]: v })));
  return [{}, ...all];
};
/** Every combination of every option (193 with the defaults). */
const COMBINATIONS = combinations();
const label = (o: RenderOptions): string => JSON.stringify(o);

const text = (r: RenderResult): string | null => (r.delivered ? r.body : null);

describe('templates nested to the length limit (missingPath omit walks the tree)', () => {
  // Each shape: how one level opens and closes, and the deepest nesting that fits in 8,192 characters.
  const shapes = [
    { name: 'arrays', open: '[', close: ']', levels: 4000 },
    { name: 'objects', open: '{"":', close: '}', levels: 1630 },
    { name: 'mixed', open: '[{"":', close: '}]', levels: 1165 }, // 2,330 levels
  ];
  const leaves = [
    '<$.s>',
    '<$.nope>',
    '"<$.s>"',
    '"<$.o>"',
    '"x<$.o>y"',
    '<$.o>',
    '<$.l[*]>',
    '<$.l.*>',
    '<aws.pipes.event>',
    '"<$.nope>"',
  ];
  const event = { s: 'v"q', o: { a: 'x', b: [1, 'y'] }, l: ['P', 'Q'] };

  for (const shape of shapes) {
    it(`${shape.name}: the deep render is the shallow one, wrapped, for every option combination`, () => {
      for (const leaf of leaves) {
        // The shallow template (one level) renders through code no deeper than before; the deep one must match it.
        const shallow = compilePipeTemplate(shape.open + leaf + shape.close);
        const template = shape.open.repeat(shape.levels) + leaf + shape.close.repeat(shape.levels);
        expect(template.length).toBeLessThanOrEqual(TEMPLATE_MAX_LENGTH);
        const deep = compilePipeTemplate(template);
        for (const options of COMBINATIONS) {
          const want = renderPipeTemplate(shallow, event, {}, options);
          const got = renderPipeTemplate(deep, event, {}, options);
          const wrap = (body: string) =>
            shape.open.repeat(shape.levels - 1) + body + shape.close.repeat(shape.levels - 1);
          if (want.delivered) expect(text(got), `${leaf} ${label(options)}`).toBe(wrap(want.body));
          else expect(got, `${leaf} ${label(options)}`).toEqual(want);
        }
      }
    });
  }

  it('a missing innermost member is left out under omit, kept as "" otherwise', () => {
    const template = arrays(4000, '<$.nope>');
    expect(text(renderPipeTemplate(template, {}, {}, { missingPath: 'omit' }))).toBe(arrays(4000, ''));
    expect(text(renderPipeTemplate(template, {}, {}, { missingPath: 'empty' }))).toBe(arrays(4000, '""'));
    const members = objects(1000, '<$.nope>, "k": <$.s>');
    expect(text(renderPipeTemplate(members, { s: 1 }, {}, { missingPath: 'omit' }))).toBe(objects(999, '{ "k": 1}'));
    expect(text(renderPipeTemplate(members, { s: 1 }))).toBe(objects(1000, '"", "k": 1'));
  });

  it('rule templates too, with omit', () => {
    const transformer = { inputPathsMap: { a: '$.a', n: '$.nope' }, inputTemplate: arrays(4000, '<a>, <n>') };
    expect(text(renderRuleTemplate(transformer, { a: 1 }, {}, { missingPath: 'omit' }))).toBe(arrays(4000, '1'));
    expect(text(renderRuleTemplate(transformer, { a: 1 }))).toBe(arrays(4000, '1, ""'));
    expect(lintRuleTemplate(transformer)).toEqual([]);
  });

  it('lint walks deep templates', () => {
    expect(lintPipeTemplate(arrays(4000, '<$.body>'), { source: 'sqs' })).toEqual([]);
    expect(lintPipeTemplate(objects(1300, '"<$.body>"'), { source: 'sqs' }).map((d) => d.code)).toEqual([
      'quoted-object',
    ]);
  });

  it('deeper than the limit allows: TemplateSyntaxError template-too-long with line and column, from compile, render and lint', () => {
    const template = objects(4000, '<$.a>');
    const check = (error: unknown) =>
      error instanceof TemplateSyntaxError &&
      error.code === 'template-too-long' &&
      error.line === 1 &&
      error.column === TEMPLATE_MAX_LENGTH + 1;
    expect(() => compilePipeTemplate(template)).toThrow(TemplateSyntaxError);
    expect(() => compilePipeTemplate(template)).toSatisfy((f: () => unknown) => {
      try {
        f();
        return false;
      } catch (error) {
        return check(error);
      }
    });
    expect(() => renderPipeTemplate(template, {}, {}, { missingPath: 'omit' })).toThrow(TemplateSyntaxError);
    expect(lintPipeTemplate(template).map((d) => d.code)).toContain('template-too-long');
    // Unbalanced nesting is a syntax error at the end, not a crash.
    expect(() => compilePipeTemplate('['.repeat(TEMPLATE_MAX_LENGTH))).toThrow(
      /a JSON value is missing \(line 1, column 8193\)/,
    );
  });
});

describe(`events nested ${DEPTH.toLocaleString('en')} levels deep`, () => {
  const deepArrays = arrays(DEPTH, '1');
  const deepObjects = objects(DEPTH, '"x"');
  const deepMixed = mixed(DEPTH, '"\\""'); // the string '"': compact JSON "\"", invalid JSON once its quotes are stripped
  const eventText = `{"s":"v","a":${deepArrays},"o":${deepObjects},"m":${deepMixed}}`;
  const event: unknown = JSON.parse(eventText);
  const strip = (json: string) => json.replaceAll('"', '');
  const quote = (s: string, options: RenderOptions) => (options.escape === 'json' ? JSON.stringify(s) : `"${s}"`);

  // Each template, what it renders to for the options (null: not delivered), and the options whose
  // values take different code paths for it (every combination of them is rendered; rendering a
  // value 10,000 levels deep costs milliseconds, so not all 192 for each).
  const cases: Array<[string, (o: RenderOptions) => string | null, Array<keyof RenderOptions>]> = [
    ['{"x": <$.a>}', () => `{"x": ${deepArrays}}`, ['missingPath', 'escape', 'implicitBodyParsing']],
    ['{"x": <$.o>, "m": <$.m>}', () => `{"x": ${deepObjects}, "m": ${deepMixed}}`, ['missingPath', 'escape']],
    [
      '{"x": "<$.o>"}',
      (o) => (o.objectInJsonString === 'strip-quotes' ? `{"x": "${strip(deepObjects)}"}` : null),
      ['missingPath', 'objectInJsonString', 'embeddedJson', 'escape'],
    ],
    [
      '{"x": "p<$.a>s"}',
      (o) => (o.objectInJsonString === 'strip-quotes' ? `{"x": "p${deepArrays}s"}` : null),
      ['missingPath', 'objectInJsonString', 'embeddedJson'],
    ],
    [
      '"<$.o>"',
      (o) => (o.outerQuotes === 'never' ? strip(deepObjects) : `"${strip(deepObjects)}"`),
      ['outerQuotes', 'embeddedJson', 'escape'],
    ],
    [
      '<$.m>',
      (o) => (o.outerQuotes === 'always' ? `"${strip(deepMixed)}"` : strip(deepMixed)),
      ['outerQuotes', 'embeddedJson'],
    ],
    [
      'text <$.a>',
      (o) => (o.outerQuotes === 'always' ? `"text ${deepArrays}"` : `text ${deepArrays}`),
      ['outerQuotes', 'escape'],
    ],
    [
      '{"x": <$.o.*>}',
      (o) => (o.wildcard === 'first' ? `{"x": ${objects(DEPTH - 1, '"x"')}}` : `{"x": [${objects(DEPTH - 1, '"x"')}]}`),
      ['missingPath', 'wildcard', 'escape'],
    ],
    ['{"x": <$.a[0]>}', () => `{"x": ${arrays(DEPTH - 1, '1')}}`, ['missingPath', 'wildcard']],
    [
      '[<$.nope>, <$.a>]',
      (o) => (o.missingPath === 'omit' ? `[ ${deepArrays}]` : `["", ${deepArrays}]`),
      ['missingPath', 'escape'],
    ],
    ['{"e": <aws.pipes.event>}', () => `{"e": ${eventText}}`, ['missingPath', 'implicitBodyParsing']],
    ['', () => eventText, ['outerQuotes', 'implicitBodyParsing']],
  ];

  it('render every template with every combination of the options that matter to it', () => {
    for (const [template, expected, keys] of cases) {
      const compiled = compilePipeTemplate(template);
      for (const options of combinations(keys)) {
        const got = renderPipeTemplate(compiled, event, {}, options);
        const want = expected(options);
        if (want === null) expect(got.delivered, `${template} ${label(options)}`).toBe(false);
        else expect(text(got), `${template} ${label(options)}`).toBe(want);
      }
    }
  });

  it('implicit body parsing of a deep SQS body (compact and source text, escaped or not)', () => {
    const body = mixed(DEPTH, '1', 'k');
    const record = { eventSource: 'aws:sqs', messageId: 'm', body };
    for (const options of combinations(['implicitBodyParsing', 'embeddedJson', 'escape', 'outerQuotes'])) {
      const parsed = options.implicitBodyParsing !== false;
      expect(text(renderPipeTemplate('{"x": <$.body>}', record, {}, options)), label(options)).toBe(
        `{"x": ${parsed ? body : quote(body, options)}}`,
      );
      const inString = parsed ? strip(body) : options.escape === 'json' ? JSON.stringify(body).slice(1, -1) : body;
      expect(text(renderPipeTemplate('"<$.body>"', record, {}, options)), label(options)).toBe(
        options.outerQuotes === 'never' ? inString : `"${inString}"`,
      );
      expect(text(renderPipeTemplate('{"e": <aws.pipes.event.json>}', record, {}, options)), label(options)).toBe(
        `{"e": {"eventSource":"aws:sqs","messageId":"m","body":${parsed ? body : JSON.stringify(body)}}}`,
      );
    }
  });

  it('transformPipeBatch, rules, extractValues and diagnoseRender', () => {
    const batch = transformPipeBatch('{"x": <$.a>}', [event, event]);
    expect(batch.delivered && batch.body).toBe(`[{"x": ${deepArrays}},{"x": ${deepArrays}}]`);
    expect(batch.delivered && batch.records.length).toBe(2);
    for (const options of combinations(['missingPath', 'escape'])) {
      expect(
        text(
          renderRuleTemplate(
            { inputPathsMap: { o: '$.o' }, inputTemplate: '{"x": <o>, "e": <aws.events.event.json>}' },
            event,
            {},
            options,
          ),
        ),
      ).toBe(`{"x": ${deepObjects}, "e": ${eventText}}`);
    }
    const compiled = compilePipeTemplate('{"x": "p<$.m>s"}');
    expect(extractValues(compiled, event).map((v) => v.missing)).toEqual([false]);
    const options = { objectInJsonString: 'strip-quotes' } as const;
    const output = renderPipeTemplate(compiled, event, {}, options);
    const problem = diagnoseRender(compiled, event, output, {}, options);
    expect(problem?.kind).toBe('not-json');
    expect(problem?.placeholder).toBe('<$.m>');
    expect(problem?.message).toContain(deepMixed);
  });
});

describe('stringifyDeep writes what JSON.stringify writes', () => {
  it('for the values JSON.stringify treats specially', () => {
    class Boxed {
      toJSON(key: string) {
        return { key };
      }
    }
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const values: unknown[] = [
      undefined,
      null,
      true,
      -0,
      NaN,
      Infinity,
      1e21,
      'a"\\\u0001\ud800',
      () => 1,
      Symbol('s'),
      {
        u: undefined,
        f: () => 1,
        s: Symbol('s'),
        n: null,
        d: new Date(0),
        b: new Boxed(),
        x: [undefined, () => 1, Symbol('t')],
      },
      [new Number(1), new String('s'), new Boolean(false), { toJSON: () => undefined }],
      sparse,
      [],
      {},
      [[[]]],
      { '': { '': {} } },
      Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } }),
      { [Symbol('k')]: 1, 2: 'two', 1: 'one', b: 'b', a: 'a' },
      new Map([[1, 2]]),
      { toJSON: () => [{ toJSON: (k: string) => `key ${k}` }] },
    ];
    for (const value of values) expect(stringifyDeep(value)).toBe(JSON.stringify(value));
  });

  it('throws the native errors for a BigInt or a cycle', () => {
    expect(() => stringifyDeep({ n: 1n })).toThrow(TypeError);
    const cycle: Record<string, unknown> = { a: [] };
    (cycle.a as unknown[]).push(cycle);
    expect(() => stringifyDeep(cycle)).toThrow(TypeError);
    // Shared, not cyclic: written twice.
    const shared = { k: 1 };
    expect(stringifyDeep([shared, { shared }])).toBe(JSON.stringify([shared, { shared }]));
  });

  it('for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => stringifyDeep(value) === JSON.stringify(value)),
      { numRuns: Math.max(300, NUM_RUNS) },
    );
  });

  it('stringifyJson falls back only when the native call runs out of stack', () => {
    const text = arrays(100_000, '{"k":[1,"x",null]}');
    expect(stringifyJson(JSON.parse(text))).toBe(text);
    expect(stringifyJson({ toJSON: () => undefined })).toBeUndefined();
    const withBigInt = JSON.parse(arrays(100_000, '[]')) as unknown[];
    let innermost = withBigInt;
    while (innermost.length > 0) innermost = innermost[0] as unknown[];
    innermost.push(1n);
    expect(() => stringifyJson(withBigInt)).toThrow(TypeError);
  });
});

describe('property: deep random nesting never throws a RangeError', () => {
  const option = fc.record(
    {
      missingPath: fc.constantFrom('empty' as const, 'omit' as const),
      outerQuotes: fc.constantFrom('template' as const, 'always' as const, 'never' as const),
      escape: fc.constantFrom('none' as const, 'json' as const),
      wildcard: fc.constantFrom('array' as const, 'first' as const),
      objectInJsonString: fc.constantFrom('drop' as const, 'strip-quotes' as const),
      embeddedJson: fc.constantFrom('compact' as const, 'source' as const),
    },
    { requiredKeys: [] },
  );
  // A nesting: a depth and a short pattern of levels repeated to it (true an array, false an object keyed "k").
  const nesting = fc.tuple(
    fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    fc.oneof(fc.nat(20), fc.integer({ min: 1000, max: 4100 }), fc.integer({ min: 4100, max: 12_000 })),
  );
  const nest = ([pattern, depth]: [boolean[], number], inner: string): string => {
    const levels = Array.from({ length: depth }, (_, i) => pattern[i % pattern.length]!);
    return (
      levels.map((a) => (a ? '[' : '{"k":')).join('') +
      inner +
      levels
        .map((a) => (a ? ']' : '}'))
        .reverse()
        .join('')
    );
  };
  const leaf = fc.constantFrom(
    '<$.v>',
    '<$.nope>',
    '"<$.v>"',
    '"p<$.v>s"',
    '<$.v.*>',
    '<$.v[0]>',
    '<aws.pipes.event.json>',
    '[1, <$.nope>]',
  );

  it('templates and events up to 12,000 levels, any options', () => {
    fc.assert(
      fc.property(nesting, leaf, nesting, option, (levels, inner, valueLevels, options) => {
        const template = nest(levels, inner);
        const valueText = nest(valueLevels, '"x"');
        const record = { v: JSON.parse(valueText) as unknown, eventSource: 'aws:sqs', body: valueText };
        try {
          const r = renderPipeTemplate(template, record, {}, options);
          if (r.delivered && inner === '<$.v>' && levels[1] > 0) expect(r.body).toContain(valueText);
        } catch (error) {
          // The only error allowed is the documented one: too long (or, never here, invalid syntax).
          if (!(error instanceof TemplateSyntaxError)) throw error;
          expect(error.code).toBe('template-too-long');
        }
        expect(Array.isArray(lintPipeTemplate(template, { source: 'sqs' }))).toBe(true);
      }),
      // Each run builds and renders templates and values thousands of levels deep (tens of ms): a fifth of NUM_RUNS.
      { numRuns: Math.max(40, Math.floor(NUM_RUNS / 5)) },
    );
  });
});
