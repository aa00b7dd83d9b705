/** EventBridge errors (awsJson1_1: plain `__type` names). */
import { AwsServiceError } from '../_internals/awsError.js';
import { coralWrongType, type InputErrorPolicy } from '../_internals/input.js';

/** A `ValidationException` in coral's wording. */
export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message);
}

/** How EventBridge reports broken request members. */
export const EVENTBRIDGE_INPUT_ERRORS: InputErrorPolicy = {
  missing: (member) =>
    validationError(
      `1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`,
    ),
  wrongType: coralWrongType,
};

/** `ResourceNotFoundException` (a bus, rule or target that does not exist). */
function resourceNotFound(message: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', message);
}

/** `ResourceAlreadyExistsException` (CreateEventBus with a taken name). */
export function resourceAlreadyExists(message: string): AwsServiceError {
  return new AwsServiceError('ResourceAlreadyExistsException', message);
}

/** `InvalidEventPatternException` with the pattern engine's message (`Event pattern is not valid. Reason: …`). */
export function invalidEventPattern(message: string): AwsServiceError {
  return new AwsServiceError('InvalidEventPatternException', message);
}

/** `Rule <name> does not exist on EventBus <bus>.`, as DescribeRule and friends answer. */
export function ruleNotFound(rule: string, bus: string): AwsServiceError {
  return resourceNotFound(`Rule ${rule} does not exist on EventBus ${bus}.`);
}

/** `Event bus <name> does not exist.` */
export function busNotFound(bus: string): AwsServiceError {
  return resourceNotFound(`Event bus ${bus} does not exist.`);
}
