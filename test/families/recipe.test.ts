/**
 * The recipe of CONTRIBUTING.md ("Adding a family"), shown with a throwaway family defined here:
 * its descriptor is all the shared code needs. Registered next to the real families, the override
 * rule and the shared checks pick it up without an edit to shared code.
 */
import { describe, expect, it } from 'vitest';
import { defineFamily, replacedWholeOf } from '../../src/_internals/family.js';
import { applyOverrides, applyOverridesWith, REPLACED_WHOLE } from '../../src/_internals/overrides.js';
import { FAMILIES } from '../../src/families.js';
import { checkFamily } from '../_helpers/familyChecks.js';

/** Step 1 of the recipe: the family's types (here inline; a real family has src/events/<name>/types.ts). */
const TOY_TYPES = `
export interface ToyEvent {
  Records: ToyRecord[];
}
export interface ToyRecord {
  id: string;
  labels: Record<string, string>;
}
`;
/** Step 2: its root descriptor (a real family has src/events/<name>/family.ts). */
const toyFamily = defineFamily({ name: 'toy', replacedWhole: ['Records', 'labels'] });
/** Step 3: the one registration line (a real family adds it to FAMILIES in src/families.ts). */
const registered = [...FAMILIES, toyFamily];

describe('adding a family by the recipe', () => {
  it('passes the shared family checks as registered', () => {
    checkFamily(toyFamily, registered, TOY_TYPES);
  });

  it('the override rule picks up its replaced-whole keys', () => {
    const keys = replacedWholeOf(registered);
    expect(keys).toEqual([...REPLACED_WHOLE, 'labels']);
    const record = { id: 'r-1', labels: { colour: 'red', size: 'L' } };
    // Unregistered, `labels` merges key by key; registered, an override replaces the map whole.
    expect(applyOverrides(record, { labels: { colour: 'blue' } }, 'toy').labels).toEqual({ colour: 'blue', size: 'L' });
    expect(applyOverridesWith(new Set(keys), record, { labels: { colour: 'blue' } }, 'toy').labels).toEqual({
      colour: 'blue',
    });
  });

  it('the shared checks catch a descriptor that does not fit its family', () => {
    expect(() => checkFamily(defineFamily({ name: 'toy', replacedWhole: ['lables'] }), FAMILIES, TOY_TYPES)).toThrow(
      /lables is no field/,
    );
    expect(() => checkFamily(defineFamily({ name: 's3', replacedWhole: [] }), FAMILIES, TOY_TYPES)).toThrow(
      /to not include 's3'/,
    );
    expect(() => checkFamily(defineFamily({ name: 'Toy_Family', replacedWhole: [] }), FAMILIES, TOY_TYPES)).toThrow(
      /to match/,
    );
  });
});
