import {
  constant,
  constantFrom,
  date,
  integer,
  nat,
  oneof,
  option,
  array,
  stringMatching,
  tuple,
  string,
  type Arbitrary,
} from 'fast-check';
import type { EventBridgeEvent } from 'aws-lambda';
import { arn, assertAccount, assertRegion, partitionOfRegion } from '../src/_internals/aws.js';
import type { JsonValue } from '../src/_internals/json.js';
import { formatEventBridgeId, toEventBridgeEvent } from '../src/events/eventbridge/envelope.js';
import { eventsRuleArn } from '../src/events/eventbridge/scheduled.js';
import { uint32Hex } from '../src/_internals/random.js';
import {
  assertDetailObject,
  assertDetailType,
  assertEntrySize,
  assertSource,
  MAX_DETAIL_TYPE_LENGTH,
  RULE_NAME_PATTERN,
} from '../src/events/eventbridge/validate.js';
import { fakerValue } from './_internals/faker.js';
import { isArbitrary, pinned } from './_internals/pin.js';
import { awsAccountId } from './awsAccountId.js';
import { awsRegion } from './awsRegion.js';
import { jsonPayload } from './jsonPayload.js';

const API = 'eventBridgeEvent';

/** Constraints of {@link eventBridgeEvent}. Each field pins a part to a value or to an arbitrary. */
export interface EventBridgeEventConstraints<
  TDetailType extends string = string,
  TDetail extends object = { [key: string]: JsonValue },
> {
  /**
   * `source` (1 to 256 characters).
   * @defaultValue reverse-DNS custom sources, `aws.*` service sources, and hard cases (256 characters, punctuation)
   */
  source?: string | Arbitrary<string>;
  /**
   * `detail-type` (1 to 128 characters).
   * @defaultValue human names such as `"Order Placed"`, plus hard cases (128 characters, emoji, quotes)
   */
  detailType?: TDetailType | Arbitrary<TDetailType>;
  /**
   * `detail`: a JSON object.
   * @defaultValue `jsonPayload({ root: 'object' })` (faker text and hard cases)
   */
  detail?: TDetail | Arbitrary<TDetail>;
  /**
   * `region`.
   * @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })`
   */
  region?: string | Arbitrary<string>;
  /**
   * `account`.
   * @defaultValue `awsAccountId()`
   */
  account?: string | Arbitrary<string>;
  /**
   * `resources`.
   * @defaultValue 0 to 3 ARNs (EC2 instances, EventBridge rules, Lambda functions, DynamoDB tables) in the event's partition, region and account
   */
  resources?: readonly string[] | Arbitrary<readonly string[]>;
  /**
   * Whether events carry `replay-name` (sent again by an archive replay).
   * @defaultValue `'sometimes'`
   */
  replay?: 'never' | 'sometimes' | 'always';
}

const AWS_SOURCES = [
  'aws.ec2',
  'aws.s3',
  'aws.rds',
  'aws.ecs',
  'aws.codepipeline',
  'aws.health',
  'aws.autoscaling',
  'aws.guardduty',
  'aws.states',
  'aws.events',
];
const VERBS = [
  'Created',
  'Updated',
  'Deleted',
  'Placed',
  'Shipped',
  'Cancelled',
  'State-change Notification',
  'Completed',
  'Failed',
];

// @__NO_SIDE_EFFECTS__
function defaultSource(): Arbitrary<string> {
  return oneof(
    {
      arbitrary: fakerValue((f) =>
        `com.${f.internet.domainWord()}.${f.commerce.department()}`
          .toLowerCase()
          .replace(/[^a-z0-9.-]/g, '-')
          .slice(0, 256),
      ),
      weight: 4,
    },
    { arbitrary: constantFrom(...AWS_SOURCES), weight: 2 },
    { arbitrary: stringMatching(/^[/.\-_A-Za-z0-9][\x20-\x7e]{0,40}$/), weight: 1 },
    { arbitrary: stringMatching(/^[a-z0-9.]{256}$/), weight: 1 },
  );
}

