/** CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes, SetTopicAttributes. */
import type { QueryOperation } from '../wire.js';
import { xmlEntries, xmlText } from '../wire.js';
import { tagMap } from './tags.js';
import { regionOf, type SnsOperationContext } from './context.js';

/** The topic operations. */
export function topicOperations(c: SnsOperationContext): Record<string, QueryOperation> {
  return {
    CreateTopic: (input, info) => {
      const topic = c.state.createTopic(
        input.required('Name'),
        regionOf(info, c),
        input.map('Attributes'),
        tagMap(input),
      );
      return xmlText('TopicArn', topic.topic.arn);
    },
    DeleteTopic: (input, info) => {
      const arn = input.required('TopicArn');
      const parts = arn.split(':');
      // Deleting a topic that does not exist succeeds; a malformed ARN does not.
      if (parts.length < 6 || c.state.topics.has(arn)) c.state.deleteTopic(c.state.topic(arn, regionOf(info, c)));
      return undefined;
    },
    ListTopics: (input, info) => {
      const region = regionOf(info, c);
      const topics = [...c.state.topics.values()].filter((t) => t.topic.region === region);
      const page = c.state.page(topics, input.get('NextToken'));
      const members = page.items.map((t) => `<member>${xmlText('TopicArn', t.topic.arn)}</member>`).join('');
      return `<Topics>${members}</Topics>${page.next === undefined ? '' : xmlText('NextToken', page.next)}`;
    },
    GetTopicAttributes: (input, info) => {
      const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
      return `<Attributes>${xmlEntries(c.state.topicAttributes(topic))}</Attributes>`;
    },
    SetTopicAttributes: (input, info) => {
      const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
      c.state.setTopicAttribute(topic, input.required('AttributeName'), input.get('AttributeValue') ?? '');
      return undefined;
    },
  };
}
