import { Card, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { AuditEntry } from '../../../src/contracts/audit';
import { LABEL_AKSI_AUDIT, labelAksiAudit } from '../../../src/domain/audit';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { formatWaktu } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';

type Entry = z.infer<typeof AuditEntry>;

const PILIHAN_AKSI = Object.entries(LABEL_AKSI_AUDIT)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'id'));

export function LogAudit() {
  const { zona } = useJadwal();
  const [action, setAction] = useState('');
  const [entityId, setEntityId] = useState('');
  const [filter] = useDebouncedValue({ action: action.trim(), entityId: entityId.trim() }, 300);
  const query = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (filter.action) params.set('action', filter.action);
      if (filter.entityId) params.set('entityId', filter.entityId);
      if (pageParam) params.set('cursor', pageParam);
      return api<{ items: Entry[]; nextCursor: string | null }>(`/api/audit?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group grow>
        <Select
          label="Aksi"
          placeholder="Semua aksi"
          data={PILIHAN_AKSI}
          value={action || null}
          onChange={(v) => setAction(v ?? '')}
          searchable
          clearable
        />
        <TextInput label="ID data" value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} />
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <Card withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Log audit">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Waktu</Table.Th>
                  <Table.Th>Oleh</Table.Th>
                  <Table.Th>Aksi</Table.Th>
                  <Table.Th>Data</Table.Th>
                  <Table.Th>Perubahan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatWaktu(e.at, zona)}</Table.Td>
                    <Table.Td>{e.actorNama ?? '—'}</Table.Td>
                    <Table.Td>
                      {labelAksiAudit(e.action)}
                      {/* The code stays for auditors who search or export by it. */}
                      <Text size="xs" c="dimmed" ff="monospace">
                        {e.action}
                      </Text>
                      {e.reason && (
                        <Text size="xs" c="dimmed">
                          {e.reason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.sasaran}</Table.Td>
                    <Table.Td>
                      {e.before != null && <Code block>sebelum: {JSON.stringify(e.before)}</Code>}
                      {e.after != null && <Code block>sesudah: {JSON.stringify(e.after)}</Code>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore query={query} />
        </Card>
      )}
    </Stack>
  );
}
