/**
 * Sends the outbox, oldest entry first, each with its idempotency key so a retry after a lost answer
 * writes nothing twice. A network failure, a server error or an expired session stops the run and
 * leaves the entries queued; a refusal (window closed, plan changed, RHK gone, invalid, the realisasi
 * changed elsewhere under a queued draft) marks only that entry as a conflict with what to do, and the
 * others go on. Success removes the entry.
 */
import { HEADER_IDEMPOTEN } from '../../../src/contracts/idempoten';
import type { LogHarianOut } from '../../../src/contracts/log-harian';
import type { RealisasiBulanOut, RealisasiOut } from '../../../src/contracts/realisasi';
import { ApiError, api, setCsrfToken } from '../api';
import {
  daftarEntri,
  type EntriAntrean,
  type EntriBaru,
  hapusEntri,
  type Konflik,
  simpanEntri,
  ubahEntri,
} from './antrean';

export interface HasilKirim {
  terkirim: number;
  konflik: number;
  /** Why the run stopped early, when it did (entries stay queued). */
  berhenti?: string;
}

const BUANG_LALU_CATAT = 'Buang entri ini, lalu catat ulang di Realisasi Saya bila masih perlu.';

/** The explanation and the advice of a refusal, per error code. */
export function konflikDari(e: ApiError): Konflik {
  const k = (saran: string, pesan = e.message): Konflik => ({ kode: e.code, pesan, saran });
  switch (e.code) {
    case 'WINDOW_CLOSED':
      return k(
        'Minta admin kepegawaian membuka jendela untuk Anda (Bukaan jendela), lalu tekan "Coba lagi"; atau buang entri ini.',
        `Jendela jadwal sudah ditutup sementara entri ini menunggu. ${e.message}`,
      );
    case 'REALISASI_NOT_EDITABLE':
    case 'REALISASI_INVALID_TRANSITION':
      return k(
        'Buang entri ini; bila masih perlu dicatat, minta pejabat penilai mengembalikan realisasi untuk perbaikan.',
        `Realisasi sudah diajukan atau dinilai. ${e.message}`,
      );
    case 'SKP_BELUM_DISETUJUI':
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      return k(
        BUANG_LALU_CATAT,
        `Rencana kinerja berubah: RHK ini tidak lagi ada pada SKP yang berlaku. ${e.message}`,
      );
    case 'VERSION_CONFLICT':
      return k(
        'Buka Realisasi Saya dan bandingkan dengan isian entri ini; simpan ulang yang masih perlu, lalu buang entri ini.',
        `Realisasi sudah diubah di tempat lain sementara entri ini menunggu. ${e.message}`,
      );
    case 'BERKAS_PENUH':
      return k('Hapus salah satu berkas di Realisasi Saya, lalu tekan "Coba lagi"; atau buang foto ini.');
    default:
      return k(BUANG_LALU_CATAT);
  }
}

/** The answer's realisasi version, for the entries of the same RHK queued after this one. */
async function kirimSatu(e: EntriAntrean): Promise<number | undefined> {
  const headers = { [HEADER_IDEMPOTEN]: e.kunci };
  const rhk = `/api/realisasi/${e.rhkId}/${encodeURIComponent(e.periode)}`;
  if (e.jenis === 'LOG')
    return (await api<LogHarianOut>(`${rhk}/log`, { method: 'POST', body: e.isi, headers })).version;
  if (e.jenis === 'DRAF')
    return (await api<RealisasiOut>(rhk, { method: 'PUT', body: e.isi, headers })).version;
  // The server reads the description before the file.
  const form = new FormData();
  form.append('deskripsi', e.deskripsi);
  form.append('file', e.berkas, e.namaBerkas);
  await api(`/api/realisasi/${e.realisasiId}/berkas`, { method: 'POST', form, headers });
  return undefined;
}

/** The realisasi's version now: a log entry recorded offline carries the one read before. */
async function versiSekarang(e: EntriAntrean): Promise<number | undefined> {
  const bulan = await api<RealisasiBulanOut>(`/api/realisasi?periode=${encodeURIComponent(e.periode)}`);
  return bulan.items.find((i) => i.rhk.id === e.rhkId)?.realisasi?.version;
}

