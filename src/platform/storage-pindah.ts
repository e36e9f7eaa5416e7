/**
 * Moving files from one storage backend to another (ADR 0023, `npm run storage:pindah`): every key
 * streamed across, then read back from the target and its SHA-256 compared with what left the
 * source. A key the target already holds byte for byte is skipped, so a run that stopped midway is
 * simply run again. The source is left as it was: it is the fallback until STORAGE is switched.
 */
import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import type { Storage } from './storage.js';

export interface HasilPindah {
  disalin: number;
  /** Already identical in the target. */
  dilewati: number;
  /** Gone from the source between listing and reading (deleted meanwhile). */
  hilang: number;
  gagal: { kunci: string; alasan: string }[];
}

async function sha256Dari(stream: Readable): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of stream) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The source's bytes passing through unchanged while their SHA-256 is computed. */
function penghitung() {
  const h = createHash('sha256');
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      h.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, digest: () => h.digest('hex') };
}

/** One key: skipped, copied and verified, or why not. */
async function pindahSatu(
  dari: Storage,
  ke: Storage,
  kunci: string,
): Promise<'disalin' | 'dilewati' | 'hilang'> {
  const tujuan = await ke.openStream(kunci);
  if (tujuan) {
    const diTujuan = await sha256Dari(tujuan);
    const asal = await dari.openStream(kunci);
    if (!asal) return 'hilang';
    if ((await sha256Dari(asal)) === diTujuan) return 'dilewati';
  }
  const asal = await dari.openStream(kunci);
  if (!asal) return 'hilang';
  const hitung = penghitung();
  asal.on('error', (err) => hitung.stream.destroy(err));
  await ke.putStream(kunci, asal.pipe(hitung.stream));
  const dibaca = await ke.openStream(kunci);
  const sumber = hitung.digest();
  const terbaca = dibaca ? await sha256Dari(dibaca) : 'tidak ada';
  if (terbaca !== sumber) throw new Error(`SHA-256 berbeda: sumber ${sumber}, tujuan ${terbaca}`);
  return 'disalin';
}

export async function pindahkanBerkas(
  dari: Storage,
  ke: Storage,
  opsi: { awalan?: string; lapor?: (kunci: string, hasil: string) => void } = {},
): Promise<HasilPindah> {
  const hasil: HasilPindah = { disalin: 0, dilewati: 0, hilang: 0, gagal: [] };
  for await (const kunci of dari.list(opsi.awalan)) {
    try {
      const status = await pindahSatu(dari, ke, kunci);
      hasil[status]++;
      opsi.lapor?.(kunci, status);
    } catch (err) {
      const alasan = err instanceof Error ? err.message : String(err);
      hasil.gagal.push({ kunci, alasan });
      opsi.lapor?.(kunci, `GAGAL: ${alasan}`);
    }
  }
  return hasil;
}
