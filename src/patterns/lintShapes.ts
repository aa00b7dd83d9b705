/**
 * What lint knows of a source's records: the JSON type of each field, read from records the kit's
 * own factories build (the one description of each event shape), with an example value. Payload
 * fields (an SQS body, Kinesis data, an EventBridge detail) are the user's and stay unknown.
 */
import { dynamodbChange, makeDynamoDBStreamEvent } from '../../fixtures/dynamodb.js';
import { makeEventBridgeEvent } from '../../fixtures/eventbridge.js';
import { makeKinesisEvent } from '../../fixtures/kinesis.js';
import { makeS3EventBridgeEvent } from '../../fixtures/s3.js';
import { makeSqsEvent } from '../../fixtures/sqs.js';
import { isPlainObject } from '../_internals/objects.js';
import type { PipeSource } from '../pipes/sources.js';

/** A leaf field of a source's records. */
export interface KnownField {
  /** The JSON types seen at this path. */
  readonly types: ReadonlySet<'string' | 'number' | 'boolean' | 'null'>;
  /** A value the factories produce there. */
  readonly example: unknown;
}

/** The fields of a source's records: leaf paths, and the top-level names. */
export interface KnownShape {
  /** Leaf paths (`*` stands for any map key, e.g. DynamoDB attribute names). */
  readonly leaves: ReadonlyMap<string, KnownField>;
  /** Every top-level field name. */
  readonly topLevel: ReadonlySet<string>;
  /** Top-level fields whose content is the user's (their sub-paths are not checked). */
  readonly open: ReadonlySet<string>;
}

type Sample = () => {
  records: readonly unknown[];
  open: readonly string[];
  mapKeys?: (path: readonly string[]) => boolean;
};

// Attribute names inside DynamoDB images and maps are the user's: `dynamodb.NewImage.<name>.N`.
const dynamoMapKey = (path: readonly string[]): boolean => {
  const parent = path[path.length - 1];
  return (
    path[0] === 'dynamodb' && (parent === 'Keys' || parent === 'NewImage' || parent === 'OldImage' || parent === 'M')
  );
};

const hoistKinesis = (record: unknown): unknown => {
  if (!isPlainObject(record) || !isPlainObject(record.kinesis)) return record;
  const { kinesis, ...rest } = record;
  return { ...(kinesis as object), ...rest };
};

const SAMPLES: Partial<Record<PipeSource, Sample>> = {
  sqs: () => ({ records: makeSqsEvent(['x']).Records, open: ['body', 'messageAttributes'] }),
  'sqs-fifo': () => ({
    records: makeSqsEvent(['x'], { queue: 'orders.fifo' }).Records,
    open: ['body', 'messageAttributes'],
  }),
  kinesis: () => ({ records: makeKinesisEvent(['x']).Records.map(hoistKinesis), open: ['data'] }),
  dynamodb: () => ({
    // A string and a number key, so Keys holds both S and N.
    records: makeDynamoDBStreamEvent(
      [
        dynamodbChange.insert({
          id: 'a',
          n: 1,
          s: 'x',
          b: true,
          l: [1, 'x'],
          m: { k: 'v' },
          z: null,
          ns: new Set([1]),
          ss: new Set(['x']),
        }),
      ],
      { keys: ['id', 'n'] },
    ).Records,
    open: [],
    mapKeys: dynamoMapKey,
  }),
  eventbridge: () => ({ records: [makeEventBridgeEvent('Example', 'com.example', { a: 1 })], open: ['detail'] }),
  's3-eventbridge': () => ({
    records: (['Object Created', 'Object Deleted', 'Object Restore Completed', 'Object Tags Added'] as const).map(
      (type) => makeS3EventBridgeEvent(type, 'bucket'),
    ),
    open: [],
  }),
};

const cache = new Map<PipeSource, KnownShape | undefined>();

function typeOf(value: unknown): 'string' | 'number' | 'boolean' | 'null' | undefined {
  if (value === null) return 'null';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : undefined;
}

function build(sample: ReturnType<Sample>): KnownShape {
  const leaves = new Map<string, { types: Set<'string' | 'number' | 'boolean' | 'null'>; example: unknown }>();
  const topLevel = new Set<string>();
  const open = new Set(sample.open);
  for (const record of sample.records) {
    if (!isPlainObject(record)) continue;
    const stack: { value: unknown; path: string[] }[] = [{ value: record, path: [] }];
    while (stack.length > 0) {
      const { value, path } = stack.pop()!;
      if (Array.isArray(value)) {
        for (const v of value) stack.push({ value: v, path });
        continue;
      }
      if (isPlainObject(value)) {
        for (const key of Object.keys(value)) {
          if (path.length === 0) topLevel.add(key);
          if (path.length === 0 && open.has(key)) continue;
          const name = sample.mapKeys?.(path) ? '*' : key;
          stack.push({ value: value[key], path: [...path, name] });
        }
        continue;
      }
      const type = typeOf(value);
      if (type === undefined || path.length === 0) continue;
      const key = path.join('.');
      const known = leaves.get(key);
      if (known === undefined) leaves.set(key, { types: new Set([type]), example: value });
      else known.types.add(type);
    }
  }
  return { leaves, topLevel, open };
}

/** The known shape of a source's records, or undefined when the kit has no factory for it. */
export function knownShape(source: PipeSource): KnownShape | undefined {
  if (!cache.has(source)) {
    const sample = SAMPLES[source];
    cache.set(source, sample === undefined ? undefined : build(sample()));
  }
  return cache.get(source);
}

/** The known field at a pattern path (`*` segments match any name). */
export function knownField(shape: KnownShape, path: string): KnownField | undefined {
  const exact = shape.leaves.get(path);
  if (exact !== undefined) return exact;
  const segments = path.split('.');
  for (const [key, field] of shape.leaves) {
    if (!key.includes('*')) continue;
    const parts = key.split('.');
    if (parts.length === segments.length && parts.every((p, i) => p === '*' || p === segments[i])) return field;
  }
  return undefined;
}