/** Whether the failure leaves the entry waiting (no answer, or an answer about the server or session). */
const tungguLagi = (err: ApiError) =>
  err.status === 0 ||
  err.status >= 500 ||
  err.status === 401 ||
  err.status === 429 ||
  err.code === 'IDEMPOTENSI_DIPROSES';

async function coba(e: EntriAntrean): Promise<'OK' | ApiError> {
  for (let percobaan = 0; ; percobaan++) {
    try {
      const version = await kirimSatu(e);
      // Later entries of the same RHK go with the version this one left (their own earlier change).
      if (version !== undefined) await teruskanVersi(e, version);
      return 'OK';
    } catch (err) {
      if (!(err instanceof ApiError)) return new ApiError(0, 'NETWORK', String(err));
      if (percobaan > 0) return err;
      if (err.code === 'CSRF_INVALID') setCsrfToken(null);
      else if (e.jenis === 'LOG' && err.code === 'VERSION_CONFLICT') {
        // Adding an entry changes nothing already there, so it may go on top of the newer version.
        const version = await versiSekarang(e);
        e = { ...e, isi: { ...e.isi, version } };
      } else return err;
    }
  }
}

async function teruskanVersi(dari: EntriAntrean, version: number) {
  for (const e of await daftarEntri(dari.pegawaiId))
    if (
      e.jenis !== 'BERKAS' &&
      e.kunci !== dari.kunci &&
      e.rhkId === dari.rhkId &&
      e.periode === dari.periode
    )
      await ubahEntri(e.kunci, (x) => {
        if (x.jenis === 'LOG') return { ...x, isi: { ...x.isi, version } };
        if (x.jenis === 'DRAF') return { ...x, isi: { ...x.isi, version } };
        return x;
      });
}

async function jalankan(pegawaiId: number): Promise<HasilKirim> {
  const hasil: HasilKirim = { terkirim: 0, konflik: 0 };
  for (const awal of await daftarEntri(pegawaiId)) {
    if (awal.status !== 'MENUNGGU') continue;
    // Re-read: an earlier send may have moved this entry's version on.
    const e = (await daftarEntri(pegawaiId)).find((x) => x.kunci === awal.kunci);
    if (!e) continue;
    const r = await coba(e);
    if (r === 'OK') {
      await hapusEntri(e.kunci);
      hasil.terkirim++;
    } else if (tungguLagi(r)) {
      hasil.berhenti =
        r.status === 401 ? 'Sesi berakhir. Masuk lagi untuk mengirim entri yang menunggu.' : r.message;
      break;
    } else {
      await ubahEntri(e.kunci, (x) => ({ ...x, status: 'KONFLIK', konflik: konflikDari(r) }));
      hasil.konflik++;
    }
  }
  return hasil;
}

let berjalan: Promise<HasilKirim> | null = null;

/** Sends the employee's waiting entries; a call while a run is going joins that run. */
export function kirimAntrean(pegawaiId: number): Promise<HasilKirim> {
  berjalan ??= jalankan(pegawaiId).finally(() => {
    berjalan = null;
  });
  return berjalan;
}

/** "Coba lagi" on a conflict: the entry waits again and goes with the next run. */
export const cobaLagi = (kunci: string) =>
  ubahEntri(kunci, (x) => ({ ...x, status: 'MENUNGGU', konflik: undefined }));

/** The employee sees the same sentence wherever an entry went to the outbox. */
export const DISIMPAN_DI_PERANGKAT = 'Disimpan di perangkat dan dikirim saat koneksi kembali.';

/**
 * A write that must not be lost: sent now when online; without a connection, or when it drops while
 * sending, the entry goes to the outbox under the same idempotency key (if the server did get the
 * first try, the queued copy adds nothing).
 */
export async function kirimAtauAntrekan<T>(
  daring: boolean,
  kirim: () => Promise<T>,
  entri: EntriBaru,
): Promise<T | 'ANTRE'> {
  if (daring) {
    try {
      return await kirim();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 0)) throw e;
    }
  }
  await simpanEntri(entri);
  return 'ANTRE';
}
