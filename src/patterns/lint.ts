/**
 * Lint for event patterns: valid patterns (or filter criteria) that are almost surely wrong. One
 * code per pitfall (`PATTERN_LINT_CODES`; README.md has a wrong and a right example of each).
 * Lint never throws for a pattern given as text: what AWS rejects is itself a finding.
 */
import { lintDocsUrl } from '../_internals/docsUrl.js';
import { isPlainObject } from '../_internals/objects.js';
import { PIPE_SOURCES, type PipeSource } from '../pipes/sources.js';
import type { FieldCondition, NumberLiteral, PatternAst, ValueMatcher } from './ast.js';
import { matcherAccepts } from './match.js';
import { EventPatternError } from './errors.js';
import {
  isFilterSource,
  PIPES_POLLER_FIELDS,
  resolveFilterSource,
  type FilterSource,
  type ResolvedFilterSource,
} from './filterSources.js';
import {
  isNumberLiteral,
  JsonTokenizer,
  parseJsonText,
  stringifyLossless,
  toLossless,
  Tok,
  type LosslessJson,
} from './json.js';
import { knownField, knownShape, type KnownShape } from './lintShapes.js';
import type { PatternLintCode } from './lintCodes.js';
import { parseEventPattern, PATTERN_LIMITS } from './parse.js';

export { PATTERN_LINT_CODES, type PatternLintCode } from './lintCodes.js';

/** One finding. */
export interface PatternDiagnostic {
  readonly code: PatternLintCode;
  readonly message: string;
  /** The dot-joined field path the finding is about (`''` for the whole pattern). */
  readonly path: string;
  /** `error`: AWS rejects it or it can never match; `warning`: very likely a mistake. */
  readonly severity: 'error' | 'warning';
  /** For filter criteria: the 0-based index of the filter. */
  readonly filter?: number;
  /** The code's documentation page: what goes wrong, a wrong and a right example. */
  readonly docsUrl: string;
}

/** Options of {@link lintEventPattern}. */
export interface PatternLintOptions {
  /**
   * What the pattern filters: an EventBridge source of the kit (`'eventbridge'`, `'s3-eventbridge'`)
   * or a Lambda/Pipes filter source (`'sqs'`, `'kinesis'`, `'dynamodb'`, `'mq'`, `'kafka'`,
   * `'pipes:sqs'` …). With it, lint knows the records' fields and their types (from the kit's
   * factories) and applies the filter rules.
   */
  source?: PipeSource | FilterSource;
  /**
   * Filters: what the records' data field (SQS `body`, Kinesis/MQ `data`, Kafka `key`/`value`)
   * holds. `'text'`: patterns on its fields can never match; `'json'`: a plain-value pattern on it
   * never matches.
   * @defaultValue unknown (no finding either way)
   */
  dataFormat?: 'json' | 'text';
  /**
   * Filters: the account's filters-per-mapping quota.
   * @defaultValue `5`
   */
  maxFilters?: number;
}

const LINT_SOURCES: readonly string[] = [...PIPE_SOURCES];

interface Context {
  readonly out: PatternDiagnostic[];
  readonly filter: number | undefined;
  readonly shape: KnownShape | undefined;
  readonly shapeName: string | undefined;
  readonly filterSource: ResolvedFilterSource | undefined;
  readonly dataFormat: 'json' | 'text' | undefined;
}

function add(ctx: Context, code: PatternLintCode, severity: 'error' | 'warning', path: string, message: string): void {
  ctx.out.push({
    code,
    message,
    path,
    severity,
    ...(ctx.filter === undefined ? {} : { filter: ctx.filter }),
    docsUrl: lintDocsUrl('patterns', code),
  });
}

/** A matcher as written, formatExplanation-style (`prefix "us-"`, `numeric [">", 5]`). */
function describe(matcher: ValueMatcher): string {
  const source = matcher.source as LosslessJson;
  let written: string;
  try {
    written = stringifyLossless(source);
  } catch {
    written = String(source);
  }
  return written;
}

function conditionText(condition: FieldCondition): string {
  return `${condition.path}: ${condition.matchers.map(describe).join(' | ')}`;
}

const nextUp = (x: number): number => {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  buf.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
};

