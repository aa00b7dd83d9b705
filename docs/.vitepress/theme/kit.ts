/**
 * Loads one of the playground's kit bundles (built by scripts/docs-bundle.mjs into public/kit/)
 * once: each tool fetches only its own JavaScript, and fast-check comes with the first check or
 * generation.
 */
import { withBase } from 'vitepress';

const loaded = new Map<string, Promise<any>>();

/** The bundle `name` (`templates`, `templatesCheck`, `patterns`, `patternsGenerate`, `events`). */
export function loadKit(name: string): Promise<any> {
  let promise = loaded.get(name);
  if (promise === undefined) {
    promise = import(/* @vite-ignore */ withBase(`/kit/${name}.js`));
    loaded.set(name, promise);
  }
  return promise;
}

/** The site's own page for a diagnostic's docsUrl (the published address, made local). */
export function localDocsUrl(docsUrl: string): string {
  const at = docsUrl.indexOf('/lint/');
  return at === -1 ? docsUrl : withBase(docsUrl.slice(at));
}

/** JSON for display: two-space indents. */
export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}
