import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [
    {
      // Documentation examples are written as test files (`import { expect, it } from 'vitest'`);
      // in the generated example files 'vitest' is a shim whose `it` queues the test for the runner.
      name: 'aws-event-kit:example-vitest',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === 'vitest' && importer !== undefined && /[\\/]test[\\/](?:.+[\\/])?\.readme[\\/]/.test(importer)) {
          return here('./test/_helpers/readmeVitest.ts');
        }
        return null;
      },
    },
  ],
  resolve: {
    // Tests (and README examples) import the package by its public name; resolve it to the sources.
    alias: [
      { find: /^aws-event-kit\/arbitraries$/, replacement: here('./arbitraries/index.ts') },
      { find: /^aws-event-kit\/pipes$/, replacement: here('./src/pipes/index.ts') },
      { find: /^aws-event-kit\/patterns$/, replacement: here('./src/patterns/index.ts') },
      { find: /^aws-event-kit\/msw$/, replacement: here('./src/msw/index.ts') },
      { find: /^aws-event-kit\/vitest$/, replacement: here('./src/vitest/index.ts') },
      { find: /^aws-event-kit$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    // The mutation runs (stryker.config.mjs) narrow the run to one module group's tests.
    include: process.env.AWS_EVENT_KIT_TEST_INCLUDE?.split(',') ?? ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
