/**
 * The offline outbox (ADR 0010): each write recorded without a connection is kept in IndexedDB with
 * the idempotency key it will be sent with, until the server confirms it. An entry belongs to the
 * employee who recorded it; logging out empties the outbox (after a warning) with the data cache.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { TambahLogBody } from '../../../src/contracts/log-harian';
import type { SimpanRealisasiBody } from '../../../src/contracts/realisasi';

/** What the server said when it refused the entry, and what the employee can do about it. */
export interface Konflik {
  kode: string;
  pesan: string;
  saran: string;
}

interface EntriDasar {
  /** The Idempotency-Key, made once when the entry is recorded. */
  kunci: string;
  pegawaiId: number;
  /** ms since the epoch; entries are sent in this order. */
  dibuat: number;
  /** One line that names the entry in the queue panel. */
  judul: string;
  rhkId: number;
  periode: string;
  status: 'MENUNGGU' | 'KONFLIK';
  konflik?: Konflik;
}

export interface EntriLog extends EntriDasar {
  jenis: 'LOG';
  isi: z.input<typeof TambahLogBody>;
}

export interface EntriBerkas extends EntriDasar {
  jenis: 'BERKAS';
  realisasiId: number;
  deskripsi: string;
  berkas: Blob;
  namaBerkas: string;
}

/** A draft save of one RHK's realisasi (replaces its content, so a changed version is a conflict). */
export interface EntriDraf extends EntriDasar {
  jenis: 'DRAF';
  isi: z.input<typeof SimpanRealisasiBody>;
}

export type EntriAntrean = EntriLog | EntriBerkas | EntriDraf;

/** A new entry: the outbox stamps the time and the waiting status. */
export type EntriBaru =
  | Omit<EntriLog, 'dibuat' | 'status'>
  | Omit<EntriBerkas, 'dibuat' | 'status'>
  | Omit<EntriDraf, 'dibuat' | 'status'>;

interface Skema extends DBSchema {
  antrean: { key: string; value: EntriAntrean };
}

let dbJanji: Promise<IDBPDatabase<Skema>> | null = null;
const buka = () => {
  dbJanji ??= openDB<Skema>('ekinerja-luring', 1, {
    upgrade(db) {
      db.createObjectStore('antrean', { keyPath: 'kunci' });
    },
  });
  return dbJanji;
};

const pendengar = new Set<() => void>();
const beritahu = () => {
  for (const f of pendengar) f();
};

export async function simpanEntri(e: EntriBaru) {
  await (await buka()).put('antrean', { ...e, dibuat: Date.now(), status: 'MENUNGGU' } as EntriAntrean);
  beritahu();
}

/** The employee's entries, oldest first. */
export async function daftarEntri(pegawaiId: number): Promise<EntriAntrean[]> {
  const semua = await (await buka()).getAll('antrean');
  return semua.filter((e) => e.pegawaiId === pegawaiId).sort((a, b) => a.dibuat - b.dibuat);
}

export async function ubahEntri(kunci: string, ubah: (e: EntriAntrean) => EntriAntrean) {
  const db = await buka();
  const tx = db.transaction('antrean', 'readwrite');
  const e = await tx.store.get(kunci);
  if (e) await tx.store.put(ubah(e));
  await tx.done;
  beritahu();
}

export async function hapusEntri(kunci: string) {
  await (await buka()).delete('antrean', kunci);
  beritahu();
}

/** Logging out: nothing of this employee stays on the device. */
export async function kosongkanAntrean() {
  await (await buka()).clear('antrean');
  beritahu();
}

/** The employee's entries, kept current while the component is mounted. */
export function useAntrean(pegawaiId: number | null | undefined): EntriAntrean[] {
  const [entri, setEntri] = useState<EntriAntrean[]>([]);
  useEffect(() => {
    if (!pegawaiId) {
      setEntri([]);
      return;
    }
    let aktif = true;
    const muat = () =>
      daftarEntri(pegawaiId).then(
        (d) => aktif && setEntri(d),
        () => undefined,
      );
    pendengar.add(muat);
    muat();
    return () => {
      aktif = false;
      pendengar.delete(muat);
    };
  }, [pegawaiId]);
  return entri;
}
