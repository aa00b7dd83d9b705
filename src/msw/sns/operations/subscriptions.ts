/** Subscribe, ConfirmSubscription, Unsubscribe, ListSubscriptions(ByTopic), Get/SetSubscriptionAttributes. */
import { invalidParameter } from '../errors.js';
import type { SubscriptionState } from '../model.js';
import { xmlEntries, xmlText } from '../query.js';
import { regionOf, type SnsOperation } from './context.js';

function member(s: SubscriptionState): string {
  return `<member>${xmlText('SubscriptionArn', s.arn)}${xmlText('Owner', s.topic.topic.account)}${xmlText('Protocol', s.protocol)}${xmlText('Endpoint', s.endpoint)}${xmlText('TopicArn', s.topic.topic.arn)}</member>`;
}

/** Subscribe: an `sqs` or `lambda` endpoint, confirmed at once. */
export const Subscribe: SnsOperation = (input, info, c) => {
  const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
  const subscription = c.state.subscribe(
    topic,
    input.required('Protocol'),
    input.get('Endpoint'),
    input.map('Attributes'),
  );
  return xmlText('SubscriptionArn', subscription.arn);
};

/** ConfirmSubscription: no token is ever pending (the mocks confirm subscriptions when made), so every token is refused. */
export const ConfirmSubscription: SnsOperation = (input, info, c) => {
  c.state.topic(input.required('TopicArn'), regionOf(info, c));
  input.required('Token');
  // sqs and lambda subscriptions in one account are confirmed when made: no token is pending.
  throw invalidParameter('Token');
};

/** Unsubscribe: one subscription by ARN. */
export const Unsubscribe: SnsOperation = (input, _info, c) => {
  c.state.unsubscribe(c.state.subscription(input.required('SubscriptionArn')));
  return undefined;
};

/** ListSubscriptions: every subscription of the request's region, 100 a page. */
export const ListSubscriptions: SnsOperation = (input, info, c) => {
  const region = regionOf(info, c);
  const all = [...c.state.subscriptions.values()].filter((s) => s.topic.topic.region === region);
  const page = c.state.page(all, input.get('NextToken'));
  return `<Subscriptions>${page.items.map(member).join('')}</Subscriptions>${page.next === undefined ? '' : xmlText('NextToken', page.next)}`;
};

/** ListSubscriptionsByTopic: one topic's subscriptions, 100 a page. */
export const ListSubscriptionsByTopic: SnsOperation = (input, info, c) => {
  const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
  const page = c.state.page(topic.subscriptions, input.get('NextToken'));
  return `<Subscriptions>${page.items.map(member).join('')}</Subscriptions>${page.next === undefined ? '' : xmlText('NextToken', page.next)}`;
};

/** GetSubscriptionAttributes: the subscription's attributes. */
export const GetSubscriptionAttributes: SnsOperation = (input, _info, c) => {
  const s = c.state.subscription(input.required('SubscriptionArn'));
  return `<Attributes>${xmlEntries(c.state.subscriptionAttributes(s))}</Attributes>`;
};

/** SetSubscriptionAttributes: one settable subscription attribute. */
export const SetSubscriptionAttributes: SnsOperation = (input, _info, c) => {
  const s = c.state.subscription(input.required('SubscriptionArn'));
  c.state.setSubscriptionAttribute(s, input.required('AttributeName'), input.get('AttributeValue') ?? '');
  return undefined;
};
