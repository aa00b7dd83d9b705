// The playground's browser bundles: one ES module per tool (templates, patterns, events, and the
// fast-check parts of the first two, loaded on first use) built
// from the kit's own sources, with shared chunks, into docs/public/kit/ where the site serves
// them. Node built-ins the kit imports are swapped for browser code that gives the same bytes
// (docs/playground/shims/); `Buffer` comes from the `buffer` package.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const SHIMS = {
  'node:crypto': 'crypto.ts',
  'node:zlib': 'zlib.ts',
  'node:util': 'util.ts',
  'node:timers': 'timers.ts',
};

/** Builds the bundles into `outdir` (default docs/public/kit) and returns esbuild's metafile. */
export async function buildPlaygroundBundles(outdir = here('../docs/public/kit'), { minify = true } = {}) {
  const result = await build({
    entryPoints: {
      templates: here('../docs/playground/kit/templates.ts'),
      templatesCheck: here('../docs/playground/kit/templatesCheck.ts'),
      checkWorker: here('../docs/playground/kit/checkWorker.ts'),
      patterns: here('../docs/playground/kit/patterns.ts'),
      patternsGenerate: here('../docs/playground/kit/patternsGenerate.ts'),
      events: here('../docs/playground/kit/events.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    metafile: true,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
    inject: [here('../docs/playground/shims/buffer.ts')],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'node-shims',
        setup(b) {
          b.onResolve({ filter: /^node:/ }, (args) => {
            const shim = SHIMS[args.path];
            if (shim === undefined)
              return { errors: [{ text: `${args.path} (imported by ${args.importer}) has no browser shim` }] };
            return { path: here(`../docs/playground/shims/${shim}`) };
          });
        },
      },
    ],
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const meta = await buildPlaygroundBundles(process.argv[2]);
  for (const [file, out] of Object.entries(meta.outputs))
    if (!file.endsWith('.map')) console.log(`${file}  ${(out.bytes / 1024).toFixed(1)} KiB`);
}
