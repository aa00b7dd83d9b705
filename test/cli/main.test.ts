import { describe, expect, it } from 'vitest';
import { UsageError, type CliCommand } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { listCommand } from '../../src/cli/commands/list.js';
import { KINDS } from '../../src/cli/kinds.js';
import { mainHelp, runCli } from '../../src/cli/run.js';
import { nearest } from '../../src/cli/suggest.js';
import { cli, sink } from './_io.js';

describe('aws-event-kit (dispatch)', () => {
  it('--help, -h and help list every command and exit 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const { code, stdout, stderr } = await cli(flag);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toBe(mainHelp());
      for (const command of COMMANDS) expect(stdout).toContain(`  ${command.name}`);
    }
  });

  it('every command answers --help with its own help, exit 0', async () => {
    for (const command of COMMANDS) {
      const { code, stdout } = await cli(command.name, '--help');
      expect(code, command.name).toBe(0);
      expect(stdout, command.name).toBe(command.help);
    }
  });

  it('no command, or an unknown one, exits 2 with one line (and the nearest command)', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('aws-event-kit: missing command (run "aws-event-kit --help")\n');
    const typo = await cli('generat', 'sqs');
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe(
      'aws-event-kit: unknown command "generat"; did you mean generate? (run "aws-event-kit --help")\n',
    );
    expect((await cli('--frobnicate')).code).toBe(2);
  });

  it('turns UsageErrors into exit 2 with one line, and lets real failures through', async () => {
    const throwing = (error: Error): CliCommand => ({
      name: 'x',
      summary: '',
      help: '',
      run: async () => Promise.reject(error),
    });
    const stderr = sink();
    const io = { stdout: sink(), stderr, stdin: process.stdin, cwd: '.' };
    expect(await runCli(['x'], io, [throwing(new UsageError('bad\nthing'))])).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stderr.text()).toBe('aws-event-kit x: bad thing\n');
    await expect(runCli(['x'], io, [throwing(new RangeError('bug'))])).rejects.toThrow('bug');
  });
});

describe('aws-event-kit list', () => {
  it('prints every kind once with its description', async () => {
    const { code, stdout } = await cli('list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(KINDS.length);
    lines.forEach((line, i) =>
      expect(line).toMatch(
        new RegExp(
          `^${KINDS[i]!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +${KINDS[i]!.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        ),
      ),
    );
    expect(new Set(KINDS.map((k) => k.name)).size).toBe(KINDS.length);
  });

  it('--json prints names and descriptions', async () => {
    const { stdout } = await cli('list', '--json');
    expect(JSON.parse(stdout)).toEqual(KINDS.map(({ name, description }) => ({ name, description })));
  });

  it('has the kinds the CLI promises', () => {
    const names = KINDS.map((k) => k.name);
    for (const name of [
      's3:put',
      's3:delete',
      's3:ObjectCreated:Put',
      's3:ObjectRemoved:DeleteMarkerCreated',
      's3:eventbridge',
      's3:eventbridge:object-deleted',
      's3:test',
      'sqs',
      'sqs:fifo',
      'kinesis',
      'dynamodb',
      'dynamodb:kinesis',
      'scheduled',
      'eventbridge',
      'cloudwatch-logs',
      'cloudwatch-logs:control',
      'pipes:sqs',
      'pipes:kinesis',
      'pipes:dynamodb',
    ]) {
      expect(names).toContain(name);
    }
    for (const kind of KINDS) expect(kind.description).not.toContain('\n');
  });

  it('rejects arguments with exit 2', async () => {
    const { code, stderr } = await cli('list', 'sqs');
    expect(code).toBe(2);
    expect(stderr).toBe('aws-event-kit list: takes no arguments, got sqs\n');
    expect((await cli('list', '--all')).stderr).toBe('aws-event-kit list: unknown option --all (see --help)\n');
    expect(listCommand.help).toContain('--json');
  });
});

describe('nearest', () => {
  it('prefers prefixes, then small edit distances, and offers nothing implausible', () => {
    expect(nearest('sqs:fif', ['sqs', 'sqs:fifo', 'kinesis'])).toEqual(['sqs:fifo', 'sqs']);
    expect(nearest('kinesys', ['sqs', 'kinesis', 'dynamodb:kinesis'])).toEqual(['kinesis']);
    expect(nearest('qqqqqqqq', ['sqs', 'kinesis'])).toEqual([]);
  });
});
