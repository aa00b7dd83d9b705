/**
 * The `--format` of `lint` and `lint-pattern`: text lines, a JSON array, or GitHub Actions
 * workflow commands (annotations on the pull request's diff).
 */
import { UsageError } from './command.js';

/** The output formats of the lint commands. */
const DIAGNOSTIC_FORMATS = ['text', 'json', 'github'] as const;

/** One of {@link DIAGNOSTIC_FORMATS}. */
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** What every formatter needs of a finding (1-based line and column). */
export interface LocatedDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly docsUrl: string;
}

/** Validates `--format`; absent means `text`. */
export function parseDiagnosticFormat(value: string | undefined): DiagnosticFormat {
  if (value === undefined) return 'text';
  if (!(DIAGNOSTIC_FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format must be text, json or github, got ${JSON.stringify(value)}`);
  return value as DiagnosticFormat;
}

/**
 * Escapes a workflow command's message: `%`, CR and LF.
 * @see https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
 */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as the message, plus `:` and `,`, which delimit properties. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub Actions annotation: `::error file=…,line=…,col=…,title=<code>::<message> (<page>)`.
 * Severity maps one to one: a lint `error` (the command exits 1) is `::error`, a `warning`
 * (exit 0) is `::warning`. `file` is left out for stdin (`-`), which has no file to annotate.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message
 */
export function githubAnnotation(file: string, d: LocatedDiagnostic): string {
  const properties = [
    ...(file === '-' ? [] : [`file=${escapeGithubProperty(file)}`]),
    `line=${d.line}`,
    `col=${d.column}`,
    `title=${escapeGithubProperty(d.code)}`,
  ];
  return `::${d.severity} ${properties.join(',')}::${escapeGithubData(`${d.message} (${d.docsUrl})`)}\n`;
}

/** The whole output of a lint command in `format` (empty for no findings, except JSON's `[]`). */
export function formatDiagnostics(
  format: DiagnosticFormat,
  file: string,
  diagnostics: readonly LocatedDiagnostic[],
): string {
  if (format === 'json') return `${JSON.stringify(diagnostics, null, 2)}\n`;
  if (format === 'github') return diagnostics.map((d) => githubAnnotation(file, d)).join('');
  return diagnostics
    .map(
      (d) =>
        `${file}:${d.line}:${d.column} ${d.code} ${d.severity === 'warning' ? 'warning: ' : ''}${d.message} (${d.docsUrl})\n`,
    )
    .join('');
}
