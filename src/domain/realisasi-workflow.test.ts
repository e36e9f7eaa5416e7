import { describe, expect, it } from 'vitest';
import {
  bolehTetapkanPredikat,
  editWindow,
  isEditableByPegawai,
  type RealisasiTransition,
  requiredWindows,
  STATUS_REALISASI,
  type StatusRealisasi,
  transition,
} from './realisasi-workflow.js';

const submit: RealisasiTransition = { kind: 'submit' };
const accept: RealisasiTransition = { kind: 'accept' };
const correct: RealisasiTransition = {
  kind: 'requestCorrection',
  arahan: 'Lampirkan daftar hadir rapat sebagai bukti dukung.',
};
const resubmit: RealisasiTransition = { kind: 'resubmit' };
const ALL = [submit, accept, correct, resubmit];

const ALLOWED: [StatusRealisasi, RealisasiTransition, StatusRealisasi][] = [
  ['DRAFT', submit, 'DIAJUKAN'],
  ['DIAJUKAN', accept, 'DITERIMA'],
  ['DIAJUKAN', correct, 'PERLU_PERBAIKAN'],
  ['PERLU_PERBAIKAN', resubmit, 'DIPERBAIKI'],
  ['DIPERBAIKI', accept, 'DITERIMA'],
  ['DIPERBAIKI', correct, 'PERLU_PERBAIKAN'],
];

describe('realisasi workflow (SPEC §5.3)', () => {
  it.each(ALLOWED)('allows %s --%o--> %s', (from, t, to) => {
    expect(transition(from, t)).toEqual({ ok: true, status: to });
  });

  const refused = STATUS_REALISASI.flatMap((from) =>
    ALL.filter((t) => !ALLOWED.some(([f, a]) => f === from && a === t)).map((t) => [from, t] as const),
  );

  it('every other pair is refused (14 of 20)', () => {
    expect(refused).toHaveLength(14);
  });

  it.each(refused)('refuses %s with %o', (from, t) => {
    const r = transition(from, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('REALISASI_INVALID_TRANSITION');
  });

  it.each([
    ['DITERIMA', accept, 'Hanya realisasi yang diajukan atau sudah diperbaiki yang dapat diterima.'],
    ['DIAJUKAN', submit, 'Hanya realisasi berstatus Draf yang dapat diajukan.'],
    ['DIPERBAIKI', resubmit, 'Hanya realisasi yang perlu perbaikan yang dapat diajukan kembali.'],
    ['DRAFT', correct, 'Hanya realisasi yang diajukan atau sudah diperbaiki yang dapat diminta perbaikan.'],
  ] as [StatusRealisasi, RealisasiTransition, string][])(
    'refusing %s with %o says why',
    (from, t, message) => {
      expect(transition(from, t)).toEqual({ ok: false, code: 'REALISASI_INVALID_TRANSITION', message });
    },
  );

  it.each(['', '  ', 'ok', ' a  '])(
    'a correction needs a direction of at least 3 characters (%j)',
    (arahan) => {
      expect(transition('DIAJUKAN', { kind: 'requestCorrection', arahan })).toEqual({
        ok: false,
        code: 'ARAHAN_REQUIRED',
        message: 'Arahan perbaikan wajib diisi.',
      });
    },
  );

  it('three characters are enough', () => {
    expect(transition('DIPERBAIKI', { kind: 'requestCorrection', arahan: 'Ulg' })).toEqual({
      ok: true,
      status: 'PERLU_PERBAIKAN',
    });
  });

  it('rounds repeat until accepted', () => {
    let status: StatusRealisasi = 'DRAFT';
    for (const t of [submit, correct, resubmit, correct, resubmit, accept]) {
      const r = transition(status, t);
      if (!r.ok) throw new Error(r.message);
      status = r.status;
    }
    expect(status).toBe('DITERIMA');
  });

  it('the employee edits only a draft (in the input window) or a returned item (in the correction window)', () => {
    expect(STATUS_REALISASI.map((s) => [s, isEditableByPegawai(s), editWindow(s)])).toEqual([
      ['DRAFT', true, 'INPUT'],
      ['DIAJUKAN', false, null],
      ['DITERIMA', false, null],
      ['PERLU_PERBAIKAN', true, 'PERBAIKAN'],
      ['DIPERBAIKI', false, null],
    ]);
  });

  it.each([
    ['DRAFT', submit, ['INPUT']],
    ['DIAJUKAN', accept, ['PENILAIAN']],
    ['DIAJUKAN', correct, ['PENILAIAN']],
    ['PERLU_PERBAIKAN', resubmit, ['PERBAIKAN']],
    ['DIPERBAIKI', accept, ['PENILAIAN', 'PERBAIKAN']],
    ['DIPERBAIKI', correct, ['PENILAIAN', 'PERBAIKAN']],
  ] as [StatusRealisasi, RealisasiTransition, string[]][])(
    '%s --%o--> needs one of %j',
    (from, t, windows) => {
      expect(requiredWindows(from, t.kind)).toEqual(windows);
    },
  );
});

describe('bolehTetapkanPredikat: no predikat while a correction round is open', () => {
  const item = (status: StatusRealisasi, rencana = `RHK ${status}`) => ({ status, rencana });

  it.each([
    [[], true],
    [[item('DITERIMA')], true],
    [[item('DRAFT'), item('DIAJUKAN'), item('DITERIMA')], true],
    [[item('DITERIMA'), item('PERLU_PERBAIKAN')], false],
    [[item('DIPERBAIKI')], false],
  ] as const)('%j → %s', (items, ok) => {
    expect(bolehTetapkanPredikat(items).ok).toBe(ok);
  });

  it('names every waiting RHK with its status', () => {
    expect(
      bolehTetapkanPredikat([
        item('DITERIMA', 'Terhimpunnya data'),
        item('PERLU_PERBAIKAN', 'Tersusunnya laporan'),
        item('DIPERBAIKI', 'Terlaksananya supervisi'),
      ]),
    ).toEqual({
      ok: false,
      rhk: ['Tersusunnya laporan', 'Terlaksananya supervisi'],
      pesan:
        'Predikat periode ini belum dapat ditetapkan: RHK "Tersusunnya laporan" (Perlu Perbaikan), "Terlaksananya supervisi" (Diperbaiki) masih menunggu perbaikan atau penilaian ulang.',
    });
  });
});
