/**
 * Every ```ts example in README.md runs as a test (imports of 'aws-event-kit…' resolve to the
 * sources through vitest.config.ts). Examples assert with node:assert, so a wrong example fails.
 * A block whose info string is `ts no-run` is shown but not run (e.g. setup that needs a server).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const outDir = join(root, 'test/.readme');

interface Example {
  line: number;
  heading: string;
  code: string;
}

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
    if (line.trim() === '```ts') {
      const start = i + 1;
      let end = start;
      while (end < lines.length && (lines[end] as string).trim() !== '```') end++;
      found.push({ line: start, heading, code: lines.slice(start, end).join('\n') });
      i = end;
    }
  }
  return found;
}

const blocks = examples(readme);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

describe('README examples', () => {
  it('has runnable examples', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  for (const [index, block] of blocks.entries()) {
    const file = join(outDir, `example-${String(index).padStart(3, '0')}.ts`);
    writeFileSync(file, `// README.md line ${block.line} (${block.heading})\n${block.code}\nexport {};\n`);
    it(`runs the example at README.md:${block.line} (${block.heading})`, async () => {
      await import(pathToFileURL(file).href);
    });
  }
});
