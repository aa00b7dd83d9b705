/** Every diagnostic code, with one line on the pitfall (each code's page on the site, `docsUrl`, has a wrong and a right example). */
export const LINT_CODES = Object.freeze({
  'not-text': 'The template is not a string.',
  'template-too-long': 'Over 8,192 characters: AWS rejects it.',
  'template-too-short': 'Rules: an empty InputTemplate is rejected.',
  'control-character': 'Control characters or lone surrogates (binary junk) in the template.',
  'unterminated-placeholder': 'A "<" without ">" on the same line; "<" cannot be escaped.',
  'nested-placeholder': 'A "<" inside a placeholder.',
  'empty-placeholder': '"<>" names nothing.',
  'invalid-json': 'A template starting with "{" or "[" that is not JSON around its placeholders.',
  'invalid-string-template': "A template starting with '\"' that is not quoted strings, one per line.",
  'invalid-placeholder': 'Pipes: a placeholder that is neither a "$" path nor aws.pipes.*.',
  'unknown-reserved-variable': 'An aws.pipes.* / aws.events.* name that does not exist.',
  'unsupported-path': 'Path syntax EventBridge does not support: filters, "..", functions, bracketed names, slices.',
  'undefined-placeholder': 'Rules: a placeholder that is not an InputPathsMap key (PutTargets rejects it).',
  'too-many-input-paths': 'Rules: more than 100 InputPathsMap entries.',
  'invalid-input-path-key': 'Rules: an InputPathsMap key outside [A-Za-z0-9_-]+ or over 256 characters.',
  'reserved-input-path-key': 'Rules: an InputPathsMap key starting with "AWS.".',
  'input-path-too-long': 'Rules: an InputPathsMap path over 256 characters.',
  'placeholder-as-key': 'A placeholder used as an object key.',
  'event-in-string': 'aws.pipes.event(.json) / aws.events.event(.json) used inside a string.',
  'quoted-object': 'A quoted placeholder whose path can hold an object or array.',
  'bare-body': 'A bare <$.body> / <$.data> whose JSON object arrives with its quotes stripped.',
  'free-text-template': 'Free text (or a bare scalar placeholder): the output is not JSON.',
  'multi-line-template': 'Several quoted lines: the output is several JSON strings, not one JSON value.',
  'pipes-string-template': 'Pipes: a quoted string template, whose outer quotes Pipes does not document.',
  'impossible-path': "A path that the given source's records never have.",
} as const);

/** A diagnostic code. */
export type LintCode = keyof typeof LINT_CODES;
