/**
 * Thrown when an argument breaks an AWS rule or a rule of this kit.
 * The message always names the API, the argument and the rule, e.g.
 * `makeS3PutEvent: bucket "My_Bucket" breaks S3's bucket naming rules: only lower-case letters, digits, '.' and '-' are allowed`.
 */
export class EventInputError extends TypeError {
  override readonly name = 'EventInputError';
  /** The API that rejected the input, e.g. `makeSqsEvent`. */
  readonly api: string;
  /** The argument (or path inside it) that broke the rule, e.g. `options.region`. */
  readonly argument: string;

  constructor(api: string, argument: string, rule: string) {
    super(`${api}: ${argument} ${rule}`);
    this.api = api;
    this.argument = argument;
  }
}

/** Shorthand for throwing an {@link EventInputError}. */
export function fail(api: string, argument: string, rule: string): never {
  throw new EventInputError(api, argument, rule);
}

/** Quotes a user value for an error message, shortening long values. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
