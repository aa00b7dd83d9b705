/**
 * `aws-event-kit generate <kind> --matching <pattern.json>`: events of a kind that an EventBridge
 * event pattern matches. The kind's factory builds each event as usual; the pattern's fields are
 * then set by `eventMatching` (loaded by dynamic import: fast-check is an optional peer).
 * Fields that say which service and kind of event it is (`source`, `detail-type`, `eventSource`,
 * `eventName` …) are never rewritten: a pattern that pins them to something else is an error
 * naming the kinds that can match.
 */
import { isPlainObject } from '../../_internals/objects.js';
import type { FieldCondition, PatternAst, PatternBranch } from '../../patterns/ast.js';
import { compileEventPattern, matcherAccepts, type CompiledEventPattern } from '../../patterns/compile.js';
import { EventPatternError } from '../../patterns/errors.js';
import { UsageError, type CliIO } from '../command.js';
import { KINDS, type EventKind } from '../kinds.js';
import { readInput } from './render.js';

/** Field names that identify the service and kind of an event: a kind's own values stay. */
const IDENTITY = new Set([
  'source',
  'detail-type',
  'eventSource',
  'eventName',
  'eventVersion',
  'EventSource',
  'EventVersion',
  'messageType',
]);
/** The custom EventBridge kind takes any source and detail-type. */
const FREE: Readonly<Record<string, readonly string[]>> = { eventbridge: ['source', 'detail-type'] };

type LeavesAt = (event: unknown, path: string) => (string | number | boolean | null)[];

/** Why a kind cannot match one alternative, or the alternative with its identity fields pinned to the kind's values. */
function fitBranch(
  branch: PatternBranch,
  kind: EventKind,
  sample: Record<string, unknown>,
  leavesAt: LeavesAt,
): PatternBranch | string {
  const conditions: FieldCondition[] = [];
  for (const condition of branch.conditions) {
    const last = condition.keys[condition.keys.length - 1] ?? '';
    const name = last.slice(last.lastIndexOf('.') + 1);
    if (!IDENTITY.has(name) || (FREE[kind.name] ?? []).includes(condition.path)) {
      conditions.push(condition);
      continue;
    }
    const expected = JSON.stringify(condition.matchers.map((m) => m.source));
    const leaves = leavesAt(sample, condition.path);
    if (leaves.length === 0) {
      if (condition.matchers.some((m) => m.kind === 'exists' && !m.value)) continue;
      return `${condition.path} must be ${expected}, and ${kind.name} events have no ${condition.path}`;
    }
    const accepted = leaves.find((leaf) =>
      condition.matchers.some((m) => (m.kind === 'exists' ? m.value : matcherAccepts(m, leaf))),
    );
    if (accepted === undefined)
      return `${condition.path} must be ${expected}, and ${kind.name} events have ${JSON.stringify(leaves[0])}`;
    // Keep the kind's own value: a prefix on source must not turn aws.s3 into aws.q.
    conditions.push(
      typeof accepted === 'string'
        ? { ...condition, matchers: [{ kind: 'equals', value: accepted, source: accepted }] }
        : condition,
    );
  }
  return { conditions };
}

/** The pattern restricted to the alternatives the kind can match, or the reasons it can match none. */
function fitPattern(
  ast: PatternAst,
  kind: EventKind,
  sample: Record<string, unknown>,
  leavesAt: LeavesAt,
): PatternAst | string[] {
  const branches: PatternBranch[] = [];
  const reasons: string[] = [];
  for (const branch of ast.branches) {
    const fitted = fitBranch(branch, kind, sample, leavesAt);
    if (typeof fitted === 'string') reasons.push(fitted);
    else branches.push(fitted);
  }
  return branches.length > 0 ? { ...ast, branches } : [...new Set(reasons)];
}

/** The kinds whose events can match the pattern (for the error message). */
function kindsThatFit(ast: PatternAst, leavesAt: LeavesAt): string[] {
  const out: string[] = [];
  for (const kind of KINDS) {
    let sample: unknown;
    try {
      sample = kind.make(0);
    } catch {
      continue;
    }
    if (isPlainObject(sample) && !Array.isArray(fitPattern(ast, kind, sample, leavesAt))) out.push(kind.name);
  }
  return out;
}

/**
 * Reads and checks the pattern, loads the generator, and returns the builder of event `i`
 * (`make(i)` builds the kind's event with its inputs and --set edits).
 */
export async function matchingBuilder(
  io: CliIO,
  file: string,
  kind: EventKind,
  seed: number,
  make: (i: number) => unknown,
): Promise<(i: number) => unknown> {
  let compiled: CompiledEventPattern;
  try {
    compiled = compileEventPattern(await readInput(io, file));
  } catch (error) {
    if (error instanceof EventPatternError) throw new UsageError(`--matching ${file}: ${error.message}`);
    throw error;
  }
  let fc: typeof import('fast-check');
  let generators: typeof import('../../../arbitraries/eventMatching.js');
  let paths: typeof import('../../../arbitraries/_internals/patternPaths.js');
  try {
    [fc, generators, paths] = await Promise.all([
      import('fast-check'),
      import('../../../arbitraries/eventMatching.js'),
      import('../../../arbitraries/_internals/patternPaths.js'),
    ]);
  } catch (error) {
    if (/fast-check/.test(String((error as Error).message)))
      throw new UsageError('--matching needs fast-check: npm install --save-dev fast-check');
    throw error;
  }
  const sample = make(0);
  if (!isPlainObject(sample))
    throw new UsageError(
      `${kind.name} prints a batch (a JSON array), and an event pattern matches one JSON object: use a kind whose event is an object`,
    );
  const fitted = fitPattern(compiled.ast, kind, sample, paths.leavesAt);
  if (Array.isArray(fitted)) {
    const others = kindsThatFit(compiled.ast, paths.leavesAt).filter((name) => name !== kind.name);
    throw new UsageError(
      `no ${kind.name} event can match ${file}: ${fitted.join('; ')}${others.length > 0 ? `; kinds that can: ${others.slice(0, 6).join(', ')}` : ''}`,
    );
  }
  const build = (i: number): unknown => {
    const base = make(i);
    let arbitrary;
    try {
      arbitrary = generators.eventMatching(fitted, fc.constant(base as Record<string, unknown>));
    } catch (error) {
      if (error instanceof TypeError)
        throw new UsageError(`--matching ${file}: ${error.message.replace(/^eventMatching: /, '')}`);
      throw error;
    }
    const [event] = fc.sample(arbitrary, { seed: (seed + i) | 0, numRuns: 1 });
    // The generator guarantees it; a miss here is a bug, never output.
    if (!compiled.matches(event))
      throw new Error(`generate --matching: event ${i} does not match ${file}: ${JSON.stringify(event)}`);
    return event;
  };
  return build;
}
