// The API reference: one page per published entry, one section per public name, generated from
// the TSDoc of the declarations tsc emits. TypeScript 7 (the project's compiler) has no JS API,
// so tsc 7 emits the .d.ts files and TypeScript 5's compiler API (the `typescript5` npm alias)
// reads them: the exports of each entry, their declarations and their doc comments.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript5';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The package's entries: subpath, declaration file (relative to the emitted folder), page name. */
export const ENTRIES = [
  { subpath: 'aws-event-kit', dts: 'src/index.d.ts', page: 'aws-event-kit', title: 'aws-event-kit' },
  {
    subpath: 'aws-event-kit/arbitraries',
    dts: 'arbitraries/index.d.ts',
    page: 'arbitraries',
    title: 'aws-event-kit/arbitraries',
  },
  { subpath: 'aws-event-kit/pipes', dts: 'src/pipes/index.d.ts', page: 'pipes', title: 'aws-event-kit/pipes' },
  {
    subpath: 'aws-event-kit/patterns',
    dts: 'src/patterns/index.d.ts',
    page: 'patterns',
    title: 'aws-event-kit/patterns',
  },
  { subpath: 'aws-event-kit/msw', dts: 'src/msw/index.d.ts', page: 'msw', title: 'aws-event-kit/msw' },
  { subpath: 'aws-event-kit/vitest', dts: 'src/vitest/index.d.ts', page: 'vitest', title: 'aws-event-kit/vitest' },
];

/** Emits the declarations with the project's tsc into `outDir` (type errors elsewhere do not stop it). */
export function emitDeclarations(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  try {
    execFileSync(
      join(root, 'node_modules/.bin/tsc'),
      ['-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--outDir', outDir],
      { cwd: root, stdio: 'pipe' },
    );
  } catch (error) {
    process.stderr.write(
      `docs-api: tsc reported errors (declarations are still emitted):\n${String(error.stdout ?? '').slice(0, 2000)}\n`,
    );
  }
  for (const entry of ENTRIES)
    if (!existsSync(join(outDir, entry.dts))) throw new Error(`docs-api: tsc emitted no ${entry.dts}`);
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function kindOf(decl) {
  if (ts.isClassDeclaration(decl)) return 'class';
  if (ts.isInterfaceDeclaration(decl)) return 'interface';
  if (ts.isTypeAliasDeclaration(decl)) return 'type';
  if (ts.isFunctionDeclaration(decl)) return 'function';
  if (ts.isEnumDeclaration(decl)) return 'enum';
  if (ts.isVariableDeclaration(decl)) return 'const';
  return 'other';
}

/** The declaration as written in the .d.ts, comments removed (a variable: its statement). */
function declarationText(decl) {
  const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  let text = printer
    .printNode(ts.EmitHint.Unspecified, node, node.getSourceFile())
    .replace(/^export (declare )?/gm, '')
    .replace(/^declare /gm, '');
  if (text.length > 6000) text = `${text.slice(0, 6000)}\n// … (cut: see the declaration file)`;
  return text;
}

function tagText(tag) {
  return ts.displayPartsToString(tag.text ?? []).trim();
}

/** Members of a class or interface with their own doc comments. */
function members(checker, symbol) {
  const out = [];
  const table = symbol.members ?? new Map();
  for (const [name, member] of table) {
    if (name === '__constructor' || name === '__index' || name === '__call') continue;
    const decl = member.declarations?.[0];
    if (decl === undefined || (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Private) !== 0) continue;
    const doc = ts.displayPartsToString(member.getDocumentationComment(checker)).trim();
    const tags = member.getJsDocTags(checker).filter((t) => t.name === 'defaultValue' || t.name === 'default');
    out.push({ name: String(name), doc, defaultValue: tags.map(tagText).join(' ') });
  }
  return out;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * TSDoc prose for a VitePress page: {@link X} becomes `X`; outside code spans angle brackets and
 * braces are escaped (Vue would read them as tags and interpolations); a code span holding
 * `{{` becomes a v-pre <code>.
 */
export function prose(text) {
  const linked = text.replace(
    /\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|\s*([^}]+))?\s*\}/g,
    (_, target, label) => `\`${label ?? target}\``,
  );
  return linked
    .split(/(`[^`\n]*`)/)
    .map((part, i) => {
      if (i % 2 === 1) return part.includes('{{') ? `<code v-pre>${escapeHtml(part.slice(1, -1))}</code>` : part;
      return escapeHtml(part).replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
    })
    .join('');
}

/** Every public name of one entry, sorted by kind then name. */
export function entryNames(program, checker, file) {
  const source = program.getSourceFile(file);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) return [];
  const out = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decls = (symbol.declarations ?? []).filter((d) => kindOf(d) !== 'other');
    if (decls.length === 0) continue;
    const external = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(decls[0].getSourceFile().fileName)?.[1];
    const own = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const doc = own || (external === undefined ? '' : `Re-exported from \`${external}\`.`);
    const tags = symbol.getJsDocTags(checker);
    out.push({
      name: exported.name,
      kind: kindOf(decls[0]),
      doc,
      examples: tags.filter((t) => t.name === 'example').map(tagText),
      see: tags.filter((t) => t.name === 'see').map(tagText),
      deprecated: tags.find((t) => t.name === 'deprecated') !== undefined,
      text: decls.map(declarationText).join('\n'),
      members: kindOf(decls[0]) === 'interface' || kindOf(decls[0]) === 'class' ? members(checker, symbol) : [],
      file: relative(root, decls[0].getSourceFile().fileName),
    });
  }
  const order = ['function', 'class', 'const', 'interface', 'type', 'enum'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
}

