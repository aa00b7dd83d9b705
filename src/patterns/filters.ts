/**
 * Lambda event-source-mapping filters and EventBridge Pipes filters: `FilterCriteria` as the SDK
 * and CloudFormation take it, validated with Lambda's error texts, applied to records the way the
 * pollers apply it (filters ORed, data fields decoded per source, format mismatches handled as AWS
 * documents them).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-filtering.html
 */
import { isPlainObject } from '../_internals/objects.js';
import { compileEventPattern, type CompiledEventPattern } from './compile.js';
import { EventPatternError, EventPatternInputError } from './errors.js';
import { explainEventPattern, formatExplanation, type PatternExplanation } from './explain.js';
import { fieldForms, rewritePattern, type FieldRewrite } from './filterPattern.js';
import { decodeFilterRecord, type DataMode, type DecodedRecord } from './filterRecord.js';
import { resolveFilterSource, type FilterSource, type ResolvedFilterSource } from './filterSources.js';
import { parseJsonText, type LosslessJson } from './json.js';

export {
  FILTER_SOURCES,
  FILTER_SOURCE_NAMES,
  PIPES_POLLER_FIELDS,
  type FilterSource,
  type FilterSourceAlias,
  type FilterSourceName,
} from './filterSources.js';

/** Lambda's and Pipes' limit on one filter's `Pattern` (API models: 0–4096 characters). */
export const FILTER_PATTERN_MAX_LENGTH = 4096;
/** Filters per event source mapping without a quota increase. */
export const DEFAULT_MAX_FILTERS = 5;
/** The highest quota AWS grants for filters per event source mapping. */
export const MAX_FILTERS_QUOTA = 10;

/** One filter: the pattern as a JSON string, as in the SDK (`Filter.Pattern`) and CloudFormation. */
export interface Filter {
  Pattern?: string;
}

/** `FilterCriteria` of `CreateEventSourceMapping` / `CreatePipe`; `{}` or no `Filters` means no filtering. */
export interface FilterCriteria {
  Filters?: readonly Filter[];
}

/** Options of the filter functions. */
export interface FilterOptions {
  /** The event source: `'sqs'`, `'kinesis'`, `'dynamodb'`, `'mq'`, `'kafka'` (or the kit's names `activemq`, `msk` …), or a pipe's `'pipes:sqs'` …. */
  source: FilterSource;
  /**
   * The account's filters-per-mapping quota (AWS allows a raise to 10).
   * @defaultValue `5`
   */
  maxFilters?: number;
  /**
   * Fields the poller adds after filtering (`eventSource`, `eventSourceARN`, `awsRegion`, and for
   * Kinesis `eventVersion`, `eventID`, `eventName`, `invokeIdentityArn`): `'strip'` matches records
   * without them, as AWS filters them; `'keep'` matches the record as given.
   * @defaultValue `'strip'`
   */
  metadataAfterFiltering?: 'strip' | 'keep';
  /**
   * Which record fields patterns see: `'record'`, the whole record (AWS's examples filter SQS on
   * `attributes`, Kinesis on `partitionKey`, DynamoDB on `eventName`); `'data-only'`, only the data
   * field (the current Lambda guide: "Amazon SQS event source mappings only support filtering on
   * the body key", and likewise `data` for Kinesis and MQ, `dynamodb` for DynamoDB).
   * @defaultValue `'record'`
   */
  fields?: 'record' | 'data-only';
}

/**
 * An invalid `FilterCriteria`, with the message Lambda's `CreateEventSourceMapping` answers
 * (`Invalid filter pattern definition.`). `reason` says what is wrong in detail (for a pattern AWS's
 * event-pattern reason, e.g. `Unrecognized match type prefx`); `filterIndex` is the 0-based filter.
 */
