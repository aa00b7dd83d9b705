import {
  array,
  bigInt,
  constant,
  constantFrom,
  integer,
  nat,
  oneof,
  string,
  stringMatching,
  tuple,
  type Arbitrary,
} from 'fast-check';
import { assertAccount } from '../src/_internals/aws.js';
import { lambdaLogStreamName } from '../src/events/cloudwatch-logs/ids.js';
import {
  toCloudWatchLogsControlMessage,
  toCloudWatchLogsDataMessage,
  toCloudWatchLogsEvent,
} from '../src/events/cloudwatch-logs/mapper.js';
import type { CloudWatchLogsEvent, CloudWatchLogsPolicyLevel } from '../src/events/cloudwatch-logs/types.js';
import {
  assertLogGroup,
  assertLogStream,
  LOG_GROUP_PATTERN,
  MAX_FUTURE_MS,
  MAX_LOG_EVENTS,
  MAX_PAST_MS,
} from '../src/events/cloudwatch-logs/validate.js';
import { awsAccountId } from './awsAccountId.js';
import { fakerValue, type FakerInstance } from './_internals/faker.js';
import { assertCountRange, check, pinned, type Pin } from './_internals/pin.js';

/** Constraints of {@link cloudWatchLogsEvent}. */
export interface CloudWatchLogsEventConstraints {
  /**
   * The fewest log events in a delivery (at least 1).
   * @defaultValue `1`
   */
  minEvents?: number;
  /**
   * The most log events in a delivery (at most 10,000).
   * @defaultValue `10`
   */
  maxEvents?: number;
  /**
   * An arbitrary of log messages (non-empty strings).
   * @defaultValue realistic Lambda lines (START / END / REPORT, runtime console lines, JSON
   * structured logs, error stack traces) mixed with any non-empty Unicode string
   */
  message?: Arbitrary<string>;
  /**
   * The log group, or an arbitrary of log groups.
   * @defaultValue `/aws/lambda/<function>` mostly, other services' groups sometimes
   */
  logGroup?: Pin<string>;
  /**
   * The log stream, or an arbitrary of log streams.
   * @defaultValue Lambda style `YYYY/MM/DD/[$LATEST]<32 hex>` dated by the first event
   */
  logStream?: Pin<string>;
  /**
   * The owner account, or an arbitrary of accounts.
   * @defaultValue `awsAccountId()`
   */
  account?: Pin<string>;
  /**
   * `policyLevel`, or an arbitrary of it (`undefined` leaves the field out).
   * @defaultValue mostly absent, `"ACCOUNT_LEVEL_POLICY"` sometimes
   */
  policyLevel?: Pin<CloudWatchLogsPolicyLevel | undefined>;
  /**
   * Whether `CONTROL_MESSAGE` deliveries come now and then. They reach Kinesis and Firehose
   * destinations, not Lambda subscriptions, hence off by default.
   * @defaultValue `false`
   */
  controlMessages?: boolean;
}

/** A log line as a function of its event's ISO time, so runtime prefixes match the timestamp. */
type Line = (iso: string) => string;

function requestLines(f: FakerInstance): Line {
  const id = f.string.uuid();
  const memory = f.helpers.arrayElement([128, 256, 512, 1024, 1769, 3008, 10240]);
  const duration = f.number.float({ min: 0.5, max: 30_000, fractionDigits: 2 });
  const init = f.datatype.boolean()
    ? `Init Duration: ${f.number.float({ min: 50, max: 2000, fractionDigits: 2 }).toFixed(2)} ms\t`
    : '';
  const trace = `1-${f.string.hexadecimal({ length: 8, casing: 'lower', prefix: '' })}-${f.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' })}`;
  const xray = f.datatype.boolean()
    ? `\nXRAY TraceId: ${trace}\tSegmentId: ${f.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' })}\tSampled: true\t`
    : '';
  const level = f.helpers.arrayElement(['INFO', 'WARN', 'ERROR', 'DEBUG']);
  const text = f.hacker.phrase();
  const service = f.word.noun();
  const error = f.helpers.arrayElement([
    'TypeError',
    'ReferenceError',
    'ValidationError',
    'ConditionalCheckFailedException',
  ]);
  const file = `/var/task/${f.system.commonFileName('js')}`;
  const frames = Array.from(
    { length: f.number.int({ min: 1, max: 6 }) },
    () =>
      `    at ${f.word.verb()}${f.word.noun()} (${file}:${f.number.int({ min: 1, max: 400 })}:${f.number.int({ min: 1, max: 80 })})`,
  );
  return f.helpers.arrayElement<Line>([
    () => `START RequestId: ${id} Version: $LATEST\n`,
    () => `END RequestId: ${id}\n`,
    () =>
      `REPORT RequestId: ${id}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: ${memory} MB\tMax Memory Used: ${Math.min(memory, 30 + (Math.floor(duration) % memory))} MB\t${init}${xray}\n`,
    (iso) => `${iso}\t${id}\t${level}\t${text}\n`,
    (iso) => `${JSON.stringify({ level, message: text, service, timestamp: iso, xray_trace_id: trace })}\n`,
    (iso) =>
      `${iso}\t${id}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: error, errorMessage: text, stack: [`${error}: ${text}`, ...frames] })}\n`,
  ]);
}

