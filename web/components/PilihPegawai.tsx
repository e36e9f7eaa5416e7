/**
 * An employee picker: searched on the server as the user types (at least 3 characters of a name or
 * NIP, the first 20 matches); the value is the employee's id as a string. The rest of the props are
 * the Select's (a form's getInputProps).
 */
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PegawaiRingkas } from '../../src/contracts/pegawai';
import { api } from '../lib/api';

function usePegawaiOptions(search: string) {
  const [q] = useDebouncedValue(search, 250);
  return useQuery({
    queryKey: ['pegawai-pilih', q],
    enabled: q.trim().length >= 3,
    queryFn: () => api<{ items: PegawaiRingkas[] }>(`/api/pegawai?limit=20&q=${encodeURIComponent(q)}`),
    select: (d) =>
      d.items.map((p) => ({ value: String(p.id), label: `${p.namaLengkap} — ${p.jabatanNama ?? ''}` })),
  });
}

export function PilihPegawai({
  label,
  ...props
}: { label: string } & Omit<SelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange'>) {
  const [search, setSearch] = useState('');
  const options = usePegawaiOptions(search);
  return (
    <Select
      label={label}
      description="Ketik minimal 3 huruf nama atau NIP"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.data ?? []}
      // The server has searched already.
      filter={({ options: o }) => o}
      nothingFoundMessage={search.length < 3 ? 'Ketik minimal 3 huruf' : 'Tidak ditemukan'}
      {...props}
    />
  );
}
