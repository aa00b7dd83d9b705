/** CLI polish: --version, did-you-mean for options, lint --format github/json, typeless message attributes. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { escapeGithubData, escapeGithubProperty, githubAnnotation } from '../../src/cli/diagnosticFormat.js';
import { runCli } from '../../src/cli/run.js';
import { packageVersion } from '../../src/cli/version.js';
import { cli, sink } from './_io.js';
import { Readable } from 'node:stream';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const dir = mkdtempSync(join(tmpdir(), 'aek-polish-'));
/** Writes a file in the test's folder and returns its path. */
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the CLI in-process with `stdin`. */
async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await runCli(args, {
    stdout,
    stderr,
    stdin: Readable.from(stdin === '' ? [] : [Buffer.from(stdin)]),
    cwd: dir,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('aws-event-kit --version', () => {
  it("--version and -v print package.json's version and exit 0", async () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-v'])
      expect(await cli(flag)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('a mistyped top-level flag is suggested among the flags', async () => {
    expect(await cli('--verison')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'aws-event-kit: unknown command "--verison"; did you mean --version? (run "aws-event-kit --help")\n',
    });
  });

  it('finds the package named aws-event-kit walking up, from sources, tsc output, the bundle and its chunks', () => {
    const root = mkdtempSync(join(tmpdir(), 'aek-version-'));
    // An application that installed the kit: its own package.json must not be read.
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'my-app', version: '7.7.7' }));
    const kit = join(root, 'node_modules', 'aws-event-kit');
    for (const sub of ['dist/bundle/chunks', 'dist/src/cli', 'src/cli']) mkdirSync(join(kit, sub), { recursive: true });
    writeFileSync(join(kit, 'package.json'), JSON.stringify({ name: 'aws-event-kit', version: '3.2.1' }));
    for (const at of [
      'dist/bundle/cli.js',
      'dist/bundle/chunks/chunk-X.js',
      'dist/src/cli/version.js',
      'src/cli/version.ts',
    ]) {
      expect(packageVersion(pathToFileURL(join(kit, at))), at).toBe('3.2.1');
    }
    expect(packageVersion(pathToFileURL(join(root, 'index.js')))).toBeUndefined();
  });

  it("works once bundled by esbuild as scripts/bundle.mjs does (import.meta.url is the bundle's)", async () => {
    const root = mkdtempSync(join(tmpdir(), 'aek-bundle-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'aws-event-kit', version: '4.5.6-beta.1' }));
    writeFileSync(
      join(root, 'entry.mjs'),
      `import { packageVersion } from ${JSON.stringify(new URL('../../src/cli/version.ts', import.meta.url).pathname)};\nprocess.stdout.write(String(packageVersion()));\n`,
    );
    await build({
      entryPoints: { cli: join(root, 'entry.mjs') },
      outdir: join(root, 'dist/bundle'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      logLevel: 'silent',
    });
    expect(execFileSync(process.execPath, [join(root, 'dist/bundle/cli.js')], { encoding: 'utf8' })).toBe(
      '4.5.6-beta.1',
    );
  });
});

describe('did you mean, for options', () => {
  it('suggests the nearest flags of the command', async () => {
    expect((await cli('generate', 'sqs', '--bdy', 'x')).stderr).toBe(
      'aws-event-kit generate: unknown option --bdy; did you mean --body? (see --help)\n',
    );
    expect((await cli('generate', 's3:put', '--bukcet', 'b')).stderr).toMatch(
      /unknown option --bukcet; did you mean --bucket\?/,
    );
    expect((await cli('lint', 'x.json', '--fromat', 'json')).stderr).toBe(
      'aws-event-kit lint: unknown option --fromat; did you mean --format? (see --help)\n',
    );
    expect((await cli('lint-pattern', 'x.json', '--sorce', 'sqs')).stderr).toMatch(
      /unknown option --sorce; did you mean --source\?/,
    );
  });

  it('stays quiet when nothing is close, and exits 2 either way', async () => {
    const far = await cli('list', '--all');
    expect(far).toEqual({ code: 2, stdout: '', stderr: 'aws-event-kit list: unknown option --all (see --help)\n' });
    expect((await cli('generate', 'sqs', '--bdy', 'x')).code).toBe(2);
  });
});

describe('GitHub Actions escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeGithubData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeGithubProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
  });

  it('maps severities one to one and leaves out file for stdin', () => {
    const d = {
      code: 'c',
      message: 'm',
      severity: 'warning' as const,
      line: 2,
      column: 3,
      docsUrl: 'https://x.test/c',
    };
    expect(githubAnnotation('a.json', d)).toBe('::warning file=a.json,line=2,col=3,title=c::m (https://x.test/c)\n');
    expect(githubAnnotation('-', { ...d, severity: 'error' })).toBe(
      '::error line=2,col=3,title=c::m (https://x.test/c)\n',
    );
  });
});

