// The headline property of the template oracle, both halves, over generated templates and
// generated source records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPipeTemplate } from '../../arbitraries/checkPipeTemplate.js';
import { pipeSourceRecord } from '../../arbitraries/pipeSourceRecord.js';
import { pipeTemplate } from '../../arbitraries/pipeTemplate.js';
import { extractValues, needsEscaping } from '../../src/pipes/explain.js';
import { compilePipeTemplate, lintPipeTemplate, renderPipeTemplate, type PipeSource } from '../../src/pipes/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';

const SOURCES: PipeSource[] = ['sqs', 'sqs-fifo', 'kinesis', 'dynamodb', 'eventbridge', 's3-eventbridge'];
const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('pipeTemplate()', () => {
  it.each(SOURCES)('%s: generated templates follow the quoting rules (compile, no lint errors)', (source) => {
    fc.assert(
      fc.property(pipeTemplate({ source }), (template) => {
        compilePipeTemplate(template);
        expect(lintPipeTemplate(template, { source }).filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('rejects a bad maxDepth', () => {
    expect(() => pipeTemplate({ maxDepth: -1 })).toThrow(/pipeTemplate: maxDepth/);
  });
});

describe('headline: lint-clean templates render valid JSON for values that need no escaping', () => {
  it.each(SOURCES)('%s', (source) => {
    let checked = 0;
    fc.assert(
      fc.property(pipeTemplate({ source, breakRules: true }), pipeSourceRecord(source), (template, record) => {
        if (lintPipeTemplate(template, { source }).some((d) => d.severity === 'error')) return;
        const compiled = compilePipeTemplate(template);
        if (extractValues(compiled, record).some(needsEscaping)) return;
        const output = renderPipeTemplate(compiled, record);
        expect(output.delivered).toBe(true);
        if (output.delivered) expect(isJson(output.body), output.body).toBe(true);
        checked++;
      }),
      { numRuns: NUM_RUNS },
    );
    expect(checked).toBeGreaterThan(NUM_RUNS / 4); // the property is not vacuous
  });
});

describe('headline: whenever an output is not valid JSON, the check reports it with the value that caused it', () => {
  it.each(SOURCES)('%s', (source) => {
    let broken = 0;
    fc.assert(
      fc.property(pipeTemplate({ source, breakRules: true }), pipeSourceRecord(source), (template, record) => {
        const compiled = compilePipeTemplate(template);
        const output = renderPipeTemplate(compiled, record);
        if (output.delivered && isJson(output.body)) return;
        broken++;
        const result = checkPipeTemplate(compiled, { records: fc.constant(record), numRuns: 1 });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.output).toEqual(output);
        expect(result.problem.kind).toBe(output.delivered ? 'not-json' : 'not-delivered');
        expect(result.problem.placeholder).toBeDefined();
        const extracted = extractValues(compiled, record).filter((v) => v.placeholder === result.problem.placeholder);
        expect(extracted.map((v) => v.value)).toContainEqual(result.problem.value);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(broken).toBeGreaterThan(0); // generated rule breaks and hard record values do break JSON
  });
});
