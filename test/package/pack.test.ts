/**
 * How a user meets the kit: `npm pack`, install the tarball into an empty project, and import
 * every documented entry point from it — at run time and with types (tsc on a consumer file).
 * Needs the build (`npm test` builds first) and the npm registry for the package's own dependencies.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
  exports: Record<string, unknown>;
};
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'aws-event-kit-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], root)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const tarball = join(scratch, (packed[0] as { filename: string }).filename);
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // The peers at the versions this repo tests with; --prefer-offline reuses the npm cache.
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      `fast-check@${pkg.devDependencies['fast-check']}`,
      `msw@${pkg.devDependencies.msw}`,
      `@types/node@${pkg.devDependencies['@types/node']}`,
    ],
    scratch,
  );
}, 300_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships only the build, with every exports target present', () => {
    const listing = run('npm', ['pack', '--dry-run', '--json'], root);
    const files = (JSON.parse(listing) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((f) => f.path) ?? [];
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.endsWith('.tsbuildinfo'))).toBe(false);
    for (const target of Object.values(pkg.exports)) {
      const paths = typeof target === 'string' ? [target] : Object.values(target as Record<string, string>);
      for (const path of paths) expect(files).toContain(path.replace(/^\.\//, ''));
    }
  });

  it('imports every entry point at run time', () => {
    const script = `
      import * as root from 'aws-event-kit';
      import * as arbitraries from 'aws-event-kit/arbitraries';
      import * as pipes from 'aws-event-kit/pipes';
      import * as msw from 'aws-event-kit/msw';
      import * as patterns from 'aws-event-kit/patterns';
      import fc from 'fast-check';
      const s3 = root.makeS3PutEvent('my-bucket', { key: 'my photos/a+b.jpg' });
      const [sample] = fc.sample(arbitraries.sqsEvent(), { numRuns: 1, seed: 1 });
      console.log(JSON.stringify({
        key: s3.Records[0].s3.object.key,
        sqs: sample.Records.length > 0,
        pipes: typeof pipes.renderPipeTemplate,
        msw: typeof msw.createAwsMocks,
        patterns: patterns.testEventPattern({ source: [{ prefix: 'aws.' }] }, { source: 'aws.s3' }),
      }));`;
    writeFileSync(join(scratch, 'runtime.mjs'), script);
    const out = JSON.parse(run(process.execPath, ['runtime.mjs'], scratch));
    expect(out).toEqual({ key: 'my+photos/a%2Bb.jpg', sqs: true, pipes: 'function', msw: 'function', patterns: true });
  });

  it('type-checks a consumer that uses every entry point', () => {
    writeFileSync(
      join(scratch, 'consumer.ts'),
      `import { makeS3PutEvent, makeSqsEvent, type DeepPartial } from 'aws-event-kit';
       import { sqsEvent } from 'aws-event-kit/arbitraries';
       import { renderPipeTemplate } from 'aws-event-kit/pipes';
       import { createAwsMocks } from 'aws-event-kit/msw';
       import { compileEventPattern, EventPatternError } from 'aws-event-kit/patterns';
       import type { AwsEventKitMatchers } from 'aws-event-kit/vitest';
       import type { S3Event, SQSEvent } from 'aws-lambda';
       const s3: S3Event = makeS3PutEvent('my-bucket');
       const sqs: SQSEvent = makeSqsEvent(['hello']);
       const partial: DeepPartial<SQSEvent> = { Records: sqs.Records };
       const arbitrary = sqsEvent();
       const rendered = renderPipeTemplate('{"b": <$.body>}', sqs.Records[0]);
       const mocks = createAwsMocks();
       // @ts-expect-error Records must be an array of records
       makeS3PutEvent('b', { overrides: { Records: 'x' } });
       const compiled = compileEventPattern({ source: ['aws.s3'] });
       const matches: boolean = compiled.matches(s3);
       const invalid: string = new EventPatternError('x').reason;
       type Matchers = AwsEventKitMatchers<void, unknown>;
       export type { Matchers };
       export { s3, partial, arbitrary, rendered, mocks, matches, invalid };
      `,
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.json'], scratch);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.trim()).toBe('');
  });
});
