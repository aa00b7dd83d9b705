/** `aws-event-kit test-pattern`: does an EventBridge event pattern match an event? The offline TestEventPattern. */
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand, type CliIO } from '../command.js';
import { compileEventPattern, matchesEventPattern, type CompiledEventPattern } from '../../patterns/compile.js';
import { EventPatternError, EventPatternInputError } from '../../patterns/errors.js';
import { explainEventPattern, formatExplanation } from '../../patterns/explain.js';
import { readInput } from './render.js';

const HELP = `Usage: aws-event-kit test-pattern <pattern-file> <event-file|-> [--explain]

Tests an EventBridge event pattern against one event, as EventBridge's TestEventPattern API
does, offline: the pattern is validated with AWS's rules and messages, then matched. Prints
"match" or "no match"; with --explain, why, field by field. "-" reads a file from stdin.

Options:
  --explain    print each field of the pattern: what it expects, what the event has, and whether it matched
  -h, --help   show this help

Exit codes: 0 match, 1 no match, 2 an invalid pattern (AWS's message, with its line and column)
or a usage error (an event that is not a JSON object, a file that cannot be read).
`;

/** Prints an invalid pattern as `file:line:col: Event pattern is not valid. Reason: …` and returns 2. */
function reportPatternError(io: CliIO, file: string, error: EventPatternError): number {
  const at = error.location === undefined ? '' : `:${error.location.line}:${error.location.column}`;
  io.stderr.write(`${file}${at}: ${error.message}\n`);
  return 2;
}

/** Compiles the pattern text, or returns the exit code after reporting AWS's message. */
function compileOrReport(io: CliIO, file: string, text: string): CompiledEventPattern | number {
  try {
    return compileEventPattern(text);
  } catch (error) {
    if (error instanceof EventPatternError) return reportPatternError(io, file, error);
    throw error;
  }
}

/** The `test-pattern` command. */
export const testPatternCommand: CliCommand = {
  name: 'test-pattern',
  summary: 'test an EventBridge event pattern against an event (exit 0 match, 1 no match)',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, { explain: 'boolean', help: 'boolean' });
    if (flags.has('help')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 2) throw new UsageError('needs <pattern-file> <event-file|-> (see --help)');
    const [patternFile, eventFile] = positionals as [string, string];
    if (patternFile === '-' && eventFile === '-')
      throw new UsageError('only one of <pattern-file> and <event-file> can be - (stdin)');
    const compiled = compileOrReport(io, patternFile, await readInput(io, patternFile));
    if (typeof compiled === 'number') return compiled;
    const event = await readInput(io, eventFile);
    let matched: boolean;
    try {
      // The event goes in as text, so its numbers keep the digits they were written with.
      matched = matchesEventPattern(compiled, event);
    } catch (error) {
      if (error instanceof EventPatternInputError || error instanceof SyntaxError)
        throw new UsageError(`${eventFile}: ${error.message.replace(/^\w+: /, '')}`);
      throw error;
    }
    if (flags.has('explain'))
      io.stdout.write(`${formatExplanation(explainEventPattern(compiled, event)).replace(/\n?$/, '\n')}`);
    else io.stdout.write(matched ? 'match\n' : 'no match\n');
    return matched ? 0 : 1;
  },
};
