/** AWS-shaped errors: services throw these, the protocol layer turns them into responses. */

/** An error the mock answers with, as the real service would. */
export class AwsServiceError extends Error {
  override readonly name = 'AwsServiceError';
  /**
   * The JSON `__type` (`com.amazonaws.sqs#QueueDoesNotExist`, `ValidationException`) or the
   * XML `<Code>`. The SDK keeps what follows `#` as the error's `name`.
   */
  readonly type: string;
  /** HTTP status: 400 for client faults, 500 for `InternalFailure`. */
  readonly status: number;
  /** Extra response headers, e.g. SQS's `x-amzn-query-error: <code>;Sender`. */
  readonly headers: Readonly<Record<string, string>>;

  /**
   * Members the error shape carries besides `message`, sent in the JSON body (e.g. DynamoDB's
   * `Item` on `ConditionalCheckFailedException`); the SDK copies them onto the error it throws.
   */
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(
    type: string,
    message: string,
    status = 400,
    headers: Readonly<Record<string, string>> = {},
    fields: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.type = type;
    this.status = status;
    this.headers = headers;
    this.fields = fields;
  }

  /** The error code as the SDK reports it (the part of `type` after `#`). */
  get code(): string {
    const hash = this.type.lastIndexOf('#');
    return hash === -1 ? this.type : this.type.slice(hash + 1);
  }
}

/** `UnknownOperationException`: what the mocks answer for anything they do not implement. */
export function unknownOperation(service: string, operation: string): AwsServiceError {
  return new AwsServiceError(
    'UnknownOperationException',
    `aws-event-kit/msw: ${service} operation ${operation} is not implemented by the mocks (the request never left the process)`,
  );
}

/** A 500 `InternalFailure` carrying the message of an unexpected error (a bug in the mock or a mapper). */
export function internalFailure(error: unknown): AwsServiceError {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AwsServiceError('InternalFailure', `aws-event-kit/msw: unexpected error in the mock: ${detail}`, 500);
}

/** Escapes text for an XML element. */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : '&quot;',
  );
}
