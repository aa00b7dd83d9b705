/**
 * The S3 event table (`S3_EVENT_TYPES`) and what is derived from it at run time: the name list,
 * the upload kinds of names and EventBridge reasons, the EventBridge counterparts, and the lists
 * still written by hand elsewhere (the msw notification configuration's event types).
 */
import { describe, expect, it } from 'vitest';
import {
  S3_EVENT_NAMES,
  S3_EVENT_TYPES,
  S3_EVENTBRIDGE_DETAIL_TYPES,
  S3_EVENTBRIDGE_TYPES,
  isS3EventName,
  s3EventType,
} from '../../../src/events/s3/eventTypes.js';
import { S3_CREATED_REASONS, s3EventBridgeTypeOf } from '../../../src/events/s3/eventBridge.js';
import { uploadKindOf } from '../../../src/events/s3/record.js';
import { makeS3EventBridgeEvent } from '../../../fixtures/s3.js';
import { S3_NOTIFICATION_EVENT_TYPES } from '../../../src/msw/s3/notifications.js';

describe('the S3 event table', () => {
  it('lists the names in AWS order, each once, and only its own keys are names', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
    expect(S3_EVENT_NAMES).toEqual(Object.keys(S3_EVENT_TYPES));
    expect(new Set(S3_EVENT_NAMES).size).toBe(21);
    expect(S3_EVENT_NAMES.slice(0, 4)).toEqual([
      'ObjectCreated:Put',
      'ObjectCreated:Post',
      'ObjectCreated:Copy',
      'ObjectCreated:CompleteMultipartUpload',
    ]);
    expect(isS3EventName('toString')).toBe(false);
    expect(isS3EventName('ObjectAcl:Put')).toBe(true);
    expect(Object.isFrozen(S3_EVENT_NAMES)).toBe(true);
  });

  it('lists the EventBridge detail types in AWS order', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
    expect(S3_EVENTBRIDGE_DETAIL_TYPES).toEqual([
      'Object Created',
      'Object Deleted',
      'Object Restore Initiated',
      'Object Restore Completed',
      'Object Restore Expired',
      'Object Tags Added',
      'Object Tags Deleted',
      'Object ACL Updated',
      'Object Storage Class Changed',
      'Object Access Tier Changed',
    ]);
    expect(Object.keys(S3_EVENTBRIDGE_TYPES)).toEqual(S3_EVENTBRIDGE_DETAIL_TYPES);
  });

  it('derives the upload kind of names and of the Object Created reasons from the rows', () => {
    expect(S3_EVENT_NAMES.map((name) => [name, uploadKindOf(name)]).filter(([, kind]) => kind !== undefined)).toEqual([
      ['ObjectCreated:Put', 'single'],
      ['ObjectCreated:Post', 'single'],
      ['ObjectCreated:CompleteMultipartUpload', 'multipart'],
    ]);
    expect(S3_CREATED_REASONS).toEqual(['PutObject', 'POST Object', 'CopyObject', 'CompleteMultipartUpload']);
    expect(S3_CREATED_REASONS.map(uploadKindOf)).toEqual(['single', 'single', undefined, 'multipart']);
    expect(uploadKindOf('DeleteObject')).toBeUndefined();
  });

  it('gives each name with an EventBridge counterpart one the EventBridge factory accepts', () => {
    for (const name of S3_EVENT_NAMES) {
      const counterpart = s3EventBridgeTypeOf(name);
      if (counterpart === undefined) {
        // EventBridge has no event for replication or lost reduced-redundancy objects.
        expect(name).toMatch(/^(Replication:|ReducedRedundancyLostObject$)/);
        continue;
      }
      const options = {
        key: 'k',
        ...(counterpart.reason === undefined ? {} : { reason: counterpart.reason }),
        ...(counterpart.deletionType === undefined ? {} : { deletionType: counterpart.deletionType }),
      };
      const bridged = makeS3EventBridgeEvent(counterpart.detailType, 'photos', options as never) as unknown as {
        'detail-type': string;
        detail: Record<string, unknown>;
      };
      expect(bridged['detail-type']).toBe(counterpart.detailType);
      if (counterpart.reason !== undefined) expect(bridged.detail.reason).toBe(counterpart.reason);
      // A delete marker on one route is a delete marker on the other.
      expect(bridged.detail['deletion-type'] === 'Delete Marker Created', name).toBe(
        s3EventType(name).object === 'deleteMarker',
      );
    }
  });

  it('the msw notification configuration accepts every name, itself or through its wildcard', () => {
    const accepted = new Set<string>(S3_NOTIFICATION_EVENT_TYPES);
    for (const name of S3_EVENT_NAMES) {
      const wildcard = name.includes(':') ? `s3:${name.slice(0, name.indexOf(':'))}:*` : undefined;
      expect(accepted.has(`s3:${name}`) || (wildcard !== undefined && accepted.has(wildcard)), name).toBe(true);
    }
  });

  it('reads rows through s3EventType', () => {
    expect(s3EventType('Replication:OperationFailedReplication')).toMatchObject({
      eventVersion: '2.2',
      extra: 'failedReplication',
      initiator: 's3',
    });
    expect(s3EventType('ObjectRestore:Completed').extra).toBe('glacier');
  });
});
