/**
 * PutTargets, RemoveTargets, ListTargetsByRule. Shape constraints (ids, lengths, counts) fail the
 * whole request as coral validation does; a target whose settings cannot work (a FIFO queue without
 * `SqsParameters.MessageGroupId`, two input modes, a template PutTargets rejects) is reported in
 * `FailedEntries` while the other targets are stored.
 */
import { TemplateSyntaxError, TemplateValidationError, compileRuleTemplate } from '../../../pipes/index.js';
import { parsePath } from '../../../pipes/path.js';
import { asStructure, readList, readString, readStringMap, type JsonObject } from '../../_internals/input.js';
import { AwsServiceError } from '../../_internals/awsError.js';
import { EVENTBRIDGE_INPUT_ERRORS, ruleNotFound, validationError } from '../errors.js';
import { parseArn, type RetryPolicy, type TargetState } from '../state.js';
import { busOf, page, type Operation } from './context.js';

const TARGET_ID = /^[.\-_A-Za-z0-9]{1,64}$/;
/** Targets per rule (EventBridge quota). */
export const MAX_TARGETS_PER_RULE = 5;
const TARGET_SERVICES = new Set(['sqs', 'sns', 'kinesis', 'events', 'lambda']);

class TargetRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function constraint(path: string, value: unknown, rule: string): AwsServiceError {
  return validationError(
    `1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${rule}`,
  );
}

