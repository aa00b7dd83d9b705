/** The rendering engine shared by Pipes and rules: pieces in, the bytes the target receives out. */
import { internalsOf, type CompiledTemplate, type Ref } from './compiled.js';
import { DROP, formatValue } from './format.js';
import type { ResolvedRenderOptions } from './options.js';
import type { Piece, TemplateItem, TemplateNode } from './parse.js';
import { MISSING } from './path.js';

/** What the target receives for one event. */
export type RenderResult =
  /** `body` is exactly the bytes the target receives. */
  | { readonly delivered: true; readonly body: string }
  /** AWS delivers nothing (e.g. an object inside a quoted JSON string, spec B5). */
  | { readonly delivered: false; readonly reason: string };

/** Looks up a ref's value for the event being rendered (before wildcard and format rules). */
export type ValueSource = (ref: Ref) => unknown;

/** Renders a compiled template; `valueOf` supplies path and reserved values for one event. */
export function renderCompiled(compiled: CompiledTemplate, valueOf: ValueSource, options: ResolvedRenderOptions, unquoteLines: boolean): RenderResult {
  const inner = internalsOf(compiled);
  const { refs, slotRef, slotPosition } = inner;
  // Each distinct placeholder is evaluated once per render, however often it appears.
  const values: unknown[] = new Array(refs.length).fill(UNSET);
  const get = (slot: number): unknown => {
    const r = slotRef[slot]!;
    let value = values[r];
    if (value === UNSET) {
      const ref = refs[r]!;
      value = valueOf(ref);
      if (ref.wildcard && options.wildcard === 'first' && Array.isArray(value)) value = value.length > 0 ? value[0] : MISSING;
      values[r] = value;
    }
    return value;
  };
  let dropped: string | undefined;
  const piece = (p: Piece): string => {
    if (typeof p === 'string') return p;
    const text = formatValue(get(p.slot), slotPosition[p.slot]!, options);
    if (text === DROP) {
      dropped ??= `<${refs[slotRef[p.slot]!]!.name}> holds an object or array inside a quoted JSON string: AWS delivers nothing (spec B5)`;
      return '';
    }
    return text;
  };
  let body = '';
  if (options.missingPath === 'omit' && inner.root !== undefined) body = renderTree(inner.root, piece, (slot) => get(slot) === MISSING);
  else {
    const pieces = unquoteLines ? unquote(inner.pieces) : inner.pieces;
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      body += typeof p === 'string' ? p : piece(p);
    }
  }
  if (dropped !== undefined) return { delivered: false, reason: dropped };
  return { delivered: true, body };
}

const UNSET = Symbol('unset');

/** Renders the JSON tree, leaving out members and elements whose whole value is a missing placeholder. */
function renderTree(root: TemplateItem, piece: (p: Piece) => string, missing: (slot: number) => boolean): string {
  const node = (n: TemplateNode): string => {
    if (n.kind === 'leaf') return n.pieces.map(piece).join('');
    const kept = n.items.filter((item) => !(item.value.kind === 'leaf' && item.value.slot !== undefined && missing(item.value.slot)));
    return n.open + kept.map((item) => item.pre.map(piece).join('') + node(item.value) + item.post).join(',') + n.close;
  };
  return root.pre.map(piece).join('') + node(root.value) + root.post;
}

/** Removes the quotes that open and close each line of a string template (`outerQuotes: 'never'`). */
function unquote(pieces: readonly Piece[]): Piece[] {
  let inside = false;
  return pieces.map((p) => {
    if (typeof p !== 'string') return p;
    let out = '';
    for (let k = 0; k < p.length; k++) {
      const c = p[k]!;
      if (inside && c === '\\') {
        out += c + (p[k + 1] ?? '');
        k++;
      } else if (c === '"') inside = !inside;
      else out += c;
    }
    return out;
  });
}
