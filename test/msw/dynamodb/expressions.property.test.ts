/**
 * Expressions from random token soup never break the mock: every UpdateItem either succeeds or
 * fails with an AWS error type DynamoDB uses (never an InternalFailure), and a failed request
 * leaves the item as it was. Run against the operations directly, with the key schema of a table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsServiceError } from '../../../src/msw/_internals/awsError.js';
import { TableRegistry } from '../../../src/msw/dynamodb/registry.js';
import { dynamoDBOperations } from '../../../src/msw/dynamodb/wire.js';
import type { JsonOperation } from '../../../src/msw/_internals/jsonProtocol.js';
import { createRandom } from '../../../src/_internals/random.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

const TOKENS = [
  'SET',
  'REMOVE',
  'ADD',
  'DELETE',
  'AND',
  'OR',
  'NOT',
  'BETWEEN',
  'IN',
  'a',
  'b',
  'n',
  'l',
  'm',
  's',
  'pk',
  '#x',
  '#y',
  ':v',
  ':n',
  ':l',
  ':s',
  ':set',
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '(',
  ')',
  ',',
  '.',
  '[0]',
  '[3]',
  'size',
  'if_not_exists',
  'list_append',
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'x.y',
  'm.k',
  'l[1]',
];
const path = fc.constantFrom('a', 'b', 'n', 'l', 'm', 's', '#x', '#y', 'm.k', 'l[0]', 'l[3]', 'x.y', 'pk');
const value = fc.constantFrom(':v', ':n', ':l', ':s', ':set');
const operand = fc.oneof(
  path,
  value,
  fc.tuple(path, value).map(([p, v]) => `if_not_exists(${p}, ${v})`),
  fc.tuple(fc.oneof(path, value), value).map(([a, b]) => `list_append(${a}, ${b})`),
);
const setAction = fc.oneof(
  fc.tuple(path, operand).map(([p, o]) => `${p} = ${o}`),
  fc.tuple(path, operand, fc.constantFrom('+', '-'), operand).map(([p, a, op, b]) => `${p} = ${a} ${op} ${b}`),
);
const clause = fc.oneof(
  fc.array(setAction, { minLength: 1, maxLength: 3 }).map((actions) => `SET ${actions.join(', ')}`),
  fc.array(path, { minLength: 1, maxLength: 3 }).map((paths) => `REMOVE ${paths.join(', ')}`),
  fc.tuple(fc.constantFrom('ADD', 'DELETE'), path, value).map(([c, p, v]) => `${c} ${p} ${v}`),
);
/** Update expressions from the grammar: mostly well-formed, often semantically wrong. */
const updateExpression = fc.array(clause, { minLength: 1, maxLength: 3 }).map((clauses) => clauses.join(' '));
const comparison = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        path,
        fc.tuple(path).map(([p]) => `size(${p})`),
      ),
      fc.constantFrom('=', '<>', '<', '<=', '>', '>='),
      fc.oneof(path, value),
    )
    .map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.tuple(fc.constantFrom('attribute_exists', 'attribute_not_exists'), path).map(([f, p]) => `${f}(${p})`),
  fc
    .tuple(fc.constantFrom('begins_with', 'contains', 'attribute_type'), path, value)
    .map(([f, p, v]) => `${f}(${p}, ${v})`),
  fc.tuple(path, value, value).map(([p, lo, hi]) => `${p} BETWEEN ${lo} AND ${hi}`),
  fc.tuple(path, value, value).map(([p, a, b]) => `${p} IN (${a}, ${b})`),
);
const { condition: conditionExpression } = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc
      .tuple(tie('condition'), fc.constantFrom('AND', 'OR'), tie('condition'))
      .map(([a, op, b]) => `${String(a)} ${op} ${String(b)}`),
    tie('condition').map((c) => `NOT (${String(c)})`),
  ),
}));
const tokenSoup = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }).map((tokens) => tokens.join(' ')),
  fc.string({ maxLength: 30 }),
);
const soup = fc.oneof({ weight: 3, arbitrary: updateExpression }, { weight: 1, arbitrary: tokenSoup });
const conditionSoup = fc.oneof(
  { weight: 3, arbitrary: conditionExpression as fc.Arbitrary<string> },
  { weight: 1, arbitrary: tokenSoup },
);

/** `{ [member]: the entries of `all` whose ref occurs in `text` }`, or nothing when none does. */
function pick(member: string, all: Record<string, unknown>, text: string): Record<string, Record<string, unknown>> {
  const used = Object.fromEntries(
    Object.entries(all).filter(([ref]) => new RegExp(`${ref}(?![A-Za-z0-9_])`).test(text)),
  );
  return Object.keys(used).length === 0 ? {} : { [member]: used };
}

describe('DynamoDB expressions under random input', () => {
  it('UpdateItem answers success or a DynamoDB error, and a failure changes nothing', () => {
    const registry = new TableRegistry('123456789012', (stream) => createRandom(0, stream));
    const ops = dynamoDBOperations({ registry, defaultRegion: 'us-east-1', nowMs: () => 1768480245123 });
    const info = { url: new URL('https://dynamodb.us-east-1.amazonaws.com/'), region: 'us-east-1' };
    // Looked up once and called directly: a missing operation must fail the test, not count as a success.
    const operation = (name: string): JsonOperation => {
      const found = ops[name];
      expect(typeof found, name).toBe('function');
      return found as JsonOperation;
    };
    const createTable = operation('CreateTable');
    const putItem = operation('PutItem');
    const updateItem = operation('UpdateItem');
    createTable(
      {
        TableName: 'fuzz',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
      info,
    );
    const seed = {
      pk: { S: 'k' },
      a: { N: '1' },
      n: { N: '2' },
      l: { L: [{ S: 'x' }, { N: '1' }] },
      m: { M: { k: { S: 'v' } } },
      s: { SS: ['p', 'q'] },
    };
    let successes = 0;
    fc.assert(
      fc.property(soup, conditionSoup, fc.boolean(), (update, condition, withCondition) => {
        putItem({ TableName: 'fuzz', Item: seed }, info);
        const table = registry.get('fuzz', 'us-east-1');
        const before = JSON.stringify([...table.items.values()]);
        const records = table.stream?.records.length;
        const input = {
          TableName: 'fuzz',
          Key: { pk: { S: 'k' } },
          UpdateExpression: update,
          ...(withCondition ? { ConditionExpression: condition } : {}),
          // Only the substitutions the expressions mention, so most requests get past the unused check.
          ...pick('ExpressionAttributeNames', { '#x': 'a', '#y': 'b' }, `${update} ${withCondition ? condition : ''}`),
          ...pick(
            'ExpressionAttributeValues',
            {
              ':v': { N: '5' },
              ':n': { N: '-1.5' },
              ':l': { L: [{ S: 'z' }] },
              ':s': { S: 'q' },
              ':set': { SS: ['q', 'r'] },
            },
            `${update} ${withCondition ? condition : ''}`,
          ),
        };
        try {
          updateItem(input, info);
          successes++;
        } catch (error) {
          expect(error).toBeInstanceOf(AwsServiceError);
          const code = (error as AwsServiceError).code;
          expect(['ValidationException', 'ConditionalCheckFailedException']).toContain(code);
          expect((error as AwsServiceError).status).toBe(400);
          expect(JSON.stringify([...table.items.values()])).toBe(before);
          expect(table.stream?.records.length).toBe(records);
        }
      }),
      { numRuns: NUM_RUNS * 5 },
    );
    // The soup reaches evaluation, not only the parser.
    expect(successes).toBeGreaterThan(0);
  });
});
