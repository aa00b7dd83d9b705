// One page per lint code (docs/lint/<templates|patterns>/<code>.md), generated from the guide
// section that documents every code with a wrong and a right example: the section is the one
// source (its tests check that every code is there), the pages are its per-code view.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where each lint family is documented, and where its codes are declared. */
export const LINT_FAMILIES = [
  {
    kind: 'templates',
    title: 'Template lint',
    doc: 'docs/guide/templates.md',
    heading: '### Lint',
    codes: 'src/pipes/codes.ts',
    api: 'lintPipeTemplate',
    tool: 'templates',
    guide: '/guide/templates#lint',
  },
  {
    kind: 'patterns',
    title: 'Pattern lint',
    doc: 'docs/guide/patterns.md',
    heading: '### Linting patterns',
    codes: 'src/patterns/lintCodes.ts',
    api: 'lintEventPattern',
    tool: 'patterns',
    guide: '/guide/patterns#linting-patterns',
  },
];

/** The text of the section whose heading line is exactly `heading`, up to the next heading of the same or a higher level. */
export function markdownSection(markdown, heading) {
  const level = /^#+/.exec(heading)?.[0].length ?? 0;
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (level === 0 || start === -1) throw new Error(`no heading ${JSON.stringify(heading)}`);
  let end = start + 1;
  let inFence = false;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (line.startsWith('```')) inFence = !inFence;
    const match = inFence ? null : /^(#+) /.exec(line);
    if (match && match[1].length <= level) break;
  }
  return lines.slice(start, end).join('\n');
}

/**
 * The codes and their one-line summaries, as declared (`'code': 'summary',`, the summary on the key's line or, when
 * the formatter wraps it, on the next). A key whose summary cannot be read is an error, never a missing page.
 */
export function declaredCodes(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const out = new Map();
  for (const m of text.matchAll(/^\s*'([a-z-]+)':\s+(['"])((?:\\.|(?!\2).)*)\2,$/gm))
    out.set(m[1], m[3].replace(/\\(.)/g, '$1'));
  const keys = [...text.matchAll(/^\s*'([a-z-]+)':/gm)].map((m) => m[1]);
  const unread = keys.filter((key) => !out.has(key));
  if (unread.length > 0) throw new Error(`docs-pages: ${file}: cannot read the summary of ${unread.join(', ')}`);
  return out;
}

/** `#### \`code\`` subsections of a family's section: code → body text. */
export function codeSections(family) {
  const section = markdownSection(readFileSync(join(root, family.doc), 'utf8'), family.heading);
  const out = new Map();
  for (const part of section.split(/\n#### /).slice(1)) {
    const m = /^`([a-z-]+)`\n([\s\S]*)$/.exec(part);
    if (m) out.set(m[1], m[2].trim());
  }
  return out;
}

/** The first code span after "Wrong:", for a playground link. */
function wrongExample(body) {
  return /Wrong:\s*`([^`]+)`/.exec(body)?.[1];
}

/** Writes the pages; returns the generated page paths (relative to docs/). */
export function generateLintPages(outDir = join(root, 'docs/lint')) {
  rmSync(outDir, { recursive: true, force: true });
  const pages = [];
  const index = [
    '---',
    'title: Lint codes',
    '---',
    '',
    '# Lint codes',
    '',
    'Every diagnostic carries `docsUrl`, the address of its page here; the CLI prints it at the end of each finding.',
    '',
  ];
  for (const family of LINT_FAMILIES) {
    const codes = declaredCodes(family.codes);
    const sections = codeSections(family);
    mkdirSync(join(outDir, family.kind), { recursive: true });
    index.push(`## ${family.title} (\`${family.api}\`)`, '', '| code | what |', '|---|---|');
    for (const [code, summary] of codes) {
      const body = sections.get(code);
      if (body === undefined) throw new Error(`docs-pages: ${family.doc} "${family.heading}" has no #### \`${code}\``);
      const wrong = wrongExample(body);
      const tryIt =
        wrong === undefined
          ? []
          : [
              '',
              `[Try the wrong example in the playground](/playground#tool=${family.tool}&${family.tool === 'templates' ? 't' : 'p'}=${encodeURIComponent(wrong)})`,
            ];
      const text = [
        '---',
        `title: ${code}`,
        '---',
        '',
        `# \`${code}\``,
        '',
        `_${family.title}_ · \`${family.api}\``,
        '',
        `> ${summary}`,
        '',
        body,
        ...tryIt,
        '',
        `Documented in [the guide](${family.guide ?? '/guide/'}) with every other code.`,
        '',
      ];
      writeFileSync(join(outDir, family.kind, `${code}.md`), text.join('\n'));
      pages.push(`lint/${family.kind}/${code}.md`);
      index.push(`| [\`${code}\`](./${family.kind}/${code}) | ${summary.replace(/\|/g, '\\|')} |`);
    }
    index.push('');
  }
  writeFileSync(join(outDir, 'index.md'), `${index.join('\n')}\n`);
  return pages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`${generateLintPages().length} lint pages`);