export class FilterCriteriaError extends Error {
  override readonly name = 'FilterCriteriaError';
  /** AWS's error code: `InvalidParameterValueException`, or `ValidationException` for a length-constraint breach. */
  readonly code: 'InvalidParameterValueException' | 'ValidationException';
  /** The detailed reason (not part of AWS's message). */
  readonly reason: string;
  /** The offending filter, when one filter is at fault. */
  readonly filterIndex?: number;

  constructor(
    message: string,
    code: 'InvalidParameterValueException' | 'ValidationException',
    reason: string,
    filterIndex?: number,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.reason = reason;
    if (filterIndex !== undefined) this.filterIndex = filterIndex;
  }
}

const INVALID_PATTERN = 'Invalid filter pattern definition.';

/** One dropped record and why. */
export interface DroppedRecord<R> {
  readonly record: R;
  /** The explanation of the filter that came closest (most fields matched), on the record as matched. */
  readonly explanation: PatternExplanation;
  /** A sentence saying why no filter kept the record. */
  readonly reason: string;
  /** The 0-based index of the filter explained (the one that came closest). */
  readonly filter: number;
}

/** Compiled filter criteria: validate once, filter many records. */
export interface CompiledFilterCriteria {
  /** The source the criteria were compiled for. */
  readonly source: FilterSource;
  /** The number of filters (0: no filtering). */
  readonly size: number;
  /** Whether one record passes (any filter matches; always true without filters). */
  matches(record: unknown): boolean;
  /** Splits records into kept and dropped, in order. */
  filter<R>(records: readonly R[]): { kept: R[]; dropped: DroppedRecord<R>[] };
}

interface CompiledFilter {
  readonly index: number;
  readonly compiled: CompiledEventPattern;
  readonly json: LosslessJson;
  readonly orIsPrimitive: boolean;
  /** Per data key, the forms in which the pattern names it. */
  readonly forms: ReadonlyMap<string, Set<'object' | 'array'>>;
  readonly variants: Map<string, Variant>;
}

type Variant = { kind: 'pattern'; compiled: CompiledEventPattern } | { kind: 'all' } | { kind: 'none' };

