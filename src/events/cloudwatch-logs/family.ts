/** The CloudWatch Logs family's root descriptor (see `src/_internals/family.ts`); registered in `src/families.ts`. */
import { defineFamily } from '../../_internals/family.js';

/** The CloudWatch Logs family: the decoded payload's `logEvents` and `subscriptionFilters` lists. */
export const cloudwatchLogsFamily = defineFamily({
  name: 'cloudwatch-logs',
  replacedWhole: ['logEvents', 'subscriptionFilters'],
});
