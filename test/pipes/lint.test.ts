import { docSection } from '../_helpers/readme.js';
import { describe, expect, it } from 'vitest';
import {
  compilePipeTemplate,
  LINT_CODES,
  lintPipeTemplate,
  lintRuleTemplate,
  type TemplateDiagnostic,
} from '../../src/pipes/index.js';

const codes = (ds: TemplateDiagnostic[]) => ds.map((d) => `${d.code}:${d.severity}`);

describe('lint: one code per documented pitfall, each with a wrong and a right example', () => {
  it.each([
    ['quoted-object', '{"order": "<$.body>"}', '{"order": <$.body>}', 'sqs'],
    ['quoted-object', '{"ids": "<$.Records[*].id>"}', '{"ids": <$.Records[*].id>}', undefined],
    ['event-in-string', '{"e": "event: <aws.pipes.event.json>"}', '{"e": <aws.pipes.event.json>}', undefined],
    ['placeholder-as-key', '{<$.messageId>: 1}', '{"id": <$.messageId>}', 'sqs'],
    ['placeholder-as-key', '{"<$.messageId>": 1}', '{"id": <$.messageId>}', 'sqs'],
    ['bare-body', '<$.body>', '{"data": <$.body>}', 'sqs'],
    ['bare-body', '<$.data>', '{"data": <$.data>}', undefined],
    ['free-text-template', 'Order <$.body.id> received', '"Order <$.body.id> received"', 'sqs'],
    ['free-text-template', '<$.messageId>', '{"id": <$.messageId>}', 'sqs'],
    ['impossible-path', '{"id": <$.messageID>}', '{"id": <$.messageId>}', 'sqs'],
    ['impossible-path', '{"k": <$.kinesis.data>}', '{"k": <$.data>}', 'kinesis'],
    ['multi-line-template', '"a <$.messageId>"\n"b"', '"a <$.messageId> b"', 'sqs'],
    ['unsupported-path', '{"a": <$..id>}', '{"a": <$.detail.id>}', 'eventbridge'],
    ['unknown-reserved-variable', '{"a": <aws.pipes.name>}', '{"a": <aws.pipes.pipe-name>}', undefined],
    ['unterminated-placeholder', '{"a": <$.id}', '{"a": <$.id>}', undefined],
    ['template-too-long', `{"a": "${'x'.repeat(8200)}"}`, `{"a": "${'x'.repeat(100)}"}`, undefined],
  ] as const)('%s (example %#)', (code, wrong, right, source) => {
    const opts = source === undefined ? {} : { source };
    expect(lintPipeTemplate(wrong, opts).map((d) => d.code)).toContain(code);
    expect(lintPipeTemplate(right, opts).map((d) => d.code)).not.toContain(code);
    expect(LINT_CODES).toHaveProperty(code);
  });

  it('severity: a source makes quoted-object an error; without one it is a warning for likely objects', () => {
    expect(codes(lintPipeTemplate('{"k": "<$.detail>"}', { source: 'eventbridge' }))).toEqual(['quoted-object:error']);
    expect(codes(lintPipeTemplate('{"k": "<$.detail>"}'))).toEqual(['quoted-object:warning']);
    expect(codes(lintPipeTemplate('{"k": "<$.messageId>", "j": "x <$.body.a>"}', { source: 'sqs' }))).toEqual([
      'quoted-object:error',
    ]);
    expect(codes(lintPipeTemplate('{"k": "<$.detail.bucket.name>"}', { source: 's3-eventbridge' }))).toEqual([]);
    expect(codes(lintPipeTemplate('"x <$.detail>"', { source: 'eventbridge' }))).toEqual([
      'pipes-string-template:warning',
      'quoted-object:warning',
    ]);
  });

  it('positions are 1-based line and column', () => {
    expect(lintPipeTemplate('{\n  "a": "<$.body>",\n  <$.x>: 1\n}', { source: 'sqs' })).toEqual([
      expect.objectContaining({ code: 'quoted-object', line: 2, column: 9 }),
      expect.objectContaining({ code: 'impossible-path', line: 3, column: 3, severity: 'warning' }),
      expect.objectContaining({ code: 'placeholder-as-key', line: 3, column: 3 }),
    ]);
  });

  it('compile keeps the non-fatal findings as diagnostics', () => {
    expect(compilePipeTemplate('<$.body>', { source: 'sqs' }).diagnostics.map((d) => d.code)).toEqual(['bare-body']);
    expect(compilePipeTemplate('{"a": <$.body>}').diagnostics).toEqual([]);
  });

  it('rules: PutTargets rejections and the same pitfalls', () => {
    expect(
      lintRuleTemplate({ inputPathsMap: { a: '$.detail.a' }, inputTemplate: '{"x": <b>}' }, { targetId: 't1' }),
    ).toEqual([
      expect.objectContaining({
        code: 'undefined-placeholder',
        message: 'InputTemplate for target t1 contains invalid placeholder b.',
        line: 1,
        column: 7,
      }),
    ]);
    expect(
      codes(
        lintRuleTemplate(
          { inputPathsMap: { p: '$.detail' }, inputTemplate: '{"x": "users/<p>"}' },
          { source: 'eventbridge' },
        ),
      ),
    ).toEqual(['quoted-object:error']);
    expect(codes(lintRuleTemplate({ inputTemplate: '{"x": "<aws.events.event>"}' }))).toEqual([
      'event-in-string:error',
    ]);
    expect(codes(lintRuleTemplate({ inputPathsMap: { 'AWS.x': '$.a' }, inputTemplate: '"a"' }))).toEqual([
      'reserved-input-path-key:error',
    ]);
  });

  it('every code in LINT_CODES is documented in the templates guide with a wrong and a right example', () => {
    const doc = docSection('docs/guide/templates.md', '### Lint');
    for (const code of Object.keys(LINT_CODES)) {
      const section = doc.split(/\n#### /).find((s) => s.startsWith(`\`${code}\``));
      expect(section, code).toBeDefined();
      expect(section, code).toMatch(/Wrong/);
      expect(section, code).toMatch(/Right/);
    }
  });
});
