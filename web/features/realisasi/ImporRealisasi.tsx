/**
 * Realisasi of a period from a spreadsheet: download the template (one row per RHK, filled with what
 * is stored), fill it offline, check it (every bad row), then save all changed rows as drafts or none.
 */
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { ImporRealisasiResponse } from '../../../src/contracts/realisasi-impor';
import { BarisSalah } from '../../components/BarisSalah';
import { ImporBerkas } from '../../components/ImporBerkas';
import { useImporBerkas } from '../../lib/impor';
import { segarkanRealisasi } from './api';
import { imporUrl, templatUrl } from './log-api';

export function ImporRealisasi({ periode }: { periode: string }) {
  const judulId = useId();
  const queryClient = useQueryClient();
  const imp = useImporBerkas<ImporRealisasiResponse>(imporUrl(periode), {
    onCommit: async (r) => {
      notifications.show({
        color: 'teal',
        message: r.diterapkan?.disimpan
          ? `${r.diterapkan.disimpan} realisasi tersimpan sebagai draf.`
          : 'Tidak ada perubahan; tidak ada yang disimpan.',
      });
      await segarkanRealisasi(queryClient);
    },
    fromRefusal: (details) => ({
      berubah: 0,
      diterapkan: null,
      ...(details as Omit<ImporRealisasiResponse, 'diterapkan' | 'berubah'>),
    }),
  });
  const { report, error } = imp;

  return (
    <Card withBorder component="section" aria-labelledby={judulId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={judulId}>
          Isi dari spreadsheet
        </Title>
        <Text size="sm">
          Unduh templat (satu baris per RHK, sudah terisi data tersimpan), isi kolom Rencana Aksi sampai
          Deskripsi tautan, lalu unggah. Periksa dulu: tidak ada yang disimpan sampai Anda menekan Simpan, dan
          penyimpanan berlaku untuk semua baris atau tidak sama sekali. Semua tersimpan sebagai draf;
          pengajuan tetap dari halaman ini.
        </Text>
        <div>
          <Button component="a" href={templatUrl(periode)} download variant="light" size="sm">
            Unduh templat
          </Button>
        </div>
        <ImporBerkas
          imp={imp}
          label="Berkas templat yang sudah diisi (XLSX atau CSV)"
          accept=".xlsx,.csv"
          tombol={['Periksa', 'Simpan']}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {report && (
          <div aria-live="polite">
            <Text fw={600} size="sm">
              {report.jumlahBaris} baris, {report.kesalahan.length} salah
            </Text>
            {report.mode === 'dry-run' && report.kesalahan.length === 0 && (
              <Text c="teal.8" size="sm">
                {report.berubah > 0
                  ? `Semua baris valid; ${report.berubah} realisasi akan disimpan sebagai draf. Tekan Simpan.`
                  : 'Semua baris valid, tetapi tidak ada yang berubah.'}
              </Text>
            )}
            {report.diterapkan && (
              <Text c="teal.8" size="sm">
                Tersimpan: {report.diterapkan.disimpan} realisasi; {report.diterapkan.tidakBerubah} baris
                tidak berubah.
              </Text>
            )}
            {report.kesalahan.length > 0 && <BarisSalah rows={report.kesalahan} />}
          </div>
        )}
      </Stack>
    </Card>
  );
}
