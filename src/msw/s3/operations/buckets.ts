/** CreateBucket, HeadBucket, DeleteBucket, ListBuckets, GetBucketLocation and bucket versioning. */
import { readXml } from '../body.js';
import { S3Error, malformedXml } from '../errors.js';
import { type S3Call, respond, respondXml, xmlDate } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import { s3BucketNameProblem } from '../../../events/s3/validate.js';
import { MalformedXmlError, assertRoot, el, text, xmlDocument } from '../xml.js';

/** The region a request was sent to: the host's, else the SigV4 scope's, else the mocks' default. */
function requestRegion(runtime: S3Runtime, call: S3Call): string {
  return call.route.region ?? runtime.context.region;
}

/** Creates a bucket in the store (shared with the test-side `createBucket`). */
export function createBucketIn(runtime: S3Runtime, name: string, region: string, now: Date): void {
  runtime.store.buckets.set(name, {
    name,
    region,
    created: now,
    versioning: 'Unversioned',
    keys: new Map(),
    uploads: new Map(),
  });
}

/** CreateBucket, with S3's naming and location-constraint rules. */
export async function createBucket(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const name = call.route.bucket as string;
  const problem = s3BucketNameProblem(name);
  if (problem !== undefined)
    throw new S3Error('InvalidBucketName', 400, 'The specified bucket is not valid.', { BucketName: name });
  const { xml } = await readXml(call.request);
  let constraint: string | undefined;
  if (xml.trim() !== '') {
    try {
      assertRoot(xml, 'CreateBucketConfiguration');
    } catch (error) {
      if (error instanceof MalformedXmlError) throw malformedXml();
      throw error;
    }
    constraint = text(xml, 'LocationConstraint') || undefined;
  }
  const region = requestRegion(runtime, call);
  if (constraint === 'us-east-1')
    throw new S3Error('InvalidLocationConstraint', 400, 'The specified location-constraint is not valid', {
      LocationConstraint: constraint,
    });
  const bucketRegion = constraint ?? 'us-east-1';
  if (bucketRegion !== region) {
    throw new S3Error(
      'IllegalLocationConstraintException',
      400,
      `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    );
  }
  const existing = runtime.store.buckets.get(name);
  if (existing !== undefined) {
    // S3 keeps answering 200 in us-east-1 for legacy compatibility; every other region says 409.
    if (region !== 'us-east-1' || existing.region !== 'us-east-1') {
      throw new S3Error(
        'BucketAlreadyOwnedByYou',
        409,
        'Your previous request to create the named bucket succeeded and you already own it.',
        { BucketName: name },
      );
    }
  } else {
    createBucketIn(runtime, name, bucketRegion, call.now);
  }
  return respond(call, 200, null, {
    location: region === 'us-east-1' ? `/${name}` : `${call.route.url.protocol}//${name}.s3.amazonaws.com/`,
  });
}

/** HeadBucket: 200 with the bucket's region; 404 with no body (the SDK's `NotFound`). */
export function headBucket(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  return respond(call, 200, null, { 'x-amz-bucket-region': bucket.region });
}

/** DeleteBucket: only empty buckets (no versions, no uploads), as S3 requires. */
export function deleteBucket(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  if (bucket.keys.size > 0) {
    // A bucket that has ever had versioning says so: versions and delete markers count too.
    const versioned = bucket.versioning !== 'Unversioned';
    throw new S3Error(
      'BucketNotEmpty',
      409,
      `The bucket you tried to delete is not empty${versioned ? '. You must delete all versions in the bucket.' : ''}`,
      { BucketName: bucket.name },
    );
  }
  runtime.store.buckets.delete(bucket.name);
  runtime.forgetBucket(bucket.name);
  return respond(call, 204);
}

/** The owner element of listings: the account's canonical user. */
function owner(runtime: S3Runtime): string {
  return `<Owner>${el('ID', runtime.context.account)}</Owner>`;
}

/** ListBuckets: every bucket, by name. */
export function listBuckets(runtime: S3Runtime, call: S3Call): Response {
  let buckets = '';
  for (const bucket of [...runtime.store.buckets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    buckets += `<Bucket>${el('Name', bucket.name)}${el('CreationDate', xmlDate(bucket.created))}${el('BucketRegion', bucket.region)}</Bucket>`;
  }
  return respondXml(call, xmlDocument('ListAllMyBucketsResult', `${owner(runtime)}<Buckets>${buckets}</Buckets>`));
}

/** GetBucketLocation: empty for us-east-1, as S3 answers. */
export function getBucketLocation(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const region = bucket.region === 'us-east-1' ? '' : bucket.region;
  return respondXml(
    call,
    `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${region}</LocationConstraint>`,
  );
}

/** PutBucketVersioning: `Enabled` or `Suspended` (a bucket can never return to unversioned). */
export async function putBucketVersioning(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const { xml } = await readXml(call.request);
  try {
    assertRoot(xml, 'VersioningConfiguration');
  } catch {
    throw malformedXml();
  }
  const status = text(xml, 'Status');
  if (status !== undefined && status !== 'Enabled' && status !== 'Suspended') throw malformedXml();
  if (status !== undefined) bucket.versioning = status;
  return respond(call, 200);
}

/** GetBucketVersioning: no Status element for a never-versioned bucket. */
export function getBucketVersioning(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  return respondXml(
    call,
    xmlDocument('VersioningConfiguration', bucket.versioning === 'Unversioned' ? '' : el('Status', bucket.versioning)),
  );
}
