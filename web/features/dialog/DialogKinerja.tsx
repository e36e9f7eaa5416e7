/**
 * "Dialog Kinerja": the dialogs held with me (to read, close my follow-ups and rate a coaching
 * session) and, for a leader, those I recorded, with the form to record one for a subordinate.
 */
import { Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { useMe } from '../../lib/session';
import { dialogDetailQuery, dialogKeys, fetchHalaman } from './api';
import { FormDialog } from './FormDialog';
import { KartuDialog } from './KartuDialog';

function DaftarDialog({
  queryKey,
  path,
  kosong,
}: {
  queryKey: readonly unknown[];
  path: string;
  kosong: string;
}) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchHalaman(path, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Text c="dimmed">{kosong}</Text>
      ) : (
        items.map((d) => <KartuDialog key={d.id} dialog={d} />)
      )}
      <LoadMore query={query} />
    </Stack>
  );
}

/** The dialog a notification points to, above the lists. */
function DialogTerbuka({ id }: { id: number }) {
  const query = useQuery(dialogDetailQuery(id));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Dialog yang dibuka</Text>
        <Anchor component={Link} to="/dialog" size="sm">
          Tutup
        </Anchor>
      </Group>
      <KartuDialog dialog={query.data} />
    </Stack>
  );
}

export function DialogKinerja({ dibuka }: { dibuka?: number }) {
  const me = useMe();
  const [catat, setCatat] = useState(false);
  if (!me) return null;
  const pimpinan = me.bawahanLangsung.length > 0;
  return (
    <Stack>
      {dibuka !== undefined && <DialogTerbuka id={dibuka} />}
      {pimpinan && (
        <Group justify="flex-end">
          <Button onClick={() => setCatat(true)}>Catat dialog</Button>
        </Group>
      )}
      <Tabs defaultValue={pimpinan ? 'dicatat' : 'saya'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="saya">Dialog saya</Tabs.Tab>
          {pimpinan && <Tabs.Tab value="dicatat">Yang saya catat</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="saya" pt="md">
          <DaftarDialog
            queryKey={dialogKeys.pegawai(me.id)}
            path={`/api/dialog/pegawai/${me.id}`}
            kosong="Belum ada dialog kinerja yang dicatat pimpinan dengan Anda."
          />
        </Tabs.Panel>
        {pimpinan && (
          <Tabs.Panel value="dicatat" pt="md">
            <DaftarDialog
              queryKey={dialogKeys.dicatat()}
              path="/api/dialog/dicatat"
              kosong="Anda belum mencatat dialog kinerja."
            />
          </Tabs.Panel>
        )}
      </Tabs>
      {catat && <FormDialog onClose={() => setCatat(false)} />}
    </Stack>
  );
}
