/** Object operations through the real @aws-sdk/client-s3 against the composed mock. */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchBucket,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, startHarness } from './_harness.js';

const h = startHarness();
const client = h.client();
afterAll(() => h.server.close());
beforeEach(async () => {
  h.s3.reset();
  await client.send(new CreateBucketCommand({ Bucket: 'photos' }));
});

const md5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('hex');

describe('PutObject / GetObject', () => {
  it('stores bytes with a real MD5 eTag and the headers S3 returns', async () => {
    const put = await client.send(
      new PutObjectCommand({
        Bucket: 'photos',
        Key: 'a b/c+d.txt',
        Body: 'hello',
        ContentType: 'text/plain',
        Metadata: { owner: 'ann' },
      }),
    );
    expect(put.ETag).toBe(`"${md5('hello')}"`);
    expect(put.ChecksumCRC32).toBe('NhCmhg==');
    const got = await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'a b/c+d.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello');
    expect(got.ContentType).toBe('text/plain');
    expect(got.ContentLength).toBe(5);
    expect(got.ETag).toBe(`"${md5('hello')}"`);
    expect(got.Metadata).toEqual({ owner: 'ann' });
    expect(got.LastModified).toEqual(new Date('2026-03-01T10:00:00.000Z'));
    // The SDK validates a returned checksum while reading: it was computed, and it matched.
    expect(got.ChecksumCRC32).toBe('NhCmhg==');
    expect(h.s3.getObject('photos', 'a b/c+d.txt')?.body.toString()).toBe('hello');
  });

  it('a streamed aws-chunked body is stored without its framing, its trailing CRC32 verified', async () => {
    const body = Readable.from([Buffer.from('chunk1-'), Buffer.from('chunk2')]);
    const put = await client.send(
      new PutObjectCommand({ Bucket: 'photos', Key: 'stream.bin', Body: body, ContentLength: 13 }),
    );
    expect(put.ETag).toBe(`"${md5('chunk1-chunk2')}"`);
    const stored = h.s3.getObject('photos', 'stream.bin');
    expect(stored?.body.toString()).toBe('chunk1-chunk2');
    expect(stored?.checksum).toEqual({ algorithm: 'CRC32', value: createCrc32('chunk1-chunk2') });
    const got = await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'stream.bin' }));
    expect(await got.Body?.transformToString()).toBe('chunk1-chunk2');
  });

  it('a wrong checksum or Content-MD5 is BadDigest and nothing is stored', async () => {
    const crc = await failure(
      client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'k', Body: 'hello', ChecksumCRC32: 'AAAAAA==' })),
    );
    expect(crc.name).toBe('BadDigest');
    expect(crc.$metadata.httpStatusCode).toBe(400);
    const contentMd5 = await failure(
      client.send(
        new PutObjectCommand({
          Bucket: 'photos',
          Key: 'k',
          Body: 'hello',
          ContentMD5: createHash('md5').update('other').digest('base64'),
        }),
      ),
    );
    expect(contentMd5.name).toBe('BadDigest');
    expect(h.s3.getObject('photos', 'k')).toBeUndefined();
  });

  // Expected values computed here, independently of the mock.
  const expectedChecksum = {
    CRC32: (text: string) => createCrc32(text),
    CRC32C: (text: string) => createCrc32c(text),
    SHA1: (text: string) => createHash('sha1').update(text).digest('base64'),
    SHA256: (text: string) => createHash('sha256').update(text).digest('base64'),
  } as const;
  const ALGORITHMS = ['CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const;

  it('other checksum algorithms are verified and stored', async () => {
    for (const algorithm of ALGORITHMS) {
      const expected = expectedChecksum[algorithm]('hello');
      const put = await client.send(
        new PutObjectCommand({ Bucket: 'photos', Key: algorithm, Body: 'hello', ChecksumAlgorithm: algorithm }),
      );
      expect(put[`Checksum${algorithm}`], algorithm).toBe(expected);
      expect(h.s3.getObject('photos', algorithm)?.checksum, algorithm).toEqual({ algorithm, value: expected });
      const got = await client.send(
        new GetObjectCommand({ Bucket: 'photos', Key: algorithm, ChecksumMode: 'ENABLED' }),
      );
      expect(await got.Body?.transformToString()).toBe('hello');
      expect(got[`Checksum${algorithm}`], algorithm).toBe(expected);
    }
  });

  it.each(ALGORITHMS)('a wrong %s value (well formed) is BadDigest and nothing is stored', async (algorithm) => {
    const wrong = expectedChecksum[algorithm]('other');
    expect(wrong).not.toBe(expectedChecksum[algorithm]('hello'));
    const error = await failure(
      client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'k', Body: 'hello', [`Checksum${algorithm}`]: wrong })),
    );
    expect(error.name).toBe('BadDigest');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain(algorithm);
    expect(h.s3.getObject('photos', 'k')).toBeUndefined();
    // The right value is accepted: the failure was the value, not the header.
    await client.send(
      new PutObjectCommand({
        Bucket: 'photos',
        Key: 'k',
        Body: 'hello',
        [`Checksum${algorithm}`]: expectedChecksum[algorithm]('hello'),
      }),
    );
    expect(h.s3.getObject('photos', 'k')?.checksum).toEqual({ algorithm, value: expectedChecksum[algorithm]('hello') });
  });

  it('a wrong Content-MD5 (well formed) is BadDigest and nothing is stored; the right one is accepted', async () => {
    const error = await failure(
      client.send(
        new PutObjectCommand({
          Bucket: 'photos',
          Key: 'k',
          Body: 'hello',
          ContentMD5: createHash('md5').update('other').digest('base64'),
        }),
      ),
    );
    expect(error.name).toBe('BadDigest');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(h.s3.getObject('photos', 'k')).toBeUndefined();
    await client.send(
      new PutObjectCommand({
        Bucket: 'photos',
        Key: 'k',
        Body: 'hello',
        ContentMD5: createHash('md5').update('hello').digest('base64'),
      }),
    );
    expect(h.s3.getObject('photos', 'k')?.body.toString()).toBe('hello');
  });

  it('Range: first-last, suffix, open end; unsatisfiable is InvalidRange (416)', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'r', Body: '0123456789' }));
    const part = await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'r', Range: 'bytes=2-4' }));
    expect(await part.Body?.transformToString()).toBe('234');
    expect(part.ContentRange).toBe('bytes 2-4/10');
    expect(part.ContentLength).toBe(3);
    expect(part.ChecksumCRC32).toBeUndefined();
    expect(
      await (
        await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'r', Range: 'bytes=-3' }))
      ).Body?.transformToString(),
    ).toBe('789');
    expect(
      await (
        await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'r', Range: 'bytes=7-100' }))
      ).Body?.transformToString(),
    ).toBe('789');
    const error = await failure(client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'r', Range: 'bytes=10-' })));
    expect(error.name).toBe('InvalidRange');
    expect(error.$metadata.httpStatusCode).toBe(416);
  });

  it('conditional requests: If-None-Match on write (412) and on read (304)', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'c', Body: 'v1' }));
    const again = await failure(
      client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'c', Body: 'v2', IfNoneMatch: '*' })),
    );
    expect(again.name).toBe('PreconditionFailed');
    expect(again.$metadata.httpStatusCode).toBe(412);
    const notModified = await failure(
      client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'c', IfNoneMatch: `"${md5('v1')}"` })),
    );
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    const mismatch = await failure(
      client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'c', IfMatch: '"0000"' })),
    );
    expect(mismatch.name).toBe('PreconditionFailed');
    expect(h.s3.getObject('photos', 'c')?.body.toString()).toBe('v1');
  });

  it('NoSuchKey and NoSuchBucket are the SDK error classes; HEAD 404 is NotFound with no body', async () => {
    const missingKey = await failure(client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'nope' })));
    expect(missingKey).toBeInstanceOf(NoSuchKey);
    expect(missingKey.$metadata.httpStatusCode).toBe(404);
    expect(missingKey.$metadata.requestId).toMatch(/^[0-9A-Z]{16}$/);
    const missingBucket = await failure(
      client.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' })),
    );
    expect(missingBucket).toBeInstanceOf(NoSuchBucket);
    const head = await failure(client.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'nope' })));
    expect(head).toBeInstanceOf(NotFound);
    expect(head.$metadata.httpStatusCode).toBe(404);
  });

  it('HeadObject returns the stored headers', async () => {
    await client.send(
      new PutObjectCommand({
        Bucket: 'photos',
        Key: 'h.json',
        Body: '{"a":1}',
        ContentType: 'application/json',
        CacheControl: 'max-age=60',
        Metadata: { 'x-tag': 'v' },
      }),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'h.json' }));
    expect(head).toMatchObject({
      ContentLength: 7,
      ContentType: 'application/json',
      CacheControl: 'max-age=60',
      ETag: `"${md5('{"a":1}')}"`,
      Metadata: { 'x-tag': 'v' },
      ServerSideEncryption: 'AES256',
    });
  });

  it('keys longer than 1,024 bytes are KeyTooLongError', async () => {
    const error = await failure(
      client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'é'.repeat(513), Body: 'x' })),
    );
    expect(error.name).toBe('KeyTooLongError');
  });
});

