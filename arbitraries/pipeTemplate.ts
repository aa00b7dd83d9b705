import {
  array,
  boolean,
  constant,
  constantFrom,
  integer,
  letrec,
  oneof,
  stringMatching,
  tuple,
  type Arbitrary,
} from 'fast-check';
import { parsePath } from '../src/pipes/path.js';
import { PIPES_RESERVED } from '../src/pipes/reserved.js';
import { canBeStructured, shapeAt, sourceShape, type PipeSource, type Shape } from '../src/pipes/sources.js';

/** Constraints of {@link pipeTemplate}. */
export interface PipeTemplateConstraints {
  /** The source whose record paths the placeholders read. @defaultValue `'sqs'` */
  source?: PipeSource;
  /**
   * Also generate templates that break the documented rules (a quoted placeholder on an object,
   * a bare `<$.body>`, a placeholder as a key, the event inside a string), to test checks.
   * @defaultValue `false`
   */
  breakRules?: boolean;
  /** Maximum nesting of the JSON template. @defaultValue `3` */
  maxDepth?: number;
}

// Names tried where a shape allows any member (map-like objects, decoded bodies).
const OPEN_NAMES = ['id', 'order', 'name', 'a', 'items'];

/** Candidate paths of a source, each with whether it can only hold a scalar. */
function candidatePaths(shape: Shape): Array<{ path: string; scalar: boolean }> {
  const out: Array<{ path: string; scalar: boolean }> = [];
  const walk = (s: Shape, path: string, depth: number): void => {
    if (depth > 3) return;
    if (s.types.has('object')) {
      const names = new Set(Object.keys(s.fields ?? {}));
      if (s.rest) for (const n of OPEN_NAMES) names.add(n);
      for (const name of names) {
        const child = (s.fields?.[name] ?? s.rest)!;
        const p = `${path}.${name}`;
        out.push({ path: p, scalar: !canBeStructured(child) });
        if (child !== s) walk(child, p, depth + 1);
        else if (depth < 2) walk(child, p, depth + 1);
      }
    }
    if (s.types.has('array') && s.items) {
      out.push({ path: `${path}[0]`, scalar: !canBeStructured(s.items) }, { path: `${path}[*]`, scalar: false });
      walk(s.items, `${path}[0]`, depth + 1);
    }
  };
  walk(shape, '$', 0);
  // Keep only paths the shape model confirms (wildcards yield arrays).
  return out.filter(({ path }) => {
    const parsed = parsePath(path);
    return parsed.ok && shapeAt(shape, parsed.segments) !== undefined;
  });
}

const SCALAR_RESERVED = PIPES_RESERVED.filter((n) => n !== 'aws.pipes.event' && n !== 'aws.pipes.event.json');

/**
 * Pipes input templates that follow the documented quoting rules for a source's records:
 * placeholders of any path as unquoted JSON values; quoted or inside strings only when the path
 * can hold nothing but a scalar; reserved variables; literals, nested objects and arrays, varied
 * whitespace; now and then a one-line string template. With `breakRules`, also the pitfalls.
 * @example pipeTemplate({ source: 'kinesis' })
 */
// @__NO_SIDE_EFFECTS__
export function pipeTemplate(constraints: PipeTemplateConstraints = {}): Arbitrary<string> {
  const source = constraints.source ?? 'sqs';
  const maxDepth = constraints.maxDepth ?? 3;
  if (!Number.isInteger(maxDepth) || maxDepth < 0)
    throw new TypeError(`pipeTemplate: maxDepth must be a non-negative integer, got ${String(maxDepth)}`);
  const paths = candidatePaths(sourceShape(source));
  const scalars = paths.filter((p) => p.scalar).map((p) => p.path);
  const anyPath = constantFrom(...paths.map((p) => p.path), '$', '$.nope', ...SCALAR_RESERVED, 'aws.pipes.event.json');
  const scalarPath = constantFrom(...scalars, '$.nope', ...SCALAR_RESERVED);
  const structuredPath = constantFrom(...paths.filter((p) => !p.scalar).map((p) => p.path), 'aws.pipes.event.json');
  const ws = constantFrom('', ' ', '\n  ', '\t');
  const text = stringMatching(/^[a-z0-9 _.:/-]{0,8}$/);
  const key = stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,6}$/);
  const literal = oneof(
    integer().map(String),
    constantFrom('true', 'false', 'null', '1.5e3'),
    text.map((t) => `"${t}"`),
  );
  const inString = tuple(text, scalarPath, text).map(([a, p, b]) => `"${a}<${p}>${b}"`);
  const good: Array<Arbitrary<string>> = [
    literal,
    anyPath.map((p) => `<${p}>`),
    scalarPath.map((p) => `"<${p}>"`),
    inString,
  ];
  const bad: Array<Arbitrary<string>> = constraints.breakRules
    ? [structuredPath.map((p) => `"<${p}>"`), tuple(text, structuredPath).map(([a, p]) => `"${a}<${p}>"`)]
    : [];
  const { value } = letrec<{ value: string }>((tie) => ({
    value: oneof(
      { depthSize: 'small', maxDepth },
      ...good,
      ...bad,
      array(tuple(ws, key, ws, tie('value')), { maxLength: 4 }).map(
        (members) => `{${members.map(([a, k, b, v]) => `${a}"${k}"${b}:${b}${v}`).join(',')}}`,
      ),
      array(tuple(ws, tie('value')), { maxLength: 4 }).map(
        (items) => `[${items.map(([a, v]) => `${a}${v}`).join(',')}]`,
      ),
    ),
  }));
  const object = array(tuple(ws, key, tie0(value)), { minLength: 1, maxLength: 5 }).map(
    (members) => `{${members.map(([a, k, v]) => `${a}"${k}": ${v}`).join(',')}\n}`,
  );
  const stringTemplate = array(
    oneof(
      text,
      scalarPath.map((p) => `<${p}>`),
    ),
    { minLength: 1, maxLength: 5 },
  ).map((parts) => `"${parts.join(' ')}"`);
  const variants: Array<{ arbitrary: Arbitrary<string>; weight: number }> = [
    { arbitrary: object, weight: 8 },
    { arbitrary: stringTemplate, weight: 1 },
  ];
  if (constraints.breakRules) {
    variants.push(
      { arbitrary: constantFrom('<$.body>', '<$.data>', '<$>', '<$.messageId>'), weight: 1 },
      { arbitrary: tuple(anyPath, literal).map(([p, v]) => `{<${p}>: ${v}}`), weight: 1 },
      {
        arbitrary: tuple(text, boolean()).map(([t, q]) =>
          q ? `{"e": "${t}<aws.pipes.event.json>"}` : `{"e": "<aws.pipes.event>"}`,
        ),
        weight: 1,
      },
    );
  }
  return oneof(...variants);
}

// letrec's value arbitrary, typed for reuse.
function tie0(value: Arbitrary<string>): Arbitrary<string> {
  return oneof(value, constant('null'));
}
