/**
 * A running pipe: it polls its source through the source service's own poller (SQS queue,
 * Kinesis stream, DynamoDB stream, with the pipe's batch size, batching window and starting
 * position), filters the batch (`FilterCriteria`, Pipes' rules per source), calls the enrichment,
 * renders the target's `InputTemplate` as `transformPipeBatch` does, and delivers to the target.
 * A failed enrichment or target fails the batch, which the source retries as it retries a Lambda
 * batch (SQS: visibility timeout and redrive; streams: retries, bisection, record age).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html
 */
import { toPipesSourceBatch } from '../../events/pipes/sourceBatch.js';
import {
  compileFilterCriteria,
  type CompiledFilterCriteria,
  type DroppedRecord,
  type FilterCriteria,
} from '../../patterns/filters.js';
import { decodedView } from '../../pipes/decode.js';
import { compileAccessor, parsePath } from '../../pipes/path.js';
import {
  compilePipeTemplate,
  renderPipeTemplate,
  transformPipeBatch,
  type CompiledTemplate,
} from '../../pipes/index.js';

/** Pipe states as DescribePipe reports them. */
export type PipeState =
  | 'CREATING'
  | 'RUNNING'
  | 'STARTING'
  | 'STOPPING'
  | 'STOPPED'
  | 'UPDATING'
  | 'DELETING'
  | 'CREATE_FAILED'
  | 'START_FAILED'
  | 'STOP_FAILED'
  | 'UPDATE_FAILED';

/** The services a pipe reads from and writes to. */
export interface PipeSinks {
  sqs?: {
    subscribe(
      queue: string,
      handler: (event: { Records: unknown[] }) => unknown,
      options: Record<string, unknown>,
    ): { unsubscribe(): void };
    deliver(
      queueArn: string,
      message: {
        body: string;
        messageAttributes: Record<string, never>;
        groupId?: string | undefined;
        deduplicationId?: string | undefined;
        senderId: string;
      },
    ): boolean;
  };
  kinesis?: {
    subscribe(
      stream: string,
      handler: (event: { Records: unknown[] }) => unknown,
      options: Record<string, unknown>,
    ): { unsubscribe(): void };
    putRecord(stream: string, data: string, partitionKey: string): unknown;
  };
  dynamodb?: {
    subscribe(
      stream: string,
      handler: (event: { Records: unknown[] }) => unknown,
      options: Record<string, unknown>,
    ): { unsubscribe(): void };
  };
  sns?: { publishFromService(topicArn: string, message: string): boolean };
  /** PutEvents on a bus of the mocks (an envelope per record). */
  eventBridge?: {
    putEntry(
      busArn: string,
      entry: { source: string; detailType: string; detail: unknown; resources: string[] },
    ): boolean;
  };
  /** Lambda's synchronous invocation by ARN: undefined when there is no such function. */
  lambda?: {
    invokeSync(
      functionArn: string,
      event: unknown,
    ): Promise<{ ok: true; value: unknown } | { ok: false; error: string } | undefined>;
    invokeAsync(functionArn: string, event: unknown): boolean;
  };
}

/** A pipe's definition, as CreatePipe and UpdatePipe take it (wire names). */
export interface PipeDefinition {
  Source: string;
  Target: string;
  RoleArn: string;
  Description?: string;
  DesiredState?: 'RUNNING' | 'STOPPED';
  SourceParameters?: Record<string, unknown>;
  Enrichment?: string;
  EnrichmentParameters?: { InputTemplate?: string };
  TargetParameters?: Record<string, unknown>;
  Tags?: Record<string, string>;
}

/** What a pipe dropped with its filters, for assertions. */
export interface PipeFilteredRecord {
  readonly record: unknown;
  readonly reason: string;
}

/** One batch a pipe delivered (or failed to). */
export interface PipeExecution {
  readonly time: Date;
  /** The records polled (after filtering). */
  readonly records: readonly unknown[];
  /** What the target received: one entry per message/record/invocation. */
  readonly delivered: readonly string[];
  readonly outcome: 'success' | 'failure';
  readonly reason?: string;
}

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

