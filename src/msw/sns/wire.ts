/**
 * SNS on the wire: the operations the query protocol (`query.ts`) dispatches by `Action`, each a
 * handler in `operations/` (topics, subscriptions, publishing, tags), bound to one mock's state.
 */
import type { SnsOperationContext } from './operations/context.js';
import { Publish, PublishBatch } from './operations/publish.js';
import {
  ConfirmSubscription,
  GetSubscriptionAttributes,
  ListSubscriptions,
  ListSubscriptionsByTopic,
  SetSubscriptionAttributes,
  Subscribe,
  Unsubscribe,
} from './operations/subscriptions.js';
import { ListTagsForResource, TagResource, UntagResource } from './operations/tags.js';
import { CreateTopic, DeleteTopic, GetTopicAttributes, ListTopics, SetTopicAttributes } from './operations/topics.js';
import type { QueryOperation } from './query.js';

const OPERATIONS = {
  CreateTopic,
  DeleteTopic,
  ListTopics,
  GetTopicAttributes,
  SetTopicAttributes,
  Subscribe,
  ConfirmSubscription,
  Unsubscribe,
  ListSubscriptions,
  ListSubscriptionsByTopic,
  GetSubscriptionAttributes,
  SetSubscriptionAttributes,
  Publish,
  PublishBatch,
  TagResource,
  UntagResource,
  ListTagsForResource,
} as const;

/** The SNS operations, bound to one service's state. */
export function snsOperations(context: SnsOperationContext): Record<string, QueryOperation> {
  const out: Record<string, QueryOperation> = {};
  for (const [name, operation] of Object.entries(OPERATIONS))
    out[name] = (input, info) => operation(input, info, context);
  return out;
}
