/** The one "parts → event" mapper of the EventBridge envelope. */
import type { EventBridgeEvent } from 'aws-lambda';
import { isoSeconds } from '../../_internals/aws.js';
import type { EventBridgeParts } from './types.js';

/**
 * Lays 32 hex digits out as an EventBridge event id (`8-4-4-4-12`, lower case).
 * Real ids carry arbitrary version and variant nibbles (`fae0433b-7a0e-e383-…`), so no
 * UUID version is forced here: an RFC-4122 validator must not be assumed to accept them.
 */
export function formatEventBridgeId(hex32: string): string {
  const h = hex32.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The layout of an EventBridge event id. */
export const EVENTBRIDGE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Builds the event EventBridge delivers to a target from its parts: `version: "0"`, `time` in
 * whole seconds, keys in the order AWS sends them, `replay-name` only for replays.
 */
export function toEventBridgeEvent<TDetailType extends string, TDetail>(
  parts: EventBridgeParts<TDetailType, TDetail>,
): EventBridgeEvent<TDetailType, TDetail> {
  const event: EventBridgeEvent<TDetailType, TDetail> = {
    version: '0',
    id: parts.id,
    'detail-type': parts.detailType,
    source: parts.source,
    account: parts.account,
    time: isoSeconds(parts.time),
    region: parts.region,
    resources: [...parts.resources],
    detail: parts.detail,
  };
  if (parts.replayName !== undefined) event['replay-name'] = parts.replayName;
  return event;
}
