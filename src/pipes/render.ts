/** The rendering engine shared by Pipes and rules: literals and slots in, the bytes the target receives out. */
import type { Internals, Ref } from './compiled.js';
import { DROP, formatValue } from './format.js';
import type { ResolvedRenderOptions } from './options.js';
import type { Piece, TemplateItem, TemplateNode } from './parse.js';
import { MISSING } from './path.js';

/** What the target receives for one event. */
export type RenderResult =
  /** `body` is exactly the bytes the target receives. */
  | { readonly delivered: true; readonly body: string }
  /** AWS delivers nothing (e.g. an object inside a quoted JSON string). */
  | { readonly delivered: false; readonly reason: string };

/** The value of a reserved variable for one event (a module-level function: renders build no closures). */
export type ReservedLookup<C> = (name: string, event: unknown, context: C, options: ResolvedRenderOptions) => unknown;

/**
 * A ref's value for this render, after the wildcard rule (before formatting). A render's inputs
 * travel as arguments, not in a per-render object or closure: `root` is what paths read (the
 * decoded record for Pipes), `event` and `context` what reserved variables read.
 */
function evaluate<C>(
  ref: Ref,
  root: unknown,
  event: unknown,
  context: C,
  reserved: ReservedLookup<C>,
  options: ResolvedRenderOptions,
): unknown {
  const value = ref.accessor !== undefined ? ref.accessor(root) : reserved(ref.reserved!, event, context, options);
  if (ref.wildcard && options.wildcard === 'first' && Array.isArray(value))
    return value.length > 0 ? value[0] : MISSING;
  return value;
}

const UNSET = Symbol('unset');

function dropReason(ref: Ref): string {
  return `<${ref.name}> holds an object or array inside a quoted JSON string: AWS delivers nothing`;
}

/**
 * Renders a compiled template for one event in a single pass over its literals and slots. Each
 * distinct placeholder is evaluated once per render, however often it appears.
 */
export function renderCompiled<C>(
  inner: Internals,
  root: unknown,
  event: unknown,
  context: C,
  reserved: ReservedLookup<C>,
  options: ResolvedRenderOptions,
  unquoteLines: boolean,
): RenderResult {
  const { refs, slotRef, slotPosition } = inner;
  if (options.missingPath === 'omit' && inner.tree !== undefined) {
    const values: unknown[] = new Array<unknown>(refs.length).fill(UNSET);
    return renderTree(
      inner,
      (slot) => {
        const r = slotRef[slot]!;
        if (values[r] === UNSET) values[r] = evaluate(refs[r]!, root, event, context, reserved, options);
        return values[r];
      },
      options,
    );
  }
  // Only a ref that fills several slots needs remembering; most templates name each path once.
  const values: unknown[] | undefined = inner.sharedRefs ? new Array<unknown>(refs.length).fill(UNSET) : undefined;
  const literals = unquoteLines ? inner.unquotedLiterals : inner.literals;
  let body = literals[0]!;
  let dropped = -1;
  for (let k = 0; k < slotRef.length; k++) {
    const r = slotRef[k]!;
    let value: unknown;
    if (values === undefined) value = evaluate(refs[r]!, root, event, context, reserved, options);
    else if ((value = values[r]) === UNSET)
      values[r] = value = evaluate(refs[r]!, root, event, context, reserved, options);
    const text = formatValue(value, slotPosition[k]!, options);
    if (text !== DROP) body += text;
    else if (dropped < 0) dropped = r;
    body += literals[k + 1]!;
  }
  if (dropped >= 0) return { delivered: false, reason: dropReason(refs[dropped]!) };
  return { delivered: true, body };
}

/**
 * Renders the JSON tree, leaving out members and elements whose whole value is a missing placeholder
 * (`missingPath: 'omit'`). Walks the tree with an explicit stack: a template may nest about 4,000
 * levels within the 8,192-character limit, too deep for one call per level.
 */
function renderTree(
  inner: Internals,
  valueAt: (slot: number) => unknown,
  options: ResolvedRenderOptions,
): RenderResult {
  let dropped = -1;
  let body = '';
  // Pieces are written in document order, so `dropped` is the first slot that drops, as in a flat render.
  const write = (pieces: readonly Piece[]): void => {
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      if (typeof p === 'string') {
        body += p;
        continue;
      }
      const text = formatValue(valueAt(p.slot), inner.slotPosition[p.slot]!, options);
      if (text !== DROP) body += text;
      else if (dropped < 0) dropped = inner.slotRef[p.slot]!;
    }
  };
  const missing = (item: TemplateItem): boolean =>
    item.value.kind === 'leaf' && item.value.slot !== undefined && valueAt(item.value.slot) === MISSING;
  /** An open container: its kept items, the next one to write, its closing text. */
  const stack: Array<{ readonly kept: readonly TemplateItem[]; next: number; readonly close: string }> = [];
  const root: TemplateItem = inner.tree!();
  write(root.pre);
  let node: TemplateNode | undefined = root.value;
  for (;;) {
    if (node !== undefined) {
      if (node.kind === 'leaf') write(node.pieces);
      else {
        body += node.open;
        stack.push({ kept: node.items.filter((item) => !missing(item)), next: 0, close: node.close });
      }
      node = undefined;
    }
    const frame = stack[stack.length - 1];
    if (frame === undefined) break;
    // Each kept item is `pre value post`, joined by commas, then the close.
    if (frame.next > 0) body += frame.kept[frame.next - 1]!.post;
    if (frame.next === frame.kept.length) {
      body += frame.close;
      stack.pop();
      continue;
    }
    if (frame.next > 0) body += ',';
    const item = frame.kept[frame.next++]!;
    write(item.pre);
    node = item.value;
  }
  body += root.post;
  if (dropped >= 0) return { delivered: false, reason: dropReason(inner.refs[dropped]!) };
  return { delivered: true, body };
}