/** Whether no double lies in a numeric matcher's range. */
function emptyRange(m: Extract<ValueMatcher, { kind: 'numeric' }>): boolean {
  if (m.lower === undefined || m.upper === undefined) return false;
  const lo = m.lower.value;
  const hi = m.upper.value;
  if (lo > hi) return true;
  if (lo === hi) return !(m.lower.inclusive && m.upper.inclusive);
  return !m.lower.inclusive && !m.upper.inclusive && nextUp(lo) >= hi;
}

const STRING_ONLY: ReadonlySet<ValueMatcher['kind']> = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'exactly',
  'cidr',
]);

function checkTypes(ctx: Context, condition: FieldCondition): void {
  if (ctx.shape === undefined) return;
  const field = knownField(ctx.shape, condition.path);
  if (field === undefined) return;
  const onlyString = field.types.size === 1 && field.types.has('string');
  const onlyNumber = field.types.size === 1 && field.types.has('number');
  const example = JSON.stringify(field.example);
  for (const m of condition.matchers) {
    const written = describe(m);
    if (onlyString && (m.kind === 'equals-number' || m.kind === 'numeric')) {
      const fix =
        m.kind === 'equals-number' ? `; write the number as a string: ["${(m.number as { text: string }).text}"]` : '';
      add(
        ctx,
        'type-mismatch',
        'error',
        condition.path,
        `${condition.path}: ${m.kind === 'numeric' ? 'numeric' : 'equals'} ${written} never matches: in ${ctx.shapeName} records ${condition.path} is a string (e.g. ${example})${fix}`,
      );
    } else if (onlyNumber && ((m.kind === 'equals' && typeof m.value === 'string') || STRING_ONLY.has(m.kind))) {
      add(
        ctx,
        'type-mismatch',
        'error',
        condition.path,
        `${condition.path}: ${m.kind === 'equals' ? 'equals' : m.kind} ${written} never matches: in ${ctx.shapeName} records ${condition.path} is a number (e.g. ${example})${m.kind === 'equals' ? `; write it unquoted: [${String(m.value)}]` : '; use numeric'}`,
      );
    }
  }
}

function checkCondition(ctx: Context, condition: FieldCondition, seen: Set<string>): void {
  const key = `${condition.path}\u0000${condition.matchers.map(describe).join('|')}`;
  if (seen.has(key)) return;
  seen.add(key);
  for (const m of condition.matchers) {
    if ((m.kind === 'prefix' || m.kind === 'suffix') && m.value === '') {
      add(
        ctx,
        'empty-prefix',
        'warning',
        condition.path,
        `${condition.path}: ${m.kind} "" matches every string value; did you mean a non-empty ${m.kind}, or {"exists": true}?`,
      );
    }
    if (m.kind === 'numeric' && emptyRange(m)) {
      add(
        ctx,
        'never-matches',
        'error',
        condition.path,
        `${condition.path}: numeric ${describe(m)} is an empty range: no number lies in it`,
      );
    }
  }
  checkTypes(ctx, condition);
  const fs = ctx.filterSource;
  if (fs === undefined) return;
  // The first segment of the dot-joined path: `{"body.type": […]}` is a pattern on body's fields.
  const top = condition.path.split('.')[0]!;
  const late = fs.pipes ? [...new Set([...fs.addedAfterFiltering, ...PIPES_POLLER_FIELDS])] : fs.addedAfterFiltering;
  if (late.includes(top) && !fs.rules.dataKeys.includes(top)) {
    const onlyAbsent = condition.matchers.every((m) => m.kind === 'exists' && !m.value);
    add(
      ctx,
      'metadata-field',
      'error',
      condition.path,
      `${condition.path}: ${top} is added to ${fs.name} records after filtering${fs.pipes ? ' (Pipes: "fields that can\'t be used in event patterns")' : ''}: the filter never sees it, so ${onlyAbsent ? 'this condition always holds' : 'this condition never holds'}`,
    );
  }
  if (fs.rules.dataKeys.includes(top)) {
    const onData = condition.path !== top;
    if (onData && ctx.dataFormat === 'text') {
      const effect =
        fs.rules.mismatch === 'drop'
          ? `${fs.family === 'sqs' ? 'SQS drops every message' : 'every record is dropped'}`
          : 'AWS ignores this part and filters on metadata only';
      add(
        ctx,
        'body-not-json',
        'error',
        condition.path,
        `${condition.path}: a pattern on ${top} fields, but ${top} holds text, not JSON: ${effect}; match the whole value instead: {"${top}": [{"prefix": "…"}]}`,
      );
    } else if (!onData && !fs.rules.plainPatternAllowed) {
      add(
        ctx,
        'body-not-json',
        'error',
        condition.path,
        `${conditionText(condition)}: ${fs.family} ${top} is JSON and Lambda rejects a plain-value pattern on it ("Invalid filter pattern definition."); match its fields: {"${top}": {"field": […]}}`,
      );
    } else if (!onData && ctx.dataFormat === 'json' && condition.matchers.some((m) => m.kind !== 'exists')) {
      add(
        ctx,
        'body-not-json',
        'warning',
        condition.path,
        `${conditionText(condition)}: a plain-value pattern on ${top}, whose records hold JSON (dataFormat 'json'): a JSON ${top} never equals a value${fs.rules.mismatch === 'drop' ? '' : ' (AWS ignores this part)'}`,
      );
    }
  }
  if (fs.pipes) {
    for (const m of condition.matchers) {
      if (
        m.kind === 'anything-but-prefix' ||
        m.kind === 'anything-but-suffix' ||
        m.kind === 'anything-but-ignore-case' ||
        m.kind === 'anything-but-wildcard'
      ) {
        add(
          ctx,
          'unsupported-operator',
          'warning',
          condition.path,
          `${condition.path}: anything-but ${describe(m)}: EventBridge Pipes lists anything-but with prefix, suffix, equals-ignore-case and wildcard as not supported in pipe filters`,
        );
      }
    }
  }
}

