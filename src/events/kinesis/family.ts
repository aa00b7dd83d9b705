/** The Kinesis family's root descriptor (see `src/_internals/family.ts`); registered in `src/families.ts`. */
import { defineFamily } from '../../_internals/family.js';

/** The Kinesis family: `Records`, and a tumbling window's `state` map. */
export const kinesisFamily = defineFamily({ name: 'kinesis', replacedWhole: ['Records', 'state'] });
