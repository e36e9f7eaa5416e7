/**
 * The curve rules (SPEC §6.4: thresholds per organisation predikat, rounding, the small-unit limit)
 * and the organisation predikat → unit leader's rating mapping (§6.3), edited by the BKD. Unset means
 * SPEC's defaults; "Kembalikan ke bawaan" clears both. Saved with the version read (409 when someone
 * else saved first).
 */
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PengaturanOut } from '../../../src/contracts/pengaturan';
import {
  ATURAN_KURVA_BAWAAN,
  type AturanKurva,
  PEMBULATAN,
  PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN,
  type Pembulatan,
  type PemetaanPredikatOrganisasi,
} from '../../../src/domain/kurva';
import {
  PREDIKAT_ORGANISASI,
  PREDIKAT_ORGANISASI_LABEL,
  PREDIKAT_PEGAWAI_LABEL,
  RATING,
  RATING_LABEL,
  type Rating,
} from '../../../src/domain/predikat';
import { GalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { KEY_PENGATURAN, useSimpanPengaturan } from './simpanPengaturan';

const PEMBULATAN_LABEL = { BAWAH: 'Ke bawah', ATAS: 'Ke atas', TERDEKAT: 'Terdekat' } as const;

function Formulir({ awal }: { awal: PengaturanOut }) {
  const [kurva, setKurva] = useState<AturanKurva>(awal.kurva ?? ATURAN_KURVA_BAWAAN);
  const [pemetaan, setPemetaan] = useState<PemetaanPredikatOrganisasi>(
    awal.pemetaanPredikatOrganisasi ?? PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN,
  );
  const { simpan, error, busy } = useSimpanPengaturan(awal, 'Aturan kurva tersimpan.');
  useEffect(() => {
    setKurva(awal.kurva ?? ATURAN_KURVA_BAWAAN);
    setPemetaan(awal.pemetaanPredikatOrganisasi ?? PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN);
  }, [awal]);

  const ubahPersen = (org: (typeof PREDIKAT_ORGANISASI)[number], i: number, v: number | string) =>
    setKurva((k) => ({
      ...k,
      syarat: {
        ...k.syarat,
        [org]: k.syarat[org].map((s, j) => (j === i && 'persen' in s ? { ...s, persen: Number(v) } : s)),
      },
    }));

  return (
    <Card withBorder>
      <Stack gap="sm" aria-label="Aturan kurva distribusi">
        <Text fw={600}>Kurva distribusi dan predikat organisasi</Text>
        <Text size="sm" c="dimmed">
          Batas persentase distribusi predikat pegawai untuk setiap predikat kinerja organisasi, cara
          pembulatan, dan rating hasil kerja pimpinan unit dari predikat organisasinya.
          {!awal.kurva && ' Saat ini memakai ketentuan bawaan.'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Pembulatan batas atas"
            data={PEMBULATAN.map((p) => ({ value: p, label: PEMBULATAN_LABEL[p] }))}
            value={kurva.pembulatan.maks}
            onChange={(v) =>
              v && setKurva((k) => ({ ...k, pembulatan: { ...k.pembulatan, maks: v as Pembulatan } }))
            }
            allowDeselect={false}
          />
          <Select
            label="Pembulatan batas bawah"
            data={PEMBULATAN.map((p) => ({ value: p, label: PEMBULATAN_LABEL[p] }))}
            value={kurva.pembulatan.min}
            onChange={(v) =>
              v && setKurva((k) => ({ ...k, pembulatan: { ...k.pembulatan, min: v as Pembulatan } }))
            }
            allowDeselect={false}
          />
          <NumberInput
            label="Unit kecil: kurang dari (pegawai)"
            value={kurva.minimalPegawai}
            onChange={(v) => setKurva((k) => ({ ...k, minimalPegawai: Number(v) }))}
            min={1}
            max={1000}
          />
        </SimpleGrid>
        {PREDIKAT_ORGANISASI.map((org) => (
          <Stack key={org} gap={4}>
            <Text size="sm" fw={600}>
              {PREDIKAT_ORGANISASI_LABEL[org]}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {kurva.syarat[org].map((s, i) =>
                'persen' in s ? (
                  <NumberInput
                    key={`${s.jenis}-${s.predikat.join('-')}`}
                    label={`${s.predikat.map((p) => PREDIKAT_PEGAWAI_LABEL[p]).join(' + ')} ${s.jenis === 'MAKS' ? 'paling banyak' : 'paling sedikit'} (%)`}
                    value={s.persen}
                    onChange={(v) => ubahPersen(org, i, v)}
                    min={0}
                    max={100}
                    allowDecimal={false}
                  />
                ) : null,
              )}
            </SimpleGrid>
          </Stack>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {PREDIKAT_ORGANISASI.map((org) => (
            <Select
              key={org}
              label={`${PREDIKAT_ORGANISASI_LABEL[org]} → rating hasil kerja pimpinan`}
              data={RATING.map((r) => ({ value: r, label: RATING_LABEL[r] }))}
              value={pemetaan[org]}
              onChange={(v) => v && setPemetaan((m) => ({ ...m, [org]: v as Rating }))}
              allowDeselect={false}
            />
          ))}
        </SimpleGrid>
        {error && <GalatForm key={error}>{error}</GalatForm>}
        <Group>
          <Button loading={busy} onClick={() => simpan({ kurva, pemetaanPredikatOrganisasi: pemetaan })}>
            Simpan aturan kurva
          </Button>
          <Button
            variant="default"
            disabled={busy || (!awal.kurva && !awal.pemetaanPredikatOrganisasi)}
            onClick={() => simpan({ kurva: null, pemetaanPredikatOrganisasi: null })}
          >
            Kembalikan ke bawaan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function PengaturanKurva() {
  const query = useQuery({ queryKey: KEY_PENGATURAN, queryFn: () => api<PengaturanOut>('/api/pengaturan') });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Formulir awal={query.data} />;
}
