/**
 * The state of the EventBridge mock: buses, their rules (one compiled rule set per bus, rebuilt
 * when a rule changes), targets, and the queue of deliveries to them (attempted by `delivery.ts`).
 * Operations (operations/*.ts) read and change it; the service (service.ts) drives it from `drain()`.
 */
import {
  compileEventPattern,
  compileEventPatterns,
  matchesEventPattern,
  type CompiledEventPattern,
  type EventPatternSet,
} from '../../patterns/index.js';
import type { CompiledTemplate } from '../../pipes/index.js';
import type { PathSegment } from '../../pipes/path.js';
import type { SqsService } from '../sqs/service.js';
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
  sqs?: Pick<SqsService, 'deliver'>;
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
    readonly nowMs: () => number,
    /** The services of the mocks that targets live in. */
    readonly sinks: EventBridgeSinks,
    /** The SenderId of the messages EventBridge sends to SQS. */
    readonly senderId: () => string,
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

  /** Takes the deliveries due at `now` off the queue, in due order (then queueing order). */
  takeDue(now: number): PendingDelivery[] {
    const due = this.#pending.filter((p) => p.dueMs <= now).sort((a, b) => a.dueMs - b.dueMs || a.order - b.order);
    if (due.length === 0) return due;
    const set = new Set(due);
    this.#pending = this.#pending.filter((p) => !set.has(p));
    return due;
  }

  /** Queues a delivery again, for its retry at `delivery.dueMs`. */
  requeue(delivery: PendingDelivery): void {
    this.#pending.push(delivery);
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
}