/** A field matched as a value and, in the same branch, one of its sub-fields. */
function checkValueAndObject(ctx: Context, ast: PatternAst): void {
  const reported = new Set<string>();
  for (const branch of ast.branches) {
    const needsValue = new Map<string, FieldCondition>();
    for (const c of branch.conditions)
      if (!c.matchers.some((m) => m.kind === 'exists' && !m.value)) needsValue.set(c.path, c);
    for (const child of needsValue.values()) {
      // Every proper prefix of the child's path (at a '.') that is itself a value condition.
      for (let i = child.path.indexOf('.'); i !== -1; i = child.path.indexOf('.', i + 1)) {
        const parent = needsValue.get(child.path.slice(0, i));
        if (parent === undefined) continue;
        const key = `${parent.path}\u0000${child.path}`;
        if (reported.has(key)) continue;
        reported.add(key);
        add(
          ctx,
          'never-matches',
          'error',
          parent.path,
          `${parent.path} must be a value (${parent.matchers.map(describe).join(' | ')}) and hold the field ${child.path} at once: no event has both`,
        );
      }
    }
  }
}

/** The values a list of matchers allows, when it is only exact values. */
function exactValues(matchers: readonly ValueMatcher[]): (string | boolean | null | NumberLiteral)[] | undefined {
  const out: (string | boolean | null | NumberLiteral)[] = [];
  for (const m of matchers) {
    if (m.kind === 'equals') out.push(m.value);
    else if (m.kind === 'equals-number') out.push(m.number);
    else return undefined;
  }
  return out;
}

/** Why two conditions on one field, ANDed, could never both hold (undefined when they could). */
function contradiction(a: readonly ValueMatcher[], b: readonly ValueMatcher[]): string | undefined {
  const onlyAbsent = (ms: readonly ValueMatcher[]) => ms.every((m) => m.kind === 'exists' && !m.value);
  const needsPresence = (ms: readonly ValueMatcher[]) => !ms.some((m) => m.kind === 'exists' && !m.value);
  if ((onlyAbsent(a) && needsPresence(b)) || (onlyAbsent(b) && needsPresence(a)))
    return 'one requires the field to be absent, the other a value';
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    // Two different value lists are usually meant as one OR list: that is overridden-field. An
    // anything-but that excludes every value of the other cannot have been meant as an OR.
    const values = exactValues(x);
    if (values === undefined || !y.every((m) => m.kind.startsWith('anything-but'))) continue;
    if (!values.some((v) => y.some((m) => matcherAccepts(m, v))))
      return 'anything-but excludes every value the other allows';
  }
  return undefined;
}

