// `npm run docs` (build) and `npm run docs:dev` (serve): generates what the site does not keep in
// git (the API reference from the TSDoc, one page per lint code, the playground's browser
// bundles), then runs VitePress. `node scripts/docs.mjs prepare` only generates.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildPlaygroundBundles } from './docs-bundle.mjs';
import { generateApi } from './docs-api.mjs';
import { generateLintPages } from './docs-pages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Generates the API pages, the lint pages and the kit bundles. */
export async function prepareDocs({ log = console.log } = {}) {
  let t = performance.now();
  const api = generateApi();
  log(
    `docs: API reference, ${Object.values(api).reduce((n, names) => n + names.length, 0)} names in ${Object.keys(api).length} entries (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  t = performance.now();
  log(`docs: ${generateLintPages().length} lint pages`);
  await buildPlaygroundBundles();
  log(`docs: playground bundles (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

/** Runs `vitepress <command> docs`; returns its exit code. */
export function vitepress(command, extra = []) {
  const result = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../node_modules/vitepress/bin/vitepress.js', import.meta.url)), command, 'docs', ...extra],
    { cwd: root, stdio: 'inherit' },
  );
  return result.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command = 'build', ...extra] = process.argv.slice(2);
  await prepareDocs();
  if (command !== 'prepare') process.exit(vitepress(command, extra));
}
