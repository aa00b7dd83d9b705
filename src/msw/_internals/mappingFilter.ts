/**
 * `FilterCriteria` of an event source mapping, shared by the SQS and stream pollers: compiled once
 * with Lambda's validation, applied to the records of each polled batch, and a bounded log of what
 * it dropped (with the pattern engine's explanation), for assertions.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
 */
import { EventInputError, fail, show } from '../../_internals/errors.js';
import type { PatternExplanation } from '../../patterns/explain.js';
import {
  compileFilterCriteria,
  FilterCriteriaError,
  type CompiledFilterCriteria,
  type FilterCriteria,
} from '../../patterns/filters.js';

export type { FilterCriteria } from '../../patterns/filters.js';

/** A record a mapping's filters dropped: an SQS message deleted, or a stream record skipped. */
export interface FilteredRecord<R> {
  /** The record as the function would have received it. */
  readonly record: R;
  /** Why no filter kept it, e.g. `filter 1: body.type: "refund" is not one of ["order"]`. */
  readonly reason: string;
  /** The explanation of the filter that came closest (the 0-based `filter`). */
  readonly explanation: PatternExplanation;
  readonly filter: number;
  /** Virtual time the record was dropped. */
  readonly time: Date;
}

/** The event sources the mocks poll. */
export type MappingSource = 'sqs' | 'kinesis' | 'dynamodb';

/**
 * Compiles `criteria` for `source`; undefined when there are no filters (`{}`, `{ Filters: [] }`).
 * Throws the {@link FilterCriteriaError} (Lambda's answer) for invalid criteria.
 */
export function compileMappingFilter(
  criteria: FilterCriteria | undefined,
  source: MappingSource,
): CompiledFilterCriteria | undefined {
  if (criteria === undefined) return undefined;
  const compiled = compileFilterCriteria(criteria, { source });
  return compiled.size === 0 ? undefined : compiled;
}

/** {@link compileMappingFilter} for a test-side `subscribe`: bad criteria are an EventInputError naming the option. */
export function resolveFilterOption(
  api: string,
  criteria: unknown,
  source: MappingSource,
): CompiledFilterCriteria | undefined {
  if (criteria === undefined) return undefined;
  if (criteria === null || typeof criteria !== 'object' || Array.isArray(criteria)) {
    fail(
      api,
      'options.filterCriteria',
      `must be a FilterCriteria object such as { Filters: [{ Pattern: '{"body": {"type": ["order"]}}' }] }, got ${show(criteria)}`,
    );
  }
  try {
    return compileMappingFilter(criteria as FilterCriteria, source);
  } catch (error) {
    if (error instanceof FilterCriteriaError)
      throw new EventInputError(
        api,
        'options.filterCriteria',
        `was rejected by Lambda (${error.code}: ${error.message}): ${error.reason}`,
      );
    throw error;
  }
}

/** The latest dropped records (up to `limit`) and a count of all. */
export class FilteredLog<R> {
  private readonly kept: FilteredRecord<R>[] = [];
  private total = 0;

  constructor(private readonly limit: number) {}

  /** Records one dropped record. */
  push(item: FilteredRecord<R>): void {
    this.total++;
    if (this.limit === 0) return;
    this.kept.push(item);
    if (this.kept.length > this.limit) this.kept.shift();
  }

  /** The kept records, oldest first (a copy). */
  items(): readonly FilteredRecord<R>[] {
    return [...this.kept];
  }

  /** Every record ever dropped. */
  count(): number {
    return this.total;
  }
}
