/** The EventBridge family's CLI kinds: a scheduled rule's event (`scheduled`) and a custom event (`eventbridge`). */
import { makeEventBridgeEvent, makeScheduledEvent } from '../../../fixtures/eventbridge.js';
import { jsonValue, NO_INPUTS, type KindFamily } from '../inputs.js';
import { ALL_SHARED, arg, defineCliFamily, ORDER, withOptions } from './_shared.js';

const SCHEDULED: KindFamily = {
  title: 'scheduled rule',
  inputs: [
    {
      flag: 'rule',
      value: 'NAME',
      target: 'rule',
      argument: true,
      description: 'the rule name; the rule ARN in resources follows (default my-schedule)',
    },
  ],
  shared: ALL_SHARED,
  options: [],
};
/** The inputs of the `eventbridge` kind (`sqs:eventbridge` takes them too, and `--queue`). */
export const EVENTBRIDGE: KindFamily = {
  title: 'EventBridge',
  inputs: [
    {
      flag: 'source',
      value: 'SOURCE',
      target: 'source',
      argument: true,
      description: 'the source (default com.example.orders)',
    },
    {
      flag: 'detail-type',
      value: 'TYPE',
      target: 'detailType',
      argument: true,
      description: 'the detail-type (default "Order Placed")',
    },
    {
      flag: 'detail',
      value: 'JSON',
      target: 'detail',
      argument: true,
      parse: jsonValue('detail'),
      description: 'the detail, a JSON object (default a sample order)',
    },
    {
      flag: 'resource',
      value: 'ARN',
      target: 'resources',
      repeat: true,
      description: "one resource ARN (in the event's partition)",
    },
  ],
  shared: ALL_SHARED,
  options: ['resources', 'replayName'],
};

/** The EventBridge family's CLI descriptor. */
export const eventbridgeCliFamily = defineCliFamily({
  name: 'eventbridge',
  kinds: [
    {
      name: 'scheduled',
      description: 'EventBridge scheduled-rule event ("Scheduled Event")',
      family: SCHEDULED,
      make: (seed, inputs = NO_INPUTS) =>
        makeScheduledEvent(arg(inputs, 'rule', 'my-schedule'), withOptions({}, inputs, seed)),
    },
    {
      name: 'eventbridge',
      description: 'EventBridge custom event ("Order Placed" from com.example.orders)',
      family: EVENTBRIDGE,
      make: (seed, inputs = NO_INPUTS) =>
        makeEventBridgeEvent(
          arg(inputs, 'detailType', 'Order Placed'),
          arg(inputs, 'source', 'com.example.orders'),
          arg<object>(inputs, 'detail', ORDER),
          withOptions({}, inputs, seed),
        ),
    },
  ],
  // A scheduled rule's event: the name users know the route by.
  routeNamed: ['scheduled'],
});
