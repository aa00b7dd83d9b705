/**
 * Readers of JSON-RPC request members. AWS's JSON services reject a member of the wrong JSON type
 * while deserialising (`SerializationException`) and a missing required member in validation
 * (a service-specific code), so each service passes its {@link InputErrorPolicy}.
 */
import { AwsServiceError } from './awsError.js';

/** How a service reports broken members. */
export interface InputErrorPolicy {
  /** A required member is absent or null. */
  missing(member: string): AwsServiceError;
  /** A member has the wrong JSON type (`expected`: `string`, `integer`, …). */
  wrongType(member: string, expected: string, value: unknown): AwsServiceError;
}

/** A JSON object as parsed from a request body. */
export type JsonObject = Record<string, unknown>;

/** The `SerializationException` coral-based JSON services send for undeserialisable input. */
export function serializationError(message: string): AwsServiceError {
  return new AwsServiceError('SerializationException', message);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'START_ARRAY';
  switch (typeof value) {
    case 'string':
      return 'STRING_VALUE';
    case 'number':
      return Number.isInteger(value) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
    case 'boolean':
      return 'BOOLEAN_VALUE';
    default:
      return 'START_OBJECT';
  }
}

/** The default wrong-type error: the coral wording (`STRING_VALUE can not be converted to an Integer`). */
export function coralWrongType(member: string, expected: string, value: unknown): AwsServiceError {
  const target =
    expected === 'integer'
      ? 'an Integer'
      : expected === 'boolean'
        ? 'a Boolean'
        : expected === 'string'
          ? 'a String'
          : expected === 'list'
            ? 'a List'
            : 'a Structure';
  return serializationError(`${describe(value)} can not be converted to ${target} (member ${member})`);
}

/** A string member; undefined when absent and not required. */
export function readString(input: JsonObject, member: string, policy: InputErrorPolicy, required: true): string;
export function readString(
  input: JsonObject,
  member: string,
  policy: InputErrorPolicy,
  required?: false,
): string | undefined;
export function readString(
  input: JsonObject,
  member: string,
  policy: InputErrorPolicy,
  required = false,
): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw policy.missing(member);
    return undefined;
  }
  if (typeof value !== 'string') throw policy.wrongType(member, 'string', value);
  return value;
}

/** An integer member (JSON number without fraction). */
export function readInteger(
  input: JsonObject,
  member: string,
  policy: InputErrorPolicy,
  required = false,
): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw policy.missing(member);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) throw policy.wrongType(member, 'integer', value);
  return value;
}

/** A boolean member. */
export function readBoolean(input: JsonObject, member: string, policy: InputErrorPolicy): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw policy.wrongType(member, 'boolean', value);
  return value;
}

/** A list member. */
export function readList(
  input: JsonObject,
  member: string,
  policy: InputErrorPolicy,
  required = false,
): unknown[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw policy.missing(member);
    return undefined;
  }
  if (!Array.isArray(value)) throw policy.wrongType(member, 'list', value);
  return value;
}

/** A list of strings. */
export function readStringList(input: JsonObject, member: string, policy: InputErrorPolicy): string[] | undefined {
  const list = readList(input, member, policy);
  if (list === undefined) return undefined;
  for (const item of list) if (typeof item !== 'string') throw policy.wrongType(`${member}.member`, 'string', item);
  return list as string[];
}

/** A structure or map member. */
export function readObject(
  input: JsonObject,
  member: string,
  policy: InputErrorPolicy,
  required = false,
): JsonObject | undefined {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw policy.missing(member);
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw policy.wrongType(member, 'structure', value);
  return value as JsonObject;
}

/** A map of string to string (e.g. queue `Attributes`). */
export function readStringMap(
  input: JsonObject,
  member: string,
  policy: InputErrorPolicy,
): Record<string, string> | undefined {
  const map = readObject(input, member, policy);
  if (map === undefined) return undefined;
  for (const [key, value] of Object.entries(map))
    if (typeof value !== 'string') throw policy.wrongType(`${member}.${key}`, 'string', value);
  return map as Record<string, string>;
}

/** Reads each element of a list as a structure. */
export function asStructure(value: unknown, member: string, policy: InputErrorPolicy): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw policy.wrongType(member, 'structure', value);
  return value as JsonObject;
}