function integerIn(value: unknown, path: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw EVENTBRIDGE_INPUT_ERRORS.wrongType(path, 'integer', value);
  if (value < min) throw constraint(path, value, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw constraint(path, value, `Member must have value less than or equal to ${max}`);
  return value;
}

function pathSegments(text: string, what: string): NonNullable<TargetState['inputPath']> {
  const parsed = parsePath(text);
  if (!parsed.ok) throw new TargetRejected('ValidationException', `${what} is not a valid JSON path: ${text}`);
  return parsed.segments;
}

/** A target's members as PutTargets reads them, before their meaning is checked. */
interface TargetMembers {
  readonly raw: JsonObject;
  readonly id: string;
  readonly arn: string;
  readonly input: string | undefined;
  readonly inputPath: string | undefined;
  readonly retry: RetryPolicy;
  readonly dlq: string | undefined;
  readonly groupId: string | undefined;
  readonly keyPath: string | undefined;
  readonly transformerRaw: JsonObject | undefined;
}

/** Reads a target's members; shape errors throw AwsServiceError (they fail the whole request). */
function readTargetMembers(raw: JsonObject, index: number): TargetMembers {
  const at = `targets.${index + 1}.member`;
  const id = readString(raw, 'Id', EVENTBRIDGE_INPUT_ERRORS, true);
  if (!TARGET_ID.test(id))
    throw constraint(`${at}.id`, id, 'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+');
  const arn = readString(raw, 'Arn', EVENTBRIDGE_INPUT_ERRORS, true);
  if (arn.length < 1 || arn.length > 1600)
    throw constraint(`${at}.arn`, arn, 'Member must have length less than or equal to 1600');
  const input = readString(raw, 'Input', EVENTBRIDGE_INPUT_ERRORS);
  if (input !== undefined && input.length > 8192)
    throw constraint(`${at}.input`, input, 'Member must have length less than or equal to 8192');
  const inputPath = readString(raw, 'InputPath', EVENTBRIDGE_INPUT_ERRORS);
  if (inputPath !== undefined && inputPath.length > 256)
    throw constraint(`${at}.inputPath`, inputPath, 'Member must have length less than or equal to 256');
  const retryRaw =
    raw['RetryPolicy'] === undefined ? {} : asStructure(raw['RetryPolicy'], 'RetryPolicy', EVENTBRIDGE_INPUT_ERRORS);
  const retry: RetryPolicy = {
    maximumRetryAttempts:
      integerIn(retryRaw['MaximumRetryAttempts'], `${at}.retryPolicy.maximumRetryAttempts`, 0, 185) ?? 185,
    maximumEventAgeInSeconds:
      integerIn(retryRaw['MaximumEventAgeInSeconds'], `${at}.retryPolicy.maximumEventAgeInSeconds`, 60, 86_400) ??
      86_400,
  };
  const dlq =
    raw['DeadLetterConfig'] === undefined
      ? undefined
      : readString(
          asStructure(raw['DeadLetterConfig'], 'DeadLetterConfig', EVENTBRIDGE_INPUT_ERRORS),
          'Arn',
          EVENTBRIDGE_INPUT_ERRORS,
        );
  const sqs =
    raw['SqsParameters'] === undefined
      ? undefined
      : asStructure(raw['SqsParameters'], 'SqsParameters', EVENTBRIDGE_INPUT_ERRORS);
  const groupId = sqs === undefined ? undefined : readString(sqs, 'MessageGroupId', EVENTBRIDGE_INPUT_ERRORS);
  const kinesis =
    raw['KinesisParameters'] === undefined
      ? undefined
      : asStructure(raw['KinesisParameters'], 'KinesisParameters', EVENTBRIDGE_INPUT_ERRORS);
  const keyPath =
    kinesis === undefined ? undefined : readString(kinesis, 'PartitionKeyPath', EVENTBRIDGE_INPUT_ERRORS, true);
  const transformerRaw =
    raw['InputTransformer'] === undefined
      ? undefined
      : asStructure(raw['InputTransformer'], 'InputTransformer', EVENTBRIDGE_INPUT_ERRORS);
  return { raw, id, arn, input, inputPath, retry, dlq, groupId, keyPath, transformerRaw };
}

/** Checks what a target means (a supported ARN, one input mode …): TargetRejected, reported in FailedEntries. */
function checkTargetMeaning(members: TargetMembers): void {
  const { id, arn, input, inputPath, transformerRaw, groupId, dlq } = members;
  const parsed = parseArn(arn);
  if (parsed === undefined || !TARGET_SERVICES.has(parsed.service))
    throw new TargetRejected(
      'ValidationException',
      `Provided Arn is not in correct format or is not a supported target: ${arn}.`,
    );
  const modes = [input, inputPath, transformerRaw].filter((m) => m !== undefined).length;
  if (modes > 1)
    throw new TargetRejected(
      'ValidationException',
      `Only one of Input, InputPath, or InputTransformer must be provided for target ${id}.`,
    );
  if (parsed.service === 'sqs' && arn.endsWith('.fifo') && groupId === undefined)
    throw new TargetRejected('ValidationException', `Parameter(s) SqsParameters must be specified for target: ${id}.`);
  if (input !== undefined) {
    try {
      JSON.parse(input);
    } catch {
      throw new TargetRejected('ValidationException', `Input for target ${id} must be valid JSON text.`);
    }
  }
  if (dlq !== undefined && parseArn(dlq)?.service !== 'sqs')
    throw new TargetRejected(
      'ValidationException',
      `DeadLetterConfig of target ${id} must be the ARN of an SQS queue.`,
    );
}

/** The rule template of an InputTransformer, compiled; a template PutTargets refuses is TargetRejected. */
function compileTransformer(id: string, transformerRaw: JsonObject): NonNullable<TargetState['transformer']> {
  const template = readString(transformerRaw, 'InputTemplate', EVENTBRIDGE_INPUT_ERRORS, true);
  const map = readStringMap(transformerRaw, 'InputPathsMap', EVENTBRIDGE_INPUT_ERRORS);
  try {
    return compileRuleTemplate(
      { inputTemplate: template, ...(map === undefined ? {} : { inputPathsMap: map }) },
      { targetId: id },
    );
  } catch (error) {
    if (error instanceof TemplateValidationError || error instanceof TemplateSyntaxError)
      throw new TargetRejected('ValidationException', error.message);
    throw error;
  }
}

/** A target as stored, or TargetRejected. Shape errors throw AwsServiceError (whole request). */
function readTarget(raw: JsonObject, index: number): TargetState {
  const members = readTargetMembers(raw, index);
  checkTargetMeaning(members);
  const { id, arn, retry, input, inputPath, transformerRaw, dlq, groupId, keyPath } = members;
  const target: { -readonly [K in keyof TargetState]: TargetState[K] } = { id, arn, wire: structuredClone(raw), retry };
  if (input !== undefined) target.input = input;
  if (inputPath !== undefined) target.inputPath = pathSegments(inputPath, `InputPath for target ${id}`);
  if (transformerRaw !== undefined) target.transformer = compileTransformer(id, transformerRaw);
  if (dlq !== undefined) target.deadLetterArn = dlq;
  if (groupId !== undefined) target.messageGroupId = groupId;
  if (keyPath !== undefined) target.partitionKeyPath = pathSegments(keyPath, `PartitionKeyPath for target ${id}`);
  return target;
}

/** PutTargets: adds or replaces targets by id. */
export const PutTargets: Operation = (input, _info, { state }) => {
  const bus = busOf(state, input);
  const name = readString(input, 'Rule', EVENTBRIDGE_INPUT_ERRORS, true);
  const rule = bus.rules.get(name);
  const list = readList(input, 'Targets', EVENTBRIDGE_INPUT_ERRORS, true) as unknown[];
  if (list.length < 1 || list.length > 10)
    throw constraint(
      'targets',
      '[…]',
      `Member must have length ${list.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 10'}`,
    );
  const raws = list.map((t) => asStructure(t, 'targets.member', EVENTBRIDGE_INPUT_ERRORS));
  if (rule === undefined) throw ruleNotFound(name, bus.name);
  const failed: JsonObject[] = [];
  const accepted: TargetState[] = [];
  raws.forEach((raw, i) => {
    try {
      accepted.push(readTarget(raw, i));
    } catch (error) {
      if (!(error instanceof TargetRejected)) throw error;
      failed.push({ TargetId: raw['Id'] as string, ErrorCode: error.code, ErrorMessage: error.message });
    }
  });
  const ids = new Set([...rule.targets.keys(), ...accepted.map((t) => t.id)]);
  if (ids.size > MAX_TARGETS_PER_RULE)
    throw new AwsServiceError('LimitExceededException', `The requested resource exceeds the maximum number allowed.`);
  for (const target of accepted) rule.targets.set(target.id, target);
  return { FailedEntryCount: failed.length, FailedEntries: failed };
};

/** RemoveTargets: ids that are not targets of the rule are reported in FailedEntries. */
export const RemoveTargets: Operation = (input, _info, { state }) => {
  const bus = busOf(state, input);
  const name = readString(input, 'Rule', EVENTBRIDGE_INPUT_ERRORS, true);
  const ids = readList(input, 'Ids', EVENTBRIDGE_INPUT_ERRORS, true) as unknown[];
  if (ids.length < 1 || ids.length > 100)
    throw constraint(
      'ids',
      '[…]',
      `Member must have length ${ids.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`,
    );
  const rule = bus.rules.get(name);
  if (rule === undefined) throw ruleNotFound(name, bus.name);
  const failed: JsonObject[] = [];
  for (const id of ids) {
    if (typeof id !== 'string') throw EVENTBRIDGE_INPUT_ERRORS.wrongType('Ids', 'string', id);
    const target = rule.targets.get(id);
    if (target === undefined) {
      failed.push({
        TargetId: id,
        ErrorCode: 'ResourceNotFoundException',
        ErrorMessage: `Target ${id} does not exist on rule ${name}.`,
      });
      continue;
    }
    rule.targets.delete(id);
    // An event already matched but not yet delivered to a removed target is not delivered.
    state.dropPending((p) => p.target === target);
  }
  return { FailedEntryCount: failed.length, FailedEntries: failed };
};

/** ListTargetsByRule: the targets as given, by id order of creation, with paging. */
export const ListTargetsByRule: Operation = (input, _info, { state }) => {
  const bus = busOf(state, input);
  const name = readString(input, 'Rule', EVENTBRIDGE_INPUT_ERRORS, true);
  const rule = bus.rules.get(name);
  if (rule === undefined) throw ruleNotFound(name, bus.name);
  const { items, next } = page([...rule.targets.values()], input);
  return { Targets: items.map((t) => t.wire), ...(next === undefined ? {} : { NextToken: next }) };
};
