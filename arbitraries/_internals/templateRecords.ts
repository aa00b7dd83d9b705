/**
 * Template-aware records for the template checks: the paths a compiled template reads are put
 * into the records (usually present with a hard value, sometimes missing), always through the
 * family arbitraries' own constraints, so every record invariant stays true.
 */
import {
  array,
  boolean,
  constant,
  constantFrom,
  dictionary,
  double,
  integer,
  oneof,
  string,
  tuple,
  uint8Array,
  uniqueArray,
  type Arbitrary,
} from 'fast-check';
import type { JsonValue } from '../../src/_internals/json.js';
import { toBase64 } from '../../src/_internals/hash.js';
import {
  ATTRIBUTE_TYPES,
  type AttributeMap,
  type AttributeValue,
  type DynamoDBEventName,
  type StreamViewType,
} from '../../src/events/dynamodb/types.js';
import type { KinesisStreamEvent } from '../../src/events/kinesis/types.js';
import { toPipesSourceBatch } from '../../src/events/pipes/sourceBatch.js';
import type { CompiledTemplate } from '../../src/pipes/compiled.js';
import { parsePath, type PathSegment } from '../../src/pipes/path.js';
import type { PipeSource } from '../../src/pipes/sources.js';
import { attributeValue, dynamoDBNumberText } from '../attributeValue.js';
import { dynamoDBItem, type DynamoDBKeyType } from '../dynamoDBItem.js';
import { dynamoDBStreamRecord } from '../dynamoDBStreamRecord.js';
import { eventBridgeEvent } from '../eventBridgeEvent.js';
import { jsonPayload } from '../jsonPayload.js';
import { kinesisRecord } from '../kinesisRecord.js';
import { pipeSourceRecord } from '../pipeSourceRecord.js';
import { sqsRecord } from '../sqsRecord.js';
import { setOwn } from '../../src/_internals/objects.js';
import { fitItem, mergeMaps } from './dynamodb.js';
import { fakerValue } from './faker.js';
import { defaultBody } from './sqs.js';

/** The paths a template reads, merged into a tree (one node per path step). */
interface PathTree {
  /** Whether a path ends here. */
  end: boolean;
  readonly names: Map<string, PathTree>;
  readonly indices: Map<number, PathTree>;
  /** The `*` / `[*]` step, if a path takes one here. */
  any?: PathTree;
}

const tree = (): PathTree => ({ end: false, names: new Map(), indices: new Map() });

/** The tree of the JSON paths (not reserved variables) a compiled Pipes or rule template reads. */
function templatePathTree(compiled: CompiledTemplate): PathTree {
  const root = tree();
  // `placeholders[].path` is the path each placeholder reads (rules: its InputPathsMap value); the
  // compiler accepted it, so it parses.
  for (const placeholder of compiled.placeholders) {
    if (placeholder.path === undefined) continue;
    const parsed = parsePath(placeholder.path);
    if (parsed.ok) addPath(root, parsed.segments);
  }
  return root;
}

function addPath(root: PathTree, segments: readonly PathSegment[]): void {
  let node = root;
  for (const s of segments) {
    let next: PathTree | undefined;
    if (s.kind === 'name') {
      next = node.names.get(s.name);
      if (next === undefined) node.names.set(s.name, (next = tree()));
    } else if (s.kind === 'index') {
      next = node.indices.get(s.index);
      if (next === undefined) node.indices.set(s.index, (next = tree()));
    } else {
      next = node.any ??= tree();
    }
    node = next;
  }
  node.end = true;
}

/** What one member or element must hold: its own subtree and, under a wildcard, the wildcard's too. */
function withWildcard(node: PathTree | undefined, wildcard: PathTree | undefined): PathTree {
  const out = tree();
  if (node !== undefined) mergeTree(out, node);
  if (wildcard !== undefined) mergeTree(out, wildcard);
  return out;
}

const isLeaf = (node: PathTree): boolean => node.names.size === 0 && node.indices.size === 0 && node.any === undefined;

// --- Hard values -----------------------------------------------------------------------------

/** Strings that break a template whose values are not escaped; the first ones are what shrinking ends at. */
const HARD_TEXT = [
  '"',
  '\\',
  '\n',
  '\\"',
  '""',
  '\t',
  '\r\n',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u2028\u2029',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  '日本語',
  '\uFEFF',
  "'",
  '<',
  '>',
  '{"a":1}',
  '[1,2]',
  'null',
  '',
  ' ',
  'say "hi"',
  'C:\\temp',
  '</script>',
];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');
const SAFE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_ .:/@';

