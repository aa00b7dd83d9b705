/**
 * What a documentation example gets when it imports 'vitest' (vitest.config.ts resolves it here for
 * the generated example files): the real vitest, except that `it`, `test` and `describe` queue
 * the example's tests. The example runners (test/readme.test.ts, test/msw/readmeExamples.test.ts)
 * run the queue inside their own test right after importing the example, so an example can be
 * written as a user writes a test file and still fail the build when it is wrong.
 */
export * from 'vitest';

type ExampleTestFn = () => unknown;

const queue: { name: string; fn: ExampleTestFn }[] = [];
const suites: string[] = [];

/** Queues one test of the example (`it(name, fn)`). */
export function it(name: string, fn: ExampleTestFn): void {
  queue.push({ name: [...suites, name].join(' > '), fn });
}

/**
 * Same as {@link it}, as vitest's `test` is.
 *
 * @alias
 */
export const test = it;

/** Names the tests queued inside `fn`. */
export function describe(name: string, fn: () => void): void {
  suites.push(name);
  try {
    fn();
  } finally {
    suites.pop();
  }
}

/**
 * Runs the tests the last imported example queued, in order, and empties the queue. A failure is
 * rethrown with the example test's name. Returns how many ran.
 */
export async function runQueuedExampleTests(): Promise<number> {
  const tests = queue.splice(0);
  for (const { name, fn } of tests) {
    try {
      await fn();
    } catch (error) {
      if (error instanceof Error) error.message = `${name}: ${error.message}`;
      throw error;
    }
  }
  return tests.length;
}
