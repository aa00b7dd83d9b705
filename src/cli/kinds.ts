/**
 * The kinds `aws-event-kit generate` knows: the kinds of every registered CLI family descriptor
 * (`./families.ts`), each with a one-line description, the family of factory inputs it takes
 * (`--bucket`, `--queue` …) and the factory call that builds it. Every event comes from the
 * library's factories, seeded; inputs reach the factory, so derived fields follow.
 */
import { CLI_FAMILIES } from './families.js';
import { inputFlags } from './inputs.js';
import type { CliFamily, EventKind } from './kinds/_shared.js';

export type { EventKind } from './kinds/_shared.js';

/** The kinds of `families`, in their order: the list the CLI iterates. */
export function kindsOf(families: readonly CliFamily[]): readonly EventKind[] {
  return families.flatMap((family) => family.kinds);
}

/** Every kind, in the order `list` prints them. */
export const KINDS: readonly EventKind[] = kindsOf(CLI_FAMILIES);

/** Every input flag a kind takes, by name (for the parser: one arity per flag). */
export const INPUT_FLAGS = inputFlags([...new Set(KINDS.map((kind) => kind.family))]);

const byName = new Map(KINDS.map((kind) => [kind.name, kind]));

/** The kind named `name`, if any. */
export function findKind(name: string): EventKind | undefined {
  return byName.get(name);
}
