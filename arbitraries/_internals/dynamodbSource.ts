/** Private builders of the DynamoDB stream arbitraries: the parts every record of a stream shares. */
import { Arbitrary, bigInt, constant, constantFrom, date, integer, oneof, record, string, uint8Array } from 'fast-check';
import { partitionOfRegion, type AwsPartition } from '../../src/_internals/aws.js';
import { streamLabel } from '../../src/events/dynamodb/ids.js';
import type { DynamoDBStreamSourceParts } from '../../src/events/dynamodb/streamRecord.js';
import { STREAM_VIEW_TYPES, type AttributeMap, type DynamoDBEventVersion } from '../../src/events/dynamodb/types.js';
import { awsAccountId } from '../awsAccountId.js';
import { awsRegion } from '../awsRegion.js';
import { dynamoDBItem } from '../dynamoDBItem.js';
import type { DynamoDBStreamSourceConstraints } from '../dynamoDBStreamRecord.js';
import { KEY_SCHEMAS } from './dynamodb.js';
import { fakerValue } from './faker.js';

/** A value pinned by the user, or the default arbitrary. */
export function pinned<T>(value: T | Arbitrary<T> | undefined, fallback: Arbitrary<T>): Arbitrary<T> {
  if (value === undefined) return fallback;
  return value instanceof Arbitrary ? value : constant(value);
}

const TABLE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-';

function tableName(): Arbitrary<string> {
  return oneof(
    constantFrom('Orders', 'ProductCatalog', 'ExampleTableWithStream', 'user-sessions', 'app.prod_events'),
    fakerValue((faker) => `${faker.commerce.department().replace(/[^a-zA-Z0-9]/g, '')}Table`).map((name) => (name.length >= 3 ? name : `${name}Tbl`)),
    fakerValue((faker) => `${faker.word.noun().replace(/[^a-zA-Z]/g, '')}Stack-Table${faker.string.alphanumeric(8).toUpperCase()}-${faker.string.alphanumeric(12).toUpperCase()}`),
    string({ unit: constantFrom(...TABLE_CHARS), minLength: 3, maxLength: 255 }),
  );
}

/** The shared parts of one stream. */
export interface GeneratedSource {
  source: DynamoDBStreamSourceParts;
  time: Date;
}

/** The stream parts (table, key schema, view type, label, region, account) of the constraints. */
export function streamSource(constraints: DynamoDBStreamSourceConstraints): Arbitrary<GeneratedSource> {
  const keys = pinned(constraints.keys, constantFrom(...KEY_SCHEMAS));
  const region = pinned(constraints.region, awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] }));
  return record({
    keyNames: keys,
    streamViewType: pinned(constraints.streamViewType, constantFrom(...STREAM_VIEW_TYPES)),
    table: pinned(constraints.table, tableName()),
    region,
    account: pinned(constraints.account, awsAccountId()),
    eventVersion: pinned<DynamoDBEventVersion>(constraints.eventVersion, constant('1.1')),
    time: pinned(constraints.time, date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })),
    // The stream was created up to a year before the change.
    labelAge: integer({ min: 0, max: 365 * 86_400_000 }),
  }).map(({ time, labelAge, region: r, ...rest }) => ({
    source: { ...rest, region: r, partition: partitionOfRegion(r) as AwsPartition, streamLabel: streamLabel(new Date(Math.max(0, time.getTime() - labelAge))) },
    time,
  }));
}

/** Items for a key schema. */
export function itemFor(constraints: DynamoDBStreamSourceConstraints, keys: readonly string[]): Arbitrary<AttributeMap> {
  return constraints.item ? constraints.item(keys) : dynamoDBItem({ keys });
}

/** 32 lower-case hex digits. */
export const eventIdHex: Arbitrary<string> = uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString('hex'));

/** A first SequenceNumber: 21 to 28 digits. */
export const firstSequence: Arbitrary<bigint> = bigInt({ min: 10n ** 20n, max: 10n ** 27n });

