import { date, integer, oneof, stringMatching, tuple, type Arbitrary } from 'fast-check';
import type { ScheduledEvent } from 'aws-lambda';
import { assertAccount, assertRegion, partitionOfRegion } from '../src/_internals/aws.js';
import { formatEventBridgeId } from '../src/events/eventbridge/envelope.js';
import { toScheduledEvent } from '../src/events/eventbridge/scheduled.js';
import { uint32Hex } from '../src/_internals/random.js';
import { assertRuleName, RULE_NAME_PATTERN } from '../src/events/eventbridge/validate.js';
import { fakerValue } from './_internals/faker.js';
import { pinned } from './_internals/pin.js';
import { awsAccountId } from './awsAccountId.js';
import { awsRegion } from './awsRegion.js';

const API = 'scheduledEvent';

/** Constraints of {@link scheduledEvent}. Each field pins a part to a value or to an arbitrary. */
export interface ScheduledEventConstraints {
  /**
   * The rule name (`[.\-_A-Za-z0-9]{1,64}`), which ends the rule ARN in `resources`.
   * @defaultValue names like `"nightly-report"`, plus any valid name up to 64 characters
   */
  ruleName?: string | Arbitrary<string>;
  /**
   * `region` (the rule ARN's region and partition follow it).
   * @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })`
   */
  region?: string | Arbitrary<string>;
  /**
   * `account` (the rule ARN's account follows it).
   * @defaultValue `awsAccountId()`
   */
  account?: string | Arbitrary<string>;
}

// @__NO_SIDE_EFFECTS__
function defaultRuleName(): Arbitrary<string> {
  return oneof(
    // faker words may hold spaces or apostrophes: mapped onto the rule-name alphabet, never filtered.
    {
      arbitrary: fakerValue((f) =>
        `${f.word.adjective()}-${f.word.noun()}`.replace(/[^.\-_A-Za-z0-9]/g, '-').slice(0, 64),
      ),
      weight: 3,
    },
    { arbitrary: stringMatching(RULE_NAME_PATTERN), weight: 1 },
    { arbitrary: stringMatching(/^[.\-_A-Za-z0-9]{64}$/), weight: 1 },
  );
}

/**
 * Scheduled-rule events (`source: "aws.events"`, `detail-type: "Scheduled Event"`, `detail: {}`,
 * `version: "0"`), with the rule ARN in the event's partition, region and account, and `time`
 * in whole seconds (not minute-aligned: real invocations are not). Mapped through the same
 * mapper as `makeScheduledEvent`.
 * @example scheduledEvent({ ruleName: 'nightly-report', region: 'eu-west-1' })
 */
// @__NO_SIDE_EFFECTS__
export function scheduledEvent(constraints: ScheduledEventConstraints = {}): Arbitrary<ScheduledEvent> {
  if (typeof constraints.region === 'string') assertRegion(API, 'constraints.region', constraints.region);
  if (typeof constraints.account === 'string') assertAccount(API, 'constraints.account', constraints.account);
  if (typeof constraints.ruleName === 'string') assertRuleName(API, 'constraints.ruleName', constraints.ruleName);
  const word = integer({ min: 0, max: 0xffffffff });
  return tuple(
    tuple(word, word, word, word),
    pinned(API, 'ruleName', constraints.ruleName, defaultRuleName()),
    pinned(API, 'account', constraints.account, awsAccountId()),
    pinned(API, 'region', constraints.region, awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })),
    date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }),
  ).map(([words, ruleName, account, region, time]): ScheduledEvent => {
    assertRuleName(API, 'ruleName', ruleName);
    return toScheduledEvent({
      id: formatEventBridgeId(words.map((w) => uint32Hex(w)).join('')),
      ruleName,
      account,
      region,
      partition: partitionOfRegion(region),
      time,
    });
  });
}
