import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSqsEvent } from '../../fixtures/sqs.js';
import { cli } from './_io.js';

const dir = mkdtempSync(join(tmpdir(), 'aek-render-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const record = { messageId: 'm-1', body: '{"order": 42}', eventSource: 'aws:sqs' };
const BOM = '\uFEFF';

describe('render refuses an event of the wrong shape for one render', () => {
  const template = file('t.json', '{"id": <$.messageId>, "order": <$.body.order>}');

  it('a whole Lambda event: exit 2 naming what it got and what it expects', async () => {
    const event = file('whole.json', JSON.stringify(makeSqsEvent(['a', 'b'])));
    const out = await cli('render', template, event);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${event} is a whole Lambda event ({"Records": [...]} with 2 records)`);
    expect(out.stderr).toMatch(/applied to one record at a time: pass one record .*or its records with --batch/);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an array without --batch: exit 2 pointing at --batch', async () => {
    const out = await cli('render', template, file('array.json', JSON.stringify([record, record])));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /holds an array of 2 records, but a Pipes template is applied to one record at a time: .*add --batch/,
    );
  });

  it('rules: an array or a whole Lambda event is not an EventBridge event', async () => {
    const map = file('map.json', '{"s": "$.detail.state"}');
    const rule = file('rule.txt', '"state <s>"');
    const array = await cli(
      'render',
      '--rule',
      rule,
      file('rule-array.json', '[{"detail":{}}]'),
      '--input-paths-map',
      map,
    );
    expect(array).toMatchObject({ code: 2, stderr: expect.stringMatching(/one EventBridge event/) });
    const whole = await cli(
      'render',
      '--rule',
      rule,
      file('rule-whole.json', JSON.stringify(makeSqsEvent(['a']))),
      '--input-paths-map',
      map,
    );
    expect(whole).toMatchObject({ code: 2, stderr: expect.stringMatching(/whole Lambda event .*1 record\)/) });
  });

  it('a template that reads $.Records (or $[…]) is taken at its word', async () => {
    const event = file('whole2.json', JSON.stringify({ Records: [record] }));
    expect(await cli('render', file('tr.json', '{"n": <$.Records[0].messageId>}'), event)).toEqual({
      code: 0,
      stdout: '{"n": "m-1"}\n',
      stderr: '',
    });
    expect(
      await cli(
        'render',
        file('ta.json', '{"n": <$[1].messageId>}'),
        file('arr2.json', JSON.stringify([record, { messageId: 'm-2' }])),
      ),
    ).toEqual({ code: 0, stdout: '{"n": "m-2"}\n', stderr: '' });
    // A path merely starting with the letters is not a read of Records.
    expect((await cli('render', file('tx.json', '{"n": <$.RecordsX>}'), event)).code).toBe(2);
  });

  it('--batch given a whole Lambda event says to pass its records', async () => {
    const out = await cli('render', '--batch', template, file('whole3.json', JSON.stringify(makeSqsEvent(['a']))));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /--batch needs an array of records in .*whole3\.json, got a whole Lambda event .*jq '\.Records'/,
    );
  });

  it("--input-paths-map must be a JSON object (a string's characters are not keys), in render, lint and check-template", async () => {
    const rule = file('rule2.txt', '"state <s>"');
    for (const [name, text] of [
      ['s', '"$.detail.state"'],
      ['a', '["$.x"]'],
      ['n', 'null'],
      ['5', '5'],
    ] as const) {
      const map = file(`map-${name}.json`, text);
      for (const args of [
        ['render', '--rule', rule, file('ev.json', '{"detail":{}}'), '--input-paths-map', map],
        ['lint', '--rule', rule, '--input-paths-map', map],
        ['check-template', '--rule', rule, '--input-paths-map', map, '--runs', '1'],
      ]) {
        const out = await cli(...args);
        expect(out.code, args.join(' ')).toBe(2);
        expect(out.stderr, args.join(' ')).toMatch(
          /: --input-paths-map needs a JSON object such as \{"state": "\$\.detail\.state"\} in .*map-.*\.json, got (a string|an array|null|a number)\n$/,
        );
      }
    }
  });

  it('--context must be a JSON object', async () => {
    const out = await cli(
      'render',
      template,
      file('one.json', JSON.stringify(record)),
      '--context',
      file('ctx.json', '[1]'),
    );
    expect(out).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--context needs a JSON object .*got an array/),
    });
  });
});

describe('render --batch reports records whose output is not JSON', () => {
  it('prints the array, names the records on stderr, exits 1', async () => {
    const records = [
      { ...record, body: '5' },
      { ...record, body: 'plain' },
      { ...record, body: 'text' },
    ];
    const out = await cli(
      'render',
      '--batch',
      file('bare.json', '<$.body>'),
      file('recs.json', JSON.stringify(records)),
    );
    expect(out.stdout).toBe('[5,"plain","text"]\n');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /^not JSON: the output of records 1, 2 is not JSON, so Pipes sends them as JSON strings/,
    );
  });
  it('exits 0 when every output is JSON', async () => {
    const out = await cli(
      'render',
      '--batch',
      file('json.json', '{"b": <$.body>}'),
      file('recs2.json', JSON.stringify([record])),
    );
    expect(out).toEqual({ code: 0, stdout: '[{"b": {"order":42}}]\n', stderr: '' });
  });
});

describe('template and event files are UTF-8 text', () => {
  it('a leading byte-order mark is dropped (a JSON template stays JSON, a JSON event parses)', async () => {
    const out = await cli(
      'render',
      file('bom.json', `${BOM}{"id": <$.messageId>}`),
      file('bom-event.json', `${BOM}${JSON.stringify(record)}`),
    );
    expect(out).toEqual({ code: 0, stdout: '{"id": "m-1"}\n', stderr: '' });
    // Without the BOM fix the template was free text: lint said free-text-template.
    expect(await cli('lint', file('bom2.json', `${BOM}{"id": <$.messageId>}`), '--source', 'sqs')).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('invalid UTF-8 is refused, naming the file (not silently replaced by U+FFFD)', async () => {
    const bad = file('latin1.json', Buffer.from('{"id": "caf\xe9 <$.messageId>"}', 'latin1'));
    const out = await cli('render', bad, file('ok.json', JSON.stringify(record)));
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `aws-event-kit render: ${bad} is not valid UTF-8 text; AWS reads templates and events as UTF-8 (re-save the file as UTF-8)\n`,
    );
    const badEvent = file(
      'bad-event.json',
      Buffer.concat([Buffer.from('{"body": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    );
    expect(await cli('render', file('t2.json', '{"b": <$.body>}'), badEvent)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`${badEvent} is not valid UTF-8`),
    });
    expect(await cli('lint', bad)).toMatchObject({ code: 2, stderr: expect.stringContaining('is not valid UTF-8') });
  });
});

describe('stdin that cannot be read', () => {
  it('is one usage line, not an internal error', async () => {
    const { Readable } = await import('node:stream');
    const { runCli } = await import('../../src/cli/run.js');
    const { sink } = await import('./_io.js');
    const stdin = new Readable({
      read() {
        this.destroy(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' }));
      },
    });
    const stderr = sink();
    const code = await runCli(['lint', '-'], { stdout: sink(), stderr, stdin, cwd: dir });
    expect(code).toBe(2);
    expect(stderr.text()).toBe('aws-event-kit lint: cannot read stdin: EISDIR\n');
  });
});
