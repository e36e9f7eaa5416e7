/**
 * Window exceptions (SPEC §5.1): an admin opens a schedule window outside the calendar for one
 * employee or a unit (and the units below it), with a reason and a last valid day; the list shows
 * them newest first, the active ones with "Cabut".
 */
import { Badge, Button, Card, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BukaanOut, BukaanPage, JadwalOut } from '../../../src/contracts/jadwal';
import { akhirTanggal, JENIS_JENDELA, JENIS_JENDELA_LABEL, singkatanZona } from '../../../src/domain/jadwal';
import { formatNip } from '../../../src/domain/nip';
import { useGalatForm } from '../../components/GalatForm';
import { LoadMore } from '../../components/LoadMore';
import { PilihPegawai } from '../../components/PilihPegawai';
import { ErrorView, Loading } from '../../components/Status';
import { api, post } from '../../lib/api';
import { PilihUnit } from '../pk/PilihUnit';
import { jadwalQuery } from '../realisasi/api';

const STATUS: Record<BukaanOut['status'], { label: string; color: string }> = {
  AKTIF: { label: 'Aktif', color: 'teal' },
  BERAKHIR: { label: 'Berakhir', color: 'gray' },
  DICABUT: { label: 'Dicabut', color: 'red' },
};

/** A local date of the instansi, 'YYYY-MM-DD', `hari` days after `at`. */
const tanggalZona = (at: string, zona: string, hari = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zona }).format(new Date(Date.parse(at) + hari * 86_400_000));

