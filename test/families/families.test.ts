import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/families.js';
import { REPLACED_WHOLE } from '../../src/_internals/overrides.js';
import { CLI_FAMILIES } from '../../src/cli/families.js';
import { KINDS } from '../../src/cli/kinds.js';
import { checkFamily } from '../_helpers/familyChecks.js';
import { checkCliFamily, checkCliRegistry } from './_cliChecks.js';

const EVENTS = join(import.meta.dirname, '../../src/events');
/** `src/events/` folders that hold a mapping shared by families rather than a family. */
const NOT_FAMILIES = ['pipes'];

/** The TypeScript text of every module in a family's folder. */
function familySource(name: string): string {
  const folder = join(EVENTS, name);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(folder, file), 'utf8'))
    .join('\n');
}

describe('the registered families', () => {
  it('registers every family folder of src/events, each once', () => {
    const folders = readdirSync(EVENTS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !NOT_FAMILIES.includes(entry.name))
      .map((entry) => entry.name);
    expect(FAMILIES.map((family) => family.name).sort()).toEqual(folders.sort());
  });

  for (const family of FAMILIES) {
    it(`${family.name} passes the shared family checks`, () => {
      checkFamily(family, FAMILIES, familySource(family.name));
    });
  }

  it('registers every family in the CLI registry once, and its kinds are the list the CLI iterates', () => {
    checkCliRegistry(CLI_FAMILIES, FAMILIES, NOT_FAMILIES);
    const registered = CLI_FAMILIES.flatMap((family) => family.kinds);
    expect(KINDS.map((kind) => kind.name)).toEqual(registered.map((kind) => kind.name));
    KINDS.forEach((kind, i) => expect(kind).toBe(registered[i]));
    expect(new Set(KINDS.map((kind) => kind.name)).size).toBe(KINDS.length);
  });

  for (const family of CLI_FAMILIES) {
    it(`${family.name} passes the shared CLI checks`, () => {
      checkCliFamily(family);
    });
  }

  it('lists the kinds in the order `list` has always printed (the registry order is public)', () => {
    const names = KINDS.map((kind) => kind.name);
    const s3 = names.filter((name) => name.startsWith('s3:'));
    expect(names.slice(0, s3.length)).toEqual(s3);
    expect(s3.slice(0, 2)).toEqual(['s3:put', 's3:delete']);
    expect(s3.at(-1)).toBe('s3:test');
    expect(names.slice(s3.length)).toEqual([
      'sqs',
      'sqs:fifo',
      'sns',
      'sns:fifo',
      'sqs:sns',
      'sqs:sns:raw',
      'sqs:s3-via-sns',
      'sqs:eventbridge',
      'kinesis',
      'dynamodb',
      'dynamodb:kinesis',
      'scheduled',
      'eventbridge',
      'cloudwatch-logs',
      'cloudwatch-logs:control',
      'pipes:sqs',
      'pipes:kinesis',
      'pipes:dynamodb',
    ]);
  });

  it('names a kind for its route rather than its family only where the CLI already did', () => {
    // Public names kept: the fan-out chains' SQS events (built by SNS's factories) and the scheduled-rule event.
    expect(Object.fromEntries(CLI_FAMILIES.map((family) => [family.name, family.routeNamed ?? []]))).toEqual({
      s3: [],
      sqs: [],
      sns: ['sqs:sns', 'sqs:sns:raw', 'sqs:s3-via-sns', 'sqs:eventbridge'],
      kinesis: [],
      dynamodb: [],
      eventbridge: ['scheduled'],
      'cloudwatch-logs': [],
      pipes: [],
    });
  });

  it('REPLACED_WHOLE is the union of the descriptors, in registration order', () => {
    expect(REPLACED_WHOLE).toEqual([...new Set(FAMILIES.flatMap((family) => family.replacedWhole))]);
    expect(REPLACED_WHOLE).toEqual([
      'Records',
      'messageAttributes',
      'MessageAttributes',
      'Keys',
      'NewImage',
      'OldImage',
      'state',
      'resources',
      'logEvents',
      'subscriptionFilters',
    ]);
  });
});
