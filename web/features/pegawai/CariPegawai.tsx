import { Card, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PegawaiRingkas } from '../../../src/contracts/pegawai';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { PegawaiList } from './PegawaiList';

type Page = { items: PegawaiRingkas[]; nextCursor: string | null };

export function CariPegawai() {
  const [q, setQ] = useState('');
  const [term] = useDebouncedValue(q.trim(), 300);
  const query = useInfiniteQuery({
    queryKey: ['pegawai-cari', term],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page>(
        `/api/pegawai?limit=25&q=${encodeURIComponent(term)}${pageParam ? `&cursor=${pageParam}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <TextInput
        label="Cari pegawai"
        description="NIP (awal angka) atau bagian nama"
        placeholder="mis. 19850312 atau Rahmat"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <Card withBorder>
          <Text size="sm" c="dimmed" mb="xs">
            {items.length} pegawai ditampilkan{query.hasNextPage ? ', masih ada lagi' : ''}
          </Text>
          <PegawaiList items={items} empty="Tidak ada pegawai yang cocok." />
          <LoadMore query={query} />
        </Card>
      )}
    </Stack>
  );
}
