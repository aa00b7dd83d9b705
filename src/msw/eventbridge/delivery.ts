/**
 * Deliveries of the EventBridge mock to rule targets: one attempt per due delivery (an SQS queue,
 * an SNS topic, a Kinesis stream, another bus or a Lambda function of the mocks), the target's
 * input (constant, path or transformer), retries under its RetryPolicy, and its dead-letter queue.
 */
import { EventInputError } from '../../_internals/errors.js';
import type { SqsMessageAttributes } from '../../events/sqs/index.js';
import { renderRuleTemplate } from '../../pipes/index.js';
import { compileAccessor, MISSING } from '../../pipes/path.js';
import {
  parseArn,
  type DeliveryFailure,
  type EnvelopeEvent,
  type EventBridgeState,
  type FailedDelivery,
  type PendingDelivery,
  type RuleState,
  type TargetState,
} from './state.js';

/**
 * The delay before retry `n` (1-based): EventBridge documents "exponential back off and jitter";
 * the mock uses the jitter-free curve 1 s, 2 s, 4 s … capped at 3 minutes, so runs are deterministic.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 */
export function retryDelayMs(n: number): number {
  return Math.min(1000 * 2 ** (n - 1), 180_000);
}

/** One attempt: a retryable failure is queued again under the target's RetryPolicy, any other ends in the DLQ. */
function attempt(state: EventBridgeState, delivery: PendingDelivery, now: number): void {
  const failure = deliver(state, delivery);
  if (failure === undefined) return;
  const { retry } = delivery.target;
  const ageExceeded = now - delivery.ingestedMs >= retry.maximumEventAgeInSeconds * 1000;
  const retriesLeft = delivery.attempts < retry.maximumRetryAttempts;
  if (failure.retryable && retriesLeft && !ageExceeded) {
    delivery.attempts++;
    const dueMs = now + retryDelayMs(delivery.attempts);
    // No retry is scheduled past the event's maximum age: it would be discarded unattempted.
    if (dueMs - delivery.ingestedMs < retry.maximumEventAgeInSeconds * 1000) {
      delivery.dueMs = dueMs;
      state.requeue(delivery);
      return;
    }
    delivery.attempts--;
    deadLetter(state, delivery, failure, 'MaximumEventAgeInSeconds');
    return;
  }
  deadLetter(
    state,
    delivery,
    failure,
    failure.retryable ? (ageExceeded ? 'MaximumEventAgeInSeconds' : 'MaximumRetryAttempts') : undefined,
  );
}

/**
 * Sends an undeliverable event to the target's DLQ with the attributes EventBridge sets
 * (RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE, EXHAUSTED_RETRY_CONDITION, RETRY_ATTEMPTS).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
function deadLetter(
  state: EventBridgeState,
  delivery: PendingDelivery,
  failure: DeliveryFailure,
  condition: FailedDelivery['exhaustedRetryCondition'],
): void {
  const { rule, target, event } = delivery;
  let deadLetterArn = target.deadLetterArn;
  if (deadLetterArn !== undefined) {
    const attributes: SqsMessageAttributes = {};
    const put = (name: string, value: string): void => {
      attributes[name] = { stringValue: value, stringListValues: [], binaryListValues: [], dataType: 'String' };
    };
    put('RULE_ARN', rule.arn);
    put('TARGET_ARN', target.arn);
    put('ERROR_CODE', failure.code);
    put('ERROR_MESSAGE', failure.message);
    if (condition !== undefined) put('EXHAUSTED_RETRY_CONDITION', condition);
    put('RETRY_ATTEMPTS', String(delivery.attempts));
    let sent = false;
    try {
      sent =
        state.sinks.sqs?.deliver(deadLetterArn, {
          body: JSON.stringify(event),
          messageAttributes: attributes,
          groupId: undefined,
          deduplicationId: undefined,
          senderId: state.senderId(),
        }) ?? false;
    } catch {
      sent = false;
    }
    if (!sent) deadLetterArn = undefined;
  }
  state.failed.push({
    ruleArn: rule.arn,
    targetArn: target.arn,
    event,
    errorCode: failure.code,
    errorMessage: failure.message,
    retryAttempts: delivery.attempts,
    ...(condition === undefined ? {} : { exhaustedRetryCondition: condition }),
    ...(deadLetterArn === undefined ? {} : { deadLetterArn }),
  });
}

/** What the target receives for an event, or why AWS sends nothing. */
function body(
  state: EventBridgeState,
  rule: RuleState,
  target: TargetState,
  event: EnvelopeEvent,
): { body: string } | { dropped: string } {
  if (target.input !== undefined) return { body: target.input };
  if (target.inputPath !== undefined) {
    const value = compileAccessor(target.inputPath)(event);
    return value === MISSING ? { dropped: 'InputPath selects nothing in the event' } : { body: JSON.stringify(value) };
  }
  if (target.transformer !== undefined) {
    const result = renderRuleTemplate(target.transformer, event, {
      ruleArn: rule.arn,
      ruleName: rule.name,
      targetId: target.id,
      ingestionTime: new Date(state.nowMs()),
    });
    return result.delivered ? { body: result.body } : { dropped: result.reason };
  }
  return { body: JSON.stringify(event) };
}

