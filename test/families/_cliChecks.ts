/**
 * The checks every CLI family descriptor passes (test/families/families.test.ts runs them over
 * `CLI_FAMILIES`; test/families/recipe.test.ts on a family defined in the test). They read only
 * the descriptors, so a new family needs no edit here.
 */
import { expect } from 'vitest';
import type { FamilyDescriptor } from '../../src/_internals/family.js';
import type { CliFamily } from '../../src/cli/kinds/_shared.js';

/** `kind` is `family` or `family:<variant>`. */
function namedAfter(kind: string, family: string): boolean {
  return kind === family || kind.startsWith(`${family}:`);
}

/**
 * The CLI registry names every registered family once, and nothing else but `routes` (the
 * `src/events/` folders whose kinds wrap other families' events, such as `pipes`): a family whose
 * CLI line is missing, or a CLI line for a family that is not registered, fails here.
 */
export function checkCliRegistry(
  cliFamilies: readonly CliFamily[],
  families: readonly FamilyDescriptor[],
  routes: readonly string[],
): void {
  const names = cliFamilies.map((family) => family.name);
  expect(new Set(names).size, `a family has two CLI descriptors: ${names.join(', ')}`).toBe(names.length);
  for (const family of families)
    expect(names, `${family.name} has no CLI descriptor in src/cli/families.ts`).toContain(family.name);
  const known = [...families.map((family) => family.name), ...routes];
  for (const name of names) expect(known, `CLI descriptor ${name} is no registered family`).toContain(name);
  const kinds = cliFamilies.flatMap((family) => family.kinds.map((kind) => kind.name));
  expect(
    kinds.filter((kind, i) => kinds.indexOf(kind) !== i),
    'kind names given twice',
  ).toEqual([]);
}

/**
 * Runs the shared checks on one CLI descriptor: it has kinds; each is named `<family>` or
 * `<family>:<variant>` unless listed in `routeNamed` (and every listed name is one of its kinds
 * that needs the exception); names and descriptions fit one line of `list`; each builds the same
 * event twice for a seed.
 */
export function checkCliFamily(family: CliFamily): void {
  expect(family.kinds.length, `${family.name} has no CLI kinds`).toBeGreaterThan(0);
  const routeNamed = family.routeNamed ?? [];
  const names = family.kinds.map((kind) => kind.name);
  for (const kind of family.kinds) {
    expect(kind.name, `${family.name}: kind name`).toMatch(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/);
    if (!routeNamed.includes(kind.name))
      expect(
        namedAfter(kind.name, family.name),
        `${family.name}: kind ${kind.name} is not named after its family`,
      ).toBe(true);
    expect(kind.description.trim(), `${kind.name}: description`).not.toBe('');
    expect(kind.description, `${kind.name}: description`).not.toContain('\n');
    expect(JSON.stringify(kind.make(1)), `${kind.name}: make(1) is not deterministic`).toBe(
      JSON.stringify(kind.make(1)),
    );
  }
  for (const name of routeNamed) {
    expect(names, `${family.name}: routeNamed ${name} is none of its kinds`).toContain(name);
    expect(
      namedAfter(name, family.name),
      `${family.name}: ${name} is named after its family; drop it from routeNamed`,
    ).toBe(false);
  }
}