interface ScopeEntry {
  readonly path: string;
  readonly written: string;
  readonly value: LosslessJson;
}

function isObjectJson(v: LosslessJson | undefined): v is { [k: string]: LosslessJson } {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !isNumberLiteral(v);
}

/**
 * The same field written twice within one AND (dotted and nested keys, or a `$or` branch repeating
 * a field of its parent): AWS keeps the last one.
 */
function checkOverrides(
  ctx: Context,
  json: LosslessJson,
  orIsPrimitive: boolean,
  matchersOf: (path: string, value: LosslessJson) => readonly ValueMatcher[] | undefined,
): void {
  const report = (first: ScopeEntry, second: ScopeEntry): void => {
    const a = matchersOf(first.path, first.value);
    const b = matchersOf(second.path, second.value);
    const why = a !== undefined && b !== undefined ? contradiction(a, b) : undefined;
    const both = `${first.written} and ${second.written}`;
    if (why !== undefined) {
      add(
        ctx,
        'never-matches',
        'error',
        second.path,
        `${second.path} is written twice (${both}) and ${why}, so together they can never match (AWS does not AND them: it keeps only the one written last)`,
      );
    } else {
      add(
        ctx,
        'overridden-field',
        'warning',
        second.path,
        `${second.path} is written twice (${both}): AWS keeps only the one written last in the pattern; merge the values into one array`,
      );
    }
  };
  // Iterative walk: (object, its path prefix, the entries already in force in this AND).
  if (!isObjectJson(json)) return;
  const stack: {
    object: { [k: string]: LosslessJson };
    prefix: string;
    written: string;
    inherited: Map<string, ScopeEntry>;
  }[] = [{ object: json, prefix: '', written: '', inherited: new Map() }];
  while (stack.length > 0) {
    const { object, prefix, written, inherited } = stack.pop()!;
    const scope = new Map(inherited);
    const ors: { branches: LosslessJson[]; p: string; w: string }[] = [];
    // Leaves of this object (not inside $or), walking nested objects.
    const inner: { o: { [k: string]: LosslessJson }; p: string; w: string }[] = [{ o: object, p: prefix, w: written }];
    while (inner.length > 0) {
      const { o, p, w } = inner.pop()!;
      for (const key of Object.keys(o)) {
        const value = o[key]!;
        if (key === '$or' && orIsPrimitive && Array.isArray(value)) {
          ors.push({ branches: value, p, w });
          continue;
        }
        const path = p === '' ? key : `${p}.${key}`;
        const shown = w === '' ? `"${key}"` : `${w} → "${key}"`;
        if (isObjectJson(value)) inner.push({ o: value, p: path, w: shown });
        else if (Array.isArray(value)) {
          const entry = { path, written: shown, value };
          const previous = scope.get(path);
          if (previous !== undefined) report(previous, entry);
          scope.set(path, entry);
        }
      }
    }
    for (const or of ors) {
      const shown = or.w === '' ? '"$or"' : `${or.w} → "$or"`;
      for (const branch of or.branches)
        if (isObjectJson(branch)) stack.push({ object: branch, prefix: or.p, written: shown, inherited: scope });
    }
  }
}

/** Duplicate keys in one JSON object: the JSON parser keeps the last. */
function checkDuplicateKeys(ctx: Context, text: string): void {
  const tz = new JsonTokenizer(text);
  const sets: (Set<string> | null)[] = [];
  const names: string[] = [];
  const pathStack: string[] = [];
  try {
    for (;;) {
      const tok = tz.next();
      if (tok === Tok.End) return;
      if (tok === Tok.FieldName) {
        const set = sets[sets.length - 1];
        const name = tz.currentName;
        if (set) {
          if (set.has(name)) {
            const path = [...pathStack, name].filter((s) => s !== '$or' && s !== '').join('.');
            add(
              ctx,
              'overridden-field',
              'warning',
              path,
              `"${name}" appears twice in one object: JSON keeps only the last, so the first is ignored; merge the values into one array`,
            );
          }
          set.add(name);
        }
        names.push(name);
        continue;
      }
      if (tok === Tok.StartObject || tok === Tok.StartArray) {
        const owner = sets[sets.length - 1] ? names.pop() : undefined;
        pathStack.push(owner ?? '');
        sets.push(tok === Tok.StartObject ? new Set() : null);
        continue;
      }
      if (tok === Tok.EndObject || tok === Tok.EndArray) {
        sets.pop();
        pathStack.pop();
        if (sets.length === 0) return;
        continue;
      }
      // A scalar value closes its field.
      if (sets[sets.length - 1]) names.pop();
    }
  } catch {
    // The parser reports invalid JSON.
  }
}

