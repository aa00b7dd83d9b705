/**
 * SPAWN TESTS of the real executable, dist/bundle/cli.js (built by `npm run build`, which
 * `npm test` runs first). Skipped when the build is absent; AWS_EVENT_KIT_BIN points them at
 * another build (e.g. `tsc -p tsconfig.build.json --outDir /tmp/x`).
 * Everything else about the CLI is tested in-process (main.test.ts, generate.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.AWS_EVENT_KIT_BIN ?? join(root, 'dist/bundle/cli.js');

const run = (args: string[], options: { nodeFlags?: string[] } = {}) =>
  spawnSync(process.execPath, [...(options.nodeFlags ?? []), bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });

describe.skipIf(!existsSync(bin))('the built aws-event-kit bin (spawned)', () => {
  it('starts with a node shebang', () => {
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('list and generate exit 0 with JSON on stdout', () => {
    const list = run(['list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^scheduled +EventBridge scheduled-rule event/m);
    const generated = run(['generate', 'scheduled', '--seed', '3']);
    expect(generated.status).toBe(0);
    expect(generated.stderr).toBe('');
    expect(JSON.parse(generated.stdout)).toMatchObject({
      version: '0',
      source: 'aws.events',
      'detail-type': 'Scheduled Event',
    });
  });

  it('usage errors exit 2 with one line on stderr', () => {
    for (const args of [['generate', 'sqs:fif'], ['nope'], [], ['generate', 'sqs', '--count', 'x']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('streams 1,000,000 NDJSON events within a 64 MB heap (backpressure, not buffering)', () => {
    // --max-old-space-size makes any heap growth with the output fatal: the output is ~270 MB.
    const result = spawnSync(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        `"${process.execPath}" --max-old-space-size=64 "${bin}" generate scheduled --count 1000000 --ndjson | wc -l`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(Number(result.stdout.trim())).toBe(1_000_000);
  }, 120_000);

  it('exits quietly when the reader goes away (| head)', () => {
    const result = spawnSync(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        `"${process.execPath}" "${bin}" generate eventbridge --count 1000000 --ndjson | head -n 2`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});
