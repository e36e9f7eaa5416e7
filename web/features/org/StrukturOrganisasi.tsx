/** The unor tree, loaded one level at a time; choosing a unit shows its positions and holders. */
import {
  Badge,
  Box,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnorDetail, UnorNode } from '../../../src/contracts/org';
import { dapatKepalaUnitMandiri } from '../../../src/domain/jabatan';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { JENIS_JABATAN_LABEL } from '../../lib/istilah';
import { isBkd, useMe } from '../../lib/session';
import { PegawaiList } from '../pegawai/PegawaiList';
import { UnitMandiriForm } from './UnitMandiri';

function Children({
  parentId,
  selected,
  onSelect,
}: {
  parentId?: number;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const query = useQuery({
    queryKey: ['unor', parentId ?? 'root'],
    queryFn: () => api<{ items: UnorNode[] }>(`/api/unor${parentId ? `?parentId=${parentId}` : ''}`),
  });
  if (query.isPending) return <Loader size="xs" aria-label="Memuat unor" />;
  if (query.isError) return <ErrorView error={query.error} />;
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, paddingLeft: parentId ? 14 : 0 }}>
      {query.data.items.map((u) => (
        <Node key={u.id} unor={u} selected={selected} onSelect={onSelect} />
      ))}
    </Stack>
  );
}

function Node({
  unor,
  selected,
  onSelect,
}: {
  unor: UnorNode;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <UnstyledButton
        aria-expanded={unor.jumlahSubUnor ? open : undefined}
        aria-pressed={selected === unor.id}
        onClick={() => {
          setOpen((o) => !o);
          onSelect(unor.id);
        }}
        w="100%"
        p={4}
        style={{
          borderRadius: 6,
          background: selected === unor.id ? 'var(--mantine-color-teal-light)' : undefined,
        }}
      >
        <Group gap={6} wrap="nowrap">
          <Text size="sm" w={12} c="dimmed">
            {unor.jumlahSubUnor ? (open ? '▾' : '▸') : '·'}
          </Text>
          <Text size="sm" style={{ flex: 1 }}>
            {unor.nama}
          </Text>
          <Badge size="xs" variant="outline" title="Jumlah pegawai">
            {unor.jumlahPegawai}
          </Badge>
        </Group>
      </UnstyledButton>
      {open && unor.jumlahSubUnor > 0 && (
        <Children parentId={unor.id} selected={selected} onSelect={onSelect} />
      )}
    </li>
  );
}

function UnitDetail({ id }: { id: number }) {
  const bkd = isBkd(useMe());
  const query = useQuery({
    queryKey: ['unor-detail', id],
    queryFn: () => api<UnorDetail>(`/api/unor/${id}`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const d = query.data;
  return (
    <Stack>
      <Text size="xs" c="dimmed">
        {d.jalur.map((j) => j.nama).join(' › ')}
      </Text>
      <Title order={4}>{d.unor.nama}</Title>
      {d.jabatan.length === 0 && <Text c="dimmed">Belum ada jabatan di unit ini.</Text>}
      {d.jabatan.map((j) => (
        <Box key={j.id}>
          <Group gap={6}>
            <Text fw={600}>{j.nama}</Text>
            <Badge size="xs" variant="light">
              {JENIS_JABATAN_LABEL[j.jenis]}
            </Badge>
            {j.kepalaUnitMandiri && (
              <Badge size="xs" variant="light" color="grape">
                Kepala unit kerja mandiri
              </Badge>
            )}
          </Group>
          {bkd && dapatKepalaUnitMandiri(j.jenis) && (
            <UnitMandiriForm
              key={String(j.kepalaUnitMandiri)}
              jabatanId={j.id}
              unorId={id}
              nilai={j.kepalaUnitMandiri}
            />
          )}
          <PegawaiList items={j.pemangku} empty="Kosong (belum ada pemangku)" />
        </Box>
      ))}
    </Stack>
  );
}

export function StrukturOrganisasi() {
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Box component="nav" aria-label="Pohon unit organisasi">
          <Children selected={selected} onSelect={setSelected} />
        </Box>
      </Card>
      <Card withBorder>
        {selected ? (
          <UnitDetail id={selected} />
        ) : (
          <Text c="dimmed">Pilih unit untuk melihat jabatannya.</Text>
        )}
      </Card>
    </SimpleGrid>
  );
}
