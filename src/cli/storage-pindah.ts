/**
 * `npm run storage:pindah -- --dari local --ke s3 [--awalan <prefix>]`: copies every stored file
 * from one backend to another (ADR 0023), each one verified by SHA-256 read back from the target;
 * files already identical there are skipped. Both backends are configured as the server's are
 * (STORAGE_DIR, the database, S3_*). Exits 1 when any file did not arrive intact; then run it again.
 * With the embedded database, stop the server first: one process owns its data folder.
 */
import { parseArgs } from 'node:util';
import { bukaStorage, type JenisStorage } from '../db/berkas-store.js';
import { type Database, openDatabase } from '../db/client.js';
import { loadConfig } from '../platform/config.js';
import { pindahkanBerkas } from '../platform/storage-pindah.js';

const JENIS: readonly JenisStorage[] = ['local', 'postgres', 's3'];

function jenis(nama: string, nilai: string | undefined): JenisStorage {
  if (!JENIS.includes(nilai as JenisStorage)) {
    console.error(`--${nama} harus salah satu dari ${JENIS.join(', ')} (diberikan: ${nilai ?? 'kosong'}).`);
    process.exit(2);
  }
  return nilai as JenisStorage;
}

const { values } = parseArgs({
  options: { dari: { type: 'string' }, ke: { type: 'string' }, awalan: { type: 'string' } },
});
const dari = jenis('dari', values.dari);
const ke = jenis('ke', values.ke);
if (dari === ke) {
  console.error('--dari dan --ke harus berbeda.');
  process.exit(2);
}

const config = loadConfig();
let database: Database | undefined;
if (dari === 'postgres' || ke === 'postgres') {
  database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await database.migrate();
}
try {
  const db = database?.db;
  const hasil = await pindahkanBerkas(bukaStorage(dari, config, db), bukaStorage(ke, config, db), {
    awalan: values.awalan,
    lapor: (kunci, status) => {
      if (status !== 'disalin' && status !== 'dilewati') console.log(`${kunci}: ${status}`);
    },
  });
  console.log(
    `Selesai ${dari} → ${ke}: ${hasil.disalin} berkas disalin dan diperiksa SHA-256, ${hasil.dilewati} sudah sama (dilewati), ${hasil.hilang} hilang dari sumber selama pemindahan, ${hasil.gagal.length} gagal.`,
  );
  process.exitCode = hasil.gagal.length > 0 ? 1 : 0;
} finally {
  await database?.close();
}
