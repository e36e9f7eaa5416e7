/**
 * Admin actions on one employee — mutation, superior override, Plt/Plh, password and authenticator
 * reset, roles — each shown only when the server says the viewer holds that power over this
 * employee (SPEC §11).
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Select,
  type SelectProps,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { JabatanRef, PegawaiDetail } from '../../../src/contracts/pegawai';
import {
  JENIS_ATASAN_OVERRIDE,
  JENIS_ATASAN_OVERRIDE_LABEL,
  type JenisAtasanOverride,
} from '../../../src/domain/jabatan';
import { type FormDenganGalat, useGalatForm } from '../../components/GalatForm';
import { PilihOpd } from '../../components/PilihOpd';
import { PilihPegawai } from '../../components/PilihPegawai';
import { api, post, put } from '../../lib/api';
import { hariIniDi, JENIS_JABATAN_LABEL, PERAN_LABEL } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';

function useJabatanOptions(search: string) {
  const [q] = useDebouncedValue(search, 250);
  return useQuery({
    queryKey: ['jabatan', q],
    queryFn: () => api<{ items: JabatanRef[] }>(`/api/jabatan?limit=50&q=${encodeURIComponent(q)}`),
    select: (d) =>
      d.items.map((j) => ({
        value: String(j.id),
        label: `${j.nama} — ${j.unorNama} (${JENIS_JABATAN_LABEL[j.jenis]})`,
      })),
  });
}

/** A write of this page: refreshes the employee; a refusal goes on the form's fields and its summary. */
function useSave(p: PegawaiDetail) {
  const queryClient = useQueryClient();
  const galat = useGalatForm();
  async function save(action: () => Promise<unknown>, done: string, form?: FormDenganGalat) {
    galat.hapus();
    try {
      await action();
      notifications.show({ color: 'teal', message: done });
      await queryClient.invalidateQueries({ queryKey: ['pegawai', p.id] });
      return true;
    } catch (e) {
      galat.tampilkan(e, form);
      return false;
    }
  }
  return { ringkasan: galat.ringkasan, save };
}

/** A position searched on the server as the user types; the value is its id as a string. */
function PilihJabatan({
  label,
  ...props
}: { label: string } & Omit<SelectProps, 'data' | 'searchable' | 'searchValue' | 'onSearchChange'>) {
  const [search, setSearch] = useState('');
  const options = useJabatanOptions(search);
  return (
    <Select
      label={label}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.data ?? []}
      nothingFoundMessage="Jabatan tidak ditemukan"
      // The server has searched already.
      filter={({ options: o }) => o}
      {...props}
    />
  );
}

