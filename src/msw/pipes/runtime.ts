/**
 * A running pipe: it polls its source through the source service's own poller (`sources.ts`),
 * filters the batch (`FilterCriteria`, Pipes' rules per source), calls the enrichment, renders
 * the target's `InputTemplate` as `transformPipeBatch` does, and delivers to the target
 * (`targets.ts`). A failed enrichment or target fails the batch, which the source retries as it
 * retries a Lambda batch (SQS: visibility timeout and redrive; streams: retries, bisection, record age).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html
 */
import { toPipesSourceBatch } from '../../events/pipes/sourceBatch.js';
import {
  compileFilterCriteria,
  type CompiledFilterCriteria,
  type DroppedRecord,
  type FilterCriteria,
} from '../../patterns/filters.js';
import {
  compilePipeTemplate,
  renderPipeTemplate,
  transformPipeBatch,
  type CompiledTemplate,
} from '../../pipes/index.js';
import { sourceKindOf, subscribeSource, type PipeSourceKind } from './sources.js';
import type { PipeSinks } from './state.js';
import { deliverToTarget } from './targets.js';

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
  get sourceKind(): PipeSourceKind {
    return sourceKindOf(this.definition.Source);
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
      this.#subscription = subscribeSource(this.sinks, this.name, this.definition, (event) => this.run(event));
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
      const { bodies, values } = this.render(batch, context);
      const partial = await deliverToTarget({
        sinks: this.sinks,
        pipeName: this.name,
        definition: this.definition,
        sourceKind: this.sourceKind,
        senderId: this.senderId,
        records: batch,
        bodies,
        values,
        delivered,
      });
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

  /**
   * The batch rendered for the target: one body per record (each rendered on its own, as Pipes
   * does; one that cannot be rendered fails the batch) and the batch's values (a Lambda target's
   * JSON array).
   */
  private render(batch: unknown[], context: Record<string, unknown>): { bodies: string[]; values: unknown[] } {
    const template = this.#targetTemplate;
    const bodies = batch.map((record, index) => {
      if (template === undefined) return typeof record === 'string' ? record : JSON.stringify(record);
      const rendered = renderPipeTemplate(template, record, context);
      if (!rendered.delivered) throw new Error(`InputTemplate, record ${index}: ${rendered.reason}`);
      return rendered.body;
    });
    const values = template === undefined ? batch : batchValues(transformPipeBatch(template, batch, context));
    return { bodies, values };
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
}
