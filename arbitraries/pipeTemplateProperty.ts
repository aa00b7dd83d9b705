import { property, type Arbitrary, type IPropertyWithHooks } from 'fast-check';
import type { CompiledTemplate } from '../src/pipes/compiled.js';
import { compilePipeTemplate, renderPipeTemplate } from '../src/pipes/pipes.js';
import type { PipeContext } from '../src/pipes/reserved.js';
import type { PipeSource } from '../src/pipes/sources.js';
import { templateRecords } from './_internals/templateRecords.js';
import { judge, type TemplateCheckRunOptions } from './_internals/templateCheck.js';

/** Options of {@link pipeTemplateProperty}. */
export interface PipeTemplatePropertyOptions extends Pick<TemplateCheckRunOptions, 'options' | 'expectJson'> {
  /** The pipe's reserved-variable values. */
  context?: PipeContext;
}

/** A fast-check property over records, plus its parts for `@fast-check/vitest`'s `test.prop` (`assertRecord`: fast-check's own `predicate` field is taken). */
export type PipeTemplateProperty = IPropertyWithHooks<[unknown]> & {
  /** `[recordArbitrary]`, for `test.prop(p.arbitraries)`. */
  readonly arbitraries: [Arbitrary<unknown>];
  /** Throws (with the problem and the value that caused it) when the record's output is wrong. */
  readonly assertRecord: (record: unknown) => void;
};

/**
 * The property "for every record, AWS delivers valid JSON and no lint pitfall happens" of a Pipes
 * template, for `fc.assert(p)`, or `test.prop(p.arbitraries)('…', p.assertRecord)`. `records` is
 * an arbitrary of your own, or a source name: then the records are `pipeTemplateRecord(template,
 * source)` (the template's paths usually present with hard values).
 * @example fc.assert(pipeTemplateProperty('{"id": <$.messageId>}', sqsRecord()))
 * @example fc.assert(pipeTemplateProperty('{"note": <$.body.note>}', 'sqs'))
 */
export function pipeTemplateProperty(
  template: string | CompiledTemplate,
  records: Arbitrary<unknown> | PipeSource,
  options: PipeTemplatePropertyOptions = {},
): PipeTemplateProperty {
  const compiled =
    typeof template === 'string'
      ? compilePipeTemplate(template, typeof records === 'string' ? { source: records } : {})
      : template;
  const arbitrary = typeof records === 'string' ? templateRecords(compiled, records) : records;
  const context = options.context ?? {};
  const verdict = judge(
    compiled,
    (record) => renderPipeTemplate(compiled, record, context, options.options),
    context,
    options,
  );
  const predicate = (record: unknown): void => {
    const { output, problem } = verdict(record);
    if (problem !== undefined) {
      const value =
        problem.placeholder === undefined ? '' : ` (${problem.placeholder} = ${JSON.stringify(problem.value)})`;
      throw new Error(
        `${problem.kind}${problem.code ? ` [${problem.code}]` : ''}: ${problem.message}${value}; output: ${JSON.stringify(output)}`,
      );
    }
  };
  return Object.assign(property(arbitrary, predicate), {
    arbitraries: [arbitrary] as [Arbitrary<unknown>],
    assertRecord: predicate,
  });
}
