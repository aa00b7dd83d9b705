/**
 * A record as a Lambda or Pipes filter sees it: Kinesis payload fields at the top level, fields the
 * poller adds after filtering removed, and the data field decoded (SQS body text, base64 bytes as
 * UTF-8) and, when it holds a JSON object, spliced in as JSON. The result is JSON text, so numbers
 * in the data keep the text they were written with.
 */
import { isPlainObject } from '../_internals/objects.js';
import { EventPatternInputError } from './errors.js';
import type { ResolvedFilterSource } from './filterSources.js';
import { stringifyLossless, toLossless } from './json.js';

/** How one data field of a record was read. */
export type DataMode = 'json' | 'plain' | 'not-utf8' | 'absent';

/** A record ready for matching. */
export interface DecodedRecord {
  /** The record as JSON text, data fields decoded. */
  readonly text: string;
  /** Per data key, how its value was read. */
  readonly modes: ReadonlyMap<string, DataMode>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether `text` is one JSON object (its text, trimmed of JSON whitespace, starts with `{` and parses). */
function isJsonObjectText(text: string): boolean {
  const start = /^[ \t\n\r]*\{/.test(text);
  if (!start) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function decodeBase64(value: string): string | undefined {
  if (value.length % 4 !== 0 || !BASE64.test(value)) return undefined;
  try {
    return utf8.decode(Buffer.from(value, 'base64'));
  } catch {
    return undefined;
  }
}

function jsonOf(api: string, key: string, value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    // Very deep values overflow JSON.stringify's recursion: write them iteratively instead (the
    // iterative writer also names cycles and values JSON cannot hold).
    if (error instanceof RangeError) {
      try {
        return stringifyLossless(toLossless(value, `record.${key}`));
      } catch (inner) {
        throw new EventPatternInputError(api, inner instanceof Error ? inner.message : String(inner));
      }
    }
    throw new EventPatternInputError(
      api,
      `record.${key} is not JSON data (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * Reads one record for matching; with `dataOnly`, only the data fields are kept. Throws
 * `EventPatternInputError` (prefixed with `api`) when the record is not a JSON object.
 */
export function decodeFilterRecord(
  api: string,
  record: unknown,
  source: ResolvedFilterSource,
  stripAfterFiltering: boolean,
  dataOnly = false,
): DecodedRecord {
  if (!isPlainObject(record)) {
    const got =
      record === null
        ? 'null'
        : Array.isArray(record)
          ? 'an array (pass one record, e.g. event.Records[0], or use filterBatch)'
          : typeof record;
    throw new EventPatternInputError(api, `record must be a JSON object (one record of the batch), got ${got}`);
  }
  let fields: Record<string, unknown> = record;
  // Lambda's Kinesis records nest the payload under `kinesis`; filters see it at the top level
  // (as Pipes delivers it), e.g. {"partitionKey": ["1"], "data": {…}}.
  if (source.family === 'kinesis' && isPlainObject(record.kinesis)) {
    const { kinesis, ...rest } = record;
    fields = { ...(kinesis as Record<string, unknown>), ...rest };
  }
  const skip = new Set(stripAfterFiltering ? source.addedAfterFiltering : []);
  const modes = new Map<string, DataMode>();
  const parts: string[] = [];
  for (const key of Object.keys(fields)) {
    if (skip.has(key) || (dataOnly && !source.rules.dataKeys.includes(key))) continue;
    const value = fields[key];
    let text: string | undefined;
    if (source.rules.dataKeys.includes(key)) {
      const [mode, json] = readData(source, value);
      modes.set(key, mode);
      text = json ?? jsonOf(api, key, value);
    } else {
      text = jsonOf(api, key, value);
    }
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  for (const key of source.rules.dataKeys) if (!modes.has(key)) modes.set(key, 'absent');
  return { text: `{${parts.join(',')}}`, modes };
}

/** The mode of a data field's value and, when it is read as something else than its JSON, its JSON text. */
function readData(source: ResolvedFilterSource, value: unknown): [DataMode, string | undefined] {
  const encoding = source.rules.encoding;
  if (value === undefined || value === null) return ['absent', undefined];
  if (encoding === 'object') return [isPlainObject(value) ? 'json' : 'plain', undefined];
  if (typeof value !== 'string') return [isPlainObject(value) ? 'json' : 'plain', undefined];
  const decoded = encoding === 'text' ? value : decodeBase64(value);
  if (decoded === undefined) return ['not-utf8', undefined];
  if (isJsonObjectText(decoded)) return ['json', decoded];
  // Plain data is matched as the decoded string (Kinesis: it matches no pattern anyway).
  return ['plain', JSON.stringify(decoded)];
}
