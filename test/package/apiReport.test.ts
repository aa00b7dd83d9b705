/**
 * The public API is what `api/*.api.md` says: each report is rebuilt from the current build
 * (`npm test` builds first) and must equal the checked-in file, so every change to an exported
 * name or signature shows up as a diff of those files. Then the entries' run-time names must be
 * exactly the report's, which catches a hand-edited report and a name leaking out of an entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations
import { apiEntries, buildApiReports, reportPath, runtimeNamesOfReport } from '../../scripts/api-report.mjs';

interface Entry {
  name: string;
  specifier: string;
  types: string;
}

const entries = apiEntries() as Entry[];
const REGENERATE =
  'The public API changed: run `npm run api:report` and commit api/*.api.md (review the diff: it is what users see).';

let built = new Map<string, string>();

beforeAll(() => {
  built = buildApiReports() as Map<string, string>;
}, 300_000);

const checkedIn = (entry: Entry) =>
  existsSync(reportPath(entry)) ? readFileSync(reportPath(entry), 'utf8') : '(missing)';

describe('the API report (api/*.api.md)', () => {
  it('covers every entry point of package.json exports', () => {
    expect(entries.map((entry) => entry.specifier)).toEqual([
      'aws-event-kit',
      'aws-event-kit/arbitraries',
      'aws-event-kit/pipes',
      'aws-event-kit/patterns',
      'aws-event-kit/msw',
      'aws-event-kit/vitest',
    ]);
  });

  it.each(entries.map((entry) => [entry.specifier, entry] as const))(
    '%s: the checked-in report matches the build',
    (_specifier, entry) => {
      expect(built.get(entry.name), `${reportPath(entry)}\n${REGENERATE}`).toBe(checkedIn(entry));
    },
  );

  it('keeps no dropped root names', () => {
    const root = checkedIn(entries[0] as Entry);
    for (const name of ['insert', 'modify', 'remove', 'toEventBridgeEvent', 'toScheduledEvent'])
      expect(root).not.toMatch(new RegExp(`^export (declare )?(const|function) ${name}\\b`, 'm'));
    expect(root).toMatch(/^export const dynamodbChange: \{/m);
  });
});

describe("the entries' run-time names are the report's", () => {
  // The entries' sources (their public names resolve here too, but a package self-reference
  // would make the typecheck read the build's declarations, which a fresh clone does not have);
  // the built bundles are checked too, since those are what npm users import.
  const sources: Record<string, () => Promise<Record<string, unknown>>> = {
    'aws-event-kit': () => import('../../src/index.js'),
    'aws-event-kit/arbitraries': () => import('../../arbitraries/index.js'),
    'aws-event-kit/pipes': () => import('../../src/pipes/index.js'),
    'aws-event-kit/patterns': () => import('../../src/patterns/index.js'),
    'aws-event-kit/msw': () => import('../../src/msw/index.js'),
    'aws-event-kit/vitest': () => import('../../src/vitest/index.js'),
  };

  it.each(entries.map((entry) => [entry.specifier, entry] as const))('%s', async (specifier, entry) => {
    const expected = runtimeNamesOfReport(checkedIn(entry)) as string[];
    expect(expected.length).toBeGreaterThan(0);
    const load = sources[specifier];
    expect(load, `no import for ${specifier}`).toBeDefined();
    expect(Object.keys(await load!()).sort(), `${specifier} (sources) vs ${reportPath(entry)}`).toEqual(expected);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, { default: string }>;
    };
    const key = specifier === 'aws-event-kit' ? '.' : `./${specifier.slice('aws-event-kit/'.length)}`;
    const bundle = (await import(new URL(`../../${pkg.exports[key]!.default}`, import.meta.url).href)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(bundle).sort(), `${specifier} (dist bundle) vs ${reportPath(entry)}`).toEqual(expected);
  });
});
