/** CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes, SetTopicAttributes. */
import { xmlEntries, xmlText } from '../query.js';
import { tagMap } from './tags.js';
import { regionOf, type SnsOperation } from './context.js';

/** CreateTopic: a topic (idempotent for the same attributes and tags). */
export const CreateTopic: SnsOperation = (input, info, c) => {
  const topic = c.state.createTopic(input.required('Name'), regionOf(info, c), input.map('Attributes'), tagMap(input));
  return xmlText('TopicArn', topic.topic.arn);
};

/** DeleteTopic: the topic and its subscriptions; a topic that does not exist is no error. */
export const DeleteTopic: SnsOperation = (input, info, c) => {
  const arn = input.required('TopicArn');
  const parts = arn.split(':');
  // Deleting a topic that does not exist succeeds; a malformed ARN does not.
  if (parts.length < 6 || c.state.topics.has(arn)) c.state.deleteTopic(c.state.topic(arn, regionOf(info, c)));
  return undefined;
};

/** ListTopics: the topic ARNs of the request's region, 100 a page. */
export const ListTopics: SnsOperation = (input, info, c) => {
  const region = regionOf(info, c);
  const topics = [...c.state.topics.values()].filter((t) => t.topic.region === region);
  const page = c.state.page(topics, input.get('NextToken'));
  const members = page.items.map((t) => `<member>${xmlText('TopicArn', t.topic.arn)}</member>`).join('');
  return `<Topics>${members}</Topics>${page.next === undefined ? '' : xmlText('NextToken', page.next)}`;
};

/** GetTopicAttributes: the topic's attributes, derived counts and policies included. */
export const GetTopicAttributes: SnsOperation = (input, info, c) => {
  const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
  return `<Attributes>${xmlEntries(c.state.topicAttributes(topic))}</Attributes>`;
};

/** SetTopicAttributes: one settable attribute. */
export const SetTopicAttributes: SnsOperation = (input, info, c) => {
  const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
  c.state.setTopicAttribute(topic, input.required('AttributeName'), input.get('AttributeValue') ?? '');
  return undefined;
};