function MutasiForm({ p }: { p: PegawaiDetail }) {
  const { zona } = useJadwal();
  const { ringkasan, save } = useSave(p);
  const form = useForm({
    initialValues: { jabatanId: '', tmtMulai: hariIniDi(zona), alasan: '' },
    validate: {
      jabatanId: (v) => (v ? null : 'Pilih jabatan tujuan.'),
      tmtMulai: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Tanggal TMT berformat TTTT-BB-HH.'),
      alasan: (v) => (v.trim().length >= 3 ? null : 'Alasan wajib diisi.'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const ok = await save(
      () => post(`/api/pegawai/${p.id}/mutasi`, { ...v, jabatanId: Number(v.jabatanId), version: p.version }),
      'Mutasi tersimpan.',
      form,
    );
    if (ok) form.reset();
  });
  return (
    <form onSubmit={submit} aria-label="Mutasi jabatan">
      <Stack gap="xs">
        <Title order={5}>Mutasi jabatan</Title>
        {ringkasan}
        <PilihJabatan label="Jabatan tujuan" {...form.getInputProps('jabatanId')} />
        <TextInput label="TMT jabatan" type="date" {...form.getInputProps('tmtMulai')} />
        <TextInput label="Alasan" {...form.getInputProps('alasan')} />
        <Button type="submit">Simpan mutasi</Button>
      </Stack>
    </form>
  );
}

function AtasanForm({ p }: { p: PegawaiDetail }) {
  const { ringkasan, save } = useSave(p);
  // A team lead is for functional staff only (SPEC §3); the server checks it again.
  const fungsional = p.jabatan?.jenis === 'FUNGSIONAL';
  const form = useForm({
    initialValues: { atasanId: '', jenis: 'KOREKSI' as JenisAtasanOverride, alasan: '' },
    validate: { alasan: (v) => (v.trim().length >= 3 ? null : 'Alasan wajib diisi.') },
  });
  const submit = (atasanId: number | null) =>
    form.onSubmit(async (v) => {
      if (atasanId === 0) return form.setFieldError('atasanId', 'Pilih atasan.');
      await save(
        () =>
          put(`/api/pegawai/${p.id}/atasan`, {
            atasanId,
            jenis: fungsional ? v.jenis : 'KOREKSI',
            alasan: v.alasan,
            version: p.version,
          }),
        'Atasan tersimpan.',
        form,
      );
    });
  return (
    <form onSubmit={submit(form.values.atasanId ? Number(form.values.atasanId) : 0)} aria-label="Ubah atasan">
      <Stack gap="xs">
        <Title order={5}>Ubah atasan (pejabat penilai)</Title>
        {ringkasan}
        {fungsional && (
          <Select
            label="Jenis penetapan"
            description="Ketua Tim Kerja: pimpinan tim tempat pejabat fungsional ini bekerja, dari OPD yang sama."
            data={JENIS_ATASAN_OVERRIDE.map((j) => ({ value: j, label: JENIS_ATASAN_OVERRIDE_LABEL[j] }))}
            allowDeselect={false}
            {...form.getInputProps('jenis')}
          />
        )}
        <PilihPegawai
          label={form.values.jenis === 'KETUA_TIM' && fungsional ? 'Ketua Tim Kerja' : 'Atasan baru'}
          {...form.getInputProps('atasanId')}
        />
        <TextInput label="Alasan" {...form.getInputProps('alasan')} />
        <Group>
          <Button type="submit">Tetapkan atasan</Button>
          {p.atasanOverride && (
            <Button variant="light" color="orange" onClick={() => submit(null)()}>
              Kembalikan ke struktur
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function PltForm({ p }: { p: PegawaiDetail }) {
  const { zona } = useJadwal();
  const { ringkasan, save } = useSave(p);
  const form = useForm({
    initialValues: { jabatanId: '', jenis: 'PLT', tmtMulai: hariIniDi(zona), tmtSelesai: '', alasan: '' },
    validate: {
      jabatanId: (v) => (v ? null : 'Pilih jabatan.'),
      alasan: (v) => (v.trim().length >= 3 ? null : 'Alasan wajib diisi.'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    await save(
      () =>
        post(`/api/pegawai/${p.id}/plt`, {
          jabatanId: Number(v.jabatanId),
          jenis: v.jenis,
          tmtMulai: v.tmtMulai,
          tmtSelesai: v.tmtSelesai || null,
          alasan: v.alasan,
        }),
      'Penugasan Plt/Plh tersimpan.',
      form,
    );
  });
  return (
    <form onSubmit={submit} aria-label="Penugasan Plt/Plh">
      <Stack gap="xs">
        <Title order={5}>Penugasan Plt/Plh</Title>
        {ringkasan}
        <Select
          label="Jenis"
          data={[
            { value: 'PLT', label: 'Plt' },
            { value: 'PLH', label: 'Plh' },
          ]}
          {...form.getInputProps('jenis')}
        />
        <PilihJabatan label="Jabatan struktural" {...form.getInputProps('jabatanId')} />
        <SimpleGrid cols={2}>
          <TextInput label="Mulai" type="date" {...form.getInputProps('tmtMulai')} />
          <TextInput label="Selesai" type="date" {...form.getInputProps('tmtSelesai')} />
        </SimpleGrid>
        <TextInput label="Alasan" {...form.getInputProps('alasan')} />
        <Button type="submit">Simpan penugasan</Button>
      </Stack>
    </form>
  );
}

function ResetForm({ p }: { p: PegawaiDetail }) {
  const [temp, setTemp] = useState<string | null>(null);
  const [alasan, setAlasan] = useState('');
  const { ringkasan, save } = useSave(p);
  // Resetting another BKD admin is recorded with a reason.
  const perluAlasan = p.roles.some((r) => r.peran === 'ADMIN_INSTANSI');
  return (
    <Stack gap="xs">
      <Title order={5}>Reset kata sandi</Title>
      {ringkasan}
      <Text size="sm" c="dimmed">
        Pegawai menerima kata sandi sementara dan wajib menggantinya saat masuk.
      </Text>
      {perluAlasan && (
        <TextInput
          label="Alasan (pegawai ini admin instansi)"
          value={alasan}
          onChange={(e) => setAlasan(e.currentTarget.value)}
        />
      )}
      {temp && (
        <Alert color="teal" title="Kata sandi sementara (tampil sekali)">
          <Code fz="lg">{temp}</Code>
        </Alert>
      )}
      <Button
        variant="light"
        color="red"
        onClick={() =>
          save(
            async () =>
              setTemp(
                (
                  await post<{ passwordSementara: string }>(
                    `/api/pegawai/${p.id}/reset-password`,
                    perluAlasan ? { alasan } : {},
                  )
                ).passwordSementara,
              ),
            'Kata sandi direset.',
          )
        }
      >
        Reset kata sandi
      </Button>
    </Stack>
  );
}

/** A lost or replaced phone: the employee's authenticator, recovery codes and sessions are removed. */
function ResetMfaForm({ p }: { p: PegawaiDetail }) {
  const { ringkasan, save } = useSave(p);
  const form = useForm({
    initialValues: { alasan: '' },
    validate: { alasan: (v) => (v.trim().length >= 3 ? null : 'Alasan wajib diisi (minimal 3 karakter).') },
  });
  const submit = form.onSubmit(async (values) => {
    const ok = await save(
      () => post(`/api/pegawai/${p.id}/reset-mfa`, values),
      'Autentikator direset.',
      form,
    );
    if (ok) form.reset();
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Reset autentikator">
      <Stack gap="xs">
        <Title order={5}>Reset autentikator</Title>
        {ringkasan}
        <Text size="sm" c="dimmed">
          Untuk ponsel yang hilang atau diganti: aplikasi autentikator dan kode pemulihan pegawai dihapus dan
          semua sesinya berakhir. Bila kebijakan instansi mewajibkan, pegawai mendaftar ulang saat masuk.
        </Text>
        <TextInput label="Alasan reset autentikator" {...form.getInputProps('alasan')} />
        <Button type="submit" variant="light" color="red">
          Reset autentikator
        </Button>
      </Stack>
    </form>
  );
}

type Peran = PegawaiDetail['roles'][number]['peran'];

function PeranForm({ p }: { p: PegawaiDetail }) {
  const { ringkasan, save } = useSave(p);
  const punya = (peran: Peran) => p.roles.some((r) => r.peran === peran);
  const [instansi, setInstansi] = useState(punya('ADMIN_INSTANSI'));
  const [timPenilai, setTimPenilai] = useState(punya('TIM_PENILAI'));
  const [opdId, setOpdId] = useState<number | null>(
    p.roles.find((r) => r.peran === 'ADMIN_OPD')?.opdId ?? null,
  );
  const [alasan, setAlasan] = useState('');
  const peran = [
    ...(instansi ? [{ peran: 'ADMIN_INSTANSI' as const, opdId: null }] : []),
    ...(timPenilai ? [{ peran: 'TIM_PENILAI' as const, opdId: null }] : []),
    ...(opdId !== null ? [{ peran: 'ADMIN_OPD' as const, opdId }] : []),
  ];
  return (
    <Stack gap="xs">
      <Title order={5}>Peran administratif</Title>
      {ringkasan}
      <Checkbox
        label={PERAN_LABEL.ADMIN_INSTANSI}
        checked={instansi}
        onChange={(e) => setInstansi(e.currentTarget.checked)}
      />
      <Checkbox
        label={PERAN_LABEL.TIM_PENILAI}
        checked={timPenilai}
        onChange={(e) => setTimPenilai(e.currentTarget.checked)}
      />
      <PilihOpd
        label={PERAN_LABEL.ADMIN_OPD}
        placeholder="Bukan admin OPD"
        value={opdId}
        onChange={setOpdId}
      />
      <TextInput label="Alasan" value={alasan} onChange={(e) => setAlasan(e.currentTarget.value)} />
      <Button
        variant="light"
        onClick={() =>
          save(
            () => put(`/api/pegawai/${p.id}/peran`, { peran, alasan, version: p.version }),
            'Peran disimpan.',
          )
        }
      >
        Simpan peran
      </Button>
    </Stack>
  );
}

export function KelolaPegawai({ pegawai }: { pegawai: PegawaiDetail }) {
  const boleh = (kuasa: PegawaiDetail['can']['kuasa'][number]) => pegawai.can.kuasa.includes(kuasa);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Kelola pegawai
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        {boleh('MUTASI') && <MutasiForm p={pegawai} />}
        {boleh('ATASAN') && <AtasanForm p={pegawai} />}
        {boleh('PLT') && <PltForm p={pegawai} />}
        {boleh('RESET_KATA_SANDI') && <ResetForm p={pegawai} />}
        {boleh('RESET_MFA') && <ResetMfaForm p={pegawai} />}
        {boleh('PERAN') && <PeranForm p={pegawai} />}
      </SimpleGrid>
    </Card>
  );
}