describe('DeleteObject / DeleteObjects / CopyObject', () => {
  it('DeleteObject removes the object; deleting a missing key is a 204 too', async () => {
    h.s3.putObject('photos', 'k', 'x');
    const result = await client.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'k' }));
    expect(result.$metadata.httpStatusCode).toBe(204);
    expect(h.s3.getObject('photos', 'k')).toBeUndefined();
    expect((await client.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'k' }))).$metadata.httpStatusCode).toBe(
      204,
    );
  });

  it('DeleteObjects deletes each key, XML-special characters included', async () => {
    for (const key of ['a', 'b&<"\'>.txt', 'keep']) h.s3.putObject('photos', key, key);
    const result = await client.send(
      new DeleteObjectsCommand({
        Bucket: 'photos',
        Delete: { Objects: [{ Key: 'a' }, { Key: 'b&<"\'>.txt' }, { Key: 'never-existed' }] },
      }),
    );
    expect(result.Deleted?.map((d) => d.Key)).toEqual(['a', 'b&<"\'>.txt', 'never-existed']);
    expect(result.Errors).toBeUndefined();
    expect(h.s3.objects('photos').map((o) => o.key)).toEqual(['keep']);
    const quiet = await client.send(
      new DeleteObjectsCommand({ Bucket: 'photos', Delete: { Objects: [{ Key: 'keep' }], Quiet: true } }),
    );
    expect(quiet.Deleted).toBeUndefined();
    expect(h.s3.objects('photos')).toEqual([]);
  });

  it('CopyObject copies bytes and metadata (COPY) or replaces them (REPLACE)', async () => {
    await client.send(
      new PutObjectCommand({
        Bucket: 'photos',
        Key: 'src dir/a+b.txt',
        Body: 'data',
        ContentType: 'text/plain',
        Metadata: { m: '1' },
      }),
    );
    const copy = await client.send(
      new CopyObjectCommand({
        Bucket: 'photos',
        Key: 'dst.txt',
        CopySource: `photos/${encodeURIComponent('src dir/a+b.txt')}`,
      }),
    );
    expect(copy.CopyObjectResult?.ETag).toBe(`"${md5('data')}"`);
    expect(copy.CopyObjectResult?.LastModified).toEqual(new Date('2026-03-01T10:00:00.000Z'));
    expect(h.s3.getObject('photos', 'dst.txt')).toMatchObject({ contentType: 'text/plain', metadata: { m: '1' } });
    expect(h.s3.getObject('photos', 'dst.txt')?.body.toString()).toBe('data');
    await client.send(
      new CopyObjectCommand({
        Bucket: 'photos',
        Key: 'dst.txt',
        CopySource: 'photos/dst.txt',
        MetadataDirective: 'REPLACE',
        ContentType: 'text/csv',
        Metadata: { n: '2' },
      }),
    );
    expect(h.s3.getObject('photos', 'dst.txt')).toMatchObject({ contentType: 'text/csv', metadata: { n: '2' } });
    const self = await failure(
      client.send(new CopyObjectCommand({ Bucket: 'photos', Key: 'dst.txt', CopySource: 'photos/dst.txt' })),
    );
    expect(self.name).toBe('InvalidRequest');
    const missing = await failure(
      client.send(new CopyObjectCommand({ Bucket: 'photos', Key: 'x', CopySource: 'photos/missing' })),
    );
    expect(missing).toBeInstanceOf(NoSuchKey);
  });
});

