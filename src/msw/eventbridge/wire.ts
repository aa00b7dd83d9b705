/** The EventBridge operations the mock answers, by `x-amz-target` name (awsJson1_1, `AWSEvents.<Operation>`). */
import type { JsonOperation, JsonServiceSpec } from '../_internals/jsonProtocol.js';
import { CreateEventBus, DeleteEventBus, DescribeEventBus, ListEventBuses } from './operations/buses.js';
import type { OperationContext } from './operations/context.js';
import { PutEvents, TestEventPattern } from './operations/events.js';
import { DeleteRule, DescribeRule, DisableRule, EnableRule, ListRules, PutRule } from './operations/rules.js';
import { ListTargetsByRule, PutTargets, RemoveTargets } from './operations/targets.js';

/** How EventBridge frames its JSON-RPC requests and answers. */
export const EVENTBRIDGE_PROTOCOL = {
  service: 'EventBridge',
  targetPrefix: 'AWSEvents',
  contentType: 'application/x-amz-json-1.1',
} as const satisfies Partial<JsonServiceSpec>;

const OPERATIONS = {
  PutEvents,
  TestEventPattern,
  CreateEventBus,
  DeleteEventBus,
  DescribeEventBus,
  ListEventBuses,
  PutRule,
  DeleteRule,
  DescribeRule,
  ListRules,
  EnableRule,
  DisableRule,
  PutTargets,
  RemoveTargets,
  ListTargetsByRule,
} as const;

/** The JSON-RPC operations bound to one mock's state. */
export function eventBridgeOperations(context: OperationContext): Record<string, JsonOperation> {
  const out: Record<string, JsonOperation> = {};
  for (const [name, operation] of Object.entries(OPERATIONS))
    out[name] = (input, info) => operation(input, info, context);
  return out;
}
