/**
 * The Templates tool's property check, in the browser (fast-check and the kit's arbitraries):
 * loaded on the first "check", and for sample records of sources the CLI has no kind for.
 */
import fc from 'fast-check';
import type { PipeSource } from '../../../src/pipes/index.js';
import { checkPipeTemplate } from '../../../arbitraries/checkPipeTemplate.js';
import { checkRuleTemplate } from '../../../arbitraries/checkRuleTemplate.js';
import { pipeSourceRecord } from '../../../arbitraries/pipeSourceRecord.js';
import type { Dialect } from './templates.js';

/** A record of `source` from its arbitrary, sampled with `seed`. */
export function sampleRecord(source: PipeSource, seed = 1): unknown {
  return fc.sample(pipeSourceRecord(source), { seed, numRuns: 1 })[0];
}

/** Runs the property check in the page: the shrunk counterexample and its explanation, or ok. */
export function check(
  dialect: Dialect,
  template: string,
  source: PipeSource | undefined,
  numRuns: number,
  seed?: number,
  inputPathsMap: Record<string, string> = {},
) {
  const started = performance.now();
  const run = { numRuns, ...(seed === undefined ? {} : { seed }) };
  const result =
    dialect === 'pipes'
      ? checkPipeTemplate(template, { source: source ?? 'sqs', ...run })
      : checkRuleTemplate(
          { inputPathsMap, inputTemplate: template },
          { ...run, ...(source === 's3-eventbridge' ? { source } : {}) },
        );
  return { result, ms: performance.now() - started };
}
