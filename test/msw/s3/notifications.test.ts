/**
 * S3 → Lambda notifications of the mock: the seed story (an image upload fans out to a thumbnail,
 * a database and a logging handler), filters in S3's notation, asynchronous delivery with
 * Lambda's async retries, and realism (Powertools S3Schema, the factories' invariants, real key sets).
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { S3Schema, S3EventNotificationEventBridgeSchema } from '@aws-lambda-powertools/parser/schemas';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { keySet } from '../../_helpers/keySets.js';
import { assertS3EventBridgeInvariants, assertS3EventInvariants } from '../../events/s3/_invariants.js';
import { S3_SAMPLE_KEY_SETS } from '../../events/s3/realSampleKeySets.js';
import { decodeS3Key } from '../../../src/events/s3/keyCodec.js';
import type { S3MockEventBridgeEvent, S3NotificationEvent } from '../../../src/msw/s3/index.js';
import { startHarness } from './_harness.js';

const bridged: S3MockEventBridgeEvent[] = [];
const h = startHarness({ eventBridge: (event) => void bridged.push(event) });
const client = h.client();
afterAll(() => h.server.close());
beforeEach(() => {
  h.s3.reset();
  bridged.length = 0;
  h.s3.createBucket('uploads');
});

const collect = () => {
  const events: S3NotificationEvent[] = [];
  return { events, handler: (event: S3NotificationEvent) => void events.push(event) };
};

describe('the seed story: an image lands in S3 and three Lambdas hear about it', () => {
  it('thumbnail, database and logging handlers each receive the realistic, encoded event', async () => {
    const thumbnails: string[] = [];
    const rows: { key: string; size: number; eTag: string }[] = [];
    const log: string[] = [];
    // A thumbnail Lambda typed with @types/aws-lambda's S3Event, as real handlers are.
    const thumbnail = async (event: S3Event) => {
      for (const record of event.Records) thumbnails.push(`thumbs/${decodeS3Key(record.s3.object.key)}`);
    };
    h.s3.subscribe('uploads', thumbnail, {
      events: ['s3:ObjectCreated:*'],
      prefix: 'images/',
      suffix: '.jpg',
      id: 'thumbnail',
    });
    h.s3.subscribe(
      'uploads',
      (event) => {
        const object = event.Records[0]?.s3.object as { key: string; size: number; eTag: string };
        rows.push({ key: decodeS3Key(object.key), size: object.size, eTag: object.eTag });
      },
      { events: ['s3:ObjectCreated:Put'], id: 'database' },
    );
    h.s3.subscribe('uploads', (event) => void log.push(JSON.stringify(event)), { id: 'logging' });

    const key = 'images/summer trip/beach+sunset (1).jpg';
    const body = Buffer.from('\xff\xd8\xff\xe0 not really a jpeg', 'latin1');
    const uploadTime = h.context.clock.now().toISOString();
    const put = await client.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: body, ContentType: 'image/jpeg' }),
    );
    // Delivery is asynchronous: nothing has run before the drain.
    expect(log).toEqual([]);
    await h.drain();

    expect(thumbnails).toEqual([`thumbs/${key}`]);
    expect(rows).toEqual([{ key, size: body.length, eTag: put.ETag?.replaceAll('"', '') }]);
    expect(log).toHaveLength(1);
    const event = JSON.parse(log[0] as string) as S3NotificationEvent;
    const record = event.Records[0];
    expect(record?.s3.object.key).toBe('images/summer+trip/beach%2Bsunset+%281%29.jpg');
    expect(record?.s3.configurationId).toBe('logging');
    expect(record?.eventName).toBe('ObjectCreated:Put');
    expect(record?.eventTime).toBe(uploadTime);
    // The event carries the same request ids as the response the SDK got.
    expect(record?.responseElements['x-amz-request-id']).toBe(put.$metadata.requestId);
    expect(record?.responseElements['x-amz-id-2']).toBe(put.$metadata.extendedRequestId);
    expect(S3Schema.safeParse(event).success).toBe(true);
    assertS3EventInvariants(event);
    expect(keySet(event)).toEqual(S3_SAMPLE_KEY_SETS.putUnversioned);
  });
});

describe('filters', () => {
  it('event types in S3 notation, prefix and suffix on the decoded key', async () => {
    const created = collect();
    const removed = collect();
    const copies = collect();
    h.s3.subscribe('uploads', created.handler, { events: ['s3:ObjectCreated:*'], prefix: 'in/', suffix: '.csv' });
    h.s3.subscribe('uploads', removed.handler, { events: ['s3:ObjectRemoved:Delete'] });
    h.s3.subscribe('uploads', copies.handler, { events: ['s3:ObjectCreated:Copy'] });
    await client.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'in/a b.csv', Body: 'x' }));
    await client.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'in/a.txt', Body: 'x' }));
    await client.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'out/a.csv', Body: 'x' }));
    await client.send(
      new CopyObjectCommand({ Bucket: 'uploads', Key: 'in/copy.csv', CopySource: 'uploads/in/a%20b.csv' }),
    );
    await client.send(new DeleteObjectCommand({ Bucket: 'uploads', Key: 'in/a.txt' }));
    await client.send(new DeleteObjectCommand({ Bucket: 'uploads', Key: 'never-existed' }));
    await h.drain();
    expect(created.events.map((e) => [e.Records[0]?.eventName, e.Records[0]?.s3.object.key])).toEqual([
      ['ObjectCreated:Put', 'in/a+b.csv'],
      ['ObjectCreated:Copy', 'in/copy.csv'],
    ]);
    expect(copies.events).toHaveLength(1);
    expect(removed.events.map((e) => e.Records[0]?.s3.object)).toEqual([
      { key: 'in/a.txt', sequencer: expect.any(String) },
    ]);
    for (const event of [...created.events, ...removed.events]) {
      expect(S3Schema.safeParse(event).success).toBe(true);
      assertS3EventInvariants(event);
    }
    expect(keySet(removed.events[0])).toEqual(S3_SAMPLE_KEY_SETS.deleteUnversioned);
  });

  it('bad subscriptions throw EventInputError naming the argument', () => {
    expect(() => h.s3.subscribe('uploads', () => {}, { events: ['ObjectCreated:*' as never] })).toThrow(
      /s3\.subscribe: options\.events\[0\] "ObjectCreated:\*" is not an S3 notification event type/,
    );
    expect(() => h.s3.subscribe('missing-bucket', () => {})).toThrow(
      /s3\.subscribe: bucket "missing-bucket" does not exist/,
    );
    expect(() => h.s3.subscribe('uploads', () => {}, { retries: 3 as never })).toThrow(/options\.retries/);
  });
});

describe('consistency with the store', () => {
  it('sequencers increase per key; sizes, eTags and version ids match the store; DeleteMarkerCreated and version deletes', async () => {
    h.s3.reset();
    h.s3.createBucket('versioned');
    await client.send(
      new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const all = collect();
    h.s3.subscribe('versioned', all.handler);
    h.s3.enableEventBridge('versioned');
    const v1 = await client.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'doc.txt', Body: 'one' }));
    h.context.clock.advance(1500);
    const secondTime = h.context.clock.now().toISOString();
    const v2 = await client.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'doc.txt', Body: 'second' }));
    const marker = await client.send(new DeleteObjectCommand({ Bucket: 'versioned', Key: 'doc.txt' }));
    await client.send(
      new DeleteObjectsCommand({
        Bucket: 'versioned',
        Delete: { Objects: [{ Key: 'doc.txt', VersionId: v1.VersionId }] },
      }),
    );
    await h.drain();
    const records = all.events.map((e) => e.Records[0] as S3NotificationEvent['Records'][number]);
    expect(records.map((r) => r.eventName)).toEqual([
      'ObjectCreated:Put',
      'ObjectCreated:Put',
      'ObjectRemoved:DeleteMarkerCreated',
      'ObjectRemoved:Delete',
    ]);
    expect(records.map((r) => (r.s3.object as { versionId?: string }).versionId)).toEqual([
      v1.VersionId,
      v2.VersionId,
      marker.VersionId,
      v1.VersionId,
    ]);
    expect(records[1]?.s3.object).toMatchObject({ size: 6, eTag: v2.ETag?.replaceAll('"', '') });
    expect(records[2]?.s3.object).toMatchObject({ eTag: 'd41d8cd98f00b204e9800998ecf8427e' });
    const sequencers = records.map((r) => (r.s3.object as { sequencer: string }).sequencer);
    expect([...sequencers].sort()).toEqual(sequencers);
    expect(new Set(sequencers).size).toBe(4);
    expect(records[1]?.eventTime).toBe(secondTime);
    for (const event of all.events) {
      expect(S3Schema.safeParse(event).success).toBe(true);
      assertS3EventInvariants(event);
    }
    expect(keySet(all.events[0])).toEqual(S3_SAMPLE_KEY_SETS.putVersioned);
    expect(keySet(all.events[2])).toEqual(S3_SAMPLE_KEY_SETS.deleteMarkerCreated);
    expect(keySet(all.events[3])).toEqual(S3_SAMPLE_KEY_SETS.deleteVersioned);
    // The same changes through EventBridge, built by the family's EventBridge mapper.
    expect(bridged.map((e) => [e['detail-type'], (e.detail as { reason?: string }).reason])).toEqual([
      ['Object Created', 'PutObject'],
      ['Object Created', 'PutObject'],
      ['Object Deleted', 'DeleteObject'],
      ['Object Deleted', 'DeleteObject'],
    ]);
    for (const event of bridged) {
      assertS3EventBridgeInvariants(event);
      expect(S3EventNotificationEventBridgeSchema.safeParse(event).success).toBe(true);
    }
  });

  it('test-side putObject and deleteObject notify like the SDK calls; notify:false seeds silently', async () => {
    const all = collect();
    h.s3.subscribe('uploads', all.handler);
    h.s3.putObject('uploads', 'seed.txt', 'quiet', { notify: false });
    const stored = h.s3.putObject('uploads', 'a b.txt', 'loud');
    h.s3.deleteObject('uploads', 'a b.txt');
    await h.drain();
    expect(all.events.map((e) => [e.Records[0]?.eventName, e.Records[0]?.s3.object.key])).toEqual([
      ['ObjectCreated:Put', 'a+b.txt'],
      ['ObjectRemoved:Delete', 'a+b.txt'],
    ]);
    expect(all.events[0]?.Records[0]?.s3.object).toMatchObject({ size: 4, eTag: stored.eTag });
  });
});

describe('delivery', () => {
  it('a throwing handler is retried twice, 1 and 2 minutes later (virtual time), then recorded as failed', async () => {
    const attempts: string[] = [];
    const ok = collect();
    h.s3.subscribe(
      'uploads',
      () => {
        attempts.push(h.context.clock.now().toISOString());
        throw new Error('thumbnail service down');
      },
      { id: 'flaky' },
    );
    h.s3.subscribe('uploads', ok.handler);
    const start = h.context.clock.now().getTime();
    h.s3.putObject('uploads', 'k', 'v');
    await h.drain();
    expect(attempts).toEqual([0, 60_000, 180_000].map((ms) => new Date(start + ms).toISOString()));
    expect(ok.events).toHaveLength(1);
    const failed = h.s3.failedDeliveries();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ configurationId: 'flaky', attempts: 3 });
    expect((failed[0]?.error as Error).message).toBe('thumbnail service down');
  });

  it('a handler that succeeds on a retry is delivered once more only; retries: 0 gives up at once', async () => {
    let calls = 0;
    h.s3.subscribe('uploads', async () => {
      calls++;
      if (calls === 1) throw new Error('cold start');
    });
    let noRetryCalls = 0;
    h.s3.subscribe(
      'uploads',
      () => {
        noRetryCalls++;
        throw new Error('no');
      },
      { retries: 0 },
    );
    h.s3.putObject('uploads', 'k', 'v');
    expect(h.s3.nextDueTime()).toEqual(h.context.clock.now());
    await h.drain();
    expect(calls).toBe(2);
    expect(noRetryCalls).toBe(1);
    expect(h.s3.failedDeliveries()).toHaveLength(1);
    expect(h.s3.nextDueTime()).toBeUndefined();
  });

  it('unsubscribe and DeleteBucket stop deliveries; reset forgets everything', async () => {
    const a = collect();
    const subscription = h.s3.subscribe('uploads', a.handler);
    h.s3.putObject('uploads', 'k', 'v');
    subscription.unsubscribe();
    await h.drain();
    expect(a.events).toEqual([]);
    h.s3.subscribe('uploads', a.handler);
    h.s3.reset();
    expect(h.s3.buckets()).toEqual([]);
    expect(h.s3.nextDueTime()).toBeUndefined();
  });
});
