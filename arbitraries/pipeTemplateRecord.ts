import type { Arbitrary } from 'fast-check';
import type { CompiledTemplate } from '../src/pipes/compiled.js';
import { compilePipeTemplate } from '../src/pipes/pipes.js';
import type { PipeSource } from '../src/pipes/sources.js';
import { templateRecords } from './_internals/templateRecords.js';

/**
 * Records of a Pipes source shaped for one template: the paths the template reads into the
 * implicitly parsed payload usually exist and hold hard values (strings with `"`, `\`, newlines,
 * control characters and emoji; safe strings; numbers with signs and exponents; booleans; null;
 * objects; arrays; nested JSON), sometimes are missing, among unrelated realistic fields. The
 * values go in through the family arbitraries' constraints, so every record invariant holds:
 * - SQS `$.body.…`: `sqsRecord({ body })`, a JSON body holding the paths (sometimes plain text);
 * - Kinesis `$.data.…`: `kinesisRecord({ data })`, flattened as `pipeSourceRecord('kinesis')`;
 * - EventBridge `$.detail.…`: `eventBridgeEvent({ detail })`;
 * - DynamoDB `$.dynamodb.NewImage|OldImage|Keys.<attribute>.<type>…`: items whose attribute has
 *   that type (`S`, `N`, `BOOL`, `M`, `L`, sets …), through `dynamoDBStreamRecord({ item, keys })`.
 *
 * Paths outside the payload (`$.messageId`, `$.eventSourceARN`) need nothing: every record has
 * them. S3 via EventBridge has a fixed detail schema (keys arrive URL-encoded) and stays generic.
 * One record in six is a plain `pipeSourceRecord(source)` record, so generic realism stays
 * covered. Values shrink towards the smallest breaking one (`"`, `\`, `{}`), and unrelated
 * members towards absence. Rule templates (`compileRuleTemplate`) work too, with `'eventbridge'`.
 * Throws a `TypeError` for a source without a record arbitrary, as `pipeSourceRecord` does.
 * @example
 * fc.sample(pipeTemplateRecord('{"note": "<$.body.note>"}', 'sqs'), 3)
 * // SQS records whose body is usually `{"note": …, …}` with a hard `note`
 */
// @__NO_SIDE_EFFECTS__
export function pipeTemplateRecord(template: string | CompiledTemplate, source: PipeSource): Arbitrary<unknown> {
  const compiled = typeof template === 'string' ? compilePipeTemplate(template, { source }) : template;
  return templateRecords(compiled, source);
}
