/**
 * The playground's browser bundles (scripts/docs-bundle.mjs) run the kit's own code with browser
 * stand-ins for node:crypto, node:zlib and Buffer. Loaded here in Node, they must give exactly
 * what the kit gives: every event kind (md5s, sha256s, SNS signatures; CloudWatch Logs data that
 * gunzips to the same records), the same renders, lints, checks, matches and generated events.
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findKind, KINDS } from '../../src/cli/kinds.js';
import { lintPipeTemplate, renderPipeTemplate } from '../../src/pipes/index.js';
import { explainEventPattern, lintEventPattern } from '../../src/patterns/index.js';
import { verifySnsSignature } from '../../fixtures/sns.js';
import { checkPipeTemplate } from '../../arbitraries/checkPipeTemplate.js';
// @ts-expect-error: a build script without types
import { buildPlaygroundBundles } from '../../scripts/docs-bundle.mjs';
import * as shimCrypto from '../../docs/playground/shims/crypto.js';
import * as shimZlib from '../../docs/playground/shims/zlib.js';
import { SNS_TEST_SIGNING_CERTIFICATE_PEM, SNS_TEST_SIGNING_KEY_PEM } from '../../src/events/sns/signingKey.js';
import { createPrivateKey, sign } from 'node:crypto';

type Mod = Record<string, (...args: never[]) => unknown>;
let events: Mod;
let templates: Mod;
let patterns: Mod;
let patternsGenerate: Mod;
let templatesCheck: Mod;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aek-kit-'));
  const meta = (await buildPlaygroundBundles(dir, { minify: false })) as {
    outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  };
  // A browser bundle must not reach for Node: every import is one of its own chunks.
  for (const out of Object.values(meta.outputs))
    for (const i of out.imports) expect(i.external ?? false, i.path).toBe(false);
  const load = async (name: string) => (await import(pathToFileURL(join(dir, `${name}.js`)).href)) as Mod;
  [events, templates, patterns, patternsGenerate, templatesCheck] = (await Promise.all(
    ['events', 'templates', 'patterns', 'patternsGenerate', 'templatesCheck'].map(load),
  )) as [Mod, Mod, Mod, Mod, Mod];
}, 120_000);

describe('browser stand-ins for node built-ins', () => {
  it('digests equal node:crypto', () => {
    for (const data of ['', 'héllo 😀', 'x'.repeat(10_000), randomBytes(777)]) {
      for (const algorithm of ['md5', 'sha1', 'sha256'])
        expect(shimCrypto.hash(algorithm, data, 'hex')).toBe(createHash(algorithm).update(data).digest('hex'));
    }
  });

  it('RSA PKCS#1 v1.5 signatures equal node:crypto and verify against the certificate', () => {
    const key = shimCrypto.createPrivateKey(SNS_TEST_SIGNING_KEY_PEM);
    const cert = shimCrypto.createPublicKey(SNS_TEST_SIGNING_CERTIFICATE_PEM);
    for (const algorithm of ['RSA-SHA1', 'RSA-SHA256']) {
      const data = Buffer.from(`Message\nhello ${algorithm}\n`);
      const mine = shimCrypto.sign(algorithm, data, key);
      expect(mine.toString('base64')).toBe(
        sign(algorithm, data, createPrivateKey(SNS_TEST_SIGNING_KEY_PEM)).toString('base64'),
      );
      expect(shimCrypto.verify(algorithm, data, cert, mine)).toBe(true);
      expect(shimCrypto.verify(algorithm, Buffer.from('tampered'), cert, mine)).toBe(false);
    }
  });

  it('gzip: Node gunzips it to the same bytes, with the same header (DEFLATE streams may differ)', () => {
    // Node's zlib is Chromium's fork, whose match finder differs from zlib's: the compressed
    // streams of the same data can differ (they differ between zlib builds too), the data cannot.
    const lines = Array.from({ length: 500 }, (_, i) => ({
      id: String(i),
      timestamp: 1_700_000_000_000 + i,
      message: `line ${i} ${'abc'.repeat(i % 17)} ${randomBytes(4).toString('hex')}`,
    }));
    for (const text of ['', 'a', JSON.stringify(lines), randomBytes(5000).toString('latin1')]) {
      const data = Buffer.from(text, 'utf8');
      const mine = Buffer.from(shimZlib.gzipSync(data));
      expect(gunzipSync(mine).equals(data)).toBe(true);
      expect(mine.subarray(0, 10).equals(gzipSync(data).subarray(0, 10))).toBe(true);
      expect(Buffer.from(shimZlib.gunzipSync(gzipSync(data))).equals(data)).toBe(true);
    }
    expect(() => shimZlib.gunzipSync(Buffer.from('{"not":"gzip"}'))).toThrow();
  });
});

/** An event with CloudWatch Logs data decoded, so events compare by what they carry. */
function comparable(event: unknown): string {
  return JSON.stringify(event, (key, value: unknown) =>
    key === 'awslogs' && typeof value === 'object' && value !== null
      ? { decoded: JSON.parse(gunzipSync(Buffer.from((value as { data: string }).data, 'base64')).toString('utf8')) }
      : value,
  );
}

