import { integer, type Arbitrary } from 'fast-check';

/**
 * AWS account ids: exactly 12 decimal digits, as a string (leading zeros included).
 * Shrinks towards `000000000000`.
 */
// @__NO_SIDE_EFFECTS__
export function awsAccountId(): Arbitrary<string> {
  return integer({ min: 0, max: 999_999_999_999 }).map(
    (n) => String(n).padStart(12, '0'),
    (value) => {
      if (typeof value !== 'string' || !/^\d{12}$/.test(value)) throw new Error('awsAccountId: not an account id');
      return Number(value);
    },
  );
}
