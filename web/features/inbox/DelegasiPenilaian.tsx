/**
 * Delegasi Penilaian: a pejabat penilai going on leave names a structural official who assesses their
 * subordinates in their name for a range of dates; the list shows what one gave and received (admins:
 * everything in their scope) and revokes what has not ended.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StatusDelegasi } from '../../../src/domain/delegasi';
import { MAKS_HARI_DELEGASI } from '../../../src/domain/delegasi';
import { labelTanggal } from '../../../src/domain/tenggat';
import { useGalatForm } from '../../components/GalatForm';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { post } from '../../lib/api';
import { isAdmin, useMe } from '../../lib/session';
import {
  calonPenerima,
  DELEGASI_KEY,
  type Delegasi,
  fetchDelegasi,
  type Lingkup,
  segarkanDelegasi,
} from './api';

const STATUS: Record<StatusDelegasi, { label: string; color: string }> = {
  BELUM_BERLAKU: { label: 'Belum berlaku', color: 'gray' },
  AKTIF: { label: 'Aktif', color: 'teal' },
  BERAKHIR: { label: 'Berakhir', color: 'dark' },
  DICABUT: { label: 'Dicabut', color: 'red' },
};

const rentang = (d: Pick<Delegasi, 'mulai' | 'selesai'>) =>
  d.mulai === d.selesai ? labelTanggal(d.mulai) : `${labelTanggal(d.mulai)} – ${labelTanggal(d.selesai)}`;

function FormDelegasi() {
  const queryClient = useQueryClient();
  const [cari, setCari] = useState('');
  const [term] = useDebouncedValue(cari.trim(), 300);
  const calon = useQuery({ queryKey: [...DELEGASI_KEY, 'calon', term], queryFn: () => calonPenerima(term) });
  const [penerimaId, setPenerimaId] = useState<string | null>(null);
  const [mulai, setMulai] = useState('');
  const [selesai, setSelesai] = useState('');
  const [alasan, setAlasan] = useState('');
  const galat = useGalatForm();
  const [busy, setBusy] = useState(false);

  async function simpan(e: React.FormEvent) {
    e.preventDefault();
    galat.hapus();
    if (!penerimaId) return galat.periksa('Pilih penerima delegasi.', 'penerimaId');
    setBusy(true);
    try {
      await post('/api/delegasi', { penerimaId: Number(penerimaId), mulai, selesai, alasan });
      notifications.show({ color: 'teal', message: 'Delegasi penilaian dibuat.' });
      setPenerimaId(null);
      setMulai('');
      setSelesai('');
      setAlasan('');
      await segarkanDelegasi(queryClient);
    } catch (err) {
      galat.tampilkan(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder>
      <form onSubmit={simpan} aria-label="Buat delegasi penilaian">
        <Stack gap="sm">
          <Text fw={600}>Delegasikan penilaian bawahan Anda</Text>
          <Text size="sm" c="dimmed">
            Selama rentang tanggal, penerima menilai realisasi bawahan Anda atas nama Anda. Penerima harus
            pejabat struktural setingkat atau lebih tinggi; paling lama {MAKS_HARI_DELEGASI} hari.
          </Text>
          {galat.ringkasan}
          <Select
            label="Penerima delegasi"
            placeholder="Ketik nama atau NIP"
            searchable
            searchValue={cari}
            onSearchChange={setCari}
            filter={({ options }) => options}
            data={(calon.data?.items ?? []).map((p) => ({
              value: String(p.id),
              label: `${p.namaLengkap}${p.jabatanNama ? ` — ${p.jabatanNama}` : ''}`,
            }))}
            value={penerimaId}
            onChange={setPenerimaId}
            error={galat.galatDi('penerimaId')}
            nothingFoundMessage={calon.isFetching ? 'Mencari…' : 'Tidak ada pejabat yang cocok'}
            required
          />
          <Group grow align="flex-start">
            <TextInput
              label="Mulai"
              type="date"
              value={mulai}
              onChange={(e) => setMulai(e.currentTarget.value)}
              error={galat.galatDi('mulai')}
              required
            />
            <TextInput
              label="Selesai"
              type="date"
              value={selesai}
              onChange={(e) => setSelesai(e.currentTarget.value)}
              error={galat.galatDi('selesai')}
              required
            />
          </Group>
          <Textarea
            label="Alasan"
            placeholder="mis. cuti tahunan"
            value={alasan}
            onChange={(e) => setAlasan(e.currentTarget.value)}
            error={galat.galatDi('alasan')}
            required
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={busy}>
              Simpan delegasi
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Daftar({ lingkup }: { lingkup: Lingkup }) {
  const queryClient = useQueryClient();
  const galat = useGalatForm();
  const query = useInfiniteQuery({
    queryKey: [...DELEGASI_KEY, lingkup],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchDelegasi(lingkup, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);

  async function cabut(d: Delegasi) {
    if (!window.confirm(`Cabut delegasi kepada ${d.penerima.namaLengkap} (${rentang(d)})?`)) return;
    galat.hapus();
    try {
      await post(`/api/delegasi/${d.id}/cabut`, {});
      notifications.show({ color: 'teal', message: 'Delegasi dicabut.' });
      await segarkanDelegasi(queryClient);
    } catch (err) {
      galat.tampilkan(err);
    }
  }

  return (
    <Card withBorder>
      {galat.ringkasan}
      {items.length === 0 ? (
        <Text c="dimmed">Belum ada delegasi.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native" tabIndex={0}>
          <Table striped aria-label="Daftar delegasi penilaian">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pemberi</Table.Th>
                <Table.Th>Penerima</Table.Th>
                <Table.Th>Tanggal</Table.Th>
                <Table.Th>Alasan</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text size="sm">{d.pemberi.namaLengkap}</Text>
                    <Text size="xs" c="dimmed">
                      {d.pemberi.jabatanNama}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.penerima.namaLengkap}</Text>
                    <Text size="xs" c="dimmed">
                      {d.penerima.jabatanNama}
                    </Text>
                  </Table.Td>
                  <Table.Td>{rentang(d)}</Table.Td>
                  <Table.Td>{d.alasan}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS[d.status].color} variant="light">
                      {STATUS[d.status].label}
                    </Badge>
                    {d.arah && (
                      <Text size="xs" c="dimmed">
                        {d.arah === 'DIBERIKAN' ? 'Anda berikan' : 'Anda terima'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {d.dapatDicabut && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => cabut(d)}>
                        Cabut
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </Card>
  );
}

export function DelegasiPenilaian() {
  const me = useMe();
  const admin = isAdmin(me);
  const [lingkup, setLingkup] = useState<Lingkup>('SAYA');
  return (
    <Stack>
      <Title order={2}>Delegasi Penilaian</Title>
      {me?.isPejabatPenilai && <FormDelegasi />}
      {admin && (
        <SegmentedControl
          aria-label="Lingkup daftar"
          value={lingkup}
          onChange={(v) => setLingkup(v as Lingkup)}
          data={[
            { value: 'SAYA', label: 'Delegasi saya' },
            { value: 'KELOLA', label: 'Semua dalam kelola' },
          ]}
          maw={360}
        />
      )}
      <Daftar key={lingkup} lingkup={lingkup} />
    </Stack>
  );
}
