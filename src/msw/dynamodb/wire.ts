/**
 * The DynamoDB operations over JSON 1.0 (`x-amz-target: DynamoDB_20120810.<Operation>`), by group:
 * tables (`operations/tables.ts`), single items (`items.ts`), Query and Scan (`read.ts`),
 * batches (`batch.ts`) and transactions (`transact.ts`).
 */
import type { JsonOperation } from '../_internals/jsonProtocol.js';
import type { DynamoDBWireContext } from './common.js';
import { batchOperations } from './operations/batch.js';
import { itemOperations } from './operations/items.js';
import { readOperations } from './operations/read.js';
import { tableOperations } from './operations/tables.js';
import { transactOperations } from './operations/transact.js';

export type { DynamoDBWireContext } from './common.js';

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
