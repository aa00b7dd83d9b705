/** PutEvents (routes every accepted entry through its bus's rules) and TestEventPattern. */
import { formatEventBridgeId, toEventBridgeEvent } from '../../../events/eventbridge/index.js';
import { EventPatternError, testEventPattern } from '../../../patterns/index.js';
import { readString } from '../../_internals/input.js';
import { EVENTBRIDGE_INPUT_ERRORS, invalidEventPattern, validationError } from '../errors.js';
import { judgePutEvents } from '../putEvents.js';
import type { EnvelopeEvent } from '../state.js';
import type { Operation } from './context.js';

/** PutEvents: per-entry verdicts; each accepted entry is recorded and routed on its bus. */
export const PutEvents: Operation = (input, info, { state, nowMs, eventIds, accept, maxBytes }) => {
  const region = info.region ?? state.region;
  const verdicts = judgePutEvents(input, { maxBytes: maxBytes() });
  let failed = 0;
  const now = new Date(nowMs());
  const entries = verdicts.map((verdict) => {
    if (!('ok' in verdict)) {
      failed++;
      return { ErrorCode: verdict.errorCode, ErrorMessage: verdict.errorMessage };
    }
    const id = formatEventBridgeId(eventIds().hex(32));
    const entry = verdict.ok;
    const time = entry.time ?? now;
    // A fresh envelope per call, through the one mapper: a handler that edits its event edits nothing else.
    accept(
      entry.eventBusName,
      () =>
        toEventBridgeEvent({
          id,
          detailType: entry.detailType,
          source: entry.source,
          account: state.account,
          region,
          time,
          resources: entry.resources,
          detail: structuredClone(entry.detail),
        }) as unknown as EnvelopeEvent,
    );
    return { EventId: id };
  });
  return { FailedEntryCount: failed, Entries: entries };
};

/**
 * The envelope fields TestEventPattern requires. The API reference also lists `resources`, but
 * EventBridge accepts an event without it (observed by LocalStack against AWS).
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html
 */
export const TEST_EVENT_REQUIRED_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

/** TestEventPattern: the pattern engine's verdict and errors; an event without the envelope fields is `Parameter Event is not valid.` */
export const TestEventPattern: Operation = (input) => {
  const pattern = readString(input, 'EventPattern', EVENTBRIDGE_INPUT_ERRORS, true);
  const eventText = readString(input, 'Event', EVENTBRIDGE_INPUT_ERRORS, true);
  let event: unknown;
  try {
    event = JSON.parse(eventText);
  } catch {
    throw validationError('Parameter Event is not valid.');
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event))
    throw validationError('Parameter Event is not valid.');
  for (const field of TEST_EVENT_REQUIRED_FIELDS)
    if (!Object.hasOwn(event, field)) throw validationError('Parameter Event is not valid.');
  const time = (event as Record<string, unknown>)['time'];
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time)))
    throw validationError('Parameter Event is not valid.');
  try {
    // The event text, not the parsed object: the engine reads numbers beyond double precision from it.
    return { Result: testEventPattern(pattern, eventText) };
  } catch (error) {
    if (error instanceof EventPatternError) throw invalidEventPattern(error.message);
    throw error;
  }
};