describe('the bundles give what the kit gives', () => {
  it('every event kind, for several seeds, is the CLI generate output (byte for byte but for the gzip stream)', () => {
    const names = (events.kinds as () => { name: string }[])().map((k) => k.name);
    expect(names).toEqual(KINDS.map((k) => k.name));
    for (const name of names) {
      for (const seed of [1, 42])
        expect(comparable((events.makeEvent as (n: string, s: number) => unknown)(name, seed)), name).toBe(
          comparable(findKind(name)!.make(seed)),
        );
    }
    const sns = (events.makeEvent as (n: string, s: number) => unknown)('sns', 3);
    expect(verifySnsSignature((sns as { Records: unknown[] }).Records[0])).toBe(true);
  });

  it('inputs reach the factory as the CLI passes them, and bad inputs are the CLI errors', () => {
    const make = events.makeEvent as (
      n: string,
      s: number,
      v: Record<string, string>,
    ) => { Records: { s3: { object: { key: string } } }[] };
    expect(make('s3:put', 1, { bucket: 'photos', key: 'my photos/a+b.jpg' }).Records[0]!.s3.object.key).toBe(
      'my+photos/a%2Bb.jpg',
    );
    expect(() => make('s3:put', 1, { bucket: 'Bad_Bucket' })).toThrow(/bucket/);
  });

  it('templates: lint and render equal the oracle; the check finds the quote counterexample', async () => {
    const record = (templates.sampleRecord as (s: string, seed: number) => unknown)('sqs', 1);
    expect(record).toEqual((findKind('pipes:sqs')!.make(1) as unknown[])[0]);
    const template = '{"note": "<$.body.note>"}';
    const evaluation = (templates.evaluate as (...a: unknown[]) => { diagnostics: unknown; output: unknown })(
      'pipes',
      template,
      record,
      'sqs',
    );
    expect(evaluation.diagnostics).toEqual(lintPipeTemplate(template, { source: 'sqs' }));
    expect(evaluation.output).toEqual(renderPipeTemplate(template, record));
  });

  it('templates: the check in the bundle finds the same shrunk counterexample as the kit (a quote in a note)', () => {
    const template = '{"note": <$.body.note>}';
    const { result } = (
      templatesCheck.check as (...a: unknown[]) => {
        result: { ok: boolean; problem: { kind: string; value: unknown }; counterexample: unknown };
      }
    )('pipes', template, 'sqs', 300, 1);
    const kit = checkPipeTemplate(template, { source: 'sqs', numRuns: 300, seed: 1 });
    expect(result.ok).toBe(false);
    expect(kit.ok).toBe(false);
    expect(result.problem).toEqual((kit as { problem: unknown }).problem);
    expect(result.counterexample).toEqual((kit as { counterexample: unknown }).counterexample);
    expect(result.problem.kind).toBe('not-json');
  });

  it('patterns: lint and explanation equal the kit; generated events match or just miss', () => {
    const pattern = '{"source": ["shop"], "detail": {"total": [{"numeric": [">", 100]}]}}';
    const event = { source: 'shop', detail: { total: 150 } };
    const evaluation = (patterns.evaluatePattern as (...a: unknown[]) => { matches: boolean; diagnostics: unknown })(
      pattern,
      JSON.stringify(event),
    );
    expect(evaluation.matches).toBe(explainEventPattern(pattern, event).matches);
    expect(evaluation.diagnostics).toEqual(lintEventPattern(pattern));
    const matching = (patternsGenerate.generate as (...a: unknown[]) => unknown[])(pattern, 20, 7, false);
    const near = (patternsGenerate.generate as (...a: unknown[]) => unknown[])(pattern, 20, 7, true);
    expect(matching.every((e) => explainEventPattern(pattern, e).matches)).toBe(true);
    expect(near.every((e) => !explainEventPattern(pattern, e).matches)).toBe(true);
  });
});
