/** Subscribe, ConfirmSubscription, Unsubscribe, ListSubscriptions(ByTopic), Get/SetSubscriptionAttributes. */
import { invalidParameter } from '../errors.js';
import type { SubscriptionState } from '../model.js';
import type { QueryOperation } from '../wire.js';
import { xmlEntries, xmlText } from '../wire.js';
import { regionOf, type SnsOperationContext } from './context.js';

function member(s: SubscriptionState): string {
  return `<member>${xmlText('SubscriptionArn', s.arn)}${xmlText('Owner', s.topic.topic.account)}${xmlText('Protocol', s.protocol)}${xmlText('Endpoint', s.endpoint)}${xmlText('TopicArn', s.topic.topic.arn)}</member>`;
}

/** The subscription operations. */
export function subscriptionOperations(c: SnsOperationContext): Record<string, QueryOperation> {
  return {
    Subscribe: (input, info) => {
      const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
      const subscription = c.state.subscribe(
        topic,
        input.required('Protocol'),
        input.get('Endpoint'),
        input.map('Attributes'),
      );
      return xmlText('SubscriptionArn', subscription.arn);
    },
    ConfirmSubscription: (input, info) => {
      c.state.topic(input.required('TopicArn'), regionOf(info, c));
      input.required('Token');
      // sqs and lambda subscriptions in one account are confirmed when made: no token is pending.
      throw invalidParameter('Token');
    },
    Unsubscribe: (input) => {
      c.state.unsubscribe(c.state.subscription(input.required('SubscriptionArn')));
      return undefined;
    },
    ListSubscriptions: (input, info) => {
      const region = regionOf(info, c);
      const all = [...c.state.subscriptions.values()].filter((s) => s.topic.topic.region === region);
      const page = c.state.page(all, input.get('NextToken'));
      return `<Subscriptions>${page.items.map(member).join('')}</Subscriptions>${page.next === undefined ? '' : xmlText('NextToken', page.next)}`;
    },
    ListSubscriptionsByTopic: (input, info) => {
      const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
      const page = c.state.page(topic.subscriptions, input.get('NextToken'));
      return `<Subscriptions>${page.items.map(member).join('')}</Subscriptions>${page.next === undefined ? '' : xmlText('NextToken', page.next)}`;
    },
    GetSubscriptionAttributes: (input) => {
      const s = c.state.subscription(input.required('SubscriptionArn'));
      return `<Attributes>${xmlEntries(c.state.subscriptionAttributes(s))}</Attributes>`;
    },
    SetSubscriptionAttributes: (input) => {
      const s = c.state.subscription(input.required('SubscriptionArn'));
      c.state.setSubscriptionAttribute(s, input.required('AttributeName'), input.get('AttributeValue') ?? '');
      return undefined;
    },
  };
}
