/**
 * SNS errors as its query protocol sends them: `<ErrorResponse><Error><Type>Sender</Type>
 * <Code>NotFound</Code><Message>…</Message></Error><RequestId/></ErrorResponse>` with the HTTP
 * status of the code. The SDK maps the code to its exception class (`NotFound` →
 * `NotFoundException`, `InvalidParameter` → `InvalidParameterException`, `ParameterValueInvalid` →
 * `InvalidParameterValueException`).
 * @see https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
 */
import { AwsServiceError } from '../_internals/awsError.js';

// Statuses other than 400: the `httpError` traits of the SNS service model (as shipped in @aws-sdk/client-sns).
const STATUSES: Readonly<Record<string, number>> = {
  AuthorizationError: 403,
  FilterPolicyLimitExceeded: 403,
  InvalidSecurity: 403,
  KMSOptInRequired: 403,
  ReplayLimitExceeded: 403,
  SubscriptionLimitExceeded: 403,
  TopicLimitExceeded: 403,
  NotFound: 404,
  ResourceNotFound: 404,
  Throttled: 429,
  InternalError: 500,
  InternalFailure: 500,
};

/** An SNS error with its code (`NotFound`, `InvalidParameter` …) and AWS's message. */
export function snsError(code: string, message: string, status = STATUSES[code] ?? 400): AwsServiceError {
  return new AwsServiceError(code, message, status);
}

/** `InvalidParameter` with SNS's `Invalid parameter: ` prefix. */
export function invalidParameter(detail: string): AwsServiceError {
  return snsError('InvalidParameter', `Invalid parameter: ${detail}`);
}

/** `ParameterValueInvalid` (the SDK's `InvalidParameterValueException`), used for message attributes. */
export function parameterValueInvalid(message: string): AwsServiceError {
  return snsError('ParameterValueInvalid', message);
}

/** `NotFound: Topic does not exist`. */
export function topicNotFound(): AwsServiceError {
  return snsError('NotFound', 'Topic does not exist');
}

/** `NotFound: Subscription does not exist`. */
export function subscriptionNotFound(): AwsServiceError {
  return snsError('NotFound', 'Subscription does not exist');
}

/** The error for a required member the request lacks (the service's generic validation). */
export function missingMember(member: string): AwsServiceError {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return snsError(
    'ValidationError',
    `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
  );
}
