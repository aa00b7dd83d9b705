import { describe, expect, it } from 'vitest';
import {
  compilePipeTemplate,
  renderPipeTemplate,
  renderRuleTemplate,
  transformPipeBatch,
  type RenderResult,
} from '../../src/pipes/index.js';

const body = (r: RenderResult): string => {
  if (!r.delivered) throw new Error(`not delivered: ${r.reason}`);
  return r.body;
};
const sqs = (b: string, extra: Record<string, unknown> = {}) => ({
  messageId: 'm-1',
  body: b,
  attributes: { SenderId: 'AIDA1' },
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:q',
  awsRegion: 'eu-west-1',
  ...extra,
});
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const event = { s: 'v', n: 1.5, t: true, z: null, o: { a: 'x', b: [1, 'y'] }, l: ['P', 'Q'], e: '' };

describe('a value by where its placeholder sits', () => {
  it.each([
    ['unquoted string is auto-quoted', '{"k": <$.s>}', '{"k": "v"}'],
    ['unquoted number, boolean, null as raw JSON', '[<$.n>, <$.t>, <$.z>]', '[1.5, true, null]'],
    ['unquoted object and array as compact JSON', '{"o":<$.o>,"l":<$.l>}', '{"o":{"a":"x","b":[1,"y"]},"l":["P","Q"]}'],
    ['missing path as ""', '{"k": <$.nope>, "j": <$.o.nope>}', '{"k": "", "j": ""}'],
    ['whole-quoted string is not doubled', '{"k": "<$.s>"}', '{"k": "v"}'],
    ['whole-quoted number keeps the quotes', '{"k": "<$.n>"}', '{"k": "1.5"}'],
    ['whole-quoted missing is ""', '{"k": "<$.nope>"}', '{"k": ""}'],
    ['inside a longer JSON string, raw', '{"k": "a/<$.s>/<$.n>/<$.nope>/b"}', '{"k": "a/v/1.5//b"}'],
    [
      'template whitespace is kept byte for byte',
      '{\n  "k" :\t<$.s> ,"x":[ 1 ,2 ] }',
      '{\n  "k" :\t"v" ,"x":[ 1 ,2 ] }',
    ],
  ])('%s', (_name, template, expected) => {
    expect(body(renderPipeTemplate(template, event))).toBe(expected);
  });

  it('an object or array inside a quoted JSON string is not delivered', () => {
    for (const t of ['{"k": "<$.o>"}', '{"k": "x <$.l>"}']) {
      const r = renderPipeTemplate(t, event);
      expect(r.delivered).toBe(false);
      if (!r.delivered) expect(r.reason).toMatch(/not delivered|delivers nothing/);
    }
    expect(body(renderPipeTemplate('{"k": "x <$.o>"}', event, {}, { objectInJsonString: 'strip-quotes' }))).toBe(
      '{"k": "x {a:x,b:[1,y]}"}',
    );
  });

  it('inside a string template: raw strings, quote-stripped objects, empty when missing', () => {
    const r = renderRuleTemplate(
      {
        inputPathsMap: { s: '$.s', o: '$.o', l: '$.l', t: '$.t', m: '$.nope' },
        inputTemplate: '"<s>|<o>|<l>|<t>|<m>|"',
      },
      event,
    );
    expect(body(r)).toBe('"v|{a:x,b:[1,y]}|[P,Q]|true||"');
  });

  it('free text and a bare path deliver raw values (Pipes)', () => {
    expect(body(renderPipeTemplate('Hello, <$.s> <$.n>', event))).toBe('Hello, v 1.5');
    expect(body(renderPipeTemplate('<$.s>', event))).toBe('v');
    expect(body(renderPipeTemplate('<$.o>', event))).toBe('{a:x,b:[1,y]}');
  });

  it('an empty Pipes template passes the record unchanged', () => {
    expect(body(renderPipeTemplate('', event))).toBe(JSON.stringify(event));
  });
});

