/**
 * Matriks Peran Hasil (SPEC §4.3): the leader's RHKs as columns, direct subordinates as rows, each
 * cell the subordinate RHKs that intervene that RHK. Writing a role-result into a cell creates a
 * UTAMA RHK in the subordinate's draft (the server decides whether that is still allowed).
 */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, useState } from 'react';
import type { MatriksResponse } from '../../../src/contracts/skp';
import { STATUS_SKP_LABEL } from '../../../src/domain/skp-workflow';
import { akhiriKalimat } from '../../../src/domain/teks';
import { useGalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { ApiError, api, post } from '../../lib/api';
import { ISTILAH_CASCADING } from '../../lib/istilah';
import { WARNA_STATUS_SKP } from './format';

type Baris = MatriksResponse['baris'][number];
type Kolom = MatriksResponse['kolom'][number];

export const matriksKey = (skpId: number) => ['skp', skpId, 'matriks'] as const;

const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 140,
  maxWidth: 200,
  boxShadow: 'inset -1px 0 0 var(--mantine-color-default-border)',
};

interface Sasaran {
  baris: Baris;
  kolom: Kolom;
  nomor: number;
}

function IsiSelForm({ skpId, sasaran, onClose }: { skpId: number; sasaran: Sasaran; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [rencana, setRencana] = useState('');
  const galat = useGalatForm();
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!rencana.trim()) return galat.periksa('Rencana hasil kerja wajib diisi.', 'rencana');
    setBusy(true);
    galat.hapus();
    try {
      const res = await post<MatriksResponse>(`/api/skp/${skpId}/matriks`, {
        pegawaiId: sasaran.baris.pegawaiId,
        atasanRhkId: sasaran.kolom.rhkId,
        rencana: rencana.trim(),
      });
      queryClient.setQueryData(matriksKey(skpId), res);
      // Coverage and the plans (this one's problem count, the subordinate's content) changed too.
      await queryClient.invalidateQueries({
        queryKey: ['skp'],
        predicate: (q) => q.queryKey[2] !== 'matriks',
      });
      notifications.show({
        color: 'teal',
        message: akhiriKalimat(`Peran hasil tersimpan di SKP ${sasaran.baris.namaLengkap}`),
      });
      onClose();
    } catch (err) {
      galat.tampilkan(err);
      // The subordinate's plan may have changed status meanwhile: show the current state.
      if (err instanceof ApiError && (err.status === 409 || err.status === 422))
        await queryClient.invalidateQueries({ queryKey: matriksKey(skpId) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Tulis peran hasil">
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed">
            Bawahan
          </Text>
          <Text size="sm" fw={600}>
            {sasaran.baris.namaLengkap}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            Mengintervensi RHK {sasaran.nomor}
          </Text>
          <Text size="sm">{sasaran.kolom.rencana}</Text>
        </div>
        {galat.ringkasan}
        <Textarea
          label="Rencana hasil kerja bawahan"
          description="Menjadi RHK utama di draf SKP bawahan; bawahan melengkapi IKI dan targetnya."
          placeholder="mis. Tersusunnya laporan …"
          autosize
          minRows={3}
          maxLength={1000}
          value={rencana}
          onChange={(e) => setRencana(e.currentTarget.value)}
          error={galat.galatDi('rencana')}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button type="submit" loading={busy}>
            Simpan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Sel({
  baris,
  kolom,
  nomor,
  onTambah,
}: {
  baris: Baris;
  kolom: Kolom;
  nomor: number;
  onTambah: ((s: Sasaran) => void) | null;
}) {
  const dapatDiisi = baris.dapatDiisi && onTambah !== null;
  const rhk = baris.sel.find((s) => s.atasanRhkId === kolom.rhkId)?.rhk ?? [];
  return (
    <Table.Td style={{ verticalAlign: 'top', minWidth: 200 }}>
      <Stack gap={6}>
        {rhk.map((r) => (
          <div key={r.id}>
            <Text size="sm">{r.rencana}</Text>
            {r.perluDitinjau && (
              <Badge size="xs" color="orange" variant="light">
                {ISTILAH_CASCADING.perluDitinjau}
              </Badge>
            )}
          </div>
        ))}
        {rhk.length === 0 && !dapatDiisi && (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
        {dapatDiisi && (
          <ActionIcon
            variant="light"
            size="md"
            aria-label={`Tambah peran hasil untuk ${baris.namaLengkap} pada RHK ${nomor}`}
            title="Tambah peran hasil"
            onClick={() => onTambah?.({ baris, kolom, nomor })}
          >
            +
          </ActionIcon>
        )}
      </Stack>
    </Table.Td>
  );
}

function TautanYatim({ items }: { items: MatriksResponse['tautanYatim'] }) {
  return (
    <Card withBorder component="section" aria-labelledby="judul-yatim">
      <Title order={3} size="h4" id="judul-yatim">
        {ISTILAH_CASCADING.tautanYatim}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        RHK bawahan yang masih mengintervensi RHK pejabat lain (misalnya setelah mutasi). Tuliskan peran
        hasilnya di matriks ini atau minta bawahan menautkan ulang ke RHK Anda.
      </Text>
      {items.length === 0 ? (
        <Text size="sm">Tidak ada tautan yatim.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
          <Table striped aria-label={ISTILAH_CASCADING.tautanYatim}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Bawahan</Table.Th>
                <Table.Th>RHK bawahan</Table.Th>
                <Table.Th>Masih terhubung ke</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={`${t.rhkId}-${t.atasanRhkId}`}>
                  <Table.Td>{t.namaLengkap}</Table.Td>
                  <Table.Td>{t.rencana}</Table.Td>
                  <Table.Td>
                    {t.atasanRencana}
                    <Text size="xs" c="dimmed">
                      {t.atasanNama}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** `bolehIsi`: the viewer owns this plan (only the leader writes into the matrix; the server checks). */
export function MatriksPeranHasil({ skpId, bolehIsi }: { skpId: number; bolehIsi: boolean }) {
  const [sasaran, setSasaran] = useState<Sasaran | null>(null);
  const query = useQuery({
    queryKey: matriksKey(skpId),
    queryFn: () => api<MatriksResponse>(`/api/skp/${skpId}/matriks`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const m = query.data;
  return (
    <Stack>
      <Card withBorder p={0} component="section" aria-label="Matriks">
        {m.kolom.length === 0 ? (
          <Text p="md" c="dimmed">
            SKP ini belum memiliki rencana hasil kerja untuk dibagi.
          </Text>
        ) : m.baris.length === 0 ? (
          <Text p="md" c="dimmed">
            Tidak ada bawahan langsung.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={160 + m.kolom.length * 210} type="native" tabIndex={0}>
            <Table withColumnBorders aria-label={ISTILAH_CASCADING.matriksPeranHasil} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ ...sticky, zIndex: 2 }}>Bawahan</Table.Th>
                  {m.kolom.map((k, i) => (
                    <Table.Th key={k.rhkId} style={{ verticalAlign: 'top', minWidth: 200 }}>
                      <Group gap={4}>
                        <Text size="xs" c="dimmed">
                          RHK {i + 1}
                        </Text>
                        {k.jenis === 'TAMBAHAN' && (
                          <Badge size="xs" variant="outline">
                            Tambahan
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" fw={600}>
                        {k.rencana}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.baris.map((b) => (
                  <Table.Tr key={b.pegawaiId}>
                    <Table.Th scope="row" style={{ ...sticky, verticalAlign: 'top' }}>
                      <Text size="sm" fw={600}>
                        {b.namaLengkap}
                      </Text>
                      <Text size="xs" c="dimmed" fw={400}>
                        {b.jabatanNama ?? '—'}
                      </Text>
                      <Badge
                        size="xs"
                        mt={4}
                        variant="light"
                        color={b.status ? WARNA_STATUS_SKP[b.status] : 'gray'}
                      >
                        {b.status ? STATUS_SKP_LABEL[b.status] : 'Belum ada SKP'}
                      </Badge>
                    </Table.Th>
                    {m.kolom.map((k, i) => (
                      <Sel
                        key={k.rhkId}
                        baris={b}
                        kolom={k}
                        nomor={i + 1}
                        onTambah={bolehIsi ? setSasaran : null}
                      />
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {bolehIsi && (
        <Text size="xs" c="dimmed">
          Tombol + tampil bila SKP bawahan masih dapat diubah; peran hasil yang ditulis menjadi RHK utama
          bawahan.
        </Text>
      )}
      <TautanYatim items={m.tautanYatim} />
      <Modal opened={sasaran !== null} onClose={() => setSasaran(null)} title="Tulis peran hasil" centered>
        {sasaran && <IsiSelForm skpId={skpId} sasaran={sasaran} onClose={() => setSasaran(null)} />}
      </Modal>
    </Stack>
  );
}
