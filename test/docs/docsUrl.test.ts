/** Every lint diagnostic links to its code's page on the site, and the CLI prints that link. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DOCS_BASE_URL, LINT_CODES, lintPipeTemplate, lintRuleTemplate } from '../../src/pipes/index.js';
import { lintEventPattern, PATTERN_LINT_CODES } from '../../src/patterns/index.js';
import { runCli } from '../../src/cli/run.js';
import { sink } from '../cli/_io.js';

describe('docsUrl', () => {
  it('the base URL is an https address without a trailing slash', () => {
    expect(DOCS_BASE_URL).toMatch(/^https:\/\/[a-z0-9.-]+(\/[a-z0-9-]+)*$/);
  });

  it('template diagnostics carry the page of their own code (syntax, lint and rule validation)', () => {
    const found = [
      ...lintPipeTemplate('{"order": "<$.body>", "k": <$.a'),
      ...lintPipeTemplate('{"order": "<$.body>"}', { source: 'sqs' }),
      ...lintPipeTemplate('<$.body>', { source: 'sqs' }),
      ...lintRuleTemplate({ inputPathsMap: {}, inputTemplate: '{"a": <nope>}' }),
      ...lintPipeTemplate(42 as never),
      ...lintRuleTemplate({ inputPathsMap: {}, inputTemplate: null as never }),
    ];
    expect(found.filter((d) => d.code === 'not-text')).toEqual([
      expect.objectContaining({ line: 1, column: 1 }),
      expect.objectContaining({ line: 1, column: 1 }),
    ]);
    expect(new Set(found.map((d) => d.code)).size).toBeGreaterThanOrEqual(3);
    for (const d of found) {
      expect(Object.keys(LINT_CODES)).toContain(d.code);
      expect(d.docsUrl).toBe(`${DOCS_BASE_URL}/lint/templates/${d.code}`);
    }
  });

  it('pattern diagnostics carry the page of their own code, filter criteria included', () => {
    const six = { Filters: Array.from({ length: 6 }, (_, i) => ({ Pattern: JSON.stringify({ body: { n: [i] } }) })) };
    const found = [
      ...lintEventPattern('{"detailType": ["x"], "source": [{"prefix": ""}]}'),
      ...lintEventPattern(six, { source: 'sqs' }),
      ...lintEventPattern('{"a": []}'),
    ];
    expect(found.map((d) => d.code)).toEqual(
      expect.arrayContaining(['envelope-near-miss', 'empty-prefix', 'too-many-filters', 'invalid-pattern']),
    );
    for (const d of found) {
      expect(Object.keys(PATTERN_LINT_CODES)).toContain(d.code);
      expect(d.docsUrl).toBe(`${DOCS_BASE_URL}/lint/patterns/${d.code}`);
    }
  });

  it('the CLI lint and lint-pattern lines end with the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aek-docsurl-'));
    writeFileSync(join(dir, 't.json'), '{"order": "<$.body>"}');
    writeFileSync(join(dir, 'p.json'), '{"detailType": ["x"]}');
    for (const [args, code] of [
      [['lint', 't.json', '--source', 'sqs'], 'quoted-object'],
      [['lint-pattern', 'p.json'], 'envelope-near-miss'],
    ] as const) {
      const stdout = sink();
      const exit = await runCli([...args], { stdout, stderr: sink(), stdin: Readable.from([]), cwd: dir });
      await new Promise((resolve) => setImmediate(resolve));
      expect(exit).toBe(1);
      const kind = args[0] === 'lint' ? 'templates' : 'patterns';
      expect(stdout.text()).toMatch(
        new RegExp(
          `^${args[1]}:1:\\d+ ${code} .* \\(${DOCS_BASE_URL.replace(/\./g, '\\.')}/lint/${kind}/${code}\\)\\n`,
        ),
      );
    }
  });
});
