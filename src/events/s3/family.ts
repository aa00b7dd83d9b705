/** The S3 family's root descriptor (see `src/_internals/family.ts`); registered in `src/families.ts`. */
import { defineFamily } from '../../_internals/family.js';

/** The S3 family: notifications (`Records` is a list), EventBridge events (`resources`) and `s3:TestEvent`. */
export const s3Family = defineFamily({ name: 's3', replacedWhole: ['Records', 'resources'] });
