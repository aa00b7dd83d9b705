/** The SQS family's root descriptor (see `src/_internals/family.ts`); registered in `src/families.ts`. */
import { defineFamily } from '../../_internals/family.js';

/** The SQS family: `Records`, and each record's `messageAttributes` map. */
export const sqsFamily = defineFamily({ name: 'sqs', replacedWhole: ['Records', 'messageAttributes'] });
