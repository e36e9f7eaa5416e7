/** Perjanjian Kinerja from a spreadsheet: check first (dry run, every bad row), then save all or nothing. */
import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { PkImporResponse } from '../../../src/contracts/pk';
import { BarisSalah } from '../../components/BarisSalah';
import { ImporBerkas } from '../../components/ImporBerkas';
import { useImporBerkas } from '../../lib/impor';

export function ImporPerjanjianKinerja() {
  const queryClient = useQueryClient();
  const imp = useImporBerkas<PkImporResponse>('/api/perjanjian-kinerja/impor', {
    onCommit: async () => {
      notifications.show({ color: 'teal', message: 'Perjanjian kinerja dari berkas tersimpan.' });
      await queryClient.invalidateQueries({ queryKey: ['pk'] });
    },
    fromRefusal: (details) => ({ diterapkan: null, ...(details as Omit<PkImporResponse, 'diterapkan'>) }),
  });
  const { report, error } = imp;

  return (
    <Card withBorder component="section" aria-labelledby="judul-impor-pk">
      <Stack>
        <Title order={3} size="h4" id="judul-impor-pk">
          Impor dari spreadsheet
        </Title>
        <Text size="sm">
          Kolom: <b>Kode Unor</b> (atau <b>Unor</b>, nama persis), <b>Tahun, Sasaran, Indikator</b>, Target
          (angka, boleh kosong), Satuan, dan opsional Target Teks. Baris dengan unor dan tahun yang sama
          menjadi satu perjanjian kinerja yang menggantikan perjanjian unit itu untuk tahun tersebut. Periksa
          dulu: tidak ada yang disimpan sampai Anda menekan Simpan, dan penyimpanan berlaku semuanya atau
          tidak sama sekali.
        </Text>
        <ImporBerkas imp={imp} label="Berkas CSV atau XLSX" tombol={['Periksa', 'Simpan']} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {report && (
          <div>
            <Text fw={600}>
              {report.jumlahBaris} baris, {report.kesalahan.length} salah
            </Text>
            {report.mode === 'dry-run' && report.kesalahan.length === 0 && (
              <Text c="teal.8" size="sm">
                Semua baris valid. Tekan Simpan untuk menerapkan.
              </Text>
            )}
            {report.diterapkan && (
              <Text c="teal.8" size="sm">
                Tersimpan: {report.diterapkan.unit} perjanjian kinerja, {report.diterapkan.sasaran} sasaran.
              </Text>
            )}
            {report.kesalahan.length > 0 && <BarisSalah rows={report.kesalahan} />}
          </div>
        )}
      </Stack>
    </Card>
  );
}