function checkOptions(
  api: string,
  options: unknown,
): { source: ResolvedFilterSource; maxFilters: number; strip: boolean; dataOnly: boolean } {
  if (!isPlainObject(options)) {
    throw new TypeError(
      `${api}: options must be an object such as { source: 'sqs' }, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
    );
  }
  const source = resolveFilterSource(api, options.source);
  const maxFilters = options.maxFilters ?? DEFAULT_MAX_FILTERS;
  if (
    typeof maxFilters !== 'number' ||
    !Number.isInteger(maxFilters) ||
    maxFilters < 1 ||
    maxFilters > MAX_FILTERS_QUOTA
  ) {
    throw new TypeError(
      `${api}: options.maxFilters must be an integer from 1 to ${MAX_FILTERS_QUOTA} (AWS's highest quota), got ${String(maxFilters)}`,
    );
  }
  const metadata = options.metadataAfterFiltering ?? 'strip';
  if (metadata !== 'strip' && metadata !== 'keep')
    throw new TypeError(`${api}: options.metadataAfterFiltering must be 'strip' or 'keep', got ${String(metadata)}`);
  const fields = options.fields ?? 'record';
  if (fields !== 'record' && fields !== 'data-only')
    throw new TypeError(`${api}: options.fields must be 'record' or 'data-only', got ${String(fields)}`);
  return { source, maxFilters, strip: metadata === 'strip', dataOnly: fields === 'data-only' };
}

function compileOne(api: string, filter: unknown, index: number, source: ResolvedFilterSource): CompiledFilter {
  if (!isPlainObject(filter)) {
    throw new FilterCriteriaError(
      INVALID_PATTERN,
      'InvalidParameterValueException',
      `Filters[${index}] must be an object { Pattern: string }`,
      index,
    );
  }
  const pattern = filter.Pattern;
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    const what =
      typeof pattern === 'string'
        ? 'empty'
        : pattern === undefined
          ? 'missing'
          : `a ${Array.isArray(pattern) ? 'array' : typeof pattern}, not a JSON string`;
    throw new FilterCriteriaError(
      INVALID_PATTERN,
      'InvalidParameterValueException',
      `Filters[${index}].Pattern is ${what}`,
      index,
    );
  }
  if (pattern.length > FILTER_PATTERN_MAX_LENGTH) {
    // AWS's request validation format (the member path is 1-based); the exact text is not pinned.
    throw new FilterCriteriaError(
      `1 validation error detected: Value '${pattern}' at 'filterCriteria.filters.${index + 1}.member.pattern' failed to satisfy constraint: Member must have length less than or equal to ${FILTER_PATTERN_MAX_LENGTH}`,
      'ValidationException',
      `Filters[${index}].Pattern has ${pattern.length} characters; the limit is ${FILTER_PATTERN_MAX_LENGTH}`,
      index,
    );
  }
  let compiled: CompiledEventPattern;
  try {
    compiled = compileEventPattern(pattern);
  } catch (error) {
    if (error instanceof EventPatternError)
      throw new FilterCriteriaError(INVALID_PATTERN, 'InvalidParameterValueException', error.reason, index, error);
    throw error;
  }
  const json = parseJsonText(pattern, `${api}: Filters[${index}].Pattern`);
  const orIsPrimitive = compiled.ast.orAsFieldName.length === 0;
  const forms = new Map<string, Set<'object' | 'array'>>();
  for (const key of source.rules.dataKeys) {
    const f = fieldForms(json, key, orIsPrimitive);
    // Kinesis and DynamoDB take only JSON patterns on their data: a plain one fails at create time.
    if (f.has('array') && !source.rules.plainPatternAllowed) {
      throw new FilterCriteriaError(
        INVALID_PATTERN,
        'InvalidParameterValueException',
        `Filters[${index}].Pattern matches "${key}" as a plain value; ${source.family} ${key} is JSON, so write a pattern on its fields, e.g. {"${key}": {"field": ["value"]}}`,
        index,
      );
    }
    forms.set(key, f);
  }
  return { index, compiled, json, orIsPrimitive, forms, variants: new Map() };
}

/** The rewrites a record's data modes call for, in a stable order (the cache key). */
function rewritesFor(
  filter: CompiledFilter,
  source: ResolvedFilterSource,
  modes: ReadonlyMap<string, DataMode>,
): Map<string, FieldRewrite> {
  const rewrites = new Map<string, FieldRewrite>();
  for (const key of source.rules.dataKeys) {
    const forms = filter.forms.get(key)!;
    if (forms.size === 0) continue;
    const mode = modes.get(key) ?? 'absent';
    if (source.rules.mismatch === 'drop') {
      // A JSON pattern on data that is not a JSON object: the record is dropped. (A plain pattern
      // on JSON data fails by itself: a value never equals an object.)
      if (forms.has('object') && (mode === 'plain' || mode === 'not-utf8')) rewrites.set(key, 'fail-object');
    } else if (mode === 'not-utf8') {
      rewrites.set(key, 'ignore-all');
    } else if (mode === 'plain' && forms.has('object')) {
      rewrites.set(key, 'ignore-object');
    } else if (mode === 'json' && forms.has('array')) {
      rewrites.set(key, 'ignore-array');
    }
  }
  return rewrites;
}

function variantOf(filter: CompiledFilter, rewrites: Map<string, FieldRewrite>): Variant | undefined {
  if (rewrites.size === 0) return undefined;
  const key = [...rewrites].map(([k, r]) => `${k}=${r}`).join('&');
  let variant = filter.variants.get(key);
  if (variant === undefined) {
    const r = rewritePattern(filter.json, rewrites, filter.orIsPrimitive);
    // The rewrite only removes parts or repeats a branch: it stays valid, though it can exceed the
    // length limit the original met.
    variant =
      r.kind === 'pattern'
        ? {
            kind: 'pattern',
            compiled: compileEventPattern(r.text, {
              maxLength: Number.POSITIVE_INFINITY,
              maxOrCombinations: Number.POSITIVE_INFINITY,
            }),
          }
        : r;
    filter.variants.set(key, variant);
  }
  return variant;
}

