/**
 * S3 answers recorded against real AWS, replayed through the real @aws-sdk/client-s3.
 *
 * Source of every expectation: localstack's snapshots recorded against AWS
 * (github.com/localstack/localstack), tests/aws/services/s3/test_s3.snapshot.json and
 * test_s3_api.snapshot.json, with the requests in test_s3.py / test_s3_api.py; each case names its
 * recording.
 */
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, startHarness } from './_harness.js';

const h = startHarness();
const client = h.client();
afterAll(() => h.server.close());
beforeEach(() => {
  h.s3.reset();
  h.s3.createBucket('bucket');
});

/** What a recording compares: code, message, status and the extra elements S3 adds. */
async function s3Error(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; status: number | undefined }> {
  const error = await failure(promise);
  return { code: error.name, message: error.message, status: error.$metadata.httpStatusCode };
}

async function uploadWithParts(
  count: number,
): Promise<{ UploadId: string; parts: { ETag: string; PartNumber: number }[] }> {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'bucket', Key: 'big' }));
  const parts: { ETag: string; PartNumber: number }[] = [];
  for (let PartNumber = 1; PartNumber <= count; PartNumber++) {
    const { ETag } = await client.send(
      new UploadPartCommand({
        Bucket: 'bucket',
        Key: 'big',
        UploadId,
        PartNumber,
        Body: Buffer.alloc(5 * 1024 * 1024, PartNumber),
      }),
    );
    parts.push({ ETag: ETag as string, PartNumber });
  }
  return { UploadId: UploadId as string, parts };
}

describe('CompleteMultipartUpload', () => {
  it('without a part list: InvalidRequest "You must specify at least one part" (test_multipart_complete_multipart_too_small)', async () => {
    const { UploadId } = await uploadWithParts(1);
    expect(
      await s3Error(client.send(new CompleteMultipartUploadCommand({ Bucket: 'bucket', Key: 'big', UploadId }))),
    ).toEqual({
      code: 'InvalidRequest',
      message: 'You must specify at least one part',
      status: 400,
    });
  });

  it("parts out of order: InvalidPartOrder with AWS's wording (test_complete_multipart_parts_order)", async () => {
    const { UploadId, parts } = await uploadWithParts(2);
    const error = await failure(
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'bucket',
          Key: 'big',
          UploadId,
          MultipartUpload: { Parts: [...parts].reverse() },
        }),
      ),
    );
    expect({ code: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
      code: 'InvalidPartOrder',
      message: 'The list of parts was not in ascending order. Parts must be ordered by part number.',
      status: 400,
    });
    expect((error as unknown as { UploadId?: string }).UploadId).toBe(UploadId);
  });
});

describe('checksum settings of CreateMultipartUpload (test_multipart_parts_checksum_exceptions_composite)', () => {
  it('an unknown algorithm, and a checksum type without an algorithm, are InvalidRequest', async () => {
    expect(
      await s3Error(
        client.send(
          new CreateMultipartUploadCommand({ Bucket: 'bucket', Key: 'k', ChecksumAlgorithm: 'TEST' as never }),
        ),
      ),
    ).toEqual({
      code: 'InvalidRequest',
      message:
        'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]',
      status: 400,
    });
    expect(
      await s3Error(
        client.send(new CreateMultipartUploadCommand({ Bucket: 'bucket', Key: 'k', ChecksumType: 'COMPOSITE' })),
      ),
    ).toEqual({
      code: 'InvalidRequest',
      message: 'The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.',
      status: 400,
    });
    const ok = await client.send(
      new CreateMultipartUploadCommand({
        Bucket: 'bucket',
        Key: 'k',
        ChecksumType: 'COMPOSITE',
        ChecksumAlgorithm: 'CRC32',
      }),
    );
    expect(ok).toMatchObject({ UploadId: expect.any(String), ChecksumAlgorithm: 'CRC32', ChecksumType: 'COMPOSITE' });
  });

  it('the type must suit the algorithm (test_multipart_checksum_type_compatibility)', async () => {
    const create = (ChecksumAlgorithm: 'SHA1' | 'SHA256' | 'CRC64NVME', ChecksumType: 'COMPOSITE' | 'FULL_OBJECT') =>
      s3Error(
        client.send(new CreateMultipartUploadCommand({ Bucket: 'bucket', Key: 'k', ChecksumAlgorithm, ChecksumType })),
      );
    expect(await create('CRC64NVME', 'COMPOSITE')).toEqual({
      code: 'InvalidRequest',
      message: 'The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.',
      status: 400,
    });
    expect(await create('SHA1', 'FULL_OBJECT')).toEqual({
      code: 'InvalidRequest',
      message: 'The FULL_OBJECT checksum type cannot be used with the sha1 checksum algorithm.',
      status: 400,
    });
    expect(await create('SHA256', 'FULL_OBJECT')).toEqual({
      code: 'InvalidRequest',
      message: 'The FULL_OBJECT checksum type cannot be used with the sha256 checksum algorithm.',
      status: 400,
    });
    const byDefault = await client.send(
      new CreateMultipartUploadCommand({ Bucket: 'bucket', Key: 'k', ChecksumAlgorithm: 'SHA256' }),
    );
    expect(byDefault.ChecksumType).toBe('COMPOSITE');
  });
});

