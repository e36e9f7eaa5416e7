/**
 * `npm run audit:verify`: checks the hash chain of the audit log against itself and its signed
 * checkpoints, then checkpoints the heads as they are now; exits 1 when anything does not verify.
 */
import { openDatabase } from '../db/client.js';
import type { ChainReport } from '../modules/audit/audit.verify.js';
import { createAuditCheckpointService } from '../modules/audit/audit-checkpoint.service.js';
import { auditHmacKey } from '../platform/audit-key.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';

/** The report's lines for one instansi; none means intact. */
function problems(r: ChainReport): string[] {
  const lines: string[] = [];
  if (r.broken)
    lines.push(`RUSAK pada entri #${r.broken.id} (${r.broken.reason}); ${r.checked} entri sebelumnya utuh`);
  if (r.arsipForged.length)
    lines.push(
      `tanda tangan jangkar arsip tidak sah (dipalsukan atau kunci lain): #${r.arsipForged.join(', #')}`,
    );
  if (r.forged.length)
    lines.push(`tanda tangan titik periksa tidak sah (dipalsukan atau kunci lain): #${r.forged.join(', #')}`);
  const a = r.anchor;
  if (a?.reason === 'removed')
    lines.push(
      `ENTRI TERAKHIR DIHAPUS: titik periksa #${a.checkpointId} (${a.at}) mencatat ${a.entryCount} entri sampai #${a.lastId}; entri itu tidak ada lagi di tempatnya (rantai kini memuat ${a.found} entri sebelum tempat itu)`,
    );
  if (a?.reason === 'hash')
    lines.push(
      `RANTAI DITULIS ULANG: entri #${a.lastId} tidak cocok dengan titik periksa #${a.checkpointId} (${a.at})`,
    );
  return lines;
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const audit = createAuditCheckpointService({
    db: database.db,
    clock: systemClock,
    hmacKey: auditHmacKey(config),
    log: { info: (obj, msg) => dicatat.push(`${msg}: ${JSON.stringify(obj)}`) },
  });
  const dicatat: string[] = [];
  const { reports } = await audit.verify();
  let ok = true;
  for (const r of reports) {
    const lines = problems(r);
    if (lines.length) ok = false;
    else
      console.log(
        `instansi ${r.instansiId}: utuh, ${r.checked} entri diperiksa${r.arsip ? ` setelah arsip sampai urutan ${r.arsip}` : ''}, cocok dengan ${r.checkpoints} titik periksa`,
      );
    for (const line of lines) console.log(`instansi ${r.instansiId}: ${line}`);
    if (r.unchained > 0)
      console.log(
        `instansi ${r.instansiId}: ${r.unchained} entri baru ditulis selama pemeriksaan, belum dirantai`,
      );
  }
  if (reports.length === 0) console.log('Log audit kosong.');
  for (const line of dicatat) console.log(line);
  process.exitCode = ok ? 0 : 1;
} finally {
  await database.close();
}
