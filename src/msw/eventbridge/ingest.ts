/**
 * How events enter the EventBridge mock: every accepted event (PutEvents, the test side, another
 * service of the mocks) is recorded, routed through its bus's rules and queued for the handler
 * subscriptions it matches; scheduled rules fire their occurrences as the virtual clock passes them.
 */
import { formatEventBridgeId, toScheduledEvent } from '../../events/eventbridge/index.js';
import type { DeliveredEvent, EventBridgeMock } from './service.js';
import type { EnvelopeEvent } from './state.js';
import { queueSubscribers } from './subscriptions.js';

/** Records an event, routes it through the bus's rules and queues a delivery to every matching subscription. */
export function accept(mock: EventBridgeMock, eventBusName: string, build: () => DeliveredEvent): void {
  mock.recorded.push({ eventBusName, build });
  const bus = mock.state.buses.get(eventBusName);
  const routes = bus !== undefined && bus.rules.size > 0;
  if (mock.subscriptions.length === 0 && !routes) return;
  const event = build();
  if (routes) mock.state.route(eventBusName, build() as unknown as EnvelopeEvent);
  queueSubscribers(mock, eventBusName, event, build);
}

/** Fires every scheduled occurrence up to now, each event carrying its own occurrence time. */
export function fireSchedules(mock: EventBridgeMock): boolean {
  const { context, state } = mock;
  const bus = state.buses.get('default');
  if (bus === undefined) return false;
  const now = mock.nowMs();
  let fired = false;
  for (const rule of bus.rules.values()) {
    if (rule.schedule === undefined) continue;
    for (;;) {
      const next = rule.schedule.next(rule.firedMs, rule.createdMs);
      if (next === undefined || next > now) break;
      rule.firedMs = next;
      if (rule.state !== 'ENABLED') continue;
      const event = toScheduledEvent({
        id: formatEventBridgeId(mock.seeds.eventIds.hex(32)),
        account: context.account,
        region: context.region,
        partition: context.partition,
        time: new Date(next),
        ruleName: rule.name,
      });
      state.enqueue(rule, event as unknown as EnvelopeEvent);
      fired = true;
    }
  }
  return fired;
}
