/** Tim penilai kinerja: employees below expectation in a period or a year, and their recommendations. */
import {
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  JENIS_REKOMENDASI,
  JENIS_REKOMENDASI_LABEL,
  type JenisRekomendasi,
  labelKodePeriode,
} from '../../../src/domain/evaluasi';
import { formatNip } from '../../../src/domain/nip';
import { PREDIKAT_PEGAWAI_LABEL } from '../../../src/domain/predikat';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi } from '../../lib/aksi';
import { post } from '../../lib/api';
import { formatTanggal } from '../../lib/istilah';
import { useEvaluasiAksi } from './aksi';
import { type DiBawahEkspektasiPage, evaluasiKeys, fetchDiBawahEkspektasi } from './api';

type Baris = DiBawahEkspektasiPage['items'][number];

function FormRekomendasi({ baris, onDone }: { baris: Baris; onDone: () => void }) {
  const aksi = useEvaluasiAksi();
  const [jenis, setJenis] = useState<JenisRekomendasi>('PEMBINAAN');
  const [uraian, setUraian] = useState('');
  return (
    <Stack gap="xs">
      <Select
        label="Jenis rekomendasi"
        data={JENIS_REKOMENDASI.map((j) => ({ value: j, label: JENIS_REKOMENDASI_LABEL[j] }))}
        value={jenis}
        onChange={(v) => v && setJenis(v as JenisRekomendasi)}
        allowDeselect={false}
        w={220}
      />
      <Textarea
        label="Uraian"
        autosize
        minRows={2}
        maxLength={2000}
        value={uraian}
        onChange={(x) => setUraian(x.currentTarget.value)}
      />
      <GalatAksi aksi={aksi} />
      <Group>
        <Button
          size="xs"
          disabled={uraian.trim().length < 3}
          loading={aksi.busy}
          onClick={async () => {
            const ok = await aksi.run(
              () =>
                post('/api/tim-penilai/rekomendasi', {
                  pegawaiId: baris.pegawai.id,
                  periodeKode: baris.periodeKode,
                  jenis,
                  uraian,
                }),
              'Rekomendasi tercatat.',
            );
            if (ok) onDone();
          }}
        >
          Catat rekomendasi
        </Button>
      </Group>
    </Stack>
  );
}

export function TimPenilai() {
  const [tahun, setTahun] = useState(new Date().getFullYear());
  const [periode, setPeriode] = useState('');
  const [dibuka, setDibuka] = useState<number | null>(null);
  const periodeValid = periode === '' || /^\d{4}-(\d{2}|Q[1-4]|S[12])$/.test(periode);
  const query = useInfiniteQuery({
    queryKey: evaluasiKeys.timPenilai(tahun, periode),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchDiBawahEkspektasi(tahun, periode, pageParam),
    getNextPageParam: (last) => last.nextCursor,
    enabled: periodeValid,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group align="flex-end">
        <NumberInput
          label="Tahun"
          w={140}
          min={2020}
          max={2100}
          value={tahun}
          onChange={(v) => typeof v === 'number' && v >= 2020 && v <= 2100 && setTahun(v)}
        />
        <TextInput
          label="Periode (kosongkan untuk evaluasi tahunan)"
          placeholder={`${tahun}-07`}
          value={periode}
          onChange={(x) => setPeriode(x.currentTarget.value.trim())}
          error={periodeValid ? undefined : 'Periode harus berformat TTTT-BB, TTTT-Qn atau TTTT-Sn.'}
          w={300}
        />
      </Group>
      {query.isPending && periodeValid ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">Tidak ada pegawai dengan predikat di bawah ekspektasi.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Pejabat penilai</Table.Th>
                <Table.Th>Predikat</Table.Th>
                <Table.Th>Rekomendasi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Text size="sm">{b.pegawai.namaLengkap}</Text>
                    <Text size="xs" c="dimmed">
                      NIP {formatNip(b.pegawai.nip)} · {b.pegawai.jabatanNama ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{b.unorNama ?? '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {b.opdNama ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{b.penilai?.namaLengkap ?? '—'}</Table.Td>
                  <Table.Td>
                    {PREDIKAT_PEGAWAI_LABEL[b.predikat]} ({labelKodePeriode(b.periodeKode)})
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {b.rekomendasi.map((r) => (
                        <Card key={r.id} withBorder padding={6}>
                          <Text size="xs" fw={600}>
                            {JENIS_REKOMENDASI_LABEL[r.jenis as JenisRekomendasi] ?? r.jenis} ·{' '}
                            {r.oleh.namaLengkap}, {formatTanggal(r.at)}
                          </Text>
                          <Text size="xs">{r.uraian}</Text>
                        </Card>
                      ))}
                      {dibuka === b.id ? (
                        <FormRekomendasi baris={b} onDone={() => setDibuka(null)} />
                      ) : (
                        <div>
                          <Button size="xs" variant="light" onClick={() => setDibuka(b.id)}>
                            Tambah rekomendasi
                          </Button>
                        </div>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </Stack>
  );
}
