/** A small, strict argument parser: clear one-line usage errors, no surprises. */
import { UsageError } from './command.js';
import { nearest } from './suggest.js';

/** How a flag takes its value. */
export type FlagKind = 'boolean' | 'string' | 'repeat';

/** Parsed arguments: positionals in order, flag values by name (without `--`). */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | true | string[]>;
}

/**
 * Parses `--name value`, `--name=value`, boolean `--name`, repeatable flags and `-h`.
 * Everything after `--` is positional. Unknown flags are usage errors naming the nearest known flags.
 */
export function parseArgs(args: readonly string[], spec: Readonly<Record<string, FlagKind>>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true | string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-')
        throw new UsageError(`unknown option ${arg} (options start with --; see --help)`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) {
      const close = nearest(name, Object.keys(spec)).map((flag) => `--${flag}`);
      throw new UsageError(
        `unknown option --${name}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} (see --help)`,
      );
    }
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`option --${name} needs a value`);
      value = next;
      i++;
    }
    if (kind === 'repeat') {
      const list = flags.get(name);
      flags.set(name, Array.isArray(list) ? [...list, value] : [value]);
    } else {
      if (flags.has(name)) throw new UsageError(`option --${name} is given twice`);
      flags.set(name, value);
    }
  }
  return { positionals, flags };
}

/** Parses an integer flag value within `[min, max]`. */
export function integerFlag(name: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${name} must be an integer, got ${JSON.stringify(text)}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} must be between ${min} and ${max}, got ${text}`);
  return value;
}
