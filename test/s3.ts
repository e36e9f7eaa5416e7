/**
 * A local S3-compatible server (s3rver) for the STORAGE=s3 tests: a random port on the loopback, its
 * objects in a temp folder, one bucket made at start; stop() ends it and removes the folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver checks signatures against these fixed credentials. */
const KUNCI = 'S3RVER';

export async function startS3(bucket = 'ekinerja-uji') {
  const directory = await mkdtemp(path.join(tmpdir(), 'ekinerja-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as AddressInfo;
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: KUNCI,
    S3_SECRET_ACCESS_KEY: KUNCI,
    S3_FORCE_PATH_STYLE: 'true',
  };
  return {
    env,
    options: {
      bucket,
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      credentials: { accessKeyId: KUNCI, secretAccessKey: KUNCI },
      forcePathStyle: true,
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
