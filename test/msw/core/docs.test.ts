/** Runs the README's msw SQS example as written (imports resolve to the sources), also under msw 3. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readmeSection } from '../../_helpers/readme.js';
import { afterAll, expect, test } from 'vitest';
import { MSW_MAJOR } from '../_helpers/msw.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readmeSection('### Example: SQS send → subscribed handler');
const outDir = join(here, '.docs');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the SQS example runs and its assertions hold', async () => {
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  expect(blocks).toHaveLength(1);
  let source = blocks[0] as string;
  // The example shows msw 2's option and names msw 3's in a comment; run it with the installed major's.
  if (MSW_MAJOR >= 3) source = source.replace("{ onUnhandledRequest: 'error' }", "{ onUnhandledFrame: 'error' } as never");
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'example.ts');
  writeFileSync(file, source);
  await import(pathToFileURL(file).href);
});
