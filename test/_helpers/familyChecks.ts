/**
 * The checks every registered family passes (test/families/families.test.ts runs them over
 * `FAMILIES`; test/families/recipe.test.ts runs them on a family defined in the test). They read
 * only the descriptor and the family's type declarations, so a new family needs no edit here.
 */
import { expect } from 'vitest';
import type { FamilyDescriptor } from '../../src/_internals/family.js';
import { applyOverridesWith } from '../../src/_internals/overrides.js';
import { replacedWholeOf } from '../../src/_internals/family.js';

/** Runs the shared checks on `family`, registered with `others`; `typeSource` is its types' TypeScript text. */
export function checkFamily(family: FamilyDescriptor, others: readonly FamilyDescriptor[], typeSource: string): void {
  // Its name is its folder and its CLI kinds' prefix: lower-case kebab, and no other family's.
  expect(family.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  expect(others.filter((other) => other !== family).map((other) => other.name)).not.toContain(family.name);

  // Each replaced-whole key is a field its events declare (a misspelt key would silently merge).
  expect(new Set(family.replacedWhole).size).toBe(family.replacedWhole.length);
  for (const key of family.replacedWhole) {
    expect(typeSource, `${family.name}: replacedWhole key ${key} is no field of its types`).toMatch(
      new RegExp(`(?:^|[\\s{;'"])${key}['"]?\\??:`, 'm'),
    );
  }

  // With the family registered, an override of each of its keys replaces the value whole.
  const replacedWhole = new Set(replacedWholeOf([...others.filter((other) => other !== family), family]));
  for (const key of family.replacedWhole) {
    const base = { [key]: { kept: 1, replaced: 2 } };
    const out = applyOverridesWith(replacedWhole, base, { [key]: { replaced: 3 } } as never, 'checkFamily') as Record<
      string,
      unknown
    >;
    expect(out[key], `${family.name}: ${key} is merged, not replaced whole`).toEqual({ replaced: 3 });
  }
}
