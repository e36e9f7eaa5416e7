/**
 * One employee's year: RHK rows × period columns (realisasi, status, capaian, rounds, feedback) and
 * the predikat row, and the year's final predikat, each naming an imported result's source; the table scrolls sideways on phones with the RHK column kept in view.
 */
import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { formatNip } from '../../../src/domain/nip';
import { RATING_LABEL } from '../../../src/domain/predikat';
import { ErrorView, Loading } from '../../components/Status';
import { SumberHasil } from '../../components/SumberHasil';
import { formatTanggal, ISTILAH_SKP } from '../../lib/istilah';
import { formatNilai } from '../realisasi/format';
import { CapaianBadge, PredikatBadge, StatusRealisasiBadge } from '../realisasi/StatusRealisasi';
import { labelKolom, type RiwayatPegawaiOut, riwayatPegawaiQuery } from './api';
import { potongKosong } from './kolom';

type Sel = RiwayatPegawaiOut['rhk'][number]['sel'][number];

const KOLOM_RHK = 240;
const KOLOM_PERIODE = 170;
/** The first column stays while the periods scroll. */
const lekat: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  verticalAlign: 'top',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-default-border)',
  // On a phone the column keeps room for the periods beside it.
  width: `min(${KOLOM_RHK}px, 45vw)`,
  minWidth: `min(${KOLOM_RHK}px, 45vw)`,
};

function IsiSel({ sel }: { sel: Sel | undefined }) {
  if (!sel)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const u = sel.umpanBalikTerakhir;
  return (
    <Stack gap={4} align="flex-start">
      <StatusRealisasiBadge status={sel.status} />
      <Text size="sm">{formatNilai(sel.nilai, sel.satuan)}</Text>
      {sel.teks && (
        <Text size="xs" lineClamp={2} title={sel.teks}>
          {sel.teks}
        </Text>
      )}
      {sel.capaian && <CapaianBadge capaian={sel.capaian} />}
      {sel.putaran > 1 && (
        <Text size="xs" c="dimmed">
          {sel.putaran} putaran penilaian
        </Text>
      )}
      {sel.jumlahUmpanBalik > 0 && (
        <Text size="xs" c="dimmed" lineClamp={3} title={u ? `${u.oleh.namaLengkap}: ${u.teks}` : undefined}>
          {sel.jumlahUmpanBalik} umpan balik{u ? `, terakhir: “${u.teks}”` : ''}
        </Text>
      )}
    </Stack>
  );
}

function TabelRiwayat({ data: semua }: { data: RiwayatPegawaiOut }) {
  const nilai = new Map(semua.penilaian.map((p) => [p.periodeKode, p]));
  const berisi = new Set([...nilai.keys(), ...semua.rhk.flatMap((r) => r.sel.map((s) => s.periodeKode))]);
  // Months before the first and after the last one with anything in them would only push the
  // content off screen (on a phone, off the first screen entirely).
  const data = { ...semua, periode: potongKosong(semua.periode, (p) => berisi.has(p.kode)) };
  return (
    <Table.ScrollContainer
      minWidth={KOLOM_RHK + data.periode.length * KOLOM_PERIODE}
      type="native"
      tabIndex={0}
    >
      <Table withColumnBorders verticalSpacing="xs" aria-label={`Riwayat kinerja ${data.tahun}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={lekat}>{ISTILAH_SKP.rhk}</Table.Th>
            {data.periode.map((p) => (
              <Table.Th key={p.kode} miw={KOLOM_PERIODE} title={p.label}>
                {labelKolom(p)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rhk.map((r) => {
            const sel = new Map(r.sel.map((s) => [s.periodeKode, s]));
            return (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" style={lekat} fw={400}>
                  <Text size="sm">{r.rencana}</Text>
                  <Text size="xs" c="dimmed">
                    {r.jenis === 'UTAMA' ? ISTILAH_SKP.utama : ISTILAH_SKP.tambahan}
                  </Text>
                </Table.Th>
                {data.periode.map((p) => (
                  <Table.Td key={p.kode} style={{ verticalAlign: 'top' }}>
                    <IsiSel sel={sel.get(p.kode)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          <Table.Tr>
            <Table.Th scope="row" style={lekat}>
              Predikat kinerja
            </Table.Th>
            {data.periode.map((p) => {
              const n = nilai.get(p.kode);
              return (
                <Table.Td key={p.kode} style={{ verticalAlign: 'top' }}>
                  {n ? (
                    <Stack gap={4} align="flex-start">
                      <PredikatBadge predikat={n.predikat} />
                      {n.sumber === 'LOKAL' ? (
                        <>
                          <Text size="xs" c="dimmed">
                            Hasil kerja: {RATING_LABEL[n.ratingHasilKerja]}
                            <br />
                            Perilaku: {RATING_LABEL[n.ratingPerilaku]}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {n.penilai.namaLengkap}, {formatTanggal(n.at)}
                          </Text>
                        </>
                      ) : (
                        // The national report has only the predikat: the stored ratings are derived from it.
                        <>
                          <SumberHasil sumber={n.sumber} />
                          <Text size="xs" c="dimmed">
                            Diimpor {formatTanggal(n.at)}
                          </Text>
                        </>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RiwayatPegawai({ pegawaiId, tahun }: { pegawaiId: number; tahun: number }) {
  const query = useQuery(riwayatPegawaiQuery(pegawaiId, tahun));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const d = query.data;
  return (
    <Stack gap="sm">
      <div>
        <Text fw={600}>{d.pegawai.namaLengkap}</Text>
        <Text size="sm" c="dimmed">
          NIP {formatNip(d.pegawai.nip)}
          {d.pegawai.jabatanNama ? ` · ${d.pegawai.jabatanNama}` : ''}
        </Text>
      </div>
      {d.tahunan && (
        <Group gap="xs" aria-label={`Predikat tahunan ${tahun}`} role="group">
          <Text size="sm">Predikat tahunan {tahun}:</Text>
          <PredikatBadge predikat={d.tahunan.predikat} />
          <SumberHasil sumber={d.tahunan.sumber} />
        </Group>
      )}
      {d.rhk.length === 0 && d.penilaian.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">Belum ada SKP yang disetujui atau realisasi pada tahun {tahun}.</Text>
        </Card>
      ) : (
        <Card withBorder padding="xs">
          <Text size="xs" c="dimmed" mb="xs">
            Periode penilaian {d.jenisPeriode.toLowerCase()}
          </Text>
          <TabelRiwayat data={d} />
        </Card>
      )}
    </Stack>
  );
}
