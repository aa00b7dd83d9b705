/** EventBridge Pipes errors (restJson1: the error name in `x-amzn-errortype`, `{ message }` in the body). */
import { AwsServiceError } from '../_internals/awsError.js';

/** `ValidationException` (400). */
export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message, 400, { 'x-amzn-errortype': 'ValidationException' });
}

/** `NotFoundException` (404): `Pipe <name> does not exist.` */
export function pipeNotFound(name: string): AwsServiceError {
  return new AwsServiceError('NotFoundException', `Pipe ${name} does not exist.`, 404, {
    'x-amzn-errortype': 'NotFoundException',
  });
}

/** `ConflictException` (409): a pipe name taken, or a state change the pipe's state does not allow. */
export function conflict(message: string, name: string): AwsServiceError {
  return new AwsServiceError(
    'ConflictException',
    message,
    409,
    { 'x-amzn-errortype': 'ConflictException' },
    { resourceId: name, resourceType: 'pipe' },
  );
}
