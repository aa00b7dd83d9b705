/** `aws-event-kit render`: what a Pipes or rule target receives for an event. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand, type CliIO } from '../command.js';
import { DEFAULT_RENDER_OPTIONS, renderPipeTemplate, renderRuleTemplate, TemplateSyntaxError, TemplateValidationError, transformPipeBatch, type RenderOptions } from '../../pipes/index.js';

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

Exit codes: 0 delivered, 1 nothing delivered or a bad template, 2 usage error.
`;

/** Reads a file argument (or stdin for "-") as UTF-8 text. */
export async function readInput(io: CliIO, file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Reads and parses a JSON file argument. */
export async function readJson(io: CliIO, file: string): Promise<unknown> {
  const text = await readInput(io, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/** Parses repeated `--option name=value` flags into RenderOptions. */
export function renderOptions(values: string | true | string[] | undefined): RenderOptions {
  const out: Record<string, unknown> = {};
  for (const item of Array.isArray(values) ? values : []) {
    const eq = item.indexOf('=');
    const name = item.slice(0, eq);
    if (eq < 0 || !Object.hasOwn(DEFAULT_RENDER_OPTIONS, name)) throw new UsageError(`--option takes name=value with name one of ${Object.keys(DEFAULT_RENDER_OPTIONS).join(', ')}, got ${item}`);
    const value = item.slice(eq + 1);
    out[name] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return out as RenderOptions;
}

/** Prints a template error as `file:line:col code message`, or rethrows. */
export function reportTemplateError(io: CliIO, file: string, error: unknown): number {
  if (error instanceof TemplateSyntaxError) {
    io.stderr.write(`${file}:${error.line}:${error.column} ${error.code} ${error.message.replace(/ \(line \d+, column \d+\)$/, '')}\n`);
    return 1;
  }
  if (error instanceof TemplateValidationError) {
    io.stderr.write(`${file}: ${error.code} ${error.awsCode}: ${error.message}\n`);
    return 1;
  }
  if (error instanceof TypeError && /options\./.test(error.message)) throw new UsageError(error.message);
  throw error;
}

/** The `render` command. */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'print what a Pipes or rule target receives for an event',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, { rule: 'boolean', 'input-paths-map': 'string', context: 'string', batch: 'boolean', option: 'repeat', help: 'boolean' });
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
    const context = flags.has('context') ? ((await readJson(io, flags.get('context') as string)) as Record<string, string>) : {};
    const options = renderOptions(flags.get('option'));
    try {
      if (flags.has('batch')) {
        if (!Array.isArray(event)) throw new UsageError(`--batch needs an array of records in ${eventFile}`);
        const batch = transformPipeBatch(template, event, context, options);
        if (!batch.delivered) {
          io.stderr.write(`not delivered: ${batch.reason}\n`);
          return 1;
        }
        io.stdout.write(`${batch.body}\n`);
        return 0;
      }
      const inputPathsMap = flags.has('input-paths-map') ? ((await readJson(io, flags.get('input-paths-map') as string)) as Record<string, string>) : {};
      const result = flags.has('rule') ? renderRuleTemplate({ inputPathsMap, inputTemplate: template }, event, context, options) : renderPipeTemplate(template, event, context, options);
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
