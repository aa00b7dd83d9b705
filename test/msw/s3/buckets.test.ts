/** Bucket operations and ListObjects(V2) through the real client. */
import {
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  NotFound,
  PutBucketVersioningCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { failure, startHarness } from './_harness.js';

const h = startHarness();
const client = h.client();
const euClient = h.client({ region: 'eu-west-1' });
afterAll(() => h.server.close());
beforeEach(() => h.s3.reset());

describe('buckets', () => {
  it('CreateBucket in eu-west-1 records the region; creating it again is BucketAlreadyOwnedByYou (409)', async () => {
    await euClient.send(new CreateBucketCommand({ Bucket: 'eu-photos' }));
    expect((await euClient.send(new GetBucketLocationCommand({ Bucket: 'eu-photos' }))).LocationConstraint).toBe(
      'eu-west-1',
    );
    expect((await euClient.send(new HeadBucketCommand({ Bucket: 'eu-photos' }))).BucketRegion).toBe('eu-west-1');
    const again = await failure(euClient.send(new CreateBucketCommand({ Bucket: 'eu-photos' })));
    expect(again).toBeInstanceOf(BucketAlreadyOwnedByYou);
    expect(again.$metadata.httpStatusCode).toBe(409);
  });

  it('us-east-1 answers 200 to re-creating an owned bucket (S3 legacy behaviour)', async () => {
    await client.send(new CreateBucketCommand({ Bucket: 'legacy' }));
    expect((await client.send(new CreateBucketCommand({ Bucket: 'legacy' }))).$metadata.httpStatusCode).toBe(200);
    expect((await client.send(new GetBucketLocationCommand({ Bucket: 'legacy' }))).LocationConstraint).toBeUndefined();
  });

  it('invalid names and mismatched location constraints are rejected as S3 does', async () => {
    expect((await failure(client.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))).name).toBe(
      'InvalidBucketName',
    );
    const mismatch = await failure(
      client.send(
        new CreateBucketCommand({
          Bucket: 'wrong-place',
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      ),
    );
    expect(mismatch.name).toBe('IllegalLocationConstraintException');
    expect(h.s3.buckets()).toEqual([]);
  });

  it('ListBuckets, HeadBucket 404 (NotFound, no body), DeleteBucket only when empty', async () => {
    h.s3.createBucket('b-two');
    h.s3.createBucket('a-one');
    const list = await client.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toEqual(['a-one', 'b-two']);
    expect(list.Buckets?.[0]?.CreationDate).toEqual(new Date('2026-03-01T10:00:00.000Z'));
    expect(await failure(client.send(new HeadBucketCommand({ Bucket: 'missing' })))).toBeInstanceOf(NotFound);
    h.s3.putObject('a-one', 'k', 'x');
    expect((await failure(client.send(new DeleteBucketCommand({ Bucket: 'a-one' })))).name).toBe('BucketNotEmpty');
    await client.send(new DeleteBucketCommand({ Bucket: 'b-two' }));
    expect(h.s3.buckets()).toEqual(['a-one']);
  });

  it('PutBucketVersioning / GetBucketVersioning', async () => {
    h.s3.createBucket('vvv');
    expect((await client.send(new GetBucketVersioningCommand({ Bucket: 'vvv' }))).Status).toBeUndefined();
    await client.send(
      new PutBucketVersioningCommand({ Bucket: 'vvv', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    expect((await client.send(new GetBucketVersioningCommand({ Bucket: 'vvv' }))).Status).toBe('Enabled');
    await client.send(
      new PutBucketVersioningCommand({ Bucket: 'vvv', VersioningConfiguration: { Status: 'Suspended' } }),
    );
    expect((await client.send(new GetBucketVersioningCommand({ Bucket: 'vvv' }))).Status).toBe('Suspended');
  });
});

describe('ListObjectsV2', () => {
  beforeEach(() => {
    h.s3.createBucket('list');
    for (const key of ['a/1.txt', 'a/2.txt', 'a/b/3.txt', 'b.txt', 'c/4.txt', 'my photo+1.jpg'])
      h.s3.putObject('list', key, key, { notify: false });
  });

  it('prefix and delimiter roll keys up into common prefixes', async () => {
    const root = await client.send(new ListObjectsV2Command({ Bucket: 'list', Delimiter: '/' }));
    expect(root.Contents?.map((c) => c.Key)).toEqual(['b.txt', 'my photo+1.jpg']);
    expect(root.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'c/']);
    expect(root.KeyCount).toBe(4);
    const a = await client.send(new ListObjectsV2Command({ Bucket: 'list', Prefix: 'a/', Delimiter: '/' }));
    expect(a.Contents?.map((c) => [c.Key, c.Size, c.StorageClass])).toEqual([
      ['a/1.txt', 7, 'STANDARD'],
      ['a/2.txt', 7, 'STANDARD'],
    ]);
    expect(a.Contents?.[0]?.ETag).toBe(`"${h.s3.getObject('list', 'a/1.txt')?.eTag}"`);
    expect(a.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/b/']);
  });

  it('max-keys and continuation tokens page through keys and prefixes', async () => {
    const first = await client.send(new ListObjectsV2Command({ Bucket: 'list', Delimiter: '/', MaxKeys: 2 }));
    expect([...(first.CommonPrefixes ?? []).map((p) => p.Prefix), ...(first.Contents ?? []).map((c) => c.Key)]).toEqual(
      ['a/', 'b.txt'],
    );
    expect(first.IsTruncated).toBe(true);
    const second = await client.send(
      new ListObjectsV2Command({
        Bucket: 'list',
        Delimiter: '/',
        MaxKeys: 2,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect([
      ...(second.CommonPrefixes ?? []).map((p) => p.Prefix),
      ...(second.Contents ?? []).map((c) => c.Key),
    ]).toEqual(['c/', 'my photo+1.jpg']);
    expect(second.IsTruncated).toBe(false);
    expect(second.NextContinuationToken).toBeUndefined();
    const bad = await failure(
      client.send(new ListObjectsV2Command({ Bucket: 'list', ContinuationToken: 'not a token' })),
    );
    expect(bad.name).toBe('InvalidArgument');
  });

  it('StartAfter, EncodingType=url, ListObjects v1 markers', async () => {
    const after = await client.send(new ListObjectsV2Command({ Bucket: 'list', StartAfter: 'b.txt' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['c/4.txt', 'my photo+1.jpg']);
    // S3 form-encodes keys (space as '+'), and the JS SDK hands them over undecoded.
    const encoded = await client.send(new ListObjectsV2Command({ Bucket: 'list', Prefix: 'my', EncodingType: 'url' }));
    expect(encoded.Contents?.map((c) => c.Key)).toEqual(['my+photo%2B1.jpg']);
    const v1 = await client.send(
      new ListObjectsCommand({ Bucket: 'list', Marker: 'a/b/3.txt', MaxKeys: 1, Delimiter: '/' }),
    );
    expect(v1.Contents?.map((c) => c.Key)).toEqual(['b.txt']);
    expect(v1.IsTruncated).toBe(true);
    expect(v1.NextMarker).toBe('b.txt');
  });

  it('property: paging with any max-keys returns exactly the model listing, in UTF-8 order', async () => {
    const key = fc
      .array(fc.constantFrom('a', 'b', 'c', '/', ' ', '+', 'é', '\uFF5E', '😀'), { minLength: 1, maxLength: 6 })
      .map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(key, { maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('', 'a', 'b/'),
        fc.constantFrom(undefined, '/', '+'),
        async (keys, maxKeys, prefix, delimiter) => {
          h.s3.reset();
          h.s3.createBucket('prop');
          for (const k of keys) h.s3.putObject('prop', k, 'x', { notify: false });
          const seen: string[] = [];
          for await (const page of paginateListObjectsV2(
            { client, pageSize: maxKeys },
            { Bucket: 'prop', Prefix: prefix, Delimiter: delimiter },
          )) {
            expect(page.KeyCount ?? 0).toBeLessThanOrEqual(maxKeys);
            const contents = (page.Contents ?? []).map((c) => c.Key as string);
            const prefixes = (page.CommonPrefixes ?? []).map((p) => p.Prefix as string);
            // Each list comes back already in UTF-8 byte order, as S3 returns it.
            expect(contents).toEqual([...contents].sort(utf8Compare));
            expect(prefixes).toEqual([...prefixes].sort(utf8Compare));
            // S3 returns keys and prefixes as two lists: their merge is what pages in order.
            seen.push(...[...contents, ...prefixes].sort(utf8Compare));
          }
          const model = new Set<string>();
          for (const k of keys.filter((k) => k.startsWith(prefix))) {
            const at = delimiter === undefined ? -1 : k.indexOf(delimiter, prefix.length);
            model.add(at < 0 ? k : k.slice(0, at + (delimiter as string).length));
          }
          expect(seen).toEqual([...model].sort(utf8Compare));
        },
      ),
      // Each run resets the mock and pages through it with the real client (async, several requests): a fifth of NUM_RUNS.
      { numRuns: Math.max(60, Math.floor(NUM_RUNS / 5)) },
    );
  });
});

function utf8Compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
