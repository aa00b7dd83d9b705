/**
 * The handler, Lambda and vitest-matcher type tests compile as a user's project would:
 * `strict` and `exactOptionalPropertyTypes` (the project's own tsconfig leaves the latter off).
 * Only errors in those user-side files and in the modules they exercise count here; the package's
 * declaration files are checked under the same flags by the pack test.
 */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FILES = ['test/types/handlers.test-d.ts', 'test/types/lambda.test-d.ts', 'test/types/vitest.test-d.ts'];
const OURS =
  /^(?:test\/types\/(?:handlers|lambda|vitest)\.test-d\.ts|src\/lambda\/|src\/vitest\/|src\/msw\/_internals\/lambdaContext\.ts)/;

it('compiles under strict and exactOptionalPropertyTypes', async () => {
  const args = [
    '--ignoreConfig',
    '--noEmit',
    '--pretty',
    'false',
    '--strict',
    '--exactOptionalPropertyTypes',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--lib',
    'es2023',
    '--types',
    'node',
    '--skipLibCheck',
    '--isolatedModules',
    '--verbatimModuleSyntax',
    ...FILES,
  ];
  const output = await promisify(execFile)(join(root, 'node_modules/.bin/tsc'), args, {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const ours = output.split('\n').filter((line) => OURS.test(line));
  expect(ours).toEqual([]);
}, 300_000);
