/**
 * Which S3 operation a request is: S3's REST binding identifies it by method, by whether a
 * bucket and key are present, and by sub-resource query parameters (`?uploads`, `?versioning` …).
 * Anything the mock does not implement is named (from `x-id`, or from this table) in an
 * `UnknownOperationException`.
 */
import { S3Error } from './errors.js';
import type { S3Call } from './http.js';
import { unknownOperation } from '../_internals/awsError.js';
import type { S3Runtime } from './runtime.js';
import * as buckets from './operations/buckets.js';
import { deleteObjects } from './operations/deleteObjects.js';
import { listObjects, listObjectsV2 } from './operations/list.js';
import * as multipart from './operations/multipart.js';
import * as objects from './operations/objects.js';
import * as notification from './operations/notification.js';
import { getObjectAttributes } from './operations/attributes.js';
import * as tagging from './operations/tagging.js';
import { listObjectVersions } from './operations/versions.js';

/** An implemented operation. */
type Operation = (runtime: S3Runtime, call: S3Call) => Response | Promise<Response>;

// Bucket sub-resources and the operation name stem S3 uses for them (Get…, Put…, Delete…).
const BUCKET_SUBRESOURCES: Readonly<Record<string, string>> = {
  accelerate: 'BucketAccelerateConfiguration',
  acl: 'BucketAcl',
  analytics: 'BucketAnalyticsConfiguration',
  cors: 'BucketCors',
  encryption: 'BucketEncryption',
  'intelligent-tiering': 'BucketIntelligentTieringConfiguration',
  inventory: 'BucketInventoryConfiguration',
  lifecycle: 'BucketLifecycleConfiguration',
  logging: 'BucketLogging',
  metadataTable: 'BucketMetadataTableConfiguration',
  metrics: 'BucketMetricsConfiguration',
  notification: 'BucketNotificationConfiguration',
  'object-lock': 'ObjectLockConfiguration',
  ownershipControls: 'BucketOwnershipControls',
  policy: 'BucketPolicy',
  policyStatus: 'BucketPolicyStatus',
  publicAccessBlock: 'PublicAccessBlock',
  replication: 'BucketReplication',
  requestPayment: 'BucketRequestPayment',
  tagging: 'BucketTagging',
  website: 'BucketWebsite',
};
const OBJECT_SUBRESOURCES: Readonly<Record<string, string>> = {
  acl: 'ObjectAcl',
  attributes: 'ObjectAttributes',
  'legal-hold': 'ObjectLegalHold',
  retention: 'ObjectRetention',
  tagging: 'ObjectTagging',
  torrent: 'ObjectTorrent',
};
const VERBS: Readonly<Record<string, string>> = {
  GET: 'Get',
  HEAD: 'Head',
  PUT: 'Put',
  DELETE: 'Delete',
  POST: 'Post',
};

/** The implemented operation a call is, or its S3 name when the mock does not implement it. */
export function resolve(call: S3Call): { name: string; run?: Operation } {
  const { method, query } = call;
  const { bucket, key } = call.route;
  const has = (name: string): boolean => query.has(name);
  if (bucket === undefined) {
    if (method === 'GET') return { name: 'ListBuckets', run: buckets.listBuckets };
    return { name: query.get('x-id') ?? `${method} /` };
  }
  if (key === undefined) {
    if (has('notification') && method === 'PUT')
      return { name: 'PutBucketNotificationConfiguration', run: notification.putBucketNotificationConfiguration };
    if (has('notification') && method === 'GET')
      return { name: 'GetBucketNotificationConfiguration', run: notification.getBucketNotificationConfiguration };
    for (const [parameter, stem] of Object.entries(BUCKET_SUBRESOURCES))
      if (has(parameter)) return { name: `${VERBS[method] ?? method}${stem}` };
    if (has('versioning')) {
      if (method === 'PUT') return { name: 'PutBucketVersioning', run: buckets.putBucketVersioning };
      if (method === 'GET') return { name: 'GetBucketVersioning', run: buckets.getBucketVersioning };
    }
    if (method === 'GET') {
      if (has('location')) return { name: 'GetBucketLocation', run: buckets.getBucketLocation };
      if (has('versions')) return { name: 'ListObjectVersions', run: listObjectVersions };
      if (has('uploads')) return { name: 'ListMultipartUploads', run: multipart.listMultipartUploads };
      if (query.get('list-type') === '2') return { name: 'ListObjectsV2', run: listObjectsV2 };
      if (!has('x-id') || query.get('x-id') === 'ListObjects') return { name: 'ListObjects', run: listObjects };
    }
    if (method === 'POST' && has('delete')) return { name: 'DeleteObjects', run: deleteObjects };
    if (method === 'PUT' && [...query.keys()].every((name) => name === 'x-id'))
      return { name: 'CreateBucket', run: buckets.createBucket };
    if (method === 'HEAD') return { name: 'HeadBucket', run: buckets.headBucket };
    if (method === 'DELETE' && query.size === 0) return { name: 'DeleteBucket', run: buckets.deleteBucket };
    return { name: query.get('x-id') ?? `${method} /${bucket}` };
  }
  if (has('tagging')) {
    if (method === 'PUT') return { name: 'PutObjectTagging', run: tagging.putObjectTagging };
    if (method === 'GET') return { name: 'GetObjectTagging', run: tagging.getObjectTagging };
    if (method === 'DELETE') return { name: 'DeleteObjectTagging', run: tagging.deleteObjectTagging };
  }
  if (has('attributes') && method === 'GET') return { name: 'GetObjectAttributes', run: getObjectAttributes };
  for (const [parameter, stem] of Object.entries(OBJECT_SUBRESOURCES))
    if (has(parameter)) return { name: `${VERBS[method] ?? method}${stem}` };
  if (method === 'POST' && has('restore')) return { name: 'RestoreObject' };
  if (method === 'POST' && has('select')) return { name: 'SelectObjectContent' };
  const copySource = call.request.headers.has('x-amz-copy-source');
  if (has('uploadId')) {
    if (method === 'PUT' && has('partNumber'))
      return copySource
        ? { name: 'UploadPartCopy', run: multipart.uploadPartCopy }
        : { name: 'UploadPart', run: multipart.uploadPart };
    if (method === 'POST') return { name: 'CompleteMultipartUpload', run: multipart.completeMultipartUpload };
    if (method === 'DELETE') return { name: 'AbortMultipartUpload', run: multipart.abortMultipartUpload };
    if (method === 'GET') return { name: 'ListParts', run: multipart.listParts };
  }
  if (method === 'POST' && has('uploads'))
    return { name: 'CreateMultipartUpload', run: multipart.createMultipartUpload };
  if (method === 'PUT')
    return copySource ? { name: 'CopyObject', run: objects.copyObject } : { name: 'PutObject', run: objects.putObject };
  if (method === 'GET') return { name: 'GetObject', run: objects.getObject };
  if (method === 'HEAD') return { name: 'HeadObject', run: objects.getObject };
  if (method === 'DELETE') return { name: 'DeleteObject', run: objects.deleteObject };
  if (method === 'POST') return { name: 'PostObject' };
  return { name: query.get('x-id') ?? `${method} /${bucket}/${key}` };
}

/** The `UnknownOperationException` (in S3's XML error shape) for an operation the mock lacks. */
export function notImplemented(name: string): S3Error {
  const error = unknownOperation('S3', name);
  return new S3Error(error.code, error.status, error.message, { OperationName: name });
}
