/**
 * The API reference (scripts/docs-api.mjs) covers every public name of every entry: each name an
 * entry exports at run time has its section, with its declaration and its TSDoc.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script without types
import { ENTRIES, generateApi } from '../../scripts/docs-api.mjs';

const SOURCES: Record<string, () => Promise<Record<string, unknown>>> = {
  'aws-event-kit': () => import('../../src/index.js'),
  arbitraries: () => import('../../arbitraries/index.js'),
  pipes: () => import('../../src/pipes/index.js'),
  patterns: () => import('../../src/patterns/index.js'),
  msw: () => import('../../src/msw/index.js'),
  vitest: () => import('../../src/vitest/index.js'),
};

let names: Record<string, string[]>;
let outDir: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'aek-api-'));
  outDir = join(dir, 'api');
  names = generateApi({ dtsDir: join(dir, 'dts'), outDir }) as Record<string, string[]>;
}, 600_000);

describe('the API reference', () => {
  it('has one page per published entry', () => {
    expect((ENTRIES as { page: string }[]).map((e) => e.page).sort()).toEqual(Object.keys(SOURCES).sort());
  });

  it.each(Object.keys(SOURCES))('%s: every run-time export has a documented section', async (page) => {
    const runtime = Object.keys(await SOURCES[page]!()).filter((name) => name !== 'default');
    const text = readFileSync(join(outDir, `${page}.md`), 'utf8');
    expect(runtime.length).toBeGreaterThan(0);
    for (const name of runtime) expect(names[page], `${page}: ${name}`).toContain(name);
    // Types count too: the reference lists more names than the run-time exports.
    expect(names[page]!.length).toBeGreaterThanOrEqual(runtime.length);
    for (const name of names[page]!) {
      const section = text.split(`\n### ${name} {#${name}}\n`)[1]?.split('\n### ')[0];
      expect(section, `${page}: ${name}`).toBeDefined();
      expect(section, `${page}: ${name}`).toMatch(/```ts\n[\s\S]+?\n```/);
      expect(section, `${page}: ${name} has no TSDoc`).not.toMatch(/_No description\._/);
    }
  });
});
