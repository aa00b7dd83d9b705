/**
 * Implicit body parsing: the record fields Pipes turns into JSON before filtering and
 * input transformation. SQS `body` is JSON text; Kinesis, Active MQ, Rabbit MQ `data` and Kafka
 * `key` / `value` are base64. A field that does not hold JSON stays as it is: SQS keeps its
 * text, the others stay base64.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html
 */
import { isBase64 } from '../_internals/hash.js';

/** The encoded fields of each `eventSource`, and whether they are base64. */
const ENCODED: ReadonlyMap<string, { readonly fields: readonly string[]; readonly base64: boolean }> = new Map([
  ['aws:sqs', { fields: ['body'], base64: false }],
  ['aws:kinesis', { fields: ['data'], base64: true }],
  ['aws:amq', { fields: ['data'], base64: true }],
  ['aws:mq', { fields: ['data'], base64: true }],
  ['aws:rmq', { fields: ['data'], base64: true }],
  ['aws:kafka', { fields: ['key', 'value'], base64: true }],
  ['SelfManagedKafka', { fields: ['key', 'value'], base64: true }],
  ['aws:SelfManagedKafka', { fields: ['key', 'value'], base64: true }],
]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The original JSON text of a decoded object or array, for `embeddedJson: 'source'`. */
export const sourceText = new WeakMap<object, string>();

function decodeField(text: string, base64: boolean): { value: unknown } | undefined {
  let json = text;
  if (base64) {
    if (!isBase64(text)) return undefined;
    try {
      json = utf8.decode(Buffer.from(text, 'base64'));
    } catch {
      return undefined; // not UTF-8: stays base64
    }
  }
  try {
    const value: unknown = JSON.parse(json);
    if (value !== null && typeof value === 'object') sourceText.set(value, json);
    return { value };
  } catch {
    return undefined;
  }
}

interface CacheEntry {
  readonly originals: readonly unknown[];
  readonly view: Record<string, unknown>;
}

// Parse once, render many: a record rendered again (a second template, enrichment then target)
// reuses its decoded view, unless one of its encoded fields was reassigned since.
const cache = new WeakMap<object, CacheEntry>();

/**
 * The record as the transformer sees it: a shallow copy whose encoded fields are decoded when they
 * hold JSON. Records of other sources (and non-records) are returned as they are.
 */
export function decodedView(record: unknown): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const object = record as Record<string, unknown>;
  const source = object.eventSource;
  const spec = typeof source === 'string' ? ENCODED.get(source) : undefined;
  if (spec === undefined) return record;
  const { fields } = spec;
  // The hit path runs on every render: compare in place, allocate nothing.
  const hit = cache.get(object);
  if (hit !== undefined && unchanged(hit.originals, object, fields)) return hit.view;
  const originals = fields.map((f) => object[f]);
  let view: Record<string, unknown> | undefined;
  fields.forEach((field, k) => {
    const raw = originals[k];
    if (typeof raw !== 'string') return;
    const decoded = decodeField(raw, spec.base64);
    if (decoded === undefined) return;
    view ??= { ...object };
    view[field] = decoded.value;
  });
  const result = view ?? object;
  cache.set(object, { originals, view: result });
  return result;
}

/** Whether the encoded fields still hold the values the cached view was decoded from. */
function unchanged(originals: readonly unknown[], object: Record<string, unknown>, fields: readonly string[]): boolean {
  for (let k = 0; k < originals.length; k++) {
    if (originals[k] !== (k < fields.length ? object[fields[k]!] : undefined)) return false;
  }
  return true;
}
