/**
 * The state of the EventBridge mock: buses, their rules (one compiled rule set per bus, rebuilt
 * when a rule changes), targets, and the delivery queue with its retries and dead-letter queues.
 * Operations (operations/*.ts) read and change it; the service (service.ts) drives it from `drain()`.
 */
import { EventInputError } from '../../_internals/errors.js';
import {
  compileEventPattern,
  compileEventPatterns,
  matchesEventPattern,
  type CompiledEventPattern,
  type EventPatternSet,
} from '../../patterns/index.js';
import type { CompiledTemplate } from '../../pipes/index.js';
import { renderRuleTemplate } from '../../pipes/index.js';
import { compileAccessor, MISSING, type PathSegment } from '../../pipes/path.js';
import type { SqsMessageAttributes } from '../../events/sqs/index.js';
import type { Schedule } from './schedule.js';

/** An event as EventBridge delivers it to a target (the envelope of the one EventBridge mapper). */
export type EnvelopeEvent = { readonly id: string; readonly source: string; readonly 'detail-type': string } & Record<
  string,
  unknown
>;

/** A target's `RetryPolicy`. */
export interface RetryPolicy {
  /** 0–185. @defaultValue 185 */
  readonly maximumRetryAttempts: number;
  /** 60–86,400 seconds. @defaultValue 86,400 */
  readonly maximumEventAgeInSeconds: number;
}

/** A target as PutTargets stored it. */
export interface TargetState {
  readonly id: string;
  readonly arn: string;
  /** The target as given, echoed by ListTargetsByRule. */
  readonly wire: Record<string, unknown>;
  readonly input?: string;
  readonly inputPath?: readonly PathSegment[];
  readonly transformer?: CompiledTemplate;
  readonly retry: RetryPolicy;
  readonly deadLetterArn?: string;
  readonly messageGroupId?: string;
  readonly partitionKeyPath?: readonly PathSegment[];
}

/** A rule. */
export interface RuleState {
  readonly name: string;
  readonly arn: string;
  readonly busName: string;
  eventPattern?: string;
  compiled?: CompiledEventPattern;
  schedule?: Schedule;
  state: 'ENABLED' | 'DISABLED';
  description?: string;
  roleArn?: string;
  createdMs: number;
  /** The last scheduled occurrence fired (epoch ms). */
  firedMs: number;
  readonly targets: Map<string, TargetState>;
}

/** A bus. */
export interface BusState {
  readonly name: string;
  readonly arn: string;
  description?: string;
  readonly createdMs: number;
  readonly rules: Map<string, RuleState>;
  /** The compiled pattern rules; undefined when a rule changed since. */
  ruleSet?: EventPatternSet;
}

/** Why a delivery failed: `retryable` failures are retried under the RetryPolicy, the others go to the DLQ at once. */
export interface DeliveryFailure {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
}

/** The services of the mocks that targets live in. */
export interface EventBridgeSinks {
  /** SQS's internal send (`mocks.sqs.deliver`): false when no queue has the ARN. */
  sqs?: {
    deliver(
      queueArn: string,
      message: {
        body: string;
        messageAttributes: SqsMessageAttributes;
        groupId?: string | undefined;
        deduplicationId?: string | undefined;
        senderId: string;
      },
    ): boolean;
  };
  /** SNS's publish on behalf of a service: false when no standard topic has the ARN (FIFO topics are not targets yet). */
  sns?: { publishFromService(topicArn: string, message: string): boolean };
  /** Kinesis's test-side putRecord (stream ARN). */
  kinesis?: { putRecord(stream: string, data: string, partitionKey: string): unknown };
  /** Lambda's asynchronous invocation of a function by ARN: false when there is no such function. */
  lambda?: { invokeAsync(functionArn: string, event: unknown): boolean };
}

/** One delivery of one event to one target, and its attempts so far. */
export interface PendingDelivery {
  readonly rule: RuleState;
  readonly target: TargetState;
  readonly event: EnvelopeEvent;
  readonly ingestedMs: number;
  attempts: number;
  dueMs: number;
  readonly order: number;
}

