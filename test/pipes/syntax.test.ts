import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePipeTemplate,
  compileRuleTemplate,
  lintPipeTemplate,
  renderPipeTemplate,
  TemplateSyntaxError,
} from '../../src/pipes/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';

function syntaxError(template: unknown): TemplateSyntaxError {
  try {
    compilePipeTemplate(template as string);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    return error as TemplateSyntaxError;
  }
  throw new Error(`compiled: ${JSON.stringify(template)}`);
}

describe('bad templates: TemplateSyntaxError with line and column', () => {
  it.each([
    ['not text', 42, 'not-text', 1, 1],
    ['unterminated <', '{\n  "a": <$.b\n}', 'unterminated-placeholder', 2, 8],
    ['nested <<', '{"a": <<$.b>>}', 'nested-placeholder', 1, 8],
    ['< inside a placeholder', '"x <$.a<$.b>>"', 'nested-placeholder', 1, 8],
    ['empty placeholder', '{"a": <>}', 'empty-placeholder', 1, 7],
    ['missing comma', '{"a": 1\n "b": 2}', 'invalid-json', 2, 2],
    ['trailing comma', '{"a": <$.x>,}', 'invalid-json', 1, 13],
    ['unquoted key', '{a: 1}', 'invalid-json', 1, 2],
    ['garbage after JSON', '{"a": 1} x', 'invalid-json', 1, 10],
    ['unterminated string', '{"a": "x}', 'invalid-json', 1, 7],
    ['raw newline in a string', '{"a": "x\ny"}', 'invalid-json', 1, 9],
    ['text after a string template', '"a" b', 'invalid-string-template', 1, 5],
    ['control character', 'ab\u0000c', 'control-character', 1, 3],
    ['lone surrogate', '{"a": "\ud800"}', 'control-character', 1, 8],
    ['recursive descent', '{"a": <$..b>}', 'unsupported-path', 1, 9],
    ['filter', '{"a": <$.b[?(@.c)]>}', 'unsupported-path', 1, 11],
    ['function', '{"a": <$.b.length()>}', 'unsupported-path', 1, 12],
    ['bracketed name', '{"a": <$[\'b\']>}', 'unsupported-path', 1, 9],
    ['unknown reserved variable', '{"a": <aws.pipes.pipe-id>}', 'unknown-reserved-variable', 1, 7],
    ['neither path nor reserved', '{"a": <name>}', 'invalid-placeholder', 1, 7],
  ])('%s', (_name, template, code, line, column) => {
    const error = syntaxError(template);
    expect({ code: error.code, line: error.line, column: error.column }).toEqual({ code, line, column });
    expect(error.message).toContain(`line ${line}, column ${column}`);
  });

  it('over 8,192 characters', () => {
    const error = syntaxError(`{"a": "${'x'.repeat(8200)}"}`);
    expect(error).toMatchObject({ code: 'template-too-long', line: 1, column: 8193 });
    expect(() => compilePipeTemplate(`"${'x'.repeat(8190)}"`)).not.toThrow();
  });

  it('lint reports the same problem instead of throwing', () => {
    expect(lintPipeTemplate('{\n  "a": <$.b\n}')).toContainEqual(
      expect.objectContaining({ code: 'unterminated-placeholder', line: 2, column: 8, severity: 'error' }),
    );
    expect(lintPipeTemplate(null as never)).toEqual([expect.objectContaining({ code: 'not-text' })]);
  });

  it('rule templates too', () => {
    expect(() => compileRuleTemplate({ inputPathsMap: { a: '$.a' }, inputTemplate: '{"x": <a>' })).toThrow(
      TemplateSyntaxError,
    );
  });

  it('pathological inputs compile in linear time without overflowing the stack', () => {
    const deliver = (template: string, expected: string) => {
      expect(template.length).toBeLessThanOrEqual(8192); // within the limit: the parser itself is exercised
      const compiled = compilePipeTemplate(template);
      expect(renderPipeTemplate(compiled, { a: 'x' })).toEqual({ delivered: true, body: expected });
    };
    // 4,000 nested arrays.
    deliver('['.repeat(4000) + ']'.repeat(4000), '['.repeat(4000) + ']'.repeat(4000));
    // 1,600 nested objects (8,001 characters), and 1,365 with a one-letter key.
    deliver('{"":'.repeat(1600) + '1' + '}'.repeat(1600), '{"":'.repeat(1600) + '1' + '}'.repeat(1600));
    deliver('{"a":'.repeat(1365) + '1' + '}'.repeat(1365), '{"a":'.repeat(1365) + '1' + '}'.repeat(1365));
    // A placeholder at the bottom of 1,600 levels.
    deliver('{"":'.repeat(1600) + '<$.a>' + '}'.repeat(1600), '{"":'.repeat(1600) + '"x"' + '}'.repeat(1600));
    // 1,600 placeholders in one string template.
    deliver('"' + '<$.a>'.repeat(1600) + '"', '"' + 'x'.repeat(1600) + '"');
    // 8,000 "<": the second one is a "<" inside a placeholder.
    expect(syntaxError('<'.repeat(8000))).toMatchObject({ code: 'nested-placeholder', line: 1, column: 2 });
  });
});

describe('fuzz: arbitrary strings up to 8 KiB never crash or hang', () => {
  const fragments = fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    '"',
    '\\',
    ':',
    ',',
    '<',
    '>',
    '<$.a>',
    '<$.b[0]>',
    '<aws.pipes.event.json>',
    ' ',
    '\n',
    '1',
    'true',
    '$',
    '.',
    '*',
    '\u0000',
    '\ud800',
    'é',
  );
  const template = fc.oneof(
    fc.string({ maxLength: 8192, unit: 'binary' }),
    fc.array(fragments, { maxLength: 400 }).map((parts) => parts.join('')),
  );
  it('compiles to a template that renders, or throws TemplateSyntaxError; lint agrees', () => {
    fc.assert(
      fc.property(template, (t) => {
        const diagnostics = lintPipeTemplate(t);
        let compiled;
        try {
          compiled = compilePipeTemplate(t);
        } catch (error) {
          if (!(error instanceof TemplateSyntaxError)) throw error;
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.column).toBeGreaterThanOrEqual(1);
          expect(
            diagnostics.some(
              (d) =>
                d.code === error.code && d.line === error.line && d.column === error.column && d.severity === 'error',
            ),
          ).toBe(true);
          return;
        }
        const result = renderPipeTemplate(compiled, { a: 'x', b: [1] });
        expect(typeof result.delivered).toBe('boolean');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
