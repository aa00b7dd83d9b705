/** TagResource, UntagResource, ListTagsForResource (topics are SNS's taggable resources). */
import { snsError } from '../errors.js';
import type { TopicState } from '../model.js';
import { checkTags } from '../state.js';
import type { QueryInput } from '../query.js';
import { xmlText } from '../query.js';
import type { SnsOperation, SnsOperationContext } from './context.js';

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

/** TagResource: adds or replaces a topic's tags (50 at most). */
export const TagResource: SnsOperation = (input, _info, c) => {
  const topic = resource(c, input.required('ResourceArn'));
  const tags = tagMap(input);
  const added = [...tags.keys()].filter((k) => !topic.tags.has(k)).length;
  checkTags(tags, topic.tags.size + added - tags.size);
  for (const [k, v] of tags) topic.tags.set(k, v);
  return undefined;
};

/** UntagResource: removes tags from a topic by key. */
export const UntagResource: SnsOperation = (input, _info, c) => {
  const topic = resource(c, input.required('ResourceArn'));
  for (const key of input.strings('TagKeys')) topic.tags.delete(key);
  return undefined;
};

/** ListTagsForResource: a topic's tags. */
export const ListTagsForResource: SnsOperation = (input, _info, c) => {
  const topic = resource(c, input.required('ResourceArn'));
  const members = [...topic.tags]
    .map(([k, v]) => `<member>${xmlText('Key', k)}${xmlText('Value', v)}</member>`)
    .join('');
  return `<Tags>${members}</Tags>`;
};
