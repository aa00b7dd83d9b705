/**
 * Model-based property test of the in-memory DynamoDB: random interleavings of single, batch and
 * transactional writes (through the real client) against a plain Map model. After every step each
 * read agrees with the model, the stream holds exactly one record per change in order, a cancelled
 * transaction changes and emits nothing, and GSI queries return exactly the model's matching
 * items in index-key order.
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient } from './_clients.js';

const { mocks } = useAwsMocks();
const dynamo = dynamoClient();
const T = 'model';

interface Item {
  pk: string;
  sk: number;
  g?: string;
  v?: number;
}
type Key = { pk: string; sk: number };
type Op =
  | { kind: 'put'; item: Item; ifAbsent: boolean }
  | { kind: 'delete'; key: Key; ifExists: boolean }
  | { kind: 'update'; key: Key; v: number; ifExists: boolean }
  | { kind: 'batch'; writes: ({ put: Item } | { delete: Key })[] }
  | {
      kind: 'transact';
      actions: (
        | { put: Item; ifAbsent: boolean }
        | { delete: Key }
        | { update: Key; v: number }
        | { check: Key; exists: boolean }
      )[];
    };

const keyArb = fc.record({ pk: fc.constantFrom('a', 'b', 'c'), sk: fc.integer({ min: 0, max: 3 }) });
const itemArb: fc.Arbitrary<Item> = fc.record(
  {
    pk: fc.constantFrom('a', 'b', 'c'),
    sk: fc.integer({ min: 0, max: 3 }),
    g: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    v: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
  },
  { requiredKeys: ['pk', 'sk'] },
);
const id = (k: Key) => `${k.pk}#${k.sk}`;
/** Distinct keys only (batches and transactions refuse two requests on one item). */
const distinct = <T>(list: T[], key: (t: T) => Key) =>
  list.filter((t, i) => list.findIndex((u) => id(key(u)) === id(key(t))) === i);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), item: itemArb, ifAbsent: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), key: keyArb, ifExists: fc.boolean() }),
  fc.record({
    kind: fc.constant('update' as const),
    key: keyArb,
    v: fc.integer({ min: -5, max: 5 }),
    ifExists: fc.boolean(),
  }),
  fc
    .array(
      fc.oneof(
        itemArb.map((put) => ({ put })),
        keyArb.map((k) => ({ delete: k })),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((writes) => ({ kind: 'batch' as const, writes: distinct(writes, (w) => ('put' in w ? w.put : w.delete)) })),
  fc
    .array(
      fc.oneof(
        fc.record({ put: itemArb, ifAbsent: fc.boolean() }),
        keyArb.map((k) => ({ delete: k })),
        fc.record({ update: keyArb, v: fc.integer({ min: -5, max: 5 }) }),
        fc.record({ check: keyArb, exists: fc.boolean() }),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((actions) => ({
      kind: 'transact' as const,
      actions: distinct(actions, (a) =>
        'put' in a ? a.put : 'delete' in a ? a.delete : 'update' in a ? a.update : a.check,
      ),
    })),
);

const strip = (item: Item): Item => JSON.parse(JSON.stringify(item)) as Item;
const same = (a: Item | undefined, b: Item | undefined) =>
  JSON.stringify(a === undefined ? undefined : sorted(a)) === JSON.stringify(b === undefined ? undefined : sorted(b));
const sorted = (o: object) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));

describe('model-based: writes, reads, stream and GSI agree with a Map model', () => {
  it('random interleavings of single, batch and transactional writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        mocks.reset();
        await dynamo.send(
          new CreateTableCommand({
            TableName: T,
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            AttributeDefinitions: [
              { AttributeName: 'pk', AttributeType: 'S' },
              { AttributeName: 'sk', AttributeType: 'N' },
              { AttributeName: 'g', AttributeType: 'S' },
              { AttributeName: 'v', AttributeType: 'N' },
            ],
            GlobalSecondaryIndexes: [
              {
                IndexName: 'byG',
                KeySchema: [
                  { AttributeName: 'g', KeyType: 'HASH' },
                  { AttributeName: 'v', KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              },
            ],
            BillingMode: 'PAY_PER_REQUEST',
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
          }),
        );
        const model = new Map<string, Item>();
        const expected: [string, Item | undefined, Item | undefined][] = [];
        // Applies one change to the model, recording the stream record DynamoDB would write.
        const change = (k: Key, next: Item | undefined) => {
          const old = model.get(id(k));
          if (next === undefined) model.delete(id(k));
          else model.set(id(k), next);
          if (old === undefined && next !== undefined) expected.push(['INSERT', undefined, next]);
          else if (old !== undefined && next === undefined) expected.push(['REMOVE', old, undefined]);
          else if (old !== undefined && next !== undefined && !same(old, next)) expected.push(['MODIFY', old, next]);
        };
        const updated = (k: Key, v: number): Item => ({ ...(model.get(id(k)) ?? k), v });

        for (const op of ops) {
          if (op.kind === 'put') {
            const ok = !op.ifAbsent || !model.has(id(op.item));
            const sent = dynamo.send(
              new PutItemCommand({
                TableName: T,
                Item: marshall(op.item, { removeUndefinedValues: true }),
                ...(op.ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
              }),
            );
            if (ok) await sent;
            else await expect(sent).rejects.toThrow('The conditional request failed');
            if (ok) change(op.item, strip(op.item));
          } else if (op.kind === 'delete') {
            const ok = !op.ifExists || model.has(id(op.key));
            const sent = dynamo.send(
              new DeleteItemCommand({
                TableName: T,
                Key: marshall(op.key),
                ...(op.ifExists ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
              }),
            );
            if (ok) await sent;
            else await expect(sent).rejects.toThrow('The conditional request failed');
            if (ok) change(op.key, undefined);
          } else if (op.kind === 'update') {
            const ok = !op.ifExists || model.has(id(op.key));
            const sent = dynamo.send(
              new UpdateItemCommand({
                TableName: T,
                Key: marshall(op.key),
                UpdateExpression: 'SET v = :v',
                ExpressionAttributeValues: marshall({ ':v': op.v }),
                ...(op.ifExists ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
              }),
            );
            if (ok) await sent;
            else await expect(sent).rejects.toThrow('The conditional request failed');
            if (ok) change(op.key, updated(op.key, op.v));
          } else if (op.kind === 'batch') {
            await dynamo.send(
              new BatchWriteItemCommand({
                RequestItems: {
                  [T]: op.writes.map((w) =>
                    'put' in w
                      ? { PutRequest: { Item: marshall(w.put, { removeUndefinedValues: true }) } }
                      : { DeleteRequest: { Key: marshall(w.delete) } },
                  ),
                },
              }),
            );
            for (const w of op.writes) {
              if ('put' in w) change(w.put, strip(w.put));
              else change(w.delete, undefined);
            }
          } else {
            const items: TransactWriteItem[] = op.actions.map((a) => {
              if ('put' in a)
                return {
                  Put: {
                    TableName: T,
                    Item: marshall(a.put, { removeUndefinedValues: true }),
                    ...(a.ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
                  },
                };
              if ('delete' in a) return { Delete: { TableName: T, Key: marshall(a.delete) } };
              if ('update' in a)
                return {
                  Update: {
                    TableName: T,
                    Key: marshall(a.update),
                    UpdateExpression: 'SET v = :v',
                    ExpressionAttributeValues: marshall({ ':v': a.v }),
                  },
                };
              return {
                ConditionCheck: {
                  TableName: T,
                  Key: marshall(a.check),
                  ConditionExpression: a.exists ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
                },
              };
            });
            const reasons = op.actions.map((a) => {
              if ('put' in a) return a.ifAbsent && model.has(id(a.put)) ? 'ConditionalCheckFailed' : 'None';
              if ('check' in a) return model.has(id(a.check)) === a.exists ? 'None' : 'ConditionalCheckFailed';
              return 'None';
            });
            const streamBefore = mocks.dynamodb.streamRecords(T).length;
            const sent = dynamo.send(new TransactWriteItemsCommand({ TransactItems: items }));
            if (reasons.every((r) => r === 'None')) {
              await sent;
              for (const a of op.actions) {
                if ('put' in a) change(a.put, strip(a.put));
                else if ('delete' in a) change(a.delete, undefined);
                else if ('update' in a) change(a.update, updated(a.update, a.v));
              }
            } else {
              const error = await sent.then(
                () => undefined,
                (e: unknown) => e,
              );
              expect(error).toBeInstanceOf(TransactionCanceledException);
              expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(reasons);
              // Cancelled: nothing emitted.
              expect(mocks.dynamodb.streamRecords(T).length).toBe(streamBefore);
            }
          }

          // Reads agree after every step: every key at once by BatchGetItem.
          const allKeys = ['a', 'b', 'c'].flatMap((pk) => [0, 1, 2, 3].map((sk) => ({ pk, sk })));
          const got = await dynamo.send(
            new BatchGetItemCommand({ RequestItems: { [T]: { Keys: allKeys.map((k) => marshall(k)) } } }),
          );
          const byId = new Map(
            (got.Responses?.[T] ?? []).map((i) => unmarshall(i) as Item).map((i) => [id(i), sorted(i)]),
          );
          expect(Object.fromEntries([...byId].sort())).toEqual(
            Object.fromEntries([...model].map(([k, v]) => [k, sorted(v)]).sort()),
          );
        }
        // And GetItem for one key (the single-item read path).
        const one = await dynamo.send(new GetItemCommand({ TableName: T, Key: marshall({ pk: 'a', sk: 0 }) }));
        expect(one.Item === undefined ? undefined : sorted(unmarshall(one.Item))).toEqual(
          model.has('a#0') ? sorted(model.get('a#0') as Item) : undefined,
        );
        const scanned: Item[] = [];
        let start: Record<string, AttributeValue> | undefined;
        do {
          const page = await dynamo.send(
            new ScanCommand({ TableName: T, Limit: 2, ...(start === undefined ? {} : { ExclusiveStartKey: start }) }),
          );
          scanned.push(...(page.Items ?? []).map((i) => unmarshall(i) as Item));
          start = page.LastEvaluatedKey;
        } while (start !== undefined);
        expect(scanned.map((i) => sorted(i)).sort((x, y) => id(x as Item).localeCompare(id(y as Item)))).toEqual(
          [...model.values()].map((i) => sorted(i)).sort((x, y) => id(x as Item).localeCompare(id(y as Item))),
        );
        for (const g of ['x', 'y']) {
          const out = await dynamo.send(
            new QueryCommand({
              TableName: T,
              IndexName: 'byG',
              KeyConditionExpression: 'g = :g',
              ExpressionAttributeValues: marshall({ ':g': g }),
            }),
          );
          const got = (out.Items ?? []).map((i) => unmarshall(i) as Item);
          const want = [...model.values()].filter((i) => i.g === g && i.v !== undefined);
          expect(got.map((i) => i.v)).toEqual(want.map((i) => i.v).sort((p, q) => (p as number) - (q as number)));
          expect(got.map((i) => sorted(i)).sort((x, y) => id(x as Item).localeCompare(id(y as Item)))).toEqual(
            want.map((i) => sorted(i)).sort((x, y) => id(x as Item).localeCompare(id(y as Item))),
          );
        }
        // The stream: exactly one record per change, in order, with the images of the change.
        const records = mocks.dynamodb
          .streamRecords(T)
          .map((r) => [
            r.eventName,
            r.dynamodb.OldImage === undefined ? undefined : sorted(unmarshall(r.dynamodb.OldImage as never)),
            r.dynamodb.NewImage === undefined ? undefined : sorted(unmarshall(r.dynamodb.NewImage as never)),
          ]);
        expect(records).toEqual(
          expected.map(([name, old, next]) => [
            name,
            old === undefined ? undefined : sorted(old),
            next === undefined ? undefined : sorted(next),
          ]),
        );
        // Each run is dozens of SDK round trips: a quarter of NUM_RUNS keeps the default run near ten seconds.
      }),
      { numRuns: Math.max(20, Math.floor(NUM_RUNS / 4)) },
    );
  }, 120_000);
});
