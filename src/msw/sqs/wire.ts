/**
 * SQS's protocol: JSON 1.0 (`x-amz-target: AmazonSQS.<Operation>`), and the operations it
 * answers, each a handler in `operations/`. Limits and error codes are from the SQS API reference.
 */
import type { JsonOperation, JsonServiceSpec } from '../_internals/jsonProtocol.js';
import { ChangeMessageVisibilityBatch, DeleteMessageBatch, SendMessageBatch } from './operations/batch.js';
import type { OperationContext } from './operations/context.js';
import { ChangeMessageVisibility, DeleteMessage, ReceiveMessage, SendMessage } from './operations/messages.js';
import {
  CreateQueue,
  DeleteQueue,
  GetQueueAttributes,
  GetQueueUrl,
  ListQueues,
  PurgeQueue,
  SetQueueAttributes,
} from './operations/queues.js';

/** How SQS frames its JSON-RPC requests and answers. */
export const SQS_PROTOCOL = {
  service: 'SQS',
  targetPrefix: 'AmazonSQS',
  contentType: 'application/x-amz-json-1.0',
} as const satisfies Partial<JsonServiceSpec>;

const OPERATIONS = {
  CreateQueue,
  GetQueueUrl,
  ListQueues,
  DeleteQueue,
  GetQueueAttributes,
  SetQueueAttributes,
  SendMessage,
  SendMessageBatch,
  ReceiveMessage,
  DeleteMessage,
  DeleteMessageBatch,
  ChangeMessageVisibility,
  ChangeMessageVisibilityBatch,
  PurgeQueue,
} as const;

/** The SQS operations, bound to one service's state. */
export function sqsOperations(context: OperationContext): Record<string, JsonOperation> {
  const out: Record<string, JsonOperation> = {};
  for (const [name, operation] of Object.entries(OPERATIONS))
    out[name] = (input, info) => operation(input, info, context);
  return out;
}
