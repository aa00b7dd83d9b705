/** Invariants every EventBridge event must satisfy (formats, envelope, account of `events` ARNs, `time` in whole seconds, `version "0"`), shared by the family's tests. */
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas';
import { expect } from 'vitest';
import { parseArn, partitionOfRegion } from '../../../src/_internals/aws.js';
import { eventBridgeEntrySize, MAX_ENTRY_SIZE } from '../../../src/events/eventbridge/validate.js';

export const ID_LAYOUT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WHOLE_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Throws (through expect) unless `event` is a realistic EventBridge event. */
export function expectEventBridgeInvariants(event: Record<string, unknown>): void {
  expect(event.version).toBe('0');
  expect(event.id).toMatch(ID_LAYOUT);
  expect(event.time).toMatch(WHOLE_SECONDS);
  expect(Number.isNaN(Date.parse(event.time as string))).toBe(false);
  expect(event.account).toMatch(/^\d{12}$/);
  expect(typeof event.region).toBe('string');
  expect(typeof event.source).toBe('string');
  expect((event.source as string).length).toBeGreaterThanOrEqual(1);
  expect((event.source as string).length).toBeLessThanOrEqual(256);
  expect((event['detail-type'] as string).length).toBeGreaterThanOrEqual(1);
  expect((event['detail-type'] as string).length).toBeLessThanOrEqual(128);
  const detail = event.detail;
  expect(detail !== null && typeof detail === 'object' && !Array.isArray(detail)).toBe(true);
  // The event is exactly what JSON carries: nothing a serialisation would drop or change.
  expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
  const resources = event.resources as string[];
  expect(Array.isArray(resources)).toBe(true);
  for (const resource of resources) {
    const arn = parseArn(resource);
    if (arn === undefined) continue;
    expect(arn.partition).toBe(partitionOfRegion(event.region as string));
    if (arn.service === 'events') expect(arn.account).toBe(event.account); // an events ARN is in the event's account
  }
  if ('replay-name' in event) expect(event['replay-name']).toMatch(/^[.\-_A-Za-z0-9]{1,64}$/);
  expect(
    eventBridgeEntrySize({
      hasTime: true,
      source: event.source as string,
      detailType: event['detail-type'] as string,
      detail: JSON.stringify(detail),
      resources,
    }),
  ).toBeLessThanOrEqual(MAX_ENTRY_SIZE);
  const parsed = EventBridgeSchema.safeParse(event);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

/** Throws unless `event` is a realistic scheduled-rule event. */
export function expectScheduledInvariants(event: Record<string, unknown>): void {
  expectEventBridgeInvariants(event);
  expect(event.source).toBe('aws.events');
  expect(event['detail-type']).toBe('Scheduled Event');
  expect(event.detail).toStrictEqual({});
  expect('replay-name' in event).toBe(false);
  const resources = event.resources as string[];
  expect(resources).toHaveLength(1);
  const arn = parseArn(resources[0] as string);
  expect(arn).toBeDefined();
  expect(arn?.service).toBe('events');
  expect(arn?.partition).toBe(partitionOfRegion(event.region as string));
  expect(arn?.region).toBe(event.region);
  expect(arn?.account).toBe(event.account);
  expect(arn?.resource).toMatch(/^rule\/[.\-_A-Za-z0-9]{1,64}$/);
}

/** Key sets of real samples (test/_helpers/keySets.ts `keySet(sample, ['detail'])`), kept as data. */
export const REAL_KEY_SETS = {
  /** aws-docs__scheduled-event.json and aws-lambda-java-libs__scheduled-event.json (identical). SAM's sample lacks `version`: a defect, not copied. */
  scheduled: ['account', 'detail', 'detail-type', 'id', 'region', 'resources', 'source', 'time', 'version'],
  /** aws-docs__eventbridge-rds.json (a live event). */
  live: ['account', 'detail', 'detail-type', 'id', 'region', 'resources', 'source', 'time', 'version'],
  /** powertools-ts__eventbridge.json (a replayed event). */
  replayed: [
    'account',
    'detail',
    'detail-type',
    'id',
    'region',
    'replay-name',
    'resources',
    'source',
    'time',
    'version',
  ],
} as const;
