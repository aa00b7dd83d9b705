/** The "parts → event" mapper of scheduled-rule events; it goes through the envelope mapper. */
import type { ScheduledEvent } from 'aws-lambda';
import { arn } from '../../_internals/aws.js';
import { toEventBridgeEvent } from './envelope.js';
import type { ScheduledParts } from './types.js';

/** `source` of scheduled-rule events. */
export const SCHEDULED_SOURCE = 'aws.events';
/** `detail-type` of scheduled-rule events. */
export const SCHEDULED_DETAIL_TYPE = 'Scheduled Event';

/** `arn:<partition>:events:<region>:<account>:rule/<name>` */
export function eventsRuleArn(partition: string, region: string, account: string, ruleName: string): string {
  return arn(partition, 'events', region, account, `rule/${ruleName}`);
}

/**
 * Builds a scheduled-rule event: `source: "aws.events"`, `detail-type: "Scheduled Event"`,
 * `detail: {}`, and the rule ARN (in the event's own account and region) as the only resource.
 */
export function toScheduledEvent(parts: ScheduledParts): ScheduledEvent<Record<string, never>> {
  return toEventBridgeEvent({
    id: parts.id,
    detailType: SCHEDULED_DETAIL_TYPE,
    source: SCHEDULED_SOURCE,
    account: parts.account,
    region: parts.region,
    time: parts.time,
    resources: [eventsRuleArn(parts.partition, parts.region, parts.account, parts.ruleName)],
    detail: {},
  });
}