describe('options for what AWS leaves open', () => {
  const quoted = { s: 'say "hi" \\ \n' };
  it('escape: none (default) inserts values as they are; json escapes them', () => {
    expect(body(renderPipeTemplate('{"k": <$.s>}', quoted))).toBe('{"k": "say "hi" \\ \n"}');
    expect(body(renderPipeTemplate('{"k": <$.s>, "j": "x<$.s>"}', quoted, {}, { escape: 'json' }))).toBe(
      '{"k": "say \\"hi\\" \\\\ \\n", "j": "xsay \\"hi\\" \\\\ \\n"}',
    );
    expect(JSON.parse(body(renderPipeTemplate('{"k": <$.s>}', quoted, {}, { escape: 'json' })))).toEqual({
      k: quoted.s,
    });
  });
  it('missingPath: omit drops members and elements whose placeholder is missing', () => {
    const t = '{"a": <$.nope>, "b": <$.s>, "c": [<$.nope>, 1, <$.x>], "d": "<$.nope>", "e": <$.nope>}';
    expect(body(renderPipeTemplate(t, event, {}, { missingPath: 'omit' }))).toBe('{ "b": "v", "c": [ 1]}');
    expect(JSON.parse(body(renderPipeTemplate(t, event, {}, { missingPath: 'omit' })))).toEqual({ b: 'v', c: [1] });
    expect(JSON.parse(body(renderPipeTemplate(t, event)))).toEqual({ a: '', b: 'v', c: ['', 1, ''], d: '', e: '' });
  });
  it('wildcard: array (default) or first', () => {
    const e = { items: [{ id: 'a' }, { id: 'b' }, { x: 1 }], m: { p: 1, q: 2 } };
    expect(body(renderPipeTemplate('{"ids": <$.items[*].id>, "v": <$.m.*>}', e))).toBe(
      '{"ids": ["a","b"], "v": [1,2]}',
    );
    expect(body(renderPipeTemplate('{"id": <$.items[*].id>}', e, {}, { wildcard: 'first' }))).toBe('{"id": "a"}');
    expect(body(renderPipeTemplate('{"id": <$.none[*]>}', e, {}, { wildcard: 'first' }))).toBe('{"id": ""}');
  });
  it('outerQuotes: template (default), always, never', () => {
    expect(body(renderPipeTemplate('"Hello, <$.s>"', event))).toBe('"Hello, v"');
    expect(body(renderPipeTemplate('"Hello, <$.s>"', event, {}, { outerQuotes: 'never' }))).toBe('Hello, v');
    expect(body(renderPipeTemplate('Hello, <$.s>', event, {}, { outerQuotes: 'always' }))).toBe('"Hello, v"');
  });
  it('rejects an unknown option value', () => {
    expect(() => renderPipeTemplate('<$.s>', event, {}, { escape: 'html' as never })).toThrow(
      /options.escape must be one of/,
    );
  });
});

describe('implicit body parsing', () => {
  it('SQS body: JSON is decoded; other text stays a string', () => {
    expect(body(renderPipeTemplate('{"o": <$.body.order>, "b": <$.body>}', sqs('{"order": 42}')))).toBe(
      '{"o": 42, "b": {"order":42}}',
    );
    expect(body(renderPipeTemplate('{"b": <$.body>, "o": <$.body.order>}', sqs('plain text')))).toBe(
      '{"b": "plain text", "o": ""}',
    );
  });
  it('Kinesis, Active MQ, Rabbit MQ data and Kafka key/value are base64: decoded when JSON, else left base64', () => {
    const kin = { data: b64('{"City":"Seattle"}'), eventSource: 'aws:kinesis' };
    expect(body(renderPipeTemplate('{"c": <$.data.City>}', kin))).toBe('{"c": "Seattle"}');
    expect(body(renderPipeTemplate('{"d": <$.data>}', { data: b64('not json'), eventSource: 'aws:kinesis' }))).toBe(
      `{"d": "${b64('not json')}"}`,
    );
    expect(body(renderPipeTemplate('{"d": <$.data.a>}', { data: b64('{"a":1}'), eventSource: 'aws:amq' }))).toBe(
      '{"d": 1}',
    );
    expect(body(renderPipeTemplate('{"d": <$.data.a>}', { data: b64('{"a":2}'), eventSource: 'aws:rmq' }))).toBe(
      '{"d": 2}',
    );
    const kafka = { key: b64('"k1"'), value: b64('{"v":[1]}'), eventSource: 'aws:kafka' };
    expect(body(renderPipeTemplate('{"k": <$.key>, "v": <$.value.v>}', kafka))).toBe('{"k": "k1", "v": [1]}');
    expect(body(renderPipeTemplate('{"v": <$.value.v>}', { ...kafka, eventSource: 'SelfManagedKafka' }))).toBe(
      '{"v": [1]}',
    );
  });
  it('records of other sources and implicitBodyParsing: false are not decoded', () => {
    expect(body(renderPipeTemplate('{"b": <$.body>}', { body: '{"a":1}' }))).toBe('{"b": "{"a":1}"}');
    expect(body(renderPipeTemplate('{"b": <$.body.a>}', sqs('{"a":1}'), {}, { implicitBodyParsing: false }))).toBe(
      '{"b": ""}',
    );
  });
  it('a record mutated between renders is decoded again', () => {
    const record = sqs('{"a":1}');
    expect(body(renderPipeTemplate('{"a": <$.body.a>}', record))).toBe('{"a": 1}');
    record.body = '{"a":2}';
    expect(body(renderPipeTemplate('{"a": <$.body.a>}', record))).toBe('{"a": 2}');
  });
  it("embeddedJson: source keeps a decoded body's own spacing inside strings", () => {
    expect(body(renderPipeTemplate('"b=<$.body>"', sqs('{"k": "v"}'), {}, { embeddedJson: 'source' }))).toBe(
      '"b={k: v}"',
    );
    expect(body(renderPipeTemplate('"b=<$.body>"', sqs('{"k": "v"}')))).toBe('"b={k:v}"');
  });
});

