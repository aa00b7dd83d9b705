#!/usr/bin/env node
/**
 * Prints, as JSON, the kit's seeded output from the sources: every S3 event name through
 * `makeS3Event`, every S3 EventBridge detail type, every kind `aws-event-kit generate` lists for
 * seeds 0..2, and `fc.sample` of every public arbitrary for fixed seeds. A refactoring that must
 * keep behaviour keeps this output byte for byte:
 *
 *   node scripts/sample-seeded.mjs > /tmp/before.json   # then change, then
 *   node scripts/sample-seeded.mjs | cmp - /tmp/before.json
 *
 * It bundles a small entry with esbuild (the sources are TypeScript) into `.tmp/` and runs it.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.tmp', 'sample-seeded');
mkdirSync(outDir, { recursive: true });
const entry = join(outDir, 'entry.ts');
writeFileSync(
  entry,
  `export * as kit from '../../src/index.ts';
export * as arbitraries from '../../arbitraries/index.ts';
export { KINDS } from '../../src/cli/kinds.ts';
export * as fc from 'fast-check';
`,
);
const outfile = join(outDir, 'entry.mjs');
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'error',
});
const { kit, arbitraries, KINDS, fc } = await import(pathToFileURL(outfile).href);

/** JSON that keeps what plain JSON would lose or throw on (bigint, binary, undefined, Map/Set, errors). */
function replacer(_key, value) {
  if (typeof value === 'bigint') return { $bigint: String(value) };
  if (value === undefined) return { $undefined: true };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (value instanceof Map) return { $map: [...value] };
  if (value instanceof Set) return { $set: [...value] };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (typeof value === 'function') return { $function: value.name };
  if (typeof value === 'symbol') return { $symbol: String(value) };
  if (value instanceof Error) return { $error: value.name, message: value.message };
  return value;
}
/** The value, or the error it throws, so a changed error shows too. */
function attempt(make) {
  try {
    return make();
  } catch (error) {
    return { $threw: error?.name, message: error?.message };
  }
}

const out = { s3EventNames: {}, s3EventBridge: {}, kinds: {}, arbitraries: {} };
for (const name of kit.S3_EVENT_NAMES) {
  out.s3EventNames[name] = [0, 1, 2].map((seed) =>
    attempt(() => kit.makeS3Event(name, 'my-bucket', { key: 'a b/c+d.jpg', seed })),
  );
}
for (const type of kit.S3_EVENTBRIDGE_DETAIL_TYPES) {
  out.s3EventBridge[type] = [0, 1, 2].map((seed) =>
    attempt(() => kit.makeS3EventBridgeEvent(type, 'my-bucket', { key: 'a b/c+d.jpg', seed })),
  );
}
out.kindNames = KINDS.map((kind) => kind.name);
for (const kind of KINDS) out.kinds[kind.name] = [0, 1, 2].map((seed) => attempt(() => kind.make(seed)));
for (const [name, value] of Object.entries(arbitraries).sort(([a], [b]) => a.localeCompare(b))) {
  if (typeof value !== 'function') continue;
  const arbitrary = attempt(() => value());
  if (!(arbitrary instanceof fc.Arbitrary)) {
    out.arbitraries[name] = { $notArbitrary: typeof arbitrary };
    continue;
  }
  out.arbitraries[name] = [0, 1, 2].map((seed) => attempt(() => fc.sample(arbitrary, { seed, numRuns: 3 })));
}
// Per name: each S3 event name and EventBridge detail type pinned alone.
out.s3EventArbitrary = {};
for (const name of kit.S3_EVENT_NAMES)
  out.s3EventArbitrary[name] = attempt(() =>
    fc.sample(arbitraries.s3Event({ eventNames: [name] }), { seed: 7, numRuns: 2 }),
  );
out.s3EventBridgeArbitrary = {};
for (const type of kit.S3_EVENTBRIDGE_DETAIL_TYPES)
  out.s3EventBridgeArbitrary[type] = attempt(() =>
    fc.sample(arbitraries.s3EventBridgeEvent({ detailTypes: [type] }), { seed: 7, numRuns: 2 }),
  );
process.stdout.write(JSON.stringify(out, replacer, 1) + '\n');
