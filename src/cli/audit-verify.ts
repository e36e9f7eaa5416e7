/** `npm run audit:verify`: checks the hash chain of the audit log; exits 1 when it is broken. */
import { openDatabase } from '../db/client.js';
import { verifyAuditChains } from '../modules/audit/audit.verify.js';
import { loadConfig } from '../platform/config.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const reports = await verifyAuditChains(database.db);
  let ok = true;
  for (const r of reports) {
    if (r.broken) {
      ok = false;
      console.log(
        `instansi ${r.instansiId}: RUSAK pada entri #${r.broken.id} (${r.broken.reason}); ${r.checked} entri sebelumnya utuh`,
      );
    } else {
      console.log(`instansi ${r.instansiId}: utuh, ${r.checked} entri diperiksa`);
    }
  }
  if (reports.length === 0) console.log('Log audit kosong.');
  process.exitCode = ok ? 0 : 1;
} finally {
  await database.close();
}
