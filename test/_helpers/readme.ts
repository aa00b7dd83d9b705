/** Sections of the documentation pages, for tests that check what the docs say about one area. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The text of the section of a documentation page (`file` relative to the repository, e.g.
 * `docs/guide/templates.md`) whose heading line is exactly `heading` (e.g. `## Command line`), up to
 * the next heading of the same or a higher level. Throws when the heading is missing.
 */
export function docSection(file: string, heading: string): string {
  return section(readFileSync(join(root, file), 'utf8'), heading, file);
}

function section(markdown: string, heading: string, file: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 0;
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (level === 0 || start === -1) throw new Error(`${file} has no heading ${JSON.stringify(heading)}`);
  let end = start + 1;
  let inFence = false;
  for (; end < lines.length; end++) {
    const line = lines[end] as string;
    if (line.startsWith('```')) inFence = !inFence;
    const match = inFence ? null : /^(#+) /.exec(line);
    if (match && (match[1] as string).length <= level) break;
  }
  return lines.slice(start, end).join('\n');
}
