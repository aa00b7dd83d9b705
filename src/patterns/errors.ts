/**
 * Errors of the event-pattern engine: an invalid pattern (AWS's `InvalidEventPatternException`)
 * and a bad argument to one of the engine's APIs (an event that is not a JSON object …).
 */

/** A 1-based position in a pattern's JSON text. */
export interface PatternTextLocation {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units. */
  readonly column: number;
}

/**
 * An event pattern that AWS would reject. `reason` is AWS's reason text and `message` is exactly
 * AWS's message, `Event pattern is not valid. Reason: <reason>`.
 *
 * AWS's own message carries, after the reason, the location suffix of the JSON parser it runs
 * (`\n at [Source: (String)"<pattern>"; line: L, column: C]`, seen in SNS's
 * `Invalid parameter: FilterPolicy: Empty arrays are not allowed\n at [Source: …]`). That suffix
 * depends on the parser's look-ahead, so it is not part of `message`: compare AWS's text up to
 * `\n at [Source`. {@link EventPatternError.location} gives the position in the pattern text instead.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_TestEventPattern.html
 */
export class EventPatternError extends Error {
  override readonly name = 'EventPatternError';
  /** AWS's error code for an invalid pattern. */
  readonly code = 'InvalidEventPatternException';
  /** AWS's reason text, without the JSON parser's location suffix. */
  readonly reason: string;
  /**
   * Where in the pattern's JSON text the problem was found: the start of the JSON token at which
   * the check failed (AWS's parser reports the position after its look-ahead, which can be a few
   * characters later). Absent for errors that are not about one place (length and combination limits).
   */
  readonly location?: PatternTextLocation;

  constructor(reason: string, location?: PatternTextLocation) {
    super(`Event pattern is not valid. Reason: ${reason}`);
    this.reason = reason;
    if (location !== undefined) this.location = location;
  }
}

/**
 * A bad argument to a pattern API that is not about the pattern's validity, e.g. an event that is
 * not a JSON object. The message starts with the API's name: `testEventPattern: event must be a JSON object, got an array`.
 */
export class EventPatternInputError extends TypeError {
  override readonly name = 'EventPatternInputError';
  /** The API that rejected the argument. */
  readonly api: string;

  constructor(api: string, rule: string) {
    super(`${api}: ${rule}`);
    this.api = api;
  }
}
