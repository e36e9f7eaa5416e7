/** "Evaluasi Tahunan": the employee's SKPs of a year and, for an assessor, his assessees' — each with its evaluation. */
import { Anchor, Badge, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { STATUS_EVALUASI_LABEL, STATUS_KEBERATAN_LABEL } from '../../../src/domain/evaluasi';
import { formatNip } from '../../../src/domain/nip';
import { PREDIKAT_PEGAWAI_LABEL } from '../../../src/domain/predikat';
import { ErrorView, Loading } from '../../components/Status';
import { SumberHasil } from '../../components/SumberHasil';
import { formatTanggal } from '../../lib/istilah';
import { useMe } from '../../lib/session';
import { type EvaluasiSkpList, evaluasiDinilaiQuery, evaluasiSayaQuery } from './api';

function TabelSkp({ items, denganPegawai }: { items: EvaluasiSkpList['items']; denganPegawai: boolean }) {
  if (!items.length) return <Text c="dimmed">Belum ada SKP yang disetujui pada tahun ini.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {denganPegawai && <Table.Th>Pegawai</Table.Th>}
            <Table.Th>Jabatan dan masa SKP</Table.Th>
            <Table.Th>Pejabat penilai</Table.Th>
            <Table.Th>Evaluasi</Table.Th>
            <Table.Th>Keberatan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.skpId}>
              {denganPegawai && (
                <Table.Td>
                  <Text size="sm">{s.pegawai.namaLengkap}</Text>
                  <Text size="xs" c="dimmed">
                    NIP {formatNip(s.pegawai.nip)}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/evaluasi/skp/${s.skpId}`}>
                  {s.jabatanNama}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatTanggal(s.periodeMulai)} – {formatTanggal(s.periodeAkhir)}
                </Text>
              </Table.Td>
              <Table.Td>{s.pejabatPenilai?.namaLengkap ?? '—'}</Table.Td>
              <Table.Td>
                {s.evaluasi ? (
                  <Group gap={6}>
                    <Badge variant="light" color={s.evaluasi.status === 'FINAL' ? 'teal' : 'gray'}>
                      {STATUS_EVALUASI_LABEL[s.evaluasi.status]}
                    </Badge>
                    <Text size="sm">{PREDIKAT_PEGAWAI_LABEL[s.evaluasi.predikat]}</Text>
                    <SumberHasil sumber={s.evaluasi.sumber} />
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    Belum diisi
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.keberatanStatus ? STATUS_KEBERATAN_LABEL[s.keberatanStatus] : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DaftarEvaluasi({ tahun, onTahun }: { tahun: number; onTahun: (tahun: number) => void }) {
  const me = useMe();
  const saya = useQuery(evaluasiSayaQuery(tahun));
  const dinilai = useQuery({ ...evaluasiDinilaiQuery(tahun), enabled: !!me?.isPejabatPenilai });
  return (
    <Stack>
      <NumberInput
        label="Tahun"
        w={140}
        min={2020}
        max={2100}
        value={tahun}
        onChange={(v) => typeof v === 'number' && v >= 2020 && v <= 2100 && onTahun(v)}
      />
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          SKP saya
        </Title>
        {saya.isPending ? (
          <Loading />
        ) : saya.isError ? (
          <ErrorView error={saya.error} />
        ) : (
          <TabelSkp items={saya.data.items} denganPegawai={false} />
        )}
      </Card>
      {me?.isPejabatPenilai && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Pegawai yang saya nilai
          </Title>
          {dinilai.isPending ? (
            <Loading />
          ) : dinilai.isError ? (
            <ErrorView error={dinilai.error} />
          ) : (
            <TabelSkp items={dinilai.data.items} denganPegawai />
          )}
        </Card>
      )}
    </Stack>
  );
}
