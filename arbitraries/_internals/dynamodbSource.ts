/** Private builders of the DynamoDB stream arbitraries: the parts every record of a stream shares. */
import {
  bigInt,
  constant,
  constantFrom,
  date,
  integer,
  oneof,
  record,
  string,
  uint8Array,
  type Arbitrary,
} from 'fast-check';
import { assertAccount, assertRegion, partitionOfRegion, type AwsPartition } from '../../src/_internals/aws.js';
import { assertTableName, streamLabel } from '../../src/events/dynamodb/ids.js';
import { assertKeyNames } from '../../src/events/dynamodb/keys.js';
import { assertStreamViewType, type DynamoDBStreamSourceParts } from '../../src/events/dynamodb/streamRecord.js';
import { STREAM_VIEW_TYPES, type AttributeMap, type DynamoDBEventVersion } from '../../src/events/dynamodb/types.js';
import { awsAccountId } from '../awsAccountId.js';
import { awsRegion } from '../awsRegion.js';
import { dynamoDBItem } from '../dynamoDBItem.js';
import type { DynamoDBStreamSourceConstraints } from '../dynamoDBStreamRecord.js';
import { KEY_SCHEMAS } from './dynamodb.js';
import { fakerValue } from './faker.js';
import { check, pinned } from './pin.js';

const TABLE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-';

function tableName(): Arbitrary<string> {
  return oneof(
    constantFrom('Orders', 'ProductCatalog', 'ExampleTableWithStream', 'user-sessions', 'app.prod_events'),
    fakerValue((faker) => `${faker.commerce.department().replace(/[^a-zA-Z0-9]/g, '')}Table`).map((name) =>
      name.length >= 3 ? name : `${name}Tbl`,
    ),
    fakerValue(
      (faker) =>
        `${faker.word.noun().replace(/[^a-zA-Z]/g, '')}Stack-Table${faker.string.alphanumeric(8).toUpperCase()}-${faker.string.alphanumeric(12).toUpperCase()}`,
    ),
    string({ unit: constantFrom(...TABLE_CHARS), minLength: 3, maxLength: 255 }),
  );
}

/** The shared parts of one stream. */
export interface GeneratedSource {
  source: DynamoDBStreamSourceParts;
  time: Date;
}

/**
 * The stream parts (table, key schema, view type, label, region, account) of the constraints of
 * the arbitrary `name`; pinned values are checked by the family's own validators.
 */
export function streamSource(name: string, constraints: DynamoDBStreamSourceConstraints): Arbitrary<GeneratedSource> {
  const keys = pinned(name, 'keys', constraints.keys, constantFrom(...KEY_SCHEMAS), check(assertKeyNames));
  const region = pinned(
    name,
    'region',
    constraints.region,
    awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] }),
    check(assertRegion),
  );
  return record({
    keyNames: keys,
    streamViewType: pinned(
      name,
      'streamViewType',
      constraints.streamViewType,
      constantFrom(...STREAM_VIEW_TYPES),
      check(assertStreamViewType),
    ),
    table: pinned(name, 'table', constraints.table, tableName(), check(assertTableName)),
    region,
    account: pinned(name, 'account', constraints.account, awsAccountId(), check(assertAccount)),
    eventVersion: pinned<DynamoDBEventVersion>(name, 'eventVersion', constraints.eventVersion, constant('1.1')),
    time: pinned(
      name,
      'time',
      constraints.time,
      date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }),
    ),
    // The stream was created up to a year before the change.
    labelAge: integer({ min: 0, max: 365 * 86_400_000 }),
  }).map(({ time, labelAge, region: r, ...rest }) => ({
    source: {
      ...rest,
      region: r,
      partition: partitionOfRegion(r) as AwsPartition,
      streamLabel: streamLabel(new Date(Math.max(0, time.getTime() - labelAge))),
    },
    time,
  }));
}

/** Items for a key schema. */
export function itemFor(
  constraints: DynamoDBStreamSourceConstraints,
  keys: readonly string[],
): Arbitrary<AttributeMap> {
  return constraints.item ? constraints.item(keys) : dynamoDBItem({ keys });
}

/** 32 lower-case hex digits. */
export const eventIdHex: Arbitrary<string> = uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) =>
  Buffer.from(bytes).toString('hex'),
);

/** A first SequenceNumber: 21 to 28 digits. */
export const firstSequence: Arbitrary<bigint> = bigInt({ min: 10n ** 20n, max: 10n ** 27n });
