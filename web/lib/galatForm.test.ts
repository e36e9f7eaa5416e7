import { describe, expect, it } from 'vitest';
import { galatField, pesanGalat } from './galatForm';

const apiError = (code: string, message: string, details?: unknown) =>
  Object.assign(new Error(message), { status: 400, code, details });

describe('galatField: server errors at their form fields', () => {
  it.each([
    [
      'Zod errors by body path, the first per field',
      apiError('VALIDATION_FAILED', 'Data tidak valid.', [
        { field: 'body.alasan', message: 'Alasan wajib diisi (minimal 3 karakter).' },
        { field: 'body.alasan', message: 'kedua' },
        { field: 'body.pegawaiId', message: 'Pilih tepat satu sasaran bukaan.' },
      ]),
      {
        fields: {
          alasan: 'Alasan wajib diisi (minimal 3 karakter).',
          pegawaiId: 'Pilih tepat satu sasaran bukaan.',
        },
        umum: null,
      },
    ],
    [
      "a service error naming its field carries the error's message",
      apiError('VALIDATION_FAILED', 'Waktu berakhir bukaan harus setelah saat ini.', {
        field: 'berakhir',
      }),
      { fields: { berakhir: 'Waktu berakhir bukaan harus setelah saat ini.' }, umum: null },
    ],
    [
      'an error naming no field stays above the form',
      apiError('FORBIDDEN', 'Anda tidak berwenang.'),
      { fields: {}, umum: 'Anda tidak berwenang.' },
    ],
    ['anything else', new Error('x'), { fields: {}, umum: 'Gagal menyimpan.' }],
  ])('%s', (_, error, expected) => {
    expect(galatField(error)).toEqual(expected);
  });
});

describe('galatField: API names renamed to the form’s', () => {
  it('puts an error of `berakhir` on the form’s `sampai` field, both shapes', () => {
    const zod = apiError('VALIDATION_FAILED', 'Data tidak valid.', [
      { field: 'body.berakhir', message: 'Pilih tanggal.' },
      { field: 'body.alasan', message: 'Alasan wajib diisi.' },
    ]);
    expect(galatField(zod, { berakhir: 'sampai' }).fields).toEqual({
      sampai: 'Pilih tanggal.',
      alasan: 'Alasan wajib diisi.',
    });
    const layanan = apiError('BAD_REQUEST', 'Pegawai sudah menduduki jabatan tersebut.', {
      field: 'jabatanId',
    });
    expect(galatField(layanan, { jabatanId: 'jabatan' })).toEqual({
      fields: { jabatan: 'Pegawai sudah menduduki jabatan tersebut.' },
      umum: null,
    });
  });
});

describe("pesanGalat: a failed write in the user's words", () => {
  it('gives the validation messages, never the API path the server names for clients', () => {
    const e = apiError(
      'VALIDATION_FAILED',
      'Data yang dikirim tidak valid. body.jendela.penilaian.mulai: Tanggal 1–31.',
      [
        { field: 'body.jendela.penilaian.mulai', message: 'Tanggal 1–31.' },
        { field: 'body.jendela.penilaian.akhir', message: 'Tanggal 1–31.' },
      ],
    );
    expect(pesanGalat(e)).toBe('Periksa isian: Tanggal 1–31.');
  });
  it('keeps a service message as it is', () => {
    expect(pesanGalat(apiError('BAD_REQUEST', 'Jendela penilaian harus dimulai setelah pengisian.'))).toBe(
      'Jendela penilaian harus dimulai setelah pengisian.',
    );
  });
});

describe('galatField: nested list fields at their own row', () => {
  const e = apiError('VALIDATION_FAILED', 'Data tidak valid.', [
    { field: 'body.rhk.2.iki.0.target.satuan', message: 'Satuan terlalu panjang.' },
    { field: 'body.rhk.2.rencana', message: 'Rencana hasil kerja wajib diisi.' },
  ]);
  it('keeps the full path, and each enclosing path for an input editing a whole row or list', () => {
    expect(galatField(e).fields).toEqual({
      'rhk.2.iki.0.target.satuan': 'Satuan terlalu panjang.',
      'rhk.2.iki.0.target': 'Satuan terlalu panjang.',
      'rhk.2.iki.0': 'Satuan terlalu panjang.',
      'rhk.2.iki': 'Satuan terlalu panjang.',
      'rhk.2.rencana': 'Rencana hasil kerja wajib diisi.',
      'rhk.2': 'Satuan terlalu panjang.',
      rhk: 'Satuan terlalu panjang.',
    });
  });
  it('renames by the longest renamed prefix', () => {
    const fields = galatField(e, { rhk: 'hasil', 'rhk.2.iki.0.target': 'ukuran' }).fields;
    expect(fields['ukuran.satuan']).toBe('Satuan terlalu panjang.');
    expect(fields['hasil.2.rencana']).toBe('Rencana hasil kerja wajib diisi.');
    expect(fields.hasil).toBe('Satuan terlalu panjang.');
  });
});
