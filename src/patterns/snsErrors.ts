/**
 * SNS's errors for subscription filter policies: `InvalidParameter` (HTTP 400) with SNS's texts.
 * SetSubscriptionAttributes words them `Invalid parameter: FilterPolicy: <reason>`; Subscribe
 * (the policy given in `Attributes`) words them `Invalid parameter: Attributes Reason: FilterPolicy: <reason>`.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_SetSubscriptionAttributes.html
 */

/** The SNS API whose wording an error takes. */
export type FilterPolicyApi = 'SetSubscriptionAttributes' | 'Subscribe';

/**
 * A filter policy SNS rejects. `message` is SNS's text without the JSON parser's location suffix
 * (`\n at [Source: …; line: 1, column: N]`) that SNS appends to reasons coming from its pattern
 * compiler: compare SNS's text up to `\n at [Source`.
 */
export class FilterPolicyError extends Error {
  override readonly name = 'FilterPolicyError';
  /** SNS's error code (the SDK's `InvalidParameterException`). */
  readonly code = 'InvalidParameter';
  /** The reason after `FilterPolicy: ` (or the whole sentence for SNS's own scope rule). */
  readonly reason: string;

  constructor(message: string, reason: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}

function prefix(api: FilterPolicyApi): string {
  return api === 'Subscribe' ? 'Invalid parameter: Attributes Reason: ' : 'Invalid parameter: ';
}

/** An error about the policy's content: `Invalid parameter: FilterPolicy: <reason>`. */
export function policyError(api: FilterPolicyApi, reason: string, cause?: unknown): FilterPolicyError {
  return new FilterPolicyError(`${prefix(api)}FilterPolicy: ${reason}`, reason, cause);
}

/** SNS's own scope rule, worded without `FilterPolicy: `. */
export function nestedInAttributesError(api: FilterPolicyApi): FilterPolicyError {
  const reason = 'Filter policy scope MessageAttributes does not support nested filter policy';
  return new FilterPolicyError(`${prefix(api)}${reason}`, reason);
}

/** A bad `FilterPolicyScope` value. */
export function scopeError(api: FilterPolicyApi, value: string): FilterPolicyError {
  const reason = `Invalid value [${value}]. Please use either MessageBody or MessageAttributes`;
  return new FilterPolicyError(`${prefix(api)}FilterPolicyScope: ${reason}`, reason);
}

/** SNS's reasons for its own limits and parse failure. */
export const SNS_POLICY_REASONS = Object.freeze({
  invalidJson: 'failed to parse JSON.',
  tooManyKeys: 'Filter policy can not have more than 5 keys',
  tooComplex: 'Filter policy is too complex',
  // Not pinned: SNS documents the 256 KB limit but its wording for a larger policy was not found.
  tooLarge: 'Filter policy is too large',
});
