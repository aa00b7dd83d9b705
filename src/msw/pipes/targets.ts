/**
 * A pipe's target: one delivery per target service of the mocks (SQS queue, SNS topic, Kinesis
 * stream, event bus, Lambda function), with the target parameters Pipes reads (FIFO group and
 * deduplication ids, partition key, the bus entry's source and detail type, the Lambda invocation
 * type). A target that does not exist, or a Lambda target that fails, fails the batch (a throw).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html
 */
import { decodedView } from '../../pipes/decode.js';
import { compileAccessor, parsePath } from '../../pipes/path.js';
import type { PipeDefinition } from './runtime.js';
import type { PipeSourceKind } from './sources.js';
import type { PipeSinks } from './state.js';

/** One batch's delivery to the pipe's target. */
interface TargetDelivery {
  readonly sinks: PipeSinks;
  readonly pipeName: string;
  readonly definition: PipeDefinition;
  readonly sourceKind: PipeSourceKind;
  /** The SenderId of messages sent to SQS targets. */
  readonly senderId: string;
  /** The batch's records, one per body (target parameters given as JSON paths read them). */
  readonly records: readonly unknown[];
  /** One text per record: what queue, topic, stream and bus targets receive. */
  readonly bodies: readonly string[];
  /** The JSON array a Lambda target receives. */
  readonly values: readonly unknown[];
  /** What the target received so far (appended to as it is sent). */
  readonly delivered: string[];
}

/** Delivers one batch; a Lambda target's partial batch failures (the records to retry), else undefined. */
type Target = (delivery: TargetDelivery) => Promise<unknown[] | undefined> | undefined;

/**
 * A target parameter that may be a JSON path (`$.messageId`): Pipes reads dynamic parameters
 * from each record; a path that selects nothing (or no string or number) fails the batch.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html#pipes-targets-dynamic-parms
 */
function dynamic(value: string | undefined, record: unknown): string | undefined {
  if (value === undefined || !value.startsWith('$.')) return value;
  const parsed = parsePath(value);
  if (!parsed.ok) throw new Error(`target parameter ${value} is not a valid JSON path`);
  const selected = compileAccessor(parsed.segments)(decodedView(record));
  if (typeof selected === 'string') return selected;
  if (typeof selected === 'number') return String(selected);
  throw new Error(`target parameter ${value} selects no string in the record`);
}

/** The target parameters' member `member` (a structure, or `{}`). */
function parametersOf<T>(definition: PipeDefinition, member: string): T {
  return ((definition.TargetParameters ?? {})[member] as T | undefined) ?? ({} as T);
}

/** An SQS queue: one message per record, FIFO ids read per record. */
const toQueue: Target = (d) => {
  const target = d.definition.Target;
  const group = parametersOf<{ MessageGroupId?: string; MessageDeduplicationId?: string }>(
    d.definition,
    'SqsQueueParameters',
  );
  for (const [index, body] of d.bodies.entries()) {
    const record = d.records[index];
    const groupId = dynamic(group.MessageGroupId, record);
    const deduplicationId = dynamic(group.MessageDeduplicationId, record);
    if (
      d.sinks.sqs?.deliver(target, { body, messageAttributes: {}, groupId, deduplicationId, senderId: d.senderId }) !==
      true
    )
      throw new Error(`target queue ${target} does not exist`);
    d.delivered.push(body);
  }
  return undefined;
};

/** An SNS topic: one message per record. */
const toTopic: Target = (d) => {
  for (const body of d.bodies) {
    if (d.sinks.sns?.publishFromService(d.definition.Target, body) !== true)
      throw new Error(`target topic ${d.definition.Target} does not exist`);
    d.delivered.push(body);
  }
  return undefined;
};

/** A Kinesis stream: one record per record, under the `PartitionKey` parameter. */
const toStream: Target = (d) => {
  const key = parametersOf<{ PartitionKey?: string }>(d.definition, 'KinesisStreamParameters').PartitionKey ?? '';
  for (const body of d.bodies) {
    d.sinks.kinesis?.putRecord(d.definition.Target, body, key);
    d.delivered.push(body);
  }
  return undefined;
};

/** An event bus: one entry per record (a body that is no JSON goes as its value). */
const toBus: Target = (d) => {
  const target = d.definition.Target;
  const bus = parametersOf<{ Source?: string; DetailType?: string; Resources?: string[] }>(
    d.definition,
    'EventBridgeEventBusParameters',
  );
  d.bodies.forEach((body, i) => {
    let detail: unknown;
    try {
      detail = JSON.parse(body);
    } catch {
      detail = d.values[i];
    }
    // Pipes' defaults: source `Pipe <name>`, detail-type `Event from <source service>`.
    const ok = d.sinks.eventBridge?.putEntry(target, {
      source: bus.Source ?? `Pipe ${d.pipeName}`,
      detailType: bus.DetailType ?? `Event from aws:${d.sourceKind}`,
      detail,
      resources: bus.Resources ?? [],
    });
    if (ok !== true) throw new Error(`target event bus ${target} does not exist`);
    d.delivered.push(body);
  });
  return undefined;
};

/** A Lambda function: the batch as one JSON array, invoked synchronously unless `FIRE_AND_FORGET`. */
const toFunction: Target = async (d) => {
  const target = d.definition.Target;
  const invocation =
    parametersOf<{ InvocationType?: string }>(d.definition, 'LambdaFunctionParameters').InvocationType ??
    'REQUEST_RESPONSE';
  const payload = d.values;
  if (invocation === 'FIRE_AND_FORGET') {
    if (d.sinks.lambda?.invokeAsync(target, payload) !== true)
      throw new Error(`target function ${target} does not exist`);
    d.delivered.push(JSON.stringify(payload));
    return undefined;
  }
  const outcome = await d.sinks.lambda?.invokeSync(target, payload);
  if (outcome === undefined) throw new Error(`target function ${target} does not exist`);
  if (!outcome.ok) throw new Error(`target function failed: ${outcome.error}`);
  d.delivered.push(JSON.stringify(payload));
  // `{ batchItemFailures: [{ itemIdentifier }] }` names the records to retry (Pipes' partial batch failure).
  const failures = (outcome.value as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  return Array.isArray(failures) && failures.length > 0 ? failures : undefined;
};

/** The targets by the ARN's service. */
const TARGETS: ReadonlyMap<string, Target> = new Map([
  ['sqs', toQueue],
  ['sns', toTopic],
  ['kinesis', toStream],
  ['events', toBus],
  ['lambda', toFunction],
]);

/** Delivers a batch to the pipe's target: the records to retry (a Lambda target's partial failure), else undefined. */
export async function deliverToTarget(delivery: TargetDelivery): Promise<unknown[] | undefined> {
  const target = TARGETS.get(delivery.definition.Target.split(':')[2] as string);
  if (target === undefined) throw new Error(`unsupported target ${delivery.definition.Target}`);
  return target(delivery);
}