function page(entry, names, moduleDoc) {
  const lines = [`---`, `title: ${entry.title}`, `outline: [2, 2]`, `---`, '', `# \`${entry.subpath}\``, ''];
  if (moduleDoc) lines.push(prose(moduleDoc), '');
  lines.push(`${names.length} public names. Generated from the TSDoc of the declarations (\`npm run docs\`).`, '');
  let kind = '';
  for (const n of names) {
    if (n.kind !== kind) {
      kind = n.kind;
      lines.push(
        `## ${{ function: 'Functions', class: 'Classes', const: 'Constants', interface: 'Interfaces', type: 'Types', enum: 'Enums' }[kind]}`,
        '',
      );
    }
    lines.push(`### ${n.name} {#${n.name}}`, '');
    if (n.deprecated) lines.push('::: warning Deprecated', ':::', '');
    lines.push('```ts', n.text, '```', '');
    lines.push(n.doc ? prose(n.doc) : '_No description._', '');
    if (n.members.length > 0) {
      const documented = n.members.filter((m) => m.doc || m.defaultValue);
      if (documented.length > 0) {
        lines.push('| member | description |', '|---|---|');
        for (const m of documented)
          lines.push(
            `| \`${m.name}\` | ${prose(`${m.doc}${m.defaultValue ? ` (default: ${m.defaultValue})` : ''}`)
              .replace(/\|/g, '\\|')
              .replace(/\n+/g, ' ')} |`,
          );
        lines.push('');
      }
    }
    for (const example of n.examples) lines.push('Example:', '', '```ts', example, '```', '');
    for (const see of n.see) lines.push(`See: ${prose(see)}`, '');
  }
  return `${lines.join('\n')}\n`;
}

/** Writes docs/api/<entry>.md for every entry; returns { entry page: names }. */
export function generateApi({
  dtsDir = join(root, '.tmp/docs-dts'),
  outDir = join(root, 'docs/api'),
  emit = true,
} = {}) {
  if (emit) emitDeclarations(dtsDir);
  const files = ENTRIES.map((e) => join(dtsDir, e.dts));
  const program = ts.createProgram(files, {
    skipLibCheck: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
  });
  const checker = program.getTypeChecker();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = {};
  const index = [
    '---',
    'title: API reference',
    '---',
    '',
    '# API reference',
    '',
    'Every public name of every entry, from the TSDoc in the sources.',
    '',
    '| entry | names |',
    '|---|---|',
  ];
  ENTRIES.forEach((entry, i) => {
    const names = entryNames(program, checker, files[i]);
    const source = program.getSourceFile(files[i]);
    const moduleDoc =
      source.statements.length > 0
        ? (ts
            .getJSDocCommentsAndTags(source.statements[0])
            .find((d) => ts.isJSDoc(d) && d.tags?.some((t) => t.tagName.text === 'packageDocumentation'))?.comment ??
          '')
        : '';
    writeFileSync(
      join(outDir, `${entry.page}.md`),
      page(entry, names, typeof moduleDoc === 'string' ? moduleDoc : (ts.getTextOfJSDocComment(moduleDoc) ?? '')),
    );
    index.push(`| [\`${entry.subpath}\`](./${entry.page}) | ${names.length} |`);
    result[entry.page] = names.map((n) => n.name);
  });
  writeFileSync(join(outDir, 'index.md'), `${index.join('\n')}\n`);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = generateApi({ emit: !process.argv.includes('--no-emit') });
  for (const [page, names] of Object.entries(result)) console.log(`docs/api/${page}.md: ${names.length} names`);
}