/** One attempt; undefined on success. */
function deliver(state: EventBridgeState, delivery: PendingDelivery): DeliveryFailure | undefined {
  const { rule, target, event } = delivery;
  const injected = state.injected.get(target.arn);
  if (injected !== undefined && injected.remaining > 0) {
    injected.remaining--;
    return { code: injected.code, message: injected.message, retryable: true };
  }
  const rendered = body(state, rule, target, event);
  if ('dropped' in rendered) return undefined;
  const arn = parseArn(target.arn);
  const notFound = (what: string): DeliveryFailure => ({
    code: 'ResourceNotFoundException',
    message: `${what} ${target.arn} does not exist.`,
    retryable: false,
  });
  try {
    switch (arn?.service) {
      case 'sqs': {
        const ok = state.sinks.sqs?.deliver(target.arn, {
          body: rendered.body,
          messageAttributes: {},
          groupId: target.messageGroupId,
          // FIFO targets: EventBridge's event id deduplicates a redelivered event.
          deduplicationId: target.arn.endsWith('.fifo') ? event.id : undefined,
          senderId: state.senderId(),
        });
        return ok === true ? undefined : notFound('Queue');
      }
      case 'sns':
        return state.sinks.sns?.publishFromService(target.arn, rendered.body) === true ? undefined : notFound('Topic');
      case 'kinesis': {
        if (state.sinks.kinesis === undefined) return notFound('Stream');
        let key = event.id;
        if (target.partitionKeyPath !== undefined) {
          const value = compileAccessor(target.partitionKeyPath)(event);
          key = value === MISSING ? event.id : typeof value === 'string' ? value : JSON.stringify(value);
        }
        state.sinks.kinesis.putRecord(target.arn, rendered.body, key);
        return undefined;
      }
      case 'events': {
        const name = arn.resource.startsWith('event-bus/') ? arn.resource.slice('event-bus/'.length) : undefined;
        if (name === undefined || !state.buses.has(name) || arn.account !== state.account) return notFound('Event bus');
        // A bus target receives the event itself (an input transformation does not apply to bus-to-bus routing).
        state.route(name, event);
        return undefined;
      }
      case 'lambda': {
        const ok = state.sinks.lambda?.invokeAsync(target.arn, JSON.parse(rendered.body));
        return ok === true ? undefined : notFound('Function');
      }
      default:
        return { code: 'ValidationException', message: `Unsupported target ${target.arn}.`, retryable: false };
    }
  } catch (error) {
    if (error instanceof EventInputError && /not a \w+ of these mocks|does not exist/.test(error.message))
      return notFound('Resource');
    const message = error instanceof Error ? error.message : String(error);
    return {
      code:
        error instanceof Error && 'code' in error
          ? String((error as { code: unknown }).code)
          : 'InvalidParameterException',
      message,
      retryable: false,
    };
  }
}

/** Attempts every delivery due now; whether there was any. */
export function runDueDeliveries(state: EventBridgeState): boolean {
  const now = state.nowMs();
  const due = state.takeDue(now);
  if (due.length === 0) return false;
  for (const delivery of due) attempt(state, delivery, now);
  return true;
}
