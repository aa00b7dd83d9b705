/**
 * Lambda's errors on its REST-JSON protocol: a 4xx/5xx status, the code in `x-amzn-errortype`, and
 * a body `{"Type":"User","Message":"…"}` (the SDK throws the exception class named by the code).
 * @see https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html
 */
import { AwsServiceError } from '../_internals/awsError.js';

/** A Lambda error with its HTTP status. */
export function lambdaError(code: string, message: string, status = 400): AwsServiceError {
  return new AwsServiceError(code, message, status);
}

/** `ResourceNotFoundException` (404) for a function that does not exist. */
export function functionNotFound(functionArn: string): AwsServiceError {
  return lambdaError('ResourceNotFoundException', `Function not found: ${functionArn}`, 404);
}

/** `ResourceNotFoundException` (404) for an event source mapping UUID that does not exist. */
export function mappingNotFound(): AwsServiceError {
  return lambdaError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
}

/** `InvalidParameterValueException` (400). */
export function invalidParameter(message: string): AwsServiceError {
  return lambdaError('InvalidParameterValueException', message);
}

/**
 * A request-validation error, in the AWS form
 * `1 validation error detected: Value 'x' at 'batchSize' failed to satisfy constraint: …`.
 */
export function validationError(value: unknown, member: string, constraint: string): AwsServiceError {
  return lambdaError(
    'ValidationException',
    `1 validation error detected: Value '${typeof value === 'string' ? value : JSON.stringify(value)}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

/** The error response of `error`: status, `x-amzn-errortype`, `{Type, Message}`. */
export function lambdaErrorResponse(error: AwsServiceError, requestId: string): Response {
  return new Response(
    JSON.stringify({ Type: error.status >= 500 ? 'Service' : 'User', Message: error.message, ...error.fields }),
    {
      status: error.status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': error.code,
        ...error.headers,
      },
    },
  );
}
