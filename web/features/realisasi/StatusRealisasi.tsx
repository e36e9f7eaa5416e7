/** Badges of the monthly cycle: a realisasi's status and capaian, the period's predikat. */
import { Badge } from '@mantine/core';
import type { CapaianRhk, PredikatPegawai } from '../../../src/domain/predikat';
import { PREDIKAT_PEGAWAI_LABEL } from '../../../src/domain/predikat';
import { STATUS_REALISASI_LABEL, type StatusRealisasi } from '../../../src/domain/realisasi-workflow';

export const WARNA_STATUS_REALISASI: Record<StatusRealisasi, string> = {
  DRAFT: 'gray',
  DIAJUKAN: 'blue',
  DITERIMA: 'teal',
  PERLU_PERBAIKAN: 'orange',
  DIPERBAIKI: 'indigo',
};

export const CAPAIAN_LABEL: Record<CapaianRhk, string> = {
  DI_ATAS: 'Di atas ekspektasi',
  SESUAI: 'Sesuai ekspektasi',
  DI_BAWAH: 'Di bawah ekspektasi',
};

const WARNA_CAPAIAN: Record<CapaianRhk, string> = { DI_ATAS: 'teal', SESUAI: 'blue', DI_BAWAH: 'red' };

const WARNA_PREDIKAT: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: 'teal',
  BAIK: 'green',
  BUTUH_PERBAIKAN: 'yellow',
  KURANG: 'orange',
  SANGAT_KURANG: 'red',
};

export const BELUM_DIISI = 'Belum diisi';

export function StatusRealisasiBadge({ status }: { status: StatusRealisasi | null }) {
  if (!status)
    return (
      <Badge color="gray" variant="outline">
        {BELUM_DIISI}
      </Badge>
    );
  return (
    <Badge color={WARNA_STATUS_REALISASI[status]} variant="light">
      {STATUS_REALISASI_LABEL[status]}
    </Badge>
  );
}

export function CapaianBadge({ capaian }: { capaian: CapaianRhk }) {
  return (
    <Badge color={WARNA_CAPAIAN[capaian]} variant="outline">
      {CAPAIAN_LABEL[capaian]}
    </Badge>
  );
}

export function PredikatBadge({ predikat }: { predikat: PredikatPegawai }) {
  return (
    <Badge
      color={WARNA_PREDIKAT[predikat]}
      variant="filled"
      aria-label={`Predikat ${PREDIKAT_PEGAWAI_LABEL[predikat]}`}
    >
      {PREDIKAT_PEGAWAI_LABEL[predikat]}
    </Badge>
  );
}
