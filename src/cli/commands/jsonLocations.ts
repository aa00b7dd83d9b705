/**
 * Where each value of a JSON text starts, by key path, for `file:line:col` output. The text is
 * already known to be valid JSON (it parsed); scanning is iterative, so deep texts are fine.
 */

/** Texts longer than this are not located (AWS's patterns are at most 4,096 characters; FilterCriteria a few of those). */
const MAX_TEXT = 256 * 1024;
/** Nesting deeper than AWS's JSON parser allows is not located. */
const MAX_DEPTH = 1000;

/** A 1-based line and column (UTF-16 units). */
export interface TextLocation {
  readonly line: number;
  readonly column: number;
}

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** A map key for a path (keys may contain any character, so JSON is the separator). */
function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/**
 * The location of every member of the JSON text, by {@link pathKey}: for an object member, where
 * its key is written (so a finding about a field points at its name); for an array element, where
 * the element starts. The root is at `[]`.
 */
export function jsonLocations(text: string): Map<string, TextLocation> {
  const out = new Map<string, TextLocation>();
  // Each member costs its depth: beyond AWS's limits (1,000 levels, a few KiB) nothing is located,
  // so a hostile text stays linear.
  if (text.length > MAX_TEXT) return out;
  let line = 1;
  let lineStart = 0;
  const here = (offset: number): TextLocation => ({ line, column: offset - lineStart + 1 });
  // Each frame: the container's path, and for arrays the next index, for objects the pending key.
  const stack: { path: (string | number)[]; array: boolean; index: number; key: string | undefined }[] = [];
  let expectKey = false;
  const valueStart = (offset: number): (string | number)[] => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      out.set(pathKey([]), here(offset));
      return [];
    }
    if (top.array) {
      const path = [...top.path, top.index++];
      out.set(pathKey(path), here(offset));
      return path;
    }
    return [...top.path, top.key!];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === ':') {
      if (c === ',' && stack.length > 0 && !stack[stack.length - 1]!.array) expectKey = true;
      continue;
    }
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_DEPTH) return out;
      const path = valueStart(i);
      stack.push({ path, array: c === '[', index: 0, key: undefined });
      expectKey = c === '{';
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      continue;
    }
    if (c === '"') {
      const start = i;
      let value = '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') {
          i++;
          const e = text[i];
          if (e === 'u') {
            value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
            i += 4;
          } else
            value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : e;
        } else value += text[i];
      }
      const top = stack[stack.length - 1];
      if (expectKey && top !== undefined && !top.array) {
        top.key = value;
        out.set(pathKey([...top.path, value]), here(start));
        expectKey = false;
      } else valueStart(start);
      continue;
    }
    // A number, true, false or null: runs to the next delimiter.
    valueStart(i);
    while (i + 1 < text.length && !',}] \t\r\n'.includes(text[i + 1]!)) i++;
  }
  return out;
}

/** The location of a path, or of its nearest ancestor that has one (line 1, column 1 at worst). */
export function locate(locations: ReadonlyMap<string, TextLocation>, path: JsonPath): TextLocation {
  for (let n = path.length; n >= 0; n--) {
    const found = locations.get(pathKey(path.slice(0, n)));
    if (found !== undefined) return found;
  }
  return { line: 1, column: 1 };
}
