/** `aws-event-kit lint`: the template's pitfalls as `file:line:col code message`. */
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { lintPipeTemplate, lintRuleTemplate, PIPE_SOURCES, type PipeSource } from '../../pipes/index.js';
import { INPUT_PATHS_EXAMPLE, readInput, readJsonObject } from './render.js';
import { formatDiagnostics, parseDiagnosticFormat } from '../diagnosticFormat.js';

const HELP = `Usage: aws-event-kit lint <template-file> [options]

Prints one line per finding, "file:line:col code message (page)", errors and warnings;
the page explains the code with a wrong and a right example. "-" reads the template from stdin.

Options:
  --source <source>         the pipe's source, for exact checks: ${PIPE_SOURCES.join(', ')}
  --rule                    the template is a rule target's InputTemplate
  --input-paths-map <file>  the rule's InputPathsMap (a JSON object)
  --format text|json|github output: lines (default), a JSON array of findings, or GitHub
                            Actions annotations (::error for errors, ::warning for warnings)
  -h, --help                show this help

Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage error.
`;

/** The `lint` command. */
export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'lint a Pipes or rule input template for the documented pitfalls',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      source: 'string',
      rule: 'boolean',
      'input-paths-map': 'string',
      format: 'string',
      help: 'boolean',
    });
    if (flags.has('help')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('needs one <template-file> (see --help)');
    const file = positionals[0]!;
    const format = parseDiagnosticFormat(flags.get('format') as string | undefined);
    const source = flags.get('source') as string | undefined;
    if (source !== undefined && !(PIPE_SOURCES as readonly string[]).includes(source))
      throw new UsageError(`--source must be one of ${PIPE_SOURCES.join(', ')}, got ${source}`);
    if (flags.has('input-paths-map') && !flags.has('rule')) throw new UsageError('--input-paths-map needs --rule');
    const template = await readInput(io, file);
    const opts = source === undefined ? {} : { source: source as PipeSource };
    const diagnostics = flags.has('rule')
      ? lintRuleTemplate(
          {
            inputPathsMap: flags.has('input-paths-map')
              ? await readJsonObject(io, 'input-paths-map', flags.get('input-paths-map') as string, INPUT_PATHS_EXAMPLE)
              : {},
            inputTemplate: template,
          },
          opts,
        )
      : lintPipeTemplate(template, opts);
    io.stdout.write(formatDiagnostics(format, file, diagnostics));
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
