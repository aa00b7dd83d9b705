/**
 * Output that cannot be written (a full disk): one line on stderr and a non-zero exit, never a
 * stack trace. /dev/full answers every write with ENOSPC, as a full disk does.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { describeWriteError, OutputError } from '../../src/cli/output.js';
import { runCli } from '../../src/cli/run.js';
import { sink } from './_io.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hasDevFull = existsSync('/dev/full');

describe('describeWriteError', () => {
  it('keeps the code and the reason of a system error, on one line', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(describeWriteError(error)).toBe('ENOSPC (no space left on device)');
    expect(new OutputError('stdout', error).message).toBe('cannot write to stdout: ENOSPC (no space left on device)');
    expect(describeWriteError(new Error('a\nb'))).toBe('a b');
  });
});

describe.skipIf(!hasDevFull)('a full disk', () => {
  it('generate (streamed output): one line on stderr, exit 1', async () => {
    const stdout = createWriteStream('/dev/full');
    const late: unknown[] = [];
    stdout.on('error', (error) => late.push(error));
    const stderr = sink();
    const code = await runCli(['generate', 'scheduled', '--count', '2000', '--ndjson'], {
      stdout,
      stderr,
      stdin: Readable.from([]),
      cwd: root,
    });
    expect(code).toBe(1);
    expect(stderr.text()).toBe('aws-event-kit generate: cannot write to stdout: ENOSPC (no space left on device)\n');
    stdout.destroy();
  });

  it('the executable: one line on stderr, exit 1, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aek-bin-'));
    const bin = join(dir, 'cli.mjs');
    await build({
      entryPoints: [join(root, 'src/cli/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bin,
      logLevel: 'silent',
    });
    for (const args of [['generate', 'scheduled'], ['list'], ['--help']]) {
      const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" ${args.join(' ')} > /dev/full`], {
        encoding: 'utf8',
        cwd: root,
      });
      expect(result.stderr, args.join(' ')).toBe(
        'aws-event-kit: cannot write to stdout: ENOSPC (no space left on device)\n',
      );
      expect(result.status, args.join(' ')).toBe(1);
    }
  }, 60_000);
});
