import { describe, expect, it } from 'vitest';
import { operationIdOf } from './openapi.js';

describe('operationIdOf', () => {
  it('names an operation by its method and the path after /api, parameters as By<Name>', () => {
    expect(operationIdOf('GET', '/api/v1/pegawai')).toBe('getV1Pegawai');
    expect(operationIdOf('PUT', '/api/v1/pegawai')).toBe('putV1Pegawai');
    expect(operationIdOf('DELETE', '/api/realisasi/:id/log/:logId')).toBe('deleteRealisasiByIdLogByLogId');
    expect(operationIdOf('POST', '/api/realisasi/:rhkId/:periode/log')).toBe(
      'postRealisasiByRhkIdByPeriodeLog',
    );
  });

  it('joins words of a segment split by punctuation', () => {
    expect(operationIdOf('GET', '/api/laporan/penilaian-skp.xlsx')).toBe('getLaporanPenilaianSkpXlsx');
    expect(operationIdOf('POST', '/api/dialog/tindak-lanjut/:id/selesai')).toBe(
      'postDialogTindakLanjutByIdSelesai',
    );
  });
});