describe('reserved variables', () => {
  it('Pipes: context values, deterministic defaults, the event raw and decoded', () => {
    const record = sqs('{"a":1}');
    const t =
      '{"arn":<aws.pipes.pipe-arn>,"name":<aws.pipes.pipe-name>,"src":<aws.pipes.source-arn>,"enr":<aws.pipes.enrichment-arn>,"tgt":<aws.pipes.target-arn>,"at":<aws.pipes.event.ingestion-time>,"raw":<aws.pipes.event>,"json":<aws.pipes.event.json>}';
    const out = JSON.parse(body(renderPipeTemplate(t, record)));
    expect(out).toEqual({
      arn: 'arn:aws:pipes:eu-west-1:111122223333:pipe/my-pipe',
      name: 'my-pipe',
      src: record.eventSourceARN,
      enr: '',
      tgt: '',
      at: '2026-01-15T12:30:45.123Z',
      raw: record,
      json: { ...record, body: { a: 1 } },
    });
    const ctx = {
      pipeArn: 'arn:aws:pipes:us-east-1:1:pipe/p',
      targetArn: 't',
      enrichmentArn: 'e',
      ingestionTime: new Date('2020-01-01T00:00:00Z'),
    };
    expect(JSON.parse(body(renderPipeTemplate(t, record, ctx)))).toMatchObject({
      arn: ctx.pipeArn,
      name: 'p',
      enr: 'e',
      tgt: 't',
      at: '2020-01-01T00:00:00.000Z',
    });
  });
  it('rules: <aws.events.event> renames detail-type, drops detail, keeps the observed key order', () => {
    const e = {
      version: '0',
      id: 'i',
      'detail-type': 'T',
      source: 's',
      account: '1',
      time: 't',
      region: 'r',
      resources: [],
      detail: { x: 1 },
    };
    const out = body(
      renderRuleTemplate(
        { inputTemplate: '{"e": <aws.events.event>, "j": <aws.events.event.json>, "a": <aws.events.rule-arn>}' },
        e,
        { ruleName: 'rn' },
      ),
    );
    expect(out).toBe(
      `{"e": {"id":"i","account":"1","detailType":"T","time":"t","source":"s","region":"r","resources":[],"version":"0"}, "j": ${JSON.stringify(e)}, "a": "arn:aws:events:r:1:rule/rn"}`,
    );
  });
});

describe('batches: the template applies to each record', () => {
  it('applies the template to each record and returns the JSON array', () => {
    const r = transformPipeBatch('{"id": <$.messageId>, "b": <$.body>}', [
      sqs('{"x":1}', { messageId: 'a' }),
      sqs('t', { messageId: 'b' }),
    ]);
    expect(r).toEqual({
      delivered: true,
      body: '[{"id": "a", "b": {"x":1}},{"id": "b", "b": "t"}]',
      records: [
        { id: 'a', b: { x: 1 } },
        { id: 'b', b: 't' },
      ],
      notJson: [],
    });
    const text = transformPipeBatch('<$.body>', [sqs('plain')]);
    expect(text).toEqual({ delivered: true, body: '["plain"]', records: ['plain'], notJson: [0] });
    const bad = transformPipeBatch('{"b": "<$.body>"}', [sqs('t'), sqs('{"x":1}')]);
    expect(bad).toMatchObject({ delivered: false, index: 1 });
  });
  it('a compiled template renders the same as its text', () => {
    const compiled = compilePipeTemplate('{"k": <$.s>}');
    expect(renderPipeTemplate(compiled, event)).toEqual(renderPipeTemplate('{"k": <$.s>}', event));
  });
});

