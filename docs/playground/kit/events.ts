/**
 * The playground's Events tool, in the browser: every kind `aws-event-kit generate` knows, with
 * its inputs, built by the same code as the command (the kit's factories, seeded).
 */
import { findKind, INPUT_FLAGS, KINDS } from '../../../src/cli/kinds.js';
import { familyFlags, resolveInputs } from '../../../src/cli/inputs.js';

/** One kind: its name, description and the inputs the form shows. */
export interface KindInfo {
  readonly name: string;
  readonly description: string;
  readonly inputs: readonly {
    readonly flag: string;
    readonly value: string;
    readonly description: string;
    readonly repeat: boolean;
  }[];
}

/** Every kind, in the CLI's order. */
export function kinds(): KindInfo[] {
  return KINDS.map((kind) => ({
    name: kind.name,
    description: kind.description,
    inputs: familyFlags(kind.family).map((i) => ({
      flag: i.flag,
      value: i.value,
      description: i.description,
      repeat: i.repeat === true,
    })),
  }));
}

/**
 * The event `aws-event-kit generate <kind> --seed <seed> --<flag> <value> …` prints. `values`
 * maps a flag to its text (a repeatable flag: one value per line). Throws the command's errors.
 */
export function makeEvent(name: string, seed: number, values: Readonly<Record<string, string>> = {}): unknown {
  const kind = findKind(name);
  if (kind === undefined) throw new Error(`unknown kind ${JSON.stringify(name)}`);
  const flags = new Map<string, string | string[]>();
  for (const input of familyFlags(kind.family)) {
    const text = values[input.flag];
    if (text === undefined || text === '') continue;
    flags.set(input.flag, input.repeat === true ? text.split('\n').filter((line) => line !== '') : text);
  }
  return kind.make(seed, resolveInputs(kind, flags, INPUT_FLAGS, KINDS));
}
