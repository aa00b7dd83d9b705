/**
 * Model-based property test of a versioned bucket: random puts (with tags), copies (of the
 * current or an older version), deletes (delete markers), version deletes and tag changes
 * through the real client-s3, against a plain model. After every run ListObjectVersions (paged
 * with random MaxKeys) and GetObject/GetObjectTagging agree with the model, and the subscribed
 * handler saw exactly one notification per change, in order, with the change's version id.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectTaggingCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import type { S3NotificationEvent } from '../../../src/msw/s3/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { startHarness } from './_harness.js';

const h = startHarness();
const client = h.client();
afterAll(() => h.server.close());

interface ModelVersion {
  readonly versionId: string;
  readonly marker: boolean;
  readonly body: string;
  tags: Record<string, string>;
}
type Model = Map<string, ModelVersion[]>;
type Expected = [eventName: string, key: string, versionId: string];

const KEYS = ['a', 'b/c', 'b/d', 'é'];
const key = fc.constantFrom(...KEYS);
const tags = fc.dictionary(fc.constantFrom('team', 'stage', 'x'), fc.constantFrom('', 'blue', 'a b'), { maxKeys: 3 });
const pick = fc.nat({ max: 1000 });
const command = fc.oneof(
  fc.record({ op: fc.constant('put' as const), key, body: fc.string({ maxLength: 8 }), tags }),
  fc.record({ op: fc.constant('copy' as const), from: key, to: key, which: pick }),
  fc.record({ op: fc.constant('delete' as const), key }),
  fc.record({ op: fc.constant('deleteVersion' as const), key, which: pick }),
  fc.record({ op: fc.constant('tag' as const), key, tags }),
  fc.record({ op: fc.constant('untag' as const), key }),
);

const current = (model: Model, k: string): ModelVersion | undefined => {
  const newest = model.get(k)?.at(-1);
  return newest === undefined || newest.marker ? undefined : newest;
};
const query = (t: Record<string, string>) =>
  Object.entries(t)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
const asTagSet = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

it('a versioned bucket agrees with the model; every change notifies exactly once', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(command, { maxLength: 14 }),
      fc.integer({ min: 1, max: 4 }),
      async (commands, pageSize) => {
        h.s3.reset();
        h.s3.createBucket('model', { versioning: 'Enabled' });
        const events: S3NotificationEvent[] = [];
        h.s3.subscribe('model', (event) => void events.push(event), {
          events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*', 's3:ObjectTagging:*'],
        });
        const model: Model = new Map();
        const expected: Expected[] = [];
        const push = (k: string, version: ModelVersion) => model.set(k, [...(model.get(k) ?? []), version]);

        for (const c of commands) {
          if (c.op === 'put') {
            const out = await client.send(
              new PutObjectCommand({
                Bucket: 'model',
                Key: c.key,
                Body: c.body,
                ...(Object.keys(c.tags).length === 0 ? {} : { Tagging: query(c.tags) }),
              }),
            );
            push(c.key, { versionId: out.VersionId as string, marker: false, body: c.body, tags: { ...c.tags } });
            expected.push(['ObjectCreated:Put', c.key, out.VersionId as string]);
          } else if (c.op === 'copy') {
            const candidates = (model.get(c.from) ?? []).filter((v) => !v.marker);
            const source = candidates.length === 0 ? undefined : candidates[c.which % candidates.length];
            if (source === undefined) continue;
            const out = await client.send(
              new CopyObjectCommand({
                Bucket: 'model',
                Key: c.to,
                CopySource: `model/${encodeURIComponent(c.from)}?versionId=${source.versionId}`,
              }),
            );
            push(c.to, {
              versionId: out.VersionId as string,
              marker: false,
              body: source.body,
              tags: { ...source.tags },
            });
            expected.push(['ObjectCreated:Copy', c.to, out.VersionId as string]);
          } else if (c.op === 'delete') {
            const out = await client.send(new DeleteObjectCommand({ Bucket: 'model', Key: c.key }));
            expect(out.DeleteMarker).toBe(true);
            push(c.key, { versionId: out.VersionId as string, marker: true, body: '', tags: {} });
            expected.push(['ObjectRemoved:DeleteMarkerCreated', c.key, out.VersionId as string]);
          } else if (c.op === 'deleteVersion') {
            const versions = model.get(c.key) ?? [];
            const victim = versions.length === 0 ? undefined : versions[c.which % versions.length];
            if (victim === undefined) continue;
            await client.send(new DeleteObjectCommand({ Bucket: 'model', Key: c.key, VersionId: victim.versionId }));
            const left = versions.filter((v) => v !== victim);
            if (left.length === 0) model.delete(c.key);
            else model.set(c.key, left);
            expected.push(['ObjectRemoved:Delete', c.key, victim.versionId]);
          } else {
            const target = current(model, c.key);
            const send =
              c.op === 'tag'
                ? client.send(
                    new PutObjectTaggingCommand({ Bucket: 'model', Key: c.key, Tagging: { TagSet: asTagSet(c.tags) } }),
                  )
                : client.send(new DeleteObjectTaggingCommand({ Bucket: 'model', Key: c.key }));
            if (target === undefined) {
              // No current version: S3 answers NoSuchKey and nothing changes or notifies.
              await expect(send).rejects.toMatchObject({ name: 'NoSuchKey' });
              continue;
            }
            await send;
            target.tags = c.op === 'tag' ? { ...c.tags } : {};
            expected.push([c.op === 'tag' ? 'ObjectTagging:Put' : 'ObjectTagging:Delete', c.key, target.versionId]);
          }
        }

        // ListObjectVersions, paged: every version newest first per key, keys in UTF-8 order.
        const listed: [string, string, boolean, boolean][] = [];
        let keyMarker: string | undefined;
        let versionMarker: string | undefined;
        for (let pages = 0; pages < 200; pages++) {
          const page = await client.send(
            new ListObjectVersionsCommand({
              Bucket: 'model',
              MaxKeys: pageSize,
              KeyMarker: keyMarker,
              VersionIdMarker: versionMarker,
            }),
          );
          const entries = [
            ...(page.Versions ?? []).map((v) => ({ ...v, marker: false })),
            ...(page.DeleteMarkers ?? []).map((m) => ({ ...m, marker: true })),
          ];
          expect(entries.length).toBeLessThanOrEqual(pageSize);
          // The SDK splits versions and markers: put them back in listing order (key, then newest first).
          const order = (k: string, id: string) => [
            KEYS.slice().sort().indexOf(k),
            -(model.get(k)?.findIndex((v) => v.versionId === id) ?? 0),
          ];
          entries.sort((x, y) => {
            const [a1, a2] = order(x.Key as string, x.VersionId as string) as [number, number];
            const [b1, b2] = order(y.Key as string, y.VersionId as string) as [number, number];
            return a1 - b1 || a2 - b2;
          });
          for (const e of entries)
            listed.push([e.Key as string, e.VersionId as string, e.IsLatest as boolean, e.marker]);
          if (page.IsTruncated !== true) break;
          keyMarker = page.NextKeyMarker;
          versionMarker = page.NextVersionIdMarker;
        }
        const modelListing: [string, string, boolean, boolean][] = [];
        for (const k of [...model.keys()].sort()) {
          const versions = model.get(k) as ModelVersion[];
          versions.forEach((v, i) => modelListing.unshift([k, v.versionId, i === versions.length - 1, v.marker]));
        }
        // unshift reversed everything: restore key order while keeping newest first per key.
        modelListing.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
        expect(listed).toEqual(modelListing);

        // GetObject and GetObjectTagging of every key.
        for (const k of KEYS) {
          const version = current(model, k);
          const got = client.send(new GetObjectCommand({ Bucket: 'model', Key: k }));
          if (version === undefined) {
            await expect(got).rejects.toMatchObject({ name: 'NoSuchKey' });
            continue;
          }
          const out = await got;
          expect([await out.Body?.transformToString(), out.VersionId]).toEqual([version.body, version.versionId]);
          expect(out.TagCount).toBe(
            Object.keys(version.tags).length === 0 ? undefined : Object.keys(version.tags).length,
          );
          const tagging = await client.send(new GetObjectTaggingCommand({ Bucket: 'model', Key: k }));
          expect(tagging.TagSet).toEqual(asTagSet(version.tags));
        }

        await h.drain();
        const seen = events.map((e) => {
          const record = e.Records[0] as S3NotificationEvent['Records'][number];
          return [
            record.eventName,
            decodeURIComponent(record.s3.object.key.replaceAll('+', ' ')),
            record.s3.object.versionId,
          ];
        });
        expect(seen).toEqual(expected);
      },
    ),
    // Each run makes up to ~30 SDK calls: a fifth of NUM_RUNS, as the listing property does.
    { numRuns: Math.max(40, Math.floor(NUM_RUNS / 5)) },
  );
});
