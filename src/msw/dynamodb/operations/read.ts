/**
 * Query and Scan, paged as DynamoDB pages them: `Limit` counts the items read before the
 * FilterExpression, a page stops at 1 MB of items read, `LastEvaluatedKey` carries the table's
 * keys (and the index's, on an index), `ScannedCount` counts what was read. Both read the ordered
 * stores (`SortedStore`): a Query binary-searches one partition.
 */
import type { AttributeMap, AttributeValue } from '../../../events/dynamodb/index.js';
import { readBoolean, readInteger, readString, type JsonObject } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { Expressions, I, readAttributeMap } from '../common.js';
import { itemTableOf, type DynamoDBOperation, type DynamoDBOperationContext } from './context.js';
import { validation } from '../errors.js';
import { evaluateCondition } from '../expressions/evaluate.js';
import type { Condition, DocumentPath } from '../expressions/parse.js';
import { projectPaths } from '../expressions/values.js';
import { compareKeyValues, SortedStore, type StoreEntry } from '../sortedStore.js';
import type { KeyAttribute, MockTable, SecondaryIndex } from '../table.js';
import { conditionNames, resolveKeyCondition, sortRange, type SortCondition } from './keyConditions.js';

/** DynamoDB's page size: a Query or Scan stops once it has read 1 MB of items. */
const PAGE_BYTES = 1024 * 1024;

const SELECTS = ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'] as const;

type Select = (typeof SELECTS)[number];

/** A segment of a parallel Scan: partitions spread by a hash of their key. */
function segmentOf(partitionKey: AttributeValue, total: number): number {
  const text = SortedStore.partitionString(partitionKey);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % total;
}

/** A Query or Scan request, read and checked. */
interface ReadRequest {
  readonly query: boolean;
  readonly table: MockTable;
  readonly index: SecondaryIndex | undefined;
  readonly keyCondition: Condition | undefined;
  readonly filter: Condition | undefined;
  readonly projection: DocumentPath[] | undefined;
  readonly select: Select;
  readonly limit: number | undefined;
  readonly forward: boolean;
  /** A parallel Scan's segment and its total. */
  readonly segment: number | undefined;
  readonly totalSegments: number | undefined;
}

/** `Select`, defaulted as DynamoDB defaults it, checked against the projection and the index. */
function readSelect(
  input: JsonObject,
  projection: DocumentPath[] | undefined,
  index: SecondaryIndex | undefined,
): Select {
  const selectInput = readString(input, 'Select', I);
  if (selectInput !== undefined && !(SELECTS as readonly string[]).includes(selectInput)) {
    throw validation(
      `1 validation error detected: Value '${selectInput}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]`,
    );
  }
  const select: Select =
    (selectInput as Select | undefined) ??
    (projection !== undefined
      ? 'SPECIFIC_ATTRIBUTES'
      : index !== undefined
        ? 'ALL_PROJECTED_ATTRIBUTES'
        : 'ALL_ATTRIBUTES');
  if (projection !== undefined && select !== 'SPECIFIC_ATTRIBUTES')
    throw validation(
      `One or more parameter values were invalid: Cannot specify the ProjectionExpression when choosing to get ${select}`,
    );
  if (select === 'SPECIFIC_ATTRIBUTES' && projection === undefined)
    throw validation(
      'One or more parameter values were invalid: Must specify the ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES',
    );
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && index === undefined)
    throw validation(
      'One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is not supported for a table; specify an IndexName',
    );
  if (select === 'ALL_ATTRIBUTES' && index?.kind === 'global' && index.projection.type !== 'ALL') {
    throw validation(
      `One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.name} because its projection type is not ALL`,
    );
  }
  return select;
}

/** A parallel Scan's `Segment` and `TotalSegments`: both or neither, the segment below the total. */
function readSegments(input: JsonObject): { segment: number | undefined; totalSegments: number | undefined } {
  const segment = readInteger(input, 'Segment', I);
  const totalSegments = readInteger(input, 'TotalSegments', I);
  if (segment !== undefined && totalSegments === undefined)
    throw validation(
      'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
    );
  if (totalSegments !== undefined && segment === undefined)
    throw validation(
      'The Segment parameter is required but was not present in the request when parameter TotalSegments is present',
    );
  if (totalSegments !== undefined && (totalSegments < 1 || totalSegments > 1_000_000)) {
    throw validation(
      `1 validation error detected: Value '${totalSegments}' at 'totalSegments' failed to satisfy constraint: Member must have value ${totalSegments < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000000'}`,
    );
  }
  if (segment !== undefined && segment < 0)
    throw validation(
      `1 validation error detected: Value '${segment}' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0`,
    );
  if (segment !== undefined && totalSegments !== undefined && segment >= totalSegments) {
    throw validation(
      `The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${segment} is not less than TotalSegments: ${totalSegments}`,
    );
  }
  return { segment, totalSegments };
}

