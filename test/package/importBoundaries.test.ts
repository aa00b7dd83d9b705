/**
 * The import rules of the design: the root entry (and all of `src/` outside `src/msw/`) never
 * imports fast-check, msw or faker, statically; the arbitraries import faker only through its
 * English locale entry (the root entry costs ~250 ms). Checked on the static import graph.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(STATIC_IMPORT)].map((m) => m[1] as string);
}

/** Bare specifiers reachable from `entry` through static, non-type imports (file → specifiers). */
function reachableBareImports(entry: string): Map<string, string[]> {
  const seen = new Set<string>();
  const bare = new Map<string, string[]>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) stack.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else bare.set(spec, [...(bare.get(spec) ?? []), relative(root, file)]);
    }
  }
  return bare;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const PEERS = /^(?:fast-check|msw|@faker-js\/faker)(?:\/|$)/;

describe('import boundaries', () => {
  it('the root entry reaches neither fast-check, msw nor faker', () => {
    const offenders = [...reachableBareImports(join(root, 'src/index.ts'))].filter(([spec]) => PEERS.test(spec));
    expect(offenders).toEqual([]);
  });

  it('the pipes entry reaches neither fast-check, msw nor faker', () => {
    const offenders = [...reachableBareImports(join(root, 'src/pipes/index.ts'))].filter(([spec]) => PEERS.test(spec));
    expect(offenders).toEqual([]);
  });

  it('the patterns entry reaches neither fast-check, msw nor faker', () => {
    const offenders = [...reachableBareImports(join(root, 'src/patterns/index.ts'))].filter(([spec]) =>
      PEERS.test(spec),
    );
    expect(offenders).toEqual([]);
  });

  it('no file in src/ outside src/msw/ statically imports fast-check, msw, faker or the arbitraries', () => {
    const offenders = tsFiles(join(root, 'src'))
      .filter((file) => !relative(root, file).startsWith(join('src', 'msw')))
      .flatMap((file) =>
        staticImports(file)
          .filter((spec) => PEERS.test(spec) || spec.includes('arbitraries/'))
          .map((spec) => `${relative(root, file)} → ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('faker is imported only from its English locale entry', () => {
    const offenders = [
      ...tsFiles(join(root, 'src')),
      ...tsFiles(join(root, 'arbitraries')),
      ...tsFiles(join(root, 'fixtures')),
    ].flatMap((file) =>
      staticImports(file)
        .filter((spec) => spec.startsWith('@faker-js/faker') && spec !== '@faker-js/faker/locale/en')
        .map((spec) => `${relative(root, file)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the arbitraries entry reaches fast-check (it is built with the user’s copy) but never msw', () => {
    const bare = reachableBareImports(join(root, 'arbitraries/index.ts'));
    expect(bare.has('fast-check')).toBe(true);
    expect([...bare.keys()].filter((spec) => /^msw(\/|$)/.test(spec))).toEqual([]);
  });
});
