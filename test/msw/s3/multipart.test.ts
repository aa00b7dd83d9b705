/** Multipart uploads: lib-storage's Upload and the raw operations, through the real SDK. */
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, beforeEach, expect, it } from 'vitest';
import type { S3NotificationEvent } from '../../../src/msw/s3/index.js';
import { failure, startHarness } from './_harness.js';

const h = startHarness();
const client = h.client();
afterAll(() => h.server.close());
beforeEach(() => {
  h.s3.reset();
  h.s3.createBucket('big');
});

const MiB = 1024 * 1024;
const md5 = (data: Uint8Array) => createHash('md5').update(data).digest();

it('lib-storage Upload of 11 MiB: three parts, eTag <md5 of part md5s>-3, one CompleteMultipartUpload event', async () => {
  const body = Buffer.alloc(11 * MiB);
  for (let i = 0; i < body.length; i += 4096) body[i] = i % 251;
  const events: S3NotificationEvent[] = [];
  h.s3.subscribe('big', (event) => void events.push(event));
  const result = await new Upload({
    client,
    params: { Bucket: 'big', Key: 'video/clip 1.mp4', Body: body, ContentType: 'video/mp4' },
    partSize: 5 * MiB,
    queueSize: 2,
  }).done();
  const parts = [body.subarray(0, 5 * MiB), body.subarray(5 * MiB, 10 * MiB), body.subarray(10 * MiB)];
  const expected = `${createHash('md5')
    .update(Buffer.concat(parts.map(md5)))
    .digest('hex')}-3`;
  expect(result.ETag).toBe(`"${expected}"`);
  const stored = h.s3.getObject('big', 'video/clip 1.mp4');
  expect(stored?.eTag).toBe(expected);
  expect(stored?.contentType).toBe('video/mp4');
  expect(stored?.body.equals(body)).toBe(true);
  const got = await client.send(
    new GetObjectCommand({ Bucket: 'big', Key: 'video/clip 1.mp4', Range: 'bytes=5242879-5242881' }),
  );
  expect([...((await got.Body?.transformToByteArray()) ?? [])]).toEqual([...body.subarray(5 * MiB - 1, 5 * MiB + 2)]);
  await h.drain();
  expect(events.map((e) => e.Records[0]?.eventName)).toEqual(['ObjectCreated:CompleteMultipartUpload']);
  expect(events[0]?.Records[0]?.s3.object).toMatchObject({ key: 'video/clip+1.mp4', size: 11 * MiB, eTag: expected });
});

it('a small body goes through lib-storage as one PutObject', async () => {
  await new Upload({ client, params: { Bucket: 'big', Key: 'small.txt', Body: 'tiny' } }).done();
  expect(h.s3.getObject('big', 'small.txt')?.eTag).toBe(createHash('md5').update('tiny').digest('hex'));
});

it('CompleteMultipartUpload checks part order, eTags and the 5 MiB minimum; Abort forgets the upload', async () => {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'big', Key: 'k' }));
  expect(UploadId).toMatch(/^[A-Za-z0-9._-]{64}$/);
  const p1 = await client.send(
    new UploadPartCommand({ Bucket: 'big', Key: 'k', UploadId, PartNumber: 1, Body: 'small' }),
  );
  const p2 = await client.send(
    new UploadPartCommand({ Bucket: 'big', Key: 'k', UploadId, PartNumber: 2, Body: 'last' }),
  );
  expect(p1.ETag).toBe(`"${md5(Buffer.from('small')).toString('hex')}"`);
  const complete = (parts: { PartNumber: number; ETag?: string }[]) =>
    client.send(
      new CompleteMultipartUploadCommand({ Bucket: 'big', Key: 'k', UploadId, MultipartUpload: { Parts: parts } }),
    );
  expect(
    (
      await failure(
        complete([
          { PartNumber: 2, ETag: p2.ETag },
          { PartNumber: 1, ETag: p1.ETag },
        ]),
      )
    ).name,
  ).toBe('InvalidPartOrder');
  expect((await failure(complete([{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }]))).name).toBe(
    'InvalidPart',
  );
  expect(
    (
      await failure(
        complete([
          { PartNumber: 1, ETag: p1.ETag },
          { PartNumber: 2, ETag: p2.ETag },
        ]),
      )
    ).name,
  ).toBe('EntityTooSmall');
  expect(
    (
      await failure(
        client.send(new UploadPartCommand({ Bucket: 'big', Key: 'k', UploadId, PartNumber: 10001, Body: 'x' })),
      )
    ).name,
  ).toBe('InvalidArgument');
  // A single part may be small: it is also the last one.
  const single = await complete([{ PartNumber: 2, ETag: p2.ETag }]);
  expect(single.ETag).toBe(
    `"${createHash('md5')
      .update(md5(Buffer.from('last')))
      .digest('hex')}-1"`,
  );
  expect(h.s3.getObject('big', 'k')?.body.toString()).toBe('last');
  expect((await failure(complete([{ PartNumber: 2, ETag: p2.ETag }]))).name).toBe('NoSuchUpload');
  const second = await client.send(new CreateMultipartUploadCommand({ Bucket: 'big', Key: 'k2' }));
  await client.send(new AbortMultipartUploadCommand({ Bucket: 'big', Key: 'k2', UploadId: second.UploadId }));
  expect(
    (
      await failure(
        client.send(
          new UploadPartCommand({ Bucket: 'big', Key: 'k2', UploadId: second.UploadId, PartNumber: 1, Body: 'x' }),
        ),
      )
    ).name,
  ).toBe('NoSuchUpload');
});
