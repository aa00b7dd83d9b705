/** The EventBridge family's root descriptor (see `src/_internals/family.ts`); registered in `src/families.ts`. */
import { defineFamily } from '../../_internals/family.js';

/** The EventBridge family: an event's `resources` list. */
export const eventbridgeFamily = defineFamily({ name: 'eventbridge', replacedWhole: ['resources'] });