describe('huge and deep events', () => {
  it('renders a 1 MiB body and a 1,000-level nesting without overflowing the stack', () => {
    const big = 'x'.repeat(1024 * 1024);
    expect(body(renderPipeTemplate('{"b": <$.body>}', sqs(big))).length).toBe(big.length + 9);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1000; i++) deep = { n: deep };
    const path = '$' + '.n'.repeat(1000);
    expect(body(renderPipeTemplate(`{"v": <${path}>}`, deep))).toBe('{"v": "leaf"}');
    expect(body(renderPipeTemplate('{"v": <$>}', deep)).length).toBeGreaterThan(6000);
    const deepBody = '['.repeat(1000) + ']'.repeat(1000);
    expect(body(renderPipeTemplate('{"v": <$.body>}', sqs(deepBody)))).toBe(`{"v": ${deepBody}}`);
  });
});

describe('a missing path and a value JSON cannot carry, in every position', () => {
  it('free text and a bare template write nothing for a missing path (never a symbol)', () => {
    expect(body(renderPipeTemplate('Hello, <$.nope>!', event))).toBe('Hello, !');
    expect(body(renderPipeTemplate('<$.nope>', event))).toBe('');
    expect(body(renderPipeTemplate('a <$.z> b <$.t> <$.l>', event))).toBe('a null b true [P,Q]');
    expect(body(renderPipeTemplate('{"k": "x <$.z> <$.t> <$.nope>"}', event))).toBe('{"k": "x null true "}');
  });

  it('an undefined member is missing; an undefined array item is null', () => {
    const holes = { m: undefined, l: [undefined, 1] };
    expect(body(renderPipeTemplate('{"e": <$.m>, "f": <$.l[0]>}', holes))).toBe('{"e": "", "f": null}');
    expect(body(renderPipeTemplate('{"e": <$.m>, "f": 1}', holes, {}, { missingPath: 'omit' }))).toBe('{ "f": 1}');
  });

  it('escape: json escapes strings in every string position and leaves other values alone', () => {
    const quotey = { q: 'a"b\\c\n', n: 2 };
    const json = { escape: 'json' } as const;
    expect(body(renderPipeTemplate('{"k": <$.q>}', quotey, {}, json))).toBe('{"k": "a\\"b\\\\c\\n"}');
    expect(body(renderPipeTemplate('{"k": "<$.q>"}', quotey, {}, json))).toBe('{"k": "a\\"b\\\\c\\n"}');
    expect(body(renderPipeTemplate('{"k": "x<$.q><$.n>"}', quotey, {}, json))).toBe('{"k": "xa\\"b\\\\c\\n2"}');
    expect(body(renderPipeTemplate('{"k": "<$.q>"}', quotey))).toBe('{"k": "a"b\\c\n"}');
  });

  it('non-finite numbers are written as JSON null where JSON is written', () => {
    expect(body(renderPipeTemplate('{"k": <$.n>}', { n: Number.NaN }))).toBe('{"k": null}');
    expect(body(renderPipeTemplate('{"k": "<$.n>"}', { n: Number.POSITIVE_INFINITY }))).toBe('{"k": "null"}');
  });
});

describe('a string holding quotes and backslashes, in every position', () => {
  // EventBridge does not escape values read by a path: with the default escape 'none' the text goes
  // in as it is, wherever the placeholder sits; escape 'json' writes it as JSON would.
  const m = 'a "b" \\c';
  it.each([
    ['say <$.m>', 'say a "b" \\c', 'say a "b" \\c'],
    ['<$.m>', 'a "b" \\c', 'a "b" \\c'],
    ['{"x": "<$.m>"}', '{"x": "a "b" \\c"}', '{"x": "a \\"b\\" \\\\c"}'],
    ['{"x": "pre <$.m> post"}', '{"x": "pre a "b" \\c post"}', '{"x": "pre a \\"b\\" \\\\c post"}'],
    ['"pre <$.m> post"', '"pre a "b" \\c post"', '"pre a \\"b\\" \\\\c post"'],
    ['{"<$.m>": 1}', '{"a "b" \\c": 1}', '{"a \\"b\\" \\\\c": 1}'],
  ])('%s', (template, unescaped, escaped) => {
    expect(body(renderPipeTemplate(template, { m }))).toBe(unescaped);
    expect(body(renderPipeTemplate(template, { m }, undefined, { escape: 'json' }))).toBe(escaped);
  });
});
