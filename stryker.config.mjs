// Mutation testing of the core modules, each against its own mirrored tests (`npm run test:mutation`,
// or `npm run test:mutation -- pipes` for one group). Not part of CI: a full run takes many minutes.
// Stryker's TypeScript checker and tsconfig rewrite are off (`tsconfigFile` names a file that does not
// exist): TypeScript 7 has no API they can drive, and vitest strips types itself.
const groups = {
  s3: { mutate: ['src/events/s3/keyCodec.ts', 'src/events/s3/record.ts'], tests: ['test/events/s3/**/*.test.ts'] },
  dynamodb: {
    mutate: [
      'src/events/dynamodb/attributeValue.ts',
      'src/events/dynamodb/marshall.ts',
      'src/events/dynamodb/streamRecord.ts',
    ],
    tests: ['test/events/dynamodb/**/*.test.ts'],
  },
  pipes: {
    mutate: ['src/pipes/format.ts', 'src/pipes/path.ts', 'src/pipes/render.ts'],
    tests: ['test/pipes/**/*.test.ts'],
  },
  batchResponses: {
    mutate: ['src/msw/_internals/batchItemFailures.ts'],
    tests: ['test/msw/core/batchItemFailures.test.ts'],
  },
};

const name = process.env.MUTATION_GROUP ?? 'pipes';
const group = groups[name];
if (!group)
  throw new Error(`stryker.config.mjs: unknown MUTATION_GROUP "${name}"; one of ${Object.keys(groups).join(', ')}`);
// vitest.config.ts reads this to run only the group's tests.
process.env.AWS_EVENT_KIT_TEST_INCLUDE = group.tests.join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  mutate: group.mutate,
  tsconfigFile: 'tsconfig.stryker-none.json',
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `.tmp/mutation/${name}.json` },
  tempDirName: '.tmp/stryker',
  // The sandbox needs the sources, tests and configs only; build outputs (rebuilt by others while a run copies them) stay out.
  // The guides stay in: some tests check that each lint code is documented there.
  ignorePatterns: ['/docs/*', '!/docs/guide', '/dist', '/bench', '/coverage', '/.tmp', '/test/.readme'],
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
