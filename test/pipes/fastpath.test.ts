// The render fast paths (literal slices, scalar text without JSON.stringify, interned options,
// per-render value reuse, the lazily re-parsed JSON tree) must write exactly what the plain
// definitions write: JSON.stringify for JSON values, the template's own bytes around the slots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUM_RUNS } from '../_helpers/runs.js';
import {
  compilePipeTemplate,
  compileRuleTemplate,
  renderPipeTemplate,
  renderRuleTemplate,
  type RenderOptions,
  type RenderResult,
} from '../../src/pipes/index.js';

const body = (r: RenderResult): string => {
  if (!r.delivered) throw new Error(`not delivered: ${r.reason}`);
  return r.body;
};

describe('scalar values are written as JSON.stringify writes them', () => {
  it('unquoted', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer(),
          fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e21, 5e-324),
          fc.boolean(),
          fc.constant(null),
        ),
        (value) => {
          expect(body(renderPipeTemplate('{"v": <$.v>}', { v: value }))).toBe(`{"v": ${JSON.stringify(value)}}`);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('inside a string, as JSON would print the number', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.constantFrom(-0, NaN, Infinity), fc.boolean(), fc.constant(null)),
        (value) => {
          const expected = typeof value === 'number' ? JSON.stringify(value) : String(value);
          expect(body(renderPipeTemplate('{"v": "n=<$.v>"}', { v: value }))).toBe(`{"v": "n=${expected}"}`);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('escape: json quotes a string exactly as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(body(renderPipeTemplate('{"v": <$.v>}', { v: value }, {}, { escape: 'json' }))).toBe(
          `{"v": ${JSON.stringify(value)}}`,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the template text around placeholders is kept byte for byte', () => {
  const gap = fc.constantFrom(' ', '\n', '\t', '\r\n', '');
  it('JSON templates with any whitespace and quoted or unquoted placeholders', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, gap, fc.boolean()), { minLength: 1, maxLength: 6 }), (members) => {
        const template = `{${members.map(([a, b, quoted], k) => `${a}"k${k}"${b}:${a}${quoted ? '"<$.s>"' : '<$.s>'}${b}`).join(',')}}`;
        const expected = template.replaceAll('"<$.s>"', '"v"').replaceAll('<$.s>', '"v"');
        expect(body(renderPipeTemplate(template, { s: 'v' }))).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a 4,000-deep template renders as itself', () => {
    const template = `${'['.repeat(4000)}<$.s>${']'.repeat(4000)}`;
    expect(body(renderPipeTemplate(compilePipeTemplate(template), { s: 'v' }))).toBe(
      `${'['.repeat(4000)}"v"${']'.repeat(4000)}`,
    );
  });

  it('missingPath: omit re-parses the tree it needs, once, and reuses it', () => {
    const template = `${'[ '.repeat(200)}<$.s>, <$.t>${' ]'.repeat(200)}`;
    const compiled = compilePipeTemplate(template);
    expect(body(renderPipeTemplate(compiled, { s: 'v', t: 1 }, {}, { missingPath: 'omit' }))).toBe(
      template.replace('<$.s>', '"v"').replace('<$.t>', '1'),
    );
    expect(body(renderPipeTemplate(compiled, { t: 1 }, {}, { missingPath: 'omit' }))).toBe(
      `${'[ '.repeat(200)}1${' ]'.repeat(200)}`,
    );
    expect(body(renderPipeTemplate(compiled, {}, {}, { missingPath: 'omit' }))).toBe(
      `${'[ '.repeat(199)}[]${' ]'.repeat(199)}`,
    );
  });

  it('outerQuotes: never unquotes every line, whatever the placeholders between the quotes', () => {
    const template = '"a <$.s> \\"q\\" <$.s>"\n  "<$.n>"';
    expect(body(renderPipeTemplate(template, { s: 'v', n: 2 }, {}, { outerQuotes: 'never' }))).toBe(
      'a v \\"q\\" v\n  2',
    );
    expect(body(renderPipeTemplate(template, { s: 'v', n: 2 }))).toBe('"a v \\"q\\" v"\n  "2"');
  });
});

describe('each placeholder is evaluated once per render, and a render keeps nothing', () => {
  it('a repeated placeholder writes the same value everywhere', () => {
    let reads = 0;
    const event = {
      get s(): string {
        reads++;
        return `v${reads}`;
      },
    };
    expect(body(renderPipeTemplate('{"a": <$.s>, "b": "<$.s>", "c": "x<$.s>"}', event))).toBe(
      '{"a": "v1", "b": "v1", "c": "xv1"}',
    );
    expect(body(renderPipeTemplate('{"a": <$.s>, "b": <$.s>}', event, {}, { missingPath: 'omit' }))).toBe(
      '{"a": "v2", "b": "v2"}',
    );
  });

  it('a body reassigned between renders is decoded again', () => {
    const record: Record<string, unknown> = { eventSource: 'aws:sqs', body: '{"a": 1}' };
    const compiled = compilePipeTemplate('{"a": <$.body.a>}');
    expect(body(renderPipeTemplate(compiled, record))).toBe('{"a": 1}');
    record.body = '{"a": 2}';
    expect(body(renderPipeTemplate(compiled, record))).toBe('{"a": 2}');
  });

  it('an options object changed between renders is read again', () => {
    const options: RenderOptions = { escape: 'none' };
    expect(body(renderPipeTemplate('{"v": <$.v>}', { v: 'a"b' }, {}, options))).toBe('{"v": "a"b"}');
    options.escape = 'json';
    expect(body(renderPipeTemplate('{"v": <$.v>}', { v: 'a"b' }, {}, options))).toBe('{"v": "a\\"b"}');
    options.escape = 'xml' as never;
    expect(() => renderPipeTemplate('{"v": <$.v>}', { v: 'a"b' }, {}, options)).toThrow(
      'renderPipeTemplate: options.escape must be one of "none", "json", got "xml"',
    );
  });

  it('reserved-only templates never decode the record, and rules read reserved variables', () => {
    expect(
      body(
        renderPipeTemplate('{"p": <aws.pipes.pipe-name>}', { eventSource: 'aws:sqs', body: '{' }, { pipeName: 'x' }),
      ),
    ).toBe('{"p": "x"}');
    const rule = compileRuleTemplate({
      inputPathsMap: { s: '$.detail.s' },
      inputTemplate: '{"s": <s>, "r": <aws.events.rule-name>, "again": "<s>"}',
    });
    expect(body(renderRuleTemplate(rule, { detail: { s: 'on' } }, { ruleName: 'r1' }))).toBe(
      '{"s": "on", "r": "r1", "again": "on"}',
    );
  });
});