/** Strings without anything JSON must escape: letters, digits, a little punctuation, human text. */
// @__NO_SIDE_EFFECTS__
function safeText(): Arbitrary<string> {
  return oneof(
    string({ unit: constantFrom(...SAFE_CHARS), maxLength: 16 }),
    fakerValue((faker) =>
      faker.helpers.arrayElement([
        () => faker.person.fullName(),
        () => faker.commerce.productName(),
        () => faker.string.uuid(),
        () => faker.lorem.words(),
      ])(),
    ),
  );
}

/** Strings with `"`, `\`, newlines, control characters, unicode and emoji (well-formed: no lone surrogates). */
// @__NO_SIDE_EFFECTS__
function hardText(): Arbitrary<string> {
  const short = string({ unit: 'grapheme', maxLength: 6 });
  return oneof(
    { arbitrary: constantFrom(...HARD_TEXT), weight: 3 },
    { arbitrary: tuple(short, constantFrom(...HARD_TEXT), short).map(([a, b, c]) => a + b + c), weight: 3 },
    { arbitrary: string({ unit: 'binary', maxLength: 12 }).map(wellFormed), weight: 1 },
  );
}

const EDGE_NUMBERS = [
  0,
  -1,
  1,
  0.1,
  -0.5,
  1e21,
  -1e21,
  1.5e-7,
  -2.5e-7,
  6.02e23,
  -1.7976931348623157e308,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
];
const HARD_KEYS = ['"', '\\', 'a b', 'é', '😀', '', '$', 'x.y', '__proto__'];

/** Object keys: mostly plain, sometimes hard. */
function objectKey(): Arbitrary<string> {
  return oneof(
    { arbitrary: string({ unit: constantFrom(...SAFE_CHARS), minLength: 1, maxLength: 10 }), weight: 3 },
    { arbitrary: constantFrom(...HARD_KEYS), weight: 1 },
  );
}

/** DynamoDB attribute names: never empty. */
function attributeName(): Arbitrary<string> {
  return objectKey().map((key) => (key.length === 0 ? 'a' : key));
}