function matchOne(filter: CompiledFilter, source: ResolvedFilterSource, record: DecodedRecord): boolean {
  const variant = variantOf(filter, rewritesFor(filter, source, record.modes));
  if (variant === undefined) return filter.compiled.matches(record.text);
  if (variant.kind === 'all') return true;
  if (variant.kind === 'none') return false;
  return variant.compiled.matches(record.text);
}

function matchedFields(e: PatternExplanation): number {
  return e.fields.filter((f) => f.matched).length;
}

function explainDrop(
  filters: readonly CompiledFilter[],
  source: ResolvedFilterSource,
  record: DecodedRecord,
): { explanation: PatternExplanation; reason: string; filter: number } {
  let best: { explanation: PatternExplanation; reason: string; score: number; filter: number } | undefined;
  for (const filter of filters) {
    const rewrites = rewritesFor(filter, source, record.modes);
    const variant = variantOf(filter, rewrites);
    let explanation: PatternExplanation;
    let reason: string;
    if (variant?.kind === 'none') {
      const key = [...rewrites.keys()][0]!;
      const raw = explainEventPattern(filter.compiled, record.text);
      explanation = { ...raw, matches: false };
      reason = `filter ${filter.index + 1}: ${key} is not a JSON object, so a pattern on ${key} fields cannot match (AWS drops such ${source.family === 'sqs' ? 'messages' : 'records'})`;
    } else {
      explanation = explainEventPattern(variant?.kind === 'pattern' ? variant.compiled : filter.compiled, record.text);
      reason = `filter ${filter.index + 1}: ${formatExplanation(explanation)}`;
    }
    const score = matchedFields(explanation);
    if (best === undefined || score > best.score) best = { explanation, reason, score, filter: filter.index };
  }
  return { explanation: best!.explanation, reason: best!.reason, filter: best!.filter };
}

/**
 * Validates and compiles `FilterCriteria` for one source. Throws {@link FilterCriteriaError} with
 * Lambda's message for what `CreateEventSourceMapping` / `CreatePipe` rejects: more filters than
 * `maxFilters`, a `Pattern` that is missing, not a string, over 4,096 characters or not a valid
 * event pattern, and (Kinesis, DynamoDB) a plain-value pattern on the data field.
 */
