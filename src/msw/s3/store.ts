/**
 * The in-memory buckets and objects. Pure data: no HTTP here, so the wire operations and the
 * test-side API (`mocks.s3.putObject` …) share one model. Failures are {@link S3Error}s.
 *
 * Each key holds its versions, newest last. An unversioned bucket keeps one version whose id is
 * `null` (S3's own name for it, never reported to callers or in events); a versioning-enabled
 * bucket appends versions and delete markers; a suspended one replaces the `null` version.
 */
import { EMPTY_ETAG } from '../../events/s3/eventTypes.js';
import type { StoredChecksum } from './checksums.js';
import { S3Error, noSuchBucket } from './errors.js';

/** S3's versioning states of a bucket. */
export type VersioningState = 'Unversioned' | 'Enabled' | 'Suspended';

/** The HTTP headers S3 stores with an object and returns on GET/HEAD. */
export interface ObjectHeaders {
  contentType: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
}

/** One version of an object, or a delete marker. */
export interface ObjectVersion {
  readonly key: string;
  /** `'null'` in unversioned (and suspended) buckets, as S3 names it. */
  readonly versionId: string;
  readonly isDeleteMarker: boolean;
  readonly body: Uint8Array;
  /** Hex MD5 of the body, or `<md5 of part md5s>-<parts>` for a multipart upload. No quotes. */
  readonly eTag: string;
  readonly lastModified: Date;
  readonly headers: ObjectHeaders;
  /** `x-amz-meta-*` values, by lower-case name without the prefix. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The checksum the upload carried and the mock verified. */
  readonly checksum?: StoredChecksum;
  /** Number of parts, for multipart objects. */
  readonly partsCount?: number;
  readonly storageClass: string;
  /** The notification sequencer of the write that made this version. */
  readonly sequencer: string;
  /** The object's tag set, in the order it was given (absent: no tags). */
  readonly tags?: readonly S3Tag[];
}

/** One object tag. */
export interface S3Tag {
  readonly key: string;
  readonly value: string;
}

/** A part uploaded to a multipart upload. */
interface UploadedPart {
  readonly partNumber: number;
  readonly body: Uint8Array;
  /** Hex MD5, no quotes. */
  readonly eTag: string;
  readonly lastModified: Date;
}

/** A multipart upload in progress. */
export interface MultipartUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly initiated: Date;
  readonly headers: ObjectHeaders;
  readonly metadata: Readonly<Record<string, string>>;
  readonly storageClass: string;
  readonly parts: Map<number, UploadedPart>;
  /** The `x-amz-tagging` of CreateMultipartUpload, applied on completion. */
  readonly tags?: readonly S3Tag[];
}

/** A bucket and everything in it. */
export interface Bucket {
  readonly name: string;
  readonly region: string;
  readonly created: Date;
  versioning: VersioningState;
  /** Versions by key, newest last. */
  readonly keys: Map<string, ObjectVersion[]>;
  readonly uploads: Map<string, MultipartUpload>;
}

/** The outcome of a delete: what S3 reports and which notification it causes. */
export interface DeleteOutcome {
  /** `ObjectRemoved:Delete`, `ObjectRemoved:DeleteMarkerCreated`, or undefined when nothing changed. */
  readonly eventName?: 'ObjectRemoved:Delete' | 'ObjectRemoved:DeleteMarkerCreated';
  /** The version removed, or the delete marker created (versioned buckets only). */
  readonly versionId?: string;
  /** Whether the response must say `x-amz-delete-marker: true`. */
  readonly deleteMarker: boolean;
}

/** The buckets of one mock instance. */
export class S3Store {
  readonly buckets = new Map<string, Bucket>();
  // Every version id this store issued. S3's version ids carry their own structure, so S3 tells an
  // id it never issued (`InvalidArgument`) from one of a version since deleted (`NoSuchVersion`).
  private readonly issued = new Set<string>();

  /** Forgets every bucket and every version id issued. */
  clear(): void {
    this.buckets.clear();
    this.issued.clear();
  }

  /**
   * Throws `InvalidArgument` ("Invalid version id specified") unless `versionId` is `null` or an
   * id this store issued: AWS answers so for an id it could not have issued, e.g. a real id with
   * its last characters changed.
   */
  assertVersionId(versionId: string): void {
    if (versionId !== 'null' && !this.issued.has(versionId)) {
      throw new S3Error('InvalidArgument', 400, 'Invalid version id specified', {
        ArgumentName: 'versionId',
        ArgumentValue: versionId,
      });
    }
  }

