/** An employee's identity, superior chain, direct subordinates and position history. */
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { PegawaiDetail } from '../../../src/contracts/pegawai';
import { JENIS_ASN_LABEL } from '../../../src/domain/nip';
import {
  formatTanggal,
  ISTILAH,
  JENIS_JABATAN_LABEL,
  JENIS_PENUGASAN_LABEL,
  JENJANG_LABEL,
  PERAN_LABEL,
} from '../../lib/istilah';
import { isBkd, isTimPenilai, useMe } from '../../lib/session';
import { PegawaiList } from './PegawaiList';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

export function ProfilPegawai({ pegawai: p }: { pegawai: PegawaiDetail }) {
  const me = useMe();
  const [penilai, atasanPenilai] = p.rantaiAtasan;
  return (
    <Stack>
      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <Title order={3}>{p.namaLengkap}</Title>
            <Group gap={4}>
              <Badge variant="light">{JENIS_ASN_LABEL[p.jenisAsn]}</Badge>
              {!p.isActive && <Badge color="gray">Tidak aktif</Badge>}
              {p.roles.map((r) => (
                <Badge key={`${r.peran}${r.opdId}`} color="grape" variant="light">
                  {PERAN_LABEL[r.peran]}
                </Badge>
              ))}
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label="NIP">{p.nipFormatted}</Field>
            <Field label="Pangkat/Gol. Ruang">{p.pangkatGolongan}</Field>
            <Field label="Jabatan">
              {p.jabatan ? (
                <>
                  {p.jabatan.nama} ({JENIS_JABATAN_LABEL[p.jabatan.jenis]}
                  {p.jabatan.jenjang ? `, ${JENJANG_LABEL[p.jabatan.jenjang]}` : ''})
                </>
              ) : (
                '—'
              )}
            </Field>
            <Field label="Unit Kerja">
              {[p.jabatan?.unorNama, p.opd?.nama].filter(Boolean).join(', ') || '—'}
            </Field>
            <Field label={ISTILAH.pejabatPenilai}>
              {penilai ? `${penilai.namaLengkap} — ${penilai.sebutan ?? penilai.jabatanNama ?? ''}` : '—'}
            </Field>
            <Field label={ISTILAH.atasanPejabatPenilai}>
              {atasanPenilai ? `${atasanPenilai.namaLengkap} — ${atasanPenilai.jabatanNama ?? ''}` : '—'}
            </Field>
          </SimpleGrid>
          {p.atasanOverride && (
            <Text size="sm" c="orange.8">
              {p.atasanOverride.jenis === 'KETUA_TIM' ? 'Ketua Tim Kerja' : 'Atasan'} ditetapkan admin:{' '}
              {p.atasanOverride.pegawai.namaLengkap}
              {p.atasanOverride.alasan ? ` (${p.atasanOverride.alasan})` : ''}
            </Text>
          )}
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="sm">
            {ISTILAH.rantaiAtasan}
          </Title>
          {/* A superior's page opens to the BKD and the tim penilai, not to those below (route access). */}
          <PegawaiList
            items={p.rantaiAtasan}
            bertautan={isBkd(me) || isTimPenilai(me)}
            empty="Tidak ada atasan (pimpinan tertinggi)."
          />
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            {ISTILAH.bawahanLangsung} ({p.bawahanLangsung.length})
          </Title>
          <PegawaiList items={p.bawahanLangsung} empty="Tidak ada bawahan langsung." />
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">
          {ISTILAH.riwayatJabatan}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Jabatan</Table.Th>
                <Table.Th>Jenis</Table.Th>
                <Table.Th>TMT</Table.Th>
                <Table.Th>Sampai</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.riwayatJabatan.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.jabatan.nama}
                    <Text size="xs" c="dimmed">
                      {r.jabatan.unorNama}
                    </Text>
                  </Table.Td>
                  <Table.Td>{JENIS_PENUGASAN_LABEL[r.jenis]}</Table.Td>
                  <Table.Td>{formatTanggal(r.tmtMulai)}</Table.Td>
                  <Table.Td>{formatTanggal(r.tmtSelesai)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
