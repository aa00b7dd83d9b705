/**
 * The documentation site in a real browser: builds it (`npm run docs`'s steps), serves it on
 * 127.0.0.1 and drives Debian's Chromium through playwright-core. Loads every page, runs the
 * playground's three tools on real cases (a template that breaks on a quote and its shrunk
 * counterexample, a pattern match and its explanation, events equal to the CLI's), saves
 * screenshots under test-artifacts/docs/, and writes the performance figures to
 * test-artifacts/docs/report.json (a report, never pass/fail: machines differ).
 * Skipped, saying why, when /usr/bin/chromium is missing (`apt-get install -y chromium`).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findKind } from '../../src/cli/kinds.js';
import { LINT_CODES } from '../../src/pipes/index.js';
import { PATTERN_LINT_CODES } from '../../src/patterns/index.js';
import { serveStatic, type StaticServer } from './_server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SKIP_REASON = `${CHROMIUM} is missing: the browser tests of the documentation site are skipped (install it with: apt-get update && apt-get install -y chromium)`;
if (!hasChromium) console.warn(`test/docs/site.test.ts: ${SKIP_REASON}`);

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'docs/.vitepress/dist');
const artifacts = join(root, 'test-artifacts/docs');
const report: Record<string, unknown> = {};

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

async function buildSite(): Promise<void> {
  if (process.env.AWS_EVENT_KIT_DOCS_BUILT === '1' && existsSync(join(dist, 'playground.html'))) return;
  // @ts-expect-error: a build script without types
  const { prepareDocs, vitepress } = (await import('../../scripts/docs.mjs')) as {
    prepareDocs(o: object): Promise<void>;
    vitepress(c: string, e?: string[]): number;
  };
  await prepareDocs({ log: () => undefined });
  const code = vitepress('build', ['--logLevel', 'warn']);
  if (code !== 0) throw new Error(`vitepress build exited ${code}`);
}

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return { page, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

describe.skipIf(!hasChromium)(
  hasChromium ? 'the documentation site in Chromium' : `the documentation site in Chromium: SKIPPED, ${SKIP_REASON}`,
  () => {
    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      const started = performance.now();
      await buildSite();
      report.buildSeconds = Math.round((performance.now() - started) / 100) / 10;
      server = await serveStatic(dist);
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    }, 900_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (Object.keys(report).length > 0) {
        writeFileSync(join(artifacts, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
        console.log(`docs report (test-artifacts/docs/report.json):\n${JSON.stringify(report, null, 2)}`);
      }
    });

    it('every page loads without errors: home, guides, API reference, every lint code, playground', async () => {
      const pages = ['/', '/guide/', '/playground', '/api/', '/lint/'];
      for (const file of readdirSync(join(dist, 'guide')))
        if (file.endsWith('.html')) pages.push(`/guide/${file.replace(/\.html$/, '').replace(/^index$/, '')}`);
      for (const file of readdirSync(join(dist, 'api')))
        if (file.endsWith('.html') && file !== 'index.html') pages.push(`/api/${file.replace(/\.html$/, '')}`);
      for (const code of Object.keys(LINT_CODES)) pages.push(`/lint/templates/${code}`);
      for (const code of Object.keys(PATTERN_LINT_CODES)) pages.push(`/lint/patterns/${code}`);
      expect(pages.length).toBeGreaterThan(45);
      const { page, errors } = await newPage();
      for (const path of [...new Set(pages)]) {
        const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        expect(response?.status(), path).toBe(200);
        await expect.poll(() => page.locator('h1').first().textContent(), { message: path }).toBeTruthy();
        if (path.startsWith('/lint/templates/') || path.startsWith('/lint/patterns/')) {
          const body = await page.locator('.vp-doc').textContent();
          expect(body, path).toMatch(/Wrong/);
          expect(body, path).toMatch(/Right/);
        }
      }
      expect(errors).toEqual([]);
      for (const [name, path] of [
        ['home', '/'],
        ['guide', '/guide/'],
        ['api-pipes', '/api/pipes'],
        ['lint-quoted-object', '/lint/templates/quoted-object'],
      ]) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await shot(page, name!);
      }
      await page.close();
    });

    it('Templates: lint inline, render, valid-JSON status; the check shrinks a quote counterexample', async () => {
      const { page, errors } = await newPage();
      const before = server.log.length;
      await page.goto(
        `${server.url}/playground#tool=templates&d=pipes&s=sqs&t=${encodeURIComponent('{"id": <$.messageId>, "note": <$.body.note>}')}`,
        { waitUntil: 'load' },
      );
      await expect.poll(() => page.getByTestId('json-status').textContent(), { timeout: 20_000 }).toBe('valid JSON');
      const record = (findKind('pipes:sqs')!.make(1) as { messageId: string }[])[0]!;
      expect(await page.getByTestId('output').textContent()).toContain(record.messageId);
      report.firstView = weight(server.log.slice(before));

      // A quoted object: an error inline with its code's page, and AWS delivers nothing.
      await page.locator('#tpl-template').fill('{"order": "<$.body>"}');
      await expect.poll(() => page.getByTestId('diagnostics').locator('li[data-code="quoted-object"]').count()).toBe(1);
      expect(await page.getByTestId('annotated').textContent()).toContain('^ quoted-object');
      expect(await page.getByTestId('diagnostics').locator('a').first().getAttribute('href')).toBe(
        '/lint/templates/quoted-object',
      );

      // A rule InputTransformer (picked from the list) renders against an EventBridge event.
      await page.locator('#tpl-preset').selectOption({ label: 'Rule InputTransformer' });
      await expect.poll(() => page.locator('#tpl-source').inputValue()).toBe('eventbridge');
      await expect.poll(() => page.getByTestId('json-status').textContent()).toBe('valid JSON');
      await page.locator('#tpl-map').fill('{"instance": "$.detail.instance-id"}');
      await expect
        .poll(() => page.getByTestId('diagnostics').locator('li[data-code="undefined-placeholder"]').count())
        .toBe(1);

      // A lint page's "try it" link opens the playground on its wrong example.
      await page.goto(`${server.url}/lint/templates/quoted-object`, { waitUntil: 'load' });
      await page.getByText('Try the wrong example in the playground').click();
      await expect
        .poll(() => page.locator('#tpl-template').inputValue(), { timeout: 20_000 })
        .toBe('{"order": "<$.body>"}');
      await expect.poll(() => page.getByTestId('diagnostics').locator('li[data-code="quoted-object"]').count()).toBe(1);
      await page.goto(`${server.url}/lint/patterns/envelope-near-miss`, { waitUntil: 'load' });
      await page.getByText('Try the wrong example in the playground').click();
      await expect
        .poll(() => page.getByTestId('pattern-diagnostics').locator('li[data-code="envelope-near-miss"]').count(), {
          timeout: 20_000,
        })
        .toBe(1);
      await page.goto(`${server.url}/playground#tool=templates&d=pipes&s=sqs`, { waitUntil: 'load' });
      await page.getByTestId('json-status').waitFor({ timeout: 20_000 });

      // Back to the note template, then the property check: 1,000 runs, shrunk to one quote.
      await page.locator('#tpl-template').fill('{"id": <$.messageId>, "note": <$.body.note>}');
      await page.locator('#tpl-runs').fill('1000');
      const beforeCheck = server.log.length;
      const started = Date.now();
      await page.getByTestId('check').click();
      await page.getByTestId('problem-kind').waitFor({ timeout: 60_000 });
      report.checkClickToResultMs = Date.now() - started;
      report.checkJsGzipBytes = weight(server.log.slice(beforeCheck)).gzipBytes;
      expect(await page.getByTestId('problem-kind').textContent()).toBe('not-json');
      // Shrunk to one character JSON must escape: usually the quote, sometimes a backslash or a
      // control character (the page's check draws a fresh seed; each breaks the unescaped value).
      const shrunk = JSON.parse((await page.getByTestId('problem-value').textContent()) ?? '') as string;
      expect(shrunk).toMatch(/^["\\\u0000-\u001f]$/);
      expect(await page.getByTestId('explanation').textContent()).toMatch(/without escaping/);
      const counterexample = JSON.parse((await page.getByTestId('counterexample').textContent()) ?? '') as {
        body: string;
      };
      expect(JSON.parse(counterexample.body)).toMatchObject({ note: shrunk });
      await shot(page, 'playground-templates-check');

      // The state is in the URL: a fresh page at the same address shows the same case.
      await page.waitForFunction("window.location.hash.includes('note')");
      const shared = page.url();
      const { page: second } = await newPage();
      await second.goto(shared, { waitUntil: 'load' });
      await expect
        .poll(() => second.locator('#tpl-template').inputValue(), { timeout: 20_000 })
        .toBe('{"id": <$.messageId>, "note": <$.body.note>}');
      await second.close();
      expect(errors).toEqual([]);
      await page.close();
    });

    it('Event patterns: match and the field-by-field explanation, lint, generated events and near misses', async () => {
      const { page, errors } = await newPage();
      const before = server.log.length;
      await page.goto(`${server.url}/playground#tool=patterns`, { waitUntil: 'load' });
      await expect
        .poll(() => page.getByTestId('match-status').textContent(), { timeout: 20_000 })
        .toBe('does not match');
      report.patternsFirstView = weight(server.log.slice(before));
      expect(await page.getByTestId('explanation').textContent()).toMatch(/total/);
      await page
        .locator('#pat-event')
        .fill('{"source": "com.example.shop", "detail-type": "Order Placed", "detail": {"total": 150}}');
      await expect.poll(() => page.getByTestId('match-status').textContent()).toBe('matches');
      await page.locator('#pat-pattern').fill('{"detailType": ["Order Placed"]}');
      await expect
        .poll(() => page.getByTestId('pattern-diagnostics').locator('li[data-code="envelope-near-miss"]').count())
        .toBe(1);
      await page
        .locator('#pat-pattern')
        .fill('{"source": ["com.example.shop"], "detail": {"total": [{"numeric": [">", 100]}]}}');
      await page.getByTestId('gen-matching').click();
      await page.getByTestId('generated').waitFor({ timeout: 30_000 });
      const matching = await page.getByTestId('generated').locator('pre').allTextContents();
      expect(matching).toHaveLength(5);
      for (const text of matching) expect(JSON.parse(text)).toMatchObject({ source: 'com.example.shop' });
      await shot(page, 'playground-patterns-matching');
      await page.getByTestId('gen-near').click();
      await expect.poll(async () => (await page.getByTestId('generated').textContent()) ?? '').toMatch(/near misses/);
      // Each near miss, tried as the event, does not match.
      await page.getByTestId('generated').locator('button').first().click();
      await expect.poll(() => page.getByTestId('match-status').textContent()).toBe('does not match');
      await shot(page, 'playground-patterns-near-miss');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('Events: every kind as the CLI prints it; inputs, seed, download', async () => {
      const { page, errors } = await newPage();
      const before = server.log.length;
      await page.goto(`${server.url}/playground#tool=events&k=sqs&sd=3`, { waitUntil: 'load' });
      await expect
        .poll(async () => (await page.getByTestId('event').textContent()) ?? '', { timeout: 20_000 })
        .toMatch(/Records/);
      report.eventsFirstView = weight(server.log.slice(before));
      const shown = async () => JSON.parse((await page.getByTestId('event').textContent()) ?? '') as unknown;
      expect(await shown()).toEqual(findKind('sqs')!.make(3));
      // Every kind of the CLI, in the browser, equals the CLI's event.
      const kinds = await page.locator('#ev-kind option').allTextContents();
      expect(kinds.length).toBeGreaterThan(15);
      for (const kind of kinds) {
        await page.locator('#ev-kind').selectOption(kind);
        await expect.poll(async () => JSON.stringify(await shown()).length, { message: kind }).toBeGreaterThan(2);
        const made = findKind(kind)!.make(3) as Record<string, unknown>;
        if (kind.startsWith('cloudwatch-logs'))
          expect(Object.keys((await shown()) as object), kind).toEqual(Object.keys(made));
        else expect(await shown(), kind).toEqual(made);
      }
      await page.locator('#ev-kind').selectOption('s3:put');
      await page.locator('#ev-in-key').fill('my photos/a+b.jpg');
      await expect.poll(async () => JSON.stringify(await shown())).toContain('my+photos/a%2Bb.jpg');
      await page.locator('#ev-in-bucket').fill('Bad_Bucket');
      await expect.poll(async () => (await page.getByTestId('event-error').textContent()) ?? '').toMatch(/bucket/i);
      await page.locator('#ev-in-bucket').fill('photos');
      await page.getByTestId('next-seed').click();
      await expect.poll(() => page.locator('#ev-seed').inputValue()).toBe('4');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
      expect(download.suggestedFilename()).toBe('s3-put-seed-4.json');
      const { readFileSync } = await import('node:fs');
      const path = await download.path();
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(await shown());
      await shot(page, 'playground-events');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('reports the timings: lint + render per keystroke on a 1 KB template, a 1,000-run check', async () => {
      const { page } = await newPage();
      await page.goto(`${server.url}/playground#tool=templates&d=pipes&s=sqs`, { waitUntil: 'load' });
      await page.getByTestId('json-status').waitFor({ timeout: 20_000 });
      const fields = Array.from({ length: 40 }, (_, i) => `"field${i}": <$.body.orderId>`).join(', ');
      const template = `{"id": <$.messageId>, ${fields}}`;
      expect(template.length).toBeGreaterThan(1000);
      // Keystroke to updated output: set the text, fire input, wait for the DOM to change.
      // In-page code as text: the test's own types have no DOM.
      const samples = (await page.evaluate(`(async (base) => {
      const area = document.querySelector('#tpl-template');
      const target = document.querySelector('[data-testid="render"]');
      const out = [];
      for (let i = 0; i < 30; i++) {
        const text = base.slice(0, -1) + ', "k' + i + '": ' + i + '}';
        const changed = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (target.textContent.includes('"k' + i + '": ' + i)) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(target, { subtree: true, childList: true, characterData: true });
        });
        const started = performance.now();
        area.value = text;
        area.dispatchEvent(new Event('input'));
        await changed;
        await new Promise((r) => requestAnimationFrame(() => r()));
        out.push(performance.now() - started);
      }
      return out;
    })(${JSON.stringify(template)})`)) as number[];
      const sorted = [...samples].sort((a, b) => a - b);
      report.keystrokeToRenderMs = {
        median: round(sorted[Math.floor(sorted.length / 2)]!),
        p90: round(sorted[Math.floor(sorted.length * 0.9)]!),
        max: round(sorted.at(-1)!),
        templateChars: template.length + 10,
      };
      report.lintRenderMs = Number((await page.getByTestId('eval-ms').textContent())?.replace(/ ms.*/, ''));
      // 1,000-run checks in the check worker, timed around the check alone, after the worker's
      // warm-up (fast-check's one-time set-up, started 2 s after the tool loads), on templates that
      // pass and on the quote template that fails and shrinks.
      const checkMs = async (template: string) => {
        await page.locator('#tpl-template').fill(template);
        await page.locator('#tpl-runs').fill('1000');
        await page.getByTestId('check').click();
        await page.getByTestId('check-result').locator('.badge').waitFor({ timeout: 60_000 });
        const text = (await page.getByTestId('check-result').textContent()) ?? '';
        const ms = /\((\d+) ms/.exec(text)?.[1];
        return { verdict: text.slice(0, 40), ms: Number(ms) };
      };
      await page.waitForFunction('window.kitWarmMs !== undefined', undefined, { timeout: 60_000 });
      report.check1000 = {
        workerWarmUpMs: round((await page.evaluate('window.kitWarmMs')) as number),
        passing: await checkMs('{"id": <$.messageId>, "source": <$.eventSource>}'),
        passingWarm: await checkMs('{"id": <$.messageId>, "region": <$.awsRegion>}'),
        failingWarm: await checkMs('{"id": <$.messageId>, "note": <$.body.note>}'),
      };
      await page.close();
    });
  },
);

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** What a page fetched: count, bytes, gzip bytes, and the JavaScript alone. */
function weight(log: readonly { path: string; bytes: number; gzipBytes: number }[]) {
  const js = log.filter((l) => l.path.split('?')[0]!.endsWith('.js'));
  return {
    requests: log.length,
    bytes: log.reduce((n, l) => n + l.bytes, 0),
    gzipBytes: log.reduce((n, l) => n + l.gzipBytes, 0),
    jsGzipBytes: js.reduce((n, l) => n + l.gzipBytes, 0),
    kitJs: js.filter((l) => l.path.startsWith('/kit/')).map((l) => `${l.path} ${l.gzipBytes}`),
  };
}
