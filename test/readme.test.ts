/**
 * Every ```ts example in README.md and in the documentation site's pages (docs/**\/*.md, but for
 * the generated API and lint pages) runs as a test (imports of 'aws-event-kit…' resolve to the
 * sources through vitest.config.ts). Examples assert with node:assert, so a wrong example fails.
 * A block whose info string is `ts no-run` is shown but not run (e.g. setup that needs a server).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runQueuedExampleTests } from './_helpers/readmeVitest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
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

/** The site's hand-written pages: docs/**\/*.md without the generated folders and the build. */
function sitePages(dir = join(root, 'docs')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['.vitepress', 'public', 'api', 'lint', 'node_modules'].includes(entry.name)) out.push(...sitePages(path));
    } else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

const files = [join(root, 'README.md'), ...sitePages()].map((file) => relative(root, file));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

describe('README and site examples', () => {
  const all = files.map((file) => ({ file, blocks: examples(readFileSync(join(root, file), 'utf8')) }));

  it('has runnable examples, in the README and in every guide', () => {
    expect(all.reduce((n, f) => n + f.blocks.length, 0)).toBeGreaterThan(10);
    expect(all.find((f) => f.file === 'README.md')?.blocks.length).toBeGreaterThanOrEqual(3);
  });

  for (const { file, blocks } of all) {
    const slug = file.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-');
    for (const [index, block] of blocks.entries()) {
      const out = join(outDir, `${slug}-${String(index).padStart(3, '0')}.ts`);
      writeFileSync(out, `// ${file} line ${block.line} (${block.heading})\n${block.code}\nexport {};\n`);
      it(`runs the example at ${file}:${block.line} (${block.heading})`, async () => {
        await import(pathToFileURL(out).href);
        await runQueuedExampleTests();
      });
    }
  }
});
