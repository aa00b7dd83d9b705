/**
 * TransactWriteItems and TransactGetItems: at most 100 actions on distinct items, all or nothing.
 * A transaction whose condition fails anywhere is cancelled (`TransactionCanceledException`, one
 * `CancellationReasons` entry per action in request order) and writes nothing, so no stream
 * record either. `ClientRequestToken` makes a repeated request a no-op for 10 minutes.
 */
import { createHash } from 'node:crypto';
import type { AttributeMap } from '../../../events/dynamodb/index.js';
import { AwsServiceError } from '../../_internals/awsError.js';
import { asStructure, readList, readObject, readString, type JsonObject } from '../../_internals/input.js';
import type { JsonRequestInfo } from '../../_internals/jsonProtocol.js';
import { Expressions, I, readKey } from '../common.js';
import {
  regionOf,
  type DynamoDBOperation,
  type DynamoDBOperationContext,
  type DynamoDBWireContext,
} from './context.js';
import { conditionHolds, planConditionCheck, planDelete, planPut, planUpdate, type WritePlan } from '../plans.js';
import { dynamoError, validation } from '../errors.js';
import { projectPaths } from '../expressions/values.js';
import type { MockTable } from '../table.js';

/** The most actions one transaction may hold. */
const TRANSACT_MAX_ACTIONS = 100;
/** How long a ClientRequestToken makes a repeat a no-op. */
const IDEMPOTENCY_WINDOW_MS = 10 * 60 * 1000;

const ACTIONS = ['ConditionCheck', 'Put', 'Delete', 'Update'] as const;

/** A transaction's cancellation reason for one action. */
interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: AttributeMap;
}

function transactItems(input: JsonObject): JsonObject[] {
  const list = readList(input, 'TransactItems', I, true) as unknown[];
  if (list.length < 1 || list.length > TRANSACT_MAX_ACTIONS) {
    throw validation(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length ${list.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${TRANSACT_MAX_ACTIONS}`}`,
    );
  }
  return list.map((entry, i) => asStructure(entry, `TransactItems.${i + 1}.member`, I));
}

function transactTable(context: DynamoDBWireContext, info: JsonRequestInfo, action: JsonObject): MockTable {
  const table = context.registry.find(readString(action, 'TableName', I, true), regionOf(info, context));
  if (table === undefined) throw dynamoError('ResourceNotFoundException', 'Requested resource not found');
  return table;
}

/**
 * Whether a request with this `ClientRequestToken` was already done within the idempotency window
 * (the same request again: nothing happens twice); a different request with it is refused.
 */
function alreadyDone(context: DynamoDBOperationContext, token: string, digest: string, now: number): boolean {
  if (token.length < 1 || token.length > 36)
    throw validation(
      `1 validation error detected: Value '${token}' at 'clientRequestToken' failed to satisfy constraint: Member must have length ${token.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 36'}`,
    );
  const tokens = context.transactTokens;
  for (const [t, entry] of tokens) if (entry.expiresMs <= now) tokens.delete(t);
  const seen = tokens.get(token);
  if (seen === undefined) return false;
  if (seen.digest !== digest)
    throw dynamoError(
      'IdempotentParameterMismatchException',
      'The request uses the same client token as a previous, but non-identical request.',
    );
  return true;
}

/** The write plan of each action, one action per entry and per item. */
function planActions(input: JsonObject, info: JsonRequestInfo, context: DynamoDBOperationContext): WritePlan[] {
  const plans: WritePlan[] = [];
  const items = new Set<string>();
  for (const entry of transactItems(input)) {
    const present = ACTIONS.filter((name) => entry[name] !== undefined && entry[name] !== null);
    if (present.length !== 1) throw validation('TransactItems can only contain one of Check, Put, Update or Delete');
    const kind = present[0] as (typeof ACTIONS)[number];
    const action = readObject(entry, kind, I, true) as JsonObject;
    const table = transactTable(context, info, action);
    const plan =
      kind === 'Put'
        ? planPut(table, action)
        : kind === 'Delete'
          ? planDelete(table, action)
          : kind === 'Update'
            ? planUpdate(table, action)
            : planConditionCheck(table, action);
    const id = `${table.arn}\u0000${plan.keyString}`;
    if (items.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
    items.add(id);
    plans.push(plan);
  }
  return plans;
}

/** Every action's change, judged against the items as they are before the transaction; cancelled if any fails. */
function judge(plans: readonly WritePlan[]): (ReturnType<WritePlan['change']> | undefined)[] {
  const reasons: CancellationReason[] = [];
  const changes = plans.map((plan) => {
    const old = plan.table.items.get(plan.keyString);
    if (!conditionHolds(plan, old)) {
      reasons.push({
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        ...(plan.returnOld && old !== undefined ? { Item: old } : {}),
      });
      return undefined;
    }
    try {
      const change = plan.change(old);
      reasons.push({ Code: 'None' });
      return change;
    } catch (error) {
      if (!(error instanceof AwsServiceError)) throw error;
      reasons.push({ Code: 'ValidationError', Message: error.message });
      return undefined;
    }
  });
  if (reasons.some((r) => r.Code !== 'None')) {
    throw dynamoError(
      'TransactionCanceledException',
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
      400,
      { CancellationReasons: reasons },
    );
  }
  return changes;
}

/** TransactWriteItems: up to 100 actions on distinct items, all or none, idempotent for a `ClientRequestToken` for 10 minutes. */
export const TransactWriteItems: DynamoDBOperation = (input, info, context) => {
  const now = context.nowMs();
  const token = readString(input, 'ClientRequestToken', I);
  const digest = createHash('sha256')
    .update(JSON.stringify({ ...input, ClientRequestToken: undefined }))
    .digest('hex');
  if (token !== undefined && alreadyDone(context, token, digest, now)) return {};
  const plans = planActions(input, info, context);
  const changes = judge(plans);
  plans.forEach((plan, i) => {
    const change = changes[i];
    if (change?.writes === true)
      plan.table.write(plan.keyString, change.next, now, change.size === undefined ? {} : { size: change.size });
  });
  if (token !== undefined) context.transactTokens.set(token, { digest, expiresMs: now + IDEMPOTENCY_WINDOW_MS });
  return {};
};

/** TransactGetItems: up to 100 items read at once. */
export const TransactGetItems: DynamoDBOperation = (input, info, context) => {
  const gets = transactItems(input).map((entry) => {
    const action = readObject(entry, 'Get', I, true) as JsonObject;
    const table = transactTable(context, info, action);
    const expressions = new Expressions(action, ['ProjectionExpression']);
    const key = readKey(table, action);
    const projection = expressions.projection();
    expressions.done();
    return { table, id: table.keyString(key), projection };
  });
  const ids = new Set<string>();
  for (const get of gets) {
    const id = `${get.table.arn}\u0000${get.id}`;
    if (ids.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
    ids.add(id);
  }
  return {
    Responses: gets.map((get) => {
      const item = get.table.items.get(get.id);
      if (item === undefined) return {};
      return { Item: get.projection === undefined ? item : projectPaths(item, get.projection) };
    }),
  };
};
