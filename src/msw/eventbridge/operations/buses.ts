/** CreateEventBus, DeleteEventBus, DescribeEventBus, ListEventBuses. */
import { readString, type JsonObject } from '../../_internals/input.js';
import { busNotFound, EVENTBRIDGE_INPUT_ERRORS, resourceAlreadyExists, validationError } from '../errors.js';
import type { BusState } from '../state.js';
import { busNameOf, epochSeconds, page, type Operation } from './context.js';

const BUS_NAME = /^[/.\-_A-Za-z0-9]{1,256}$/;

function describe(bus: BusState): JsonObject {
  return {
    Name: bus.name,
    Arn: bus.arn,
    ...(bus.description === undefined ? {} : { Description: bus.description }),
    CreationTime: epochSeconds(bus.createdMs),
    LastModifiedTime: epochSeconds(bus.createdMs),
  };
}

/** CreateEventBus: a new custom bus; `default` and `aws.*` names are AWS's. */
export const CreateEventBus: Operation = (input, _info, { state }) => {
  const name = readString(input, 'Name', EVENTBRIDGE_INPUT_ERRORS, true);
  if (!BUS_NAME.test(name))
    throw validationError(
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+`,
    );
  if (name === 'default' || state.buses.has(name)) throw resourceAlreadyExists(`Event bus ${name} already exists.`);
  if (name.startsWith('aws.')) throw validationError(`Event bus name must not start with 'aws.'.`);
  const bus = state.addBus(name, readString(input, 'Description', EVENTBRIDGE_INPUT_ERRORS));
  return { EventBusArn: bus.arn, ...(bus.description === undefined ? {} : { Description: bus.description }) };
};

/** DeleteEventBus: idempotent for a bus that does not exist; the default bus cannot go. */
export const DeleteEventBus: Operation = (input, _info, { state }) => {
  const name = readString(input, 'Name', EVENTBRIDGE_INPUT_ERRORS, true);
  if (name === 'default') throw validationError('Cannot delete event bus default.');
  const bus = state.buses.get(name);
  if (bus === undefined) return {};
  state.dropPending((p) => p.rule.busName === name);
  state.buses.delete(name);
  return {};
};

/** DescribeEventBus (the default bus without `Name`). */
export const DescribeEventBus: Operation = (input, _info, { state }) => {
  const name = busNameOf(input['Name']);
  const bus = state.buses.get(name);
  if (bus === undefined) throw busNotFound(name);
  return describe(bus);
};

/** ListEventBuses, by name, with `NamePrefix` and paging. */
export const ListEventBuses: Operation = (input, _info, { state }) => {
  const prefix = readString(input, 'NamePrefix', EVENTBRIDGE_INPUT_ERRORS) ?? '';
  const buses = [...state.buses.values()]
    .filter((b) => b.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, next } = page(buses, input);
  return { EventBuses: items.map(describe), ...(next === undefined ? {} : { NextToken: next }) };
};
