/**
 * The tray of long work (ADR 0011), mounted by the shell outside the routes so it stays while the
 * user moves around: running jobs with their progress, finished ones with their file or page, failed
 * ones with why (and their page when they have one: a refused import's report). It polls only while something runs, announces each end in a live region, and then
 * refreshes every other view (the job changed their data).
 */
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type PekerjaanOut, pekerjaanKeys, pekerjaanQuery } from './api';
import { pengumumanAkhir, persenPekerjaan, teksKemajuan } from './kemajuan';

const KUNCI_DITUTUP = 'ekinerja.pekerjaan.ditutup';
/** A finished job stays in the tray this long unless closed. */
const TAMPIL_MS = 24 * 3_600_000;

function bacaDitutup(): number[] {
  try {
    const v = JSON.parse(localStorage.getItem(KUNCI_DITUTUP) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

const STATUS: Record<PekerjaanOut['status'], { label: string; color: string }> = {
  BERJALAN: { label: 'Berjalan', color: 'blue' },
  SELESAI: { label: 'Selesai', color: 'teal' },
  GAGAL: { label: 'Gagal', color: 'red' },
};

function ItemPekerjaan({ p, onTutup }: { p: PekerjaanOut; onTutup: () => void }) {
  const persen = persenPekerjaan(p);
  const s = STATUS[p.status];
  return (
    <Stack gap={4} component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} lineClamp={2}>
          {p.judul}
        </Text>
        <Badge color={s.color} variant="light" style={{ flexShrink: 0 }}>
          {s.label}
        </Badge>
      </Group>
      <Progress
        value={persen ?? 100}
        color={s.color}
        striped={p.status === 'BERJALAN'}
        animated={p.status === 'BERJALAN' && persen === null}
        aria-label={`Kemajuan ${p.judul}`}
      />
      <Text size="xs" c={p.status === 'GAGAL' ? 'red.8' : undefined}>
        {teksKemajuan(p)}
      </Text>
      {p.status === 'BERJALAN' && p.total !== null && p.pesan && (
        <Text size="xs" c="dimmed">
          {p.pesan}
        </Text>
      )}
      {p.status !== 'BERJALAN' && (
        <Group gap="sm">
          {/* A job with its own page (an import's report) is read there, not downloaded. */}
          {p.hasilNama && !p.tautan && (
            <Anchor size="sm" href={`/api/pekerjaan/${p.id}/hasil`} download={p.hasilNama}>
              Unduh {p.hasilNama}
            </Anchor>
          )}
          {p.tautan && (
            <Anchor size="sm" component={Link} to={p.tautan}>
              Lihat hasil
            </Anchor>
          )}
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onTutup}>
            Tutup
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function BakiPekerjaan() {
  const queryClient = useQueryClient();
  const { data } = useQuery(pekerjaanQuery);
  const [ditutup, setDitutup] = useState(bacaDitutup);
  // null: follows the jobs (open while one runs); a job ending here or the user's toggle decides after.
  // Yesterday's finished jobs alone keep the tray a small bar, so it covers no page on arrival.
  const [terbukaPilihan, setTerbuka] = useState<boolean | null>(null);
  const baki = useRef<HTMLElement>(null);
  const [pengumuman, setPengumuman] = useState('');
  const dilihatBerjalan = useRef(new Set<number>());

  // A job this tab saw running has ended: say so, and refresh the views whose data it changed.
  useEffect(() => {
    const berakhir = (data?.items ?? []).filter(
      (p) => p.status !== 'BERJALAN' && dilihatBerjalan.current.has(p.id),
    );
    for (const p of data?.items ?? []) if (p.status === 'BERJALAN') dilihatBerjalan.current.add(p.id);
    if (berakhir.length === 0) return;
    for (const p of berakhir) dilihatBerjalan.current.delete(p.id);
    setPengumuman(berakhir.map(pengumumanAkhir).join(' '));
    setTerbuka(true);
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== pekerjaanKeys.semua[0] });
  }, [data, queryClient]);

  const tutup = (id: number) => {
    const baru = [...ditutup, id].slice(-50);
    localStorage.setItem(KUNCI_DITUTUP, JSON.stringify(baru));
    setDitutup(baru);
  };
  const sekarang = Date.now();
  const tampil = (data?.items ?? []).filter(
    (p) =>
      p.status === 'BERJALAN' ||
      (!ditutup.includes(p.id) && sekarang - Date.parse(p.selesaiAt ?? p.mulaiAt) < TAMPIL_MS),
  );
  const berjalan = tampil.filter((p) => p.status === 'BERJALAN').length;
  const terbuka = terbukaPilihan ?? berjalan > 0;
  const ada = tampil.length > 0;

  // The page keeps room below its last control for the tray, so nothing stays hidden under it.
  useLayoutEffect(() => {
    const el = baki.current;
    if (!ada || !el) return;
    const akar = document.documentElement.style;
    const amati = new ResizeObserver(() => akar.setProperty('--baki-tinggi', `${el.offsetHeight}px`));
    amati.observe(el);
    return () => {
      amati.disconnect();
      akar.removeProperty('--baki-tinggi');
    };
  }, [ada]);

  return (
    <>
      <VisuallyHidden role="status" aria-live="polite">
        {pengumuman}
      </VisuallyHidden>
      {ada && (
        <Paper
          ref={baki}
          component="aside"
          aria-label="Pekerjaan latar"
          withBorder
          shadow="md"
          p="sm"
          radius="md"
          style={{
            position: 'fixed',
            right: 'var(--mantine-spacing-md)',
            bottom: 'var(--mantine-spacing-md)',
            width: terbuka ? 'min(360px, calc(100vw - 2 * var(--mantine-spacing-md)))' : undefined,
            zIndex: 150,
          }}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={700}>
              Pekerjaan{berjalan > 0 ? ` · ${berjalan} berjalan` : ` (${tampil.length})`}
            </Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => setTerbuka(!terbuka)}
              aria-expanded={terbuka}
              aria-controls="baki-pekerjaan-daftar"
              aria-label={terbuka ? 'Ciutkan daftar pekerjaan' : 'Tampilkan daftar pekerjaan'}
            >
              {terbuka ? <IconChevronDown size={18} /> : <IconChevronUp size={18} />}
            </ActionIcon>
          </Group>
          {terbuka && (
            <ScrollArea.Autosize mah="40vh" mt="xs">
              <Stack component="ul" id="baki-pekerjaan-daftar" gap="md" m={0} p={0}>
                {tampil.map((p) => (
                  <ItemPekerjaan key={p.id} p={p} onTutup={() => tutup(p.id)} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Paper>
      )}
    </>
  );
}
