/**
 * Dialog kinerja (SPEC §5.4): the kinds of conversation, who answers for and closes a follow-up, and
 * the employee's rating of a coaching session (Format B.1.8 of PermenPANRB 6/2022: nine statements).
 */
export const JENIS_DIALOG = ['PERENCANAAN', 'PEMANTAUAN', 'BIMBINGAN', 'KONSELING', 'EVALUASI'] as const;
export type JenisDialog = (typeof JENIS_DIALOG)[number];

export const JENIS_DIALOG_LABEL: Record<JenisDialog, string> = {
  PERENCANAAN: 'Perencanaan',
  PEMANTAUAN: 'Pemantauan',
  BIMBINGAN: 'Bimbingan',
  KONSELING: 'Konseling',
  EVALUASI: 'Evaluasi',
};

/** The coaching sessions the employee may rate afterwards. */
export const JENIS_DIALOG_DINILAI: readonly JenisDialog[] = ['BIMBINGAN', 'KONSELING'];

/** Format B.1.8: the employee's statements about the session, in the order the scores are stored. */
export const PERNYATAAN_B18 = [
  'Saya merasa didengarkan oleh pimpinan selama dialog.',
  'Pimpinan menghargai tindakan dan upaya yang telah saya lakukan.',
  'Saya merasa bebas menyampaikan pendapat.',
  'Pandangan pimpinan didasarkan pada data dan fakta.',
  'Pimpinan bersikap positif selama dialog.',
  'Pimpinan lebih banyak bertanya daripada menggurui.',
  'Pimpinan membantu saya menemukan solusi.',
  'Saya mengetahui apa yang harus saya lakukan setelah dialog ini.',
  'Saya memahami tujuan dialog ini.',
] as const;

/** The agreement scale of each statement (SPEC gives no other; the schema stores 1–4). */
export const SKALA_B18 = [
  { skor: 1, label: 'Sangat tidak setuju' },
  { skor: 2, label: 'Tidak setuju' },
  { skor: 3, label: 'Setuju' },
  { skor: 4, label: 'Sangat setuju' },
] as const;
export const SKOR_MIN = 1;
export const SKOR_MAKS = 4;

/** The mean of the nine scores, two decimals. */
export function rataRataSkor(skor: readonly number[]): number {
  if (skor.length === 0) return 0;
  return Math.round((skor.reduce((a, b) => a + b, 0) / skor.length) * 100) / 100;
}

export type Keputusan<C extends string> = { ok: true } | { ok: false; code: C; message: string };

/** Only the employee rates, once, and only a bimbingan or konseling. */
export function bolehMenilaiDialog(
  dialog: { jenis: JenisDialog; pegawaiId: number; sudahDinilai: boolean },
  actorId: number,
): Keputusan<'FORBIDDEN' | 'DIALOG_BUKAN_BIMBINGAN' | 'DIALOG_SUDAH_DINILAI'> {
  if (actorId !== dialog.pegawaiId)
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: 'Hanya pegawai yang menjalani dialog yang dapat memberi penilaian.',
    };
  if (!JENIS_DIALOG_DINILAI.includes(dialog.jenis))
    return {
      ok: false,
      code: 'DIALOG_BUKAN_BIMBINGAN',
      message: `Dialog ${JENIS_DIALOG_LABEL[dialog.jenis].toLowerCase()} tidak dinilai; penilaian Format B.1.8 hanya untuk dialog bimbingan atau konseling.`,
    };
  if (dialog.sudahDinilai)
    return {
      ok: false,
      code: 'DIALOG_SUDAH_DINILAI',
      message: 'Dialog ini sudah Anda nilai; penilaian hanya diberikan sekali.',
    };
  return { ok: true };
}

/** Everyone in the conversation: the employee, the leader and the other participants. */
export function orangDialog(dialog: {
  pegawaiId: number;
  pimpinanId: number;
  pesertaIds: readonly number[];
}) {
  return new Set([dialog.pegawaiId, dialog.pimpinanId, ...dialog.pesertaIds]);
}

/** A follow-up is closed by whoever answers for it, or by the leader who recorded the dialog. */
export function bolehMenyelesaikan(
  tindakLanjut: { penanggungJawabId: number },
  dialog: { pimpinanId: number },
  actorId: number,
): boolean {
  return actorId === tindakLanjut.penanggungJawabId || actorId === dialog.pimpinanId;
}

/** Open and past its due date (both dates in the instansi's calendar). */
export function terlambat(tindakLanjut: { tenggat: string; selesai: boolean }, hariIni: string): boolean {
  return !tindakLanjut.selesai && tindakLanjut.tenggat < hariIni;
}

/** A dialog is recorded after it took place: its date is not after today; null when valid. */
export function periksaTanggalDialog(tanggal: string, hariIni: string): string | null {
  return tanggal > hariIni
    ? 'Tanggal dialog tidak boleh setelah hari ini; dialog kinerja dicatat setelah dilaksanakan.'
    : null;
}
