/**
 * The test-side calls of the EventBridge mock (`mocks.eventBridge.events`, `publish`,
 * `failDeliveries` …) and the entry points other services of the mocks put events through. Each
 * checks its arguments and reports bad ones as an `EventInputError` naming the call.
 */
import { fail, show } from '../../_internals/errors.js';
import { formatEventBridgeId, toEventBridgeEvent } from '../../events/eventbridge/index.js';
import { accept } from './ingest.js';
import type { DeliveredEvent, EventBridgeConfig, EventBridgeMock, EventBridgeService } from './service.js';
import type { FailedDelivery } from './state.js';

/** `mocks.eventBridge.events`: every accepted event (of one bus, or of all), as targets receive it. */
export function events(mock: EventBridgeMock, options: { eventBusName?: string } = {}): DeliveredEvent[] {
  return mock.recorded
    .filter((r) => options.eventBusName === undefined || r.eventBusName === options.eventBusName)
    .map((r) => r.build());
}

/** Puts one envelope an AWS service emitted on a bus, as the service would (no PutEvents validation). */
export function publishOne(mock: EventBridgeMock, api: string, event: DeliveredEvent, eventBusName: string): void {
  if (
    event === null ||
    typeof event !== 'object' ||
    typeof event.source !== 'string' ||
    typeof event['detail-type'] !== 'string'
  ) {
    fail(api, 'event', `must be an EventBridge envelope (source, detail-type, detail …), got ${show(event)}`);
  }
  const frozen = structuredClone(event);
  accept(mock, eventBusName, () => structuredClone(frozen));
}

/** `putEventsInternal`: {@link publishOne} for each of a list of envelopes. */
export function putEventsInternal(
  mock: EventBridgeMock,
  entries: readonly DeliveredEvent[],
  options: { eventBusName?: string } = {},
): void {
  const api = 'mocks.eventBridge.putEventsInternal';
  if (!Array.isArray(entries)) fail(api, 'entries', `must be an array of EventBridge envelopes, got ${show(entries)}`);
  for (const event of entries) publishOne(mock, api, event, options.eventBusName ?? 'default');
}

/** `putEntry`: one event built by the family's mapper on a bus (name or ARN); undefined when there is no such bus. */
export function putEntry(
  mock: EventBridgeMock,
  entry: Parameters<EventBridgeService['putEntry']>[0],
): string | undefined {
  const name = entry.eventBusName.startsWith('arn:')
    ? entry.eventBusName.slice(entry.eventBusName.lastIndexOf(':event-bus/') + ':event-bus/'.length)
    : entry.eventBusName;
  if (!mock.state.buses.has(name)) return undefined;
  const { context } = mock;
  const id = formatEventBridgeId(mock.seeds.eventIds.hex(32));
  const time = new Date(mock.nowMs());
  const detail = structuredClone(entry.detail);
  const resources = [...(entry.resources ?? [])];
  accept(
    mock,
    name,
    () =>
      toEventBridgeEvent({
        id,
        detailType: entry.detailType,
        source: entry.source,
        account: context.account,
        region: context.region,
        time,
        resources: [...resources],
        detail: structuredClone(detail),
      }) as DeliveredEvent,
  );
  return id;
}

/** `failedDeliveries`: copies of the deliveries that did not reach their target. */
export function failedDeliveries(mock: EventBridgeMock): FailedDelivery[] {
  return mock.state.failed.map((f) => ({ ...f, event: structuredClone(f.event) }));
}

/** `failDeliveries`: the next `times` deliveries to `targetArn` fail with a retryable error. */
export function failDeliveries(
  mock: EventBridgeMock,
  targetArn: string,
  options: Parameters<EventBridgeService['failDeliveries']>[1],
): void {
  const api = 'mocks.eventBridge.failDeliveries';
  if (typeof targetArn !== 'string') fail(api, 'targetArn', `must be a target ARN, got ${show(targetArn)}`);
  if (options === null || typeof options !== 'object' || !Number.isSafeInteger(options.times) || options.times < 0)
    fail(api, 'options.times', `must be a whole number ≥ 0, got ${show(options?.times)}`);
  mock.state.injected.set(targetArn, {
    remaining: options.times,
    code: options.errorCode ?? 'ThrottlingException',
    message: options.errorMessage ?? 'Rate exceeded',
  });
}

/** `configure`: changes the settings given; unset members keep their value. */
export function configure(mock: EventBridgeMock, config: EventBridgeConfig): void {
  const api = 'mocks.eventBridge.configure';
  if (config === null || typeof config !== 'object') fail(api, 'config', `must be an object, got ${show(config)}`);
  const { putEventsMaxBytes: bytes } = config;
  if (bytes !== undefined) {
    if (!Number.isSafeInteger(bytes) || bytes < 1)
      fail(api, 'config.putEventsMaxBytes', `must be a positive whole number of bytes, got ${show(bytes)}`);
    mock.putEventsMaxBytes = bytes;
  }
}
