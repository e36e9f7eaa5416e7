/**
 * Single sign-on (OpenID Connect) of the instansi: the provider, the client, the NIP claim, and per
 * role group whether the password login is off. The client secret is write-only: the page shows
 * only whether one is stored; an empty field keeps it. Saved with the version read (409 meanwhile).
 */
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SsoPengaturanOut } from '../../../src/contracts/sso';
import { KELOMPOK_MFA, KELOMPOK_MFA_LABEL } from '../../../src/domain/mfa';
import { useGalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { api, put } from '../../lib/api';

const KEY_SSO = ['pengaturan', 'sso'] as const;

function Formulir({ awal }: { awal: SsoPengaturanOut }) {
  const queryClient = useQueryClient();
  const galat = useGalatForm();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      aktif: awal.aktif,
      penerbit: awal.penerbit ?? '',
      clientId: awal.clientId ?? '',
      rahasiaKlien: '',
      klaimNip: awal.klaimNip,
      kataSandiNonaktif: awal.kataSandiNonaktif,
    },
  });
  const v = form.values;

  const simpan = form.onSubmit(async (values) => {
    setBusy(true);
    galat.hapus();
    try {
      const { rahasiaKlien, ...isi } = values;
      const res = await put<SsoPengaturanOut>('/api/pengaturan/sso', {
        ...isi,
        ...(rahasiaKlien.trim() ? { rahasiaKlien } : {}),
        version: awal.version,
      });
      queryClient.setQueryData(KEY_SSO, res);
      form.setFieldValue('rahasiaKlien', '');
      notifications.show({ color: 'teal', message: 'Pengaturan SSO tersimpan.' });
    } catch (e) {
      galat.tampilkan(e, form);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Card withBorder>
      <form onSubmit={simpan} noValidate aria-label="Masuk dengan SSO">
        <Stack gap="sm">
          <Text fw={600}>Masuk dengan SSO (OpenID Connect)</Text>
          <Text size="sm" c="dimmed">
            Pegawai masuk melalui penyedia identitas daerah dengan tombol “Masuk dengan SSO”; NIP pada akun
            penyedia dicocokkan dengan pegawai instansi ini. Daftarkan kedua alamat berikut pada penyedia:
          </Text>
          <Text size="sm">
            Redirect URI: <Code>{awal.redirectUri}</Code>
            <br />
            Post-logout redirect URI: <Code>{awal.postLogoutRedirectUri}</Code>
          </Text>
          {galat.ringkasan}
          <Switch label="Aktifkan masuk dengan SSO" {...form.getInputProps('aktif', { type: 'checkbox' })} />
          <TextInput
            label="Alamat penerbit (issuer)"
            placeholder="https://sso.pemda.go.id/realms/asn"
            {...form.getInputProps('penerbit')}
          />
          <TextInput label="Client ID" {...form.getInputProps('clientId')} />
          <PasswordInput
            label="Client secret"
            description={
              awal.rahasiaKlienTersimpan
                ? 'Tersimpan (tidak ditampilkan). Kosongkan untuk tetap memakai yang tersimpan.'
                : 'Belum ada yang tersimpan.'
            }
            autoComplete="new-password"
            {...form.getInputProps('rahasiaKlien')}
          />
          <TextInput
            label="Klaim yang memuat NIP"
            description="Nama klaim pada ID token atau UserInfo, mis. nip."
            {...form.getInputProps('klaimNip')}
          />
          <Text size="sm" fw={500}>
            Nonaktifkan masuk dengan kata sandi (hanya SSO) untuk:
          </Text>
          {KELOMPOK_MFA.map((k) => (
            <Switch
              key={k}
              label={KELOMPOK_MFA_LABEL[k]}
              {...form.getInputProps(`kataSandiNonaktif.${k}`, { type: 'checkbox' })}
            />
          ))}
          {!v.aktif && Object.values(v.kataSandiNonaktif).some(Boolean) && (
            <Alert color="orange" role="alert">
              Masuk dengan kata sandi hanya dapat dinonaktifkan selama SSO aktif.
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              Simpan pengaturan SSO
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function PengaturanSso() {
  const query = useQuery({
    queryKey: KEY_SSO,
    queryFn: () => api<SsoPengaturanOut>('/api/pengaturan/sso'),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Formulir key={query.data.version} awal={query.data} />;
}
