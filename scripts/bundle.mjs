// Bundles each published entry (from tsc's output in dist/) into dist/bundle/, with shared
// chunks so that classes such as EventInputError stay one class across entries. Node spends
// ~1 ms per ES module file it loads, so 50+ small files made `import 'aws-event-kit'` cost
// ~55 ms; one file per entry costs a fraction. Types stay tsc's declarations in dist/.
import { build } from 'esbuild';

await build({
  entryPoints: {
    index: 'dist/src/index.js',
    arbitraries: 'dist/arbitraries/index.js',
    pipes: 'dist/src/pipes/index.js',
    patterns: 'dist/src/patterns/index.js',
    msw: 'dist/src/msw/index.js',
    vitest: 'dist/src/vitest/index.js',
    cli: 'dist/src/cli/main.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