// @__NO_SIDE_EFFECTS__
function lineArbitrary(message: Arbitrary<string> | undefined): Arbitrary<Line> {
  if (message !== undefined)
    return message.map(
      (text): Line =>
        () =>
          text,
    );
  return oneof(
    { arbitrary: fakerValue(requestLines), weight: 6 },
    {
      arbitrary: string({ unit: 'binary', minLength: 1 }).map(
        (text): Line =>
          () =>
            text,
      ),
      weight: 1,
    },
  );
}

// @__NO_SIDE_EFFECTS__
function logGroupArbitrary(): Arbitrary<string> {
  return oneof(
    {
      arbitrary: fakerValue((f) =>
        `/aws/lambda/${f.word.adjective()}-${f.word.noun()}`.replace(/[^.\-_/#A-Za-z0-9]/g, ''),
      ),
      weight: 4,
    },
    {
      arbitrary: constantFrom(
        '/ecs/orders-service',
        'API-Gateway-Execution-Logs_a1b2c3d4e5/prod',
        '/aws/vendedlogs/states/MyStateMachine-Logs',
        'RDSOSMetrics',
      ),
      weight: 1,
    },
    { arbitrary: stringMatching(LOG_GROUP_PATTERN), weight: 1 },
  );
}

/**
 * CloudWatch Logs subscription deliveries as a Lambda subscription receives them:
 * `awslogs.data` = base64(gzip(JSON)), events sorted by time, 56-digit ids encoding each
 * timestamp, a shared later ingestion time and an in-batch counter, built by the kit's one
 * CloudWatch Logs mapper.
 * @example cloudWatchLogsEvent({ maxEvents: 3, logGroup: '/aws/lambda/orders' })
 */
// @__NO_SIDE_EFFECTS__
export function cloudWatchLogsEvent(constraints: CloudWatchLogsEventConstraints = {}): Arbitrary<CloudWatchLogsEvent> {
  const name = 'cloudWatchLogsEvent';
  const minEvents = constraints.minEvents ?? 1;
  const maxEvents = constraints.maxEvents ?? Math.max(10, minEvents);
  assertCountRange(name, 'minEvents', minEvents, 'maxEvents', maxEvents, 1, MAX_LOG_EVENTS);
  // How long before ingestion each event was logged: mostly seconds, sometimes up to 14 days, sometimes up to 2 h in the future.
  const offset = oneof(
    { arbitrary: nat(60_000), weight: 8 },
    { arbitrary: nat(MAX_PAST_MS), weight: 1 },
    { arbitrary: integer({ min: -MAX_FUTURE_MS, max: 0 }), weight: 1 },
  );
  const data = tuple(
    pinned(name, 'account', constraints.account, awsAccountId(), check(assertAccount)),
    pinned(name, 'logGroup', constraints.logGroup, logGroupArbitrary(), check(assertLogGroup)),
    pinned(name, 'logStream', constraints.logStream, constant(undefined as string | undefined), check(assertLogStream)),
    fakerValue(
      (f) =>
        `${f.helpers.arrayElement(['', '', '', 'MyFunction'])}[${f.helpers.arrayElement(['$LATEST', '$LATEST', '7'])}]${f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' })}`,
    ),
    fakerValue(
      (f) => f.helpers.arrayElement(['LambdaStream_', 'cwl-to-lambda-', 'Subscription-']) + f.string.alphanumeric(12),
    ),
    pinned<CloudWatchLogsPolicyLevel | undefined>(
      name,
      'policyLevel',
      constraints.policyLevel,
      oneof(
        { arbitrary: constant(undefined), weight: 4 },
        { arbitrary: constant('ACCOUNT_LEVEL_POLICY' as const), weight: 1 },
      ),
    ),
    integer({ min: 978_307_200_000, max: 4_000_000_000_000 }),
    bigInt(0n, (1n << 64n) - 1n),
    array(tuple(offset, lineArbitrary(constraints.message)), { minLength: minEvents, maxLength: maxEvents }),
  ).map(([owner, logGroup, logStream, streamSuffix, filter, policyLevel, ingestionTime, batchToken, lines]) => {
    const logEvents = lines.map(([back, line]) => {
      const timestamp = Math.max(0, ingestionTime - back);
      return { timestamp, message: line(new Date(timestamp).toISOString()) };
    });
    logEvents.sort((a, b) => a.timestamp - b.timestamp);
    const first = new Date(logEvents[0]!.timestamp);
    const stream = logStream ?? lambdaLogStreamName(first, streamSuffix);
    return toCloudWatchLogsEvent(
      toCloudWatchLogsDataMessage(
        {
          owner,
          logGroup,
          logStream: stream,
          subscriptionFilters: [filter],
          logEvents,
          ingestionTime,
          batchToken,
          policyLevel,
        },
        name,
      ),
      name,
    );
  });
  if (constraints.controlMessages !== true) return data;
  const control = integer({ min: 978_307_200_000, max: 4_000_000_000_000 }).map((timestamp) =>
    toCloudWatchLogsEvent(toCloudWatchLogsControlMessage(timestamp, name), name),
  );
  return oneof({ arbitrary: data, weight: 9 }, { arbitrary: control, weight: 1 });
}
