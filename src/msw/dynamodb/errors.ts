/**
 * DynamoDB errors as JSON 1.0 sends them: `__type` is `com.amazonaws.dynamodb.v20120810#<Name>`
 * for service errors and `com.amazon.coral.validate#ValidationException` for validation; the SDK
 * keeps what follows `#` and maps it to its error classes.
 */
import { AwsServiceError } from '../_internals/awsError.js';
import type { InputErrorPolicy } from '../_internals/input.js';

/** A DynamoDB (or DynamoDB Streams) service error of shape `name`. */
export function dynamoError(
  name: string,
  message: string,
  status = 400,
  fields: Readonly<Record<string, unknown>> = {},
): AwsServiceError {
  return new AwsServiceError(`com.amazonaws.dynamodb.v20120810#${name}`, message, status, {}, fields);
}

/** `ValidationException`, DynamoDB's answer to every malformed request and expression. */
export function validation(message: string): AwsServiceError {
  return new AwsServiceError('com.amazon.coral.validate#ValidationException', message);
}

/** `ResourceNotFoundException` for a table. */
export function tableNotFound(table: string): AwsServiceError {
  return dynamoError('ResourceNotFoundException', `Requested resource not found: Table: ${table} not found`);
}

/** The JSON type names coral uses in deserialisation errors. */
function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'START_ARRAY';
  switch (typeof value) {
    case 'string':
      return 'STRING_VALUE';
    case 'number':
      return 'NUMBER_VALUE';
    case 'boolean':
      return 'BOOLEAN_VALUE';
    default:
      return 'START_OBJECT';
  }
}

/** How DynamoDB reports broken request members. */
export const DYNAMODB_INPUT_ERRORS: InputErrorPolicy = {
  missing: (member) =>
    validation(
      `1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`,
    ),
  wrongType: (member, expected, value) =>
    new AwsServiceError(
      'com.amazon.coral.service#SerializationException',
      `${jsonTypeName(value)} can not be converted to ${expected === 'integer' ? 'an Integer' : expected === 'boolean' ? 'a Boolean' : expected === 'string' ? 'a String' : expected === 'list' ? 'a List' : 'a Structure'} (member ${member})`,
    ),
};
