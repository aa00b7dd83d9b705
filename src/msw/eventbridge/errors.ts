/** EventBridge errors (awsJson1_1: plain `__type` names). */
import { AwsServiceError } from '../_internals/awsError.js';
import { coralWrongType, type InputErrorPolicy } from '../_internals/input.js';

/** A `ValidationException` in coral's wording. */
export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message);
}

/** How EventBridge reports broken request members. */
export const EVENTBRIDGE_INPUT_ERRORS: InputErrorPolicy = {
  missing: (member) => validationError(`1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`),
  wrongType: coralWrongType,
};
