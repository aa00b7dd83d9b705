import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/families.js';
import { REPLACED_WHOLE } from '../../src/_internals/overrides.js';
import { KINDS } from '../../src/cli/kinds.js';
import { checkFamily } from '../_helpers/familyChecks.js';

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

  it("each family has CLI kinds named after it, and every kind is some family's", () => {
    const familyOf = (kind: string) =>
      FAMILIES.find((family) => kind === family.name || kind.startsWith(`${family.name}:`));
    for (const family of FAMILIES)
      expect(
        KINDS.some((kind) => familyOf(kind.name) === family),
        `${family.name} has no CLI kind`,
      ).toBe(true);
    // Kinds named for a route rather than a family: EventBridge Pipes batches and the scheduled-rule event.
    const routes = KINDS.filter((kind) => familyOf(kind.name) === undefined).map((kind) => kind.name);
    expect(routes).toEqual(['scheduled', 'pipes:sqs', 'pipes:kinesis', 'pipes:dynamodb']);
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
