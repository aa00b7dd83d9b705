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

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

/**
 * Runs `type` in the check worker (kit/checkWorker.js, a module worker sharing the bundles'
 * chunks): the property check never blocks the page.
 */
export function inWorker<T>(type: 'warm' | 'check' | 'sample', ...args: unknown[]): Promise<T> {
  if (worker === undefined) {
    worker = new Worker(withBase('/kit/checkWorker.js'), { type: 'module' });
    worker.onmessage = (message: MessageEvent<{ id: number; value?: unknown; error?: string }>) => {
      const job = pending.get(message.data.id);
      pending.delete(message.data.id);
      if (message.data.error !== undefined) job?.reject(new Error(message.data.error));
      else job?.resolve(message.data.value);
    };
  }
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker!.postMessage({ id, type, args });
  });
}