const normalise = (s: string): string => s.toLowerCase().replace(/[-_\s.]/g, '');

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

function nearMiss(name: string, known: ReadonlySet<string>): string | undefined {
  if (known.has(name)) return undefined;
  const n = normalise(name);
  for (const k of known) {
    const nk = normalise(k);
    if (n === nk || n === `${nk}id` || n === `${nk}name` || (nk.length >= 4 && editDistanceAtMostOne(n, nk))) return k;
  }
  return undefined;
}

function checkTopLevel(
  ctx: Context,
  ast: PatternAst,
  known: ReadonlySet<string>,
  knownIsClosed: boolean,
  where: string,
): void {
  const seen = new Set<string>();
  for (const branch of ast.branches) {
    for (const condition of branch.conditions) {
      const top = condition.path.split('.')[0]!;
      if (seen.has(top)) continue;
      seen.add(top);
      const target = nearMiss(top, known);
      if (target !== undefined) {
        add(
          ctx,
          'envelope-near-miss',
          'error',
          top,
          `"${top}" is not a field of ${where}; did you mean "${target}"? No event has "${top}", so this condition never holds`,
        );
      } else if (knownIsClosed && !known.has(top) && top !== '$or') {
        add(
          ctx,
          'unknown-field',
          'warning',
          top,
          `no ${where} has a top-level field "${top}" (fields: ${[...known].join(', ')})`,
        );
      }
    }
  }
}

