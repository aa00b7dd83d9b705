// PutObject + S3 → Lambda event delivery per second through msw and the real S3 client, for
// 1 KiB and 1 MiB objects, as a ratio against a canned-response msw handler for the same
// PutObject (so the figure is the mock's own overhead over msw + SDK, not the machine's speed).
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createClock } from '../dist/src/msw/_internals/clock.js';
import { drain } from '../dist/src/msw/_internals/scheduler.js';
import { createS3Service } from '../dist/src/msw/s3/index.js';
import { measure, report } from './_lib.mjs';

process.env.AWS_ACCESS_KEY_ID ??= 'bench';
process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';

const clock = createClock(new Date('2026-01-15T12:30:45.123Z'));
const s3 = createS3Service({ region: 'us-east-1', account: '123456789012', partition: 'aws', seed: 1, clock });
s3.createBucket('bench-mock');
let delivered = 0;
s3.subscribe('bench-mock', () => void delivered++);
const canned = http.put(
  'https://bench-canned.s3.us-east-1.amazonaws.com/*',
  () => new HttpResponse(null, { status: 200, headers: { etag: '"0123456789abcdef0123456789abcdef"' } }),
);
const server = setupServer(canned, ...s3.handlers);
server.listen({ onUnhandledRequest: 'error' });
const client = new S3Client({ region: 'us-east-1', maxAttempts: 1 });

const kib = Buffer.alloc(1024, 7);
const mib = Buffer.alloc(1024 * 1024, 7);
let n = 0;
const put = (bucket, body) =>
  client.send(new PutObjectCommand({ Bucket: bucket, Key: `k/${n++ % 64}.bin`, Body: body }));

for (const [label, body] of [
  ['1 KiB', kib],
  ['1 MiB', mib],
]) {
  const results = await measure(
    {
      [`canned msw PutObject (${label})`]: () => put('bench-canned', body),
      [`mock PutObject + event delivery (${label})`]: async () => {
        await put('bench-mock', body);
        await drain(() => [s3], clock);
      },
    },
    { time: label === '1 MiB' ? 1500 : 800 },
  );
  report(`S3 PutObject ${label}`, results, `canned msw PutObject (${label})`);
  for (const [name, ns] of Object.entries(results))
    console.log(`${name.padEnd(58)} ${(1e9 / ns).toFixed(0).padStart(8)} ops/s`);
}
if (delivered === 0) throw new Error('no event was delivered: the bench measured nothing');
server.close();
