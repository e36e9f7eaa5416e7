/**
 * Attendance import (BKD, OPD admins): download the template, test a file (every bad row with its
 * reasons, nothing stored), then store it all or nothing; a day already stored is replaced.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { HasilImporKehadiran } from '../../../src/contracts/kehadiran';
import { STATUS_KEHADIRAN, STATUS_KEHADIRAN_LABEL } from '../../../src/domain/kehadiran';
import { BarisSalah } from '../../components/BarisSalah';
import { ImporBerkas } from '../../components/ImporBerkas';
import { useImporBerkas } from '../../lib/impor';
import { IMPOR_URL, KEHADIRAN, TEMPLAT_URL } from './api';

export function ImporKehadiran() {
  const queryClient = useQueryClient();
  const imp = useImporBerkas<HasilImporKehadiran>(IMPOR_URL, {
    onCommit: (r) => {
      notifications.show({
        color: 'teal',
        message: `Kehadiran tersimpan: ${r.disimpan?.baru ?? 0} baru, ${r.disimpan?.diganti ?? 0} diganti.`,
      });
      return queryClient.invalidateQueries({ queryKey: KEHADIRAN });
    },
    fromRefusal: (details) => details as HasilImporKehadiran,
  });
  const { report, error } = imp;

  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <Text size="sm">
            Unggah ekspor mesin sidik jari atau aplikasi presensi (CSV atau XLSX). Kolom: <b>NIP, Tanggal</b>,
            Jam Masuk, Jam Pulang, Status (Hadir/H, DL, Cuti/C, Sakit/S, Izin/I, TK), Keterangan, dan bila ada
            Apel (Hadir/H atau Tidak Hadir/TH; kosong bila tidak ada apel/upacara). Uji dulu: tidak ada yang
            disimpan sampai Anda menerapkan, dan penerapan berlaku semuanya atau tidak sama sekali.
          </Text>
          <div>
            <Button component="a" href={TEMPLAT_URL} download variant="light" size="sm">
              Unduh templat
            </Button>
          </div>
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
          <Stack gap="xs">
            <Text fw={600}>
              {report.jumlahBaris} baris, {report.barisValid} valid, {report.kesalahan.length} salah
            </Text>
            {report.perStatus && (
              <Group gap="xs">
                {STATUS_KEHADIRAN.filter((s) => report.perStatus?.[s]).map((s) => (
                  <Badge key={s} variant="light">
                    {STATUS_KEHADIRAN_LABEL[s]}: {report.perStatus?.[s]}
                  </Badge>
                ))}
              </Group>
            )}
            {report.disimpan && (
              <Text c="teal.8">
                Tersimpan {report.disimpan.baru} baris baru, {report.disimpan.diganti} baris menggantikan data
                sebelumnya.
              </Text>
            )}
            {report.kesalahan.length > 0 && <BarisSalah rows={report.kesalahan} />}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
