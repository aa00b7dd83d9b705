import type { Arbitrary } from 'fast-check';
import { toSnsEvent } from '../src/events/sns/record.js';
import type { SnsEvent } from '../src/events/sns/types.js';
import { snsRecord, type SnsRecordConstraints } from './snsRecord.js';

/** Constraints of {@link snsEvent}: those of `snsRecord`. */
export type SnsEventConstraints = SnsRecordConstraints;

/**
 * Lambda SNS events: one record each (SNS invokes a function once per message), built by the same
 * mappers as `makeSnsEvent`; assignable to `@types/aws-lambda`'s `SNSEvent`.
 * @example snsEvent({ messageAttributes: { store: 'example_corp' } })
 */
// @__NO_SIDE_EFFECTS__
export function snsEvent(constraints: SnsEventConstraints = {}): Arbitrary<SnsEvent> {
  return snsRecord(constraints).map(toSnsEvent);
}