describe('version ids', () => {
  async function versioned(): Promise<{ objectVersion: string; markerVersion: string }> {
    await client.send(
      new PutBucketVersioningCommand({ Bucket: 'bucket', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const put = await client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'test-delete', Body: 'test-delete' }));
    const marker = await client.send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'test-delete' }));
    return { objectVersion: put.VersionId as string, markerVersion: marker.VersionId as string };
  }

  it('an id S3 never issued is InvalidArgument "Invalid version id specified"; a deleted one is NoSuchVersion (test_delete_object_versioned)', async () => {
    const { objectVersion } = await versioned();
    const bad = `${objectVersion.slice(0, -4)}ABCD`;
    const error = await failure(
      client.send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'test-delete', VersionId: bad })),
    );
    expect({ code: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
      code: 'InvalidArgument',
      message: 'Invalid version id specified',
      status: 400,
    });
    expect(error).toMatchObject({ ArgumentName: 'versionId', ArgumentValue: bad });
    expect(
      await s3Error(client.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'test-delete', VersionId: bad }))),
    ).toMatchObject({ code: 'InvalidArgument', message: 'Invalid version id specified' });

    await client.send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'test-delete', VersionId: objectVersion }));
    expect(
      await s3Error(
        client.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'test-delete', VersionId: objectVersion })),
      ),
    ).toEqual({
      code: 'NoSuchVersion',
      message: 'The specified version does not exist.',
      status: 404,
    });
  });

  it('"null" is always a valid version id', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'plain', Body: 'x' }));
    const got = await client.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'plain', VersionId: 'null' }));
    expect(await got.Body?.transformToString()).toBe('x');
  });
});

describe('DeleteBucket', () => {
  it('a non-empty versioned bucket: BucketNotEmpty asks to delete all versions (test_delete_versioned_bucket_with_objects)', async () => {
    await client.send(
      new PutBucketVersioningCommand({ Bucket: 'bucket', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const put = await client.send(
      new PutObjectCommand({ Bucket: 'bucket', Key: 'test-delete-versioned', Body: 'test-delete' }),
    );
    const marker = await client.send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'test-delete-versioned' }));
    const expected = {
      code: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty. You must delete all versions in the bucket.',
      status: 409,
    };
    expect(await s3Error(client.send(new DeleteBucketCommand({ Bucket: 'bucket' })))).toEqual(expected);
    await client.send(
      new DeleteObjectCommand({ Bucket: 'bucket', Key: 'test-delete-versioned', VersionId: put.VersionId }),
    );
    // Only the delete marker is left: still not empty.
    expect(await s3Error(client.send(new DeleteBucketCommand({ Bucket: 'bucket' })))).toEqual(expected);
    await client.send(
      new DeleteObjectCommand({ Bucket: 'bucket', Key: 'test-delete-versioned', VersionId: marker.VersionId }),
    );
    await client.send(new DeleteBucketCommand({ Bucket: 'bucket' }));
    expect(h.s3.buckets()).toEqual([]);
  });

  it('a non-empty unversioned bucket keeps the short message (test_delete_bucket_with_objects)', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'x' }));
    const error = await failure(client.send(new DeleteBucketCommand({ Bucket: 'bucket' })));
    expect({ code: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
      code: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty',
      status: 409,
    });
    expect(error).toMatchObject({ BucketName: 'bucket' });
  });
});

describe('Content-MD5 (test_s3_invalid_content_md5)', () => {
  it('a malformed digest is InvalidDigest naming it; a wrong one is BadDigest with the expected digest in hex and the calculated one in base64', async () => {
    const { createHash } = await import('node:crypto');
    for (const ContentMD5 of ['__invalid__', '000', 'MTIz', Buffer.from('test-string').toString('base64')]) {
      const error = await failure(
        client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'test-key', Body: 'something', ContentMD5 })),
      );
      expect({ code: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
        code: 'InvalidDigest',
        message: 'The Content-MD5 you specified was invalid.',
        status: 400,
      });
      expect(error).toMatchObject({ 'Content-MD5': ContentMD5 });
    }
    const wrong = createHash('md5').update('something1').digest('base64');
    const error = await failure(
      client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'test-key', Body: 'something', ContentMD5: wrong })),
    );
    expect({ code: error.name, message: error.message }).toEqual({
      code: 'BadDigest',
      message: 'The Content-MD5 you specified did not match what we received.',
    });
    expect(error).toMatchObject({
      ExpectedDigest: '09891eb590524e35fc73372cddc5d596',
      CalculatedDigest: 'Q3uTDbhLgHnC3YBKcZNrXw==',
    });
  });
});