/** The records of a rendered batch, or a throw that fails the batch. */
function batchValues(result: ReturnType<typeof transformPipeBatch>, what = 'InputTemplate'): unknown[] {
  if (!result.delivered) throw new Error(`${what}: ${result.reason}`);
  return result.records;
}

/** A pipe's state and runtime. */
export class PipeRuntime {
  definition: PipeDefinition;
  currentState: PipeState;
  stateReason?: string;
  readonly createdMs: number;
  modifiedMs: number;
  readonly filtered: PipeFilteredRecord[] = [];
  readonly executions: PipeExecution[] = [];
  #subscription: { unsubscribe(): void } | undefined;
  #filter: CompiledFilterCriteria | undefined;
  #enrichmentTemplate: CompiledTemplate | undefined;
  #targetTemplate: CompiledTemplate | undefined;
  /** The records of the batch being delivered (target parameters given as JSON paths read them). */
  #records: readonly unknown[] = [];

  constructor(
    readonly name: string,
    readonly arn: string,
    definition: PipeDefinition,
    private readonly sinks: PipeSinks,
    private readonly nowMs: () => number,
    private readonly senderId: string,
  ) {
    this.definition = definition;
    this.createdMs = nowMs();
    this.modifiedMs = this.createdMs;
    this.currentState = 'CREATING';
    this.compile();
  }

  /** The source kind from the source ARN. */
  get sourceKind(): 'sqs' | 'kinesis' | 'dynamodb' {
    const service = this.definition.Source.split(':')[2];
    return service === 'sqs' ? 'sqs' : service === 'kinesis' ? 'kinesis' : 'dynamodb';
  }

  /** Compiles the filters and templates (validated already by the operation). */
  compile(): void {
    const criteria = this.definition.SourceParameters?.['FilterCriteria'] as FilterCriteria | undefined;
    this.#filter =
      criteria === undefined
        ? undefined
        : compileFilterCriteria(criteria, { source: `pipes:${this.sourceKind}` as never });
    const enrichment = this.definition.EnrichmentParameters?.InputTemplate;
    this.#enrichmentTemplate = enrichment === undefined ? undefined : compilePipeTemplate(enrichment);
    const target = this.definition.TargetParameters?.['InputTemplate'];
    this.#targetTemplate = typeof target === 'string' ? compilePipeTemplate(target) : undefined;
  }

