/** Sections of README.md, for tests that check what the README says about one area. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');

/**
 * The text of the README section whose heading line is exactly `heading` (e.g. `## Command line`),
 * up to the next heading of the same or a higher level. Throws when the heading is missing.
 */
export function readmeSection(heading: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 0;
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  if (level === 0 || start === -1) throw new Error(`README.md has no heading ${JSON.stringify(heading)}`);
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
