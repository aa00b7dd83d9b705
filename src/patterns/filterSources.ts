/**
 * The event sources of Lambda event-source-mapping filters and EventBridge Pipes filters: what a
 * record's data field is called, how it is decoded before matching, what happens when the record's
 * data and the pattern disagree on JSON, and which fields the poller adds only after filtering.
 * Source names are the kit's Pipes source names (one list), plus the short forms `mq` and `kafka`.
 */
import { PIPE_SOURCES, type PipeSource } from '../pipes/sources.js';

/** A kit source name that can carry filters (EventBridge buses are not filter sources). */
export type FilterSourceName = Exclude<PipeSource, 'eventbridge' | 's3-eventbridge'>;

/** Short forms: `mq` reads like `activemq`/`rabbitmq`, `kafka` like `msk`/`self-managed-kafka`. */
export type FilterSourceAlias = 'mq' | 'kafka';

/**
 * The source of a filtered record: a Lambda event source mapping (`'sqs'`, `'kinesis'` …) or,
 * prefixed with `pipes:`, an EventBridge pipe reading that source (`'pipes:sqs'`).
 */
export type FilterSource = FilterSourceName | FilterSourceAlias | `pipes:${FilterSourceName | FilterSourceAlias}`;

/** The five data-format families of AWS's filtering documentation. */
type FilterFamily = 'sqs' | 'kinesis' | 'dynamodb' | 'mq' | 'kafka';

const NOT_FILTER_SOURCES: ReadonlySet<PipeSource> = new Set(['eventbridge', 's3-eventbridge']);

/** Every kit source name that filters apply to, in the order of {@link PIPE_SOURCES}. */
export const FILTER_SOURCE_NAMES: readonly FilterSourceName[] = PIPE_SOURCES.filter(
  (s): s is FilterSourceName => !NOT_FILTER_SOURCES.has(s),
);

/** Every accepted `source` value: the kit's names, the short forms, and all of them with `pipes:`. */
export const FILTER_SOURCES: readonly FilterSource[] = (() => {
  const base: (FilterSourceName | FilterSourceAlias)[] = [...FILTER_SOURCE_NAMES, 'mq', 'kafka'];
  return [...base, ...base.map((s) => `pipes:${s}` as const)];
})();

const FAMILY: Readonly<Record<FilterSourceName | FilterSourceAlias, FilterFamily>> = {
  sqs: 'sqs',
  'sqs-fifo': 'sqs',
  kinesis: 'kinesis',
  dynamodb: 'dynamodb',
  activemq: 'mq',
  rabbitmq: 'mq',
  mq: 'mq',
  msk: 'kafka',
  'self-managed-kafka': 'kafka',
  kafka: 'kafka',
};

/** How a family's records are read before matching. */
interface FilterFamilyRules {
  /** Top-level record fields that hold the payload. */
  readonly dataKeys: readonly string[];
  /** `text`: the field is the payload text (SQS body); `base64`: bytes to decode as UTF-8; `object`: already JSON (DynamoDB). */
  readonly encoding: 'text' | 'base64' | 'object';
  /**
   * What a pattern on the data field does when the record's data is not JSON but the pattern
   * expects JSON: `drop` (SQS, Kinesis: the record is discarded) or `metadata-only` (MQ, Kafka: the
   * data part of the pattern is ignored, the rest still filters).
   */
  readonly mismatch: 'drop' | 'metadata-only';
  /** Whether a plain (array) pattern on the data field is accepted at create time. */
  readonly plainPatternAllowed: boolean;
  /** Fields the poller adds to each record only after filtering: a pattern never sees them. */
  readonly addedAfterFiltering: readonly string[];
}

