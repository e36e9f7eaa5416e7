/**
 * "Masukan Rekan Kerja": the caller writes input on a colleague's behaviour (one BerAKHLAK value and
 * a text) for a period, and sees or withdraws his own while the period is open. Optional: the
 * pejabat penilai reads it and decides; the colleague reads it without the author's name.
 */
import { Alert, Button, Card, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { MasukanRekanBody, type MasukanRekanSayaOut } from '../../../src/contracts/masukan-rekan';
import { BERAKHLAK } from '../../../src/domain/berakhlak';
import { MASUKAN_REKAN_MAKS } from '../../../src/domain/masukan-rekan';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { PilihPeriode } from '../realisasi/PilihPeriode';
import { useJadwal } from '../realisasi/useJadwal';
import { hapusMasukan, masukanRekanKeys, masukanRekanSayaQuery, tulisMasukan } from './api';
import { namaNilai } from './DaftarMasukanRekan';

export function MasukanRekanSaya({
  periode,
  onPeriode,
}: {
  periode: string | undefined;
  onPeriode: (periode: string) => void;
}) {
  const jadwal = useJadwal();
  // Input is about the work going on: the running period by default.
  const kode = periode ?? jadwal.query.data?.periodeBerjalan.kode;
  if (!kode) return jadwal.query.isError ? <ErrorView error={jadwal.query.error} /> : <Loading />;
  return <Halaman key={kode} periode={kode} onPeriode={onPeriode} />;
}

function Halaman({ periode, onPeriode }: { periode: string; onPeriode: (periode: string) => void }) {
  const query = useQuery(masukanRekanSayaQuery(periode));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Masukan Rekan Kerja</Title>
          <Text size="sm" c="dimmed">
            Masukan tentang perilaku kerja (BerAKHLAK) rekan dengan pejabat penilai yang sama. Opsional:
            pejabat penilai membacanya dan memutuskan; rekan Anda membacanya tanpa nama Anda.
          </Text>
        </div>
        <PilihPeriode value={periode} label={query.data?.periode.label} onChange={onPeriode} />
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <>
          {!query.data.terbuka && <Alert color="yellow">{query.data.pesan}</Alert>}
          {query.data.terbuka && <FormMasukan data={query.data} />}
          <MasukanSaya data={query.data} />
        </>
      )}
    </Stack>
  );
}

const segarkan = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: masukanRekanKeys.all });

function FormMasukan({ data }: { data: MasukanRekanSayaOut }) {
  const aksi = useAksi(segarkan);
  const form = useForm({ initialValues: { pegawaiId: '', kode: '', teks: '' } });
  if (data.rekan.length === 0)
    return <Alert color="blue">Tidak ada rekan kerja dengan pejabat penilai yang sama dengan Anda.</Alert>;
  const submit = form.onSubmit(async (v) => {
    const body = MasukanRekanBody.safeParse({
      pegawaiId: v.pegawaiId ? Number(v.pegawaiId) : undefined,
      periode: data.periode.kode,
      kode: v.kode || undefined,
      teks: v.teks,
    });
    if (!body.success) {
      for (const issue of body.error.issues) form.setFieldError(String(issue.path[0]), issue.message);
      return;
    }
    if (await aksi.run(() => tulisMasukan(body.data), 'Masukan terkirim.')) form.reset();
  });
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label="Tulis masukan">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Tulis masukan — {data.periode.label}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label="Rekan kerja"
            searchable
            data={data.rekan.map((r) => ({
              value: String(r.id),
              label: `${r.namaLengkap}${r.jabatanNama ? ` — ${r.jabatanNama}` : ''}`,
            }))}
            {...form.getInputProps('pegawaiId')}
          />
          <Select
            label="Nilai BerAKHLAK"
            data={BERAKHLAK.map((b) => ({ value: b.kode, label: b.nama }))}
            {...form.getInputProps('kode')}
          />
        </Group>
        <Textarea
          label="Masukan"
          description={`Perilaku yang Anda amati, paling banyak ${MASUKAN_REKAN_MAKS} karakter.`}
          autosize
          minRows={2}
          maxLength={MASUKAN_REKAN_MAKS}
          {...form.getInputProps('teks')}
        />
        <GalatAksi aksi={aksi} />
        <Group>
          <Button type="submit" loading={aksi.busy}>
            Kirim masukan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function MasukanSaya({ data }: { data: MasukanRekanSayaOut }) {
  const aksi = useAksi(segarkan);
  return (
    <Card withBorder padding="sm" component="section" aria-label="Masukan yang saya tulis">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Masukan yang saya tulis ({data.items.length})
        </Title>
        <GalatAksi aksi={aksi} />
        {data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Belum ada masukan pada periode {data.periode.label}.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rekan</Table.Th>
                  <Table.Th>Nilai</Table.Th>
                  <Table.Th>Masukan</Table.Th>
                  {data.terbuka && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.pegawai.namaLengkap}</Table.Td>
                    <Table.Td>{namaNilai(m.kode)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{m.teks}</Table.Td>
                    {data.terbuka && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={aksi.busy}
                          aria-label={`Hapus masukan ${namaNilai(m.kode)} untuk ${m.pegawai.namaLengkap}`}
                          onClick={() => aksi.run(() => hapusMasukan(m.id, m.version), 'Masukan dihapus.')}
                        >
                          Hapus
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
