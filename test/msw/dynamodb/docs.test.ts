/** Runs the README's Kinesis/DynamoDB Streams example (the seed's DynamoDB story), also under msw 3. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readmeSection } from '../../_helpers/readme.js';
import { afterAll, expect, test } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readmeSection('### Kinesis and DynamoDB Streams');
const outDir = join(here, '.docs');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the docs example runs and its assertions hold', async () => {
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]).toMatch(/import assert from 'node:assert\/strict'/);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'example.ts');
  writeFileSync(file, blocks[0] as string);
  await import(pathToFileURL(file).href);
});
