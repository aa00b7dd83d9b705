// Every ```ts example in docs/readme/pipes.md runs (the lead merges the page into README.md).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const page = readFileSync(join(root, 'docs/readme/pipes.md'), 'utf8');
const outDir = join(root, 'test/.readme/pipes-docs');
const blocks = [...page.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({ code: m[1]!, line: page.slice(0, m.index).split('\n').length + 1 }));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

describe('docs/readme/pipes.md examples', () => {
  it('has runnable examples that assert', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const b of blocks) expect(b.code).toMatch(/assert/);
  });
  for (const [index, block] of blocks.entries()) {
    const file = join(outDir, `example-${index}.ts`);
    writeFileSync(file, `// docs/readme/pipes.md line ${block.line}\n${block.code}\nexport {};\n`);
    it(`runs the example at docs/readme/pipes.md:${block.line}`, async () => {
      await import(pathToFileURL(file).href);
    });
  }
});
