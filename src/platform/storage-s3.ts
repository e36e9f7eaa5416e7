/**
 * STORAGE=s3 (ADR 0023): any S3-compatible service (AWS, MinIO, Ceph, a cloud's object storage)
 * through the AWS SDK v3. An object becomes visible only once its upload completes, so a put is
 * atomic as the interface requires; a stream goes up in multipart pieces, never whole in memory.
 */

import { type Readable, Transform } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertKey, assertPrefix, type Storage } from './storage.js';

export interface S3Options {
  bucket: string;
  /** Unset: AWS itself. */
  endpoint?: string | undefined;
  region: string;
  /** Unset: the SDK's own chain (AWS_* variables, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>`: most self-hosted servers. */
  forcePathStyle: boolean;
}

function isMissing(err: unknown): boolean {
  return (
    err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404)
  );
}

export function createS3Storage(options: S3Options): Storage {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const Bucket = options.bucket;

  async function open(key: string): Promise<Readable | null> {
    assertKey(key);
    try {
      const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      // In Node the body is the HTTP response stream.
      return res.Body as Readable;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  return {
    async put(key, data) {
      assertKey(key);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: data }));
    },
    async putStream(key, source) {
      assertKey(key);
      let size = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      source.on('error', (err) => counted.destroy(err));
      // Upload aborts the multipart upload when a piece or the source fails: no object appears.
      await new Upload({ client, params: { Bucket, Key: key, Body: source.pipe(counted) } }).done();
      return size;
    },
    openStream: open,
    async get(key) {
      const body = await open(key);
      if (!body) return null;
      const parts: Buffer[] = [];
      for await (const chunk of body) parts.push(chunk as Buffer);
      return Buffer.concat(parts);
    },
    async delete(key) {
      assertKey(key);
      // S3 answers a missing key's delete with success.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async *list(prefix = '') {
      assertPrefix(prefix);
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, ContinuationToken }),
        );
        for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
