/** PutRule, DeleteRule, DescribeRule, ListRules, EnableRule, DisableRule. */
import { RULE_NAME_PATTERN } from '../../../events/eventbridge/index.js';
import { EventPatternError } from '../../../patterns/index.js';
import { readString, type JsonObject } from '../../_internals/input.js';
import { EVENTBRIDGE_INPUT_ERRORS, invalidEventPattern, ruleNotFound, validationError } from '../errors.js';
import { parseSchedule } from '../schedule.js';
import { EventBridgeState, type BusState, type RuleState } from '../state.js';
import { busOf, page, type Operation } from './context.js';

function ruleName(input: JsonObject): string {
  const name = readString(input, 'Name', EVENTBRIDGE_INPUT_ERRORS, true);
  if (!RULE_NAME_PATTERN.test(name)) {
    throw validationError(
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
    );
  }
  return name;
}

function ruleOf(bus: BusState, name: string): RuleState {
  const rule = bus.rules.get(name);
  if (rule === undefined) throw ruleNotFound(name, bus.name);
  return rule;
}

function describe(rule: RuleState, account: string): JsonObject {
  return {
    Name: rule.name,
    Arn: rule.arn,
    ...(rule.eventPattern === undefined ? {} : { EventPattern: rule.eventPattern }),
    ...(rule.schedule === undefined ? {} : { ScheduleExpression: rule.schedule.expression }),
    State: rule.state,
    ...(rule.description === undefined ? {} : { Description: rule.description }),
    ...(rule.roleArn === undefined ? {} : { RoleArn: rule.roleArn }),
    EventBusName: rule.busName,
    CreatedBy: account,
  };
}

/** PutRule: creates or updates a rule (its targets stay); a pattern is compiled once here. */
export const PutRule: Operation = (input, _info, { state, nowMs }) => {
  const name = ruleName(input);
  const bus = busOf(state, input);
  const pattern = readString(input, 'EventPattern', EVENTBRIDGE_INPUT_ERRORS);
  const expression = readString(input, 'ScheduleExpression', EVENTBRIDGE_INPUT_ERRORS);
  const ruleState = readString(input, 'State', EVENTBRIDGE_INPUT_ERRORS) ?? 'ENABLED';
  if (ruleState !== 'ENABLED' && ruleState !== 'DISABLED') {
    throw validationError(
      `1 validation error detected: Value '${ruleState}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]`,
    );
  }
  if (pattern === undefined && expression === undefined)
    throw validationError('Parameter(s) EventPattern or ScheduleExpression must be specified.');
  let compiled;
  if (pattern !== undefined) {
    try {
      compiled = EventBridgeState.compile(pattern);
    } catch (error) {
      if (error instanceof EventPatternError) throw invalidEventPattern(error.message);
      throw error;
    }
  }
  let schedule;
  if (expression !== undefined) {
    if (bus.name !== 'default') throw validationError('ScheduleExpression is supported only on the default event bus.');
    schedule = parseSchedule(expression);
    if (schedule === undefined) throw validationError('Parameter ScheduleExpression is not valid.');
  }
  const now = nowMs();
  const existing = bus.rules.get(name);
  const rule: RuleState = existing ?? {
    name,
    arn: state.arn(bus.name === 'default' ? `rule/${name}` : `rule/${bus.name}/${name}`),
    busName: bus.name,
    state: 'ENABLED',
    createdMs: now,
    firedMs: now,
    targets: new Map(),
  };
  rule.state = ruleState;
  if (pattern === undefined) delete rule.eventPattern, delete rule.compiled;
  else (rule.eventPattern = pattern), (rule.compiled = compiled);
  if (schedule === undefined) delete rule.schedule;
  else if (rule.schedule?.expression !== schedule.expression)
    (rule.schedule = schedule), (rule.createdMs = now), (rule.firedMs = now);
  const description = readString(input, 'Description', EVENTBRIDGE_INPUT_ERRORS);
  if (description === undefined) delete rule.description;
  else rule.description = description;
  const roleArn = readString(input, 'RoleArn', EVENTBRIDGE_INPUT_ERRORS);
  if (roleArn === undefined) delete rule.roleArn;
  else rule.roleArn = roleArn;
  bus.rules.set(name, rule);
  // The bus's compiled rule set is rebuilt on the next event.
  delete bus.ruleSet;
  return { RuleArn: rule.arn };
};

/** DeleteRule: refused while the rule has targets; a rule that does not exist is already deleted. */
export const DeleteRule: Operation = (input, _info, { state }) => {
  const name = ruleName(input);
  const bus = busOf(state, input);
  const rule = bus.rules.get(name);
  if (rule === undefined) return {};
  if (rule.targets.size > 0) throw validationError("Rule can't be deleted since it has targets.");
  bus.rules.delete(name);
  delete bus.ruleSet;
  return {};
};

/** DescribeRule. */
export const DescribeRule: Operation = (input, _info, { state }) =>
  describe(ruleOf(busOf(state, input), ruleName(input)), state.account);

/** ListRules: by name, with `NamePrefix` and paging. */
export const ListRules: Operation = (input, _info, { state }) => {
  const bus = busOf(state, input);
  const prefix = readString(input, 'NamePrefix', EVENTBRIDGE_INPUT_ERRORS) ?? '';
  const rules = [...bus.rules.values()]
    .filter((r) => r.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, next } = page(rules, input);
  return { Rules: items.map((r) => describe(r, state.account)), ...(next === undefined ? {} : { NextToken: next }) };
};

function setState(value: 'ENABLED' | 'DISABLED'): Operation {
  return (input, _info, { state }) => {
    const bus = busOf(state, input);
    const rule = ruleOf(bus, ruleName(input));
    rule.state = value;
    delete bus.ruleSet;
    return {};
  };
}

/** EnableRule. */
export const EnableRule: Operation = setState('ENABLED');
/** DisableRule: the rule stops matching at once (events already matched are still delivered). */
export const DisableRule: Operation = setState('DISABLED');