describe('versioning', () => {
  it('versions, delete markers and reads by version id', async () => {
    h.s3.reset();
    h.s3.createBucket('docs', { versioning: 'Enabled' });
    const v1 = await client.send(new PutObjectCommand({ Bucket: 'docs', Key: 'k', Body: 'one' }));
    const v2 = await client.send(new PutObjectCommand({ Bucket: 'docs', Key: 'k', Body: 'two' }));
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    const old = await client.send(new GetObjectCommand({ Bucket: 'docs', Key: 'k', VersionId: v1.VersionId }));
    expect(await old.Body?.transformToString()).toBe('one');
    expect(old.VersionId).toBe(v1.VersionId);
    const deleted = await client.send(new DeleteObjectCommand({ Bucket: 'docs', Key: 'k' }));
    expect(deleted.DeleteMarker).toBe(true);
    expect(deleted.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    const gone = await failure(client.send(new GetObjectCommand({ Bucket: 'docs', Key: 'k' })));
    expect(gone).toBeInstanceOf(NoSuchKey);
    expect(gone.$response?.headers['x-amz-delete-marker']).toBe('true');
    expect(
      await (
        await client.send(new GetObjectCommand({ Bucket: 'docs', Key: 'k', VersionId: v2.VersionId }))
      ).Body?.transformToString(),
    ).toBe('two');
    // Deleting the marker by its version id brings the object back.
    await client.send(new DeleteObjectCommand({ Bucket: 'docs', Key: 'k', VersionId: deleted.VersionId }));
    expect(h.s3.getObject('docs', 'k')?.body.toString()).toBe('two');
    // A version S3 issued and then deleted is NoSuchVersion; an id it never issued is InvalidArgument.
    await client.send(new DeleteObjectCommand({ Bucket: 'docs', Key: 'k', VersionId: v1.VersionId }));
    const noVersion = await failure(
      client.send(new GetObjectCommand({ Bucket: 'docs', Key: 'k', VersionId: v1.VersionId })),
    );
    expect(noVersion.name).toBe('NoSuchVersion');
    const neverIssued = await failure(
      client.send(new GetObjectCommand({ Bucket: 'docs', Key: 'k', VersionId: 'A'.repeat(32) })),
    );
    expect(neverIssued.name).toBe('InvalidArgument');
  });
});

/**
 * A reflected CRC-32 with the given polynomial (0xedb88320: CRC32; 0x82f63b78: CRC32C, Castagnoli),
 * base64 of the big-endian value, as S3 sends it. Written here, apart from the mock's own code.
 */
function reflectedCrc32(polynomial: number, text: string): string {
  const table = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? polynomial ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const byte of Buffer.from(text)) c = (table[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}
const createCrc32 = (text: string): string => reflectedCrc32(0xedb88320, text);
const createCrc32c = (text: string): string => reflectedCrc32(0x82f63b78, text);
