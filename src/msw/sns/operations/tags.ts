/** TagResource, UntagResource, ListTagsForResource (topics are SNS's taggable resources). */
import { snsError } from '../errors.js';
import type { TopicState } from '../model.js';
import { checkTags } from '../state.js';
import type { QueryInput, QueryOperation } from '../wire.js';
import { xmlText } from '../wire.js';
import type { SnsOperationContext } from './context.js';

/** `Tags.member.N.Key` / `.Value` as a map. */
export function tagMap(input: QueryInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const member of input.list('Tags', 'member')) out.set(member.get('Key') ?? '', member.get('Value') ?? '');
  return out;
}

function resource(c: SnsOperationContext, arn: string): TopicState {
  const topic = c.state.topics.get(arn);
  if (topic === undefined) throw snsError('ResourceNotFound', 'Resource does not exist');
  return topic;
}

/** The tagging operations. */
export function tagOperations(c: SnsOperationContext): Record<string, QueryOperation> {
  return {
    TagResource: (input) => {
      const topic = resource(c, input.required('ResourceArn'));
      const tags = tagMap(input);
      const added = [...tags.keys()].filter((k) => !topic.tags.has(k)).length;
      checkTags(tags, topic.tags.size + added - tags.size);
      for (const [k, v] of tags) topic.tags.set(k, v);
      return undefined;
    },
    UntagResource: (input) => {
      const topic = resource(c, input.required('ResourceArn'));
      for (const key of input.strings('TagKeys')) topic.tags.delete(key);
      return undefined;
    },
    ListTagsForResource: (input) => {
      const topic = resource(c, input.required('ResourceArn'));
      const members = [...topic.tags]
        .map(([k, v]) => `<member>${xmlText('Key', k)}${xmlText('Value', v)}</member>`)
        .join('');
      return `<Tags>${members}</Tags>`;
    },
  };
}
