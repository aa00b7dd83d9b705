/** `Range: bytes=…` as S3 reads it: one range only; a malformed header is ignored, as HTTP says. */
import { S3Error } from '../errors.js';

/** An inclusive byte range within an object. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The range to serve, `undefined` for the whole object (no header, a malformed one, or several
 * ranges, which S3 does not support), or `InvalidRange` (416) when it cannot be satisfied.
 */
export function parseRange(header: string | null, size: number): ByteRange | undefined {
  if (header === null) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  const unsatisfiable = (): S3Error =>
    new S3Error(
      'InvalidRange',
      416,
      'The requested range is not satisfiable',
      { RangeRequested: header.trim(), ActualObjectSize: String(size) },
      { 'content-range': `bytes */${size}` },
    );
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw unsatisfiable();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined; // syntactically invalid: ignored
  if (start >= size) throw unsatisfiable();
  const end = last === '' ? size - 1 : Number(last);
  return { start, end: Math.min(end, size - 1) };
}
