/**
 * The EventBridge Pipes kinds: the batch a pipe hands its target from an SQS, Kinesis or DynamoDB
 * Streams source. Pipes is no family (`src/events/pipes/` maps other families' events), so these
 * kinds wrap the source family's kind and take its inputs.
 */
import { toPipesSourceBatch } from '../../../fixtures/pipes.js';
import { defineCliFamily } from './_shared.js';
import { DYNAMODB, dynamodbBatch } from './dynamodb.js';
import { KINESIS, kinesisBatch } from './kinesis.js';
import { SQS, sqsBatch } from './sqs.js';

/** The Pipes kinds, registered after the families' (`src/cli/families.ts`). */
export const pipesCliKinds = defineCliFamily({
  name: 'pipes',
  kinds: [
    {
      name: 'pipes:sqs',
      description: 'EventBridge Pipes batch from an SQS source (bare array)',
      family: SQS,
      make: (seed, inputs) => toPipesSourceBatch(sqsBatch(seed, inputs)),
    },
    {
      name: 'pipes:kinesis',
      description: 'EventBridge Pipes batch from a Kinesis source (flattened records)',
      family: KINESIS,
      make: (seed, inputs) => toPipesSourceBatch(kinesisBatch(seed, inputs)),
    },
    {
      name: 'pipes:dynamodb',
      description: 'EventBridge Pipes batch from a DynamoDB Streams source',
      family: DYNAMODB,
      make: (seed, inputs) => toPipesSourceBatch(dynamodbBatch(seed, inputs)),
    },
  ],
});