// AWS: "Properly filtering Amazon SQS messages", "… Kinesis and DynamoDB messages", "… Amazon MSK,
// self-managed Apache Kafka, and Amazon MQ messages". Fields added after filtering: the pollers
// attach eventSource/eventSourceARN/awsRegion (and Kinesis' eventVersion/eventID/eventName/
// invokeIdentityArn) to the records they deliver, after the filter has run.
const RULES: Readonly<Record<FilterFamily, FilterFamilyRules>> = {
  sqs: {
    dataKeys: ['body'],
    encoding: 'text',
    mismatch: 'drop',
    plainPatternAllowed: true,
    addedAfterFiltering: ['eventSource', 'eventSourceARN', 'awsRegion'],
  },
  kinesis: {
    dataKeys: ['data'],
    encoding: 'base64',
    mismatch: 'drop',
    plainPatternAllowed: false,
    addedAfterFiltering: [
      'eventSource',
      'eventSourceARN',
      'awsRegion',
      'eventVersion',
      'eventID',
      'eventName',
      'invokeIdentityArn',
    ],
  },
  // DynamoDB's own stream record carries eventID and eventName (AWS's example filters on eventName).
  dynamodb: {
    dataKeys: ['dynamodb'],
    encoding: 'object',
    mismatch: 'drop',
    plainPatternAllowed: false,
    addedAfterFiltering: ['eventSource', 'eventSourceARN', 'awsRegion', 'eventVersion'],
  },
  mq: {
    dataKeys: ['data'],
    encoding: 'base64',
    mismatch: 'metadata-only',
    plainPatternAllowed: true,
    addedAfterFiltering: ['eventSource', 'eventSourceArn'],
  },
  kafka: {
    dataKeys: ['key', 'value'],
    encoding: 'base64',
    mismatch: 'metadata-only',
    plainPatternAllowed: true,
    addedAfterFiltering: ['eventSource', 'eventSourceArn', 'bootstrapServers'],
  },
};

/**
 * The fields that EventBridge Pipes documents as unusable in filter patterns, because the poller
 * adds them after filtering.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-filtering.html
 */
export const PIPES_POLLER_FIELDS: readonly string[] = [
  'awsRegion',
  'eventSource',
  'eventSourceARN',
  'eventVersion',
  'eventID',
  'eventName',
  'invokeIdentityArn',
  'eventSourceKey',
];

/** A parsed `source` option. */
export interface ResolvedFilterSource {
  /** The value as given. */
  readonly source: FilterSource;
  /** Whether the filter belongs to a pipe (`pipes:` prefix). */
  readonly pipes: boolean;
  /** The kit source name (short forms resolved to the family's first name: `mq` → `activemq`, `kafka` → `msk`). */
  readonly name: FilterSourceName;
  /** The data-format family of AWS's filtering documentation. */
  readonly family: FilterFamily;
  /** How the family's records are read. */
  readonly rules: FilterFamilyRules;
  /** Fields removed before matching (the family's, plus `eventSourceKey` for pipes). */
  readonly addedAfterFiltering: readonly string[];
}

const ALIAS_NAME: Readonly<Record<FilterSourceAlias, FilterSourceName>> = { mq: 'activemq', kafka: 'msk' };

/** Whether `value` is an accepted `source` option. */
export function isFilterSource(value: unknown): value is FilterSource {
  return typeof value === 'string' && (FILTER_SOURCES as readonly string[]).includes(value);
}

/** Reads a `source` option; a `TypeError` prefixed with `api` lists the accepted names. */
export function resolveFilterSource(api: string, value: unknown, argument = 'options.source'): ResolvedFilterSource {
  if (!isFilterSource(value)) {
    const got = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'nothing' : String(value);
    throw new TypeError(
      `${api}: ${argument} must name the event source, one of ${FILTER_SOURCES.filter((s) => !s.startsWith('pipes:')).join(', ')} (or the same prefixed with "pipes:" for a pipe), got ${got}`,
    );
  }
  const pipes = value.startsWith('pipes:');
  const bare = (pipes ? value.slice('pipes:'.length) : value) as FilterSourceName | FilterSourceAlias;
  const family = FAMILY[bare];
  const rules = RULES[family];
  const name = bare === 'mq' || bare === 'kafka' ? ALIAS_NAME[bare] : bare;
  const addedAfterFiltering = pipes ? [...rules.addedAfterFiltering, 'eventSourceKey'] : rules.addedAfterFiltering;
  return { source: value, pipes, name, family, rules, addedAfterFiltering };
}
