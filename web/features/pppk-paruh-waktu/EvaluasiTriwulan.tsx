/**
 * The direct assessor's quarterly evaluation of one PPPK paruh waktu: the periods' predikat and the
 * suggestion, his predikat (another one needs a reason) and contract advice, saved as a draft and made
 * final once nothing blocks it. Others (the employee, admins) read it.
 */
import { Alert, Button, Card, Group, List, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvaluasiTriwulanView } from '../../../src/contracts/pppk-paruh-waktu';
import { formatNip } from '../../../src/domain/nip';
import {
  REKOMENDASI_KONTRAK,
  REKOMENDASI_KONTRAK_LABEL,
  type RekomendasiKontrak,
  STATUS_TRIWULAN_LABEL,
} from '../../../src/domain/pppk-paruh-waktu';
import { PREDIKAT_PEGAWAI, PREDIKAT_PEGAWAI_LABEL, type PredikatPegawai } from '../../../src/domain/predikat';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { evaluasiTriwulan, finalkanTriwulan, pppkKeys, simpanTriwulan, type Triwulan } from './api';

const segarkan = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: pppkKeys.semua });

function Isian({ view, pegawaiId, t }: { view: EvaluasiTriwulanView; pegawaiId: number; t: Triwulan }) {
  const aksi = useAksi(segarkan);
  const e = view.evaluasi;
  const [predikat, setPredikat] = useState<PredikatPegawai | null>(
    e?.predikat ?? view.saran?.predikat ?? null,
  );
  const [alasan, setAlasan] = useState(e?.alasanPerubahan ?? '');
  const [rekomendasi, setRekomendasi] = useState<RekomendasiKontrak | null>(e?.rekomendasi ?? null);
  const [catatan, setCatatan] = useState(e?.catatan ?? '');
  const berbeda = predikat !== null && view.saran !== null && predikat !== view.saran.predikat;
  return (
    <Stack>
      <Select
        label="Predikat triwulan"
        description={
          view.saran
            ? `Saran: ${PREDIKAT_PEGAWAI_LABEL[view.saran.predikat]}`
            : 'Belum ada saran: periode belum lengkap'
        }
        data={PREDIKAT_PEGAWAI.map((p) => ({ value: p, label: PREDIKAT_PEGAWAI_LABEL[p] }))}
        value={predikat}
        onChange={(v) => setPredikat(v as PredikatPegawai | null)}
      />
      {berbeda && (
        <Textarea
          label="Alasan perubahan predikat"
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={alasan}
          onChange={(x) => setAlasan(x.currentTarget.value)}
        />
      )}
      <Select
        label="Rekomendasi kontrak"
        data={REKOMENDASI_KONTRAK.map((r) => ({ value: r, label: REKOMENDASI_KONTRAK_LABEL[r] }))}
        value={rekomendasi}
        onChange={(v) => setRekomendasi(v as RekomendasiKontrak | null)}
      />
      <Textarea
        label="Catatan"
        autosize
        minRows={2}
        maxLength={2000}
        value={catatan}
        onChange={(x) => setCatatan(x.currentTarget.value)}
      />
      <GalatAksi aksi={aksi} />
      <Group>
        <Button
          variant="light"
          loading={aksi.busy}
          onClick={() =>
            aksi.run(
              () =>
                simpanTriwulan(pegawaiId, t, {
                  predikat,
                  alasanPerubahan: berbeda ? alasan || null : null,
                  rekomendasi,
                  catatan: catatan || null,
                  version: e?.version,
                }),
              'Draf evaluasi triwulan tersimpan.',
            )
          }
        >
          Simpan draf
        </Button>
        {e && (
          <Button
            loading={aksi.busy}
            disabled={view.penolakanFinal.length > 0}
            onClick={() =>
              aksi.run(() => finalkanTriwulan(pegawaiId, t, e.version), 'Evaluasi triwulan final.')
            }
          >
            Finalkan
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function EvaluasiTriwulan({ pegawaiId, t }: { pegawaiId: number; t: Triwulan }) {
  const query = useQuery({
    queryKey: pppkKeys.evaluasi(pegawaiId, t),
    queryFn: () => evaluasiTriwulan(pegawaiId, t),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const v = query.data;
  const e = v.evaluasi;
  return (
    <Card withBorder>
      <Stack>
        <div>
          <Title order={3} size="h4">
            Evaluasi {v.label}: {v.baris.namaLengkap}
          </Title>
          <Text size="sm" c="dimmed">
            NIP {formatNip(v.baris.nip)} · {STATUS_TRIWULAN_LABEL[e?.status ?? 'BELUM']}
          </Text>
        </div>
        <List size="sm">
          {v.baris.periode.map((p) => (
            <List.Item key={p.kode}>
              {p.label}: {p.predikat ? PREDIKAT_PEGAWAI_LABEL[p.predikat] : 'belum dinilai'}
            </List.Item>
          ))}
        </List>
        {e?.status !== 'FINAL' && v.penolakanFinal.length > 0 && (
          <Alert color="yellow" title="Belum dapat difinalkan">
            <List size="sm">
              {v.penolakanFinal.map((a) => (
                <List.Item key={a}>{a}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {v.bolehMengisi ? (
          <Isian key={e?.version ?? 0} view={v} pegawaiId={pegawaiId} t={t} />
        ) : (
          <Text size="sm">
            Predikat triwulan: {e?.predikat ? PREDIKAT_PEGAWAI_LABEL[e.predikat] : '-'} · Rekomendasi kontrak:{' '}
            {e?.rekomendasi ? REKOMENDASI_KONTRAK_LABEL[e.rekomendasi] : '-'}
            {e?.alasanPerubahan ? ` · Alasan perubahan: ${e.alasanPerubahan}` : ''}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