/** Reads and checks a Query (`query`) or Scan request, in the order DynamoDB reports its errors. */
function readRequest(
  input: JsonObject,
  info: JsonRequestInfo,
  context: DynamoDBOperationContext,
  query: boolean,
): ReadRequest {
  const table = itemTableOf(input, info, context);
  const expressions = new Expressions(
    input,
    query
      ? ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression']
      : ['FilterExpression', 'ProjectionExpression'],
  );
  const keyCondition = query ? expressions.condition('KeyConditionExpression') : undefined;
  if (query && keyCondition === undefined)
    throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  const filter = expressions.condition('FilterExpression');
  const projection = expressions.projection();
  expressions.done();

  const indexName = readString(input, 'IndexName', I);
  let index: SecondaryIndex | undefined;
  if (indexName !== undefined) {
    index = table.indexes.get(indexName);
    if (index === undefined) throw validation(`The table does not have the specified index: ${indexName}`);
  }
  const consistent = readBoolean(input, 'ConsistentRead', I) ?? false;
  if (consistent && index?.kind === 'global')
    throw validation('Consistent reads are not supported on global secondary indexes');
  const select = readSelect(input, projection, index);

  const limit = readInteger(input, 'Limit', I);
  if (limit !== undefined && limit < 1)
    throw validation(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`,
    );
  const forward = query ? (readBoolean(input, 'ScanIndexForward', I) ?? true) : true;
  const { segment, totalSegments } = query ? { segment: undefined, totalSegments: undefined } : readSegments(input);
  return { query, table, index, keyCondition, filter, projection, select, limit, forward, segment, totalSegments };
}

/** Where a read looks: the key schema and store it reads, a Query's key, and the page's start key. */
interface ReadKeys {
  readonly schema: readonly KeyAttribute[];
  readonly store: SortedStore;
  readonly hash: KeyAttribute;
  readonly range: KeyAttribute | undefined;
  readonly key: { partition: AttributeValue; sort: SortCondition | undefined } | undefined;
  readonly startKey: AttributeMap | undefined;
}

/** The keys of a read: a Query's key condition (the filter may not read keys), and `ExclusiveStartKey`. */
function readKeys(input: JsonObject, request: ReadRequest): ReadKeys {
  const { table, index, filter } = request;
  const schema = index?.keySchema ?? table.keySchema;
  const store = index?.store ?? table.store;
  const [hash, range] = schema as [KeyAttribute, KeyAttribute | undefined];
  let key: { partition: AttributeValue; sort: SortCondition | undefined } | undefined;
  if (request.query) {
    key = resolveKeyCondition(request.keyCondition as Condition, schema);
    if (filter !== undefined) {
      const keyNames = new Set([hash.name, ...(range === undefined ? [] : [range.name])]);
      const used = [...conditionNames(filter)].find((name) => keyNames.has(name));
      if (used !== undefined)
        throw validation(
          `Filter Expression can only contain non-primary key attributes: Primary key attribute: ${used}`,
        );
    }
  }

  // ExclusiveStartKey: the table's keys, plus the index's on an index.
  const startKey = readAttributeMap(input, 'ExclusiveStartKey', false)?.item;
  if (startKey !== undefined) {
    const needed = new Set([...table.keyNames, ...schema.map((k) => k.name)]);
    const names = Object.keys(startKey);
    const types = new Map([...table.keySchema, ...schema].map((k) => [k.name, k.type]));
    if (
      names.length !== needed.size ||
      !names.every((n) => needed.has(n) && Object.keys(startKey[n] as AttributeValue)[0] === types.get(n))
    ) {
      throw validation('The provided starting key is invalid: The provided key element does not match the schema');
    }
    if (key !== undefined && compareKeyValues(startKey[hash.name] as AttributeValue, key.partition) !== 0) {
      throw validation('The provided starting key is outside query boundaries based on provided conditions');
    }
  }
  return { schema, store, hash, range, key, startKey };
}

/** One page of a read: the items kept, how many were read, the last one read, and whether more follow. */
interface ReadPage {
  readonly items: AttributeMap[];
  scanned: number;
  bytes: number;
  last: StoreEntry | undefined;
  more: boolean;
}

/** Reads one entry into the page; false when the page is full (Limit or 1 MB) and reading must stop. */
function take(request: ReadRequest, page: ReadPage, entry: StoreEntry): boolean {
  const { limit, index, table, filter } = request;
  if ((limit !== undefined && page.scanned >= limit) || page.bytes >= PAGE_BYTES) {
    page.more = true;
    return false;
  }
  page.scanned++;
  page.bytes += entry.size;
  page.last = entry;
  const full =
    (index === undefined || index.kind === 'local') &&
    (request.select === 'ALL_ATTRIBUTES' || request.select === 'SPECIFIC_ATTRIBUTES');
  const item = full && index !== undefined ? (table.items.get(entry.id) as AttributeMap) : entry.item;
  if (filter === undefined || evaluateCondition(filter, item, 'FilterExpression')) page.items.push(item);
  return true;
}

/** Reads a page: a Query's slice of one partition (either way), or a Scan's partitions in order. */
function readPage(request: ReadRequest, keys: ReadKeys): ReadPage {
  const page: ReadPage = { items: [], scanned: 0, bytes: 0, last: undefined, more: false };
  const { store, startKey, key } = keys;
  const afterStart = (entries: readonly StoreEntry[]): number =>
    startKey === undefined ? 0 : store.lowerBound(entries, (item) => (store.compare(item, startKey) <= 0 ? -1 : 1));
  if (key !== undefined) {
    const entries = store.partition(key.partition) ?? [];
    let [from, to] = sortRange(store, entries, keys.range?.name, key.sort);
    if (startKey !== undefined) {
      if (request.forward) from = Math.max(from, afterStart(entries));
      else
        to = Math.min(
          to,
          store.lowerBound(entries, (item) => (store.compare(item, startKey) < 0 ? -1 : 1)),
        );
    }
    if (request.forward) {
      for (let i = from; i < to; i++) if (!take(request, page, entries[i] as StoreEntry)) break;
    } else {
      for (let i = to - 1; i >= from; i--) if (!take(request, page, entries[i] as StoreEntry)) break;
    }
  } else {
    const { segment, totalSegments } = request;
    let first = true;
    scan: for (const partition of store.partitionsFrom(startKey?.[keys.hash.name])) {
      if (segment !== undefined && segmentOf(partition.key, totalSegments as number) !== segment) continue;
      const from = first && startKey !== undefined ? afterStart(partition.entries) : 0;
      first = false;
      for (let i = from; i < partition.entries.length; i++)
        if (!take(request, page, partition.entries[i] as StoreEntry)) break scan;
    }
  }
  return page;
}

/** The answer of a read: counts, items (projected), and `LastEvaluatedKey` when the page was cut short. */
function pageOutput(request: ReadRequest, keys: ReadKeys, page: ReadPage): Record<string, unknown> {
  const { select, projection, limit, table } = request;
  const { items, scanned, last } = page;
  const out: Record<string, unknown> = { Count: items.length, ScannedCount: scanned };
  if (select !== 'COUNT')
    out['Items'] = projection === undefined ? items : items.map((item) => projectPaths(item, projection));
  // A page cut short by Limit says where to go on, even when nothing follows (as DynamoDB does).
  if (last !== undefined && (page.more || (limit !== undefined && scanned >= limit))) {
    const lastKey: AttributeMap = {};
    for (const name of new Set([...table.keyNames, ...keys.schema.map((k) => k.name)]))
      Object.defineProperty(lastKey, name, {
        value: last.item[name],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    out['LastEvaluatedKey'] = lastKey;
  }
  return out;
}

function read(
  input: JsonObject,
  info: JsonRequestInfo,
  context: DynamoDBOperationContext,
  query: boolean,
): Record<string, unknown> {
  const request = readRequest(input, info, context, query);
  const keys = readKeys(input, request);
  return pageOutput(request, keys, readPage(request, keys));
}

/** Query: one partition of the table or an index, by key condition, in sort-key order either way. */
export const Query: DynamoDBOperation = (input, info, context) => read(input, info, context, true);

/** Scan: every partition (or one segment's), in the store's order. */
export const Scan: DynamoDBOperation = (input, info, context) => read(input, info, context, false);
