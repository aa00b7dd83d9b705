/**
 * The recipe of CONTRIBUTING.md ("Adding a family"), shown with a throwaway family defined here:
 * its descriptors are all the shared code needs. Registered next to the real families, the override
 * rule, the CLI and the shared checks pick it up without an edit to shared code.
 */
import { describe, expect, it } from 'vitest';
import { defineFamily, replacedWholeOf } from '../../src/_internals/family.js';
import { applyOverrides, applyOverridesWith, REPLACED_WHOLE } from '../../src/_internals/overrides.js';
import { FAMILIES } from '../../src/families.js';
import { CLI_FAMILIES } from '../../src/cli/families.js';
import { inputFlags, NO_INPUTS, resolveInputs, type KindFamily } from '../../src/cli/inputs.js';
import { KINDS, kindsOf } from '../../src/cli/kinds.js';
import { arg, defineCliFamily, withOptions, type CliFamily } from '../../src/cli/kinds/_shared.js';
import { checkFamily } from '../_helpers/familyChecks.js';
import { checkCliFamily, checkCliRegistry } from './_cliChecks.js';

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
/** Step 3: its factory (a real family has fixtures/<name>.ts; this one skips the mapper and the defaults). */
function makeToyEvent(id: string, options: { labels?: Record<string, string>; seed?: number } = {}) {
  return { Records: [{ id: `${id}-${options.seed ?? 0}`, labels: options.labels ?? { colour: 'red' } }] };
}
/** Step 7: its registration line (a real family adds it to FAMILIES in src/families.ts). */
const registered = [...FAMILIES, toyFamily];

/** Step 5: its CLI kind's inputs: `--toy-id` is the factory's argument, `--option labels=…` an option. */
const TOY_INPUTS: KindFamily = {
  title: 'toy',
  inputs: [{ flag: 'toy-id', value: 'ID', target: 'id', argument: true, description: 'the record id (default r)' }],
  shared: [],
  options: ['labels'],
};
/** Its CLI descriptor (a real family has src/cli/kinds/<name>.ts), calling its factory. */
const toyCliFamily = defineCliFamily({
  name: 'toy',
  kinds: [
    {
      name: 'toy',
      description: 'a toy event with one record',
      family: TOY_INPUTS,
      make: (seed, inputs = NO_INPUTS) => makeToyEvent(arg(inputs, 'id', 'r'), withOptions({}, inputs, seed)),
    },
  ],
});
/** Step 7: its CLI registration line (a real family adds it to CLI_FAMILIES in src/cli/families.ts). */
const registeredCli = [...CLI_FAMILIES, toyCliFamily];
/** `src/events/` folders whose CLI kinds wrap other families' events. */
const ROUTES = ['pipes'];

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

  it('the CLI lists its kind after the others and builds it from command-line inputs', () => {
    checkCliRegistry(registeredCli, registered, ROUTES);
    checkCliFamily(toyCliFamily);
    const kinds = kindsOf(registeredCli);
    expect(kinds.map((kind) => kind.name)).toEqual([...KINDS.map((kind) => kind.name), 'toy']);
    const toy = kinds.at(-1)!;
    const flags = inputFlags([...new Set(kinds.map((kind) => kind.family))]);
    expect(flags.get('toy-id')?.target).toBe('id');
    const inputs = resolveInputs(
      toy,
      new Map<string, string | string[]>([
        ['toy-id', 'r-7'],
        ['option', ['labels={"size":"L"}']],
      ]),
      flags,
      kinds,
    );
    expect(toy.make(3, inputs)).toEqual({ Records: [{ id: 'r-7-3', labels: { size: 'L' } }] });
    expect(toy.make(3)).toEqual({ Records: [{ id: 'r-3', labels: { colour: 'red' } }] });
  });

  it('the shared CLI checks catch a missing registration or a kind not named after its family', () => {
    // Registered in src/families.ts but not in src/cli/families.ts.
    expect(() => checkCliRegistry(CLI_FAMILIES, registered, ROUTES)).toThrow(/toy has no CLI descriptor/);
    // A CLI line for a family that is not registered.
    expect(() => checkCliRegistry(registeredCli, FAMILIES, ROUTES)).toThrow(/toy is no registered family/);
    expect(() => checkCliRegistry([...registeredCli, toyCliFamily], registered, ROUTES)).toThrow(/two CLI descriptors/);
    const kind = toyCliFamily.kinds[0]!;
    const variant = (family: Partial<CliFamily>) => ({ ...toyCliFamily, ...family });
    expect(() => checkCliFamily(variant({ kinds: [] }))).toThrow(/toy has no CLI kinds/);
    expect(() => checkCliFamily(variant({ kinds: [{ ...kind, name: 'tyo:x' }] }))).toThrow(
      /kind tyo:x is not named after its family/,
    );
    expect(() => checkCliFamily(variant({ kinds: [{ ...kind, name: 'toys' }] }))).toThrow(/kind toys is not named/);
    expect(() =>
      checkCliFamily(variant({ kinds: [{ ...kind, name: 'sqs:toy' }], routeNamed: ['sqs:toy'] })),
    ).not.toThrow();
    expect(() => checkCliFamily(variant({ routeNamed: ['sqs:toy'] }))).toThrow(
      /routeNamed sqs:toy is none of its kinds/,
    );
    expect(() => checkCliFamily(variant({ routeNamed: ['toy'] }))).toThrow(/drop it from routeNamed/);
    expect(() =>
      checkCliFamily(variant({ kinds: [{ ...kind, make: (seed) => ({ seed, at: Math.random() }) }] })),
    ).toThrow(/not deterministic/);
  });
});