  /** The bucket, or `NoSuchBucket`. */
  bucket(name: string): Bucket {
    const bucket = this.buckets.get(name);
    if (bucket === undefined) throw noSuchBucket(name);
    return bucket;
  }

  /** The current version of `key` (undefined if absent or if the newest version is a delete marker). */
  current(bucket: Bucket, key: string): ObjectVersion | undefined {
    const versions = bucket.keys.get(key);
    const newest = versions?.[versions.length - 1];
    return newest === undefined || newest.isDeleteMarker ? undefined : newest;
  }

  /** A specific version of `key`. */
  version(bucket: Bucket, key: string, versionId: string): ObjectVersion | undefined {
    return bucket.keys.get(key)?.find((v) => v.versionId === versionId);
  }

  /** Swaps a stored version for an updated copy (tag changes keep the version's identity). */
  replace(bucket: Bucket, old: ObjectVersion, updated: ObjectVersion): void {
    const versions = bucket.keys.get(old.key);
    const index = versions?.indexOf(old) ?? -1;
    if (versions !== undefined && index >= 0) versions[index] = updated;
  }

  /** Whether the newest version of `key` is a delete marker. */
  newestIsDeleteMarker(bucket: Bucket, key: string): ObjectVersion | undefined {
    const versions = bucket.keys.get(key);
    const newest = versions?.[versions.length - 1];
    return newest?.isDeleteMarker ? newest : undefined;
  }

  /**
   * Stores a new version of an object as the bucket's versioning state says, returning it.
   * `makeVersionId` is called only for versioning-enabled buckets.
   */
  write(bucket: Bucket, version: Omit<ObjectVersion, 'versionId'>, makeVersionId: () => string): ObjectVersion {
    const stored: ObjectVersion = { ...version, versionId: bucket.versioning === 'Enabled' ? makeVersionId() : 'null' };
    this.issued.add(stored.versionId);
    const versions = bucket.keys.get(version.key);
    if (versions === undefined) {
      bucket.keys.set(version.key, [stored]);
    } else if (bucket.versioning === 'Enabled') {
      versions.push(stored);
    } else {
      // Unversioned and suspended buckets overwrite the `null` version and keep the others.
      const kept = versions.filter((v) => v.versionId !== 'null');
      kept.push(stored);
      bucket.keys.set(version.key, kept);
    }
    return stored;
  }

  /**
   * DeleteObject. Without a version id: unversioned buckets remove the object; versioned ones
   * add a delete marker. With one: that version (or marker) is removed for good.
   */
  delete(
    bucket: Bucket,
    key: string,
    versionId: string | undefined,
    marker: () => Omit<ObjectVersion, 'versionId' | 'key' | 'body' | 'eTag' | 'isDeleteMarker'>,
    makeVersionId: () => string,
  ): DeleteOutcome {
    const versions = bucket.keys.get(key);
    if (versionId !== undefined) {
      const index = versions?.findIndex((v) => v.versionId === versionId) ?? -1;
      if (versions === undefined || index < 0) {
        this.assertVersionId(versionId);
        return { deleteMarker: false };
      }
      const [removed] = versions.splice(index, 1) as [ObjectVersion];
      if (versions.length === 0) bucket.keys.delete(key);
      const reported = bucket.versioning === 'Unversioned' ? {} : { versionId: removed.versionId };
      return { eventName: 'ObjectRemoved:Delete', deleteMarker: removed.isDeleteMarker, ...reported };
    }
    if (bucket.versioning === 'Unversioned') {
      if (versions === undefined) return { deleteMarker: false };
      bucket.keys.delete(key);
      return { eventName: 'ObjectRemoved:Delete', deleteMarker: false };
    }
    const stored = this.write(
      bucket,
      { ...marker(), key, isDeleteMarker: true, body: new Uint8Array(0), eTag: EMPTY_ETAG },
      makeVersionId,
    );
    return { eventName: 'ObjectRemoved:DeleteMarkerCreated', versionId: stored.versionId, deleteMarker: true };
  }

  /** The keys of a bucket that have a current (non-deleted) version, in S3's UTF-8 binary order. */
  currentKeys(bucket: Bucket): string[] {
    const keys: string[] = [];
    for (const [key, versions] of bucket.keys)
      if (!(versions[versions.length - 1] as ObjectVersion).isDeleteMarker) keys.push(key);
    return keys.sort(compareKeys);
  }
}

/**
 * Orders keys as S3 lists them: by UTF-8 bytes. UTF-16 code-unit order differs for characters
 * above U+FFFF against U+E000–U+FFFF, so compare code points.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
