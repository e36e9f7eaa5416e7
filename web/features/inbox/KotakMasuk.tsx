/**
 * Kotak Masuk: everything waiting for the user, most urgent first, each with its countdown and a link
 * to where it is done. Work done for someone else (a delegation, an escalation) names them ("a.n.").
 */
import { Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { akhiriKalimat } from '../../../src/domain/teks';
import { ErrorView, Loading } from '../../components/Status';
import { type ItemKotakMasuk, kotakMasukQuery } from './api';
import { TautanAksi } from './Tautan';
import { TenggatBadge } from './TenggatBadge';

const JUDUL: Record<ItemKotakMasuk['jenis'], string> = {
  LAPOR: 'Laporkan realisasi',
  PERBAIKI: 'Perbaiki realisasi',
  NILAI: 'Nilai realisasi',
  TINDAK_LANJUT: 'Tindak lanjut dialog',
};

function Isi({ item }: { item: ItemKotakMasuk }) {
  switch (item.jenis) {
    case 'LAPOR':
      return (
        <>
          <Text fw={600}>Realisasi {item.periode.label}</Text>
          <Text size="sm">
            {item.belumDiajukan} dari {item.jumlahRhk} RHK belum diajukan.
          </Text>
        </>
      );
    case 'PERBAIKI':
      return (
        <>
          <Text fw={600}>Realisasi {item.periode.label} dikembalikan untuk diperbaiki</Text>
          <List size="sm" spacing={2}>
            {item.realisasi.map((r) => (
              <List.Item key={r.id}>
                {r.rhkRencana}
                {r.arahan && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    — arahan: {r.arahan}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </>
      );
    case 'NILAI':
      return (
        <>
          <Group gap="xs">
            <Text fw={600}>{item.pegawai.namaLengkap}</Text>
            {item.peran === 'DELEGASI' && <Badge variant="outline">Delegasi</Badge>}
            {item.peran === 'ESKALASI' && (
              <Badge variant="outline" color="red">
                Eskalasi
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {item.menunggu} realisasi {item.periode.label} menunggu penilaian
            {item.pegawai.jabatanNama ? ` · ${item.pegawai.jabatanNama}` : ''}
          </Text>
          {item.atasNama && (
            <Text size="sm" c="dimmed">
              {item.peran === 'ESKALASI'
                ? `Belum dinilai ${item.atasNama.namaLengkap} hingga batas waktu; Anda menilainya sebagai atasan pejabat penilai.`
                : akhiriKalimat(`Delegasi: Anda menilai a.n. ${item.atasNama.namaLengkap}`)}
            </Text>
          )}
        </>
      );
    case 'TINDAK_LANJUT':
      return (
        <>
          <Text fw={600}>{item.uraian}</Text>
          <Text size="sm" c="dimmed">
            Dialog {item.dialog.jenis.toLowerCase()} {item.dialog.tanggal} · {item.dialog.pegawai.namaLengkap}
            : {item.dialog.topik}
          </Text>
        </>
      );
  }
}

const AKSI: Record<ItemKotakMasuk['jenis'], string> = {
  LAPOR: 'Isi realisasi',
  PERBAIKI: 'Perbaiki',
  NILAI: 'Nilai',
  TINDAK_LANJUT: 'Buka dialog',
};

export function KotakMasuk() {
  const query = useQuery(kotakMasukQuery);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const { items, jumlah, zona } = query.data;
  return (
    <Stack>
      <Group gap="xs" aria-label="Ringkasan">
        {(Object.keys(JUDUL) as ItemKotakMasuk['jenis'][]).map((j) => (
          <Badge key={j} variant={jumlah[j] ? 'light' : 'default'} color={jumlah[j] ? 'teal' : 'gray'}>
            {JUDUL[j]}: {jumlah[j]}
          </Badge>
        ))}
      </Group>
      {items.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">Tidak ada yang menunggu Anda saat ini.</Text>
        </Card>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
          aria-label="Yang menunggu Anda"
        >
          {items.map((item) => (
            <Card
              component="li"
              withBorder
              key={`${item.jenis}:${item.tautan}:${item.jenis === 'TINDAK_LANJUT' ? item.id : ''}`}
              aria-label={JUDUL[item.jenis]}
            >
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
                  <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
                    {JUDUL[item.jenis]}
                  </Text>
                  <Isi item={item} />
                  <TenggatBadge tenggat={item.tenggat} zona={zona} />
                </Stack>
                <TautanAksi href={item.tautan} label={`${AKSI[item.jenis]}: ${JUDUL[item.jenis]}`}>
                  {AKSI[item.jenis]}
                </TautanAksi>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