/** A delivery that ended without reaching its target. */
export interface FailedDelivery {
  readonly ruleArn: string;
  readonly targetArn: string;
  readonly event: EnvelopeEvent;
  readonly errorCode: string;
  readonly errorMessage: string;
  /** Retries made before giving up. */
  readonly retryAttempts: number;
  /** `MaximumRetryAttempts`, `MaximumEventAgeInSeconds`, or undefined for a failure that is not retried. */
  readonly exhaustedRetryCondition?: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';
  /** Where the event went: the DLQ's ARN, or undefined when it was dropped (no DLQ, or the DLQ failed). */
  readonly deadLetterArn?: string;
}

/**
 * The delay before retry `n` (1-based): EventBridge documents "exponential back off and jitter";
 * the mock uses the jitter-free curve 1 s, 2 s, 4 s … capped at 3 minutes, so runs are deterministic.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 */
export function retryDelayMs(n: number): number {
  return Math.min(1000 * 2 ** (n - 1), 180_000);
}

const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/;

/** The parts of an ARN, or undefined. */
export function parseArn(
  arn: string,
): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const m = ARN.exec(arn);
  return m === null ? undefined : { partition: m[1]!, service: m[2]!, region: m[3]!, account: m[4]!, resource: m[5]! };
}

/** The state of one EventBridge mock. */
export class EventBridgeState {
  readonly buses = new Map<string, BusState>();
  #pending: PendingDelivery[] = [];
  #order = 0;
  readonly failed: FailedDelivery[] = [];
  /** Injected failures by target ARN (`mocks.eventBridge.failDeliveries`). */
  readonly injected = new Map<string, { remaining: number; code: string; message: string }>();

  constructor(
    readonly region: string,
    readonly account: string,
    readonly partition: string,
    private readonly nowMs: () => number,
    private readonly sinks: EventBridgeSinks,
    private readonly senderId: () => string,
  ) {
    this.reset();
  }

  /** Forgets everything but the default bus. */
  reset(): void {
    this.buses.clear();
    this.#pending = [];
    this.failed.length = 0;
    this.injected.clear();
    this.addBus('default', undefined);
  }

  /** `arn:<partition>:events:<region>:<account>:<resource>`. */
  arn(resource: string): string {
    return `arn:${this.partition}:events:${this.region}:${this.account}:${resource}`;
  }

  addBus(name: string, description: string | undefined): BusState {
    const bus: BusState = { name, arn: this.arn(`event-bus/${name}`), createdMs: this.nowMs(), rules: new Map() };
    if (description !== undefined) bus.description = description;
    this.buses.set(name, bus);
    return bus;
  }

  /** The rule names an event matches on a bus, through the bus's one compiled rule set. */
  matchingRules(bus: BusState, event: EnvelopeEvent): RuleState[] {
    if (bus.rules.size === 0) return [];
    if (bus.ruleSet === undefined) {
      const patterns = new Map<string, CompiledEventPattern>();
      for (const rule of bus.rules.values())
        if (rule.compiled !== undefined && rule.state === 'ENABLED') patterns.set(rule.name, rule.compiled);
      bus.ruleSet = compileEventPatterns(patterns);
    }
    return bus.ruleSet.match(event).map((name) => bus.rules.get(name) as RuleState);
  }

  /** Routes an event put on `busName` to the targets of every matching enabled rule. */
  route(busName: string, event: EnvelopeEvent): void {
    const bus = this.buses.get(busName);
    if (bus === undefined) return;
    for (const rule of this.matchingRules(bus, event)) this.enqueue(rule, event);
  }

  /** Queues a delivery of `event` to every target of `rule`, due now. */
  enqueue(rule: RuleState, event: EnvelopeEvent): void {
    const now = this.nowMs();
    for (const target of rule.targets.values()) {
      this.#pending.push({ rule, target, event, ingestedMs: now, attempts: 0, dueMs: now, order: this.#order++ });
    }
  }

  /** Whether a pattern subscription matches (a helper for the subscribe API). */
  static matches(compiled: CompiledEventPattern, event: EnvelopeEvent): boolean {
    return matchesEventPattern(compiled, event);
  }

  /** Compiles a pattern (AWS's errors as EventPatternError). */
  static compile(pattern: string | object): CompiledEventPattern {
    return compileEventPattern(pattern);
  }

