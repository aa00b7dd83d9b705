/** Errors of the template oracle: syntax errors carry a position, validation errors carry AWS's message. */

/**
 * A template the oracle cannot parse: not text, an unterminated or nested `<`, invalid JSON
 * around the placeholders, control characters, a path syntax EventBridge does not support.
 * `line` and `column` are 1-based and count UTF-16 code units, as editors do.
 */
export class TemplateSyntaxError extends SyntaxError {
  override readonly name = 'TemplateSyntaxError';
  /** The diagnostic code (see `lintPipeTemplate`), e.g. `unterminated-placeholder`. */
  readonly code: string;
  /** 1-based line of the offending character. */
  readonly line: number;
  /** 1-based column of the offending character. */
  readonly column: number;

  constructor(code: string, message: string, line: number, column: number) {
    super(`${message} (line ${line}, column ${column})`);
    this.code = code;
    this.line = line;
    this.column = column;
  }
}

/**
 * A rule target that EventBridge rejects at `PutTargets` time. The message is AWS's, e.g.
 * `InputTemplate for target my-target contains invalid placeholder notdefinedkey.`
 */
export class TemplateValidationError extends Error {
  override readonly name = 'TemplateValidationError';
  /** The diagnostic code (see `lintRuleTemplate`), e.g. `undefined-placeholder`. */
  readonly code: string;
  /** AWS's error code: always `ValidationException`. */
  readonly awsCode = 'ValidationException';

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