describe('lint --format', () => {
  const template = '{"a": "<$.body>", "b": <$.bodyy.x>}';
  it('github: one workflow command per finding, errors exit 1', async () => {
    const path = file('odd, name:1.json', template);
    const { code, stdout, stderr } = await run(['lint', path, '--source', 'sqs', '--format', 'github']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const escapedPath = path.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(lines[0]).toMatch(
      new RegExp(
        `^::error file=${escapedPath.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')},line=1,col=8,title=quoted-object::<\\$\\.body> can hold`,
      ),
    );
    expect(lines[0]).toMatch(/ \(https:\/\/aws-event-kit\.dev\/lint\/templates\/quoted-object\)$/);
    expect(lines[1]).toMatch(/^::warning file=.+,line=1,col=24,title=impossible-path::/);
  });

  it('json: an array of findings with line and column', async () => {
    const { code, stdout } = await run(['lint', '-', '--source', 'sqs', '--format', 'json'], template);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([
      ['quoted-object', 'error', 1, 8],
      ['impossible-path', 'warning', 1, 24],
    ]);
    expect((await run(['lint', '-', '--format', 'json'], '{"a": <$.body>}')).stdout).toBe('[]\n');
  });

  it('text stays the default; an unknown format is a usage error', async () => {
    const text = await run(['lint', '-', '--source', 'sqs'], template);
    expect(text.stdout).toMatch(/^-:1:8 quoted-object /);
    expect(await run(['lint', '-', '--format', 'sarif'], template)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'aws-event-kit lint: --format must be text, json or github, got "sarif"\n',
    });
  });

  it('lint-pattern --format github: warnings and errors at the field', async () => {
    const path = file('pattern.json', '{\n  "detailType": ["x"],\n  "source": [{"prefix": ""}]\n}');
    const { code, stdout } = await run(['lint-pattern', path, '--format', 'github']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `::error file=${path.replace(/:/g, '%3A')},line=2,col=3,title=envelope-near-miss::"detailType" is not a field`,
    );
    expect(stdout).toContain(`::warning file=${path.replace(/:/g, '%3A')},line=3,col=3,title=empty-prefix::`);
  });
});

describe('--message-attribute without a type', () => {
  /** The first record's attributes and the stderr of `generate sqs`. */
  async function attributes(
    ...flags: string[]
  ): Promise<{ attrs: Record<string, { dataType: string; stringValue?: string }>; stderr: string }> {
    const { code, stdout, stderr } = await cli(
      'generate',
      'sqs',
      '--body',
      'x',
      ...flags.flatMap((f) => ['--message-attribute', f]),
    );
    expect(code, stderr).toBe(0);
    return {
      attrs: (JSON.parse(stdout) as { Records: Array<{ messageAttributes: never }> }).Records[0]!.messageAttributes,
      stderr,
    };
  }

  it('assumes Number for a canonical JSON number, and says so', async () => {
    const { attrs, stderr } = await attributes('priority=5', 'delta=-2.5');
    expect(attrs.priority).toMatchObject({ dataType: 'Number', stringValue: '5' });
    expect(attrs.delta).toMatchObject({ dataType: 'Number', stringValue: '-2.5' });
    expect(stderr).toBe(
      'aws-event-kit generate: note: --message-attribute priority=5 has no type; assumed Number (write priority=String:…, priority=Number:… or priority=Binary:… to choose)\n' +
        'aws-event-kit generate: note: --message-attribute delta=-2.5 has no type; assumed Number (write delta=String:…, delta=Number:… or delta=Binary:… to choose)\n',
    );
  });

  it('assumes String for anything that would not read back as the same number (zip codes, 1.50, 1e3, huge ids)', async () => {
    const values = ['02134', '1.50', '1e3', '12345678901234567890', '-0', 'web:eu', 'Number'];
    const { attrs, stderr } = await attributes(...values.map((v, i) => `a${i}=${v}`));
    values.forEach((v, i) => expect(attrs[`a${i}`], v).toMatchObject({ dataType: 'String', stringValue: v }));
    expect(stderr.trimEnd().split('\n')).toHaveLength(values.length);
    expect(stderr).toContain('--message-attribute a0=02134 has no type; assumed String');
  });

  it("no note when the event cannot be built (an empty value is the factory's error)", async () => {
    const { code, stderr } = await cli('generate', 'sqs', '--body', 'x', '--message-attribute', 'a=');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^aws-event-kit generate: makeSqsEvent: options\.messageAttributes\.a\.stringValue is empty/,
    );
  });

  it('an explicit type prints no note', async () => {
    const { attrs, stderr } = await attributes('priority=Number:5', 'zip=String:02134');
    expect(stderr).toBe('');
    expect(attrs.zip).toMatchObject({ dataType: 'String', stringValue: '02134' });
  });
});
