/** `aws-event-kit render`: what a Pipes or rule target receives for an event. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand, type CliIO } from '../command.js';
import {
  compilePipeTemplate,
  compileRuleTemplate,
  DEFAULT_RENDER_OPTIONS,
  renderPipeTemplate,
  renderRuleTemplate,
  TemplateSyntaxError,
  TemplateValidationError,
  transformPipeBatch,
  type CompiledTemplate,
  type RenderOptions,
} from '../../pipes/index.js';

const HELP = `Usage: aws-event-kit render <template-file> <event-file> [options]

Prints exactly what the target receives when the template transforms the event
(an EventBridge Pipes input template by default). "-" reads a file from stdin.

Options:
  --rule                    the template is a rule target's InputTemplate
  --input-paths-map <file>  the rule's InputPathsMap (a JSON object)
  --context <file>          reserved-variable values: { pipeName, pipeArn, ... } or { ruleName, ... }
  --batch                   the event file is an array of records: print the array Pipes sends
  --option <name=value>     an oracle option (repeatable), e.g. --option escape=json
  -h, --help                show this help

The event file holds ONE record (Pipes) or one EventBridge event (--rule). A whole
Lambda event ({"Records": [...]}) or an array of records is refused (exit 2) unless
the template reads it (a path starting $.Records, or $[ for an array): Pipes applies
the template to each record, so pass one record or the records with --batch.

Exit codes: 0 delivered, 1 nothing delivered, a bad template, or a --batch record
whose output is not JSON (the array is still printed), 2 usage error.
`;

// Fatal: invalid UTF-8 is refused, not replaced by U+FFFD (a template or event would silently change).
// A leading byte-order mark is dropped (ignoreBOM: false), so a file saved "with BOM" reads as its text.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a file argument (or stdin for "-") as UTF-8 text, without a leading byte-order mark. */
export async function readInput(io: CliIO, file: string): Promise<string> {
  let bytes: Buffer;
  if (file === '-') {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of io.stdin)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    } catch (error) {
      // e.g. `< some-directory` (EISDIR): one line, not an internal error.
      throw new UsageError(`cannot read stdin: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    bytes = Buffer.concat(chunks);
  } else {
    try {
      bytes = await readFile(resolve(io.cwd, file));
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UsageError(
      `${file === '-' ? 'stdin' : file} is not valid UTF-8 text; AWS reads templates and events as UTF-8 (re-save the file as UTF-8)`,
    );
  }
}

/** Reads and parses a JSON file argument. */
async function readJson(io: CliIO, file: string): Promise<unknown> {
  const text = await readInput(io, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads the JSON object a flag names (`--input-paths-map`, `--context`): anything else is a usage
 * error naming the flag and the file, never a string whose characters would read as keys.
 */
export async function readJsonObject(
  io: CliIO,
  flag: string,
  file: string,
  example: string,
): Promise<Record<string, string>> {
  const value = await readJson(io, file);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`--${flag} needs a JSON object such as ${example} in ${file}, got ${describe(value)}`);
  return value as Record<string, string>;
}

/** A short description of a JSON value's type, for errors. */
function describe(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;
}

/** The example of `--input-paths-map` errors. */
export const INPUT_PATHS_EXAMPLE = '{"state": "$.detail.state"}';

/** Parses repeated `--option name=value` flags into RenderOptions. */
export function renderOptions(values: string | true | string[] | undefined): RenderOptions {
  const out: Record<string, unknown> = {};
  for (const item of Array.isArray(values) ? values : []) {
    const eq = item.indexOf('=');
    const name = item.slice(0, eq);
    if (eq < 0 || !Object.hasOwn(DEFAULT_RENDER_OPTIONS, name))
      throw new UsageError(
        `--option takes name=value with name one of ${Object.keys(DEFAULT_RENDER_OPTIONS).join(', ')}, got ${item}`,
      );
    const value = item.slice(eq + 1);
    out[name] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return out as RenderOptions;
}

/** Prints a template error as `file:line:col code message`, or rethrows. */
export function reportTemplateError(io: CliIO, file: string, error: unknown): number {
  if (error instanceof TemplateSyntaxError) {
    io.stderr.write(
      `${file}:${error.line}:${error.column} ${error.code} ${error.message.replace(/ \(line \d+, column \d+\)$/, '')}\n`,
    );
    return 1;
  }
  if (error instanceof TemplateValidationError) {
    io.stderr.write(`${file}: ${error.code} ${error.awsCode}: ${error.message}\n`);
    return 1;
  }
  if (error instanceof TypeError && /options\./.test(error.message)) throw new UsageError(error.message);
  throw error;
}

/** Whether some placeholder of `compiled` reads a path starting with `prefix` (e.g. `$.Records`). */
function readsPath(compiled: CompiledTemplate, prefix: RegExp): boolean {
  return compiled.placeholders.some((p) => p.path !== undefined && prefix.test(p.path));
}

/**
 * Refuses an event of the wrong shape for one render, naming what it got and what it expects: an
 * array of records, or a whole Lambda event, would render every path as missing and look fine.
 */
function checkOneEvent(event: unknown, file: string, compiled: CompiledTemplate, rule: boolean): void {
  const what = rule
    ? 'a rule target renders one EventBridge event (a JSON object with detail-type, source, detail …)'
    : 'a Pipes template is applied to one record at a time';
  if (Array.isArray(event)) {
    if (readsPath(compiled, /^\$\[/)) return;
    throw new UsageError(
      `${file} holds an array of ${event.length} records, but ${what}: pass one record${rule ? '' : ', or add --batch to print the array a Lambda or Step Functions target receives'}`,
    );
  }
  if (event !== null && typeof event === 'object' && Array.isArray((event as { Records?: unknown }).Records)) {
    if (readsPath(compiled, /^\$\.Records(?![^.[])/)) return;
    const n = (event as { Records: unknown[] }).Records.length;
    throw new UsageError(
      `${file} is a whole Lambda event ({"Records": [...]} with ${n} record${n === 1 ? '' : 's'}), but ${what}: pass one record (e.g. jq '.Records[0]')${rule ? '' : ", or its records with --batch (jq '.Records'; Kinesis records flattened as toPipesSourceBatch does)"}`,
    );
  }
}

/** The `render` command. */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'print what a Pipes or rule target receives for an event',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      rule: 'boolean',
      'input-paths-map': 'string',
      context: 'string',
      batch: 'boolean',
      option: 'repeat',
      help: 'boolean',
    });
    if (flags.has('help')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 2) throw new UsageError('needs <template-file> <event-file> (see --help)');
    const [templateFile, eventFile] = positionals as [string, string];
    if (flags.has('input-paths-map') && !flags.has('rule')) throw new UsageError('--input-paths-map needs --rule');
    if (flags.has('batch') && flags.has('rule')) throw new UsageError('--batch is for Pipes templates, not --rule');
    const template = await readInput(io, templateFile);
    const event = await readJson(io, eventFile);
    const context = flags.has('context')
      ? await readJsonObject(io, 'context', flags.get('context') as string, '{"pipeName": "my-pipe"}')
      : {};
    const options = renderOptions(flags.get('option'));
    try {
      if (flags.has('batch')) {
        if (!Array.isArray(event)) {
          const whole =
            event !== null && typeof event === 'object' && Array.isArray((event as { Records?: unknown }).Records);
          throw new UsageError(
            `--batch needs an array of records in ${eventFile}, got ${whole ? 'a whole Lambda event ({"Records": [...]}): pass its records (jq \'.Records\')' : describe(event)}`,
          );
        }
        const batch = transformPipeBatch(template, event, context, options);
        if (!batch.delivered) {
          io.stderr.write(`not delivered: ${batch.reason}\n`);
          return 1;
        }
        io.stdout.write(`${batch.body}\n`);
        if (batch.notJson.length === 0) return 0;
        const list =
          batch.notJson.length > 10
            ? `${batch.notJson.slice(0, 10).join(', ')} … (${batch.notJson.length} in all)`
            : batch.notJson.join(', ');
        io.stderr.write(
          `not JSON: the output of record${batch.notJson.length === 1 ? '' : 's'} ${list} is not JSON, so Pipes sends ${batch.notJson.length === 1 ? 'it' : 'them'} as JSON strings; a target expecting objects gets a string (write a JSON template, e.g. {"value": <$.body>})\n`,
        );
        return 1;
      }
      const inputPathsMap = flags.has('input-paths-map')
        ? await readJsonObject(io, 'input-paths-map', flags.get('input-paths-map') as string, INPUT_PATHS_EXAMPLE)
        : {};
      const compiled = flags.has('rule')
        ? compileRuleTemplate({ inputPathsMap, inputTemplate: template }, context)
        : compilePipeTemplate(template);
      checkOneEvent(event, eventFile, compiled, flags.has('rule'));
      const result = flags.has('rule')
        ? renderRuleTemplate(compiled, event, context, options)
        : renderPipeTemplate(compiled, event, context, options);
      if (!result.delivered) {
        io.stderr.write(`not delivered: ${result.reason}\n`);
        return 1;
      }
      io.stdout.write(`${result.body}\n`);
      return 0;
    } catch (error) {
      return reportTemplateError(io, templateFile, error);
    }
  },
};
