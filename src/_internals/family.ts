/**
 * The family descriptor: what a family of events (S3, SQS, SNS …) tells the kit's shared code
 * about itself, so that shared code iterates the registered families (`src/families.ts`)
 * instead of naming them. A family's factories, mappers and types stay in its own folders.
 */

/** The root part of a family's descriptor (no fast-check: the root entry reaches it). */
export interface FamilyDescriptor {
  /** The family's folder name under `src/events/`, e.g. `s3`; also the prefix of its CLI kinds. */
  readonly name: string;
  /**
   * Keys of its events whose values are maps or lists (`Records`, `messageAttributes` …): a
   * factory's `overrides` replaces them whole instead of merging into them. A key another family
   * already lists may be listed again.
   */
  readonly replacedWhole: readonly string[];
}

/** Checks a descriptor's shape at compile time and keeps its literal types (for `ReplacedWholeKey`). */
export function defineFamily<const D extends FamilyDescriptor>(descriptor: D): D {
  return descriptor;
}

/** The replaced-whole keys of `families`, each once, in registration order. */
export function replacedWholeOf(families: readonly FamilyDescriptor[]): readonly string[] {
  return Object.freeze([...new Set(families.flatMap((family) => family.replacedWhole))]);
}
