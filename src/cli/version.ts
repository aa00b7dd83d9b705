/** `aws-event-kit --version`: the installed package's version, read at run time. */
import { readFileSync } from 'node:fs';

/** The package whose version `--version` prints. */
const PACKAGE_NAME = 'aws-event-kit';

/**
 * The version in the nearest `package.json` named `aws-event-kit` at or above `from` (a file URL).
 * Walking up, rather than a fixed `../..`, finds it from the sources (`src/cli/`), from tsc's
 * output (`dist/src/cli/`) and from the bundle (`dist/bundle/`, or a chunk under it) alike;
 * reading at run time keeps the number out of the bundle, so it cannot go stale.
 * @returns the version, or `undefined` when no such `package.json` is found
 */
export function packageVersion(from: string | URL = import.meta.url): string | undefined {
  let dir = new URL('.', from);
  for (;;) {
    let text: string | undefined;
    try {
      text = readFileSync(new URL('package.json', dir), 'utf8');
    } catch {
      // No package.json here: keep walking up.
    }
    if (text !== undefined) {
      try {
        const json = JSON.parse(text) as { name?: unknown; version?: unknown };
        if (json.name === PACKAGE_NAME && typeof json.version === 'string') return json.version;
      } catch {
        // An unreadable package.json is someone else's: keep walking up.
      }
    }
    const parent = new URL('..', dir);
    if (parent.href === dir.href) return undefined;
    dir = parent;
  }
}
