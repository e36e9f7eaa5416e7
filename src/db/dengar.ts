/**
 * LISTEN on one channel of PostgreSQL over a connection of its own (a pooled one would be handed to
 * queries): payloads go to `pesan`, and `keadaan` says whether the node hears the channel. A lost
 * connection says false at once and is opened again, with a growing pause; what was sent meanwhile
 * is lost, which is why a listener treats "false, then true" as "forget everything".
 */
import pg from 'pg';

export interface Pendengar {
  pesan(isi: string): void;
  keadaan(mendengar: boolean): void;
}

/** Stops listening; resolves once the connection is closed. */
export type BerhentiDengar = () => Promise<void>;

const JEDA_AWAL_MS = 250;
const JEDA_MAKS_MS = 10_000;

export function dengarPostgres(url: string, kanal: string, p: Pendengar): BerhentiDengar {
  let client: pg.Client | null = null;
  let berhenti = false;
  let jeda = JEDA_AWAL_MS;
  let timer: NodeJS.Timeout | null = null;

  const putus = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    p.keadaan(false);
    c.end().catch(() => {});
    if (!berhenti) {
      timer = setTimeout(sambung, jeda);
      jeda = Math.min(jeda * 2, JEDA_MAKS_MS);
    }
  };

  async function sambung() {
    timer = null;
    const c = new pg.Client({ connectionString: url, application_name: `dengar:${kanal}` });
    client = c;
    c.on('error', () => putus(c));
    c.on('end', () => putus(c));
    c.on('notification', (n) => {
      if (n.channel === kanal) p.pesan(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(kanal)}`);
      if (client !== c || berhenti) return;
      jeda = JEDA_AWAL_MS;
      p.keadaan(true);
    } catch {
      putus(c);
    }
  }

  void sambung();
  return async () => {
    berhenti = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    if (c) await c.end().catch(() => {});
  };
}
