import { describe, expect, it } from 'vitest';
import { checkPipeTemplate } from '../../arbitraries/checkPipeTemplate.js';
import { checkRuleTemplate } from '../../arbitraries/checkRuleTemplate.js';
import {
  compilePipeTemplate,
  compileRuleTemplate,
  lintPipeTemplate,
  lintRuleTemplate,
  renderPipeTemplate,
  renderRuleTemplate,
  transformPipeBatch,
  type RenderResult,
} from '../../src/pipes/index.js';

const body = (r: RenderResult) => {
  if (!r.delivered) throw new Error(`not delivered: ${r.reason}`);
  return r.body;
};

// A Pipes or rule target sees the event after JSON: `JSON.parse(JSON.stringify(event))`. A member
// holding undefined (or a function, a symbol) is a missing key there; such an array item is null.
describe('values JSON cannot carry behave as in the JSON event AWS reads', () => {
  it('an undefined member is a missing path: "" as a JSON value, nothing inside a string', () => {
    expect(body(renderPipeTemplate('{"e": <$.m>}', { m: undefined }))).toBe('{"e": ""}');
    expect(body(renderPipeTemplate('{"e": <$.m>}', { m: undefined }))).toBe(
      body(renderPipeTemplate('{"e": <$.m>}', {})),
    );
    expect(body(renderPipeTemplate('{"e": "x<$.m>y"}', { m: undefined }))).toBe('{"e": "xy"}');
    expect(body(renderPipeTemplate('"a <$.m>"', { m: undefined }))).toBe('"a "');
    expect(body(renderPipeTemplate('{"e": <$.a.b>}', { a: { b: () => 1 } }))).toBe('{"e": ""}');
    expect(body(renderPipeTemplate('{"e": <$.a[0].b>}', { a: [{ b: Symbol('s') }] }))).toBe('{"e": ""}');
  });

  it('the same for rules (same accessors)', () => {
    const r = renderRuleTemplate(
      { inputPathsMap: { m: '$.detail.m' }, inputTemplate: '{"e": <m>}' },
      { detail: { m: undefined } },
    );
    expect(body(r)).toBe('{"e": ""}');
  });

  it('missingPath: omit drops an undefined member like a missing one', () => {
    expect(body(renderPipeTemplate('{"e": <$.m>, "f": 1}', { m: undefined }, {}, { missingPath: 'omit' }))).toBe(
      '{ "f": 1}',
    );
    expect(
      JSON.parse(body(renderPipeTemplate('[<$.m>, <$.n>]', { m: undefined, n: 2 }, {}, { missingPath: 'omit' }))),
    ).toEqual([2]);
  });

  it('an undefined array item (or a hole) is null, as JSON writes it', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(body(renderPipeTemplate('{"a": <$.m[0]>, "b": <$.m[1]>}', { m: [undefined, , 3] }))).toBe(
      '{"a": null, "b": null}',
    );
    expect(body(renderPipeTemplate('{"a": <$.m[0].x>}', { m: [undefined] }))).toBe('{"a": ""}');
  });

  it('wildcards skip undefined members and keep undefined items as null', () => {
    expect(JSON.parse(body(renderPipeTemplate('{"a": <$.m.*>}', { m: { x: undefined, y: 1, f: () => 0 } })))).toEqual({
      a: [1],
    });
    expect(JSON.parse(body(renderPipeTemplate('{"a": <$.m[*]>}', { m: [undefined, 1] })))).toEqual({ a: [null, 1] });
    expect(body(renderPipeTemplate('{"a": <$.m[*]>}', { m: [undefined, 1] }, {}, { wildcard: 'first' }))).toBe(
      '{"a": null}',
    );
  });

  it('in a batch, a record with an undefined member stays a JSON record, not a string', () => {
    const batch = transformPipeBatch('{"e": <$.m>}', [{ m: undefined }, { m: 1 }]);
    expect(batch).toEqual({
      delivered: true,
      body: '[{"e": ""},{"e": 1}]',
      records: [{ e: '' }, { e: 1 }],
      notJson: [],
    });
  });

  it('a missing path in free text or a bare template renders nothing, never Symbol(missing)', () => {
    for (const event of [{}, { m: undefined }]) {
      expect(body(renderPipeTemplate('hello <$.m> x', event))).toBe('hello  x');
      expect(body(renderPipeTemplate('<$.m>', event))).toBe('');
    }
    // The first match of a wildcard with no match is missing too.
    expect(body(renderPipeTemplate('hello <$.m[*]> x', { m: [] }, {}, { wildcard: 'first' }))).toBe('hello  x');
    expect(body(renderPipeTemplate('<$.m[*]>', { m: [] }, {}, { wildcard: 'first' }))).toBe('');
    expect(body(renderRuleTemplate({ inputPathsMap: { m: '$.m' }, inputTemplate: 'x <m> y' }, {}))).toBe('x  y');
  });
});

describe('transformPipeBatch reports records whose output is not JSON', () => {
  it('lists their indices in notJson (they are sent as JSON strings)', () => {
    const batch = transformPipeBatch('<$.m>', [{ m: '{"a":1}' }, { m: 'plain' }, { m: 3 }]);
    expect(batch.delivered && batch.records).toEqual([{ a: 1 }, 'plain', 3]);
    expect(batch.delivered && batch.notJson).toEqual([1]);
  });
});