function lintOne(ctx: Context, pattern: unknown, maxLength: number): void {
  let text: string;
  if (typeof pattern === 'string') text = pattern;
  else {
    try {
      text = stringifyLossless(toLossless(pattern, 'pattern'));
    } catch (error) {
      add(
        ctx,
        'invalid-pattern',
        'error',
        '',
        `the pattern is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
  }
  if (text.length > maxLength) {
    add(
      ctx,
      'pattern-too-long',
      'error',
      '',
      `the pattern has ${text.length} characters; AWS accepts at most ${maxLength} (PutRule, TestEventPattern, Lambda and Pipes filters)`,
    );
  }
  let ast: PatternAst;
  try {
    ast = parseEventPattern(text, { maxLength: Number.POSITIVE_INFINITY });
  } catch (error) {
    if (error instanceof EventPatternError) {
      add(
        ctx,
        'invalid-pattern',
        'error',
        '',
        ctx.filterSource === undefined
          ? error.message
          : `${error.message} (Lambda answers "Invalid filter pattern definition.")`,
      );
      return;
    }
    throw error;
  }
  for (const keys of ast.orAsFieldName) {
    const path = keys.join('.');
    add(
      ctx,
      'or-as-field-name',
      'error',
      path,
      `${path}: AWS reads this "$or" as a field named "$or" (it needs an array of two or more objects without operator names as keys), so it only matches events with a "$or" field`,
    );
  }
  const seen = new Set<string>();
  for (const branch of ast.branches) for (const condition of branch.conditions) checkCondition(ctx, condition, seen);
  checkValueAndObject(ctx, ast);
  const json = parseJsonText(text, 'pattern');
  const byPath = new Map<string, FieldCondition[]>();
  for (const b of ast.branches) for (const c of b.conditions) byPath.set(c.path, [...(byPath.get(c.path) ?? []), c]);
  checkOverrides(ctx, json, ast.orAsFieldName.length === 0, (path, value) => {
    try {
      // The matchers of one written value: parse it alone as a one-field pattern.
      return parseEventPattern(`{"f":${stringifyLossless(value)}}`, { maxLength: Number.POSITIVE_INFINITY }).branches[0]
        ?.conditions[0]?.matchers;
    } catch {
      return byPath.get(path)?.[0]?.matchers;
    }
  });
  checkDuplicateKeys(ctx, text);
  if (ctx.shape !== undefined) {
    const known = new Set([...ctx.shape.topLevel, ...(ctx.filterSource?.addedAfterFiltering ?? [])]);
    checkTopLevel(ctx, ast, known, true, `${ctx.shapeName} record`);
  } else if (ctx.filterSource === undefined) {
    const envelope = knownShape('eventbridge');
    if (envelope !== undefined)
      checkTopLevel(ctx, ast, new Set([...envelope.topLevel, 'replay-name']), false, 'an EventBridge event');
  }
}

function isCriteria(value: unknown): value is { Filters: unknown[] } {
  return (
    isPlainObject(value) &&
    Array.isArray(value.Filters) &&
    value.Filters.every((f) => isPlainObject(f) && Object.hasOwn(f, 'Pattern'))
  );
}

/**
 * Lints an event pattern (JSON text or object) or Lambda/Pipes `FilterCriteria`
 * (`{ Filters: [{ Pattern }] }`). Returns findings in pattern order; never throws for text.
 * @example lintEventPattern('{"detailType": ["Order Placed"]}')[0].code === 'envelope-near-miss'
 */
export function lintEventPattern(pattern: string | object, options?: PatternLintOptions): PatternDiagnostic[] {
  const api = 'lintEventPattern';
  if (options !== undefined && !isPlainObject(options))
    throw new TypeError(
      `${api}: options must be an object such as { source: 'sqs' }, got ${options === null ? 'null' : typeof options}`,
    );
  const o = options ?? {};
  const source: unknown = o.source;
  if (
    source !== undefined &&
    !(typeof source === 'string' && LINT_SOURCES.includes(source)) &&
    !isFilterSource(source)
  ) {
    throw new TypeError(
      `${api}: options.source must be one of ${[...LINT_SOURCES, 'mq', 'kafka'].join(', ')} (or a filter source prefixed with "pipes:"), got ${JSON.stringify(source)}`,
    );
  }
  const dataFormat: unknown = o.dataFormat;
  if (dataFormat !== undefined && dataFormat !== 'json' && dataFormat !== 'text')
    throw new TypeError(`${api}: options.dataFormat must be 'json' or 'text', got ${String(dataFormat)}`);
  const maxFilters: unknown = o.maxFilters ?? 5;
  if (typeof maxFilters !== 'number' || !Number.isInteger(maxFilters) || maxFilters < 1 || maxFilters > 10)
    throw new TypeError(`${api}: options.maxFilters must be an integer from 1 to 10, got ${String(maxFilters)}`);
  const filterSource = source !== undefined && isFilterSource(source) ? resolveFilterSource(api, source) : undefined;
  const shapeName = filterSource?.name ?? (source as PipeSource | undefined);
  const shape = shapeName === undefined ? undefined : knownShape(shapeName);
  const out: PatternDiagnostic[] = [];
  const base = { out, shape, shapeName, filterSource, dataFormat: dataFormat as 'json' | 'text' | undefined } as const;
  if (isCriteria(pattern)) {
    const filters = pattern.Filters;
    if (filters.length > maxFilters) {
      out.push({
        code: 'too-many-filters',
        severity: 'error',
        path: '',
        message: `${filters.length} filters; Lambda and Pipes accept at most ${maxFilters} per event source mapping or pipe (5 by default, up to 10 on request): combine patterns with $or`,
        docsUrl: lintDocsUrl('patterns', 'too-many-filters'),
      });
    }
    filters.forEach((f, i) => {
      const p = (f as { Pattern: unknown }).Pattern;
      const ctx: Context = { ...base, filter: i };
      if (typeof p !== 'string')
        add(
          ctx,
          'invalid-pattern',
          'error',
          '',
          `Filters[${i}].Pattern must be the pattern as a JSON string (Lambda answers "Invalid filter pattern definition.")`,
        );
      else lintOne(ctx, p, PATTERN_LIMITS.maxLength);
    });
    return out;
  }
  lintOne({ ...base, filter: undefined }, pattern, PATTERN_LIMITS.maxLength);
  return out;
}