export function compileFilterCriteria(criteria: FilterCriteria, options: FilterOptions): CompiledFilterCriteria {
  const api = 'compileFilterCriteria';
  const { source, maxFilters, strip, dataOnly } = checkOptions(api, options);
  if (!isPlainObject(criteria)) {
    throw new TypeError(
      `${api}: criteria must be a FilterCriteria object such as { Filters: [{ Pattern: '{"body": {"type": ["order"]}}' }] }, got ${criteria === null ? 'null' : Array.isArray(criteria) ? 'an array (wrap it: { Filters: [...] })' : typeof criteria}`,
    );
  }
  const list: unknown = criteria.Filters;
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    throw new FilterCriteriaError(
      INVALID_PATTERN,
      'InvalidParameterValueException',
      `Filters must be an array of { Pattern } objects, got ${typeof list}`,
    );
  }
  const items = (list ?? []) as readonly unknown[];
  if (items.length > maxFilters) {
    // Lambda rejects the mapping; AWS's exact wording is not pinned.
    throw new FilterCriteriaError(
      `The number of filters (${items.length}) exceeds the quota of ${maxFilters} filters per event source mapping.`,
      'InvalidParameterValueException',
      `${items.length} filters; the quota is ${maxFilters} (${DEFAULT_MAX_FILTERS} by default, up to ${MAX_FILTERS_QUOTA} on request)`,
    );
  }
  const filters = items.map((f, i) => compileOne(api, f, i, source));
  const decode = (apiName: string, record: unknown): DecodedRecord =>
    decodeFilterRecord(apiName, record, source, strip, dataOnly);
  return {
    source: source.source,
    size: filters.length,
    matches(record: unknown): boolean {
      if (filters.length === 0) {
        decode('matchesFilterCriteria', record);
        return true;
      }
      const decoded = decode('matchesFilterCriteria', record);
      return filters.some((f) => matchOne(f, source, decoded));
    },
    filter<R>(records: readonly R[]): { kept: R[]; dropped: DroppedRecord<R>[] } {
      if (!Array.isArray(records)) {
        throw new EventPatternInputError(
          'filterBatch',
          `records must be an array of records (e.g. event.Records), got ${records === null ? 'null' : typeof records}`,
        );
      }
      const kept: R[] = [];
      const dropped: DroppedRecord<R>[] = [];
      records.forEach((record: R, i: number) => {
        let decoded: DecodedRecord;
        try {
          decoded = decode('filterBatch', record);
        } catch (error) {
          if (error instanceof EventPatternInputError)
            throw new EventPatternInputError(
              'filterBatch',
              `records[${i}]: ${error.message.replace(/^filterBatch: /, '')}`,
            );
          throw error;
        }
        if (filters.length === 0 || filters.some((f) => matchOne(f, source, decoded))) kept.push(record);
        else dropped.push({ record, ...explainDrop(filters, source, decoded) });
      });
      return { kept, dropped };
    },
  };
}

// Criteria objects are usually module constants: compile each once per source and options.
const cache = new WeakMap<object, Map<string, CompiledFilterCriteria>>();

function cached(criteria: FilterCriteria, options: FilterOptions): CompiledFilterCriteria {
  if (!isPlainObject(criteria) || !isPlainObject(options)) return compileFilterCriteria(criteria, options);
  let filtersText: string;
  try {
    filtersText = JSON.stringify(criteria.Filters ?? null);
  } catch {
    return compileFilterCriteria(criteria, options);
  }
  const key = `${String(options.source)}|${String(options.maxFilters)}|${String(options.metadataAfterFiltering)}|${String(options.fields)}|${filtersText}`;
  let perCriteria = cache.get(criteria);
  if (perCriteria === undefined) cache.set(criteria, (perCriteria = new Map()));
  let compiled = perCriteria.get(key);
  if (compiled === undefined) {
    compiled = compileFilterCriteria(criteria, options);
    perCriteria.set(key, compiled);
  }
  return compiled;
}

/**
 * Whether Lambda (or a pipe) passes `record` to the function (or target): true when any filter
 * matches, or when there are no filters. `record` is one record as the kit's factories build it
 * (`makeSqsEvent(...).Records[0]`, a Kinesis record with its `kinesis` payload or a Pipes-flattened
 * one, a DynamoDB stream record, an MQ message, a Kafka record). Invalid criteria throw
 * {@link FilterCriteriaError} as {@link compileFilterCriteria} does.
 * @example matchesFilterCriteria({ Filters: [{ Pattern: '{"body": {"type": ["order"]}}' }] }, makeSqsRecord({ body: { type: 'order' } }), { source: 'sqs' }) === true
 */
export function matchesFilterCriteria(criteria: FilterCriteria, record: unknown, options: FilterOptions): boolean {
  return cached(criteria, options).matches(record);
}

/**
 * Splits a batch as the poller does: `kept` records reach the function, `dropped` ones are deleted
 * (SQS), skipped (streams) or acknowledged (MQ, Kafka). Each dropped record comes with the
 * explanation of the filter that came closest to matching it.
 */
export function filterBatch<R>(
  criteria: FilterCriteria,
  records: readonly R[],
  options: FilterOptions,
): { kept: R[]; dropped: DroppedRecord<R>[] } {
  return cached(criteria, options).filter(records);
}
