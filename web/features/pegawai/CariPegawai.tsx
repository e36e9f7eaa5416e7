import { Card, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PegawaiRingkas } from '../../../src/contracts/pegawai';
import { LoadMore } from '../../components/LoadMore';
import { PilihOpd } from '../../components/PilihOpd';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { isAdmin, useMe } from '../../lib/session';
import { PegawaiList } from './PegawaiList';

type Page = { items: PegawaiRingkas[]; nextCursor: string | null; total: number | null };

/** The employee list: search by NIP or name; admins also filter by OPD (the BKD all, an OPD admin his). */
export function CariPegawai() {
  const admin = isAdmin(useMe());
  const [q, setQ] = useState('');
  const [opdId, setOpdId] = useState<number | null>(null);
  const [term] = useDebouncedValue(q.trim(), 300);
  const query = useInfiniteQuery({
    queryKey: ['pegawai-cari', term, opdId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>(
        `/api/pegawai?limit=25&q=${encodeURIComponent(term)}${opdId ? `&opdId=${opdId}` : ''}${pageParam ? `&cursor=${pageParam}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? items.length;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: admin ? 2 : 1 }}>
        {admin && <PilihOpd value={opdId} onChange={setOpdId} />}
        <TextInput
          label="Cari pegawai"
          description="NIP (awal angka) atau bagian nama"
          placeholder="mis. 19850312 atau Rahmat"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
        />
      </SimpleGrid>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <Card withBorder>
          <Text size="sm" c="dimmed" mb="xs">
            {total} pegawai{query.hasNextPage ? `, ${items.length} ditampilkan` : ''}
          </Text>
          <PegawaiList items={items} empty="Tidak ada pegawai yang cocok." />
          <LoadMore query={query} />
        </Card>
      )}
    </Stack>
  );
}