  /** Delivers every due attempt; returns whether it did anything. */
  runDue(): boolean {
    const now = this.nowMs();
    const due = this.#pending.filter((p) => p.dueMs <= now).sort((a, b) => a.dueMs - b.dueMs || a.order - b.order);
    if (due.length === 0) return false;
    const set = new Set(due);
    this.#pending = this.#pending.filter((p) => !set.has(p));
    for (const delivery of due) this.attempt(delivery, now);
    return true;
  }

  nextDueMs(): number | undefined {
    let next: number | undefined;
    for (const p of this.#pending) if (next === undefined || p.dueMs < next) next = p.dueMs;
    return next;
  }

  /** Drops pending deliveries to the targets of a rule (RemoveTargets, DeleteRule). */
  dropPending(predicate: (p: PendingDelivery) => boolean): void {
    this.#pending = this.#pending.filter((p) => !predicate(p));
  }

  private attempt(delivery: PendingDelivery, now: number): void {
    const failure = this.deliver(delivery);
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
        this.#pending.push(delivery);
        return;
      }
      delivery.attempts--;
      this.deadLetter(delivery, failure, 'MaximumEventAgeInSeconds');
      return;
    }
    this.deadLetter(
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
  private deadLetter(
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
          this.sinks.sqs?.deliver(deadLetterArn, {
            body: JSON.stringify(event),
            messageAttributes: attributes,
            groupId: undefined,
            deduplicationId: undefined,
            senderId: this.senderId(),
          }) ?? false;
      } catch {
        sent = false;
      }
      if (!sent) deadLetterArn = undefined;
    }
    this.failed.push({
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

  /** What the target receives for an event, or undefined when AWS sends nothing. */
  body(rule: RuleState, target: TargetState, event: EnvelopeEvent): { body: string } | { dropped: string } {
    if (target.input !== undefined) return { body: target.input };
    if (target.inputPath !== undefined) {
      const value = compileAccessor(target.inputPath)(event);
      return value === MISSING
        ? { dropped: 'InputPath selects nothing in the event' }
        : { body: JSON.stringify(value) };
    }
    if (target.transformer !== undefined) {
      const result = renderRuleTemplate(target.transformer, event, {
        ruleArn: rule.arn,
        ruleName: rule.name,
        targetId: target.id,
        ingestionTime: new Date(this.nowMs()),
      });
      return result.delivered ? { body: result.body } : { dropped: result.reason };
    }
    return { body: JSON.stringify(event) };
  }

  /** One attempt; undefined on success. */
  private deliver(delivery: PendingDelivery): DeliveryFailure | undefined {
    const { rule, target, event } = delivery;
    const injected = this.injected.get(target.arn);
    if (injected !== undefined && injected.remaining > 0) {
      injected.remaining--;
      return { code: injected.code, message: injected.message, retryable: true };
    }
    const rendered = this.body(rule, target, event);
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
          const ok = this.sinks.sqs?.deliver(target.arn, {
            body: rendered.body,
            messageAttributes: {},
            groupId: target.messageGroupId,
            // FIFO targets: EventBridge's event id deduplicates a redelivered event.
            deduplicationId: target.arn.endsWith('.fifo') ? event.id : undefined,
            senderId: this.senderId(),
          });
          return ok === true ? undefined : notFound('Queue');
        }
        case 'sns':
          return this.sinks.sns?.publishFromService(target.arn, rendered.body) === true ? undefined : notFound('Topic');
        case 'kinesis': {
          if (this.sinks.kinesis === undefined) return notFound('Stream');
          let key = event.id;
          if (target.partitionKeyPath !== undefined) {
            const value = compileAccessor(target.partitionKeyPath)(event);
            key = value === MISSING ? event.id : typeof value === 'string' ? value : JSON.stringify(value);
          }
          this.sinks.kinesis.putRecord(target.arn, rendered.body, key);
          return undefined;
        }
        case 'events': {
          const name = arn.resource.startsWith('event-bus/') ? arn.resource.slice('event-bus/'.length) : undefined;
          if (name === undefined || !this.buses.has(name) || arn.account !== this.account) return notFound('Event bus');
          // A bus target receives the event itself (an input transformation does not apply to bus-to-bus routing).
          this.route(name, event);
          return undefined;
        }
        case 'lambda': {
          const ok = this.sinks.lambda?.invokeAsync(target.arn, JSON.parse(rendered.body));
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
}
