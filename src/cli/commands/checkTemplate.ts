/** `aws-event-kit check-template`: run a template over generated records (needs fast-check). */
import { parseArgs } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { PIPE_SOURCES } from '../../pipes/index.js';
import { INPUT_PATHS_EXAMPLE, readInput, readJsonObject, renderOptions, reportTemplateError } from './render.js';

const HELP = `Usage: aws-event-kit check-template <template-file|-> --source <source> [options]

Runs the template over generated records of the source and prints "ok, N runs", or the
shrunk counterexample: the record, what AWS would deliver, what is wrong, and how to replay it.
Needs fast-check installed (it is an optional peer dependency).

Options:
  --source <source>         ${PIPE_SOURCES.slice(0, 6).join(', ')} (rules: eventbridge, s3-eventbridge)
  --runs <n>                number of records (default 100)
  --seed <n>                fast-check seed, to replay a failure
  --path <path>             fast-check shrink path, to replay a failure exactly
  --rule                    the template is a rule target's InputTemplate
  --input-paths-map <file>  the rule's InputPathsMap (a JSON object)
  --text                    the target takes text (SQS, SNS, Logs): output need not be JSON
  --option <name=value>     an oracle option (repeatable), e.g. --option escape=json
  -h, --help                show this help

Exit codes: 0 ok, 1 a counterexample or a bad template, 2 usage error (or fast-check missing).
`;

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${value}`);
  return n;
}

/** The `check-template` command. */
export const checkTemplateCommand: CliCommand = {
  name: 'check-template',
  summary: 'run a Pipes or rule template over generated records (needs fast-check)',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      source: 'string',
      runs: 'string',
      seed: 'string',
      path: 'string',
      rule: 'boolean',
      'input-paths-map': 'string',
      text: 'boolean',
      option: 'repeat',
      help: 'boolean',
    });
    if (flags.has('help')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('needs one <template-file> or - (see --help)');
    const file = positionals[0]!;
    const source = flags.get('source') as string | undefined;
    const rule = flags.has('rule');
    if (source === undefined && !rule) throw new UsageError('needs --source (e.g. --source sqs)');
    if (source !== undefined && !(PIPE_SOURCES as readonly string[]).includes(source))
      throw new UsageError(`--source must be one of ${PIPE_SOURCES.join(', ')}, got ${source}`);
    if (rule && source !== undefined && source !== 'eventbridge' && source !== 's3-eventbridge')
      throw new UsageError('rules see EventBridge events: --source eventbridge or s3-eventbridge');
    const numRuns = integer('runs', flags.get('runs') as string | undefined, 1) ?? 100;
    const seed = integer('seed', flags.get('seed') as string | undefined, -(2 ** 31));
    const replayPath = flags.get('path') as string | undefined;
    // fast-check throws a bare Error for a malformed path: check its shape (colon-separated indices) here.
    if (replayPath !== undefined && !/^\d+(?::\d+)*$/.test(replayPath))
      throw new UsageError(
        `--path must be a replay path of colon-separated numbers, as a counterexample's "replay:" line prints it (e.g. 12:0:3), got ${JSON.stringify(replayPath)}`,
      );
    const template = await readInput(io, file);
    const options = renderOptions(flags.get('option'));
    // fast-check is optional: load the checks only now, by dynamic import (src/ never imports it statically).
    let checks: {
      checkPipeTemplate: typeof import('../../../arbitraries/checkPipeTemplate.js').checkPipeTemplate;
      checkRuleTemplate: typeof import('../../../arbitraries/checkRuleTemplate.js').checkRuleTemplate;
    };
    try {
      const [pipe, ruleModule] = await Promise.all([
        import('../../../arbitraries/checkPipeTemplate.js'),
        import('../../../arbitraries/checkRuleTemplate.js'),
      ]);
      checks = { checkPipeTemplate: pipe.checkPipeTemplate, checkRuleTemplate: ruleModule.checkRuleTemplate };
    } catch (error) {
      if (/fast-check/.test(String((error as Error).message)))
        throw new UsageError('check-template needs fast-check: npm install --save-dev fast-check');
      throw error;
    }
    const common = {
      numRuns,
      ...(seed !== undefined ? { seed } : {}),
      ...(flags.has('path') ? { path: flags.get('path') as string } : {}),
      options,
      expectJson: !flags.has('text'),
    };
    let result;
    try {
      result = rule
        ? checks.checkRuleTemplate(
            {
              inputPathsMap: flags.has('input-paths-map')
                ? await readJsonObject(
                    io,
                    'input-paths-map',
                    flags.get('input-paths-map') as string,
                    INPUT_PATHS_EXAMPLE,
                  )
                : {},
              inputTemplate: template,
            },
            { ...common, source: (source as 'eventbridge' | 's3-eventbridge' | undefined) ?? 'eventbridge' },
          )
        : checks.checkPipeTemplate(template, { ...common, source: source as (typeof PIPE_SOURCES)[number] });
    } catch (error) {
      if (error instanceof TypeError && /no record arbitrary/.test(error.message)) throw new UsageError(error.message);
      return reportTemplateError(io, file, error);
    }
    if (result.ok) {
      io.stdout.write(`ok, ${result.numRuns} runs\n`);
      return 0;
    }
    const { problem } = result;
    io.stdout.write(
      [
        `counterexample (after ${result.numRuns} runs):`,
        JSON.stringify(result.counterexample, null, 2),
        `output: ${result.output.delivered ? result.output.body : `(nothing delivered: ${result.output.reason})`}`,
        `problem: ${problem.kind}${problem.code ? ` [${problem.code}]` : ''}: ${problem.message}`,
        ...(problem.placeholder !== undefined
          ? [`caused by: ${problem.placeholder} = ${JSON.stringify(problem.value)}`]
          : []),
        `replay: --seed ${result.seed} --path ${result.path}`,
        '',
      ].join('\n'),
    );
    return 1;
  },
};
