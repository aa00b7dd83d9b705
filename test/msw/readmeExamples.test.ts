/**
 * The README's msw examples, run as written (imports resolve to the sources). README.md's own
 * test runs them too, on msw 2; this file lives under test/msw so that the Node 22 / msw 3 job
 * runs them as well, with msw 3's name for the unhandled-request option.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runQueuedExampleTests } from '../_helpers/readmeVitest.js';
import { docSection } from '../_helpers/readme.js';
import { MSW_MAJOR } from './_helpers/msw.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '.readme');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const SECTIONS = [
  '### Example: SQS send → subscribed handler',
  '### In-memory S3',
  '### Kinesis and DynamoDB Streams',
  '### Lambda functions and event source mappings',
];

describe.each(SECTIONS)('README section %s', (heading) => {
  it('has one example that runs and whose assertions hold', async () => {
    const blocks = [...docSection('docs/guide/msw.md', heading).matchAll(/```ts\n([\s\S]*?)```/g)].map(
      (m) => m[1] as string,
    );
    expect(blocks).toHaveLength(1);
    let source = blocks[0] as string;
    expect(source).toMatch(/import assert from 'node:assert\/strict'/);
    if (MSW_MAJOR >= 3)
      source = source.replace("{ onUnhandledRequest: 'error' }", "{ onUnhandledFrame: 'error' } as never");
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `${SECTIONS.indexOf(heading)}.ts`);
    writeFileSync(file, source);
    await import(pathToFileURL(file).href);
    await runQueuedExampleTests();
  });
});
