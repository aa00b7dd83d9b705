/**
 * Why an event matches a pattern or not, field by field: for the CLI's `--explain`, the lint, the
 * vitest matchers and the property checks' counterexamples.
 */
import type { ValueMatcher } from './ast.js';
import { planOf, type CompiledEventPattern } from './compile.js';
import { eventRoot, flattenRoot, type FlatEvent, type LeafValue } from './flatten.js';
import { branchMatches, conditionHolds, type CompiledBranch } from './match.js';
import { isNumberLiteral } from './numbers.js';

/** The verdict on one field of the pattern. */
export interface FieldExplanation {
  /** The dot-joined path of the field. */
  readonly path: string;
  /**
   * The operator(s) of the field: `equals`, `exactly`, `prefix`, `suffix` (with `/equals-ignore-case`),
   * `equals-ignore-case`, `wildcard`, `anything-but` (with `/prefix` …), `numeric`, `cidr`, `exists`;
   * several alternatives are joined with ` | `. `array-consistency` is the extra entry for a branch
   * whose fields each hold, but only in different elements of one event array.
   */
  readonly operator: string;
  /** The field's value as written in the pattern (one matcher), or the list of alternatives. */
  readonly expected: unknown;
  /** The event's value(s) at the path: undefined when absent, one value, or every value of an array. */
  readonly actual: unknown;
  readonly matched: boolean;
}

/** An explanation of one verdict. */
export interface PatternExplanation {
  readonly matches: boolean;
  /** The fields of the branch explained (see {@link explainEventPattern}). */
  readonly fields: readonly FieldExplanation[];
  /** The 0-based index of that branch among the pattern's `$or` branches. */
  readonly branch: number;
  /** How many branches the pattern has (1 without `$or`). */
  readonly branches: number;
}

function operatorOf(matcher: ValueMatcher): string {
  switch (matcher.kind) {
    case 'equals':
    case 'equals-number':
      return 'equals';
    case 'prefix':
    case 'suffix':
      return matcher.ignoreCase ? `${matcher.kind}/equals-ignore-case` : matcher.kind;
    case 'anything-but-prefix':
      return 'anything-but/prefix';
    case 'anything-but-suffix':
      return 'anything-but/suffix';
    case 'anything-but-ignore-case':
      return 'anything-but/equals-ignore-case';
    case 'anything-but-wildcard':
      return 'anything-but/wildcard';
    default:
      return matcher.kind;
  }
}

/** Event values for an explanation: comparable numbers as JavaScript numbers, others kept with their text. */
function shown(value: LeafValue): unknown {
  return isNumberLiteral(value) && value.comparable ? value.value : value;
}

/** A pattern value as plain JSON data (comparable numbers as numbers); sources are shallow. */
function plain(value: unknown): unknown {
  if (isNumberLiteral(value)) return value.comparable ? value.value : value;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function explainBranch(branch: CompiledBranch, event: FlatEvent): FieldExplanation[] {
  // In the pattern's own order (the branch as written), not the engine's sorted order.
  const byCondition = new Map(branch.conditions.map((c) => [c.condition, c]));
  const fields: FieldExplanation[] = [];
  for (const condition of branch.branch.conditions) {
    const compiled = byCondition.get(condition)!;
    const leaves = event.fields.get(condition.path) ?? [];
    const operators = [...new Set(condition.matchers.map(operatorOf))];
    fields.push({
      path: condition.path,
      operator: operators.join(' | '),
      expected:
        condition.matchers.length === 1
          ? plain(condition.matchers[0]!.source)
          : condition.matchers.map((m) => plain(m.source)),
      actual:
        leaves.length === 0
          ? undefined
          : leaves.length === 1
            ? shown(leaves[0]!.value)
            : leaves.map((leaf) => shown(leaf.value)),
      matched: conditionHolds(compiled, event),
    });
  }
  return fields;
}

/** The longest common dot-boundary prefix of some paths. */
function commonPath(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let parts = paths[0]!.split('.');
  for (const path of paths.slice(1)) {
    const other = path.split('.');
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n++;
    parts = parts.slice(0, n);
  }
  return parts.join('.');
}

/**
 * Explains whether an event (object or JSON text) matches a pattern (text, object or compiled),
 * field by field. For a pattern with `$or`, one branch is explained: the first that matches, or,
 * when none does, the one with the most fields that hold (the first among equals), i.e. the
 * closest miss. `branch` and `branches` say which.
 * @throws EventPatternError for an invalid pattern; EventPatternInputError for an event that is not a JSON object.
 * @example
 * ```ts
 * const why = explainEventPattern({ detail: { state: ['running'] } }, { detail: { state: 'stopped' } });
 * // why.fields[0] → { path: 'detail.state', operator: 'equals', expected: 'running', actual: 'stopped', matched: false }
 * ```
 */
export function explainEventPattern(
  pattern: string | object | CompiledEventPattern,
  event: unknown,
): PatternExplanation {
  const api = 'explainEventPattern';
  const { plan } = planOf(pattern, api);
  const flat = flattenRoot(eventRoot(event, api), api, plan.selection);
  let best: { index: number; fields: FieldExplanation[]; score: number } | undefined;
  for (let index = 0; index < plan.branches.length; index++) {
    const branch = plan.branches[index]!;
    const fields = explainBranch(branch, flat);
    if (branchMatches(branch, flat)) {
      // Every field holds in the consistent choice of array elements, including an exists:false
      // whose path has leaves only in other elements.
      return {
        matches: true,
        fields: fields.map((f) => (f.matched ? f : { ...f, matched: true })),
        branch: index,
        branches: plan.branches.length,
      };
    }
    let score = 0;
    for (const field of fields) if (field.matched) score++;
    if (score === fields.length) {
      // Every field holds on its own, yet the branch fails: they hold only in different array elements.
      fields.push({
        path: commonPath(fields.map((f) => f.path)),
        operator: 'array-consistency',
        expected: 'every field above matched within one element of each event array',
        actual: 'the fields match only in different elements of the same array',
        matched: false,
      });
    }
    if (best === undefined || score > best.score) best = { index, fields, score };
  }
  return { matches: false, fields: best?.fields ?? [], branch: best?.index ?? 0, branches: plan.branches.length };
}

/** JSON-like text of an expected or actual value; numbers keep their written text. Values here are shallow. */
function render(value: unknown): string {
  if (value === undefined) return 'nothing (the field is absent)';
  if (isNumberLiteral(value)) return value.text;
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${render(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * Formats an explanation as readable lines, e.g.
 * ```text
 * does not match
 *   ✔ source: equals "aws.ec2", got "aws.ec2"
 *   ✘ detail.state: equals ["running", "pending"], got "stopped"
 * ```
 */
export function formatExplanation(explanation: PatternExplanation): string {
  const head = explanation.matches ? 'matches' : 'does not match';
  const which = explanation.branches > 1 ? ` ($or branch ${explanation.branch + 1} of ${explanation.branches})` : '';
  const lines = [`${head}${which}`];
  for (const field of explanation.fields) {
    const mark = field.matched ? '✔' : '✘';
    if (field.operator === 'array-consistency') {
      lines.push(`  ${mark} ${field.path === '' ? '(event)' : field.path}: ${String(field.actual)}`);
      continue;
    }
    lines.push(`  ${mark} ${field.path}: ${field.operator} ${render(field.expected)}, got ${render(field.actual)}`);
  }
  return lines.join('\n');
}