describe('argument errors name what AWS names', () => {
  it('an empty continuation token: InvalidArgument naming the argument only (test_list_objects_v2_continuation_start_after)', async () => {
    const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const error = await failure(client.send(new ListObjectsV2Command({ Bucket: 'bucket', ContinuationToken: '' })));
    expect({ code: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
      code: 'InvalidArgument',
      message: 'The continuation token provided is incorrect',
      status: 400,
    });
    expect(error).toMatchObject({ ArgumentName: 'continuation-token' });
    expect(error).not.toHaveProperty('ArgumentValue');
  });

  it("a copy source without a key: the ArgumentValue is the header's name (test_s3_copy_object_wrong_format)", async () => {
    const { CopyObjectCommand } = await import('@aws-sdk/client-s3');
    const error = await failure(
      client.send(new CopyObjectCommand({ Bucket: 'bucket', Key: 'copy', CopySource: 'wrongformat' })),
    );
    expect({ code: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
      code: 'InvalidArgument',
      message: 'Invalid copy source object key',
      status: 400,
    });
    expect(error).toMatchObject({ ArgumentName: 'x-amz-copy-source', ArgumentValue: 'x-amz-copy-source' });
  });

  it('If-None-Match other than "*": NotImplemented with the additional message (test_put_object_if_none_match_validation)', async () => {
    const error = await failure(
      client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'x', IfNoneMatch: 'etag' })),
    );
    expect({ code: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
      code: 'NotImplemented',
      message: 'A header you provided implies functionality that is not implemented',
      status: 501,
    });
    expect(error).toMatchObject({
      Header: 'If-None-Match',
      additionalMessage: "We don't accept the provided value of If-None-Match header for this API",
    });
  });
});

describe('ChecksumType (test_s3_api.py test_get_object_range; test_s3.py test_put_object_checksum, test_s3_copy_object_with_checksum)', () => {
  it("a single-part object's checksum is FULL_OBJECT on PutObject, GetObject, HeadObject and CopyObject", async () => {
    const { CopyObjectCommand, HeadObjectCommand } = await import('@aws-sdk/client-s3');
    const put = await client.send(
      new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: '0123456789', ChecksumAlgorithm: 'CRC32' }),
    );
    expect(put).toMatchObject({ ChecksumCRC32: 'poTHxg==', ChecksumType: 'FULL_OBJECT' });
    const got = await client.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'k', ChecksumMode: 'ENABLED' }));
    expect(got).toMatchObject({ ChecksumCRC32: 'poTHxg==', ChecksumType: 'FULL_OBJECT' });
    await got.Body?.transformToString();
    expect(
      await client.send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'k', ChecksumMode: 'ENABLED' })),
    ).toMatchObject({ ChecksumCRC32: 'poTHxg==', ChecksumType: 'FULL_OBJECT' });
    const copied = await client.send(new CopyObjectCommand({ Bucket: 'bucket', Key: 'copy', CopySource: 'bucket/k' }));
    expect(copied.CopyObjectResult).toMatchObject({ ChecksumCRC32: 'poTHxg==', ChecksumType: 'FULL_OBJECT' });
  });

  it('a range covering the whole object keeps the checksum; a part of it has none', async () => {
    await client.send(
      new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: '0123456789', ChecksumAlgorithm: 'CRC32' }),
    );
    const whole = await client.send(
      new GetObjectCommand({ Bucket: 'bucket', Key: 'k', Range: 'bytes=-15', ChecksumMode: 'ENABLED' }),
    );
    expect(whole).toMatchObject({
      ContentRange: 'bytes 0-9/10',
      ChecksumCRC32: 'poTHxg==',
      ChecksumType: 'FULL_OBJECT',
    });
    expect(await whole.Body?.transformToString()).toBe('0123456789');
    const part = await client.send(
      new GetObjectCommand({ Bucket: 'bucket', Key: 'k', Range: 'bytes=0-8', ChecksumMode: 'ENABLED' }),
    );
    expect(part.ContentRange).toBe('bytes 0-8/10');
    expect(part.ChecksumCRC32).toBeUndefined();
    expect(part.ChecksumType).toBeUndefined();
    expect(await part.Body?.transformToString()).toBe('012345678');
  });
});
