/**
 * Hosts (virtual-hosted, path-style, custom endpoints), unknown operations, malformed requests,
 * and instance isolation, through the real client and raw fetch.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SQSClient, ListQueuesCommand } from '@aws-sdk/client-sqs';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createS3Service } from '../../../src/msw/s3/index.js';
import { failure, makeContext, startHarness } from './_harness.js';

const h = startHarness({ endpoints: ['http://localhost:4566'] });
afterAll(() => h.server.close());
beforeEach(() => {
  h.s3.reset();
  h.s3.createBucket('site');
});

describe('hosts', () => {
  it.each([
    ['virtual-hosted AWS host', {}],
    ['path-style AWS host', { forcePathStyle: true }],
    ['custom endpoint, virtual-hosted (<bucket>.localhost:4566)', { endpoint: 'http://localhost:4566' }],
    ['custom endpoint, path-style', { endpoint: 'http://localhost:4566', forcePathStyle: true }],
  ])('%s', async (_name, config) => {
    const client = h.client(config);
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'dir/a b+c.html', Body: '<p>hi</p>' }));
    const got = await client.send(new GetObjectCommand({ Bucket: 'site', Key: 'dir/a b+c.html' }));
    expect(await got.Body?.transformToString()).toBe('<p>hi</p>');
    expect(h.s3.objects('site').map((o) => o.key)).toEqual(['dir/a b+c.html']);
  });

  it('a dotted bucket name goes path-style and works', async () => {
    const client = h.client({ region: 'eu-west-1' });
    await client.send(new CreateBucketCommand({ Bucket: 'my.dotted.bucket' }));
    await client.send(new PutObjectCommand({ Bucket: 'my.dotted.bucket', Key: 'k', Body: 'x' }));
    expect(h.s3.objects('my.dotted.bucket')).toHaveLength(1);
  });

  it('an unregistered custom endpoint is not served; addEndpoint registers it', async () => {
    const client = h.client({ endpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    let reachedFallback = false;
    h.server.use(
      http.all('http://127.0.0.1:9000/*', () => {
        reachedFallback = true;
        return HttpResponse.xml('<Error><Code>Teapot</Code><Message>not S3</Message></Error>', { status: 418 });
      }),
    );
    const error = await failure(client.send(new GetObjectCommand({ Bucket: 'site', Key: 'k' })));
    expect(error.name).toBe('Teapot');
    expect(reachedFallback).toBe(true);
    h.server.resetHandlers();
    h.s3.addEndpoint('http://127.0.0.1:9000');
    h.s3.putObject('site', 'k', 'served');
    expect(
      await (await client.send(new GetObjectCommand({ Bucket: 'site', Key: 'k' }))).Body?.transformToString(),
    ).toBe('served');
    expect(() => h.s3.addEndpoint('ftp://nope')).toThrow(/s3\.addEndpoint: endpoint/);
  });

  it('a shared custom endpoint: requests signed for another service fall through to its handlers', async () => {
    h.server.use(
      http.post('http://localhost:4566/', () =>
        HttpResponse.json({ QueueUrls: ['http://localhost:4566/000000000000/q'] }),
      ),
    );
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: 'http://localhost:4566', maxAttempts: 1 });
    expect((await sqs.send(new ListQueuesCommand({}))).QueueUrls).toEqual(['http://localhost:4566/000000000000/q']);
    h.server.resetHandlers();
  });
});

describe('errors', () => {
  it('an unimplemented operation is an UnknownOperationException naming S3 and the operation', async () => {
    const error = await failure(
      h.client().send(new PutBucketTaggingCommand({ Bucket: 'site', Tagging: { TagSet: [{ Key: 'a', Value: 'b' }] } })),
    );
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toContain('S3 operation PutBucketTagging is not implemented');
  });

  it('malformed requests get S3 error codes, never an exception inside msw', async () => {
    const base = 'https://site.s3.us-east-1.amazonaws.com';
    const text = async (response: Response) => ({ status: response.status, body: await response.text() });
    const badXml = await text(
      await fetch(`${base}/?delete`, { method: 'POST', body: '<Delete><Object>', headers: { 'content-md5': 'x' } }),
    );
    expect(badXml.status).toBe(400);
    const noDigest = await text(
      await fetch(`${base}/?delete`, { method: 'POST', body: '<Delete><Object><Key>a</Key></Object></Delete>' }),
    );
    expect(noDigest.body).toContain('<Code>InvalidRequest</Code>');
    const badUri = await text(await fetch(`${base}/%E0%A4%A`, { method: 'GET' }));
    expect(badUri).toMatchObject({ status: 400 });
    expect(badUri.body).toContain('<Code>InvalidURI</Code>');
    const badChunks = await text(
      await fetch(`${base}/k`, {
        method: 'PUT',
        body: 'zz\r\nnot chunked',
        headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '3' },
      }),
    );
    expect(badChunks.status).toBe(400);
    expect(badChunks.body).toMatch(/<Code>(InvalidRequest|IncompleteBody)<\/Code>/);
    const badMaxKeys = await text(await fetch(`${base}/?list-type=2&max-keys=-1`));
    expect(badMaxKeys.body).toContain('<Code>InvalidArgument</Code>');
    const badVersioning = await text(
      await fetch(`${base}/?versioning`, {
        method: 'PUT',
        body: '<VersioningConfiguration><Status>Maybe</Status></VersioningConfiguration>',
      }),
    );
    expect(badVersioning.body).toContain('<Code>MalformedXML</Code>');
    expect(h.s3.objects('site')).toEqual([]);
  });

  it('a HEAD error has no body; every response carries request ids', async () => {
    const response = await fetch('https://site.s3.us-east-1.amazonaws.com/missing', { method: 'HEAD' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
    expect(response.headers.get('x-amz-request-id')).toMatch(/^[0-9A-Z]{16}$/);
    expect(response.headers.get('x-amz-id-2')).toBeTruthy();
  });
});

describe('isolation', () => {
  it('two service instances never share state, and the same seed gives the same ids', () => {
    const a = createS3Service(makeContext());
    const b = createS3Service(makeContext());
    a.createBucket('shared-name');
    a.putObject('shared-name', 'k', 'a');
    expect(b.buckets()).toEqual([]);
    b.createBucket('shared-name');
    expect(b.objects('shared-name')).toEqual([]);
    const versioned = (service: ReturnType<typeof createS3Service>) => {
      service.createBucket('vers', { versioning: 'Enabled' });
      return service.putObject('vers', 'k', 'x').versionId;
    };
    expect(versioned(a)).toBe(versioned(b));
    a.reset();
    expect(a.buckets()).toEqual([]);
  });

  it('the S3Client default (virtual-hosted, flexible checksums) needs no configuration beyond msw', async () => {
    const client = new S3Client({ region: 'us-east-1' });
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'k', Body: 'x' }));
    expect(h.s3.getObject('site', 'k')?.checksum?.algorithm).toBe('CRC32');
  });
});
