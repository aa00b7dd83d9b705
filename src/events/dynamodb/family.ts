/** The DynamoDB Streams family's root descriptor (see `src/_internals/family.ts`); registered in `src/families.ts`. */
import { defineFamily } from '../../_internals/family.js';

/** The DynamoDB Streams family: `Records`; a change's `Keys`, `NewImage` and `OldImage` are attribute maps, a tumbling window's `state` a map. */
export const dynamodbFamily = defineFamily({
  name: 'dynamodb',
  replacedWhole: ['Records', 'Keys', 'NewImage', 'OldImage', 'state'],
});