  /** Starts polling (RUNNING) or stops (STOPPED). */
  settle(desired: 'RUNNING' | 'STOPPED'): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    if (desired === 'STOPPED') {
      this.currentState = 'STOPPED';
      return;
    }
    try {
      this.#subscription = this.subscribe();
      this.currentState = 'RUNNING';
      delete this.stateReason;
    } catch (error) {
      this.currentState = 'START_FAILED';
      this.stateReason = error instanceof Error ? error.message : String(error);
    }
  }

  /** Stops polling for good. */
  dispose(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }

  private subscribe(): { unsubscribe(): void } {
    const source = this.definition.Source;
    const p = this.definition.SourceParameters ?? {};
    const handler = (event: { Records: unknown[] }): Promise<unknown> => this.run(event);
    // Pipes' defaults: batch size 10 (SQS) / 100 (streams); no batching window.
    if (this.sourceKind === 'sqs') {
      const sqs = (p['SqsQueueParameters'] ?? {}) as { BatchSize?: number; MaximumBatchingWindowInSeconds?: number };
      if (this.sinks.sqs === undefined) throw new Error('the mocks have no SQS');
      return this.sinks.sqs.subscribe(source, handler, {
        batchSize: sqs.BatchSize ?? 10,
        maximumBatchingWindowInSeconds: sqs.MaximumBatchingWindowInSeconds ?? 0,
        reportBatchItemFailures: true,
        functionName: `pipe-${this.name}`.slice(0, 64).replace(/[^\w-]/g, '_'),
      });
    }
    const stream = ((this.sourceKind === 'kinesis' ? p['KinesisStreamParameters'] : p['DynamoDBStreamParameters']) ??
      {}) as Record<string, unknown>;
    const options: Record<string, unknown> = {
      batchSize: (stream['BatchSize'] as number | undefined) ?? 100,
      startingPosition: stream['StartingPosition'] ?? 'LATEST',
      reportBatchItemFailures: true,
      functionName: `pipe-${this.name}`.slice(0, 64).replace(/[^\w-]/g, '_'),
    };
    if (stream['StartingPositionTimestamp'] !== undefined)
      options['startingPositionTimestamp'] = new Date((stream['StartingPositionTimestamp'] as number) * 1000);
    if (stream['MaximumRetryAttempts'] !== undefined) options['maximumRetryAttempts'] = stream['MaximumRetryAttempts'];
    if (stream['MaximumRecordAgeInSeconds'] !== undefined)
      options['maximumRecordAgeInSeconds'] = stream['MaximumRecordAgeInSeconds'];
    if (stream['BisectBatchOnFunctionError'] !== undefined)
      options['bisectBatchOnFunctionError'] = stream['BisectBatchOnFunctionError'];
    if (stream['MaximumBatchingWindowInSeconds'] !== undefined)
      options['maximumBatchingWindowInSeconds'] = stream['MaximumBatchingWindowInSeconds'];
    const sink = this.sourceKind === 'kinesis' ? this.sinks.kinesis : this.sinks.dynamodb;
    if (sink === undefined) throw new Error(`the mocks have no ${this.sourceKind}`);
    return sink.subscribe(source, handler, options);
  }

  /** One batch from the source: filter, enrich, transform, deliver. A throw fails the batch. */
  async run(event: { Records: unknown[] }): Promise<unknown> {
    const time = new Date(this.nowMs());
    let records: unknown[] = toPipesSourceBatch(event as never) as unknown[];
    if (this.#filter !== undefined) {
      const { kept, dropped } = this.#filter.filter(records);
      for (const d of dropped as DroppedRecord<unknown>[]) this.filtered.push({ record: d.record, reason: d.reason });
      records = kept;
    }
    if (records.length === 0) return { batchItemFailures: [] };
    const context = {
      pipeArn: this.arn,
      pipeName: this.name,
      sourceArn: this.definition.Source,
      enrichmentArn: this.definition.Enrichment ?? '',
      targetArn: this.definition.Target,
      ingestionTime: time,
    };
    const delivered: string[] = [];
    try {
      let batch: unknown[] = records;
      if (this.definition.Enrichment !== undefined) batch = await this.enrich(batch, context);
      if (batch.length === 0) return this.done(time, records, delivered);
      // Each record is rendered on its own, as Pipes does; one that cannot be rendered fails the batch.
      const bodies = batch.map((record, index) => {
        if (this.#targetTemplate === undefined) return typeof record === 'string' ? record : JSON.stringify(record);
        const rendered = renderPipeTemplate(this.#targetTemplate, record, context);
        if (!rendered.delivered) throw new Error(`InputTemplate, record ${index}: ${rendered.reason}`);
        return rendered.body;
      });
      const values =
        this.#targetTemplate === undefined
          ? batch
          : batchValues(transformPipeBatch(this.#targetTemplate, batch, context));
      this.#records = batch;
      const partial = await this.deliver(bodies, values, delivered);
      if (partial !== undefined) {
        // A Lambda target reported partial failure: the source retries only those records.
        this.executions.push({
          time,
          records,
          delivered,
          outcome: 'failure',
          reason: `partial batch failure: ${JSON.stringify(partial)}`,
        });
        return { batchItemFailures: partial };
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.executions.push({ time, records, delivered, outcome: 'failure', reason });
      throw error;
    }
    return this.done(time, records, delivered);
  }

  private done(time: Date, records: unknown[], delivered: string[]): unknown {
    this.executions.push({ time, records, delivered, outcome: 'success' });
    return { batchItemFailures: [] };
  }

  private async enrich(batch: unknown[], context: Record<string, unknown>): Promise<unknown[]> {
    let input: unknown = batch;
    if (this.#enrichmentTemplate !== undefined) {
      input = batchValues(
        transformPipeBatch(this.#enrichmentTemplate, batch, context),
        'EnrichmentParameters.InputTemplate',
      );
    }
    const outcome = await this.sinks.lambda?.invokeSync(this.definition.Enrichment as string, input);
    if (outcome === undefined) throw new Error(`enrichment ${this.definition.Enrichment} does not exist`);
    if (!outcome.ok) throw new Error(`enrichment failed: ${outcome.error}`);
    // The enrichment's output is the target's input: an array is the batch, anything else one record; null ends the batch.
    if (outcome.value === null || outcome.value === undefined) return [];
    return Array.isArray(outcome.value) ? outcome.value : [outcome.value];
  }

  /** `bodies`: one text per record (queue, topic, stream, bus targets); `values`: the JSON array a Lambda target receives. */
  private async deliver(bodies: string[], values: unknown[], delivered: string[]): Promise<unknown[] | undefined> {
    const target = this.definition.Target;
    const service = target.split(':')[2];
    const parameters = this.definition.TargetParameters ?? {};
    switch (service) {
      case 'sqs': {
        const group =
          (parameters['SqsQueueParameters'] as
            | { MessageGroupId?: string; MessageDeduplicationId?: string }
            | undefined) ?? {};
        for (const [index, body] of bodies.entries()) {
          const record = this.#records[index];
          const groupId = dynamic(group.MessageGroupId, record);
          const deduplicationId = dynamic(group.MessageDeduplicationId, record);
          if (
            this.sinks.sqs?.deliver(target, {
              body,
              messageAttributes: {},
              groupId,
              deduplicationId,
              senderId: this.senderId,
            }) !== true
          )
            throw new Error(`target queue ${target} does not exist`);
          delivered.push(body);
        }
        return undefined;
      }
      case 'sns':
        for (const body of bodies) {
          if (this.sinks.sns?.publishFromService(target, body) !== true)
            throw new Error(`target topic ${target} does not exist`);
          delivered.push(body);
        }
        return undefined;
      case 'kinesis': {
        const key =
          (parameters['KinesisStreamParameters'] as { PartitionKey?: string } | undefined)?.PartitionKey ?? '';
        for (const body of bodies) {
          this.sinks.kinesis?.putRecord(target, body, key);
          delivered.push(body);
        }
        return undefined;
      }
      case 'events': {
        const bus =
          (parameters['EventBridgeEventBusParameters'] as
            | { Source?: string; DetailType?: string; Resources?: string[] }
            | undefined) ?? {};
        bodies.forEach((body, i) => {
          let detail: unknown;
          try {
            detail = JSON.parse(body);
          } catch {
            detail = values[i];
          }
          // Pipes' defaults: source `Pipe <name>`, detail-type `Event from <source service>`.
          const ok = this.sinks.eventBridge?.putEntry(target, {
            source: bus.Source ?? `Pipe ${this.name}`,
            detailType:
              bus.DetailType ??
              `Event from ${this.sourceKind === 'sqs' ? 'aws:sqs' : this.sourceKind === 'kinesis' ? 'aws:kinesis' : 'aws:dynamodb'}`,
            detail,
            resources: bus.Resources ?? [],
          });
          if (ok !== true) throw new Error(`target event bus ${target} does not exist`);
          delivered.push(body);
        });
        return undefined;
      }
      case 'lambda': {
        const invocation =
          (parameters['LambdaFunctionParameters'] as { InvocationType?: string } | undefined)?.InvocationType ??
          'REQUEST_RESPONSE';
        const payload = values;
        if (invocation === 'FIRE_AND_FORGET') {
          if (this.sinks.lambda?.invokeAsync(target, payload) !== true)
            throw new Error(`target function ${target} does not exist`);
        } else {
          const outcome = await this.sinks.lambda?.invokeSync(target, payload);
          if (outcome === undefined) throw new Error(`target function ${target} does not exist`);
          if (!outcome.ok) throw new Error(`target function failed: ${outcome.error}`);
          delivered.push(JSON.stringify(payload));
          // `{ batchItemFailures: [{ itemIdentifier }] }` names the records to retry (Pipes' partial batch failure).
          const failures = (outcome.value as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
          return Array.isArray(failures) && failures.length > 0 ? failures : undefined;
        }
        delivered.push(JSON.stringify(payload));
        return undefined;
      }
      default:
        throw new Error(`unsupported target ${target}`);
    }
  }
}
