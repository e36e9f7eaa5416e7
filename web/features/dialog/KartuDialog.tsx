/** One dialog kinerja: who, when, what was agreed, the linked RHKs, follow-ups and the B.1.8 rating. */
import { Badge, Button, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PERNYATAAN_B18, SKALA_B18, SKOR_MAKS } from '../../../src/domain/dialog';
import { GalatAksi } from '../../lib/aksi';
import { post } from '../../lib/api';
import { formatTanggal } from '../../lib/istilah';
import { useDialogAksi } from './aksi';
import type { DialogOut, TindakLanjut } from './api';
import { FormDialog } from './FormDialog';
import { FormPenilaianDialog } from './FormPenilaianDialog';

const WARNA_JENIS: Record<DialogOut['jenis'], string> = {
  PERENCANAAN: 'blue',
  PEMANTAUAN: 'cyan',
  BIMBINGAN: 'teal',
  KONSELING: 'grape',
  EVALUASI: 'indigo',
};

const labelSkor = (s: number) => SKALA_B18.find((k) => k.skor === s)?.label ?? String(s);

function Bagian({ judul, children }: { judul: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {judul}
      </Text>
      {children}
    </div>
  );
}

function StatusTindakLanjut({ t }: { t: TindakLanjut }) {
  if (t.selesaiAt)
    return (
      <Badge color="teal" variant="light">
        Selesai {formatTanggal(t.selesaiAt)}
      </Badge>
    );
  return t.terlambat ? (
    <Badge color="red" variant="light">
      Terlambat
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      Terbuka
    </Badge>
  );
}

function DaftarTindakLanjut({ dialog }: { dialog: DialogOut }) {
  const aksi = useDialogAksi();
  const [sedang, setSedang] = useState<number | null>(null);
  async function selesai(t: TindakLanjut) {
    setSedang(t.id);
    await aksi.run(
      () => post<DialogOut>(`/api/dialog/tindak-lanjut/${t.id}/selesai`, { version: t.version }),
      'Tindak lanjut ditandai selesai.',
    );
    setSedang(null);
  }
  return (
    <Stack gap="xs">
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {dialog.tindakLanjut.map((t) => (
          <Card component="li" withBorder padding="xs" key={t.id} aria-label={`Tindak lanjut: ${t.uraian}`}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm">{t.uraian}</Text>
                <Text size="xs" c="dimmed">
                  {t.penanggungJawab.namaLengkap} · tenggat {formatTanggal(t.tenggat)}
                </Text>
              </Stack>
              <Group gap="xs">
                <StatusTindakLanjut t={t} />
                {t.dapatDiselesaikan && (
                  <Button size="xs" variant="light" loading={sedang === t.id} onClick={() => selesai(t)}>
                    Tandai selesai
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <GalatAksi aksi={aksi} />
    </Stack>
  );
}

function Penilaian({ penilaian }: { penilaian: NonNullable<DialogOut['penilaian']> }) {
  return (
    <Stack gap={4}>
      <Text size="sm">
        Rata-rata <b>{penilaian.rataRata.toLocaleString('id-ID')}</b> dari {SKOR_MAKS} ·{' '}
        {formatTanggal(penilaian.at)}
      </Text>
      <Table.ScrollContainer minWidth={360} type="native" tabIndex={0}>
        <Table fz="sm" verticalSpacing={4} aria-label="Penilaian Format B.1.8">
          <Table.Tbody>
            {PERNYATAAN_B18.map((p, i) => (
              <Table.Tr key={p}>
                <Table.Td>{p}</Table.Td>
                <Table.Td w={150}>{labelSkor(penilaian.skor[i] ?? 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {penilaian.saran && <Text size="sm">Saran: {penilaian.saran}</Text>}
    </Stack>
  );
}

export function KartuDialog({ dialog }: { dialog: DialogOut }) {
  const [ubah, setUbah] = useState(false);
  const [nilai, setNilai] = useState(false);
  const [rincian, setRincian] = useState(false);
  const judul = `Dialog ${dialog.jenisLabel} ${formatTanggal(dialog.tanggal)}`;
  return (
    <Card withBorder component="article" aria-label={judul}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color={WARNA_JENIS[dialog.jenis]}>{dialog.jenisLabel}</Badge>
              <Text fw={600}>{formatTanggal(dialog.tanggal)}</Text>
            </Group>
            <Text size="sm">
              {dialog.pegawai.namaLengkap} dengan {dialog.pimpinan.namaLengkap}
              {dialog.peserta.length > 0 && `, ${dialog.peserta.map((p) => p.namaLengkap).join(', ')}`}
            </Text>
          </Stack>
          <Group gap="xs">
            {dialog.dapatDinilai && (
              <Button size="xs" onClick={() => setNilai(true)}>
                Beri penilaian
              </Button>
            )}
            {dialog.dapatDiubah && (
              <Button size="xs" variant="default" onClick={() => setUbah(true)}>
                Ubah
              </Button>
            )}
          </Group>
        </Group>
        <Bagian judul="Topik">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {dialog.topik}
          </Text>
        </Bagian>
        {dialog.kesepakatan && (
          <Bagian judul="Kesepakatan">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {dialog.kesepakatan}
            </Text>
          </Bagian>
        )}
        {dialog.rhk.length > 0 && (
          <Bagian judul="RHK yang dibahas">
            <List size="sm">
              {dialog.rhk.map((r) => (
                <List.Item key={r.id}>{r.rencana}</List.Item>
              ))}
            </List>
          </Bagian>
        )}
        {dialog.tindakLanjut.length > 0 && (
          <Bagian judul="Tindak lanjut">
            <DaftarTindakLanjut dialog={dialog} />
          </Bagian>
        )}
        {dialog.penilaian && (
          <Bagian judul="Penilaian pegawai (Format B.1.8)">
            {rincian ? (
              <Penilaian penilaian={dialog.penilaian} />
            ) : (
              <Group gap="xs">
                <Text size="sm">
                  Rata-rata <b>{dialog.penilaian.rataRata.toLocaleString('id-ID')}</b> dari {SKOR_MAKS}
                </Text>
                <Button size="compact-xs" variant="subtle" onClick={() => setRincian(true)}>
                  Lihat rincian
                </Button>
              </Group>
            )}
          </Bagian>
        )}
      </Stack>
      {ubah && <FormDialog dialog={dialog} onClose={() => setUbah(false)} />}
      {nilai && <FormPenilaianDialog dialog={dialog} onClose={() => setNilai(false)} />}
    </Card>
  );
}
