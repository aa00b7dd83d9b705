/**
 * One way to write a property in the kit's own tests: `it('…', () => { fc.assert(fc.property(…)) })`.
 * `@fast-check/vitest`'s `test.prop` stays in one place only, the check that the kit works with it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The one file allowed to use `@fast-check/vitest`: it checks the kit's compatibility with it. */
const COMPATIBILITY_CHECK = 'test/arbitraries/pipeChecks.test.ts';
/** This file, which holds samples of what it flags. */
const SELF = 'test/package/propertyStyle.test.ts';

const FAST_CHECK_VITEST_IMPORT = /\bfrom\s+['"]@fast-check\/vitest['"]|\bimport\s*\(\s*['"]@fast-check\/vitest['"]/;
const PROP_CALL = /\.prop\s*\(/;

/** What breaks the one style in a test file's text (empty when it follows it). */
function styleProblems(text: string): string[] {
  const problems: string[] = [];
  if (FAST_CHECK_VITEST_IMPORT.test(text)) problems.push('imports @fast-check/vitest');
  if (PROP_CALL.test(text)) problems.push('calls .prop(');
  return problems;
}

// Folders starting with '.' hold generated files (the README examples), not tests written by hand.
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('property style', () => {
  it('flags test.prop and the @fast-check/vitest import, and passes the one style', () => {
    expect(
      styleProblems("import { fc, test } from '@fast-check/vitest';\ntest.prop([fc.nat()])('n', (n) => n >= 0);"),
    ).toEqual(['imports @fast-check/vitest', 'calls .prop(']);
    expect(styleProblems("const { it } = await import('@fast-check/vitest');")).toEqual(['imports @fast-check/vitest']);
    expect(styleProblems('propTest\n  .prop([arb], { numRuns: 1 })')).toEqual(['calls .prop(']);
    expect(
      styleProblems(
        "import fc from 'fast-check';\nit('n', () => { fc.assert(fc.property(fc.nat(), (n) => n >= 0), { numRuns: 1 }); });",
      ),
    ).toEqual([]);
  });

  it('every test file writes properties as it + fc.assert, except the @fast-check/vitest compatibility check', () => {
    const files = tsFiles(join(root, 'test')).map((file) => relative(root, file).split('\\').join('/'));
    expect(files).toContain(COMPATIBILITY_CHECK);
    expect(files).toContain(SELF);
    const offenders = files
      .filter((file) => file !== COMPATIBILITY_CHECK && file !== SELF)
      .flatMap((file) => styleProblems(readFileSync(join(root, file), 'utf8')).map((problem) => `${file}: ${problem}`));
    expect(offenders).toEqual([]);
  });

  it('the compatibility check still uses test.prop', () => {
    expect(styleProblems(readFileSync(join(root, COMPATIBILITY_CHECK), 'utf8'))).toEqual([
      'imports @fast-check/vitest',
      'calls .prop(',
    ]);
  });
});