/** Cuts at a code point boundary so a string never exceeds `max` UTF-16 units (mapped, never filtered). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.length > 0 ? out : 'x';
}

// @__NO_SIDE_EFFECTS__
function defaultDetailType(): Arbitrary<string> {
  return oneof(
    { arbitrary: fakerValue((f) => `${f.commerce.product()} ${f.helpers.arrayElement(VERBS)}`), weight: 4 },
    {
      arbitrary: string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).map((s) => clip(s, MAX_DETAIL_TYPE_LENGTH)),
      weight: 1,
    },
    {
      arbitrary: constantFrom(
        '"quoted"',
        'back\\slash',
        '😀 emoji',
        'x'.repeat(MAX_DETAIL_TYPE_LENGTH),
        'Scheduled Event',
      ),
      weight: 1,
    },
  );
}

const RESOURCE_KINDS = 4;

function resourceArn(kind: number, name: string, partition: string, region: string, account: string): string {
  switch (kind) {
    case 0:
      return arn(partition, 'ec2', region, account, `instance/i-${name.padStart(17, '0').slice(-17)}`);
    case 1:
      return eventsRuleArn(partition, region, account, name);
    case 2:
      return arn(partition, 'lambda', region, account, `function:${name}`);
    default:
      return arn(partition, 'dynamodb', region, account, `table/${name}`);
  }
}

/** 32 hex digits from four uint32s: shrinks towards `00000000-0000-…`. */
// @__NO_SIDE_EFFECTS__
function idHex(): Arbitrary<string> {
  const word = integer({ min: 0, max: 0xffffffff });
  return tuple(word, word, word, word).map((words) => words.map((w) => uint32Hex(w)).join(''));
}

/** Event times: whole years either side of now, so formats and ordering are exercised. */
// @__NO_SIDE_EFFECTS__
function eventTime(): Arbitrary<Date> {
  return date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });
}

/**
 * EventBridge events as targets receive them, every invariant true: `version: "0"`, ids in the
 * real layout (arbitrary version nibbles), `time` in whole seconds, detail a JSON object,
 * `arn:…:events:` resources in the event's account, entries under 1 MiB.
 * Parts are generated and mapped through the same mapper as `makeEventBridgeEvent`.
 * @example eventBridgeEvent({ source: 'com.example.orders', detailType: 'Order Placed' })
 */
// @__NO_SIDE_EFFECTS__
export function eventBridgeEvent<
  TDetailType extends string = string,
  TDetail extends object = { [key: string]: JsonValue },
>(
  constraints: EventBridgeEventConstraints<TDetailType, TDetail> = {},
): Arbitrary<EventBridgeEvent<TDetailType, TDetail>> {
  const { replay = 'sometimes' } = constraints;
  if (replay !== 'never' && replay !== 'sometimes' && replay !== 'always')
    throw new TypeError(`${API}: replay must be 'never', 'sometimes' or 'always', got ${JSON.stringify(replay)}`);
  // Pinned values are checked now, so a bad constraint fails at the call (EventInputError is a TypeError).
  if (typeof constraints.region === 'string') assertRegion(API, 'constraints.region', constraints.region);
  if (typeof constraints.account === 'string') assertAccount(API, 'constraints.account', constraints.account);
  if (typeof constraints.source === 'string') assertSource(API, 'constraints.source', constraints.source);
  if (typeof constraints.detailType === 'string')
    assertDetailType(API, 'constraints.detailType', constraints.detailType);
  if (constraints.detail !== undefined && !isArbitrary(constraints.detail))
    assertDetailObject(API, 'constraints.detail', constraints.detail);

  // Replay names follow the rule-name rule.
  const replayName = stringMatching(RULE_NAME_PATTERN);
  const parts = tuple(
    idHex(),
    pinned<string>(API, 'detailType', constraints.detailType, defaultDetailType()),
    pinned(API, 'source', constraints.source, defaultSource()),
    pinned(API, 'account', constraints.account, awsAccountId()),
    pinned(API, 'region', constraints.region, awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })),
    eventTime(),
    constraints.resources === undefined
      ? array(tuple(nat({ max: RESOURCE_KINDS - 1 }), stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/)), { maxLength: 3 })
      : pinned(API, 'resources', constraints.resources, constant([])),
    pinned<object>(API, 'detail', constraints.detail, jsonPayload({ root: 'object' }) as Arbitrary<object>),
    replay === 'never'
      ? constant(undefined)
      : replay === 'always'
        ? replayName
        : option(replayName, { nil: undefined, freq: 4 }),
  );
  return parts.map(([hex, detailType, source, account, region, time, resources, detail, replayNameValue]) => {
    // User arbitraries are checked as they produce (the mapper never fixes a value up silently).
    assertDetailType(API, 'detailType', detailType);
    assertSource(API, 'source', source);
    const detailJson = assertDetailObject(API, 'detail', detail);
    const partition = partitionOfRegion(region);
    const arns = resources.map((r) =>
      typeof r === 'string' ? r : resourceArn(r[0], r[1], partition, region, account),
    );
    assertEntrySize(API, { hasTime: true, source, detailType, detail: detailJson, resources: arns });
    return toEventBridgeEvent({
      id: formatEventBridgeId(hex),
      detailType: detailType as TDetailType,
      source,
      account,
      region,
      time,
      resources: arns,
      detail: JSON.parse(detailJson) as TDetail,
      replayName: replayNameValue,
    });
  });
}