function FormBukaan({ jadwal }: { jadwal: JadwalOut }) {
  const queryClient = useQueryClient();
  const galat = useGalatForm();
  const periode = jadwal.jadwal.map((p) => ({ value: p.kode, label: p.label })).reverse();
  const form = useForm({
    initialValues: {
      sasaran: 'pegawai',
      pegawaiId: '',
      unorId: null as number | null,
      periodeKode: periode[0]?.value ?? '',
      jenis: 'INPUT',
      alasan: '',
      sampai: tanggalZona(jadwal.sekarang, jadwal.zonaWaktu, 6),
    },
    validate: {
      pegawaiId: (v, f) => (f.sasaran === 'pegawai' && !v ? 'Pilih pegawai.' : null),
      unorId: (v, f) => (f.sasaran === 'unit' && !v ? 'Pilih unit organisasi.' : null),
      alasan: (v) => (v.trim().length >= 3 ? null : 'Alasan wajib diisi (minimal 3 karakter).'),
      sampai: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Pilih tanggal terakhir bukaan berlaku.'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    galat.hapus();
    try {
      await post('/api/jadwal/bukaan', {
        jenis: v.jenis,
        periodeKode: v.periodeKode,
        ...(v.sasaran === 'pegawai' ? { pegawaiId: Number(v.pegawaiId) } : { unorId: v.unorId }),
        alasan: v.alasan,
        berakhir: akhirTanggal(v.sampai, jadwal.zonaWaktu).toISOString(),
      });
      notifications.show({ color: 'teal', message: 'Jendela dibuka.' });
      form.setFieldValue('alasan', '');
      await queryClient.invalidateQueries({ queryKey: ['jadwal-bukaan'] });
    } catch (e) {
      // The server says `berakhir` (an instant); the admin typed a date.
      galat.tampilkan(e, form, { berakhir: 'sampai' });
    }
  });
  return (
    <Card withBorder>
      <form onSubmit={submit} aria-label="Buka jendela" noValidate>
        <Stack gap="xs">
          <Title order={3}>Buka jendela</Title>
          {galat.ringkasan}
          <Radio.Group label="Sasaran" {...form.getInputProps('sasaran')}>
            <Stack gap={4} mt={4}>
              <Radio value="pegawai" label="Seorang pegawai" />
              <Radio value="unit" label="Unit organisasi (beserta unit di bawahnya)" />
            </Stack>
          </Radio.Group>
          {form.values.sasaran === 'pegawai' ? (
            <PilihPegawai label="Pegawai" {...form.getInputProps('pegawaiId')} />
          ) : (
            <div>
              <PilihUnit onChange={(id) => form.setFieldValue('unorId', id)} />
              {form.errors.unorId && (
                <Text size="sm" c="red" role="alert">
                  {form.errors.unorId}
                </Text>
              )}
            </div>
          )}
          <Select
            label="Periode"
            data={periode}
            allowDeselect={false}
            {...form.getInputProps('periodeKode')}
          />
          <Select
            label="Jendela"
            data={JENIS_JENDELA.map((j) => ({ value: j, label: `${JENIS_JENDELA_LABEL[j]} (${j})` }))}
            allowDeselect={false}
            {...form.getInputProps('jenis')}
          />
          <TextInput label="Alasan" {...form.getInputProps('alasan')} />
          <TextInput
            type="date"
            label="Berlaku sampai"
            description={`Sampai akhir hari itu (${singkatanZona(jadwal.zonaWaktu)}); paling lama 31 hari.`}
            {...form.getInputProps('sampai')}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            Buka jendela
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function BarisBukaan({ b, zona }: { b: BukaanOut; zona: string }) {
  const queryClient = useQueryClient();
  const galat = useGalatForm();
  const segarkan = () => queryClient.invalidateQueries({ queryKey: ['jadwal-bukaan'] });
  const cabut = useMutation({
    mutationFn: () => post(`/api/jadwal/bukaan/${b.id}/cabut`, {}),
    onMutate: galat.hapus,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Bukaan dicabut.' });
      return segarkan();
    },
    // Refused by the row's button; the list is refreshed, e.g. when it was revoked meanwhile.
    onError: (e) => {
      galat.tampilkan(e);
      return segarkan();
    },
  });
  const sasaran = b.pegawai ? `${b.pegawai.namaLengkap} (${formatNip(b.pegawai.nip)})` : (b.unor?.nama ?? '');
  const berakhir = new Intl.DateTimeFormat('id-ID', {
    timeZone: zona,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(b.berakhir));
  return (
    <Table.Tr>
      <Table.Td>{sasaran}</Table.Td>
      <Table.Td>{b.periodeKode}</Table.Td>
      <Table.Td>{JENIS_JENDELA_LABEL[b.jenis]}</Table.Td>
      <Table.Td>{b.alasan}</Table.Td>
      <Table.Td>{`${berakhir} ${singkatanZona(zona)}`}</Table.Td>
      <Table.Td>
        <Badge color={STATUS[b.status].color} variant="light">
          {STATUS[b.status].label}
        </Badge>
      </Table.Td>
      <Table.Td>
        {b.status === 'AKTIF' && (
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={cabut.isPending}
            onClick={() => cabut.mutate()}
            aria-label={`Cabut bukaan ${sasaran}`}
          >
            Cabut
          </Button>
        )}
        {galat.ringkasan}
      </Table.Td>
    </Table.Tr>
  );
}

function DaftarBukaan({ zona }: { zona: string }) {
  const query = useInfiniteQuery({
    queryKey: ['jadwal-bukaan'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<BukaanPage>(`/api/jadwal/bukaan?limit=25${pageParam ? `&cursor=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Card withBorder>
      <Title order={3} mb="xs">
        Bukaan jendela
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">Belum ada bukaan jendela.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Bukaan jendela" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sasaran</Table.Th>
                <Table.Th>Periode</Table.Th>
                <Table.Th>Jendela</Table.Th>
                <Table.Th>Alasan</Table.Th>
                <Table.Th>Berakhir</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Aksi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <BarisBukaan key={b.id} b={b} zona={zona} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </Card>
  );
}

export function BukaanJendela() {
  const jadwal = useQuery(jadwalQuery);
  if (jadwal.isPending) return <Loading />;
  if (jadwal.isError) return <ErrorView error={jadwal.error} />;
  return (
    <Stack>
      <FormBukaan jadwal={jadwal.data} />
      <DaftarBukaan zona={jadwal.data.zonaWaktu} />
    </Stack>
  );
}
