/** Parts of EventBridge events: the plain data a mapper turns into an event. */
import type { JsonValue } from '../../_internals/json.js';

/** The parts of an EventBridge (CloudWatch Events) envelope: everything that varies. */
export interface EventBridgeParts<TDetailType extends string = string, TDetail = { [key: string]: JsonValue }> {
  /** Event id: lower-case hex in the 8-4-4-4-12 layout (see {@link formatEventBridgeId}). */
  id: string;
  /** `detail-type`: 1 to 128 characters. */
  detailType: TDetailType;
  /** `source`: 1 to 256 characters (`aws.*` for AWS services). */
  source: string;
  /** The 12-digit account that emitted the event. */
  account: string;
  /** The region of the event. */
  region: string;
  /** The event time; the mapper truncates it to whole seconds. */
  time: Date;
  /** ARNs (or any strings, for custom events) the event concerns; may be empty. */
  resources: readonly string[];
  /** The event payload: a JSON object. */
  detail: TDetail;
  /** Name of the archive replay that re-sent the event; absent for live events. */
  replayName?: string | undefined;
}

/** The parts of a scheduled-rule event (`detail-type: "Scheduled Event"`). */
export interface ScheduledParts {
  /** Event id: lower-case hex in the 8-4-4-4-12 layout. */
  id: string;
  /** The rule name: `[.\-_A-Za-z0-9]{1,64}`. */
  ruleName: string;
  /** The 12-digit account of the rule (and of the event). */
  account: string;
  /** The region of the rule (and of the event). */
  region: string;
  /** The partition of the rule ARN; must agree with the region. */
  partition: string;
  /** The invocation time; the mapper truncates it to whole seconds. */
  time: Date;
}
