/**
 * `npm run audit:arsip -- --tahun 2024 --ke <folder>`: archives the audit log of the years up to 2024
 * (ADR 0029): per instansi a dump of its chain segment and its signed anchor, then the year
 * partitions are dropped. `npm run audit:arsip -- --periksa <folder>/<name>.arsip.json` checks one
 * dump offline against its anchor and the previous one (needs AUDIT_HMAC_KEY, not the database).
 * Exits 1 when refused or when a dump does not verify.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { ArsipDitolak, createAuditArsipService, periksaArsip } from '../modules/audit/audit-arsip.service.js';
import { auditHmacKey } from '../platform/audit-key.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';

const { values } = parseArgs({
  options: { tahun: { type: 'string' }, ke: { type: 'string' }, periksa: { type: 'string' } },
});
const config = loadConfig();
const key = auditHmacKey(config);

if (values.periksa) {
  const r = await periksaArsip(key, values.periksa);
  const masalah = [
    !r.arsipSah && 'tanda tangan jangkar arsip tidak sah (dipalsukan, diubah, atau kunci lain)',
    r.sebelumnyaSah === false && 'tanda tangan jangkar sebelumnya tidak sah',
    !r.urutanCocok && 'jangkar sebelumnya bukan milik segmen sebelum segmen ini',
    !r.sha256Cocok && 'SHA-256 berkas tidak cocok dengan jangkar (berkas diubah)',
    r.walk.broken && `rantai RUSAK pada entri #${r.walk.broken.id} (${r.walk.broken.reason})`,
    !r.walk.broken &&
      !r.ujungCocok &&
      'rantai tidak berakhir pada entri, hash dan jumlah yang dicatat jangkar',
  ].filter((m): m is string => typeof m === 'string');
  for (const m of masalah) console.log(`${values.periksa}: ${m}`);
  if (!masalah.length)
    console.log(`${values.periksa}: utuh, ${r.walk.checked} entri sampai urutan ${r.walk.last.urutan}`);
  process.exitCode = masalah.length ? 1 : 0;
} else {
  const tahun = Number(values.tahun);
  if (!Number.isInteger(tahun) || !values.ke) {
    console.error('Gunakan --tahun <tahun> --ke <folder>, atau --periksa <berkas .arsip.json>.');
    process.exit(2);
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const arsip = createAuditArsipService({ db: database.db, clock: systemClock, hmacKey: key });
    const { segmen, dilepas } = await arsip.arsipkan(tahun, values.ke);
    for (const a of segmen)
      console.log(
        `instansi ${a.instansiId}: ${a.jumlah} entri sampai urutan ${a.sampaiUrutan} diarsipkan (SHA-256 ${a.sha256})`,
      );
    console.log(`Partisi dilepas dan dihapus: ${dilepas.length ? dilepas.join(', ') : 'tidak ada'}.`);
  } catch (err) {
    if (!(err instanceof ArsipDitolak)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
