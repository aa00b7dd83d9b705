/**
 * Field values S3 derives rather than a caller choosing them: who S3 reports as the principal and
 * source of an event, when a restored copy expires, what a multipart eTag looks like. Factories,
 * arbitraries and the msw S3 mock fill parts with these, so the rules live once.
 */
import { S3_EVENT_TYPES, S3_SERVICE_PRINCIPAL, type S3EventName } from './eventTypes.js';

/**
 * The `userIdentity.principalId` S3 reports for `eventName` whoever the caller is:
 * {@link S3_SERVICE_PRINCIPAL} for events S3 starts itself, `AmazonCustomer:<bucket owner id>`
 * for `ObjectRestore:Completed` (as in the real capture); undefined when it is the caller's own id.
 */
export function s3FixedPrincipalId(eventName: S3EventName, bucketOwnerId: string): string | undefined {
  if (S3_EVENT_TYPES[eventName].initiator === 's3') return S3_SERVICE_PRINCIPAL;
  if (eventName === 'ObjectRestore:Completed') return `AmazonCustomer:${bucketOwnerId}`;
  return undefined;
}

/**
 * The `requestParameters.sourceIPAddress` S3 reports for `eventName` whoever the caller is:
 * {@link S3_SERVICE_PRINCIPAL} for events S3 starts itself; undefined when it is the caller's address.
 */
export function s3FixedSourceIp(eventName: S3EventName): string | undefined {
  return S3_EVENT_TYPES[eventName].initiator === 's3' ? S3_SERVICE_PRINCIPAL : undefined;
}

/** When a restored copy made at `time` expires: the next UTC midnight after `time`, plus `days` days. */
export function s3RestoreExpiry(time: Date, days: number): Date {
  return new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate() + 1 + days));
}

/** The eTag of a multipart upload: `<md5>-<part count>` (the md5 is of the parts' binary md5s). */
export function s3MultipartETag(md5: string, parts: number): string {
  return `${md5}-${parts}`;
}
