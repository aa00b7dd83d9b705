/**
 * Kinesis errors as the JSON 1.1 protocol sends them: `{"__type":"<Name>","message"}` with status
 * 400; the SDK maps the name to its error class (`ResourceNotFoundException` …).
 * Member constraint violations use coral's "1 validation error detected" wording.
 */
import { AwsServiceError } from '../_internals/awsError.js';
import { coralWrongType, type InputErrorPolicy } from '../_internals/input.js';

/** A Kinesis error of type `name`. */
export function kinesisError(name: string, message: string, status = 400): AwsServiceError {
  return new AwsServiceError(name, message, status);
}

/** `ValidationException` for one member constraint, as coral words it. */
export function constraintViolation(member: string, value: string, constraint: string): AwsServiceError {
  return kinesisError(
    'ValidationException',
    `1 validation error detected: Value ${value} at '${member}' failed to satisfy constraint: Member ${constraint}`,
  );
}

/**
 * `ValidationException` for several broken constraints, as coral joins them:
 * `2 validation errors detected: Value … failed to satisfy constraint: …; Value … …`.
 */
export function constraintViolations(
  violations: readonly { member: string; value: string; constraint: string }[],
): AwsServiceError {
  if (violations.length === 1) {
    const [only] = violations as [{ member: string; value: string; constraint: string }];
    return constraintViolation(only.member, only.value, only.constraint);
  }
  const parts = violations.map(
    (v) => `Value ${v.value} at '${v.member}' failed to satisfy constraint: Member ${v.constraint}`,
  );
  return kinesisError('ValidationException', `${violations.length} validation errors detected: ${parts.join('; ')}`);
}

/** `ResourceNotFoundException` for a stream. */
export function streamNotFound(name: string, account: string): AwsServiceError {
  return kinesisError('ResourceNotFoundException', `Stream ${name} under account ${account} not found.`);
}

/** `InvalidArgumentException`. */
export function invalidArgument(message: string): AwsServiceError {
  return kinesisError('InvalidArgumentException', message);
}

/** Request members in lower camel case, as Kinesis's validation messages name them. */
function memberName(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

/** How Kinesis reports broken request members. */
export const KINESIS_INPUT_ERRORS: InputErrorPolicy = {
  missing: (member) => constraintViolation(memberName(member), 'null', 'must not be null'),
  wrongType: coralWrongType,
};
