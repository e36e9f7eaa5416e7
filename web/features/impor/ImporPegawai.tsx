import { Alert, Card, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ImporResponse } from '../../../src/contracts/impor';
import { BarisSalah } from '../../components/BarisSalah';
import { ImporBerkas } from '../../components/ImporBerkas';
import { useImporBerkas } from '../../lib/impor';

export function ImporPegawai() {
  const imp = useImporBerkas<ImporResponse>('/api/impor/pegawai', {
    onCommit: () => {
      notifications.show({ color: 'teal', message: 'Impor diterapkan.' });
    },
    bagian: 'pegawai',
    fromRefusal: (details) => details as ImporResponse,
  });
  const { report, error } = imp;

  return (
    <Stack component="section" aria-label="Impor data pegawai">
      <Card withBorder>
        <Stack>
          <Text size="sm">
            Kolom: <b>NIP, Nama, Jenis ASN, Golongan, Jabatan, Unor</b>; opsional Gelar Depan, Gelar Belakang,
            Jenis Jabatan, Jenjang, NIP Atasan. Isi NIP sebagai teks. Uji dulu: tidak ada yang disimpan sampai
            Anda menerapkan, dan penerapan berlaku semuanya atau tidak sama sekali.
          </Text>
          <ImporBerkas imp={imp} label="Berkas CSV atau XLSX" />
        </Stack>
      </Card>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {report && (
        <Card withBorder>
          <Text fw={600}>
            {report.jumlahBaris} baris, {report.barisValid} valid, {report.kesalahan.length} salah
          </Text>
          {report.diterapkan && (
            <Text c="teal.8">
              Dibuat {report.diterapkan.dibuat}, diperbarui {report.diterapkan.diperbarui}, jabatan baru{' '}
              {report.diterapkan.jabatanBaru}, tidak berubah {report.diterapkan.tidakBerubah}.
            </Text>
          )}
          {report.kesalahan.length > 0 && <BarisSalah rows={report.kesalahan} />}
        </Card>
      )}
    </Stack>
  );
}
