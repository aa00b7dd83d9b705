/**
 * DynamoDB's protocols: JSON 1.0 for DynamoDB (`x-amz-target: DynamoDB_20120810.<Operation>`) and
 * for DynamoDB Streams (`DynamoDBStreams_20120810.<Operation>` on `streams.dynamodb.<region>`),
 * and the operations each answers, by group: tables (`operations/tables.ts`), single items
 * (`items.ts`), Query and Scan (`read.ts`), batches (`batch.ts`), transactions (`transact.ts`)
 * and the stream reads (`streams.ts`).
 */
import type { JsonOperation, JsonServiceSpec } from '../_internals/jsonProtocol.js';
import type { DynamoDBWireContext } from './common.js';
import { batchOperations } from './operations/batch.js';
import { itemOperations } from './operations/items.js';
import { readOperations } from './operations/read.js';
import { tableOperations } from './operations/tables.js';
import { transactOperations } from './operations/transact.js';

export type { DynamoDBWireContext } from './common.js';

/** How DynamoDB frames its JSON-RPC requests and answers. */
export const DYNAMODB_PROTOCOL = {
  service: 'DynamoDB',
  targetPrefix: 'DynamoDB_20120810',
  contentType: 'application/x-amz-json-1.0',
} as const satisfies Partial<JsonServiceSpec>;

/** How DynamoDB Streams frames its JSON-RPC requests and answers. */
export const DYNAMODB_STREAMS_PROTOCOL = {
  service: 'DynamoDB Streams',
  targetPrefix: 'DynamoDBStreams_20120810',
  contentType: 'application/x-amz-json-1.0',
} as const satisfies Partial<JsonServiceSpec>;

/** The DynamoDB operations. */
export function dynamoDBOperations(context: DynamoDBWireContext): Record<string, JsonOperation> {
  return {
    ...tableOperations(context),
    ...itemOperations(context),
    ...readOperations(context),
    ...batchOperations(context),
    ...transactOperations(context),
  };
}
