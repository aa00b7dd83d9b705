/** A factory's runtime option list is checked against its options interface by the compiler. */
import { describe, expectTypeOf, it } from 'vitest';
import { optionKeys, type OptionKeyList } from '../../src/_internals/knownOptions.js';

interface Options {
  key?: string;
  size?: number;
}

describe('OptionKeyList', () => {
  it('needs every key, optional ones included, and no other', () => {
    expectTypeOf<OptionKeyList<Options>>().toEqualTypeOf<{ readonly key: true; readonly size: true }>();
    optionKeys<Options>({ key: true, size: true });
    // @ts-expect-error a key the interface gained but the list lacks
    optionKeys<Options>({ key: true });
    // @ts-expect-error a key the interface does not have
    optionKeys<Options>({ key: true, size: true, colour: true });
  });
});
