/** The SNS family's root descriptor (see `src/_internals/family.ts`); registered in `src/families.ts`. */
import { defineFamily } from '../../_internals/family.js';

/** The SNS family: `Records`, and each notification's `MessageAttributes` map. */
export const snsFamily = defineFamily({ name: 'sns', replacedWhole: ['Records', 'MessageAttributes'] });
