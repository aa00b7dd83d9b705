/** `aws-event-kit lint-pattern`: an event pattern's (or FilterCriteria's) pitfalls as `file:line:col code message`. */
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { nearest } from '../suggest.js';
import { FILTER_SOURCES } from '../../patterns/filterSources.js';
import { lintEventPattern, type PatternDiagnostic, type PatternLintOptions } from '../../patterns/lint.js';
import { PIPE_SOURCES } from '../../pipes/index.js';
import { jsonLocations, locate, type TextLocation } from './jsonLocations.js';
import { readInput } from './render.js';
import { formatDiagnostics, parseDiagnosticFormat } from '../diagnosticFormat.js';

/** Every `--source` value, in help order. */
const SOURCES: readonly string[] = [...new Set<string>([...PIPE_SOURCES, ...FILTER_SOURCES])];

const HELP = `Usage: aws-event-kit lint-pattern <file|-> [options]

Lints an EventBridge event pattern, or Lambda/Pipes FilterCriteria ({"Filters": [{"Pattern": "..."}]}),
for valid patterns that are almost surely wrong: a pattern that can never match, a near-miss of an
envelope field name (detailType), a string where the event has a number, prefix "", $or read as a
field name, over 4,096 characters, filters on fields Lambda adds after filtering, more than 5 filters.
Prints one line per finding, "file:line:col code message (page)", the page explaining the code;
an invalid pattern is itself a finding (invalid-pattern, with AWS's message).

Options:
  --source <source>       what the pattern filters, so lint knows its fields and types:
                          eventbridge, s3-eventbridge (rules); sqs, kinesis, dynamodb, mq, kafka,
                          pipes:sqs … (Lambda/Pipes filters); see the patterns guide for all
  --data-format json|text filters: what the records' body/data holds
  --max-filters <n>       filters: the account's filters-per-mapping quota (default 5, at most 10)
  --format text|json|github
                          output: lines (default), a JSON array of findings with line and column,
                          or GitHub Actions annotations (::error for errors, ::warning for warnings)
  -h, --help              show this help

Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage error.
`;

/** Where a finding points: the field's key in the text (the filter's Pattern for FilterCriteria), else the start. */
function locationOf(
  diagnostic: PatternDiagnostic,
  locations: ReadonlyMap<string, TextLocation>,
  byPath: ReadonlyMap<string, TextLocation>,
): TextLocation {
  if (diagnostic.filter !== undefined) return locate(locations, ['Filters', diagnostic.filter, 'Pattern']);
  return byPath.get(diagnostic.path) ?? locate(locations, []);
}

/** The first location of each dot-joined field path (`$or` and array indexes are not part of a path). */
function locationsByPath(locations: ReadonlyMap<string, TextLocation>): Map<string, TextLocation> {
  const out = new Map<string, TextLocation>();
  for (const [key, location] of locations) {
    const path = JSON.parse(key) as (string | number)[];
    if (path.length === 0 || typeof path[path.length - 1] !== 'string') continue;
    const dotted = path.filter((k): k is string => typeof k === 'string' && k !== '$or').join('.');
    const known = out.get(dotted);
    if (
      known === undefined ||
      location.line < known.line ||
      (location.line === known.line && location.column < known.column)
    )
      out.set(dotted, location);
  }
  return out;
}

/** The `lint-pattern` command. */
export const lintPatternCommand: CliCommand = {
  name: 'lint-pattern',
  summary: 'lint an event pattern or Lambda/Pipes FilterCriteria for the documented pitfalls',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      source: 'string',
      'data-format': 'string',
      'max-filters': 'string',
      format: 'string',
      help: 'boolean',
    });
    if (flags.has('help')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('needs one <file> (see --help)');
    const file = positionals[0]!;
    const format = parseDiagnosticFormat(flags.get('format') as string | undefined);
    const options: PatternLintOptions = {};
    const source = flags.get('source') as string | undefined;
    if (source !== undefined) {
      if (!SOURCES.includes(source)) {
        const close = nearest(source, SOURCES);
        throw new UsageError(
          `unknown --source ${JSON.stringify(source)}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} (sources: ${SOURCES.join(', ')})`,
        );
      }
      Object.assign(options, { source });
    }
    const dataFormat = flags.get('data-format') as string | undefined;
    if (dataFormat !== undefined) {
      if (dataFormat !== 'json' && dataFormat !== 'text')
        throw new UsageError(`--data-format must be json or text, got ${dataFormat}`);
      Object.assign(options, { dataFormat });
    }
    const maxFilters = flags.get('max-filters') as string | undefined;
    if (maxFilters !== undefined) {
      if (!/^\d+$/.test(maxFilters) || Number(maxFilters) < 1 || Number(maxFilters) > 10)
        throw new UsageError(`--max-filters must be an integer from 1 to 10, got ${maxFilters}`);
      Object.assign(options, { maxFilters: Number(maxFilters) });
    }
    const text = await readInput(io, file);
    // FilterCriteria come as a JSON object; a plain pattern is linted as text, so AWS's own parse errors are findings.
    let input: string | object = text;
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && Array.isArray((value as { Filters?: unknown }).Filters))
        input = value;
    } catch {
      // Not JSON: lint reports it as an invalid pattern.
    }
    let diagnostics: PatternDiagnostic[];
    try {
      diagnostics = lintEventPattern(input, options);
    } catch (error) {
      if (error instanceof TypeError) throw new UsageError(error.message.replace(/^lintEventPattern: options\./, '--'));
      throw error;
    }
    let locations = new Map<string, TextLocation>();
    try {
      JSON.parse(text);
      locations = jsonLocations(text);
    } catch {
      // Invalid JSON: findings point at the start.
    }
    const byPath = locationsByPath(locations);
    const located = diagnostics.map((d) => ({ ...d, ...locationOf(d, locations, byPath) }));
    io.stdout.write(formatDiagnostics(format, file, located));
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