/** Builds an object with own properties only (`__proto__` included), skipping `taken` keys. */
function ownObject(
  entries: Iterable<readonly [string, unknown]>,
  out: Record<string, unknown> = {},
  taken?: ReadonlySet<string>,
): Record<string, unknown> {
  for (const [key, value] of entries)
    if (!taken?.has(key))
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Values a path can hold, the hard ones on purpose: strings that need JSON escaping, plain safe
 * strings, numbers (negatives, exponents, edges), booleans, null, objects, arrays and nested JSON.
 * Each kind shrinks within itself (a string towards `"`, an object towards `{}`).
 */
// @__NO_SIDE_EFFECTS__
function hardJsonValue(): Arbitrary<JsonValue> {
  const number = oneof(
    constantFrom(...EDGE_NUMBERS),
    integer({ min: -1_000_000, max: 1_000_000 }),
    double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  );
  const leaf: Arbitrary<JsonValue> = oneof(hardText(), safeText(), number, boolean(), constant(null));
  return oneof(
    { arbitrary: hardText(), weight: 5 },
    { arbitrary: safeText(), weight: 3 },
    { arbitrary: number, weight: 2 },
    { arbitrary: boolean(), weight: 1 },
    { arbitrary: constant(null), weight: 1 },
    {
      arbitrary: dictionary(objectKey(), leaf, { maxKeys: 3, noNullPrototype: true }).map(
        (o) => ownObject(Object.entries(o)) as JsonValue,
      ),
      weight: 2,
    },
    { arbitrary: array(leaf, { maxLength: 3 }), weight: 1 },
    { arbitrary: jsonPayload({ maxDepth: 2 }), weight: 1 },
  );
}

// --- JSON for a path tree ----------------------------------------------------------------------

const ABSENT: unique symbol = Symbol('absent');

/** Usually the value, sometimes absent (shrinks towards absent, so unrelated members drop out). */
function presence<T>(value: Arbitrary<T>): Arbitrary<T | typeof ABSENT> {
  return oneof({ withCrossShrink: true }, { arbitrary: constant(ABSENT), weight: 1 }, { arbitrary: value, weight: 8 });
}

/** Unrelated members around the path's own. */
function extraMembers(): Arbitrary<Record<string, JsonValue>> {
  return dictionary(objectKey(), jsonPayload({ maxDepth: 1, hardCases: false }), { maxKeys: 3, noNullPrototype: true });
}

/** A JSON value in which the tree's paths usually exist. */
function jsonFor(node: PathTree): Arbitrary<JsonValue> {
  if (isLeaf(node)) return hardJsonValue();
  const options: Arbitrary<JsonValue>[] = [];
  if (node.names.size > 0 || (node.any !== undefined && node.indices.size === 0)) options.push(objectFor(node));
  if (node.indices.size > 0 || node.any !== undefined) options.push(arrayFor(node));
  // A wildcard over an array is the common case: weight the array first.
  const structured =
    options.length === 1
      ? options[0]!
      : node.names.size > 0
        ? oneof(...options)
        : oneof({ arbitrary: options[1]!, weight: 2 }, { arbitrary: options[0]!, weight: 1 });
  return node.end ? oneof({ arbitrary: structured, weight: 3 }, { arbitrary: hardJsonValue(), weight: 1 }) : structured;
}

/** An object holding the tree's named members (each usually present) among unrelated ones. */
function objectFor(node: PathTree): Arbitrary<Record<string, JsonValue>> {
  const names = [...node.names.keys()];
  const members = tuple(...names.map((name) => presence(jsonFor(withWildcard(node.names.get(name), node.any)))));
  const extra =
    node.any !== undefined
      ? dictionary(objectKey(), jsonFor(node.any), { maxKeys: 3, noNullPrototype: true })
      : extraMembers();
  const taken = new Set(names);
  return tuple(extra, members).map(([more, values]) => {
    const out = ownObject(Object.entries(more), {}, taken);
    names.forEach((name, i) => {
      if (values[i] !== ABSENT) ownObject([[name, values[i]]], out);
    });
    return out as Record<string, JsonValue>;
  });
}

/** An array long enough for the tree's indices, its other elements from the wildcard's subtree. */
function arrayFor(node: PathTree): Arbitrary<JsonValue[]> {
  const length = node.indices.size === 0 ? 0 : Math.max(...node.indices.keys()) + 1;
  const filler = node.any !== undefined ? jsonFor(node.any) : jsonPayload({ maxDepth: 1, hardCases: false });
  const head = tuple(
    ...Array.from({ length }, (_, i) =>
      node.indices.has(i) ? jsonFor(withWildcard(node.indices.get(i), node.any)) : filler,
    ),
  );
  return tuple(head, array(filler, { maxLength: 3 })).map(([h, t]) => [...h, ...t]);
}

// --- Per source ---------------------------------------------------------------------------------

const TEMPLATE_WEIGHT = 5;

/** Mostly template-aware records, sometimes the generic ones. */
function mix(aware: Arbitrary<unknown>, generic: Arbitrary<unknown>): Arbitrary<unknown> {
  return oneof({ arbitrary: aware, weight: TEMPLATE_WEIGHT }, { arbitrary: generic, weight: 1 });
}

/** An SQS body (or Kinesis data) for the subtree under `body` / `data`: JSON usually holding the paths, sometimes text. */
function payloadFor(node: PathTree, text: Arbitrary<string>): Arbitrary<string | JsonValue> {
  return oneof({ arbitrary: jsonFor(node), weight: 8 }, { arbitrary: text, weight: 1 });
}

function eventBridgeFor(paths: PathTree, generic: Arbitrary<unknown>): Arbitrary<unknown> {
  const detail = paths.names.get('detail');
  // The whole detail: the generic events (jsonPayload objects with hard cases). `detail` is always
  // an object, so a path that indexes it as an array never exists.
  if (detail === undefined || (detail.names.size === 0 && detail.any === undefined)) return generic;
  return mix(eventBridgeEvent({ detail: objectFor(detail) }), generic);
}

// DynamoDB: `$.dynamodb.<Image>.<attribute>.<type>…`.
const IMAGES = ['NewImage', 'OldImage', 'Keys'] as const;
const TYPES = new Set<string>(ATTRIBUTE_TYPES);

/** AttributeValue strings: hard and safe, well-formed (DynamoDB strings are UTF-8). */
function attributeText(): Arbitrary<string> {
  return oneof({ arbitrary: hardText(), weight: 2 }, { arbitrary: safeText(), weight: 1 });
}

function setOf<T>(element: Arbitrary<T>, node: PathTree): Arbitrary<T[]> {
  const min = Math.max(1, node.indices.size === 0 ? 1 : Math.max(...node.indices.keys()) + 1);
  return uniqueArray(element, { minLength: min, maxLength: min + 3 });
}

/** An AttributeValue in which the rest of the path (`S`, `M.city.S`, `L[0].N`, …) usually exists. */
function attributeFor(node: PathTree): Arbitrary<AttributeValue> {
  const generic = oneof(
    attributeValue({ maxDepth: 1 }),
    attributeText().map((S) => ({ S }) as AttributeValue),
  );
  const types = [...node.names.keys()].filter((t) => TYPES.has(t));
  if (types.length === 0) return generic;
  const byType = types.map((type) => {
    const child = node.names.get(type)!;
    switch (type) {
      case 'S':
        return attributeText().map((S) => ({ S }) as AttributeValue);
      case 'N':
        return dynamoDBNumberText().map((N) => ({ N }) as AttributeValue);
      case 'B':
        return uint8Array({ maxLength: 16 }).map((b) => ({ B: toBase64(b) }) as AttributeValue);
      case 'BOOL':
        return boolean().map((BOOL) => ({ BOOL }) as AttributeValue);
      case 'NULL':
        return constant({ NULL: true } as AttributeValue);
      case 'SS':
        return setOf(attributeText(), child).map((SS) => ({ SS }) as AttributeValue);
      case 'NS':
        return setOf(dynamoDBNumberText(), child).map((NS) => ({ NS }) as AttributeValue);
      case 'BS':
        return setOf(uint8Array({ maxLength: 16 }).map(toBase64), child).map((BS) => ({ BS }) as AttributeValue);
      case 'L': {
        const element = child.any !== undefined ? attributeFor(child.any) : attributeValue({ maxDepth: 1 });
        const length = child.indices.size === 0 ? 0 : Math.max(...child.indices.keys()) + 1;
        const head = tuple(
          ...Array.from({ length }, (_, i) =>
            child.indices.has(i) ? attributeFor(withWildcard(child.indices.get(i), child.any)) : element,
          ),
        );
        return tuple(head, array(element, { maxLength: 3 })).map(([h, t]) => ({ L: [...h, ...t] }) as AttributeValue);
      }
      default:
        return attributeMapFor(
          child,
          child.any !== undefined ? attributeFor(child.any) : attributeValue({ maxDepth: 1 }),
        ).map((M) => ({ M }) as AttributeValue);
    }
  });
  return oneof(...byType.map((arbitrary) => ({ arbitrary, weight: 8 })), { arbitrary: generic, weight: 1 });
}

/** An attribute map holding the tree's named attributes (usually present) among `extra` ones. */
function attributeMapFor(
  node: PathTree,
  extra: Arbitrary<AttributeValue>,
  required: readonly string[] = [],
): Arbitrary<AttributeMap> {
  const names = [...node.names.keys()].filter((n) => !required.includes(n));
  const members = tuple(...names.map((name) => presence(attributeFor(withWildcard(node.names.get(name), node.any)))));
  return tuple(dictionary(attributeName(), extra, { maxKeys: 2, noNullPrototype: true }), members).map(
    ([more, values]) => {
      const out: AttributeMap = {};
      for (const [k, v] of Object.entries(more)) if (!node.names.has(k)) setOwn(out, k, v);
      names.forEach((name, i) => {
        if (values[i] !== ABSENT) setOwn(out, name, values[i] as AttributeValue);
      });
      return out;
    },
  );
}

/** A key attribute's value of `type`, never empty, hard when a string. */
function keyValue(type: DynamoDBKeyType): Arbitrary<AttributeValue> {
  if (type === 'N') return dynamoDBNumberText().map((N) => ({ N }) as AttributeValue);
  if (type === 'B')
    return uint8Array({ minLength: 1, maxLength: 16 }).map((b) => ({ B: toBase64(b) }) as AttributeValue);
  return attributeText().map((S) => ({ S: S.length === 0 ? '"' : S }) as AttributeValue);
}

function dynamoDBFor(paths: PathTree, generic: Arbitrary<unknown>): Arbitrary<unknown> {
  const dynamodb = paths.names.get('dynamodb');
  if (dynamodb === undefined) return generic;
  const images = IMAGES.map((name) => dynamodb.names.get(name));
  if (images.every((image) => image === undefined || image.names.size === 0)) return generic;
  // One attribute tree for the item: NewImage, OldImage and Keys read the same item's attributes.
  const attributes = tree();
  for (const image of images) if (image !== undefined) mergeTree(attributes, image);
  const keysTree = images[2];
  const keyNames = keysTree === undefined ? [] : [...keysTree.names.keys()].slice(0, 2);
  const keyTypeOf = (name: string): DynamoDBKeyType => {
    const named = [...(attributes.names.get(name)?.names.keys() ?? [])].find(
      (t) => t === 'S' || t === 'N' || t === 'B',
    );
    return (named as DynamoDBKeyType | undefined) ?? 'S';
  };
  const item = (keys: readonly string[]): Arbitrary<AttributeMap> => {
    const keyTypes = keys.map(keyTypeOf);
    return tuple(
      dynamoDBItem({ keys, keyTypes }),
      attributeMapFor(attributes, attributeValue({ maxDepth: 1 }), keys),
      tuple(...keys.map((k, i) => (attributes.names.has(k) ? keyValue(keyTypes[i]!) : constant(undefined)))),
    ).map(([base, ours, keyValues]) => {
      const keyMap: AttributeMap = {};
      keys.forEach((k, i) => setOwn(keyMap, k, keyValues[i] ?? (base[k] as AttributeValue)));
      return fitItem(mergeMaps(base, ours, keyMap), keys);
    });
  };
  const reads = { NewImage: images[0] !== undefined, OldImage: images[1] !== undefined };
  const viewType = oneof(
    { arbitrary: constant<StreamViewType>('NEW_AND_OLD_IMAGES'), weight: 8 },
    { arbitrary: constantFrom<StreamViewType>('KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'), weight: 1 },
  );
  const wanted: DynamoDBEventName[] =
    reads.NewImage && !reads.OldImage
      ? ['INSERT', 'MODIFY']
      : reads.OldImage && !reads.NewImage
        ? ['MODIFY', 'REMOVE']
        : ['MODIFY'];
  const eventName = oneof(
    { arbitrary: constantFrom(...wanted), weight: 8 },
    { arbitrary: constantFrom<DynamoDBEventName>('INSERT', 'MODIFY', 'REMOVE'), weight: 1 },
  );
  return mix(
    dynamoDBStreamRecord({
      ...(keyNames.length > 0 ? { keys: keyNames } : {}),
      item,
      streamViewType: viewType,
      eventName,
    }),
    generic,
  );
}

function mergeTree(into: PathTree, from: PathTree): void {
  into.end ||= from.end;
  for (const [name, child] of from.names)
    mergeTree(into.names.get(name) ?? (into.names.set(name, tree()), into.names.get(name)!), child);
  for (const [index, child] of from.indices)
    mergeTree(into.indices.get(index) ?? (into.indices.set(index, tree()), into.indices.get(index)!), child);
  if (from.any !== undefined) mergeTree((into.any ??= tree()), from.any);
}

/**
 * Records of `source` for `compiled`: see `pipeTemplateRecord`. Sources without a record
 * arbitrary throw as `pipeSourceRecord` does.
 */
export function templateRecords(compiled: CompiledTemplate, source: PipeSource): Arbitrary<unknown> {
  const generic = pipeSourceRecord(source);
  const paths = templatePathTree(compiled);
  switch (source) {
    case 'sqs':
    case 'sqs-fifo': {
      const body = paths.names.get('body');
      // A template that reads only the whole body gets the generic records: their bodies already mix JSON and hard text.
      return body === undefined || isLeaf(body)
        ? generic
        : mix(sqsRecord({ fifo: source === 'sqs-fifo', body: payloadFor(body, defaultBody()) }), generic);
    }
    case 'kinesis': {
      const data = paths.names.get('data');
      if (data === undefined || isLeaf(data)) return generic;
      const text = oneof(string({ unit: 'binary', maxLength: 40 }).map(wellFormed), safeText());
      return mix(
        kinesisRecord({ data: payloadFor(data, text) }).map(
          (record) => toPipesSourceBatch({ Records: [record] } as unknown as KinesisStreamEvent)[0]!,
        ),
        generic,
      );
    }
    case 'eventbridge':
      return eventBridgeFor(paths, generic);
    case 'dynamodb':
      return dynamoDBFor(paths, generic);
    default:
      // S3 via EventBridge: the detail schema is fixed and its object key arrives URL-encoded
      // (no `"` or `\` can occur); the generic events already mix hard keys in.
      return generic;
  }
}
