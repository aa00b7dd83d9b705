/**
 * `--message-attribute name=Type:value`, shared by the SQS and SNS kinds: the flag's parser, its
 * collector, and the rule for a value given without a type (which `generate` reports on stderr).
 */
import { UsageError } from './command.js';

/** A message attribute's explicit type prefix: `String`, `Number` or `Binary`, with an optional `.label`. */
const ATTRIBUTE_TYPE = /^((?:String|Number|Binary)(?:\.[A-Za-z0-9_.-]+)?):/;

/**
 * The type assumed for `--message-attribute name=value` given without one: `Number` when the value
 * is a canonical JSON number (one that reads back as the same text: `5`, `-2.5`, not `007`, `1.50`
 * or `1e3`), else `String`; `undefined` when the text names its type. Canonical only, so that a
 * zip code or a version string is never silently sent as a number.
 */
export function assumedAttributeType(text: string): 'Number' | 'String' | undefined {
  const rest = text.slice(text.indexOf('=') + 1);
  if (ATTRIBUTE_TYPE.test(rest)) return undefined;
  return /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/.test(rest) && String(Number(rest)) === rest ? 'Number' : 'String';
}

/** `name=Type:value`: a message attribute (Type String, Number or Binary (base64), with an optional .label; no Type: see {@link assumedAttributeType}). */
export function messageAttribute(text: string): readonly [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new UsageError(
      `--message-attribute needs name=Type:value (e.g. priority=Number:5), got ${JSON.stringify(text)}`,
    );
  const name = text.slice(0, eq);
  const rest = text.slice(eq + 1);
  const typed = ATTRIBUTE_TYPE.exec(rest);
  if (typed === null) return [name, { DataType: assumedAttributeType(text), StringValue: rest }];
  const dataType = typed[1] as string;
  const value = rest.slice(typed[0].length);
  return [
    name,
    dataType.startsWith('Binary')
      ? { DataType: dataType, BinaryValue: value }
      : { DataType: dataType, StringValue: value },
  ];
}

/** The parsed attributes as the factory's `messageAttributes` map; a name given twice is a usage error. */
export function messageAttributes(entries: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of entries as ReadonlyArray<readonly [string, unknown]>) {
    if (Object.hasOwn(out, name)) throw new UsageError(`--message-attribute ${name} is given twice`);
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