describe('lint stops at template-too-long', () => {
  it('a 10 MB template gets the one finding, quickly and without parsing it', () => {
    const big = `{"a": [${'<$.x>,'.repeat(1_700_000)}1]}`;
    const started = performance.now();
    const pipes = lintPipeTemplate(big);
    const rule = lintRuleTemplate({ inputTemplate: big, inputPathsMap: { x: '$.a' } });
    expect(pipes.map((d) => d.code)).toEqual(['template-too-long']);
    expect(rule.map((d) => d.code)).toEqual(['template-too-long']);
    // Parsing it took minutes and gigabytes before; a generous bound that only a full parse breaks.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('bad lint and check options are TypeErrors naming the option', () => {
  it.each([
    [
      'lintPipeTemplate',
      () => lintPipeTemplate('{"a": <$.b>}', { source: 'nope' as never }),
      /lintPipeTemplate: options\.source must be one of sqs, .*got "nope"/,
    ],
    [
      'lintPipeTemplate',
      () => lintPipeTemplate('{}', null as never),
      /lintPipeTemplate: options must be an object .*got null/,
    ],
    [
      'lintRuleTemplate',
      () => lintRuleTemplate({ inputTemplate: '{}' }, null as never),
      /lintRuleTemplate: options must be an object/,
    ],
    [
      'lintRuleTemplate',
      () => lintRuleTemplate({ inputTemplate: '{}' }, { source: 'sns' as never }),
      /lintRuleTemplate: options\.source must be one of/,
    ],
    [
      'compilePipeTemplate',
      () => compilePipeTemplate('{}', 'sqs' as never),
      /compilePipeTemplate: options must be an object .*got string/,
    ],
    [
      'compileRuleTemplate',
      () => compileRuleTemplate({ inputTemplate: '{}' }, { source: 7 as never }),
      /compileRuleTemplate: options\.source must be one of .*got 7/,
    ],
    ['checkPipeTemplate', () => checkPipeTemplate('{}', null as never), /checkPipeTemplate: options must be an object/],
    [
      'checkPipeTemplate',
      () => checkPipeTemplate('{"a": <$.b>}', { source: 'nope' as never }),
      /checkPipeTemplate: options\.source must be one of/,
    ],
    [
      'checkRuleTemplate',
      () => checkRuleTemplate({ inputTemplate: '{}' }, null as never),
      /checkRuleTemplate: options must be an object/,
    ],
  ])('%s', (_api, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('an event JSON cannot write', () => {
  it('a cycle or a bigint under a placeholder is a TypeError saying the event is not JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => renderPipeTemplate('{"e": <$.c>}', { c: cyclic })).toThrow(
      /^the event is not JSON, as every event AWS delivers is: Converting circular structure to JSON/,
    );
    expect(() => renderPipeTemplate('{"e": <$.c>}', { c: { n: 1n } })).toThrow(
      /^the event is not JSON, as every event AWS delivers is: Do not know how to serialize a BigInt/,
    );
    expect(() => renderPipeTemplate('', cyclic)).toThrow(TypeError);
  });
});

describe('bad contexts, render options and InputPathsMaps are TypeErrors naming them', () => {
  const t = '{"p": <aws.pipes.pipe-name>}';
  it.each([
    [
      'renderPipeTemplate context null',
      () => renderPipeTemplate(t, {}, null as never),
      /^renderPipeTemplate: context must be an object/,
    ],
    [
      'renderPipeTemplate context string',
      () => renderPipeTemplate(t, {}, 'my-pipe' as never),
      /^renderPipeTemplate: context must be an object .*got string/,
    ],
    [
      'transformPipeBatch context null',
      () => transformPipeBatch(t, [{}], null as never),
      /^transformPipeBatch: context must be an object/,
    ],
    [
      'renderRuleTemplate context null',
      () => renderRuleTemplate({ inputTemplate: '"x"' }, {}, null as never),
      /^renderRuleTemplate: context must be an object/,
    ],
    [
      'renderPipeTemplate options null',
      () => renderPipeTemplate(t, {}, {}, null as never),
      /^renderPipeTemplate: options must be an object/,
    ],
    [
      'renderPipeTemplate options string',
      () => renderPipeTemplate(t, {}, {}, 'omit' as never),
      /^renderPipeTemplate: options must be an object .*got string/,
    ],
    [
      'ingestionTime year 275760',
      () => renderPipeTemplate('{"t": <aws.pipes.event.ingestion-time>}', {}, { ingestionTime: new Date(8.64e15) }),
      /context\.ingestionTime must be .* 0000 to 9999, got \+275760/,
    ],
    [
      'ingestionTime invalid Date',
      () =>
        renderRuleTemplate(
          { inputTemplate: '{"t": <aws.events.event.ingestion-time>}' },
          {},
          { ingestionTime: new Date(Number.NaN) },
        ),
      /context\.ingestionTime .*got an invalid Date/,
    ],
    [
      'compileRuleTemplate inputPathsMap string',
      () => compileRuleTemplate({ inputTemplate: '"<s>"', inputPathsMap: 'abc' as never }),
      /^compileRuleTemplate: inputPathsMap must be an object .*got string/,
    ],
    [
      'lintRuleTemplate inputPathsMap array',
      () => lintRuleTemplate({ inputTemplate: '"x"', inputPathsMap: ['$.a'] as never }),
      /^lintRuleTemplate: inputPathsMap must be an object .*got an array/,
    ],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('a Date ingestion time in range renders as ISO-8601, a string as given', () => {
    expect(
      renderPipeTemplate(
        '{"t": <aws.pipes.event.ingestion-time>}',
        {},
        { ingestionTime: new Date('2026-01-15T12:30:45Z') },
      ),
    ).toEqual({ delivered: true, body: '{"t": "2026-01-15T12:30:45.000Z"}' });
    expect(
      renderPipeTemplate('{"t": <aws.pipes.event.ingestion-time>}', {}, { ingestionTime: '2026-01-15T12:30:45Z' }),
    ).toEqual({ delivered: true, body: '{"t": "2026-01-15T12:30:45Z"}' });
  });
});
