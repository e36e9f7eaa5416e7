/**
 * The sasaran strategis of one unit's Perjanjian Kinerja for a year: edit the list and save it as a
 * whole. Items an RHK already derives from keep their identity on the server (matched by sasaran
 * and indikator), so edit their wording with care.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PkOut } from '../../../src/contracts/pk';
import { useGalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { ApiError, api, put } from '../../lib/api';
import { ISTILAH_CASCADING } from '../../lib/istilah';

interface Item {
  key: string;
  sasaran: string;
  indikator: string;
  targetNilai: number | string;
  targetSatuan: string;
  targetTeks: string;
}

let seq = 0;
const kunci = () => `baru-${++seq}`;
const kosong = (): Item => ({
  key: kunci(),
  sasaran: '',
  indikator: '',
  targetNilai: '',
  targetSatuan: '',
  targetTeks: '',
});

export const pkKey = (unorId: number, tahun: number) => ['pk', unorId, tahun] as const;

function Formulir({
  unorId,
  tahun,
  pk,
  onMuatUlang,
}: {
  unorId: number;
  tahun: number;
  pk: PkOut | null;
  onMuatUlang: () => Promise<unknown>;
}) {
  const queryClient = useQueryClient();
  const galat = useGalatForm();
  const [konflik, setKonflik] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useForm<{ sasaran: Item[] }>({
    initialValues: {
      sasaran: pk
        ? pk.sasaran.map((s) => ({
            key: String(s.id),
            sasaran: s.sasaran,
            indikator: s.indikator,
            targetNilai: s.targetNilai ?? '',
            targetSatuan: s.targetSatuan ?? '',
            targetTeks: s.targetTeks ?? '',
          }))
        : [kosong()],
    },
    validate: {
      sasaran: {
        sasaran: (v) => (v.trim() ? null : 'Sasaran strategis wajib diisi.'),
        indikator: (v) => (v.trim() ? null : 'Indikator wajib diisi.'),
      },
    },
  });
  const items = form.getValues().sasaran;

  const simpan = form.onSubmit(async (v) => {
    setBusy(true);
    galat.hapus();
    setKonflik(false);
    try {
      const res = await put<PkOut>('/api/perjanjian-kinerja', {
        unorId,
        tahun,
        version: pk?.version,
        sasaran: v.sasaran.map((s) => ({
          sasaran: s.sasaran.trim(),
          indikator: s.indikator.trim(),
          targetNilai: typeof s.targetNilai === 'number' ? s.targetNilai : null,
          targetSatuan: s.targetSatuan.trim() || null,
          targetTeks: s.targetTeks.trim() || null,
        })),
      });
      queryClient.setQueryData(pkKey(unorId, tahun), res);
      notifications.show({ color: 'teal', message: 'Perjanjian kinerja tersimpan.' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setKonflik(true);
      else galat.tampilkan(e, form);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={simpan} aria-label={ISTILAH_CASCADING.perjanjianKinerja}>
      <Stack>
        {!pk && (
          <Alert color="blue">
            Unit ini belum memiliki perjanjian kinerja untuk tahun {tahun}. Isi sasaran strategisnya di bawah.
          </Alert>
        )}
        {items.map((item, i) => (
          <Card withBorder key={item.key} component="fieldset" style={{ margin: 0 }}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text component="legend" fw={600} size="sm" p={0}>
                  Sasaran {i + 1}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Naikkan sasaran ${i + 1}`}
                    disabled={i === 0}
                    onClick={() => form.reorderListItem('sasaran', { from: i, to: i - 1 })}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Turunkan sasaran ${i + 1}`}
                    disabled={i === items.length - 1}
                    onClick={() => form.reorderListItem('sasaran', { from: i, to: i + 1 })}
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    disabled={items.length === 1}
                    onClick={() => form.removeListItem('sasaran', i)}
                    aria-label={`Hapus sasaran ${i + 1}`}
                  >
                    Hapus
                  </Button>
                </Group>
              </Group>
              <Textarea
                label={ISTILAH_CASCADING.sasaranStrategis}
                autosize
                minRows={2}
                maxLength={1000}
                {...form.getInputProps(`sasaran.${i}.sasaran`)}
              />
              <Textarea
                label="Indikator kinerja"
                autosize
                minRows={1}
                maxLength={500}
                {...form.getInputProps(`sasaran.${i}.indikator`)}
              />
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                <NumberInput
                  label="Target"
                  min={0}
                  decimalSeparator=","
                  thousandSeparator="."
                  {...form.getInputProps(`sasaran.${i}.targetNilai`)}
                />
                <TextInput
                  label="Satuan"
                  maxLength={60}
                  placeholder="mis. persen"
                  {...form.getInputProps(`sasaran.${i}.targetSatuan`)}
                />
                <TextInput
                  label="Target (uraian)"
                  description="Untuk target kualitatif"
                  maxLength={1000}
                  style={{ gridColumn: 'span 2' }}
                  {...form.getInputProps(`sasaran.${i}.targetTeks`)}
                />
              </SimpleGrid>
            </Stack>
          </Card>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() => form.insertListItem('sasaran', kosong())}
            disabled={items.length >= 50}
          >
            Tambah sasaran
          </Button>
          <Button
            variant="subtle"
            onClick={() =>
              form.insertListItem('sasaran', {
                ...kosong(),
                sasaran: 'Meningkatnya kualitas pelayanan publik',
                indikator: ISTILAH_CASCADING.ikm,
                targetSatuan: 'indeks',
              })
            }
            disabled={items.length >= 50}
          >
            Tambah indikator IKM
          </Button>
        </Group>
        {konflik && (
          <Alert color="orange" role="alert" title="Perjanjian kinerja telah diubah pengguna lain">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Muat ulang untuk melihat isi terbaru; perubahan Anda yang belum tersimpan hilang.
              </Text>
              <Button size="xs" variant="light" color="orange" onClick={() => onMuatUlang()}>
                Muat ulang
              </Button>
            </Stack>
          </Alert>
        )}
        {galat.ringkasan}
        <Group>
          <Button type="submit" loading={busy}>
            Simpan perjanjian kinerja
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FormPerjanjianKinerja({ unorId, tahun }: { unorId: number; tahun: number }) {
  const query = useQuery({
    queryKey: pkKey(unorId, tahun),
    queryFn: async () => {
      try {
        return await api<PkOut>(`/api/perjanjian-kinerja?unorId=${unorId}&tahun=${tahun}`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') return null;
        throw e;
      }
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return (
    <Formulir
      key={`${unorId}-${tahun}-${query.data?.version ?? 0}`}
      unorId={unorId}
      tahun={tahun}
      pk={query.data}
      onMuatUlang={() => query.refetch()}
    />
  );
}
